"""okrxl consolidate: the report workbook, the JSON, the Python API, end to end through real files."""

import datetime as dt
import json
import shutil
import subprocess

import pytest
from click.testing import CliRunner
from sheets import open_workbook

import okrxl
from okrxl.cli import cli
from okrxl.core.model import KeyResult, KeyResultKind, Objective, TeamQuarter
from okrxl.demo import example
from okrxl.excel.template import DEFAULT
from okrxl.excel.workbook_writer import write_team_workbook

PRINTED = ["Affisch", "Marknad", "Försäljning", "Produktion", "Översikt", "Sedan sist", "Luckor", "Samordning", "Filer"]
"""The noticeboard's pages first (the poster, a page per team), then the meeting's."""
MEETING = PRINTED[4:]


def run(*args, **kwargs):
    return CliRunner().invoke(cli, [str(a) for a in args], **kwargs)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo")
    assert run("demo", folder, "--no-pdf").exit_code == 0
    return folder


@pytest.fixture(scope="module")
def report(demo, tmp_path_factory):
    path = tmp_path_factory.mktemp("report") / "report.xlsx"
    result = run("consolidate", demo / "2027-Q1", "--as-of", "2027-02-15", "-o", path)
    assert result.exit_code == 0, result.output
    return path


def test_consolidate_prints_the_same_status_document_as_the_demo(demo, tmp_path):
    for as_of in ("2027-02-15", "2027-01-20", "2027-04-02"):
        # A report file per as-of date: a report of a later date is never replaced by an earlier one's.
        report = tmp_path / f"r-{as_of}.xlsx"
        from_files = run("consolidate", demo / "2027-Q1", "--as-of", as_of, "-o", report, "--json", "-")
        assert from_files.exit_code == 0
        built_in = run("demo", "--json", "--as-of", as_of)
        assert json.loads(from_files.stdout) == json.loads(built_in.output)


def test_consolidate_summarises_what_it_read_and_where_the_report_is(demo):
    result = run("consolidate", demo / "2027-Q1", "--as-of", "2027-02-15", "--lang", "en")
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        "Digital Posthantering AB · 2027-Q1 · as of 2027-02-15: read 3 team workbooks",
        "  Marknad                 0.48  yellow at risk",
        "  Försäljning             0.51  yellow behind",
        "  Produktion              0.38  red    at risk",
        "Missed the check-in of 2027-02-15:",
        "  marketing: O2.2",
        "  production: O2.2",
        "Aligned share 100% · coverage 100% · gaps: 0 errors, 6 warnings, 8 info",
        f"written {demo.resolve()}/report-2027-Q1-2027-02-15.xlsx",  # one report per meeting (issue 14)
    ]


def test_consolidate_summarises_in_the_strategy_workbooks_language(demo, tmp_path):
    shutil.copytree(demo / "2027-Q1", tmp_path / "2027-Q1")
    shutil.copy(demo / "strategy.xlsx", tmp_path / "strategy.xlsx")
    result = run("consolidate", tmp_path / "2027-Q1", "--as-of", "2027-02-15")  # the demo's strategy is Swedish
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        "Digital Posthantering AB · 2027-Q1 · per 2027-02-15: läste 3 teamarbetsböcker",
        "  Marknad                 0,48  gul    i riskzonen",
        "  Försäljning             0,51  gul    släpar efter",
        "  Produktion              0,38  röd    i riskzonen",
        "Saknar värde från avstämningen 2027-02-15:",
        "  marketing: O2.2",
        "  production: O2.2",
        "Andel som stödjer strategin 100% · täckning 100% · luckor: 0 fel, 6 varningar, 8 info",
        f"skrev {tmp_path.resolve()}/report-2027-Q1-2027-02-15.xlsx",
    ]


def test_a_file_that_is_not_a_report_is_not_overwritten_without_force(demo, tmp_path):
    target = tmp_path / "budget.xlsx"
    shutil.copy(demo / "strategy.xlsx", target)
    before = target.read_bytes()
    result = run("consolidate", demo / "2027-Q1", "-o", target)
    assert result.exit_code == 1 and "(--force skriver över den)" in result.output  # Swedish: the strategy's
    assert target.read_bytes() == before
    assert run("consolidate", demo / "2027-Q1", "-o", target, "--force").exit_code == 0


