"""The whole example year 2027 of Digital Posthantering AB (DPAB): four quarters of team OKRs.

From the story (shared/DOMAIN.md): the strategy and its targets, the three teams and their Q1 OKRs
(:mod:`okrxl.demo.example`, imported, not copied), Production missing its Q1 goals badly, asking for
resources, hiring in Q2 and coming close to zero errors in Q3; the committed 20 MSEK to new
customers (S1.1); Marketing's Norwegian material; the Norway market test with 10 new Norwegian
customers (S3.1) and 3 validated sales strategies (S3.2), which no team carries in Q1.

**Invented**, because the story has no numbers or plans after Q1: every check-in value, confidence
and note from 1 March 2027 on; how each team edits what :func:`okrxl.core.rollover.roll_over` carries
over; every objective and key result added in Q2-Q4 (their titles, targets, owners and baselines);
the leadership's strategic check-ins after 15 February; the teams' initiatives of Q2-Q4 (Q1's are the
example's own). They follow the story:

| | Q1 | Q2 | Q3 | Q4 |
|---|---|---|---|---|
| Sales' invoicing to new customers (MSEK, committed, feeds S1.1) | 3.6 of 4 | 5.2 of 5 | 5.5 of 5.5 | 5.8 of 5.5 |
| S1.1 so far (MSEK) | 3.6 | 8.8 | 14.3 | 20.1 |
| S3.1 Norwegian customers so far | 1 | 4 | 7 | 10 |
| S3.2 validated strategies so far (fed by Sales from Q2) | 0 | 1 | 2 | 3 |
| S2.1 churn (%) | 13 | 10 | 8 | 6 |
| S1.2 value of existing customers (+%) | 4 | 9 | 14 | 18 |
| Production's mail to the right recipient (%) | 97.5 | 99.2 | 99.95 | kept >= 99.9 |

Production ends Q1 far from its goals (team score about 0.31), hires two people in Q2 and ends Q3
at 99.95 % correct delivery. Marketing's catalogue slips from 15 March to 15 April; from Q3 the team
supports the Norway test with leads and existing customers. S2.2's NPS target is never set: its
placeholder gap persists through the year. Q1 keeps the example's own check-ins (some key results
skip early dates there); Q2-Q4 have a check-in at every check-in date. The team's confidence and
note sit on each key result's newest check-in only, as in a workbook.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import NamedTuple

from okrxl.core.model import (
    Carried,
    CheckIn,
    Commitment,
    Confidence,
    Dependency,
    Initiative,
    InitiativeState,
    KeyResult,
    KeyResultKind,
    Lang,
    Objective,
    Person,
    Quarter,
    Side,
    Strategy,
    TeamQuarter,
)
from okrxl.core.rollover import roll_over
from okrxl.core.scoring import assess_team
from okrxl.demo.example import AS_OF, dpab_strategy, dpab_teams

__all__ = ["QUARTERS", "dpab_year", "dpab_year_people", "dpab_year_strategy"]

QUARTERS = tuple(Quarter(2027, number) for number in (1, 2, 3, 4))
Q1, Q2, Q3, Q4 = QUARTERS

_INC, _DEC, _CNT, _PCT, _MS, _KEEP = (
    KeyResultKind.INCREASE,
    KeyResultKind.DECREASE,
    KeyResultKind.COUNT,
    KeyResultKind.PERCENT,
    KeyResultKind.MILESTONE,
    KeyResultKind.MAINTAIN,
)
_ON, _BEHIND, _AT_RISK = Confidence.ON_TRACK, Confidence.BEHIND, Confidence.AT_RISK
_replace = dataclasses.replace


class _End(NamedTuple):
    """A key result's value at its quarter's last check-in, with the team's confidence and note then."""

    value: float
    confidence: Confidence | None = None
    note: tuple[str, str] | None = None
    """(Swedish, English)."""


