"""What the meeting needs (issue 14): who missed the latest check-in, through the demo's real files.

Worked out by hand from the demo's check-ins (okrxl/demo/example.py): 2027-Q1 at the default cadence
of two weeks has scheduled check-ins on 01-04, 01-18, 02-01, 02-15, 03-01, 03-15 and 03-29.
- At 2027-02-15 every key result has a value dated 02-15 except marketing O2.2 and production O2.2
  (both last reported 01-18, neither done): they missed it.
- At 2027-02-01 marketing O2.1 (01-18, its next value is of 02-15) missed it too.
- At 2027-01-04 only marketing O1.1 and O3.1 have a value of 01-04: the other 15 missed it.
- At 2027-01-03 no check-in has been scheduled yet: nobody missed one.
"""

import json
import shutil

import pytest
from click.testing import CliRunner
from sheets import open_workbook, table_rows

from okrxl.cli import cli

ALL_TEAM_KEY_RESULTS = [
    *(f"marketing.{i}" for i in ("O1.1", "O1.2", "O2.1", "O2.2", "O3.1", "O3.2", "O3.3")),
    *(f"sales.{i}" for i in ("O1.1", "O1.2", "O2.1", "O2.2", "O2.3")),
    *(f"production.{i}" for i in ("O1.1", "O1.2", "O2.1", "O2.2", "O2.3")),
]


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("meeting")
    assert run("demo", folder, "--no-pdf").exit_code == 0
    return folder


def missed_in_status(demo, tmp_path, as_of: str) -> list[tuple[str, str]]:
    result = run("consolidate", demo / "2027-Q1", "--as-of", as_of, "-o", tmp_path / "r.xlsx", "--json", "-")
    assert result.exit_code == 0
    gaps = json.loads(result.stdout)["gaps"]
    return [(g["where"], g["severity"]) for g in gaps if g["code"] == "missed-checkin"]


@pytest.mark.parametrize(
    ("as_of", "missed"),
    [
        pytest.param("2027-02-15", ["marketing.O2.2", "production.O2.2"], id="the-demo-meeting"),
        pytest.param("2027-02-16", ["marketing.O2.2", "production.O2.2"], id="the-day-after-the-same-check-in"),
        pytest.param("2027-02-01", ["marketing.O2.1", "marketing.O2.2", "production.O2.2"], id="the-meeting-before"),
        pytest.param("2027-01-04", [k for k in ALL_TEAM_KEY_RESULTS if k not in ("marketing.O1.1", "marketing.O3.1")],
                     id="the-first-scheduled-check-in"),
        pytest.param("2027-01-03", [], id="before-the-first-scheduled-check-in"),
    ],
)  # fmt: skip
def test_the_status_lists_the_key_results_without_a_value_at_the_latest_scheduled_check_in(
    demo, tmp_path, as_of, missed
):
    assert missed_in_status(demo, tmp_path, as_of) == [(where, "info") for where in missed]


def test_consolidate_prints_per_team_who_missed_the_check_in_of_2027_02_15(demo, tmp_path):
    result = run("consolidate", demo / "2027-Q1", "--as-of", "2027-02-15", "-o", tmp_path / "r.xlsx", "--lang", "en")
    lines = result.output.splitlines()
    start = lines.index("Missed the check-in of 2027-02-15:")
    assert lines[start - 1].startswith("  Produktion") and lines[start + 1 : start + 3] == [
        "  marketing: O2.2",
        "  production: O2.2",
    ]
    assert lines[start + 3].startswith("Aligned share")


def test_the_demo_summary_prints_the_block_before_the_gaps(tmp_path):
    lines = run("demo", tmp_path, "--as-of", "2027-02-01", "--lang", "en", "--no-pdf").output.splitlines()
    start = lines.index("Missed the check-in of 2027-02-01:")
    assert lines[start + 1 : start + 4] == ["  marketing: O2.1, O2.2", "  production: O2.2", ""]
    assert lines[start + 4].startswith("Gaps (")