def test_the_report_has_an_overview_a_page_per_team_alignment_gaps_files_and_data(report):
    workbook = open_workbook(report)
    assert workbook.sheetnames == [*PRINTED, "Data", "okrxl"]
    overview = workbook["Översikt"]
    assert overview["A1"].value == "OKR-status 2027-Q1 – Digital Posthantering AB"
    assert overview["A2"].value == "Per 2027-02-15: 51% av kvartalet har gått"
    cells = {cell.value for row in overview.iter_rows() for cell in row if cell.value is not None}
    assert {"Marknad", "Försäljning", "Produktion", "▼ i riskzonen", "▲ släpar efter"} <= cells
    team_scores = {row[1].value: row[2].value for row in overview.iter_rows() if row[0].value in
                   ("marketing", "sales", "production")}  # fmt: skip
    assert team_scores == {"Marknad": pytest.approx(0.48167, abs=1e-5), "Försäljning": pytest.approx(0.51458, abs=1e-5),
                           "Produktion": pytest.approx(0.38201, abs=1e-5)}  # fmt: skip
    assert not overview._charts  # the poster draws the teams; the overview has their numbers


def test_every_printed_page_is_a4_with_header_and_footer_and_the_noticeboards_pages_are_never_shrunk(report):
    workbook = open_workbook(report)
    poster = workbook["Affisch"]
    assert (poster.page_setup.paperSize, poster.page_setup.orientation) == (9, "portrait")
    assert not poster.sheet_properties.pageSetUpPr.fitToPage and not poster.oddHeader.center.text  # 100 %, no header
    for name in PRINTED[1:]:
        sheet = workbook[name]
        assert (sheet.page_setup.paperSize, sheet.page_setup.orientation) == (9, "landscape"), name
        # At 100 %: 12 pt text prints at 12 pt (DPAB's pages fit a page's width; a wider one prints one page wide).
        assert not sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.scale in (None, 100), name
        assert "Digital Posthantering AB · 2027-Q1" in sheet.oddHeader.left.text, name
        assert sheet.oddHeader.right.text == "Per 2027-02-15", name
        assert sheet.oddHeader.center.size == 11 and sheet.oddFooter.center.text == "&P / &N", name
        assert sheet.print_area, name
    assert workbook["Marknad"].print_title_rows == "$6:$6"  # the table's header, on each page the team takes


def test_a_team_page_shows_bars_grade_and_status_as_word_and_symbol(report):
    sheet = open_workbook(report)["Produktion"]
    rows = {row[0].value: [c.value for c in row] for row in sheet.iter_rows(min_row=7)}
    # Id, title, progress bar, score, now / target, grade, status, owner. Handling time 48 -> 33.6 h at 44:
    # progress 4/14.4 = 0.28 of 16 cells is 4 solid; 51 % of the quarter has passed, the mark at cell 8.
    assert rows["O2.1"][2:8] == ["████░░░░┃░░░░░░░", "0,28", "44 / 33.6 h", "▰▱▱ röd", "▼ i riskzonen", "Ahmed"]
    assert rows["O2.2"][6] == "▼ i riskzonen (inaktuell)"
    assert rows["O2.3"][2:7] == [
        "████████┃███████",
        "1,00",
        "100 / 100 kunder",
        "▰▰▰ grön",
        "✔ klar",
    ]  # the mark: today
    assert rows["O1"][2:7] == ["████░░░░┃░░░░░░░", "0,27", None, "▰▱▱ röd", "▼ i riskzonen"]  # 0.27 of 16: 4
    assert sheet.title == "Produktion" and sheet["A1"].value == "Produktion"
    assert sheet["A2"].value == "Poäng 0,38 · ▰▱▱ röd · ▼ i riskzonen ↗"
    assert len(sheet._charts) == 1  # the trend of its score at the check-ins


def test_the_alignment_page_shows_who_carries_what_and_what_feeds_each_strategic_key_result(report):
    sheet = open_workbook(report)["Samordning"]
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    s1 = next(row for row in values if row[0] == "S1")
    assert s1[2:6] == ["O3 0.52", "O1 0.46\nO2 0.57", "", pytest.approx(0.51639, abs=1e-5)]
    s11 = next(row for row in values if row[0] == "S1.1")
    assert s11[2:5] == ["sales.O1.1 Fakturering nya kunder uppgår till 4 MSEK: 2.1 MSEK", "2.1 MSEK", "2.6 MSEK"]
    s32 = next(row for row in values if row[0] == "S3.2")
    assert s32[2] == "ingen"