# (team, key result id) -> its value at the quarter's last check-in. Values in between are a straight
# line from the baseline (or from the newest check-in the example already has, in Q1).
_ENDS: dict[Quarter, dict[tuple[str, str], _End]] = {
    Q1: {
        ("marketing", "O1.1"): _End(1.0, _ON),  # website launched 15 Feb
        ("marketing", "O1.2"): _End(
            0.95, _BEHIND, ("Tryckeriet är sent, katalogen kommer i april", "The printer is late; catalogue in April")
        ),
        ("marketing", "O2.1"): _End(57, _ON),  # open rate 42 -> 60 %
        ("marketing", "O2.2"): _End(8, _ON),  # 8 % came to the March event
        ("marketing", "O3.1"): _End(1.0, _ON),  # campaign concept, a month late
        ("marketing", "O3.2"): _End(960, _ON),
        ("marketing", "O3.3"): _End(60, _BEHIND),
        ("sales", "O1.1"): _End(3.6, _BEHIND),  # committed 4 MSEK: missed, and no reason written
        ("sales", "O1.2"): _End(1.2, _BEHIND),
        ("sales", "O2.1"): _End(2, _ON, ("Båda norska säljarna är på plats", "Both Norwegian sellers are on board")),
        ("sales", "O2.2"): _End(1.0, _ON),
        ("sales", "O2.3"): _End(9, _ON),
        ("production", "O1.1"): _End(
            97.5, _AT_RISK, ("Vi behöver fler händer i sorteringen", "We need more hands in sorting")
        ),
        ("production", "O1.2"): _End(99.6, _AT_RISK),
        ("production", "O2.1"): _End(46, _AT_RISK),  # handling time 48 -> 33.6 h
        ("production", "O2.2"): _End(6, _AT_RISK),
        ("production", "O2.3"): _End(100, _ON),  # NPS baseline, done in February
    },
    Q2: {
        ("marketing", "O1.1"): _End(1.0, _ON),  # the catalogue, printed early April
        ("marketing", "O1.2"): _End(1.0, _ON),
        ("marketing", "O1.3"): _End(34, _ON),
        ("marketing", "O2.1"): _End(59, _BEHIND),
        ("marketing", "O2.2"): _End(34, _ON),
        ("marketing", "O3.1"): _End(1000, _ON),
        ("marketing", "O3.2"): _End(92, _ON),
        ("sales", "O1.1"): _End(5.2, _ON),
        ("sales", "O1.2"): _End(1.7, _ON),
        ("sales", "O2.1"): _End(10, _ON),
        ("sales", "O2.2"): _End(66, _BEHIND),
        ("sales", "O3.1"): _End(3, _ON),
        ("sales", "O3.2"): _End(
            1, _BEHIND, ("Referenskund fungerar; kalla samtal inte", "Reference customers work; cold calls do not")
        ),
        ("production", "O1.1"): _End(99.2, _BEHIND),
        ("production", "O1.2"): _End(99.9, _ON),
        ("production", "O2.1"): _End(40, _BEHIND),
        ("production", "O2.2"): _End(22, _ON),
        ("production", "O3.1"): _End(2, _ON, ("Två nya på plats i maj", "Two new people started in May")),
        ("production", "O3.2"): _End(1.0, _ON),
    },
    Q3: {
        ("marketing", "O1.1"): _End(51, _ON),
        ("marketing", "O1.2"): _End(12, _ON),
        ("marketing", "O2.1"): _End(63, _BEHIND),
        ("marketing", "O2.2"): _End(40, _ON),
        ("sales", "O1.1"): _End(5.5, _ON),
        ("sales", "O1.2"): _End(1.8, _ON),
        ("sales", "O2.1"): _End(62, _BEHIND),
        ("sales", "O2.2"): _End(86, _ON),
        ("sales", "O3.1"): _End(3, _ON),
        ("sales", "O3.2"): _End(2, _BEHIND),
        ("production", "O1.1"): _End(99.95, _ON, ("Nästan inga felsända brev", "Almost no misdirected mail")),
        ("production", "O1.2"): _End(99.98, _ON),
        ("production", "O2.1"): _End(35, _ON),
        ("production", "O2.2"): _End(25, _ON),
    },
    Q4: {
        ("marketing", "O1.1"): _End(46, _ON),
        ("marketing", "O1.2"): _End(2, _ON),
        ("marketing", "O2.1"): _End(64, _BEHIND),
        ("marketing", "O2.2"): _End(41, _ON),
        ("sales", "O1.1"): _End(5.8, _ON),
        ("sales", "O1.2"): _End(1.9, _ON),
        ("sales", "O2.1"): _End(60, _ON),
        ("sales", "O2.2"): _End(89, _ON),
        ("sales", "O3.1"): _End(3, _ON),
        ("sales", "O3.2"): _End(3, _ON),
        ("production", "O1.1"): _End(99.97, _ON),
        ("production", "O1.2"): _End(99.98, _ON),
        ("production", "O2.1"): _End(33.8, _ON),
        ("production", "O2.2"): _End(86, _ON),
    },
}

# Strategic key result -> the leadership's value at the last check-in of Q1, Q2, Q3 and Q4.
# S1.1 is the sum of Sales' invoicing to new customers so far: 3.6, + 5.2, + 5.5, + 5.8.
# S3.1 counts the first Norwegian customer (Q1) and Sales' 3 a quarter after; S3.2 Sales' strategies.
# S2.2 gets none: its target is a placeholder all year.
_STRATEGIC_ENDS: dict[str, tuple[float, float, float, float]] = {
    "S1.1": (3.6, 8.8, 14.3, 20.1),
    "S1.2": (4, 9, 14, 18),
    "S2.1": (13, 10, 8, 6),
    "S3.1": (1, 4, 7, 10),
    "S3.2": (0, 1, 2, 3),
}


