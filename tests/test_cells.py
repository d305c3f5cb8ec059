"""What people type, turned into values: each spelling against the value it means, worked out by hand."""

import datetime as dt

import pytest

from okrxl.core.problems import CellValueError
from okrxl.core.words import Words
from okrxl.excel.cells import (
    ambiguous_fraction_text,
    check_plausible_date,
    clean_text,
    is_ambiguous_fraction,
    is_percent_format,
    is_typed_as_percent,
    meant_date,
    read_completion,
    read_date,
    read_ids,
    read_number,
    read_target,
    unit_means_percent,
)


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
    ("raw", "number_format", "points"),
    [
        pytest.param(0.07, "0%", 7.0, id="7 % is 7, not 7.000000000000001"),
        pytest.param(0.1, "0%", 10.0, id="10 %"),
        pytest.param(0.29, "0%", 29.0, id="29 %, not 28.999999999999996"),
        pytest.param(1.05, "0%", 105.0, id="105 %"),
        pytest.param(1.2, "0%", 120.0, id="120 %"),
        pytest.param(10, "0%", 1000.0, id="1000 %: still what it shows"),
        pytest.param(-0.05, "0%", -5.0, id="minus 5 %"),
        pytest.param("12 %", None, 12.0, id="text with a percent sign is points"),
        pytest.param("7%", None, 7.0, id="7% as text"),
        pytest.param(0.15, "General", 0.15, id="a plain cell is read as written"),
    ],
)
def test_a_percent_cell_is_the_percent_it_shows_rounded_to_ten_significant_digits(raw, number_format, points):
    notes = []
    assert read_number(raw, number_format, percent_points=True, notes=notes) == points  # exactly, no approx
    assert notes == []


@pytest.mark.parametrize("raw", [97.8, 10.5, -12.0])
def test_a_percent_cell_showing_more_than_1000_percent_is_read_as_typed_with_a_warning(raw):
    notes = []
    assert read_number(raw, "0.0%", percent_points=True, notes=notes) == raw
    assert [code for code, _ in notes] == ["ambiguous-percent"]
    assert f"shows as {raw * 100:g} %" in notes[0][1].en
    assert f"visas som {raw * 100:g} %" in notes[0][1].sv


def test_settings_read_text_with_a_percent_sign_as_a_fraction():
    assert read_number("40 %") == 0.4


@pytest.mark.parametrize(
    ("number_format", "expected"),
    [
        ("0%", True),
        ("0.0%", True),
        ("#,##0.00 %", True),
        ('0"%"', False),  # a literal percent sign in quotes: the number is not multiplied
        ("0\\%", False),  # an escaped percent sign
        ('"Andel "0%', True),
        ("General", False),
        ("yyyy-mm-dd", False),
        (None, False),
    ],
)
def test_a_number_format_is_a_percent_format_when_it_has_a_percent_sign_outside_quotes(number_format, expected):
    assert is_percent_format(number_format) is expected


@pytest.mark.parametrize(
    ("unit", "expected"),
    [
        ("%", True), (" % ", True), ("% av kunderna", True), ("procent", True), ("Procent", True),
        ("percent", True), ("PCT", True), ("procentenheter", True), ("procentenhet", True), ("andel", True),
        ("pp", True), ("p.p.", True), ("percentage", True), ("Percentage   points", True), ("prozent", True),
        ("pourcentage", True), ("pourcent", True),
        ("MSEK", False), ("st", False), ("kunder", False), ("percentile", False), ("andelar", False), (None, False),
    ],
)  # fmt: skip
def test_a_unit_means_percent_when_it_has_a_percent_sign_or_is_a_percent_word(unit, expected):
    assert unit_means_percent(unit) is expected


@pytest.mark.parametrize(
    ("raw", "number_format", "expected"),
    [
        (0.15, "0%", True), (15, "0%", True), ("15 %", None, True), ("15%", "General", True), (" 15 % ", None, True),
        (15, "General", False), ("15", None, False), ("0,15", "0%", False), (True, "0%", False), (None, "0%", False),
        ("X", None, False),
    ],
)  # fmt: skip
def test_a_value_is_typed_as_a_percent_in_a_percent_cell_or_with_a_percent_sign(raw, number_format, expected):
    assert is_typed_as_percent(raw, number_format) is expected


