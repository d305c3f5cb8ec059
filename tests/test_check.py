"""okrxl check: problems file by file with their cells, and what is wrong between the files of a quarter."""

import json
import shutil

import pytest
from click.testing import CliRunner
from sheets import open_workbook, table_rows

from okrxl import example
from okrxl.cli import cli
from okrxl.folder import read_folder
from okrxl.workbook_reader import read_team_workbook


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def demo(tmp_path_factory):
    """A fresh copy of the demo's files: strategy.xlsx and 2027-Q1/<team>.xlsx."""
    folder = tmp_path_factory.mktemp("demo")
    assert run("demo", folder, "--no-pdf").exit_code == 0
    return folder


def edit_cells(path, edits, sheet="OKR"):
    """Type values into the OKR table by (row id, column key) as a person would, then save (openpyxl)."""
    workbook = open_workbook(path)
    worksheet = workbook[sheet]
    rows = {r["id"]: r["_row"] for r in table_rows(worksheet, "okrs")}
    header = {key: c for c, key in enumerate(table_rows(worksheet, "okrs")[0].keys(), start=1) if key != "_row"}
    for (row_id, key), value in edits.items():
        worksheet.cell(rows[row_id], header[key]).value = value
    workbook.save(path)


def test_the_demo_folder_checks_clean_and_exits_0(demo):
    result = run("check", demo / "2027-Q1")
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        f"{demo}/2027-Q1/marketing.xlsx: ok (team marketing, 2027-Q1)",
        f"{demo}/2027-Q1/production.xlsx: ok (team production, 2027-Q1)",
        f"{demo}/2027-Q1/sales.xlsx: ok (team sales, 2027-Q1)",
        "3 files checked: 3 readable without errors, 0 with errors",
    ]


def test_a_broken_file_among_good_ones_is_named_and_the_rest_still_read(demo):
    quarter = demo / "2027-Q1"
    (quarter / "minutes.xlsx").write_bytes(b"date;note\n2027-02-15;ok\n")  # a CSV renamed .xlsx
    before = {p.name: p.read_bytes() for p in quarter.iterdir()}
    result = CliRunner().invoke(cli, ["check", str(quarter)])
    assert result.exit_code == 1
    assert f"{quarter}/minutes.xlsx: 1 error (unreadable)" in result.output
    assert "not an Excel workbook (.xlsx); save it from your spreadsheet app as .xlsx" in result.output
    assert f"{quarter}/sales.xlsx: ok (team sales, 2027-Q1)" in result.output
    assert "Traceback" not in result.output
    assert {p.name: p.read_bytes() for p in quarter.iterdir()} == before  # okrxl never changes what it reads


def test_bad_cells_are_all_reported_with_file_sheet_and_cell(demo):
    path = demo / "2027-Q1" / "sales.xlsx"
    edit_cells(path, {
        ("O1.1", "target"): "about half",
        ("O1.2", "kind"): "Bananas",
        ("O2.1", "2027-02-01"): "1.234",
        ("O2.2", "due"): "soon",
        ("O2.3", "confidence"): "maybe",
    })  # fmt: skip
    reading = read_team_workbook(path, example.dpab_strategy())
    assert [(str(p.cell), p.code) for p in reading.problems] == [
        ("'OKR'!I6", "not-a-number"),
        ("'OKR'!C7", "unknown-kind"),
        ("'OKR'!M12", "ambiguous-number"),
        ("'OKR'!J13", "not-a-date"),
        ("'OKR'!U14", "unknown-confidence"),
    ]
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 1
    assert "sales.xlsx: 5 errors (team sales, 2027-Q1)" in result.output  # marketing, depended on, is not read
    assert "'OKR'!I6  not-a-number: expected a number, got 'about half'; write e.g. 4 or 4,5" in result.output


def test_a_link_to_an_unknown_strategic_id_names_the_cell_and_the_known_ids(demo):
    path = demo / "2027-Q1" / "marketing.xlsx"
    edit_cells(path, {("O2", "aligned_to"): "S7", ("O1.1", "feeds"): "S9.9"})
    document = json.loads(run("check", path, "--json").output)
    problems = [(p["cell"], p["code"], p["message"]) for p in document["files"][0]["problems"]]
    assert problems == [
        ("'OKR'!X6", "unknown-link", "marketing.O1.1 feeds 'S9.9', which does not exist; known ids are "
                                     "S1.1, S1.2, S2.1, S2.2, S3.1, S3.2"),
        ("'OKR'!E11", "unknown-link", "marketing.O2 is aligned to 'S7', which does not exist; known ids are S1, S2, S3"),
    ]  # fmt: skip