def _text(lang: Lang, sv: str, en: str) -> str:
    return sv if lang == "sv" else en


def _d(month: int, day: int) -> dt.date:
    return dt.date(2027, month, day)


def _dates(quarter: Quarter, strategy: Strategy) -> tuple[dt.date, ...]:
    return quarter.check_in_dates(first_month=strategy.first_month, cadence_weeks=strategy.method.cadence_weeks)


def _path(
    start: float, final: float, dates: tuple[dt.date, ...], *, digits: int = 2, reached_at: int | None = None
) -> tuple[float, ...]:
    """Values at `dates` on a straight line from `start` (not itself a check-in) to `final`.

    The line reaches `final` at index `reached_at` (the last date by default) and stays there.
    """
    steps = len(dates) if reached_at is None else reached_at + 1
    values = (start + (final - start) * min(i + 1, steps) / steps for i in range(len(dates)))
    return tuple(float(round(v, digits)) for v in values)


def _extend(kr: KeyResult, dates: tuple[dt.date, ...], end: _End, lang: Lang) -> KeyResult:
    """`kr` with check-ins at `dates` after its newest one, moving to `end.value`.

    A workbook keeps one confidence and note per key result, so they go on the newest check-in only.
    """
    newest = kr.check_ins[-1] if kr.check_ins else None
    dates = tuple(d for d in dates if newest is None or d > newest.date)
    if newest is not None and newest.value is not None:
        start = newest.value
    elif kr.kind.is_completion:
        start = 0.0
    elif kr.kind is KeyResultKind.MAINTAIN:
        start = kr.target  # a kept threshold: every value from here to `end.value` keeps it
    else:
        start = kr.effective_baseline
    reached_at = None
    if kr.kind is KeyResultKind.MILESTONE and kr.due is not None:
        # A milestone gets to its end value by its due date (or at once, when that has passed).
        reached_at = max(0, sum(d <= kr.due for d in dates) - 1)
    digits = 0 if kr.kind is KeyResultKind.COUNT else 2
    values = _path(start, end.value, dates, digits=digits, reached_at=reached_at)
    older = tuple(_replace(c, confidence=None, note=None) for c in kr.check_ins)
    added = [CheckIn(date=d, value=v) for d, v in zip(dates, values)]
    note = _text(lang, *end.note) if end.note else None
    added[-1] = _replace(added[-1], confidence=end.confidence, note=note)
    return _replace(kr, check_ins=(*older, *added))


def _checked(plan: TeamQuarter, dates: tuple[dt.date, ...], lang: Lang) -> TeamQuarter:
    """The plan with every key result's check-ins through the quarter, ending at its `_ENDS` value."""
    ends = _ENDS[plan.quarter]
    objectives = tuple(
        _replace(
            objective,
            key_results=tuple(_extend(kr, dates, ends[(plan.team.id, kr.id)], lang) for kr in objective.key_results),
        )
        for objective in plan.objectives
    )
    return _replace(plan, objectives=objectives)


def dpab_year_strategy(lang: Lang = "sv") -> Strategy:
    """dpab_strategy(lang) with the leadership's check-ins of the strategic key results for the whole year.

    From 1 March on the leadership checks in at every check-in date, on a straight line to each
    quarter's value in `_STRATEGIC_ENDS`. Objectives, key results, teams and targets are the same
    (so okrxl.excel.layout.strategy_fingerprint is unchanged). S2.2 stays a placeholder (its NPS target is
    never set: a gap that persists through the year).
    """
    strategy = dpab_strategy(lang)
    objectives = []
    for objective in strategy.objectives:
        key_results = []
        for kr in objective.key_results:
            for quarter, value in zip(QUARTERS, _STRATEGIC_ENDS.get(kr.id, ())):
                kr = _extend(kr, _dates(quarter, strategy), _End(value), lang)
            key_results.append(kr)
        objectives.append(_replace(objective, key_results=tuple(key_results)))
    method = _replace(strategy.method, personal_okrs=True)  # the trial of Q4; scores not printed (the default)
    return _replace(strategy, objectives=tuple(objectives), method=method, people=MARKETING_PEOPLE)


MARKETING_PEOPLE = tuple(
    Person(id=person_id, name=name, team="marketing")
    for person_id, name in (("mats", "Mats"), ("per", "Per"), ("lina", "Lina"), ("johan", "Johan"))
)
"""Marketing's four people (shared/DOMAIN.md: lead Mats; Per owns O1; Lina and Johan own key results from Q2),
who try personal OKRs in Q4."""


