"""okrxl review: the year's quarters side by side, checked against each quarter's own status document."""

import json
import os
import re
import shutil
import subprocess
import zipfile

import pytest
from click.testing import CliRunner
from defusedxml.ElementTree import fromstring
from openpyxl.utils.cell import range_boundaries
from sheets import open_workbook

from okrxl.cli import cli
from okrxl.outputs.year_review import label_positions


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def two_quarters(tmp_path_factory):
    """The demo's Q1 and the Q2 that rollover makes of it, where only Production has checked in once (a
    quarter nobody has touched is left out of the review: test_words.py)."""
    folder = tmp_path_factory.mktemp("year")
    assert run("demo", folder, "--no-pdf").exit_code == 0
    assert run("rollover", folder / "2027-Q1", "--to", "2027-Q2").exit_code == 0
    _check_in_once(folder / "2027-Q2" / "production.xlsx")
    return folder


def _check_in_once(path):
    """Type a value into the first check-in column of the workbook's first key result with a kind."""
    book = open_workbook(path)
    sheet = book[book.sheetnames[1]]
    headers = {cell.value: cell.column for cell in sheet[4] if cell.value}
    first_check_in = min(column for header, column in headers.items() if str(header).startswith("2027-04"))
    row = next(r for r in range(5, 40) if "." in str(sheet.cell(r, 1).value) and sheet.cell(r, 3).value)
    sheet.cell(row, first_check_in).value = 1
    book.save(path)


def quarter_document(folder, quarter, as_of, tmp_path):
    result = run("consolidate", folder / quarter, "--as-of", as_of, "-o", tmp_path / f"{quarter}.xlsx", "--json", "-")
    return json.loads(result.stdout)


def test_the_review_numbers_are_each_quarters_own(two_quarters, tmp_path):
    review = json.loads(run("review", two_quarters, "--year", "2027", "--json", "-").stdout)
    assert review["quarters"] == ["2027-Q1", "2027-Q2"]
    for quarter, as_of in (("2027-Q1", "2027-03-31"), ("2027-Q2", "2027-06-30")):
        document = quarter_document(two_quarters, quarter, as_of, tmp_path)
        assert {t["id"]: t["scores"][quarter] for t in review["teams"]} == {
            t["id"]: t["score"] for t in document["teams"]
        }
        assert {o["id"]: (o["measured"][quarter], o["carried"][quarter]) for o in review["objectives"]} == {
            o["id"]: (o["measured_score"], o["carried_score"]) for o in document["strategy"]["objectives"]
        }
    s11 = next(kr for kr in review["key_results"] if kr["id"] == "S1.1")
    # Sales' invoicing fed 2.1 MSEK in Q1 (its last check-in); Q2's carried key result has no check-in yet.
    assert s11["fed"] == {"2027-Q1": 2.1, "2027-Q2": 0.0} and s11["total"] == 2.1 and s11["target"] == 20


def test_gaps_found_in_both_quarters_are_listed_as_persisting(two_quarters):
    review = json.loads(run("review", two_quarters, "--year", "2027", "--json", "-").stdout)
    persisting = {(g["code"], g["where"]): g["quarters"] for g in review["persisting_gaps"]}
    assert persisting[("placeholder-target", "S2.2")] == ["2027-Q1", "2027-Q2"]
    assert persisting[("missing-owner", "production.O1.2")] == ["2027-Q1", "2027-Q2"]


def test_the_review_workbook_prints_the_year(two_quarters):
    result = run("review", two_quarters, "--year", "2027")
    written = [line for line in result.output.splitlines() if line.endswith(f"{two_quarters}/review-2027.xlsx")]
    assert result.exit_code == 0 and written and written[0].startswith("skrev ")  # written, or written over
    workbook = open_workbook(two_quarters / "review-2027.xlsx")
    assert workbook.sheetnames == ["Året", "Strategiska KR", "Kvarstående luckor"]
    year = workbook["Året"]
    rows = {row[0].value: [c.value for c in row] for row in year.iter_rows(min_row=5) if row[0].value}
    assert rows["sales"][1:4] == ["Försäljning", pytest.approx(0.514583, abs=1e-6), 0.0]
    for sheet in workbook:
        assert (sheet.page_setup.paperSize, sheet.page_setup.orientation) == (9, "landscape")
    again = run("review", two_quarters, "--year", "2027")
    assert again.exit_code == 0 and "skrev över" in again.output  # its own review is replaced


def test_a_year_without_quarter_folders_says_what_it_expected(tmp_path):
    result = CliRunner().invoke(cli, ["review", str(tmp_path), "--year", "2027"])
    assert result.exit_code == 1 and "no quarter folders of 2027" in result.output


