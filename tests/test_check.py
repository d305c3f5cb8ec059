"""okrxl check: problems file by file with their cells, and what is wrong between the files of a quarter."""

import datetime as dt
import json
import shutil

import pytest
from click.testing import CliRunner
from sheets import open_workbook, table_rows, type_into_okr_table

import okrxl.excel.folder
from okrxl.cli import cli
from okrxl.demo import example
from okrxl.excel.folder import read_folder
from okrxl.excel.workbook_reader import read_team_workbook


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def demo(tmp_path_factory):
    """A fresh copy of the demo's files: strategy.xlsx and 2027-Q1/<team>.xlsx."""
    folder = tmp_path_factory.mktemp("demo")
    assert run("demo", folder, "--no-pdf").exit_code == 0
    return folder


@pytest.fixture(autouse=True)
def check_day(monkeypatch):
    """okrxl check judges the plans' gaps at today's date: before the demo's quarter, unless a test says."""
    day = dt.date(2026, 12, 14)
    monkeypatch.setattr(okrxl.excel.folder, "today", lambda: day)
    return day


def test_the_demo_folder_checks_clean_and_exits_0(demo):
    result = run("check", demo / "2027-Q1")  # in the strategy workbook's language: the demo's is Swedish
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        f"{demo}/2027-Q1/marketing.xlsx: ok, 1 lucka (team marketing, 2027-Q1)",
        "  lucka info    'OKR'!B12  activity-not-result: 'Skicka 3 nyhetsbrev till befintliga kunder med en "
        "genomsnittlig öppningsfrekvens om 60%' låter som en aktivitet; säg vilket resultat den ska ge, med ett "
        "tal eller ett datum, och för över själva aktiviteten till bladet Initiativ",
        f"{demo}/2027-Q1/production.xlsx: ok, 1 lucka (team production, 2027-Q1)",
        "  lucka varning 'OKR'!F7  missing-owner: key result '100% av all post hanteras' har ingen ansvarig",
        f"{demo}/2027-Q1/sales.xlsx: ok (team sales, 2027-Q1)",
        "3 filer kontrollerade: 3 läsbara utan fel, 0 med fel",
    ]


def test_the_demo_folder_checks_clean_in_english_with_lang_en(demo):
    result = run("check", demo / "2027-Q1", "--lang", "en")
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        f"{demo}/2027-Q1/marketing.xlsx: ok, 1 gap (team marketing, 2027-Q1)",
        "  gap info    'OKR'!B12  activity-not-result: 'Skicka 3 nyhetsbrev till befintliga kunder med en "
        "genomsnittlig öppningsfrekvens om 60%' reads like an activity; say what result it should bring, with a "
        "number or date, and move the activity itself to the Initiatives sheet",
        f"{demo}/2027-Q1/production.xlsx: ok, 1 gap (team production, 2027-Q1)",
        "  gap warning 'OKR'!F7  missing-owner: key result '100% av all post hanteras' has no owner",
        f"{demo}/2027-Q1/sales.xlsx: ok (team sales, 2027-Q1)",
        "3 files checked: 3 readable without errors, 0 with errors",
    ]


def test_on_the_meeting_day_check_lists_stale_and_missed_check_ins_and_who_missed_it(demo, monkeypatch):
    monkeypatch.setattr(okrxl.excel.folder, "today", lambda: dt.date(2027, 2, 15))
    result = run("check", demo / "2027-Q1", "--lang", "en")
    assert result.exit_code == 0  # gaps are never errors
    lines = result.output.splitlines()
    gaps = [line.split(":")[0] for line in lines if line.startswith("  gap ")]
    assert gaps == [
        "  gap warning 'OKR'!L13  stale-checkin",  # 01-18, the newest value: 28 days before
        "  gap info    'OKR'!B12  activity-not-result",
        "  gap info    'OKR'!N13  missed-checkin",  # column N is the check-in of 2027-02-15
        "  gap info    'OKR'!U13  confidence-mismatch",
        "  gap info    'OKR'!A18  no-initiative",  # O3.1, overdue: no initiative serves the campaign concept
        "  gap info    'OKR'!U20  confidence-mismatch",
        "  gap warning 'OKR'!F7  missing-owner",
        "  gap warning 'OKR'!L13  stale-checkin",
        "  gap warning 'Initiativ'!F7  initiative-late",  # I3, the volume report: due 02-10, in progress
        "  gap info    'OKR'!A7  no-initiative",  # O1.2, behind: I1 serves only O1.1
        "  gap info    'OKR'!N13  missed-checkin",
    ]
    assert f"{demo}/2027-Q1/marketing.xlsx: ok, 6 gaps (team marketing, 2027-Q1)" in lines
    assert lines[-4:] == [
        "Missed the check-in of 2027-02-15:",
        "  marketing: O2.2",
        "  production: O2.2",
        "3 files checked: 3 readable without errors, 0 with errors",
    ]