def dpab_year_people(lang: Lang = "sv") -> dict[Quarter, tuple[TeamQuarter, ...]]:
    """The personal plans of the year: Marketing's trial in Q4, after the year-end talk of individual OKRs.

    **Invented**, like every plan after Q1. Per and Lina carry the team's O1 (leads and stories from Norway),
    Johan its O2 (the customer survey); Mats, the lead, runs the trial and writes none. Johan's last value is of
    13 December: he has not checked in at the quarter's last check-in (27 December). Final scores, by hand: Per
    27 of 30 leads (0.9) and 90 % followed up within two days (0.9): 0.9; Lina 2 of 2 stories (1.0) and 1 of 3
    videos (0.33): 0.67; Johan 120 of 200 answers (0.6) and the results presented (1.0): 0.8.
    """
    t = lambda sv, en: _text(lang, sv, en)  # noqa: E731
    strategy = dpab_year_strategy(lang)
    dates = _dates(Q4, strategy)
    marketing = next(plan.team for plan in dpab_teams(lang) if plan.team.id == "marketing")
    people = {person.id: person for person in MARKETING_PEOPLE}

    def kr(kr_id, sv, en, kind, target, end, *, until=dates, unit=None, due=None) -> KeyResult:
        key_result = KeyResult(id=kr_id, title=t(sv, en), kind=kind, target=target, unit=unit, due=due)
        return _extend(key_result, until, _End(end), lang)

    def plan(person_id: str, *objectives: Objective) -> TeamQuarter:
        return TeamQuarter(team=marketing, quarter=Q4, person=people[person_id], objectives=objectives)

    per = plan("per", Objective(id="O1", title=t("Fyll den norska säljtratten från mässan i Oslo",
                                                 "Fill the Norwegian pipeline from the Oslo fair"),
                                aligned_to=("O1",), key_results=(
        kr("O1.1", "30 leads från mässan i Oslo", "30 leads from the Oslo fair", _CNT, 30, 27, unit="leads"),
        kr("O1.2", "90% av mässans leads följs upp inom 2 arbetsdagar",
           "90% of the fair's leads followed up within 2 working days", _PCT, 100, 90, unit="%"),
    )))  # fmt: skip
    lina = plan("lina", Objective(id="O1", aligned_to=("O1",),
                                  title=t("Norska kunder berättar om oss", "Norwegian customers tell our story"),
                                  key_results=(
        kr("O1.1", "2 kundberättelser i norsk branschpress", "2 customer stories in the Norwegian trade press",
           _CNT, 2, 2, unit=t("berättelser", "stories")),
        kr("O1.2", "3 kundfilmer på den norska webbplatsen", "3 customer films on the Norwegian website",
           _CNT, 3, 1, unit=t("filmer", "films")),
    )))  # fmt: skip
    johan = plan("johan", Objective(id="O1", title=t("Lyssna på våra kunder", "Listen to our customers"),
                                    aligned_to=("O2",), key_results=(
        kr("O1.1", "200 kunder besvarar kundenkäten", "200 customers answer the survey", _CNT, 200, 120,
           unit=t("svar", "answers"), until=tuple(d for d in dates if d <= _d(12, 13))),
        kr("O1.2", "Enkätens resultat presenterade för alla kundteam senast 15 december",
           "Survey results presented to every customer team by 15 December", _MS, None, 1.0, due=_d(12, 15)),
    )))  # fmt: skip
    return {Q4: (per, lina, johan)}


def dpab_year(lang: Lang = "sv") -> dict[Quarter, tuple[TeamQuarter, ...]]:
    """The three teams' plans for 2027-Q1 .. 2027-Q4, each with check-ins at every check-in date of its
    quarter (Quarter.check_in_dates(): every second week from the first Monday) through the quarter's end.

    Q1 is :func:`okrxl.demo.example.dpab_teams` with check-ins added for 1, 15 and 29 March (it keeps the
    example's own, which skip some early dates). Each later quarter starts from
    :func:`okrxl.core.rollover.roll_over` of the one before, at its last day, edited as the teams would.
    """
    strategy = dpab_strategy(lang)
    t = lambda sv, en: _text(lang, sv, en)  # noqa: E731
    march = tuple(d for d in _dates(Q1, strategy) if d > AS_OF)  # the example has check-ins up to its AS_OF
    year = {Q1: tuple(_checked(plan, march, lang) for plan in dpab_teams(lang))}
    for previous, quarter, edit in ((Q1, Q2, _q2), (Q2, Q3, _q3), (Q3, Q4, _q4)):
        carried = {plan.team.id: _roll(plan, previous, quarter, strategy) for plan in year[previous]}
        drafted = [_replace(plan, initiatives=_initiatives(quarter, plan.team.id, lang)) for plan in edit(carried, t)]
        year[quarter] = tuple(_checked(plan, _dates(quarter, strategy), lang) for plan in drafted)
    return year


