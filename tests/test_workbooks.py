"""okrxl init and okrxl generate, end to end through real files, checked by reading them back."""

import dataclasses
import datetime as dt
import hashlib
import subprocess
import sys
import zipfile

import pytest
from click.testing import CliRunner
from sheets import open_workbook, table_rows

from okrxl import example, layout
from okrxl.cli import cli
from okrxl.model import CheckIn, KeyResult, KeyResultKind, Objective, TeamQuarter
from okrxl.template import DEFAULT, CellStyle, bundled_template_path, read_template, with_styles, write_template
from okrxl.workbook_reader import read_strategy_workbook, read_team_workbook
from okrxl.workbook_writer import write_team_workbook


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """`okrxl init --example dpab` then `okrxl generate` of 2027-Q1, as the issue's admin would."""
    folder = tmp_path_factory.mktemp("admin")
    assert run("init", folder / "s.xlsx", "--example", "dpab").exit_code == 0
    result = run("generate", folder / "s.xlsx", "--quarter", "2027-Q1", "-o", folder / "out")
    assert result.exit_code == 0, result.output
    return folder


def test_init_and_generate_write_the_strategy_and_one_workbook_per_team(generated):
    assert sorted(p.name for p in (generated / "out" / "2027-Q1").iterdir()) == [
        "marketing.xlsx", "production.xlsx", "sales.xlsx",
    ]  # fmt: skip


def test_generate_again_without_force_changes_no_byte_and_exits_1(generated):
    files = sorted((generated / "out" / "2027-Q1").iterdir())
    before = [hashlib.sha256(p.read_bytes()).hexdigest() for p in files]
    result = CliRunner().invoke(cli, ["generate", str(generated / "s.xlsx"), "--quarter", "2027Q1",
                                      "-o", str(generated / "out")])  # fmt: skip
    assert result.exit_code == 1
    assert result.output.count("it exists; nothing was changed (use --force to overwrite it)") == 3
    assert [hashlib.sha256(p.read_bytes()).hexdigest() for p in files] == before


def test_the_same_input_gives_the_same_bytes(tmp_path, generated):
    run("init", tmp_path / "s.xlsx", "--example", "dpab")
    assert (tmp_path / "s.xlsx").read_bytes() == (generated / "s.xlsx").read_bytes()
    run("generate", tmp_path / "s.xlsx", "--quarter", "2027-Q1", "--team", "sales")
    assert (tmp_path / "2027-Q1" / "sales.xlsx").read_bytes() == (generated / "out/2027-Q1/sales.xlsx").read_bytes()
    assert not (tmp_path / "2027-Q1" / "marketing.xlsx").exists()


def test_the_strategy_workbook_reads_back_as_the_example(generated):
    reading = read_strategy_workbook(generated / "s.xlsx")
    assert reading.problems == ()
    assert reading.strategy == example.dpab_strategy()
    assert reading.lang == "sv"


def test_an_empty_strategy_workbook_names_the_cells_to_fill_in(tmp_path):
    assert run("init", tmp_path / "s.xlsx", "--lang", "en").exit_code == 0
    result = CliRunner().invoke(cli, ["generate", str(tmp_path / "s.xlsx"), "--quarter", "2027-Q1"])
    assert result.exit_code == 1
    assert "s.xlsx 'Settings'!B4: write the company's name" in result.output


def test_a_generated_team_workbook_has_the_sheets_table_names_and_metadata(generated):
    path = generated / "out" / "2027-Q1" / "sales.xlsx"
    workbook = open_workbook(path)
    assert workbook.sheetnames == ["Instruktioner", "OKR", "Strategi", "Listor", "okrxl"]
    assert [workbook[n].sheet_state for n in workbook.sheetnames] == ["visible"] * 3 + ["hidden"] * 2
    assert workbook.active.title == "OKR"
    meta = {r[0]: r[1] for r in workbook["okrxl"].iter_rows(min_row=2, values_only=True)}
    assert meta["schema"] == "1" and meta["workbook"] == "team"
    assert (meta["team"], meta["quarter"]) == ("sales", "2027-Q1")
    assert meta["strategy_fingerprint"] == layout.strategy_fingerprint(example.dpab_strategy())
    assert set(workbook.defined_names) >= {
        "okrxl_kinds", "okrxl_commitments", "okrxl_confidences", "okrxl_objectives", "okrxl_key_results",
        "okrxl_period_start", "okrxl_period_end", "okrxl_today",
    }  # fmt: skip


