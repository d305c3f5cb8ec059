"""Team workbooks typed into and saved by LibreOffice read back as what the team typed.

The files in tests/files/typed/ were made by tools/type_corpus.py (tests/files/README.md says what
was typed into each, and how to rebuild them); these tests only read them, so they need no
LibreOffice. The expected values are written out by hand from what was typed.
"""

import datetime as dt
from pathlib import Path

import pytest
from sheets import open_workbook

from okrxl import example
from okrxl.model import CheckIn, Commitment, Dependency, KeyResult, KeyResultKind, Objective, Side
from okrxl.model import Confidence as C
from okrxl.workbook_reader import read_team_workbook

TYPED = Path(__file__).parent / "files" / "typed"
K = KeyResultKind
COMMITTED = Commitment.COMMITTED


def d(month, day, year=2027):
    return dt.date(year, month, day)


def ci(month, day, value, confidence=None, note=None):
    """A check-in typed into the column of that date (2027)."""
    return CheckIn(date=d(month, day), value=value, confidence=confidence, note=note)


def kr(local_id, title, kind, *check_ins, **fields):
    return KeyResult(id=local_id, title=title, kind=kind, check_ins=check_ins, **fields)


def obj(local_id, title, aligned_to, *key_results, **fields):
    return Objective(id=local_id, title=title, aligned_to=aligned_to, key_results=key_results, **fields)