# Each later quarter's initiatives, as the teams wrote them at its end: (id, sv, en, owner, serves, state).
_YEAR_INITIATIVES = {
    Quarter(2027, 2): {
        "marketing": (
            ("I1", "Norskt tryckeri för katalogen", "A Norwegian printer for the catalogue", "Lina", ("O1.1",), "done"),
            ("I2", "Intervjua tre norska kunder", "Interview three Norwegian customers", "Per", ("O1.2",), "done"),
            ("I3", "Sökordsoptimera den norska hemsidan", "Search optimisation of the Norwegian website", "Per",
             ("O1.3",), "in-progress"),
        ),
        "sales": (
            ("I1", "Säljutbildning, del två", "Sales training, part two", "Sara", ("O2.1",), "done"),
            ("I2", "Besöksresa till Oslo", "A visit to Oslo", "Fredrika", ("O3.1", "O3.2"), "done"),
            ("I3", "Offertmall i CRM-systemet", "A quote template in the CRM", "Erik", ("O2.2",), "in-progress"),
        ),
        "production": (
            ("I1", "Rekrytera två sorterare", "Recruit two sorters", "Pernilla", ("O3.1",), "done"),
            ("I2", "Introduktionsprogram för nyanställda", "An induction programme for new staff", "Ahmed",
             ("O3.2",), "done"),
            ("I3", "Adresstvätt mot folkbokföringen", "Address cleaning against the population register", "Ahmed",
             ("O1.1",), "in-progress"),
        ),
    },
    Quarter(2027, 3): {
        "marketing": (
            ("I1", "Seminarieserie i Oslo", "A seminar series in Oslo", "Mats", ("O1.1", "O1.2"), "done"),
            ("I2", "A/B-test av nyhetsbrevets ämnesrader", "A/B test of the newsletter's subject lines", "Johan",
             ("O2.1",), "in-progress"),
            ("I3", "Kundenkät med utlottning", "A customer survey with a prize draw", "Johan", ("O2.2",), "done"),
        ),
        "sales": (
            ("I1", "Avtal med en norsk återförsäljare", "An agreement with a Norwegian reseller", "Fredrika",
             ("O3.1",), "in-progress"),
            ("I2", "Automatiska offerter", "Automatic quotes", "Erik", ("O2.2",), "done"),
            ("I3", "Strategiworkshop om Norge", "A strategy workshop on Norway", "Fredrika", ("O3.2",), "done"),
        ),
        "production": (
            ("I1", "Adresstvätt mot folkbokföringen", "Address cleaning against the population register", "Ahmed",
             ("O1.1",), "done"),
            ("I2", "Spårning av varje brev", "Tracking every letter", "Karin", ("O1.2",), "done"),
            ("I3", "En ny sorteringslinje", "A new sorting line", "Pernilla", ("O2.1",), "in-progress"),
        ),
    },
    Quarter(2027, 4): {
        "marketing": (
            ("I1", "Annonser i norsk branschpress", "Ads in the Norwegian trade press", "Per", ("O1.1",), "done"),
            ("I2", "Pressmeddelanden om norska kundcase", "Press releases on Norwegian customer cases", "Lina",
             ("O1.2",), "in-progress"),
            ("I3", "Påminnelser om kundenkäten", "Reminders about the customer survey", "Johan", ("O2.2",), "done"),
        ),
        "sales": (
            ("I1", "En norsk säljare på plats i Oslo", "A Norwegian sales person in Oslo", "Fredrika", ("O3.1",),
             "done"),
            ("I2", "Sammanfatta tre validerade säljstrategier", "Write up three validated sales strategies",
             "Fredrika", ("O3.2",), "done"),
            ("I3", "Uppföljningsmöten med befintliga kunder", "Follow-up meetings with existing customers", "Erik",
             ("O1.2",), "in-progress"),
        ),
        "production": (
            ("I1", "Daglig kontroll av felsorterade brev", "A daily check of mis-sorted letters", "Ahmed",
             ("O1.1",), "done"),
            ("I2", "Chattstöd för kundärenden", "Chat support for customer questions", "Karin", ("O2.2",),
             "in-progress"),
            ("I3", "Robotsortering", "Robot sorting", "Pernilla", ("O2.1",), "dropped"),
        ),
    },
}  # fmt: skip


