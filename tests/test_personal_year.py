"""Personal OKRs through the year: the example year's Q4 trial in Marketing read back from its files, and
`okrxl rollover` carrying people's workbooks on beside their team's.

Scores worked out by hand in okrxl.demo.example_year.dpab_year_people's docstring.
"""

import dataclasses
import datetime as dt
import re
import shutil

import pytest
from click.testing import CliRunner
from test_fortnight import _foreign_words, _texts_of

from okrxl import jobs
from okrxl.cli import cli
from okrxl.core.model import CheckIn, KeyResult, KeyResultKind, Objective, Quarter, TeamQuarter
from okrxl.demo import example, example_year
from okrxl.excel.template import DEFAULT
from okrxl.excel.workbook_reader import read_team_workbook
from okrxl.excel.workbook_writer import write_personal_workbook, write_strategy_workbook, write_team_workbook
from okrxl.outputs.summary import render_year

Q1, Q2, Q4 = Quarter(2027, 1), Quarter(2027, 2), Quarter(2027, 4)
CLOSED = dt.date(2028, 1, 1)  # the day after Q4, when the example year's Q4 report is graded


@pytest.fixture(scope="module")
def demo_year(tmp_path_factory):
    folder = tmp_path_factory.mktemp("year")
    results, _ = jobs.write_demo_year(folder, lang="en", pdf=False)
    assert {r.path.relative_to(folder).as_posix() for r in results} >= {
        "2027-Q4/marketing/per.xlsx", "2027-Q4/marketing/lina.xlsx", "2027-Q4/marketing/johan.xlsx"}  # fmt: skip
    return folder


def test_the_q4_trial_read_back_from_its_files(demo_year):
    people = jobs.consolidate(demo_year / "2027-Q4", as_of=CLOSED).status.people
    marketing = people.of("marketing")
    assert marketing.carried == ("O1", "O2") and marketing.carried_share == 1.0
    assert [p.id for p in marketing.missed] == ["johan"]  # his last value is of 13 December, not 27 December
    assert [p.id for p in marketing.without_plan] == ["mats"]
    scores = {a.plan.person.id: a.score for a in marketing.plans}
    assert scores == pytest.approx({"per": 0.9, "lina": 2 / 3, "johan": 0.8})
    assert people.of("sales") is None and people.printed is False


def test_people_s_files_never_change_the_team_scores(demo_year, tmp_path):
    without = tmp_path / "year"
    shutil.copytree(demo_year, without)
    shutil.rmtree(without / "2027-Q4" / "marketing")
    with_people = jobs.consolidate(demo_year / "2027-Q4", as_of=CLOSED).status
    alone = jobs.consolidate(without / "2027-Q4", as_of=CLOSED).status
    assert with_people.assessment == alone.assessment and with_people.gaps == alone.gaps
    assert alone.people.teams == ()  # the level is on, but nobody has a workbook


def test_the_earlier_quarters_show_no_personal_level(demo_year):
    assert jobs.consolidate(demo_year / "2027-Q1", as_of=dt.date(2027, 4, 1)).status.people.teams == ()