@pytest.mark.parametrize(
    ("lang", "word", "message"),
    [
        ("sv", "saknar värde", "'{}' har inget värde från avstämningen 2027-02-15"),
        ("en", "missed check-in", "'{}' has no value at the check-in of 2027-02-15"),
    ],
)
def test_the_changes_page_lists_team_by_team_who_missed_the_check_in_in_the_reports_language(
    demo, tmp_path, lang, word, message
):
    report = tmp_path / "r.xlsx"
    run("consolidate", demo / "2027-Q1", "--as-of", "2027-02-15", "-o", report, "--lang", lang)
    sheet = _changes_sheet(open_workbook(report))
    rows = [[c if c is not None else "" for c in row] for row in sheet.iter_rows(values_only=True)]
    assert [row for row in rows if row[0] == word] == [
        [word, "marketing.O2.2", "2027-01-18", "",
         message.format("10% av våra kunder deltar i ett event vi anordnar under kvartalet")],
        [word, "production.O2.2", "2027-01-18", "",
         message.format("Ta fram och leverera rapport om volym och precision för 25 största kunder")],
    ]  # fmt: skip
    assert rows[-1][0] == word  # below what changed


def test_the_gaps_page_points_at_the_cell_of_the_missed_check_in_date(demo, tmp_path):
    report = tmp_path / "r.xlsx"
    run("consolidate", demo / "2027-Q1", "--as-of", "2027-02-15", "-o", report, "--lang", "en")
    gaps = open_workbook(report)["Gaps"]
    missed = [[c.value for c in row][1:5] for row in gaps.iter_rows() if row[1].value == "missed-checkin"]
    assert missed == [
        ["missed-checkin", "marketing.O2.2", "marketing.xlsx", "'OKR'!N13"],
        ["missed-checkin", "production.O2.2", "production.xlsx", "'OKR'!N13"],
    ]
    team = open_workbook(demo / "2027-Q1" / "marketing.xlsx")["OKR"]
    assert team["N4"].value == "2027-02-15"  # the header of column N: the check-in of that date


def test_once_every_team_has_reported_the_changes_page_says_nobody_missed_it(demo, tmp_path):
    quarter = tmp_path / "2027-Q1"
    shutil.copytree(demo / "2027-Q1", quarter)
    shutil.copy(demo / "strategy.xlsx", tmp_path / "strategy.xlsx")
    for team, value in (("marketing", 2), ("production", 10)):
        workbook = open_workbook(quarter / f"{team}.xlsx")
        row = next(r["_row"] for r in table_rows(workbook["OKR"], "okrs") if r["id"] == "O2.2")
        workbook["OKR"][f"N{row}"].value = value
        workbook.save(quarter / f"{team}.xlsx")
    report = tmp_path / "r.xlsx"
    result = run("consolidate", quarter, "--as-of", "2027-02-15", "-o", report)
    assert "Missed the check-in" not in result.output
    texts = [row[0] for row in _changes_sheet(open_workbook(report)).iter_rows(values_only=True)]
    assert "saknar värde" not in texts
    assert texts[-1] == "Alla key results har ett värde från avstämningen 2027-02-15 eller är klara."


def test_check_as_of_the_meeting_lists_who_missed_its_check_in(tmp_path):
    from click.testing import CliRunner

    from okrxl.cli import cli

    runner = CliRunner()
    assert runner.invoke(cli, ["demo", str(tmp_path), "--no-pdf"]).exit_code == 0
    result = runner.invoke(cli, ["check", str(tmp_path / "2027-Q1"), "--as-of", "2027-02-15", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "Missed the check-in of 2027-02-15:\n  marketing: O2.2\n  production: O2.2\n" in result.output
    early = runner.invoke(cli, ["check", str(tmp_path / "2027-Q1"), "--as-of", "2027-01-03"])
    assert "Missed the check-in" not in early.output  # before the first scheduled check-in


def test_a_missed_check_in_is_listed_on_its_own_never_as_a_new_or_resolved_gap_among_the_changes():
    import datetime as dt

    from okrxl.core.alignment import GapCode
    from okrxl.core.status import review_quarter
    from okrxl.demo import example

    status = review_quarter(example.dpab_strategy(), example.dpab_teams(), quarter=example.QUARTER,
                            as_of=dt.date(2027, 2, 15), since=dt.date(2027, 2, 1))  # fmt: skip
    assert {g.where for g in status.gaps if g.code is GapCode.MISSED_CHECKIN} == {"marketing.O2.2", "production.O2.2"}
    assert [c.where for c in status.changes if c.after is GapCode.MISSED_CHECKIN] == []


def _changes_sheet(workbook):
    """The page of what changed since the last meeting, in either language."""
    return next(workbook[name] for name in ("Sedan sist", "Since last time") if name in workbook.sheetnames)
