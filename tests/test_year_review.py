"""okrxl review: the year's quarters side by side, checked against each quarter's own status document."""

import json

import pytest
from click.testing import CliRunner
from sheets import open_workbook

from okrxl.cli import cli


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def two_quarters(tmp_path_factory):
    """The demo's Q1 and the Q2 that rollover makes of it (Q2 has no check-ins yet)."""
    folder = tmp_path_factory.mktemp("year")
    assert run("demo", folder, "--no-pdf").exit_code == 0
    assert run("rollover", folder / "2027-Q1", "--to", "2027-Q2").exit_code == 0
    return folder


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
    assert result.exit_code == 0 and f"written {two_quarters}/review-2027.xlsx" in result.output
    workbook = open_workbook(two_quarters / "review-2027.xlsx")
    assert workbook.sheetnames == ["Året", "Strategiska KR", "Kvarstående luckor"]
    year = workbook["Året"]
    rows = {row[0].value: [c.value for c in row] for row in year.iter_rows(min_row=5) if row[0].value}
    assert rows["sales"][1:4] == ["Försäljning", pytest.approx(0.514583, abs=1e-6), 0.0]
    for sheet in workbook:
        assert (sheet.page_setup.paperSize, sheet.page_setup.orientation) == (9, "landscape")
    again = run("review", two_quarters, "--year", "2027")
    assert again.exit_code == 0 and "overwritten" in again.output  # its own review is replaced


def test_a_year_without_quarter_folders_says_what_it_expected(tmp_path):
    result = CliRunner().invoke(cli, ["review", str(tmp_path), "--year", "2027"])
    assert result.exit_code == 1 and "no quarter folders of 2027" in result.output