# file, language, team, the objectives as typed (see tests/files/README.md)
TYPED_PLANS = [
    (
        "sv_filled_in.xlsx", "sv", "marketing",
        (
            obj("O1", "Fler kunder i Skåne och Västra Götaland", ("S1",),
                kr("O1.1", "Minska churn från 15 % till 5 %", K.DECREASE,
                   ci(1, 4, 14.5), ci(1, 18, 12.0, C.ON_TRACK),  # "14,5" and "12 %" in a % key result
                   commitment=COMMITTED, unit="%", baseline=15.0, target=5.0),
                kr("O1.2", "Nå 1 234 nya läsare av nyhetsbrevet", K.COUNT, ci(1, 18, 150.0),
                   unit="läsare", target=1234.0),  # "1 234"
                kr("O1.3", "Höj snittordern till 4,5 MSEK", K.INCREASE, ci(1, 4, 3.2), ci(1, 18, 3.75),
                   unit="MSEK", owner="Örjan", baseline=3.0, target=4.5),
                owner="Åsa"),
            obj("O2", "Branschens nöjdaste kunder", ("S2",),
                kr("O2.1", "Andel brev till rätt mottagare", K.PERCENT,
                   ci(1, 18, 97.6, C.AT_RISK, "Sorteringsmaskinen i Årsta stod still två dagar"),  # "97,6 %"
                   baseline=96.0, target=99.0),
                kr("O2.2", "Ny kundportal lanserad", K.MILESTONE, ci(1, 18, 0.4, C.ON_TRACK),  # "40 %"
                   commitment=COMMITTED, due=d(3, 15)),  # "15/3"
                kr("O2.3", "Kundhandbok på svenska och norska tryckt", K.MILESTONE,
                   ci(1, 18, 0.2), ci(2, 1, 1.0),  # "20 %", "klar"
                   due=d(3, 15))),
        ),
    ),
    (
        "en_filled_in.xlsx", "en", "sales",
        (
            obj("O1", "Win customers in Norway", ("S3", "S1"),
                kr("O1.1", "Invoicing to new customers reaches 4.5 MSEK", K.INCREASE,
                   ci(1, 4, 0.6), ci(1, 18, 1.25, C.ON_TRACK),
                   commitment=COMMITTED, unit="MSEK", baseline=0.0, target=4.5, owner="Fredrika", feeds="S1.1"),
                kr("O1.2", "Share of quotes won", K.PERCENT, ci(1, 18, 12.0, C.AT_RISK),  # "12%"
                   baseline=10.0, target=30.0),  # "30%"
                kr("O1.3", "Norwegian price list published", K.MILESTONE, ci(1, 18, 1.0),  # "done"
                   due=d(3, 15))),  # "15/3", text in en-US
            obj("O2", "Be ready for faster growth", ("S1",),
                kr("O2.1", "Recruit 2 Norwegian sales people", K.COUNT, ci(1, 18, 1.0, note="One offer signed"),
                   target=2.0, weight=2.0,
                   depends_on=(Dependency(key_result_id="marketing.O1.2", needed_by=d(2, 15)),)),
                kr("O2.2", "Upselling plan ready", K.MILESTONE, ci(1, 4, 0.5), ci(1, 18, 1.0),  # "50%", "x"
                   due=d(2, 26)),
                kr("O2.3", "Complaints per week at most 4.5", K.MAINTAIN, ci(1, 4, 4.0), ci(1, 18, 5.0, C.OFF_TRACK),
                   side=Side.AT_MOST, target=4.5),
                kr("O2.4", "Reach 1,234 decision makers", K.COUNT, ci(1, 18, 150.0),
                   target=1234.0, due=d(3, 15))),  # "1,234" and "3/15/2027" in en-US
        ),
    ),
    (
        "sv_inserted_rows.xlsx", "sv", "production",
        (
            obj("O1", "Felfri hantering av all post", ("S2",),
                kr("O1.1", "Rätt mottagare", K.PERCENT, ci(1, 18, 97.4), baseline=97.2, target=100.0),
                kr("O1.2", "All post hanteras", K.PERCENT, ci(1, 18, 99.6), baseline=99.5, target=100.0),
                kr("O1.6", "Högst 2 borttappade paket i veckan", K.MAINTAIN, ci(1, 18, 1.0),  # the inserted row
                   side=Side.AT_MOST, unit="paket", target=2.0),
                kr("O1.3", "Kortare hanteringstid per brev", K.DECREASE, ci(1, 18, 46.0),
                   unit="h", baseline=48.0, target=33.6)),
            obj("O2", "Överträffa kundernas förväntningar", ("S2",),
                kr("O2.1", "NPS-basvärde från 100 kunder", K.COUNT, ci(1, 18, 30.0), target=100.0),
                kr("O2.2", "Volymrapport till de 25 största kunderna", K.MILESTONE, ci(1, 18, 0.5), due=d(2, 26)),
                # Inserted below O2.2 with no id: the next free id of the objective above.
                kr("O2.3", "Kundpanel med 12 kunder startad", K.MILESTONE, ci(1, 18, 1.0), due=d(3, 31))),
        ),
    ),
    (
        "en_deleted_row.xlsx", "en", "marketing",
        (
            obj("O1", "Deliver the material for the sales tests in Norway", ("S3",),
                kr("O1.1", "Translated website live", K.MILESTONE, ci(1, 18, 0.4), due=d(2, 15)),
                kr("O1.2", "Norwegian catalogue printed", K.MILESTONE, due=d(3, 15)),
                kr("O1.4", "Reach 1000 decision makers", K.COUNT, ci(1, 18, 150.0), target=1000.0)),
            obj("O2", "Stronger ties with existing customers", ("S2",),
                # "48,5" and "2,5" typed by a colleague in Swedish settings into the English workbook
                kr("O2.1", "Newsletter open rate", K.INCREASE, ci(1, 18, 48.5), unit="%", baseline=42.0, target=60.0),
                kr("O2.4", "Event attendance", K.PERCENT, ci(1, 18, 2.5), target=10.0)),
        ),
    ),
    (
        "en_objective_6.xlsx", "en", "production",
        (
            obj("O1", "Flawless handling", ("S2",),
                kr("O1.1", "Mail reaches the right recipient", K.PERCENT, ci(1, 18, 97.4), baseline=97.2, target=100.0),
                kr("O1.2", "No letter lost", K.BINARY)),
            obj("O6", "Handle Norwegian mail", ("S3",),
                kr("O6.1", "Norwegian sorting rules documented", K.MILESTONE, ci(1, 18, 0.25), due=d(3, 1)),
                kr("O6.2", "Norwegian letters handled per day", K.INCREASE, ci(1, 18, 120.0),
                   baseline=0.0, target=500.0)),
        ),
    ),
    (
        "sv_pasted_over_validation.xlsx", "sv", "sales",
        (
            obj("O1", "Aggressiv försäljningstillväxt", ("S1",),
                # confidence "maybe" pasted: no confidence
                kr("O1.1", "Fakturering nya kunder 4 MSEK", K.INCREASE, ci(1, 18, 0.6), unit="MSEK", target=4.0),
                # O1.2, kind "Bananas" pasted, is left out
                # baseline "1.234" is ambiguous, the check-in "ungefär hälften" is not a number
                kr("O1.3", "Antal offerter", K.COUNT, target=2000.0)),
        ),
    ),
    (
        "sv_copied_row.xlsx", "sv", "marketing",
        (
            obj("O1", "Leverera materialet för säljtesterna i Norge", ("S3",),
                kr("O1.1", "Översatt hemsida lanserad", K.MILESTONE, ci(1, 18, 0.4), due=d(2, 15)),
                # the copy below it, still O1.2, is left out
                kr("O1.2", "Norsk produktkatalog tryckt", K.MILESTONE, ci(1, 18, 0.1), due=d(3, 15))),
        ),
    ),
    (
        "sv_retyped_percent_cells.xlsx", "sv", "production",
        (
            obj("O1", "Felfri hantering", ("S2",),
                # "99 %" then "99,5", "97,6 %" then "97,8": LibreOffice stores 99.5 and 97.8 in percent cells
                kr("O1.1", "Rätt mottagare", K.PERCENT, ci(1, 18, 97.8), baseline=97.2, target=99.5),
                kr("O1.2", "Ny sorteringsmaskin i drift", K.MILESTONE, ci(1, 18, 0.6),  # "40 %" then "60"
                   due=d(3, 31)),
                # inserted below O1.2, its check-in cell formatted as percent like the row above: "25"
                kr("O1.6", "Personalen utbildad", K.MILESTONE, ci(1, 18, 0.25), due=d(3, 31))),
        ),
    ),
    (
        "sv_typed_in_december.xlsx", "sv", "sales",
        (
            obj("O1", "Försäljning i Norge", ("S3",),
                # "15/3" and "1/2" typed on 14 December 2026 are dates in 2026: read as they are
                kr("O1.1", "Norsk prislista klar", K.MILESTONE, due=d(3, 15, 2026)),
                kr("O1.2", "Två norska säljare anställda", K.COUNT, target=2.0,
                   depends_on=(Dependency(key_result_id="marketing.O1.2", needed_by=d(2, 1, 2026)),))),
        ),
    ),
]  # fmt: skip