def test_a_folder_reports_missing_teams_duplicates_and_lock_files(demo):
    quarter = demo / "2027-Q1"
    (quarter / "production.xlsx").unlink()
    shutil.copy(quarter / "sales.xlsx", quarter / "sales-copy.xlsx")
    (quarter / "~$marketing.xlsx").write_bytes(b"\x00" * 165)
    document = json.loads(CliRunner().invoke(cli, ["check", str(quarter), "--json"]).output)
    assert document["folder"] == [{
        "code": "missing-team", "severity": "warning", "where": "production",
        "message": "no workbook for team production (Produktion) in 2027-Q1",
    }]  # fmt: skip
    verdicts = {
        f["file"].rsplit("/", 1)[1]: (f["verdict"], [p["code"] for p in f["problems"]]) for f in document["files"]
    }
    assert verdicts == {
        "marketing.xlsx": ("ok", []),
        "sales-copy.xlsx": ("errors", ["duplicate-team"]),
        "sales.xlsx": ("errors", ["duplicate-team"]),
    }
    assert document["notes"] == [
        f"ignored {quarter}/~$marketing.xlsx: Excel's lock file (the workbook is open in Excel)"
    ]


def test_a_workbook_of_another_quarter_is_an_error_and_left_out(demo):
    run("generate", demo / "strategy.xlsx", "--quarter", "2027-Q2", "--team", "sales", "-o", demo / "q2")
    stray = demo / "2027-Q1" / "sales-q2.xlsx"
    shutil.copy(demo / "q2" / "2027-Q2" / "sales.xlsx", stray)
    reading = read_folder([demo / "2027-Q1"])
    result = next(r for r in reading.files if r.path == stray)
    assert [p.code for p in result.problems] == ["wrong-quarter"] and not result.used
    assert [p.team.id for p in reading.plans] == ["marketing", "sales", "production"]
    assert reading.plans[1] == example.dpab_teams()[1]


def test_a_workbook_of_a_team_not_in_the_strategy_says_which_teams_there_are(demo, tmp_path):
    import dataclasses

    from okrxl.model import Strategy
    from okrxl.template import DEFAULT
    from okrxl.workbook_writer import write_strategy_workbook

    strategy = example.dpab_strategy()
    smaller = dataclasses.replace(strategy, teams=strategy.teams[:2])
    assert isinstance(smaller, Strategy)
    write_strategy_workbook(tmp_path / "strategy.xlsx", strategy=smaller, template=DEFAULT, lang="sv")
    result = CliRunner().invoke(cli, ["check", str(demo / "2027-Q1"), "--strategy", str(tmp_path / "strategy.xlsx")])
    assert result.exit_code == 1
    assert ("production.xlsx: 1 error (unreadable)\n  error   unknown-team: made for team 'production', which the "
            "strategy does not list (teams are marketing, sales); add the team to the strategy or remove the file"
            ) in result.output  # fmt: skip


def test_without_a_strategy_the_files_are_still_checked_with_a_note(demo, tmp_path):
    shutil.copy(demo / "2027-Q1" / "sales.xlsx", tmp_path / "sales.xlsx")
    result = run("check", tmp_path)
    assert result.exit_code == 0
    assert "note: no strategy found" in result.output
    assert f"{tmp_path}/sales.xlsx: ok (team sales, 2027-Q1)" in result.output


def test_a_row_inserted_without_an_id_is_read_with_the_next_free_id(demo):
    path = demo / "2027-Q1" / "sales.xlsx"
    edit_cells(path, {("O1.3", "id"): None, ("O1.3", "title"): "Fem nya partneravtal", ("O1.3", "kind"): "antal",
                      ("O1.3", "target"): 5, ("O1.3", "owner"): "Erik"})  # fmt: skip
    reading = read_team_workbook(path, example.dpab_strategy())
    assert [(str(p.cell), p.code, p.severity) for p in reading.problems] == [("'OKR'!A8", "inferred-id", "warning")]
    assert "okrxl read it as O1.3 (a key result of O1)" in reading.problems[0].message
    assert reading.plan.objectives[0].key_results[-1].title == "Fem nya partneravtal"