def _initiatives(quarter: Quarter, team_id: str, lang: Lang) -> tuple[Initiative, ...]:
    """A later quarter's initiatives of a team: what it did to move that quarter's key results."""
    return tuple(
        Initiative(id=id_, title=_text(lang, sv, en), owner=owner, serves=serves, state=InitiativeState(state))
        for id_, sv, en, owner, serves, state in _YEAR_INITIATIVES[quarter][team_id]
    )


def _roll(plan: TeamQuarter, quarter: Quarter, to: Quarter, strategy: Strategy) -> TeamQuarter:
    """Next quarter's plan as okrxl's rollover makes it from `plan` as it stood on its quarter's last day."""
    period = quarter.period(strategy.first_month)
    final = assess_team(plan, period=period, as_of=period.end, method=strategy.method)
    return roll_over(plan, final, to=to)


# --- Editing what the rollover carried over ------------------------------------------------------


def _objective(plan: TeamQuarter, objective_id: str) -> Objective:
    return next(o for o in plan.objectives if o.id == objective_id)


def _carried(plan: TeamQuarter, kr_id: str, new_id: str, **changes) -> KeyResult:
    """A carried key result, renumbered to `new_id` in its new place and edited by `changes`."""
    kr = next(kr for o in plan.objectives for kr in o.key_results if kr.id == kr_id)
    assert isinstance(kr.carried, Carried), f"{plan.team.id} {kr_id} was not carried over"
    return _replace(kr, id=new_id, **changes)


def _invoicing(kr_id: str, target: float, t) -> KeyResult:
    """Sales' quarterly committed key result that feeds S1.1."""
    return KeyResult(
        id=kr_id,
        title=t(
            f"Fakturering nya kunder uppgår till {target:g} MSEK".replace(".", ","),
            f"Invoicing to new customers reaches {target:g} MSEK",
        ),
        kind=_INC,
        commitment=Commitment.COMMITTED,
        unit="MSEK",
        baseline=0,
        target=target,
        owner="Fredrika",
        feeds="S1.1",
    )


def _upselling(kr_id: str, t) -> KeyResult:
    return KeyResult(
        id=kr_id,
        title=t("Merförsäljning om 2 MSEK till befintliga kunder", "Upselling of 2 MSEK to existing customers"),
        kind=_INC,
        unit="MSEK",
        baseline=0,
        target=2,
        owner="Erik",
        feeds="S1.2",
    )


def _norwegian_customers(kr_id: str, t, *, depends_on: tuple[Dependency, ...] = ()) -> KeyResult:
    return KeyResult(
        id=kr_id,
        title=t("3 nya norska kunder under kvartalet", "3 new Norwegian customers this quarter"),
        kind=_CNT,
        unit=t("kunder", "customers"),
        target=3,
        owner="Ingrid",
        feeds="S3.1",
        depends_on=depends_on,
    )