def test_the_okr_table_has_room_for_five_objectives_of_five_key_results_and_a_column_per_check_in(generated):
    sheet = open_workbook(generated / "out" / "2027-Q1" / "marketing.xlsx")["OKR"]
    rows = table_rows(sheet, "okrs")
    assert [r["id"] for r in rows][:7] == ["O1", "O1.1", "O1.2", "O1.3", "O1.4", "O1.5", "O2"]
    assert len(rows) == 30 and rows[-1]["id"] == "O5.5"
    assert [k for k in rows[0] if str(k).startswith("2027")] == [
        "2027-01-04", "2027-01-18", "2027-02-01", "2027-02-15", "2027-03-01", "2027-03-15", "2027-03-29",
    ]  # fmt: skip
    assert not sheet.merged_cells.ranges


def test_dropdowns_and_date_validations_cover_the_input_columns(generated):
    sheet = open_workbook(generated / "out" / "2027-Q1" / "marketing.xlsx")["OKR"]
    validations = {str(v.sqref): (v.type, v.formula1) for v in sheet.data_validations.dataValidation}
    assert validations["C5:C34"] == ("list", "okrxl_kinds")
    assert validations["D5:D34"] == ("list", "okrxl_commitments")
    assert validations["E5:E34"] == ("list", "okrxl_objectives")
    assert validations["X5:X34"] == ("list", "okrxl_key_results")
    assert validations["J5:J34"][0] == "date"
    lists = open_workbook(generated / "out" / "2027-Q1" / "marketing.xlsx")["Listor"]
    objectives = [lists.cell(r, 5).value for r in range(2, 5)]
    assert objectives == ["S1 – Kommande år vårt starkaste tillväxtår någonsin",
                          "S2 – Leverera branschens bästa upplevelse", "S3 – Marknadstest i Norge"]  # fmt: skip


def test_scores_are_locked_formulas_and_inputs_are_unlocked(generated):
    sheet = open_workbook(generated / "out" / "2027-Q1" / "marketing.xlsx")["OKR"]
    assert sheet.protection.sheet and sheet.protection.insertRows is False  # False: not forbidden
    row = next(r for r in table_rows(sheet, "okrs") if r["id"] == "O1.1")
    header = {v: k for k, v in enumerate([c.value for c in sheet[4]], start=1)}
    score = sheet.cell(row["_row"], header["Poäng"])
    assert str(score.value).startswith("=IFERROR(CHOOSE(") and score.protection.locked
    # An empty key result cell takes its column's format: unlocked (and a date for Due)
    assert not sheet.column_dimensions["I"].protection.locked
    assert sheet.column_dimensions["J"].number_format == "yyyy-mm-dd"
    assert sheet.column_dimensions["S"].protection.locked  # the score column
    strategy = open_workbook(generated / "out" / "2027-Q1" / "marketing.xlsx")["Strategi"]
    assert strategy.protection.sheet
    assert all(c.protection.locked for r in strategy.iter_rows() for c in r)


def test_the_okr_sheet_prints_on_a4_landscape_fit_to_width_with_team_and_quarter(generated):
    sheet = open_workbook(generated / "out" / "2027-Q1" / "marketing.xlsx")["OKR"]
    assert (sheet.page_setup.paperSize, sheet.page_setup.orientation) == (9, "landscape")
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert (sheet.page_setup.fitToWidth or 1, sheet.page_setup.fitToHeight) == (1, 0)  # 1 is the default
    assert sheet.print_title_rows == "$1:$4"
    assert "Marknad" in sheet.oddHeader.left.text and "2027-Q1" in sheet.oddHeader.left.text
    assert sheet.oddFooter.center.text == "Page &P / &N"
    assert sheet.freeze_panes == "C5"
    assert sheet.print_area == "'OKR'!$A$1:$V$34"  # up to the carried column


def test_conditional_formats_colour_scores_by_grade_with_committed_thresholds(generated):
    sheet = open_workbook(generated / "out" / "2027-Q1" / "sales.xlsx")["OKR"]
    rules = [rule.formula[0] for cf in sheet.conditional_formatting for rule in cf.rules]
    assert rules[0] == 'AND(ISNUMBER($S5),$S5>=IF(OR($D5="åtagande",$D5="committed"),1,0.7)-0.000000001)'
    assert rules[1].endswith('$S5>=IF(OR($D5="åtagande",$D5="committed"),0.7,0.4)-0.000000001)')


def test_the_demo_files_read_back_exactly_as_the_example(tmp_path):
    assert run("demo", tmp_path, "--no-pdf").exit_code == 0
    strategy = read_strategy_workbook(tmp_path / "strategy.xlsx")
    assert strategy.strategy == example.dpab_strategy()
    for plan in example.dpab_teams():
        reading = read_team_workbook(tmp_path / "2027-Q1" / f"{plan.team.id}.xlsx", strategy.strategy)
        assert reading.problems == ()
        assert reading.plan == plan