def test_a_formula_typed_into_an_input_cell_is_used_for_its_value_or_reported(demo):
    path = demo / "2027-Q1" / "sales.xlsx"
    edit_cells(path, {("O1.1", "target"): "=2+2"})  # openpyxl keeps no computed value: no app has calculated it
    reading = read_team_workbook(path, example.dpab_strategy())
    assert [(str(p.cell), p.code) for p in reading.problems] == [("'OKR'!I6", "formula-without-value")]


def test_wrong_usage_exits_2(tmp_path):
    assert CliRunner().invoke(cli, ["check"]).exit_code == 2
    assert CliRunner().invoke(cli, ["check", str(tmp_path / "nope.xlsx")]).exit_code == 2


def test_gaps_shown_at_cells_name_the_cell_that_holds_or_lacks_the_value(demo):
    path = demo / "2027-Q1" / "sales.xlsx"
    edit_cells(path, {("O1.1", "kind"): "minska", ("O1.1", "baseline"): None, ("O1.2", "depends_on"): "nobody.O9.9",
                      ("O2", "also_aligned_to"): "S8"})  # fmt: skip
    reading = read_folder([path], strategy_path=demo / "strategy.xlsx")
    assert [(str(p.cell), p.code) for p in reading.files[0].problems] == [
        ("'OKR'!H6", "missing-baseline"),  # the empty baseline
        ("'OKR'!AA7", "unknown-link"),  # depends on
        ("'OKR'!Y11", "unknown-link"),  # also aligned to: the cell that names S8
    ]


def test_an_app_mangled_date_fails_the_check_with_the_date_meant(demo):
    import datetime as dt

    path = demo / "2027-Q1" / "marketing.xlsx"
    edit_cells(path, {("O1.2", "due"): dt.datetime(2015, 3, 1)})  # `15 mar` typed in Swedish LibreOffice
    result = run("check", path)
    assert result.exit_code == 1
    assert ("'OKR'!J7  implausible-date: 2015-03-01 is more than a year from the quarter 2027-Q1 (2027-01-01 to "
            "2027-03-31): the spreadsheet app read what was typed as another date. Did you mean 2027-03-15? "
            "Write it as 2027-03-15") in result.output  # fmt: skip


def test_a_check_in_header_retyped_as_text_over_values_fails_the_check(demo):
    path = demo / "2027-Q1" / "sales.xlsx"
    workbook = open_workbook(path)
    workbook["OKR"]["L4"].value = "18 jan"  # the check-in of 2027-01-18, which holds values
    workbook.save(path)
    result = run("check", path)
    assert result.exit_code == 1
    assert (
        "'OKR'!L4  unreadable-header: the header '18 jan' is neither a column okrxl knows nor a date" in result.output
    )


def test_a_workbook_without_a_required_column_is_named_and_the_others_are_read(demo):
    path = demo / "2027-Q1" / "sales.xlsx"
    workbook = open_workbook(path)
    workbook["OKR"]["C4"].value = "Sort"  # the kind column, renamed
    workbook.save(path)
    document = json.loads(run("check", demo / "2027-Q1", "--json").output)
    verdicts = {
        f["file"].rsplit("/", 1)[1]: (f["verdict"], [p["code"] for p in f["problems"]]) for f in document["files"]
    }
    assert verdicts["sales.xlsx"] == ("errors", ["missing-column"])
    assert verdicts["marketing.xlsx"] == ("ok", [])
    message = next(f for f in document["files"] if f["file"].endswith("sales.xlsx"))["problems"][0]["message"]
    assert "has no column 'Typ' ('Kind')" in message


def test_a_note_row_is_information_and_the_check_passes(demo):
    path = demo / "2027-Q1" / "production.xlsx"
    rows = {r["id"]: r["_row"] for r in table_rows(open_workbook(path)["OKR"], "okrs")}
    free = next(row_id for row_id in ("O5", "O4", "O3") if row_id in rows)
    edit_cells(path, {(free, "id"): None, (free, "title"): "Nästa möte: planera Q2"})
    result = run("check", path)
    assert result.exit_code == 0
    assert f"'OKR'!B{rows[free]}  note-row: a row without id, kind or numbers is kept as a note" in result.output