@pytest.fixture(scope="module")
def demo_year(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo-year")
    result = run("demo", folder, "--year", "--no-pdf")
    assert result.exit_code == 0, result.output
    return folder, result.output


def test_demo_year_writes_four_quarters_their_reports_and_the_review(demo_year):
    folder, output = demo_year
    assert sorted(p.name for p in folder.iterdir()) == [
        "2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4", "report-2027-Q1.xlsx", "report-2027-Q2.xlsx",
        "report-2027-Q3.xlsx", "report-2027-Q4.xlsx", "review-2027.xlsx", "strategy.xlsx",
    ]  # fmt: skip
    # Production: far from its goals in Q1, a hire in Q2, close to zero errors in Q3 (the story).
    production = next(line for line in output.splitlines() if line.strip().startswith("Produktion"))
    scores = [float(s.replace(",", ".")) for s in production.split()[1:]]  # Swedish decimals: the demo's language
    assert scores[0] < 0.4 < scores[1] < scores[2]
    for quarter in ("2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4"):
        assert run("check", folder / quarter).exit_code == 0


def test_demo_year_review_matches_the_four_quarterly_status_documents(demo_year, tmp_path):
    folder, _ = demo_year
    workbook = open_workbook(folder / "review-2027.xlsx")
    year = {row[0].value: [c.value for c in row] for row in workbook["Året"].iter_rows(min_row=5) if row[0].value}
    fed = {row[0].value: [c.value for c in row] for row in workbook["Strategiska KR"].iter_rows(min_row=5)
           if row[0].value}  # fmt: skip
    invoicing = 0.0
    for index, (quarter, as_of) in enumerate(
        (("2027-Q1", "2027-03-31"), ("2027-Q2", "2027-06-30"), ("2027-Q3", "2027-09-30"), ("2027-Q4", "2027-12-31"))
    ):
        document = quarter_document(folder, quarter, as_of, tmp_path)
        for team in document["teams"]:
            assert year[team["id"]][2 + index] == pytest.approx(team["score"]), (quarter, team["id"])
        sales = next(t for t in document["teams"] if t["id"] == "sales")
        quarter_invoicing = sum(kr["current"] for o in sales["objectives"] for kr in o["key_results"]
                                if kr["feeds"] == "S1.1")  # fmt: skip
        assert fed["S1.1"][3 + index] == pytest.approx(quarter_invoicing), quarter
        invoicing += quarter_invoicing
    # Sales' invoicing to new customers, quarter by quarter, against the committed 20 MSEK.
    assert fed["S1.1"][2] == 20 and fed["S1.1"][7] == pytest.approx(invoicing) == pytest.approx(20.1)


def test_demo_year_q2_workbooks_carry_what_q1_did_not_finish(demo_year):
    folder, _ = demo_year
    workbook = open_workbook(folder / "2027-Q2" / "production.xlsx")
    assert "Förra kvartalet" in workbook.sheetnames
    carried = [c.value for c in workbook["OKR"]["V"] if isinstance(c.value, str) and c.value.startswith("2027-Q1")]
    assert carried, "no item of Q2 says it was carried over from Q1"


def test_json_to_a_file_is_the_printed_document_and_is_said(two_quarters, tmp_path):
    for command in (["review", two_quarters, "--year", "2027", "-o", tmp_path / "review.xlsx"],
                    ["consolidate", two_quarters / "2027-Q1", "--as-of", "2027-02-15", "-o", tmp_path / "r.xlsx"]):  # fmt: skip
        printed = json.loads(run(*command, "--json", "-").stdout)
        out = tmp_path / f"{command[0]}.json"  # a review's JSON is no status document to replace
        result = run(*command, "--json", out)
        assert json.loads(out.read_text(encoding="utf-8")) == printed
        assert f"{out}" in result.output


# --- the year's chart, as it prints on a black-and-white printer ------------------------------------------

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
EMU_PER_POINT = 12700
BOX = 1.3
"""A word box's height in `pdftotext -bbox-layout` over its font size, for Carlito (test_print_workbooks.py)."""
TEAMS = ["Marknad", "Försäljning", "Produktion"]


def chart_xml(path):
    with zipfile.ZipFile(path) as xlsx:
        names = sorted(n for n in xlsx.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n))
        return [fromstring(xlsx.read(name)) for name in names]