def test_the_gaps_page_lists_every_gap_most_severe_first_with_file_and_cell(report):
    sheet = open_workbook(report)["Luckor"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=5) if row[0].value]
    assert [(r[0], r[1], r[2], r[3], r[4]) for r in rows] == [
        ("varning", "placeholder-target", "S2.2", "strategy.xlsx", "'Strategiska OKR'!H12"),  # the target
        ("varning", "stale-checkin", "marketing.O2.2", "marketing.xlsx", "'OKR'!L13"),  # its newest value, 01-18
        ("varning", "dependency-late", "sales.O2.1", "sales.xlsx", "'OKR'!AB12"),  # needed by
        ("varning", "missing-owner", "production.O1.2", "production.xlsx", "'OKR'!F7"),
        ("varning", "stale-checkin", "production.O2.2", "production.xlsx", "'OKR'!L13"),
        ("varning", "initiative-late", "production.I3", "production.xlsx", "'Initiativ'!F7"),  # its due date
        ("info", "unfed-key-result", "S3.2", "strategy.xlsx", "'Strategiska OKR'!A18"),
        ("info", "activity-not-result", "marketing.O2.1", "marketing.xlsx", "'OKR'!B12"),  # the title
        ("info", "missed-checkin", "marketing.O2.2", "marketing.xlsx", "'OKR'!N13"),  # the check-in of 02-15
        ("info", "confidence-mismatch", "marketing.O2.2", "marketing.xlsx", "'OKR'!U13"),
        ("info", "no-initiative", "marketing.O3.1", "marketing.xlsx", "'OKR'!A18"),  # overdue, nothing planned
        ("info", "confidence-mismatch", "marketing.O3.3", "marketing.xlsx", "'OKR'!U20"),
        ("info", "no-initiative", "production.O1.2", "production.xlsx", "'OKR'!A7"),  # behind, nothing planned
        ("info", "missed-checkin", "production.O2.2", "production.xlsx", "'OKR'!N13"),
    ]


def test_the_data_sheet_is_a_filterable_table_of_every_key_result(report):
    sheet = open_workbook(report)["Data"]
    table = sheet.tables["key_results"]
    assert table.ref == "A1:Z18" and table.autoFilter is not None
    header = [c.value for c in sheet[1]]
    row = dict(zip(header, [c.value for c in sheet[11]]))  # marketing's 7 key results, then sales O1.1, O1.2, O2.1
    assert (row["id"], row["score"], row["status"], row["file"], row["cell"]) == (
        "sales.O2.1",
        0.5,
        "behind",
        "sales.xlsx",
        "'OKR'!A12",
    )


def test_text_from_a_workbook_stays_text_in_the_report(demo, tmp_path):
    quarter = tmp_path / "2027-Q1"
    shutil.copytree(demo / "2027-Q1", quarter)
    shutil.copy(demo / "strategy.xlsx", tmp_path / "strategy.xlsx")
    strategy = example.dpab_strategy()
    nasty = '=HYPERLINK("http://example.com","x")'
    kr = KeyResult(id="O1.1", title=nasty, kind=KeyResultKind.COUNT, target=10, owner="+cmd|' /C calc'!A0",
                   comment="@SUM(A1:A2)")  # fmt: skip
    plan = TeamQuarter(team=strategy.teams[1], quarter=example.QUARTER,
                       objectives=(Objective(id="O1", title="http://example.com", aligned_to=("S1",),
                                             key_results=(kr, kr.__class__(**{**_fields(kr), "id": "O1.2"}))),))  # fmt: skip
    write_team_workbook(quarter / "sales.xlsx", strategy=strategy, team=plan.team, quarter=example.QUARTER,
                        template=DEFAULT, lang="sv", plan=plan)  # fmt: skip
    assert run("consolidate", quarter, "-o", tmp_path / "r.xlsx").exit_code == 0
    workbook = open_workbook(tmp_path / "r.xlsx")  # formulas would read back as "=..." strings too: check the XML
    texts = [str(c.value) for row in workbook["Försäljning"].iter_rows() for c in row if c.value is not None]
    assert "+cmd|' /C calc'!A0" in texts and f"{nasty}\n@SUM(A1:A2)" in texts  # the title, the comment under it
    import zipfile

    with zipfile.ZipFile(tmp_path / "r.xlsx") as package:
        sheets = [n for n in package.namelist() if n.startswith("xl/worksheets/sheet")]
        xml = b"".join(package.read(n) for n in sheets)
        assert b"HYPERLINK" not in xml and b"<hyperlink" not in xml and b"<f>" not in xml