# file, every (cell, problem code) okrxl should report
TYPED_PROBLEMS = [
    ("sv_filled_in.xlsx", set()),
    ("en_filled_in.xlsx", set()),
    ("sv_inserted_rows.xlsx", {("'OKR'!A15", "inferred-id")}),
    ("en_deleted_row.xlsx", set()),
    ("en_objective_6.xlsx", {("'OKRs'!A35", "below-table")}),  # read, but outside the table: say so
    (
        "sv_pasted_over_validation.xlsx",
        {
            ("'OKR'!C7", "unknown-kind"),
            ("'OKR'!U6", "unknown-confidence"),
            ("'OKR'!H8", "ambiguous-number"),
            ("'OKR'!L8", "not-a-number"),
        },
    ),
    ("sv_copied_row.xlsx", {("'OKR'!A8", "duplicate-id")}),
    (
        "sv_retyped_percent_cells.xlsx",  # read as percent points, and said (warnings)
        {
            ("'OKR'!I6", "ambiguous-percent"),
            ("'OKR'!L6", "ambiguous-percent"),
            ("'OKR'!L7", "ambiguous-percent"),
            ("'OKR'!L8", "ambiguous-percent"),
        },
    ),
    ("sv_typed_in_december.xlsx", {("'OKR'!J6", "date-outside-quarter"), ("'OKR'!AB7", "date-outside-quarter")}),
    ("demo_marketing_resaved.xlsx", set()),
    ("demo_sales_resaved.xlsx", set()),
    ("demo_production_resaved.xlsx", set()),
]


def _read(name, lang="sv"):
    return read_team_workbook(TYPED / name, example.dpab_strategy(lang))


def test_every_typed_file_is_tested_and_listed_in_the_readme():
    files = {p.name for p in TYPED.glob("*.xlsx")}
    assert files == {name for name, _ in TYPED_PROBLEMS}
    readme = (TYPED.parent / "README.md").read_text(encoding="utf-8")
    assert all(f"`{name}`" in readme for name in files)


