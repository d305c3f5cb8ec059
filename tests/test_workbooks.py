"""okrxl init and okrxl generate, end to end through real files, checked by reading them back."""

import dataclasses
import datetime as dt
import hashlib
import subprocess
import sys
import zipfile

import pytest
from click.testing import CliRunner
from sheets import open_workbook, table_rows, type_into_okr_table

from okrxl.cli import cli
from okrxl.core.model import CheckIn, KeyResult, KeyResultKind, Objective, TeamQuarter
from okrxl.demo import example
from okrxl.excel import layout
from okrxl.excel.template import DEFAULT, CellStyle, bundled_template_path, read_template, with_styles, write_template
from okrxl.excel.workbook_reader import read_strategy_workbook, read_team_workbook
from okrxl.excel.workbook_writer import write_team_workbook


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
    assert result.output.count("den finns redan; inget ändrades (--force skriver över den)") == 3
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
    assert workbook.sheetnames == ["Instruktioner", "OKR", "Initiativ", "Strategi", "Listor", "okrxl"]
    assert [workbook[n].sheet_state for n in workbook.sheetnames] == ["visible"] * 4 + ["hidden"] * 2
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
    assert str(score.value).startswith("=IFERROR(") and score.protection.locked
    # An empty key result cell takes its column's format: unlocked (and a date for Due)
    assert not sheet.column_dimensions["I"].protection.locked
    assert sheet.column_dimensions["J"].number_format == "yyyy-mm-dd"
    assert sheet.column_dimensions["S"].protection.locked  # the score column
    strategy = open_workbook(generated / "out" / "2027-Q1" / "marketing.xlsx")["Strategi"]
    assert strategy.protection.sheet
    assert all(c.protection.locked for r in strategy.iter_rows() for c in r)


def test_the_okr_sheet_prints_every_column_on_a4_landscape_at_85_percent_with_team_and_quarter(generated):
    sheet = open_workbook(generated / "out" / "2027-Q1" / "marketing.xlsx")["OKR"]
    assert (sheet.page_setup.paperSize, sheet.page_setup.orientation, sheet.page_setup.scale) == (9, "landscape", 85)
    assert not sheet.sheet_properties.pageSetUpPr.fitToPage  # never shrunk to fit: 11 pt prints at 9.35 pt
    assert (sheet.print_title_rows, sheet.print_title_cols) == ("$1:$4", "$A:$B")
    assert "Marknad" in sheet.oddHeader.left.text and "2027-Q1" in sheet.oddHeader.left.text
    assert sheet.oddFooter.center.text == "Sida &P av &N"  # in the workbook's language
    assert sheet.freeze_panes == "C5"
    assert sheet.print_area == "'OKR'!$A$1:$AD$34"  # up to the comment column: every column a team fills in


def test_conditional_formats_colour_scores_by_grade_with_committed_thresholds(generated):
    sheet = open_workbook(generated / "out" / "2027-Q1" / "sales.xlsx")["OKR"]
    rules = [rule.formula[0] for cf in sheet.conditional_formatting for rule in cf.rules]
    # graded as shown: ROUND(score, 2), so a score of 0.697 (shown 0.70) is green (issue 14)
    assert rules[0] == 'AND(ISNUMBER($S5),ROUND($S5,2)>=IF(OR($D5="åtagande",$D5="committed"),1,0.7)-0.000000001)'
    assert rules[1].endswith('ROUND($S5,2)>=IF(OR($D5="åtagande",$D5="committed"),0.7,0.4)-0.000000001)')


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
    assert workbook.sheetnames[:4] == ["Instructions", "OKRs", "Initiatives", "Strategy"]
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


