"""The numbers people see: one rounding rule, grades of the shown score, sums only of what adds up,
and progress wherever a share of the way to a target is shown (METHOD.md, "Shown numbers")."""

import dataclasses
import datetime as dt

import pytest

from okrxl.core.model import (
    CheckIn,
    KeyResult,
    KeyResultKind,
    Method,
    Objective,
    Quarter,
    Strategy,
    Team,
    TeamQuarter,
)
from okrxl.core.scoring import Commitment, Grade, grade_score, score_text, shown_score
from okrxl.core.status import review_quarter
from okrxl.outputs.year_review import KeyResultYear

K = KeyResultKind


@pytest.mark.parametrize(
    ("score", "shown", "text"),
    [(0.725, 0.73, "0.73"), (0.397, 0.40, "0.40"), (0.3949, 0.39, "0.39"), (0.005, 0.01, "0.01"), (1.0, 1.0, "1.00"),
     (0.0, 0.0, "0.00"), (2 / 3, 0.67, "0.67"), (None, None, "–")],
    ids=["0.725 half up", "0.397", "0.3949", "0.005", "1", "0", "two thirds", "no score"],
)  # fmt: skip
def test_a_score_is_shown_with_two_decimals_rounded_half_up_from_the_decimal_people_read(score, shown, text):
    if score is not None:
        assert shown_score(score) == shown
    assert score_text(score) == text


@pytest.mark.parametrize(
    ("score", "commitment", "grade"),
    [(0.397, Commitment.ASPIRATIONAL, Grade.YELLOW),  # shown 0.40: yellow from 0.40
     (0.3949, Commitment.ASPIRATIONAL, Grade.RED),  # shown 0.39
     (0.695, Commitment.ASPIRATIONAL, Grade.GREEN),  # shown 0.70
     (0.996, Commitment.COMMITTED, Grade.GREEN),  # shown 1.00: a committed key result is green at 1.00
     (0.994, Commitment.COMMITTED, Grade.YELLOW)],
    ids=["0.397 yellow", "0.3949 red", "0.695 green", "0.996 committed green", "0.994 committed yellow"],
)  # fmt: skip
def test_the_grade_follows_the_score_people_see(score, commitment, grade):
    assert grade_score(score, commitment, Method()) is grade


def _kr(kr_id, title, kind, unit, value, **fields):
    check_ins = (CheckIn(date=dt.date(2027, 1, 18), value=value),)
    return KeyResult(id=kr_id, title=title, kind=kind, unit=unit, check_ins=check_ins, owner="A", **fields)


def _feeding(strategic: KeyResult, *feeders: KeyResult):
    strategy = Strategy(
        company="X", vision="v", mission="m", year=2027, teams=(Team(id="a", name="A"), Team(id="b", name="B")),
        objectives=(Objective(id="S1", title="Växa", owner="V", key_results=(strategic,)),),
    )  # fmt: skip
    plans = tuple(
        TeamQuarter(
            team=team,
            quarter=Quarter(2027, 1),
            objectives=(
                Objective(
                    id="O1",
                    title="Mål",
                    owner="A",
                    aligned_to=("S1",),
                    key_results=(dataclasses.replace(kr, feeds="S1.1"),),
                ),
            ),
        )  # fmt: skip
        for team, kr in zip(strategy.teams, feeders, strict=True)
    )
    return review_quarter(strategy, plans, quarter=Quarter(2027, 1), as_of=dt.date(2027, 2, 15)).feeding["S1.1"]


def test_money_that_feeds_a_strategic_key_result_is_summed():
    strategic = _kr("S1.1", "20 MSEK från nya kunder", K.INCREASE, "MSEK", None, target=20.0)
    feeding = _feeding(strategic, _kr("O1.1", "4 MSEK", K.INCREASE, "MSEK", 2.1, target=4.0),
                       _kr("O1.1", "3 MSEK", K.INCREASE, "MSEK", 1.4, target=3.0))  # fmt: skip
    assert feeding.total == pytest.approx(3.5)


def test_counts_are_summed():
    strategic = _kr("S1.1", "10 nya norska kunder", K.COUNT, "kunder", None, target=10.0)
    feeding = _feeding(strategic, _kr("O1.1", "6 kunder", K.COUNT, "kunder", 2, target=6.0),
                       _kr("O1.1", "4 kunder", K.COUNT, "kunder", 1, target=4.0))  # fmt: skip
    assert feeding.total == 3.0


@pytest.mark.parametrize(
    ("unit", "kind", "values"),
    [("%", K.PERCENT, (2.3, 21.0)), ("dagar", K.DECREASE, (4.2, 5.0))],
    ids=["a conversion rate and an online share", "turnaround times"],
)
def test_rates_and_percents_are_shown_each_never_summed(unit, kind, values):
    baseline = {"%": None, "dagar": 6.0}[unit]
    strategic = _kr("S1.1", "Bättre 10", kind, unit, None, target=3.0 if kind is K.DECREASE else 30.0,
                    baseline=baseline)  # fmt: skip
    feeders = [_kr("O1.1", f"Mått {v}", kind, unit, v, target=3.0 if kind is K.DECREASE else 30.0, baseline=baseline)
               for v in values]  # fmt: skip
    feeding = _feeding(strategic, *feeders)
    assert feeding.total is None and [f.assessment.current for f in feeding.feeders] == list(values)


@pytest.mark.parametrize(
    ("kind", "baseline", "target", "total", "share"),
    [(K.DECREASE, 6.0, 3.0, 4.2, 0.6),  # cut turnaround 6 -> 3 days, at 4.2: 60 % of the way, never 140 %
     (K.INCREASE, 0.0, 20.0, 5.0, 0.25), (K.COUNT, None, 10.0, 4.0, 0.4), (K.INCREASE, None, None, 4.0, None)],
    ids=["falling", "rising from 0", "no baseline", "no target yet"],
)  # fmt: skip
def test_the_reviews_share_of_target_is_the_progress_from_baseline(kind, baseline, target, total, share):
    kr = KeyResult(id="S1.1", title="Mått", kind=kind, baseline=baseline, target=target)
    year = KeyResultYear(key_result=kr, fed={}, total=total, leadership=None)
    assert year.share_of_target == (None if share is None else pytest.approx(share))