def _q2(carried: dict[str, TeamQuarter], t) -> tuple[TeamQuarter, ...]:
    """Q2: the catalogue a month late, Sales takes on S3.2, Production hires."""
    marketing, sales, production = carried["marketing"], carried["sales"], carried["production"]
    marketing = _replace(
        marketing,
        objectives=(
            _replace(
                _objective(marketing, "O1"),
                key_results=(
                    _carried(
                        marketing,
                        "O1.2",
                        "O1.1",
                        title=t(
                            "Produktkatalog på norska till tryck senast 15/4",
                            "Norwegian product catalogue to print by 15 Apr",
                        ),
                        due=_d(4, 15),
                    ),
                    KeyResult(
                        id="O1.2",
                        title=t(
                            "3 norska kundcase klara för säljmöten senast 15/6",
                            "3 Norwegian customer cases ready for sales meetings by 15 Jun",
                        ),
                        kind=_MS,
                        due=_d(6, 15),
                        owner="Lina",
                    ),
                    KeyResult(
                        id="O1.3",
                        title=t("40 leads från den norska hemsidan", "40 leads from the Norwegian website"),
                        kind=_CNT,
                        unit="leads",
                        target=40,
                        owner="Per",
                        feeds="S3.1",
                    ),
                ),
            ),
            _replace(
                _objective(marketing, "O2"),
                key_results=(
                    # "Skicka 3 nyhetsbrev ..." read like an activity: the team now names the result.
                    _carried(
                        marketing,
                        "O2.1",
                        "O2.1",
                        title=t(
                            "60% genomsnittlig öppningsfrekvens på nyhetsbreven till befintliga kunder",
                            "60% average open rate on the newsletters to existing customers",
                        ),
                    ),
                    # The March event is over (O2.2 dropped); the team asks its customers instead.
                    KeyResult(
                        id="O2.2",
                        title=t("40% av våra kunder besvarar kundenkäten", "40% of our customers answer the survey"),
                        kind=_PCT,
                        unit="%",
                        target=40,
                        owner="Johan",
                        feeds="S2.2",  # the survey asks the NPS question
                    ),
                ),
            ),
            # The campaign runs on to the reach and leads it aimed at, from where Q1 left them.
            _replace(
                _objective(marketing, "O3"),
                key_results=(_carried(marketing, "O3.2", "O3.1"), _carried(marketing, "O3.3", "O3.2")),
            ),
        ),
    )
    sales = _replace(
        sales,
        objectives=(
            # Invoicing and upselling are counted per quarter: new key results, not Q1's carried ones.
            _replace(_objective(sales, "O1"), key_results=(_invoicing("O1.1", 5, t), _upselling("O1.2", t))),
            _replace(
                _objective(sales, "O2"),
                key_results=(
                    _carried(sales, "O2.3", "O2.1"),
                    KeyResult(
                        id="O2.2",
                        title=t(
                            "60 dagar i snitt från första möte till avtal med ny kund",
                            "60 days on average from first meeting to a signed deal with a new customer",
                        ),
                        kind=_DEC,
                        unit=t("dagar", "days"),
                        baseline=75,
                        target=60,
                        owner="Ola",
                    ),
                ),
            ),
            Objective(
                id="O3",
                title=t("Hitta säljsätt som fungerar i Norge", "Find ways of selling that work in Norway"),
                owner="Ingrid",
                aligned_to=("S3",),
                key_results=(
                    _norwegian_customers(
                        "O3.1", t, depends_on=(Dependency(key_result_id="marketing.O1.1", needed_by=_d(4, 15)),)
                    ),
                    KeyResult(
                        id="O3.2",
                        title=t("3 validerade säljstrategier för Norge", "3 validated sales strategies for Norway"),
                        kind=_CNT,
                        unit=t("strategier", "strategies"),
                        target=3,
                        owner="Henrik",
                        feeds="S3.2",
                    ),
                ),
            ),
        ),
    )
    production = _replace(
        production,
        objectives=(
            _replace(
                _objective(production, "O1"),
                key_results=(_carried(production, "O1.1", "O1.1"), _carried(production, "O1.2", "O1.2", owner="Karin")),
            ),
            _objective(production, "O2"),
            Objective(
                id="O3",
                title=t("Bemanning som klarar volymen utan fel", "Staffing that handles the volume without errors"),
                owner="Pernilla",
                aligned_to=("S2",),
                key_results=(
                    KeyResult(
                        id="O3.1",
                        title=t("Rekrytera 2 medarbetare till produktionen", "Hire 2 people for production"),
                        kind=_CNT,
                        unit=t("medarbetare", "people"),
                        target=2,
                        owner="Pernilla",
                    ),
                    KeyResult(
                        id="O3.2",
                        title=t(
                            "Nya medarbetare inskolade och sorterar på egen hand senast 15/6",
                            "New staff onboarded and sorting on their own by 15 Jun",
                        ),
                        kind=_MS,
                        due=_d(6, 15),
                        owner="Ahmed",
                    ),
                ),
            ),
        ),
    )
    return marketing, sales, production


def _q3(carried: dict[str, TeamQuarter], t) -> tuple[TeamQuarter, ...]:
    """Q3: Marketing turns to supporting the Norway test; Production comes close to zero errors."""
    marketing, sales, production = carried["marketing"], carried["sales"], carried["production"]
    marketing = _replace(
        marketing,
        objectives=(
            # The Norwegian material is delivered (O1 and its leads dropped); the sellers need leads.
            Objective(
                id="O1",
                title=t("De norska säljarna får de leads de behöver", "The Norwegian sellers get the leads they need"),
                owner="Per",
                aligned_to=("S3",),
                key_results=(
                    KeyResult(
                        id="O1.1",
                        title=t("60 leads från Norge under kvartalet", "60 leads from Norway this quarter"),
                        kind=_CNT,
                        unit="leads",
                        target=60,
                        owner="Per",
                        feeds="S3.1",
                    ),
                    KeyResult(
                        id="O1.2",
                        title=t(
                            "15 norska beslutsfattare på vårt seminarium i Oslo",
                            "15 Norwegian decision makers at our seminar in Oslo",
                        ),
                        kind=_CNT,
                        unit=t("beslutsfattare", "decision makers"),
                        target=15,
                        owner="Lina",
                    ),
                ),
            ),
            _replace(
                _objective(marketing, "O2"),
                key_results=(
                    _carried(
                        marketing,
                        "O2.1",
                        "O2.1",
                        title=t(
                            "65% genomsnittlig öppningsfrekvens på nyhetsbreven till befintliga kunder",
                            "65% average open rate on the newsletters to existing customers",
                        ),
                        target=65,
                    ),
                    _carried(marketing, "O2.2", "O2.2"),
                ),
            ),
            # The campaign (O3) is over: its last leads are not carried on.
        ),
    )
    sales = _replace(
        sales,
        objectives=(
            _replace(_objective(sales, "O1"), key_results=(_invoicing("O1.1", 5.5, t), _upselling("O1.2", t))),
            _replace(
                _objective(sales, "O2"),
                key_results=(
                    _carried(sales, "O2.2", "O2.1"),
                    KeyResult(
                        id="O2.2",
                        title=t(
                            "Offert inom 2 arbetsdagar på 90% av förfrågningarna",
                            "A quote within 2 working days for 90% of enquiries",
                        ),
                        kind=_PCT,
                        unit="%",
                        baseline=70,
                        target=90,
                        owner="Sara",
                    ),
                ),
            ),
            _replace(
                _objective(sales, "O3"),
                key_results=(_norwegian_customers("O3.1", t), _carried(sales, "O3.2", "O3.2")),
            ),
        ),
    )
    # Production keeps what it carried: O1 towards zero errors, O2's handling time and reports.
    return marketing, sales, production


