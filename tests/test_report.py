"""The report's sheets: names Excel accepts, whatever the teams are called."""

import dataclasses
import datetime as dt

import pytest
from click.testing import CliRunner
from sheets import open_workbook

from okrxl.cli import cli
from okrxl.core.model import Team
from okrxl.demo import example
from okrxl.excel.template import DEFAULT
from okrxl.excel.workbook_writer import write_strategy_workbook
from okrxl.outputs.pages import sheet_name as _sheet_name


@pytest.mark.parametrize(
    ("name", "taken", "sheet"),
    [
        ("Marknad", set(), "Marknad"),
        ("Sälj'", set(), "Sälj"),  # an apostrophe may not end a sheet name
        ("'Produktion'", set(), "Produktion"),
        ("😀" * 20, set(), "😀" * 15),  # 31 UTF-16 units: an emoji takes two
        ("a" * 30 + "😀", set(), "a" * 30),  # the emoji would make 32
        ("Q1: plan [ny]?", set(), "Q1_ plan _ny__"),
        ("Marknad", {"marknad"}, "Marknad (2)"),
        ("x" * 30 + "'" + "yy", set(), "x" * 30),  # cut at 31, then no apostrophe at the end
    ],
    ids=["plain", "apostrophe last", "apostrophes around", "emoji", "emoji over the edge", "forbidden characters",
         "taken", "cut before an apostrophe"],
)  # fmt: skip
def test_a_team_page_gets_a_sheet_name_excel_accepts(name, taken, sheet):
    assert _sheet_name(name, set(taken)) == sheet


def test_consolidate_writes_team_pages_for_teams_named_with_emoji_and_apostrophes(tmp_path):
    strategy = example.dpab_strategy()
    names = {"marketing": "📣" * 20 + " Marknad", "sales": "Sälj'", "production": "'Produktion'"}
    strategy = dataclasses.replace(strategy, teams=tuple(Team(id=t.id, name=names[t.id]) for t in strategy.teams))
    write_strategy_workbook(tmp_path / "strategy.xlsx", strategy=strategy, template=DEFAULT, lang="sv")
    runner = CliRunner()
    assert runner.invoke(cli, ["generate", str(tmp_path / "strategy.xlsx"), "--quarter", "2027-Q1"]).exit_code == 0
    result = runner.invoke(cli, ["consolidate", str(tmp_path / "2027-Q1"), "-o", str(tmp_path / "r.xlsx")])
    assert result.exit_code == 0, result.output
    assert {"📣" * 15, "Sälj", "Produktion"} <= set(open_workbook(tmp_path / "r.xlsx").sheetnames)


def test_a_teams_trend_is_its_assessed_score_at_each_check_in_so_far():
    from okrxl.core.scoring import assess_team
    from okrxl.core.status import team_trend

    strategy, period = example.dpab_strategy(), example.QUARTER.period()
    for plan in example.dpab_teams():
        points = team_trend(strategy, plan, example.QUARTER, example.AS_OF)
        # 2027-Q1's check-ins up to 15 February: the 4th, the 18th of January, the 1st and 15th of February
        assert [p.day.isoformat() for p in points] == ["2027-01-04", "2027-01-18", "2027-02-01", "2027-02-15"]
        for point in points:
            team = assess_team(plan, period=period, as_of=point.day, method=strategy.method)
            assert point.team == pytest.approx(team.score)
            assert point.objectives == pytest.approx(tuple(o.score for o in team.objectives))
    between = team_trend(strategy, example.dpab_teams()[0], example.QUARTER, dt.date(2027, 2, 10))
    assert between[-1].day == dt.date(2027, 2, 10)  # a date between two check-ins ends the trend itself