def test_a_template_too_big_to_read_is_one_line_not_a_traceback(tmp_path):
    import xlsxwriter

    workbook = xlsxwriter.Workbook(str(tmp_path / "big.xlsx"))
    sheet = workbook.add_worksheet()
    for row in range(30_000):  # 60,000 cells of markup, beyond the template's budget of 200,000 tags
        sheet.write_number(row, 0, row)
    workbook.close()
    run("init", tmp_path / "s.xlsx", "--example", "dpab")
    result = CliRunner().invoke(cli, ["generate", str(tmp_path / "s.xlsx"), "--quarter", "2027-Q1",
                                      "--template", str(tmp_path / "big.xlsx"), "--lang", "en"])  # fmt: skip
    assert result.exit_code == 1
    assert result.output == ("okrxl: error: big.xlsx: cannot read the template (more than 200,000 XML tags and "
                             "attributes, more than okrxl reads here)\n")  # fmt: skip


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
    """FormulaSheet skips XlsxWriter's `_xlfn.` prefixing and its search for dynamic array functions
    (for speed): they must have had nothing to do.

    Cell formulas (`<f>`), conditional formats (`<formula>`) and dropdown lists (`<formula1>`) alike.
    """
    FORMULA_TAGS = {"f", "formula", "formula1", "formula2"}
    import re
    from xml.etree import ElementTree

    from xlsxwriter.worksheet import Worksheet, re_dynamic_function

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
    assert [f for f in formulas if re_dynamic_function.search(f)] == []  # nor a dynamic array formula


# --- what the reader makes of what teams type (docs/cells.md), in workbooks okrxl wrote -----------------

AS_OF = dt.date(2027, 3, 31)


def a_plan(*objectives: Objective) -> TeamQuarter:
    strategy = example.dpab_strategy()
    return TeamQuarter(team=strategy.teams[0], quarter=example.QUARTER, objectives=objectives)


def a_key_result(local_id: str, **changes) -> KeyResult:
    fields = dict(title=f"Öka till 20 ({local_id})", kind=KeyResultKind.INCREASE, owner="Ann", target=20.0)
    return KeyResult(id=local_id, **(fields | changes))


def an_objective(local_id: str, *key_results: KeyResult) -> Objective:
    return Objective(id=local_id, title=f"Mål {local_id}", owner="Ann", aligned_to=("S1",), key_results=key_results)


ONE_OBJECTIVE = a_plan(an_objective("O1", a_key_result("O1.1"), a_key_result("O1.2")))
"""Rows: header 4, O1 5, O1.1 6, O1.2 7, then empty O1.3-O1.5 and O2 (11), O2.1 (12)... Columns: H baseline,
I target, J due, K-Q the check-ins of 2027-01-04 ... 2027-03-29, U confidence, AB needed by, AD comment."""


def a_team_workbook(tmp_path, plan: TeamQuarter = ONE_OBJECTIVE):
    path = tmp_path / "marketing.xlsx"
    write_team_workbook(path, strategy=example.dpab_strategy(), team=plan.team, quarter=plan.quarter,
                        template=DEFAULT, lang="en", plan=plan)  # fmt: skip
    return path


def read_back(path):
    reading = read_team_workbook(path, example.dpab_strategy())
    key_results = {kr.id: kr for o in reading.plan.objectives for kr in o.key_results}
    return reading, key_results


def cells_and_codes(reading):
    return [(str(p.cell), p.code) for p in reading.problems]