@pytest.mark.parametrize(("name", "lang", "team", "objectives"), TYPED_PLANS, ids=[row[0] for row in TYPED_PLANS])
def test_a_workbook_typed_into_and_saved_by_an_app_reads_back_as_what_was_typed(name, lang, team, objectives):
    reading = _read(name, lang)
    assert reading.plan is not None, [str(p) for p in reading.problems]
    assert (reading.plan.team.id, reading.plan.quarter) == (team, example.QUARTER)
    for got, expected in zip(reading.plan.objectives, objectives, strict=False):
        assert got.id == expected.id
        for got_kr, expected_kr in zip(got.key_results, expected.key_results, strict=False):
            assert got_kr == expected_kr
        assert got == expected
    assert reading.plan.objectives == objectives


@pytest.mark.parametrize(("name", "problems"), TYPED_PROBLEMS, ids=[row[0] for row in TYPED_PROBLEMS])
def test_cells_that_cannot_be_taken_as_typed_are_problems_naming_the_cell(name, problems):
    reading = _read(name, "en" if name.startswith("en_") else "sv")
    got = [(str(p.cell), p.code) for p in reading.problems]
    assert len(got) == len(set(got)), got
    assert set(got) == problems


@pytest.mark.parametrize("index", [0, 1, 2], ids=["marketing", "sales", "production"])
def test_the_demo_opened_and_saved_again_with_nothing_typed_reads_back_as_the_demo(index):
    expected = example.dpab_teams("sv")[index]
    reading = _read(f"demo_{expected.team.id}_resaved.xlsx")
    assert reading.problems == ()
    assert reading.plan == expected


# What LibreOffice made of the keystrokes, as it is in the files (tests/files/README.md).
KEYSTROKES = [
    ("sv_filled_in.xlsx", "K6", "14,5 in sv-SE is a number", 14.5, "General"),
    ("sv_filled_in.xlsx", "L6", "12 % in sv-SE is a share in a percent format", 0.12, "0.00%"),
    ("sv_filled_in.xlsx", "I7", "1 234 in sv-SE is a number", 1234, "General"),
    ("sv_filled_in.xlsx", "J13", "15/3 in sv-SE is a date of the year it is typed", dt.datetime(2027, 3, 15), None),
    ("en_filled_in.xlsx", "J8", "15/3 in en-US stays text", "15/3", None),
    ("en_filled_in.xlsx", "I15", "1,234 in en-US is a number", 1234, "General"),
    ("en_filled_in.xlsx", "J15", "3/15/2027 in en-US is a date", dt.datetime(2027, 3, 15), None),
    ("sv_pasted_over_validation.xlsx", "H8", "1.234 in sv-SE stays text", "1.234", None),
    ("sv_pasted_over_validation.xlsx", "C7", "a paste over a dropdown is kept", "Bananas", None),
    ("sv_typed_in_december.xlsx", "J6", "15/3 typed in December 2026", dt.datetime(2026, 3, 15), None),
    ("sv_retyped_percent_cells.xlsx", "L6", "97,8 over 97,6 % is 97.8 in a percent format", 97.8, "0.00%"),
]


@pytest.mark.parametrize(
    ("name", "cell", "keystrokes", "value", "number_format"), KEYSTROKES, ids=[row[2] for row in KEYSTROKES]
)
def test_the_corpus_holds_what_the_app_made_of_the_keystrokes(name, cell, keystrokes, value, number_format):
    workbook = open_workbook(TYPED / name)
    got = workbook[workbook.sheetnames[1]][cell]
    assert (type(got.value), got.value) == (type(value), value)
    if number_format is not None:
        assert got.number_format == number_format


@pytest.mark.parametrize(
    ("name", "sheet", "ref"),
    [
        ("sv_inserted_rows.xlsx", "OKR", "A4:AD36"),  # two rows inserted inside: the table grew
        ("en_deleted_row.xlsx", "OKRs", "A4:AD33"),  # one row deleted: it shrank
        ("en_objective_6.xlsx", "OKRs", "A4:AD34"),  # three rows inserted after its last row: it did not grow
    ],
    ids=["inserted inside", "deleted", "inserted below"],
)
def test_the_table_grows_only_for_rows_inserted_inside_it(name, sheet, ref):
    assert open_workbook(TYPED / name)[sheet].tables["okrs"].ref == ref
