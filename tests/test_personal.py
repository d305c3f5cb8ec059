"""Personal OKRs in the core (METHOD.md, "Personal OKRs"): the model, the assessment of people's plans apart
from the teams', what each team's people carry and who has not checked in, and their gaps.

Every value is worked out by hand from the plans below, in DPAB's 2027-Q1 at 15 February (a check-in date:
Q1's check-ins are every second Monday from 4 January, so 1 and 15 February are the two latest).
"""

import dataclasses
import datetime as dt

import pytest

from okrxl.core.alignment import missed_check_ins
from okrxl.core.model import (
    CheckIn,
    KeyResult,
    KeyResultKind,
    Objective,
    Person,
    Quarter,
    Strategy,
    Team,
    TeamQuarter,
    plan_of,
)
from okrxl.core.problems import ModelError
from okrxl.core.rollover import roll_over
from okrxl.core.status import review_quarter
from okrxl.demo.example import AS_OF, dpab_strategy, dpab_teams

Q1 = Quarter(2027, 1)
MATS, PER, LINA, JOHAN = (Person(id=i, name=n, team="marketing") for i, n in
                          (("mats", "Mats"), ("per", "Per"), ("lina", "Lina"), ("johan", "Johan")))  # fmt: skip


def _strategy(*, on: bool = True, printed: bool = False) -> Strategy:
    strategy = dpab_strategy("en")
    method = dataclasses.replace(strategy.method, personal_okrs=on, print_personal_scores=printed)
    return dataclasses.replace(strategy, method=method, people=(MATS, PER, LINA, JOHAN))


def _marketing() -> Team:
    return next(p.team for p in dpab_teams("en") if p.team.id == "marketing")


def _count(kr_id: str, title: str, target: float, *values: tuple[str, float]) -> KeyResult:
    check_ins = tuple(CheckIn(date=dt.date.fromisoformat(day), value=value) for day, value in values)
    return KeyResult(id=kr_id, title=title, kind=KeyResultKind.COUNT, target=target, check_ins=check_ins)


def _per() -> TeamQuarter:
    """Per carries the team's O1: 11 of 20 leads (0.55) and a milestone half done (0.5): 0.525."""
    leads = _count("O1.1", "20 Norwegian leads from the Oslo fair", 20, ("2027-02-01", 6), ("2027-02-15", 11))
    brochure = KeyResult(id="O1.2", title="Fair brochure printed by 15 March", kind=KeyResultKind.MILESTONE,
                         due=dt.date(2027, 3, 15), check_ins=(CheckIn(date=AS_OF, value=0.5),))  # fmt: skip
    objective = Objective(id="O1", title="Leads from the Oslo fair", aligned_to=("O1",), key_results=(leads, brochure))
    return TeamQuarter(team=_marketing(), quarter=Q1, objectives=(objective,), person=PER)


def _lina() -> TeamQuarter:
    """Lina carries O3 with 1 of 4 (0.25; no value on 15 February: missed) and writes O9, which the team does
    not have, with a binary key result done (1.0): 0.625."""
    pitches = _count("O1.1", "4 pitches accepted by editors", 4, ("2027-02-01", 1))
    done = KeyResult(id="O2.1", title="Customer story on the website", kind=KeyResultKind.BINARY,
                     check_ins=(CheckIn(date=AS_OF, value=1.0),))  # fmt: skip
    return TeamQuarter(team=_marketing(), quarter=Q1, person=LINA, objectives=(
        Objective(id="O1", title="Trust through the press", aligned_to=("O3",), key_results=(pitches,)),
        Objective(id="O2", title="Stories from customers", aligned_to=("O9",), key_results=(done,)),
    ))  # fmt: skip


def _review(strategy: Strategy, as_of: dt.date = AS_OF, personal=None):
    personal = (_per(), _lina()) if personal is None else personal
    return review_quarter(strategy, dpab_teams("en"), quarter=Q1, as_of=as_of, personal=personal)


def test_what_the_team_s_people_carry_and_who_has_not_checked_in():
    people = _review(_strategy()).people
    marketing = people.of("marketing")
    assert marketing.listed == (MATS, PER, LINA, JOHAN)
    assert [a.plan.person for a in marketing.plans] == [PER, LINA]
    assert marketing.objectives == ("O1", "O2", "O3")
    assert marketing.carried == ("O1", "O3")  # O9 is no objective of the team's
    assert marketing.carried_share == pytest.approx(2 / 3)
    assert marketing.missed == (LINA,)
    assert marketing.without_plan == (MATS, JOHAN)
    scores = {a.plan.person.id: a.score for a in marketing.plans}
    assert scores == pytest.approx({"per": 0.525, "lina": 0.625})
    assert people.of("sales") is None  # no personal plan in sales: nothing to show
    assert people.printed is False
    assert people.assessment.key_results["marketing.per.O1.1"].score == pytest.approx(0.55)


def test_people_never_change_the_teams():
    with_people, without = _review(_strategy()), _review(_strategy(), personal=())
    assert with_people.assessment == without.assessment
    assert with_people.gaps == without.gaps
    assert with_people.aligned_share == without.aligned_share and with_people.coverage == without.coverage