@pytest.mark.parametrize(
    ("value", "baseline", "target", "expected"),
    [
        pytest.param(0.15, 10.0, 20.0, True, id="0.15 beside 10 and 20"),
        pytest.param(0.15, None, 20.0, True, id="only a target, of 20"),
        pytest.param(-0.5, 10.0, 20.0, True, id="negative"),
        pytest.param(0.15, None, None, False, id="nothing to compare with"),
        pytest.param(0.15, 0.5, 20.0, False, id="a baseline below 1: fractions are this key result's scale"),
        pytest.param(0.15, 0.0, 20.0, False, id="a baseline of 0 is set and below 1"),
        pytest.param(1.5, 10.0, 20.0, False, id="not below 1"),
        pytest.param(1.0, 10.0, 20.0, False, id="1 is not a fraction"),
        pytest.param(0.0, 10.0, 20.0, False, id="0 is not a fraction"),
    ],
)
def test_a_plain_fraction_beside_percent_points_of_1_or_more_is_ambiguous(value, baseline, target, expected):
    assert is_ambiguous_fraction(value, baseline=baseline, target=target) is expected


def test_the_ambiguous_fraction_text_says_how_it_was_read_and_what_to_write():
    assert ambiguous_fraction_text(0.15, baseline=10, target=20) == Words(
        "0,15 bredvid ett utgångsvärde på 10 och ett mål på 20 (procentenheter) läses som 0,15 %; "
        "menade du 15 %, skriv 15",
        "0.15 beside a baseline of 10 and a target of 20 (percent points) is read as 0.15 %; "
        "if you meant 15 %, write 15",
    )
    assert ambiguous_fraction_text(0.07, baseline=None, target=20).en.startswith("0.07 beside a target of 20 (")


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


Q1_2027 = {
    "start": dt.date(2027, 1, 1),
    "end": dt.date(2027, 3, 31),
    "period_name": Words("kvartalet 2027-Q1", "the quarter 2027-Q1"),
}


@pytest.mark.parametrize(
    "day",
    [
        pytest.param(dt.date(2027, 2, 15), id="inside"),
        pytest.param(dt.date(2025, 12, 31), id="366 days before the first day"),
        pytest.param(dt.date(2028, 3, 31), id="366 days after the last day (2028 is a leap year)"),
    ],
)
def test_a_date_within_a_year_of_the_period_is_plausible(day):
    check_plausible_date(day, **Q1_2027)  # no error


@pytest.mark.parametrize(
    ("day", "meant"),
    [
        pytest.param(dt.date(2015, 2, 1), dt.date(2027, 2, 15), id="15 feb read as 2015-02-01"),
        pytest.param(dt.date(2015, 2, 27), dt.date(2027, 2, 15), id="15-2-27 read as 2015-02-27"),
        pytest.param(dt.date(1931, 2, 1), None, id="31/2 read as 1931-02-01: 31 February is no date"),
        pytest.param(dt.date(2025, 12, 30), dt.date(2027, 12, 25), id="367 days before; 25 Dec 2027 is in reach"),
        pytest.param(dt.date(2028, 4, 1), dt.date(2027, 4, 28), id="one day too late"),
        pytest.param(dt.date(2000, 3, 1), None, id="day 0"),
        pytest.param(dt.date(1960, 3, 1), None, id="day 60"),
    ],
)
def test_a_date_more_than_a_year_from_the_period_is_implausible_with_the_date_meant(day, meant):
    with pytest.raises(CellValueError) as error:
        check_plausible_date(day, **Q1_2027)
    assert error.value.code == "implausible-date"
    assert meant_date(day, start=Q1_2027["start"], end=Q1_2027["end"]) == meant
    ending = f"Write it as {meant}" if meant else "write the date in full, e.g. 2027-03-15"
    assert str(error.value).endswith(ending)