def test_the_demo_workbooks_cache_okrxls_scores_for_viewers_that_do_not_recalculate(tmp_path):
    run("demo", tmp_path, "--no-pdf")
    sheet = open_workbook(tmp_path / "2027-Q1" / "production.xlsx", data_only=True)["OKR"]
    rows = {r["id"]: r for r in table_rows(sheet, "okrs")}
    assert rows["O2.1"]["score"] == pytest.approx((44 - 48) / (33.6 - 48))  # a falling metric, not 44 / 33.6
    assert rows["O2.1"]["status"] == "i riskzonen"
    assert rows["O2.3"]["status"] == "klar"
    assert sheet["C2"].value == pytest.approx(0.38201, abs=1e-5)


def test_english_workbooks_use_english_sheets_headers_and_words(tmp_path):
    run("init", tmp_path / "s.xlsx", "--example", "dpab", "--lang", "en")
    run("generate", tmp_path / "s.xlsx", "--quarter", "2027-Q1")  # the strategy's language by default
    workbook = open_workbook(tmp_path / "2027-Q1" / "sales.xlsx")
    assert workbook.sheetnames[:3] == ["Instructions", "OKRs", "Strategy"]
    assert workbook["OKRs"]["A4"].value == "Id" and workbook["OKRs"]["I4"].value == "Target"
    assert read_strategy_workbook(tmp_path / "s.xlsx").strategy == example.dpab_strategy("en")


def test_text_from_people_is_never_written_as_a_formula_or_link(tmp_path):
    strategy = example.dpab_strategy()
    nasty = ['=HYPERLINK("http://example.com","x")', "+cmd|' /C calc'!A0", "@SUM(A1:A2)", "http://example.com"]
    krs = tuple(
        KeyResult(id=f"O1.{i}", title=title, kind=KeyResultKind.COUNT, target=10, owner=title,
                  check_ins=(CheckIn(date=dt.date(2027, 1, 4), value=1, note=title),))
        for i, title in enumerate(nasty, start=1)
    )  # fmt: skip
    objective = Objective(id="O1", title=nasty[0], aligned_to=("S1",), key_results=krs)
    plan = TeamQuarter(team=strategy.teams[0], quarter=example.QUARTER, objectives=(objective,))
    path = tmp_path / "nasty.xlsx"
    write_team_workbook(path, strategy=strategy, team=plan.team, quarter=example.QUARTER, template=DEFAULT,
                        lang="en", plan=plan)  # fmt: skip
    sheet = open_workbook(path)["OKRs"]
    rows = {r["id"]: r for r in table_rows(sheet, "okrs")}
    assert [rows[f"O1.{i}"]["title"] for i in range(1, 5)] == nasty  # read without data_only: no formula
    assert rows["O1"]["title"] == nasty[0]
    assert not sheet._hyperlinks
    with zipfile.ZipFile(path) as package:
        xml = package.read("xl/worksheets/sheet2.xml").decode()
    assert "HYPERLINK" not in xml and "<hyperlink" not in xml  # the text lives in sharedStrings.xml
    assert read_team_workbook(path, strategy).plan == plan


def test_the_committed_template_is_what_the_code_writes(tmp_path):
    write_template(tmp_path / "t.xlsx")
    assert (tmp_path / "t.xlsx").read_bytes() == bundled_template_path().read_bytes(), (
        "templates/okr_template.xlsx is out of date: run `okrxl template templates/okr_template.xlsx --force`"
    )
    assert read_template(bundled_template_path()) == DEFAULT


def test_a_changed_template_shows_in_the_workbooks_which_still_read_back(tmp_path):
    import openpyxl
    from openpyxl.styles import PatternFill

    assert run("template", tmp_path / "mine.xlsx").exit_code == 0
    book = openpyxl.load_workbook(tmp_path / "mine.xlsx")  # as an admin edits it in a spreadsheet app
    header_row = next(r for r in book["Styles"].iter_rows(min_row=2) if r[0].value == "header")
    header_row[1].fill = PatternFill(fill_type="solid", fgColor="FF7B2C8E")
    target_row = next(r for r in book["Labels"].iter_rows(min_row=2) if r[0].value == "target")
    target_row[1].value = "Målvärde"
    book["Instructions"]["B2"].value = "Så här gör vi på DPAB"
    book.save(tmp_path / "mine.xlsx")

    run("demo", tmp_path / "demo", "--no-pdf")
    result = run("generate", tmp_path / "demo" / "strategy.xlsx", "--quarter", "2027-Q2", "--template",
                 tmp_path / "mine.xlsx")  # fmt: skip
    assert result.exit_code == 0, result.output
    workbook = open_workbook(tmp_path / "demo" / "2027-Q2" / "sales.xlsx")
    assert workbook["OKR"]["I4"].value == "Målvärde"
    assert workbook["OKR"]["I4"].fill.fgColor.rgb == "FF7B2C8E"
    assert workbook["Instruktioner"]["A1"].value == "Så här gör vi på DPAB"
    reading = read_team_workbook(tmp_path / "demo" / "2027-Q2" / "sales.xlsx", example.dpab_strategy())
    assert reading.problems == () and reading.plan.objectives == ()