def test_the_gaps_of_people_s_plans():
    gaps = {(str(g.code), g.where) for g in _review(_strategy()).people.gaps}
    assert gaps == {
        ("unknown-link", "marketing.lina.O2"),  # O9: the team has O1, O2 and O3
        ("key-result-count", "marketing.lina.O1"),  # 1 key result, the method asks for 2 to 5
        ("key-result-count", "marketing.lina.O2"),
        ("missed-checkin", "marketing.lina.O1.1"),  # its newest value is of 1 February
    }  # no missing-owner (the person owns their plan); Per's plan has no gap
    link = next(g for g in _review(_strategy()).people.gaps if g.code == "unknown-link")
    assert link.text.en == "marketing.lina.O2 is aligned to 'O9', which does not exist; known ids are O1, O2, O3"
    assert link.field == "aligned_to" and link.linked_id == "O9"


def test_an_objective_aligned_to_nothing_names_the_team_s_objectives():
    orphan = dataclasses.replace(_per(), objectives=(dataclasses.replace(_per().objectives[0], aligned_to=()),))
    gaps = _review(_strategy(), personal=(orphan,)).people.gaps
    assert [(str(g.code), g.where) for g in gaps] == [("orphan-objective", "marketing.per.O1")]
    assert gaps[0].text.sv == ("'Leads from the Oslo fair' stödjer inget av teamets objectives (Marketing); "
                               "välj ett av O1, O2, O3")  # fmt: skip


def test_without_the_team_s_plan_links_are_not_judged():
    status = review_quarter(_strategy(), [p for p in dpab_teams("en") if p.team.id != "marketing"], quarter=Q1,
                            as_of=AS_OF, personal=(_lina(),))  # fmt: skip
    assert "unknown-link" not in {str(g.code) for g in status.people.gaps}
    assert status.people.of("marketing").objectives == () and status.people.of("marketing").carried_share is None


def test_nobody_has_missed_a_check_in_before_the_first():
    people = _review(_strategy(), as_of=dt.date(2027, 1, 2)).people  # the first check-in is 4 January
    assert people.of("marketing").missed == ()


def test_a_person_who_wrote_nothing_has_not_checked_in():
    empty = TeamQuarter(team=_marketing(), quarter=Q1, person=JOHAN)
    assert _review(_strategy(), personal=(empty,)).people.of("marketing").missed == (JOHAN,)


def test_the_level_is_off_by_default():
    assert _review(_strategy(on=False)).people is None
    assert _review(_strategy(printed=True)).people.printed is True


def test_people_in_the_model():
    assert _per().qualify("O1.2") == "marketing.per.O1.2" and _per().plan_id == "marketing.per"
    assert _per().name == "Per" and dpab_teams("en")[0].name == "Marketing"
    assert [plan_of(w) for w in ("marketing.O1.2", "marketing.per.O1.2", "marketing.per", "sales.I3", "sales")] == [
        "marketing", "marketing.per", "marketing.per", "sales", "sales"]  # fmt: skip
    with pytest.raises(ModelError, match="lower-case letters"):
        Person(id="Anna B", name="Anna", team="marketing")
    with pytest.raises(ModelError, match="team 'finance' does not exist"):
        dataclasses.replace(_strategy(), people=(Person(id="eva", name="Eva", team="finance"),))
    with pytest.raises(ModelError, match="the people of team marketing: id 'per' is used twice"):
        dataclasses.replace(_strategy(), people=(PER, PER))
    with pytest.raises(ModelError, match="per belongs to team marketing"):
        TeamQuarter(team=Team(id="sales", name="Sales"), quarter=Q1, person=PER)


def test_rollover_keeps_the_person_and_only_alignments_the_team_still_has():
    strategy = _strategy()
    person = _review(strategy, as_of=dt.date(2027, 3, 31)).people.of("marketing").plans[0]  # Per at Q1's end
    carried = roll_over(person.plan, person, to=Quarter(2027, 2), team_objectives=("O1", "O2"))
    assert carried.person == PER and carried.quarter == Quarter(2027, 2)
    assert [(o.id, o.aligned_to) for o in carried.objectives] == [("O1", ("O1",))]
    assert [kr.id for kr in carried.objectives[0].key_results] == ["O1.1", "O1.2"]  # 11 of 20; half done
    assert carried.objectives[0].key_results[0].baseline == 11  # the last value is the new baseline
    gone = roll_over(person.plan, person, to=Quarter(2027, 2), team_objectives=("O2",))
    assert gone.objectives[0].aligned_to == ()  # the team's O1 was done: Per chooses again


def test_missed_check_ins_are_listed_by_plan_a_person_apart_from_the_team():
    status = _review(_strategy())
    missed = missed_check_ins((*status.gaps, *status.people.gaps))
    assert missed["marketing.lina"] == ("O1.1",)  # not under the team's own key results
    assert missed["marketing"] == ("O2.2",)  # the team's own: its event share has no value since 18 January


def test_a_person_aligned_to_a_team_objective_whose_row_could_not_be_read_is_no_unknown_link():
    teams = [dataclasses.replace(p, unread=("O9",)) if p.team.id == "marketing" else p for p in dpab_teams("en")]
    status = review_quarter(_strategy(), teams, quarter=Q1, as_of=AS_OF, personal=(_lina(),))
    assert "unknown-link" not in {str(g.code) for g in status.people.gaps}  # the team's O9 row has its own problem