def _fields(kr):
    import dataclasses

    return {f.name: getattr(kr, f.name) for f in dataclasses.fields(kr)}


def test_an_unreadable_file_is_reported_and_skipped_and_the_exit_code_is_1(demo, tmp_path):
    quarter = tmp_path / "2027-Q1"
    shutil.copytree(demo / "2027-Q1", quarter)
    shutil.copy(demo / "strategy.xlsx", tmp_path / "strategy.xlsx")
    (quarter / "production.xlsx").write_bytes(b"%PDF-1.4 not a workbook")
    result = run("consolidate", quarter, "--as-of", "2027-02-15", "--lang", "en")
    assert result.exit_code == 1
    assert "read 2 team workbooks, 1 could not be used" in result.output
    assert "production.xlsx: not an Excel workbook (.xlsx)" in result.output
    assert (tmp_path / "report-2027-Q1-2027-02-15.xlsx").exists()
    gaps = open_workbook(tmp_path / "report-2027-Q1-2027-02-15.xlsx")["Gaps"]  # the report is in English too
    assert "missing-team" in [c.value for row in gaps.iter_rows() for c in row]


def test_without_a_strategy_consolidate_says_what_to_do(tmp_path, demo):
    shutil.copytree(demo / "2027-Q1", tmp_path / "q")
    result = run("consolidate", tmp_path / "q")
    assert result.exit_code == 1
    assert "okrxl: error: no usable strategy" in result.output and "--strategy" in result.output


def test_the_python_api_gives_the_document_and_a_dataframe(demo):
    result = okrxl.consolidate(demo / "2027-Q1", as_of=dt.date(2027, 2, 15))
    assert result.document["teams"][0]["score"] == pytest.approx(0.48167, abs=1e-5)
    frame = result.key_results()
    assert len(frame) == 17
    churn = frame.set_index("id").loc["production.O2.1"]
    assert (churn["baseline"], churn["target"], churn["current"]) == (48, 33.6, 44)
    assert churn["score"] == pytest.approx(4 / 14.4) and churn["status"] == "at-risk"
    assert frame.groupby("team")["score"].count().to_dict() == {"marketing": 7, "production": 5, "sales": 5}
    assert str(frame["last_check_in"].dtype).startswith("datetime64")


@pytest.mark.usefixtures("libreoffice")
def test_pdf_has_an_overview_a_page_per_team_alignment_gaps_and_files(demo, tmp_path):
    result = run("consolidate", demo / "2027-Q1", "--as-of", "2027-02-15", "-o", tmp_path / "r.xlsx", "--pdf")
    assert result.exit_code == 0, result.output
    pdf = tmp_path / "r.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "595.3" in info and "841.89" in info  # A4, landscape: 841.89 x 595.28 pt
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")  # fmt: skip
    assert pages[0].split()[:3] == ["Digital", "Posthantering", "AB"]  # the poster: no header, the company first
    sheets = []  # each later page's sheet, from the centre of its header: company · quarter, sheet, as-of
    for page in pages[1:]:
        if page.strip():
            parts = [part.strip() for part in page.splitlines()[0].split("  ") if part.strip()]
            sheet = parts[1]  # company · quarter, the sheet, the date
            if not sheets or sheets[-1] != sheet:
                sheets.append(sheet)
    assert sheets == ["Marknad", "Försäljning", "Produktion", "Översikt", "Sedan sist", "Luckor", "Samordning", "Filer"]
    assert sum(1 for page in pages if page.strip() and "Marknad" in page.splitlines()[0]) == 1  # one page
    titles = sheets
    assert "Data" not in "".join(titles)