def test_a_theme_colour_in_the_template_is_resolved_with_its_tint(tmp_path):
    import openpyxl
    from openpyxl.styles import PatternFill
    from openpyxl.styles.colors import Color

    write_template(tmp_path / "t.xlsx")
    book = openpyxl.load_workbook(tmp_path / "t.xlsx")
    objective_row = next(r for r in book["Styles"].iter_rows(min_row=2) if r[0].value == "objective")
    objective_row[1].fill = PatternFill(fill_type="solid", fgColor=Color(theme=4, tint=0.0))  # accent 1
    header_row = next(r for r in book["Styles"].iter_rows(min_row=2) if r[0].value == "header")
    header_row[1].fill = PatternFill(fill_type="solid", fgColor=Color(theme=4, tint=0.3999755851924192))
    book.save(tmp_path / "t.xlsx")
    styles = read_template(tmp_path / "t.xlsx").styles
    # The file's theme is Office 2007's: accent 1 is 4F81BD, and Excel's palette shows its
    # "lighter 40 %" as 95B3D7.
    assert (styles["objective"].fill, styles["header"].fill) == ("#4F81BD", "#95B3D7")


def test_with_styles_replaces_only_the_named_style():
    red = CellStyle(fill="#FF0000")
    changed = with_styles(DEFAULT, header=red)
    assert changed.styles["header"] == red and changed.styles["title"] == DEFAULT.styles["title"]
    assert dataclasses.replace(changed, styles=DEFAULT.styles) == DEFAULT


def test_the_wheel_ships_the_template(tmp_path):
    """Installed okrxl must find templates/okr_template.xlsx: build the wheel and look inside."""
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), "."],
        check=True, cwd=_repo_root(),
    )  # fmt: skip
    (wheel,) = tmp_path.glob("okrxl-*.whl")
    with zipfile.ZipFile(wheel) as package:
        assert (
            package.read("okrxl/templates/okr_template.xlsx")
            == (_repo_root() / "templates" / "okr_template.xlsx").read_bytes()
        )


def _repo_root():
    from pathlib import Path

    return Path(__file__).parent.parent


def test_xlsxwriter_would_write_every_okrxl_formula_as_okrxl_writes_it(tmp_path):
    """FormulaSheet skips XlsxWriter's `_xlfn.` prefixing (for speed): it must have had nothing to do.

    Cell formulas (`<f>`), conditional formats (`<formula>`) and dropdown lists (`<formula1>`) alike.
    """
    FORMULA_TAGS = {"f", "formula", "formula1", "formula2"}
    import re
    from xml.etree import ElementTree

    from xlsxwriter.worksheet import Worksheet

    assert run("demo", tmp_path, "--no-pdf").exit_code == 0
    run("init", tmp_path / "en" / "s.xlsx", "--example", "dpab", "--lang", "en")
    run("generate", tmp_path / "en" / "s.xlsx", "--quarter", "2027-Q1")
    formulas = set()
    for path in [*tmp_path.glob("2027-Q1/*.xlsx"), *tmp_path.glob("en/2027-Q1/*.xlsx")]:
        with zipfile.ZipFile(path) as package:
            for name in package.namelist():
                if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", name):
                    root = ElementTree.fromstring(package.read(name))
                    formulas |= {e.text for e in root.iter() if e.tag.rpartition("}")[2] in FORMULA_TAGS and e.text}
    assert len(formulas) > 100  # score, status, current value and kind per row, in two languages
    assert "okrxl_kinds" in formulas and "ISNUMBER($S5)" in formulas  # a dropdown list, a conditional format
    xlsxwriter_sheet = Worksheet()
    xlsxwriter_sheet.use_future_functions = True
    changed = [f for f in formulas if xlsxwriter_sheet._prepare_formula("=" + f, True) != f]
    assert changed == []