@pytest.mark.parametrize(
    ("typed", "baseline", "target", "values", "problems"),
    [
        pytest.param({"kind": "decrease", "unit": "procent", "baseline": 20, "target": 10, "2027-01-04": "12 %"},
                     20, 10, [12], [("'OKRs'!K6", "number-as-text")], id="unit procent, 12 % typed as text"),
        pytest.param({"unit": "andel", "baseline": "40 %", "target": "60 %", "2027-01-04": 45},
                     40, 60, [45], [("'OKRs'!H6", "number-as-text"), ("'OKRs'!I6", "number-as-text")],
                     id="unit andel, percent text baseline and target, plain 45"),
        pytest.param({"unit": "Andel", "baseline": (0.4, "0%"), "target": (0.6, "0%"), "2027-01-04": 45},
                     40, 60, [45], [], id="unit Andel, percent cells"),
        pytest.param({"unit": "kunder", "baseline": 10, "target": 20, "2027-01-04": (0.15, "0%")},
                     10, 20, [15], [], id="a value typed as a percent puts the key result on the percent scale"),
        pytest.param({"kind": "percent", "baseline": 10, "target": 20, "2027-01-04": (0.15, "0%")},
                     10, 20, [15], [], id="15% typed in Excel into a percent key result 10 to 20"),
        pytest.param({"kind": "percent", "baseline": 80, "target": 100, "2027-01-04": (1.05, "0%")},
                     80, 100, [105], [], id="105 % on a percent key result 80 to 100"),
        pytest.param({"unit": "%", "baseline": 80, "target": (1.2, "0%")},
                     80, 120, [], [], id="120 % as a target"),
        pytest.param({"kind": "maintain at most", "target": (0.07, "0%"), "2027-01-04": (0.07, "0%")},
                     None, 7, [7], [], id="7 % is 7"),
        pytest.param({"kind": "percent", "baseline": 90, "target": 99, "2027-01-04": (97.8, "0.0%")},
                     90, 99, [97.8], [("'OKRs'!K6", "ambiguous-percent")], id="97,8 kept over a 97,6 % cell"),
        pytest.param({"kind": "percent", "baseline": 10, "target": 20, "2027-01-04": "0,15"},
                     10, 20, [0.15], [("'OKRs'!K6", "number-as-text"), ("'OKRs'!K6", "ambiguous-fraction")],
                     id="0,15 beside 10 and 20"),
        pytest.param({"unit": "procent", "target": 20, "2027-01-04": 0.15},
                     None, 20, [0.15], [("'OKRs'!K6", "ambiguous-fraction")], id="0.15 beside a target of 20"),
        pytest.param({"kind": "percent", "baseline": 10, "target": 20, "2027-01-04": "15 %"},
                     10, 20, [15], [("'OKRs'!K6", "number-as-text")], id="a fraction typed with % is no fraction"),
        pytest.param({"unit": "MSEK", "baseline": 2, "target": 4, "2027-01-04": 0.5},
                     2, 4, [0.5], [], id="no percent anywhere: read as written"),
    ],
)  # fmt: skip
def test_every_value_of_a_key_result_is_read_on_one_scale(tmp_path, typed, baseline, target, values, problems):
    path = a_team_workbook(tmp_path)
    type_into_okr_table(path, {("O1.1", key): value for key, value in typed.items()})
    reading, key_results = read_back(path)
    kr = key_results["O1.1"]
    assert (kr.baseline, kr.target, [c.value for c in kr.check_ins]) == (baseline, target, values)
    assert cells_and_codes(reading) == problems


def test_105_percent_on_a_percent_key_result_scores_1_with_progress_1_25(tmp_path):
    from okrxl.core.scoring import progress, score_key_result

    path = a_team_workbook(tmp_path)
    type_into_okr_table(path, {("O1.1", "kind"): "percent", ("O1.1", "baseline"): 80, ("O1.1", "target"): 100,
                     ("O1.1", "2027-01-04"): (1.05, "0%")})  # fmt: skip
    kr = read_back(path)[1]["O1.1"]
    assert (score_key_result(kr, AS_OF), progress(kr, AS_OF)) == (1.0, 1.25)


def test_a_maintain_at_most_7_percent_at_7_percent_keeps_its_threshold(tmp_path):
    from okrxl.core.scoring import score_key_result

    path = a_team_workbook(tmp_path)
    type_into_okr_table(path, {("O1.1", "kind"): "maintain at most", ("O1.1", "target"): (0.07, "0%"),
                     ("O1.1", "2027-01-04"): (0.07, "0%")})  # fmt: skip
    assert score_key_result(read_back(path)[1]["O1.1"], AS_OF) == 1.0