def test_check_json_has_each_files_gaps_with_their_cells_and_the_date_they_were_judged_at(demo, monkeypatch):
    monkeypatch.setattr(okrxl.excel.folder, "today", lambda: dt.date(2027, 2, 15))
    document = json.loads(run("check", demo / "2027-Q1", "--json").output)
    assert document["as_of"] == "2027-02-15"
    production = next(f for f in document["files"] if f["team"] == "production")
    assert production["verdict"] == "ok" and production["problems"] == []
    assert [(g["code"], g["severity"], g["where"], g["cell"]) for g in production["gaps"]] == [
        ("missing-owner", "warning", "production.O1.2", "'OKR'!F7"),
        ("stale-checkin", "warning", "production.O2.2", "'OKR'!L13"),
        ("initiative-late", "warning", "production.I3", "'Initiativ'!F7"),  # the Initiatives sheet's due cell
        ("no-initiative", "info", "production.O1.2", "'OKR'!A7"),
        ("missed-checkin", "info", "production.O2.2", "'OKR'!N13"),
    ]
    assert production["gaps"][4]["message"] == (
        "'Ta fram och leverera rapport om volym och precision för 25 största kunder' has no value at the "
        "check-in of 2027-02-15 (the newest is of 2027-01-18)"
    )


def test_check_lists_a_plans_missing_target_owner_alignment_and_key_result_count(demo):
    path = demo / "2027-Q1" / "sales.xlsx"
    type_into_okr_table(path, {("O1", "aligned_to"): None, ("O1.1", "target"): "TBD", ("O2", "owner"): None,
                      ("O1.2", "id"): "O2.4"})  # fmt: skip
    workbook = open_workbook(path)  # the initiative that served O1.2 follows it, as the team would
    serves = next(r for r in table_rows(workbook["Initiativ"], "initiatives") if r["id"] == "I2")
    cells = [c.value for c in workbook["Initiativ"][serves["_row"]]]
    workbook["Initiativ"].cell(serves["_row"], cells.index("O1.2, O2.2") + 1).value = "O2.4, O2.2"
    workbook.save(path)
    result = run("check", path, "--strategy", demo / "strategy.xlsx", "--lang", "en")
    assert result.exit_code == 0
    gaps = [line.split(":")[0] for line in result.output.splitlines() if line.startswith("  gap ")]
    assert gaps == [
        "  gap warning 'OKR'!E5  orphan-objective",
        "  gap warning 'OKR'!A5  key-result-count",  # O1 keeps one key result: O1.2 is O2.4 now
        "  gap warning 'OKR'!I6  placeholder-target",
        "  gap warning 'OKR'!F11  missing-owner",
    ]


def test_a_file_with_errors_and_gaps_exits_1_for_the_errors_and_lists_both(demo):
    path = demo / "2027-Q1" / "production.xlsx"
    type_into_okr_table(path, {("O1.1", "target"): "about half"})
    result = run("check", path, "--strategy", demo / "strategy.xlsx", "--lang", "en")
    assert result.exit_code == 1
    assert result.output.splitlines()[:3] == [
        f"{path}: 1 error, 1 gap (team production, 2027-Q1)",
        "  error   'OKR'!I6  not-a-number: expected a number, got 'about half'; write e.g. 4.5 (4,5 in Swedish settings)",
        "  gap warning 'OKR'!F7  missing-owner: key result '100% av all post hanteras' has no owner",
    ]


def test_a_broken_file_among_good_ones_is_named_and_the_rest_still_read(demo):
    quarter = demo / "2027-Q1"
    (quarter / "minutes.xlsx").write_bytes(b"date;note\n2027-02-15;ok\n")  # a CSV renamed .xlsx
    before = {p.name: p.read_bytes() for p in quarter.iterdir()}
    result = CliRunner().invoke(cli, ["check", str(quarter), "--lang", "en"])
    assert result.exit_code == 1
    assert f"{quarter}/minutes.xlsx: 1 error (unreadable)" in result.output
    assert "not an Excel workbook (.xlsx); save it from your spreadsheet app as .xlsx" in result.output
    assert f"{quarter}/sales.xlsx: ok (team sales, 2027-Q1)" in result.output
    assert "Traceback" not in result.output
    assert {p.name: p.read_bytes() for p in quarter.iterdir()} == before  # okrxl never changes what it reads


