"""okrxl rollover: next quarter's workbooks from this quarter's, by METHOD.md's rules."""

import hashlib

import pytest
from click.testing import CliRunner
from sheets import open_workbook

from okrxl.cli import cli
from okrxl.core.model import Carried, Quarter
from okrxl.core.rollover import roll_over
from okrxl.core.scoring import assess_team
from okrxl.demo import example
from okrxl.excel.workbook_reader import read_team_workbook

Q1, Q2 = Quarter(2027, 1), Quarter(2027, 2)


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def final(plan):
    return assess_team(plan, period=Q1.period(), as_of=Q1.period().end, method=example.dpab_strategy().method)


def test_what_is_done_is_left_out_and_the_rest_carried_with_its_final_score():
    marketing = example.dpab_teams()[0]
    rolled = roll_over(marketing, final(marketing), to=Q2)
    assert rolled.quarter == Q2
    ids = [(o.id, [kr.id for kr in o.key_results]) for o in rolled.objectives]
    assert ids == [("O1", ["O1.2"]), ("O2", ["O2.1", "O2.2"]), ("O3", ["O3.1", "O3.2", "O3.3"])]  # O1.1 was done
    o1 = rolled.objectives[0]
    assert o1.carried == Carried(quarter=Q1, id="O1", score=pytest.approx((1.0 + 0.35) / 2))
    assert o1.key_results[0].carried == Carried(quarter=Q1, id="O1.2", score=0.35)


def test_a_carried_metric_starts_from_its_last_value_with_empty_check_ins():
    production = example.dpab_teams()[2]
    rolled = roll_over(production, final(production), to=Q2)
    krs = {kr.id: kr for o in rolled.objectives for kr in o.key_results}
    assert set(krs) == {"O1.1", "O1.2", "O2.1", "O2.2"}  # O2.3, the NPS baseline, was done
    assert (krs["O2.1"].baseline, krs["O2.1"].target) == (44, 33.6)  # handling time: 48 -> 44 h, still to 33.6 h
    assert (krs["O2.2"].baseline, krs["O2.2"].target) == (5, 25)  # 5 of 25 reports delivered
    assert (krs["O1.1"].baseline, krs["O1.1"].target) == (97.6, 100)
    assert all(kr.check_ins == () for kr in krs.values())
    assert krs["O2.1"].carried.score == pytest.approx(4 / 14.4)


def test_a_carried_milestone_waits_for_a_new_due_date():
    marketing = example.dpab_teams()[0]
    catalogue = roll_over(marketing, final(marketing), to=Q2).objectives[0].key_results[0]
    assert catalogue.due is None and catalogue.baseline is None


@pytest.fixture
def demo(tmp_path):
    assert run("demo", tmp_path, "--no-pdf").exit_code == 0
    return tmp_path


def test_rollover_of_the_demo_gives_q2_workbooks_that_check_accepts_and_leaves_q1_alone(demo):
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (demo / "2027-Q1").iterdir()}
    result = run("rollover", demo / "2027-Q1", "--to", "2027-Q2")
    assert result.exit_code == 0
    assert sorted(p.name for p in (demo / "2027-Q2").iterdir()) == ["marketing.xlsx", "production.xlsx", "sales.xlsx"]
    assert {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (demo / "2027-Q1").iterdir()} == before
    check = run("check", demo / "2027-Q2", "--lang", "en")
    assert check.exit_code == 0 and "3 readable without errors" in check.output

    sales = read_team_workbook(demo / "2027-Q2" / "sales.xlsx", example.dpab_strategy())
    invoicing = sales.plan.objectives[0].key_results[0]
    assert (invoicing.id, invoicing.baseline, invoicing.target, invoicing.check_ins) == ("O1.1", 2.1, 4, ())
    assert invoicing.carried == Carried(quarter=Q1, id="O1.1", score=0.525)
    sheet = open_workbook(demo / "2027-Q2" / "sales.xlsx")["OKR"]
    assert sheet["V6"].value == "2027-Q1 O1.1: 0.525"  # the carried column, beside the check-ins


def test_the_last_quarter_sheet_lists_what_was_done_and_what_was_carried(demo):
    run("rollover", demo / "2027-Q1", "--to", "2027-Q2")
    sheet = open_workbook(demo / "2027-Q2" / "marketing.xlsx")["Förra kvartalet"]
    rows = {row[0].value: [c.value for c in row] for row in sheet.iter_rows(min_row=5) if row[0].value}
    assert rows["O1.1"][2:] == [1.0, "klar", "klar"]
    assert rows["O1.2"][2:] == [0.35, "försenad", "överfört"]  # the catalogue was due 15 March, 35 % done
    assert sheet["A1"].value == "Marknad: så slutade 2027-Q1"


def test_rollover_never_overwrites_without_force_and_refuses_a_quarter_back(demo):
    run("rollover", demo / "2027-Q1", "--to", "2027-Q2")
    again = CliRunner().invoke(cli, ["rollover", str(demo / "2027-Q1"), "--to", "2027-Q2"])
    assert again.exit_code == 1 and again.output.count("(--force skriver över den)") == 3
    back = CliRunner().invoke(cli, ["rollover", str(demo / "2027-Q1"), "--to", "2027-Q1"])
    assert back.exit_code == 1 and "okrxl: fel: --to 2027-Q1 ska komma efter mappens kvartal 2027-Q1" in back.output
    next_year = CliRunner().invoke(cli, ["rollover", str(demo / "2027-Q1"), "--to", "2028-Q1", "--lang", "en"])
    assert next_year.exit_code == 1 and "outside the strategy's year 2027" in next_year.output