def test_a_target_equal_to_its_baseline_once_both_are_percent_points_is_refused_at_the_target(tmp_path):
    path = a_team_workbook(tmp_path)
    type_into_okr_table(path, {("O1.1", "baseline"): 7, ("O1.1", "target"): "7 %"})
    reading, key_results = read_back(path)
    assert cells_and_codes(reading) == [("'OKRs'!I6", "number-as-text"), ("'OKRs'!I6", "invalid-key-result")]
    assert "target equals baseline (7.0)" in reading.problems[1].message
    assert "O1.1" not in key_results


def test_milestone_check_ins_take_done_words_and_shares_and_refuse_150_percent(tmp_path):
    path = a_team_workbook(tmp_path)
    type_into_okr_table(path, {("O1.1", "kind"): "milestone", ("O1.1", "target"): None, ("O1.1", "2027-01-04"): (0.4, "0%"),
                     ("O1.1", "2027-01-18"): "Klar", ("O1.1", "2027-02-01"): (1.5, "0%"),
                     ("O1.2", "kind"): "binary", ("O1.2", "target"): None, ("O1.2", "2027-01-04"): "ej  klar",
                     ("O1.2", "2027-01-18"): "yes"})  # fmt: skip
    reading, key_results = read_back(path)
    assert [c.value for c in key_results["O1.1"].check_ins] == [0.4, 1.0]
    assert [c.value for c in key_results["O1.2"].check_ins] == [0.0, 1.0]
    assert cells_and_codes(reading) == [("'OKRs'!M6", "not-a-completion")]
    assert reading.problems[0].message == "a share done is between 0 and 100 %, got 150 %"


def test_a_date_an_app_read_as_another_year_is_an_error_with_the_date_meant(tmp_path):
    path = a_team_workbook(tmp_path)
    type_into_okr_table(path, {("O1.1", "kind"): "milestone", ("O1.1", "target"): None,
                     ("O1.1", "due"): dt.datetime(2015, 2, 1),  # `15 feb` in Swedish LibreOffice
                     ("O1.2", "depends_on"): "sales.O1.1", ("O1.2", "needed_by"): dt.datetime(1931, 2, 1)})  # fmt: skip
    reading, key_results = read_back(path)
    assert cells_and_codes(reading) == [("'OKRs'!J6", "implausible-date"), ("'OKRs'!AB7", "implausible-date")]
    assert reading.problems[0].message.endswith("Did you mean 2027-02-15? Write it as 2027-02-15")
    assert reading.problems[1].message.endswith("write the date in full, e.g. 2027-03-15")
    assert key_results["O1.1"].due is None and key_results["O1.2"].depends_on[0].needed_by is None


def test_check_in_headers_that_cannot_be_used_are_named_at_the_header(tmp_path):
    path = a_team_workbook(tmp_path)
    type_into_okr_table(
        path,
        {("O1.1", "2027-01-04"): 1, ("O1.1", "2027-01-18"): 3, ("O1.1", "2027-02-01"): 5, ("O1.1", "2027-02-15"): 7,
         ("O1.1", "2027-03-01"): 8, ("O1.1", "2027-03-29"): 9},
        headers={
            "2027-01-04": dt.datetime(2015, 2, 1),  # `15 feb` read by the app as 2015-02-01
            "2027-01-18": "2027-04-05",  # next quarter
            "2027-02-01": "2027-02-15",  # the same date as the next column
            "2027-03-01": "15 feb",  # text no date: its value 8 would be lost
            "2027-03-15": "Extra",  # an empty column of the team's own
        },
    )  # fmt: skip
    reading, key_results = read_back(path)
    assert [(str(p.cell), p.code, str(p.severity)) for p in reading.problems] == [
        ("'OKRs'!K4", "implausible-date", "error"),
        ("'OKRs'!L4", "check-in-outside-quarter", "warning"),
        ("'OKRs'!N4", "duplicate-check-in-date", "error"),
        ("'OKRs'!O4", "unreadable-header", "error"),
        ("'OKRs'!P4", "unknown-column", "warning"),
    ]
    assert "Did you mean 2027-02-15?" in reading.problems[0].message
    assert reading.problems[3].message == ("the header '15 feb' is neither a column okrxl knows nor a date: values "
                                           "in this column were not read: write the check-in's date as 2027-02-15")  # fmt: skip
    assert [(c.date, c.value) for c in key_results["O1.1"].check_ins] == [
        (dt.date(2027, 2, 15), 5), (dt.date(2027, 3, 29), 9),
    ]  # fmt: skip