def test_bad_cells_are_all_reported_with_file_sheet_and_cell(demo):
    path = demo / "2027-Q1" / "sales.xlsx"
    type_into_okr_table(path, {
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
    result = CliRunner().invoke(cli, ["check", str(path), "--lang", "en"])
    assert result.exit_code == 1
    # Initiative I2 serves O1.2, whose row cannot be read (an unknown kind): that is the row's problem only,
    # no unknown-link at I2 besides it, and O1 still has the two key results written (no key-result-count).
    assert "sales.xlsx: 5 errors (team sales, 2027-Q1)" in result.output
    assert (
        "'OKR'!I6  not-a-number: expected a number, got 'about half'; write e.g. 4.5 (4,5 in Swedish settings)"
        in result.output
    )


def test_a_link_to_an_unknown_strategic_id_names_the_cell_and_the_known_ids(demo):
    path = demo / "2027-Q1" / "marketing.xlsx"
    type_into_okr_table(path, {("O2", "aligned_to"): "S7", ("O1.1", "feeds"): "S9.9"})
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
        "sales.xlsx": ("ok", []),  # named after its team: the one read
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

    from okrxl.core.model import Strategy
    from okrxl.excel.template import DEFAULT
    from okrxl.excel.workbook_writer import write_strategy_workbook

    strategy = example.dpab_strategy()
    smaller = dataclasses.replace(strategy, teams=strategy.teams[:2])
    assert isinstance(smaller, Strategy)
    write_strategy_workbook(tmp_path / "strategy.xlsx", strategy=smaller, template=DEFAULT, lang="sv")
    result = CliRunner().invoke(
        cli, ["check", str(demo / "2027-Q1"), "--strategy", str(tmp_path / "strategy.xlsx"), "--lang", "en"]
    )
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
    type_into_okr_table(path, {("O1.3", "id"): None, ("O1.3", "title"): "Fem nya partneravtal", ("O1.3", "kind"): "antal",
                      ("O1.3", "target"): 5, ("O1.3", "owner"): "Erik"})  # fmt: skip
    reading = read_team_workbook(path, example.dpab_strategy())
    assert [(str(p.cell), p.code, p.severity) for p in reading.problems] == [("'OKR'!A8", "inferred-id", "warning")]
    assert "okrxl read it as O1.3 (a key result of O1)" in reading.problems[0].message
    assert reading.plan.objectives[0].key_results[-1].title == "Fem nya partneravtal"


def test_a_formula_typed_into_an_input_cell_is_used_for_its_value_or_reported(demo):
    path = demo / "2027-Q1" / "sales.xlsx"
    type_into_okr_table(
        path, {("O1.1", "target"): "=2+2"}
    )  # openpyxl keeps no computed value: no app has calculated it
    reading = read_team_workbook(path, example.dpab_strategy())
    assert [(str(p.cell), p.code) for p in reading.problems] == [("'OKR'!I6", "formula-without-value")]


def test_wrong_usage_exits_2(tmp_path):
    assert CliRunner().invoke(cli, ["check"]).exit_code == 2
    assert CliRunner().invoke(cli, ["check", str(tmp_path / "nope.xlsx")]).exit_code == 2


def test_gaps_shown_at_cells_name_the_cell_that_holds_or_lacks_the_value(demo):
    path = demo / "2027-Q1" / "sales.xlsx"
    type_into_okr_table(path, {("O1.1", "kind"): "minska", ("O1.1", "baseline"): None, ("O1.2", "depends_on"): "nobody.O9.9",
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
    type_into_okr_table(path, {("O1.2", "due"): dt.datetime(2015, 3, 1)})  # `15 mar` typed in Swedish LibreOffice
    result = run("check", path, "--lang", "en")
    assert result.exit_code == 1
    assert ("'OKR'!J7  implausible-date: 2015-03-01 is more than a year from the quarter 2027-Q1 (2027-01-01 to "
            "2027-03-31): the spreadsheet app read what was typed as another date. Did you mean 2027-03-15? "
            "Write it as 2027-03-15") in result.output  # fmt: skip


def test_a_check_in_header_retyped_as_text_over_values_fails_the_check(demo):
    path = demo / "2027-Q1" / "sales.xlsx"
    workbook = open_workbook(path)
    workbook["OKR"]["L4"].value = "18 jan"  # the check-in of 2027-01-18, which holds values
    workbook.save(path)
    result = run("check", path, "--lang", "en")
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
    type_into_okr_table(path, {(free, "id"): None, (free, "title"): "Nästa möte: planera Q2"})
    result = run("check", path, "--lang", "en")
    assert result.exit_code == 0
    assert f"'OKR'!B{rows[free]}  note-row: a row without id, kind or numbers is kept as a note" in result.output


def quarter_copy(demo, tmp_path):
    """The demo's quarter and strategy in a folder of the test's own."""
    quarter = tmp_path / "2027-Q1"
    shutil.copytree(demo / "2027-Q1", quarter)
    shutil.copy(demo / "strategy.xlsx", tmp_path / "strategy.xlsx")
    return quarter


def codes(reading):
    return {f.path.name: [p.code for p in f.problems] for f in reading.files}


def test_a_sync_conflict_copy_is_named_and_the_file_named_after_the_team_is_read(demo):
    quarter = demo / "2027-Q1"
    shutil.copy(quarter / "marketing.xlsx", quarter / "marketing (1).xlsx")  # first in sort order
    type_into_okr_table(quarter / "marketing (1).xlsx", {("O1.1", "target"): 7})
    reading = read_folder([quarter])
    assert codes(reading)["marketing (1).xlsx"] == ["duplicate-team"]
    assert codes(reading)["marketing.xlsx"] == []
    assert reading.plans[0] == example.dpab_teams()[0]  # marketing.xlsx's entries, not the copy's
    result = run("check", quarter, "--lang", "en")
    assert result.exit_code == 1
    assert (
        "  error   duplicate-team: a second workbook of team marketing: marketing.xlsx is the one read; "
        "remove this copy or move it out of the folder" in result.output
    )


def test_two_copies_without_the_plain_name_leave_the_team_unread_with_both_names(demo, tmp_path):
    quarter = quarter_copy(demo, tmp_path)
    (quarter / "marketing.xlsx").rename(quarter / "marketing (1).xlsx")
    shutil.copy(quarter / "marketing (1).xlsx", quarter / "marketing (2).xlsx")
    reading = read_folder([quarter])
    assert [p.team.id for p in reading.plans] == ["sales", "production"]
    assert [(g.code, g.where, g.message) for g in reading.gaps] == [(
        "missing-team", "marketing",
        "team marketing (Marknad) is not read: marketing (1).xlsx and marketing (2).xlsx are all its workbook; "
        "remove all but one and name it marketing.xlsx",
    )]  # fmt: skip
    result = run("consolidate", quarter, "--as-of", "2027-02-15", "--lang", "en")
    assert result.exit_code == 1
    assert "read 2 team workbooks, 2 could not be used" in result.output
    assert "  marketing (2).xlsx: marketing (1).xlsx and marketing (2).xlsx are all workbooks of team marketing" in (
        result.output
    )


@pytest.mark.parametrize(
    ("name", "how"),
    [
        ("marketing.xlsb", "an Excel binary workbook (.xlsb): open it in Excel and save it as Excel Workbook (.xlsx)"),
        ("marketing.ods", "an OpenDocument spreadsheet (.ods): open it in LibreOffice and save it as Excel 2007-365"),
        ("marketing.xls", "an Excel 97-2003 workbook (.xls): open it in Excel or LibreOffice and save it as Excel"),
        ("marketing.numbers", "an Apple Numbers file: in Numbers, choose File > Export To > Excel and save the .xlsx"),
        ("Marketing.csv", "a CSV file, which holds one sheet without the table okrxl reads: fill in the team's own"),
    ],
    ids=["xlsb", "ods", "xls", "numbers", "csv"],
)
def test_a_team_file_in_another_format_is_named_with_how_to_save_it_as_xlsx(demo, tmp_path, name, how):
    quarter = quarter_copy(demo, tmp_path)
    (quarter / "marketing.xlsx").unlink()
    (quarter / name).write_bytes(b"PK\x03\x04 whatever the app saved")
    result = run("check", quarter, "--lang", "en")
    assert result.exit_code == 1
    assert f"{quarter}/{name}: 1 error (unreadable)" in result.output
    assert f"  error   not-xlsx: okrxl reads .xlsx workbooks only; this is {how}" in result.output
    assert (
        f"warning missing-team: no workbook for team marketing (Marknad) in 2027-Q1; {name} is not an .xlsx "
        "workbook: save it as .xlsx" in result.output
    )


def test_a_csv_not_named_after_a_team_is_only_a_note(demo, tmp_path):
    quarter = quarter_copy(demo, tmp_path)
    (quarter / "minutes.csv").write_text("date;note\n")
    result = run("check", quarter)
    assert result.exit_code == 0
    assert f"obs: hoppade över {quarter}/minutes.csv: en CSV-fil, ingen teamarbetsbok" in result.output
    english = run("check", quarter, "--lang", "en")
    assert f"note: ignored {quarter}/minutes.csv: a CSV file, not a team workbook" in english.output


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (PermissionError(13, "Permission denied"), "okrxl may not read it (permission denied); ask for read access"),
        (OSError(5, "Input/output error"), "cannot read it (Input/output error); if it is in a cloud folder"),
        (__import__("zlib").error("invalid stored block lengths"), "the file is damaged (error); save or send it"),
    ],
    ids=["permission", "cloud placeholder", "damaged"],
)
def test_a_team_file_that_cannot_be_read_is_a_file_problem_not_an_okrxl_bug(demo, tmp_path, monkeypatch, error,
                                                                             message):  # fmt: skip
    import okrxl.excel.folder

    quarter = quarter_copy(demo, tmp_path)
    real = okrxl.excel.folder.read_team_workbook

    def fails_on_sales(path, strategy=None):
        if path.name == "sales.xlsx":
            raise error
        return real(path, strategy)

    monkeypatch.setattr(okrxl.excel.folder, "read_team_workbook", fails_on_sales)
    result = run("check", quarter, "--lang", "en")
    assert result.exit_code == 1 and "Please report" not in result.output
    assert f"  error   unreadable: {message}" in result.output


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (PermissionError(13, "Permission denied"), "strategy.xlsx: okrxl may not read it (permission denied)"),
        (KeyError("xl/sharedStrings.xml"), "strategy.xlsx: okrxl failed on the strategy (KeyError: 'xl/shared"),
    ],
    ids=["permission", "an okrxl bug"],
)
def test_a_strategy_that_cannot_be_read_is_one_line_not_a_traceback(demo, tmp_path, monkeypatch, error, message):
    import okrxl.excel.folder

    quarter = quarter_copy(demo, tmp_path)

    def fails(path):
        raise error

    monkeypatch.setattr(okrxl.excel.folder, "read_strategy_workbook", fails)
    checked = CliRunner().invoke(cli, ["check", str(quarter)])
    assert checked.exit_code == 1 and f"{tmp_path}/strategy.xlsx: 1 error (unreadable)" in checked.output
    assert message.split(": ", 1)[1] in checked.output
    for command in (["generate", tmp_path / "strategy.xlsx", "--quarter", "2027-Q1"], ["consolidate", quarter]):
        result = CliRunner().invoke(cli, [str(a) for a in command])
        assert result.exit_code == 1
        assert message in result.output and "Traceback" not in result.output