def test_rollover_carries_a_person_s_workbook_beside_the_team_s(tmp_path):
    strategy = example_year.dpab_year_strategy("en")
    per = example_year.MARKETING_PEOPLE[1]
    folder = tmp_path / "2027-Q1"
    (folder / "marketing").mkdir(parents=True)
    write_strategy_workbook(tmp_path / "strategy.xlsx", strategy=strategy, template=DEFAULT, lang="en")
    plans = {plan.team.id: plan for plan in example.dpab_teams("en")}
    for plan in plans.values():
        write_team_workbook(folder / f"{plan.team.id}.xlsx", strategy=strategy, team=plan.team, quarter=Q1,
                            template=DEFAULT, lang="en", plan=plan)  # fmt: skip
    leads = KeyResult(id="O1.1", title="20 leads from the Oslo fair", kind=KeyResultKind.COUNT, target=20,
                      check_ins=(CheckIn(date=dt.date(2027, 3, 29), value=12),))  # fmt: skip
    film = KeyResult(id="O1.2", title="1 customer film published", kind=KeyResultKind.BINARY,
                     check_ins=(CheckIn(date=dt.date(2027, 3, 15), value=1),))  # fmt: skip
    objectives = (
        Objective(id="O1", title="Leads from the fair", aligned_to=("O1",), key_results=(leads, film)),
        Objective(id="O2", title="Stories", aligned_to=("O9",), key_results=(dataclasses.replace(leads, id="O2.1"),)),
    )
    personal = TeamQuarter(team=plans["marketing"].team, quarter=Q1, person=per, objectives=objectives)
    write_personal_workbook(folder / "marketing" / "per.xlsx", strategy=strategy, person=per,
                            team_plan=plans["marketing"], quarter=Q1, template=DEFAULT, lang="en", plan=personal)  # fmt: skip

    result = CliRunner().invoke(cli, ["rollover", str(folder), "--to", "2027-Q2", "--force"])
    assert result.exit_code == 0, result.output
    assert "2027-Q2/marketing/per.xlsx" in result.output.replace("\\", "/")
    rolled = read_team_workbook(tmp_path / "2027-Q2" / "marketing" / "per.xlsx", strategy)
    assert rolled.person_id == "per" and rolled.quarter == Q2 and rolled.problems == ()
    o1, o2 = rolled.plan.objectives
    # 12 of 20 leads is carried with 12 as its new baseline; the film was done and stays behind.
    assert [(kr.id, kr.baseline, kr.target, kr.check_ins) for kr in o1.key_results] == [("O1.1", 12, 20, ())]
    assert o1.carried.score == pytest.approx((12 / 20 + 1) / 2) and o1.aligned_to == ("O1",)
    assert o2.aligned_to == ()  # O9 is no objective of the team's in Q2: Per chooses again


def test_the_year_on_the_terminal_shows_marketing_s_trial(demo_year):
    lines = render_year(jobs.review_year(demo_year, year=2027), "en").splitlines()
    at = lines.index("    personal OKRs (share of objectives carried · people)")
    assert lines[at - 1].startswith("  Marketing") and lines[at + 1].split() == ["–", "–", "–", "100%", "·", "3"]
    assert sum("personal OKRs" in line for line in lines) == 1  # Sales and Production have no people


def _year_texts(lang):
    """The example year's own texts (titles, owners, units, notes, people's names), left out of the check."""
    strategy = example_year.dpab_year_strategy(lang)
    plans = [plan for plans in example_year.dpab_year(lang).values() for plan in plans]
    plans += [plan for plans in example_year.dpab_year_people(lang).values() for plan in plans]
    texts = [strategy.company, strategy.vision, strategy.mission, *(p.name for p in strategy.people)]
    texts += [text for team in strategy.teams for text in (team.name, team.lead)]
    for objective in (*strategy.objectives, *(o for plan in plans for o in plan.objectives)):
        texts += [objective.title, objective.owner]
        for kr in objective.key_results:
            texts += [kr.title, kr.owner, kr.unit, kr.comment, kr.miss_reason, *(c.note for c in kr.check_ins)]
    texts += [text for plan in plans for i in plan.initiatives for text in (i.title, i.owner, i.note)]
    return sorted({t for t in texts if t}, key=len, reverse=True)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_personal_level_speaks_the_company_s_language(tmp_path, lang):
    jobs.write_demo_year(tmp_path, lang=lang, pdf=False)
    own = _year_texts(lang)
    paths = [tmp_path / "strategy.xlsx", tmp_path / "report-2027-Q4.xlsx", tmp_path / "review-2027.xlsx",
             *sorted((tmp_path / "2027-Q4" / "marketing").glob("*.xlsx"))]  # fmt: skip
    assert len(paths) == 6
    for path in paths:
        texts = _texts_of(path)
        for text in own:
            texts = [t.replace(text, " ") for t in texts]
        texts = [re.sub(r"--[\w-]+", " ", t) for t in texts]  # a command's options (`--quarter`) are no words
        assert _foreign_words(texts, lang) == set(), path.name
    lines = render_year(jobs.review_year(tmp_path, year=2027), lang).splitlines()
    assert _foreign_words(lines, lang) == set()
