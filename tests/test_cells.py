"""What people type, turned into values: each spelling against the value it means, worked out by hand."""

import datetime as dt

import pytest

from okrxl.cells import CellValueError, clean_text, read_completion, read_date, read_ids, read_number, read_target


@pytest.mark.parametrize(
    ("raw", "number_format", "expected"),
    [
        (4, "General", 4.0),
        (4.5, "General", 4.5),
        ("4,5", None, 4.5),
        ("4.5", None, 4.5),
        (" 12 ", None, 12.0),
        ("1 234,5", None, 1234.5),
        ("1\u00a0234", None, 1234.0),  # non-breaking space as thousands separator
        ("1\u202f234,5", None, 1234.5),  # narrow no-break space (Swedish locales)
        ("1.234,5", None, 1234.5),
        ("1,234.5", None, 1234.5),
        ("1.234.567", None, 1234567.0),
        ("0,125", None, 0.125),
        ("-3,5", None, -3.5),
        ("−3,5", None, -3.5),  # a typographic minus
        ("15%", None, 0.15),
        ("15 %", None, 0.15),
        (None, None, None),
        ("   ", None, None),
    ],
)
def test_numbers_in_every_spelling_people_type(raw, number_format, expected):
    value = read_number(raw, number_format)
    assert value is None if expected is None else value == pytest.approx(expected)


@pytest.mark.parametrize(
    ("raw", "number_format", "points"),
    [
        (0.15, "0%", 15.0),  # Excel stores 15% as 0.15 in a percent cell
        (15, "General", 15.0),  # LibreOffice stores a typed 15 as 15
        ("15%", None, 15.0),
        ("15 %", None, 15.0),
        ("97,6", None, 97.6),
        (0.976, "0.0%", 97.6),
    ],
)
def test_percent_columns_are_read_in_percent_points(raw, number_format, points):
    assert read_number(raw, number_format, percent_points=True) == pytest.approx(points)


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("about half", "not-a-number"),
        ("4,5,6", "not-a-number"),
        ("1.234", "ambiguous-number"),
        ("1,234", "ambiguous-number"),
        (dt.datetime(2027, 3, 15), "not-a-number"),
        (True, "not-a-number"),
    ],
)
def test_what_is_not_a_number_is_said_with_the_value(raw, code):
    with pytest.raises(CellValueError) as error:
        read_number(raw)
    assert error.value.code == code


def test_an_ambiguous_number_names_both_readings():
    with pytest.raises(CellValueError, match=r"'1\.234' could mean 1234 or 1\.234"):
        read_number("1.234")


@pytest.mark.parametrize("raw", ["X", "x", "TBD", "?", " tbd ", None])
def test_placeholder_targets_are_not_set_yet(raw):
    assert read_target(raw) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (dt.datetime(2027, 3, 15, 0, 0), dt.date(2027, 3, 15)),
        (dt.date(2027, 3, 15), dt.date(2027, 3, 15)),
        ("2027-03-15", dt.date(2027, 3, 15)),
        ("15/3", dt.date(2027, 3, 15)),
        ("15/2", dt.date(2027, 2, 15)),
        ("15.03.2027", dt.date(2027, 3, 15)),
        ("15.3.27", dt.date(2027, 3, 15)),
        ("1/2", dt.date(2027, 2, 1)),  # day first: 1 February
        (46461, dt.date(2027, 3, 15)),  # an Excel serial number (1900 system)
        (None, None),
    ],
)
def test_dates_in_every_spelling_people_type(raw, expected):
    assert read_date(raw, year=2027) == expected


def test_serial_numbers_follow_the_1904_date_system():
    assert read_date(45000, year=2027, epoch=dt.datetime(1904, 1, 1)) == dt.date(2027, 3, 16)


@pytest.mark.parametrize("raw", ["soon", "31/2", "2027-13-01", 12.5])
def test_what_is_not_a_date_is_said(raw):
    with pytest.raises(CellValueError, match="expected a date"):
        read_date(raw, year=2027)


@pytest.mark.parametrize(
    ("raw", "number_format", "share"),
    [
        ("ja", None, 1.0), ("klar", None, 1.0), ("Yes", None, 1.0), ("DONE", None, 1.0), ("x", None, 1.0),
        (1, "General", 1.0), (1.0, "0%", 1.0), ("100%", None, 1.0), ("nej", None, 0.0), (0, "General", 0.0),
        (0.4, "0%", 0.4), ("40 %", None, 0.4), (40, "General", 0.4), ("40", None, 0.4), (0.35, "General", 0.35),
    ],
)  # fmt: skip
def test_done_words_and_shares_done(raw, number_format, share):
    assert read_completion(raw, number_format) == pytest.approx(share)


@pytest.mark.parametrize("raw", ["maybe", "150 %", -0.5])
def test_what_is_not_a_share_done_is_said(raw):
    with pytest.raises(CellValueError) as error:
        read_completion(raw)
    assert error.value.code == "not-a-completion"


@pytest.mark.parametrize(
    ("raw", "ids"),
    [
        ("S1 – Kommande år vårt starkaste tillväxtår någonsin", ("S1",)),
        ("S1.2 - Öka värdet, med 20%", ("S1.2",)),
        ("S1, S3", ("S1", "S3")),
        ("S1;S3", ("S1", "S3")),
        ("marketing.O1.2", ("marketing.O1.2",)),
        (None, ()),
    ],
)
def test_ids_come_from_dropdown_choices_or_typed_lists(raw, ids):
    assert read_ids(raw) == ids


def test_text_is_stripped_and_carriage_return_escapes_removed():
    assert clean_text("  line1_x000D_\nline2 ") == "line1\nline2"
    assert clean_text(12.0) == "12"
    assert clean_text("   ") is None