def test_the_newest_dated_check_in_counts_wherever_its_column_stands(tmp_path):
    from okrxl.core.scoring import current_value

    path = a_team_workbook(tmp_path)
    type_into_okr_table(
        path, {("O1.1", "2027-01-04"): 8, ("O1.1", "2027-03-29"): 6}, headers={"2027-01-04": "2027-03-30"}
    )
    reading, key_results = read_back(path)
    assert reading.problems == ()
    assert current_value(key_results["O1.1"], AS_OF) == 8


def delete_column(path, header: str):
    """Delete a column of the OKR table as a spreadsheet app does: the table shrinks with it."""
    import openpyxl
    from openpyxl.utils import get_column_letter
    from openpyxl.utils.cell import range_boundaries

    book = openpyxl.load_workbook(path)
    sheet = book["OKRs"]
    table = sheet.tables["okrs"]
    c1, r1, c2, r2 = range_boundaries(table.ref)
    column = next(c for c in range(c1, c2 + 1) if sheet.cell(r1, c).value == header)
    sheet.delete_cols(column)
    table.ref = f"{get_column_letter(c1)}{r1}:{get_column_letter(c2 - 1)}{r2}"
    del table.tableColumns[column - c1]
    book.save(path)


def test_optional_columns_may_be_deleted_and_read_as_empty(tmp_path):
    path = a_team_workbook(tmp_path)
    for header in ("Reason if missed", "Comment", "Weight", "Due", "Unit", "Baseline", "Current", "Score"):
        delete_column(path, header)
    reading, _ = read_back(path)
    assert reading.problems == ()
    assert reading.plan == ONE_OBJECTIVE


@pytest.mark.parametrize(("header", "words"), [("Kind", "'Typ' ('Kind')"), ("Id", "'Id' ('Id')")])
def test_a_deleted_required_column_is_a_file_error_naming_it_in_both_languages(tmp_path, header, words):
    from okrxl.core.problems import FileError

    path = a_team_workbook(tmp_path)
    delete_column(path, header)
    with pytest.raises(FileError) as error:
        read_back(path)
    assert error.value.code == "missing-column"
    assert f"the table 'okrs' on sheet 'OKRs' has no column {words}" in str(error.value)


def test_a_row_of_text_without_id_kind_or_numbers_is_a_note_of_the_plan(tmp_path):
    path = a_team_workbook(tmp_path)
    type_into_okr_table(path, {("O2", "id"): None, ("O2", "title"): "Kom ihåg: workshop i mars", ("O2", "comment"): "Eva bokar",
                     ("O3", "id"): None, ("O3", "comment"): "ring Erik"})  # fmt: skip
    reading, _ = read_back(path)
    assert [(str(p.cell), p.code, str(p.severity)) for p in reading.problems] == [
        ("'OKRs'!B11", "note-row", "info"),
        ("'OKRs'!AD17", "note-row", "info"),
    ]
    assert reading.plan.notes == ("Kom ihåg: workshop i mars – Eva bokar", "ring Erik")
    assert reading.plan.objectives == ONE_OBJECTIVE.objectives