def test_a_csv_given_by_name_is_named_with_how_to_save_it(tmp_path):
    (tmp_path / "minutes.csv").write_text("date;note\n")
    result = run("check", tmp_path / "minutes.csv")
    assert result.exit_code == 1 and "not-xlsx: okrxl reads .xlsx workbooks only; this is a CSV file" in result.output


def test_a_key_result_row_that_cannot_be_read_is_one_problem_not_one_more_per_initiative_serving_it(demo):
    # Marketing's I5 (a newsletter with a customer case) serves O2.1; O2.1 is made an increase from 100 to 60.
    type_into_okr_table(demo / "2027-Q1" / "marketing.xlsx", {("O2.1", "baseline"): 100})
    result = run("check", demo / "2027-Q1" / "marketing.xlsx", "--json", "--as-of", "2027-02-15")
    (marketing,) = json.loads(result.output)["files"]
    assert [(p["code"], p["cell"]) for p in marketing["problems"]] == [("invalid-key-result", "'OKR'!I12")]
    # O2 still has the two key results written: no key-result-count either
    assert [g["code"] for g in marketing["gaps"] if g["where"] == "marketing.O2"] == []
    status = okrxl.consolidate(demo / "2027-Q1", as_of=dt.date(2027, 2, 15)).status
    assert [g.where for g in status.gaps if g.code == "unknown-link"] == []  # nor on the report