def _q4(carried: dict[str, TeamQuarter], t) -> tuple[TeamQuarter, ...]:
    """Q4: Production holds near-zero errors; Sales completes 20 MSEK and the Norway test."""
    marketing, sales, production = carried["marketing"], carried["sales"], carried["production"]
    marketing = _replace(
        marketing,
        objectives=(
            _replace(
                _objective(marketing, "O1"),
                key_results=(
                    KeyResult(
                        id="O1.1",
                        title=t("50 leads från Norge under kvartalet", "50 leads from Norway this quarter"),
                        kind=_CNT,
                        unit="leads",
                        target=50,
                        owner="Per",
                        feeds="S3.1",
                    ),
                    KeyResult(
                        id="O1.2",
                        title=t(
                            "2 artiklar om norska kunder i norsk branschpress",
                            "2 articles about Norwegian customers in the Norwegian trade press",
                        ),
                        kind=_CNT,
                        unit=t("artiklar", "articles"),
                        target=2,
                        owner="Lina",
                    ),
                ),
            ),
            _replace(
                _objective(marketing, "O2"),
                key_results=(
                    _carried(marketing, "O2.1", "O2.1"),
                    KeyResult(
                        id="O2.2",
                        title=t("50% av våra kunder besvarar kundenkäten", "50% of our customers answer the survey"),
                        kind=_PCT,
                        unit="%",
                        target=50,
                        owner="Johan",
                        feeds="S2.2",
                    ),
                ),
            ),
        ),
    )
    sales = _replace(
        sales,
        objectives=(
            _replace(_objective(sales, "O1"), key_results=(_invoicing("O1.1", 5.5, t), _upselling("O1.2", t))),
            _objective(sales, "O2"),
            _replace(
                _objective(sales, "O3"),
                key_results=(_norwegian_customers("O3.1", t), _carried(sales, "O3.2", "O3.2")),
            ),
        ),
    )
    # Near zero errors: the team now keeps a threshold at every check-in instead of closing the last 0.05 %.
    production = _replace(
        production,
        objectives=(
            _replace(
                _objective(production, "O1"),
                key_results=(
                    _carried(
                        production,
                        "O1.1",
                        "O1.1",
                        title=t(
                            "Minst 99,9% av all post går till rätt mottagare vid varje avstämning",
                            "At least 99.9% of mail reaches the right recipient at every check-in",
                        ),
                        kind=_KEEP,
                        side=Side.AT_LEAST,
                        baseline=None,
                        target=99.9,
                    ),
                    _carried(
                        production,
                        "O1.2",
                        "O1.2",
                        title=t(
                            "Minst 99,95% av all post hanteras vid varje avstämning",
                            "At least 99.95% of mail is handled at every check-in",
                        ),
                        kind=_KEEP,
                        side=Side.AT_LEAST,
                        baseline=None,
                        target=99.95,
                    ),
                ),
            ),
            _replace(
                _objective(production, "O2"),
                key_results=(
                    _carried(production, "O2.1", "O2.1"),
                    KeyResult(
                        id="O2.2",
                        title=t(
                            "90% av kundärendena besvaras inom 4 timmar",
                            "90% of customer questions answered within 4 hours",
                        ),
                        kind=_PCT,
                        unit="%",
                        baseline=72,
                        target=90,
                        owner="Karin",
                    ),
                ),
            ),
        ),
    )
    return marketing, sales, production