def test_notes_show_in_the_summary_the_status_document_and_the_report(tmp_path):
    from okrxl.core.status import review_quarter, status_document
    from okrxl.outputs.report import write_report
    from okrxl.outputs.summary import render_summary

    plan = dataclasses.replace(ONE_OBJECTIVE, notes=("Kom ihåg: workshop i mars – Eva bokar",))
    status = review_quarter(example.dpab_strategy(), [plan], quarter=plan.quarter, as_of=dt.date(2027, 2, 15))
    assert "  note: Kom ihåg: workshop i mars – Eva bokar\n" in render_summary(status)
    assert status_document(status)["teams"][0]["notes"] == ["Kom ihåg: workshop i mars – Eva bokar"]
    write_report(tmp_path / "r.xlsx", status, lang="en")
    page = open_workbook(tmp_path / "r.xlsx")[plan.team.name]
    texts = [c.value for row in page.iter_rows() for c in row if c.value]
    assert texts[texts.index("Notes") + 1] == "Kom ihåg: workshop i mars – Eva bokar"


TWO_OBJECTIVES = a_plan(
    an_objective("O1", a_key_result("O1.1"), a_key_result("O1.2")),
    an_objective("O2", a_key_result("O2.1"), a_key_result("O2.2")),
)


def test_key_results_of_a_sorted_table_are_reattached_to_their_objectives_by_id(tmp_path):
    import openpyxl

    path = a_team_workbook(tmp_path, TWO_OBJECTIVES)
    book = openpyxl.load_workbook(path)
    sheet = book["OKRs"]
    inputs = range(1, 18)  # id to the last check-in: what a sort by a column moves
    o12, o21 = 7, 12  # swap the rows of O1.2 and O2.1, as sorting by title might
    for col in inputs:
        a, b = sheet.cell(o12, col), sheet.cell(o21, col)
        a.value, b.value = b.value, a.value
    book.save(path)
    reading, _ = read_back(path)
    assert reading.problems == ()
    assert reading.plan == TWO_OBJECTIVES
    assert str(reading.cell("marketing.O1.2", "title")) == "'OKRs'!B12"


def test_a_key_result_whose_objective_is_not_in_the_table_is_an_orphan(tmp_path):
    path = a_team_workbook(tmp_path)
    type_into_okr_table(path, {("O1.2", "id"): "O4.1"})
    reading, key_results = read_back(path)
    assert cells_and_codes(reading) == [("'OKRs'!A7", "orphan-key-result")]
    assert reading.problems[0].message == "key result O4.1 has no objective O4 in the table"


@pytest.mark.parametrize(
    ("field", "holding", "cell"),
    [
        (None, None, "'OKRs'!A5"),
        ("owner", None, "'OKRs'!F5"),
        ("aligned_to", "S9", "'OKRs'!E5"),
        ("aligned_to", "S7", "'OKRs'!Y5"),  # only the also-aligned-to cell names S7
        ("check_ins", None, "'OKRs'!K5"),
        ("check_ins:2027-02-15", None, "'OKRs'!N5"),
        ("miss_reason", None, "'OKRs'!A5"),  # a deleted column: the id cell
    ],
)
def test_a_reading_names_the_cell_of_each_field_of_a_row(tmp_path, field, holding, cell):
    path = a_team_workbook(tmp_path)
    type_into_okr_table(path, {("O1", "aligned_to"): "S1, S9", ("O1", "also_aligned_to"): "S7"})
    delete_column(path, "Reason if missed")
    reading, _ = read_back(path)
    assert str(reading.cell("marketing.O1", field, holding=holding)) == cell


def test_a_strategic_check_in_header_is_judged_against_the_strategic_year(generated, tmp_path):
    import shutil

    from openpyxl.utils.cell import range_boundaries

    path = tmp_path / "s.xlsx"
    shutil.copy(generated / "s.xlsx", path)
    book = open_workbook(path)
    sheet = book["Strategiska OKR"]
    c1, r1, c2, _ = range_boundaries(sheet.tables["strategic_okrs"].ref)
    dated = [c for c in range(c1, c2 + 1) if str(sheet.cell(r1, c).value).startswith("20")]
    sheet.cell(r1, dated[0]).value = "2029-01-15"  # 2027 is the strategic year: 15 Jan 2029 is 381 days after it
    sheet.cell(r1, dated[1]).value = "2028-03-01"  # within a year of it: outside, but plausible
    book.save(path)
    reading = read_strategy_workbook(path)
    assert [(p.cell.column, p.code) for p in reading.problems] == [
        (dated[0], "implausible-date"), (dated[1], "check-in-outside-quarter"),
    ]  # fmt: skip
    assert "from the year 2027 (2027-01-01 to 2027-12-31)" in reading.problems[0].message
    assert "Did you mean 2027-01-29?" in reading.problems[0].message