def luminance(rgb: str) -> float:
    red, green, blue = (int(rgb[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return 0.299 * red + 0.587 * green + 0.114 * blue


def test_the_year_chart_tells_the_teams_apart_by_dash_and_marker_and_names_them_at_their_last_point(demo_year):
    folder, _ = demo_year
    [chart] = chart_xml(folder / "review-2027.xlsx")
    assert chart.find(f".//{C}legend") is None
    series = chart.findall(f".//{C}ser")
    assert [s.find(f"{C}tx//{C}v").text for s in series] == TEAMS
    symbols = [s.find(f"{C}marker/{C}symbol").get("val") for s in series]
    dashes = [s.find(f"{C}spPr/{A}ln/{A}prstDash").get("val") for s in series]
    assert len(set(symbols)) == len(set(dashes)) == len(series) and "none" not in symbols, (symbols, dashes)
    for each in series:
        line = each.find(f"{C}spPr/{A}ln")
        assert int(line.get("w")) >= 2.25 * EMU_PER_POINT
        assert luminance(line.find(f".//{A}srgbClr").get("val")) <= 0.5  # black to mid grey
        labels = each.find(f"{C}dLbls")
        points = int(each.find(f"{C}val//{C}ptCount").get("val"))
        deleted = [int(d.find(f"{C}idx").get("val")) for d in labels.findall(f"{C}dLbl")
                   if d.find(f"{C}delete").get("val") == "1"]  # fmt: skip
        assert labels.find(f"{C}showSerName").get("val") == "1" and deleted == list(range(points - 1))
    # Every text of the chart has its size set, to 11 pt or more (Excel's default is 10 pt).
    texts = [chart.find(f".//{C}title"), chart.find(f".//{C}catAx"), chart.find(f".//{C}valAx"),
             *chart.iter(f"{C}dLbls")]  # fmt: skip
    assert all(min(int(r.get("sz")) for r in text.iter() if r.get("sz")) >= 1100 for text in texts)


def test_the_year_chart_reads_the_team_scores_in_the_table_above_it(demo_year):
    folder, _ = demo_year
    [chart] = chart_xml(folder / "review-2027.xlsx")
    year = open_workbook(folder / "review-2027.xlsx")["Året"]

    def cells(reference):
        sheet, cells = reference.replace("$", "").split("!")
        first_col, first_row, last_col, last_row = range_boundaries(cells)
        assert sheet == "Året"
        return [c.value for row in year.iter_rows(first_row, last_row, first_col, last_col) for c in row]

    teams = {row[1].value: [c.value for c in row[2:6]] for row in year.iter_rows(min_row=6, max_row=8)}
    assert list(teams) == TEAMS
    for each in chart.findall(f".//{C}ser"):
        [name] = cells(each.find(f"{C}tx//{C}f").text)
        assert cells(each.find(f"{C}cat//{C}f").text) == ["2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4"]
        assert cells(each.find(f"{C}val//{C}f").text) == teams[name], name


@pytest.mark.parametrize(
    ("last_points", "expected"),
    [
        ([(3, 0.81), (3, 0.95), (3, 0.91)], ["right", "above", "below"]),
        ([(3, 0.2), (3, 0.5), (3, 0.8)], ["right", "right", "right"]),
        ([(3, 0.50), (3, 0.52), (3, 0.54)], ["below", "right", "above"]),
        ([(3, 0.5), (2, 0.5), None], ["right", "right", "right"]),
    ],
    ids=["two-close-of-three", "far-apart", "three-close", "different-quarters-or-none"],
)
def test_names_of_lines_that_end_close_together_go_above_and_below(last_points, expected):
    assert label_positions(last_points, spacing=0.05) == expected


@pytest.fixture(scope="module")
def printed_review(demo_year, libreoffice, tmp_path_factory):
    """The demo year's review as LibreOffice prints it: per page, its words as (text, x0, y0, x1, y1)."""
    if shutil.which("pdftotext") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("pdftotext is missing in CI: .ci/run installs poppler-utils")
        pytest.skip("pdftotext is not installed: apt-get install poppler-utils")
    folder, _ = demo_year
    [pdf] = libreoffice.convert([folder / "review-2027.xlsx"], tmp_path_factory.mktemp("review-pdf"), to="pdf")
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    html = "{http://www.w3.org/1999/xhtml}"
    return [
        [(w.text, *(float(w.get(k)) for k in ("xMin", "yMin", "xMax", "yMax"))) for w in page.iter(f"{html}word")]
        for page in fromstring(xml.stdout).iter(f"{html}page")
    ]


def points(word) -> float:
    _, _, y0, _, y1 = word
    return (y1 - y0) / BOX


def test_the_printed_review_has_no_text_under_11_points(printed_review):
    small = [(number, w[0], round(points(w), 2)) for number, page in enumerate(printed_review, start=1)
             for w in page if points(w) < 11]  # fmt: skip
    assert not small


def test_the_printed_chart_has_a_page_of_its_own_and_names_each_team_at_its_last_point(demo_year, printed_review):
    folder, _ = demo_year
    [page] = [page for page in printed_review if any(w[0] == "Marknad" for w in page) and
              not any(w[0] == "marketing" for w in page)]  # the chart's page, not the table's  # fmt: skip
    body = [w for w in page if 45 < w[2] < 550]  # between the header and the footer
    ticks = {w[0] for w in body if re.fullmatch(r"[01][.,][02468]", w[0])}
    assert {w[0] for w in body} - ticks == {"Lagens", "poäng", "per", "kvartal", "2027-Q1", "2027-Q2", "2027-Q3",
                                             "2027-Q4", *TEAMS}  # fmt: skip
    assert len(ticks) == 6  # 0.0 to 1.0
    [last_quarter] = [w for w in body if w[0] == "2027-Q4"]
    last_x = (last_quarter[1] + last_quarter[3]) / 2
    names = {w[0]: w for w in body if w[0] in TEAMS}
    assert all(name[3] > last_x for name in names.values()), names  # at the last quarter's point, or right of it
    year = open_workbook(folder / "review-2027.xlsx")["Året"]
    last_scores = {row[1].value: row[5].value for row in year.iter_rows(min_row=6, max_row=8)}
    top_down = sorted(names, key=lambda name: names[name][2])
    assert top_down == sorted(TEAMS, key=lambda name: -last_scores[name]) == ["Försäljning", "Produktion", "Marknad"]