def test_since_lists_what_changed_between_the_last_two_check_ins(demo):
    """Between 1 and 15 February, worked out by hand from the check-in values in the files (t: 0.35 -> 0.51)."""
    result = okrxl.consolidate(demo / "2027-Q1", as_of=dt.date(2027, 2, 15))
    assert result.status.since == dt.date(2027, 2, 1)
    changes = [(c["kind"], c["where"], c["before"], c["after"]) for c in result.document["changes"]]
    assert [c for c in changes if c[0] in ("done", "worse", "better", "stale", "new-gap")] == [
        ("done", "marketing.O1.1", "on-track", "done"),  # website 70 % -> launched
        ("done", "production.O2.3", "behind", "done"),  # NPS answers 30 -> 100
        ("worse", "marketing.O3.1", "on-track", "overdue"),  # the campaign concept was due 1 February
        ("worse", "sales.O2.1", "on-track", "behind"),  # 1 of 2 sellers: 0.5 was ahead of 0.35, not of 0.51
        ("better", "marketing.O3.2", "at-risk", "on-track"),  # 150 -> 540 of 1000
        ("better", "sales.O1.1", "behind", "on-track"),  # 1.3 -> 2.1 of 4 MSEK
        ("better", "sales.O1.2", "at-risk", "behind"),  # 0.3 -> 0.6 of 1.5 MSEK
        ("better", "production.O1.2", "at-risk", "behind"),  # 99.6 -> 99.7 of 99.5 -> 100
        ("stale", "marketing.O2.2", False, True),  # last check-in 18 January
        ("stale", "production.O2.2", False, True),
        ("new-gap", "production.I3", None, "initiative-late"),  # the volume report was due 10 February
        ("new-gap", "marketing.O3.1", None, "no-initiative"),  # overdue now, and no initiative serves it
        ("new-gap", "marketing.O3.3", None, "confidence-mismatch"),  # "on track" at 12 of 100 leads
    ]
    movers = [(c[1], round(c[2], 3), round(c[3], 3)) for c in changes if c[0] == "mover"]
    assert movers == [("production.O2.3", 0.3, 1.0), ("marketing.O3.2", 0.15, 0.54), ("marketing.O1.1", 0.7, 1.0),
                      ("sales.O2.2", 0.3, 0.6), ("production.O1.2", 0.2, 0.4)]  # fmt: skip
    sheet = open_workbook(result.write_report(demo / "since.xlsx").path)["Sedan sist"]
    assert sheet["A1"].value == "Vad har hänt sedan 2027-02-01"
    assert [sheet.cell(r, 1).value for r in range(5, 7)] == ["✔ klar", "✔ klar"]


def test_at_quarter_close_the_report_grades_the_quarter(demo, tmp_path):
    result = okrxl.consolidate(demo / "2027-Q1", as_of=dt.date(2027, 4, 2))
    close = result.document["close"]
    # The check-ins stop mid February, so the quarter ends as it stood then: 17 key results, 1 committed.
    assert close["committed"] == {"count": 1, "hit": 0, "hit_rate": 0.0}
    assert close["key_results_by_grade"] == {"green": 3, "yellow": 7, "red": 7}  # sales' committed 0.525 is red
    marketing = 1.0 + 0.35 + 0.5 + 0.0 + 0.9 + 0.54 + 0.12
    sales = 0.525 + 0.4 + 0.5 + 0.6 + 0.6
    production = 0.4 / 2.8 + 0.4 + 4 / 14.4 + 0.2 + 1.0
    assert close["average_score"] == pytest.approx((marketing + sales + production) / 17)  # 0.474
    assert close["sweet_spot"] == "below"
    codes = [(g["code"], g["where"]) for g in result.document["gaps"] if g["code"] in ("committed-missed", "too-safe")]
    assert codes == [
        ("committed-missed", "sales.O1.1"),
        ("too-safe", "marketing.O1.1"),
        ("too-safe", "production.O2.3"),
    ]
    overview = open_workbook(result.write_report(tmp_path / "r.xlsx").path)["Översikt"]
    texts = [c.value for row in overview.iter_rows() for c in row if isinstance(c.value, str)]
    assert "Åtaganden nådda: 0 av 1" in texts