def test_text_that_okrxl_reads_but_the_sheets_formulas_cannot_is_named_at_its_cell(tmp_path):
    """The team's sheet shows `?` for these (docs/workbooks.md); okrxl check says which cell and why."""
    path = a_team_workbook(tmp_path)
    type_into_okr_table(path, {
        ("O1.1", "kind"): "milestone", ("O1.1", "due"): "15/3", ("O1.1", "2027-01-04"): "klar",
        ("O1.2", "target"): "4,5", ("O1.2", "2027-01-04"): 2,
    }, headers={"2027-01-18": "18/1"})  # fmt: skip
    reading, key_results = read_back(path)
    assert cells_and_codes(reading) == [
        ("'OKRs'!L4", "date-as-text"),  # the header: 18 January, but only 2027-01-18 is a date to the sheet
        ("'OKRs'!J6", "date-as-text"),  # the due date 15/3; the done word klar is read by the sheet too
        ("'OKRs'!I7", "number-as-text"),
    ]
    assert (key_results["O1.1"].due, key_results["O1.2"].target) == (dt.date(2027, 3, 15), 4.5)
    assert "'4,5' is stored as text: okrxl reads 4.5" in reading.problems[2].message


def test_a_check_in_header_stored_as_a_bare_number_in_a_1904_workbook_is_dated_in_the_1904_system(tmp_path):
    """A Mac workbook counts days from 1904-01-01; a header typed as a number there is no 1900 serial."""
    import openpyxl
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    path = a_team_workbook(tmp_path)
    type_into_okr_table(path, {("O1.1", "2027-01-18"): 5})
    book = openpyxl.load_workbook(path)
    book.epoch = CALENDAR_MAC_1904
    sheet = book["OKRs"]
    sheet["L4"].value = (dt.date(2027, 1, 18) - dt.date(1904, 1, 1)).days  # 44942, General format
    book.save(path)
    reading, key_results = read_back(path)
    assert [(c.date, c.value) for c in key_results["O1.1"].check_ins] == [(dt.date(2027, 1, 18), 5.0)]
    assert ("'OKRs'!L4", "implausible-date") not in cells_and_codes(reading)


def test_a_strategy_with_several_errors_on_one_row_reports_them_all_in_one_run(generated, tmp_path):
    path = tmp_path / "strategy.xlsx"
    path.write_bytes((generated / "s.xlsx").read_bytes())
    workbook = open_workbook(path)
    sheet = workbook["Strategiska OKR"]
    row = next(r["_row"] for r in table_rows(sheet, "strategic_okrs") if r["id"] == "S1.1")
    for column, typed in (("C", "Bananas"), ("D", "maybe"), ("H", "about half"), ("I", -1)):
        sheet[f"{column}{row}"].value = typed  # kind, commitment, target, weight
    workbook.save(path)
    problems = read_strategy_workbook(path).problems
    assert [(str(p.cell), p.code) for p in problems] == [
        ("'Strategiska OKR'!C5", "unknown-kind"),  # a bad kind no longer hides the rest of its row
        ("'Strategiska OKR'!H5", "not-a-number"),
        ("'Strategiska OKR'!D5", "unknown-commitment"),
        ("'Strategiska OKR'!I5", "bad-weight"),
    ]
    result = run("check", path)
    assert result.exit_code == 1 and f"{path}: 4 fel (strategi)" in result.output  # the strategy's language