def test_the_implausible_date_message_names_the_period_and_the_date_meant():
    with pytest.raises(CellValueError) as error:
        check_plausible_date(dt.date(2015, 2, 1), **Q1_2027)
    assert str(error.value) == (
        "2015-02-01 is more than a year from the quarter 2027-Q1 (2027-01-01 to 2027-03-31): the spreadsheet "
        "app read what was typed as another date. Did you mean 2027-02-15? Write it as 2027-02-15"
    )
    with pytest.raises(CellValueError) as error:
        check_plausible_date(dt.date(1931, 2, 1), **Q1_2027)
    assert str(error.value) == (
        "1931-02-01 is more than a year from the quarter 2027-Q1 (2027-01-01 to 2027-03-31): "
        "write the date in full, e.g. 2027-03-15"
    )


def test_the_date_meant_is_in_the_year_of_the_period_end_when_that_is_closer():
    """A strategic year from July 2027 to June 2028: May is closer in 2028 (inside) than in 2027 (before)."""
    start, end = dt.date(2027, 7, 1), dt.date(2028, 6, 30)
    assert meant_date(dt.date(2015, 5, 1), start=start, end=end) == dt.date(2028, 5, 15)
    assert meant_date(dt.date(2015, 8, 1), start=start, end=end) == dt.date(2027, 8, 15)


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
    ("raw", "share"),
    [
        ("  Not   done ", 0.0), ("ej  klar", 0.0), ("EJ KLAR", 0.0), ("falskt", 0.0), ("n", 0.0), ("KLAR ", 1.0),
        ("klart", 1.0), ("✓", 1.0), ("sant", 1.0), ("j", 1.0), ("y", 1.0), ("True", 1.0),
    ],
)  # fmt: skip
def test_done_and_not_done_words_ignore_case_and_repeated_spaces(raw, share):
    assert read_completion(raw) == share


@pytest.mark.parametrize(
    ("raw", "number_format", "share", "codes"),
    [
        pytest.param(0.4, "0%", 0.4, [], id="40 % in a percent cell"),
        pytest.param(1, "0%", 1.0, [], id="100 % in a percent cell"),
        pytest.param(40, "0%", 0.4, ["ambiguous-percent"], id="40 typed over a percent cell (4000 %)"),
        pytest.param(0.4, "General", 0.4, [], id="0.4 in a plain cell"),
        pytest.param(40, "General", 0.4, [], id="40 in a plain cell is percent"),
        pytest.param(1.5, "General", 0.015, [], id="1.5 in a plain cell is 1.5 %"),
        pytest.param("0,4", None, 0.4, [], id="0,4 as text"),
        pytest.param("40", None, 0.4, [], id="40 as text"),
    ],
)
def test_a_share_done_depends_on_the_cell_format(raw, number_format, share, codes):
    notes = []
    assert read_completion(raw, number_format, notes=notes) == pytest.approx(share)
    assert [code for code, _ in notes] == codes


@pytest.mark.parametrize(("raw", "shown"), [(1.5, "150 %"), (5, "500 %"), (-0.1, "-10 %")])
def test_more_than_100_percent_in_a_percent_cell_is_not_a_share_done(raw, shown):
    with pytest.raises(CellValueError) as error:
        read_completion(raw, "0%")
    assert error.value.code == "not-a-completion"
    assert str(error.value) == f"a share done is between 0 and 100 %, got {shown}"


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


@pytest.mark.parametrize("raw", [1e308, -1e16, float("inf"), float("nan"), "10 000 000 000 000 000"],
                         ids=["1e308", "-1e16", "inf", "nan", "typed with spaces"])  # fmt: skip
def test_a_number_beyond_1e15_is_a_problem_not_a_value_that_overflows(raw):
    with pytest.raises(CellValueError, match="beyond what okrxl reads") as error:
        read_number(raw)
    assert error.value.code == "number-too-large"
    assert read_number(1e15) == 1e15
