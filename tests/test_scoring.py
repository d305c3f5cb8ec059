"""Scores, grades, pacing and roll-ups, with numbers worked out by hand from METHOD.md."""

import dataclasses
import datetime as dt

import pytest

from okrxl.core.model import (
    CheckIn,
    Commitment,
    Confidence,
    KeyResult,
    KeyResultKind,
    Method,
    Objective,
    Period,
    Quarter,
    Side,
    Strategy,
    Team,
    TeamQuarter,
)
from okrxl.core.problems import ModelError
from okrxl.core.scoring import (
    Grade,
    Status,
    assess_key_result,
    assess_objective,
    assess_quarter,
    assess_team,
    elapsed_share,
    grade_score,
    key_result_status,
    progress,
    score_key_result,
    worst_status,
)

K = KeyResultKind
METHOD = Method()
# 100 days, so that elapsed shares are round: 2027-02-10 is 40 days in, t = 0.4.
PERIOD = Period(start=dt.date(2027, 1, 1), end=dt.date(2027, 4, 11))
DAY_40 = dt.date(2027, 2, 10)


def kr(kind=K.INCREASE, *values, baseline=None, target=None, **fields) -> KeyResult:
    """A key result whose check-ins, one a week from 4 January, have `values`."""
    check_ins = tuple(CheckIn(date=dt.date(2027, 1, 4) + dt.timedelta(weeks=i), value=v) for i, v in enumerate(values))
    return KeyResult(
        id="O1.1", title="A result of 10", kind=kind, baseline=baseline, target=target, check_ins=check_ins, **fields
    )


SCORE_CASES = [
    # kind, baseline, target, check-in values, expected progress, expected score
    pytest.param(K.INCREASE, 0, 4, [0.6, 2.1], 0.525, 0.525, id="increase-halfway"),
    pytest.param(K.DECREASE, 15, 5, [14, 12], 0.3, 0.3, id="churn-15-to-5-at-12"),
    pytest.param(K.DECREASE, 48, 33.6, [44], 4 / 14.4, 4 / 14.4, id="handling-time-48h-to-33.6h-at-44h"),
    pytest.param(K.INCREASE, 0, 4, [5], 1.25, 1.0, id="overachieved-scores-1"),
    pytest.param(K.DECREASE, 15, 5, [2.5], 1.25, 1.0, id="decrease-beyond-target-scores-1"),
    pytest.param(K.INCREASE, 10, 20, [8], -0.2, 0.0, id="below-baseline-scores-0"),
    pytest.param(K.DECREASE, 15, 5, [18], -0.3, 0.0, id="decrease-worse-than-baseline-scores-0"),
    pytest.param(K.COUNT, None, 10, [6], 0.6, 0.6, id="count-baseline-defaults-to-0"),
    pytest.param(K.COUNT, 2, 10, [6], 0.5, 0.5, id="count-from-a-baseline"),
    pytest.param(K.PERCENT, None, 10, [2.5], 0.25, 0.25, id="percent-baseline-defaults-to-0"),
    pytest.param(K.PERCENT, 97.2, 100, [97.6], 0.4 / 2.8, 0.4 / 2.8, id="percent-from-97.2"),
    pytest.param(K.INCREASE, 0, 4, [], None, 0.0, id="no-check-in-scores-0"),
    pytest.param(K.MILESTONE, None, None, [0.35], 0.35, 0.35, id="milestone-percent-complete"),
    pytest.param(K.MILESTONE, None, None, [0.5, 1.0], 1.0, 1.0, id="milestone-done"),
    pytest.param(K.MILESTONE, None, None, [], None, 0.0, id="milestone-nothing-yet"),
    pytest.param(K.BINARY, None, None, [1.0], 1.0, 1.0, id="binary-done"),
    pytest.param(K.BINARY, None, None, [0.0], 0.0, 0.0, id="binary-not-done"),
    pytest.param(K.INCREASE, None, None, [3], None, None, id="placeholder-target-has-no-score"),
    pytest.param(K.DECREASE, None, 5, [12], None, None, id="decrease-without-baseline-has-no-score"),
]


@pytest.mark.parametrize(("kind", "baseline", "target", "values", "expected_progress", "expected_score"), SCORE_CASES)
def test_key_result_scores_follow_the_method(kind, baseline, target, values, expected_progress, expected_score):
    result = kr(kind, *values, baseline=baseline, target=target)
    as_of = dt.date(2027, 3, 1)
    assert progress(result, as_of) == pytest.approx(expected_progress)
    assert score_key_result(result, as_of) == pytest.approx(expected_score)


@pytest.mark.parametrize(
    ("side", "target", "values", "expected"),
    [
        pytest.param(Side.AT_LEAST, 95, [96, 94, 97, 95], 0.75, id="stay-above-95-kept-3-of-4-inclusive"),
        pytest.param(Side.AT_MOST, 2, [1, 3], 0.5, id="stay-below-2-kept-1-of-2"),
        pytest.param(Side.AT_MOST, 2, [2, 1, 0], 1.0, id="stay-below-2-kept-all"),
    ],
)
def test_maintain_scores_the_share_of_check_ins_that_kept_the_threshold(side, target, values, expected):
    result = kr(K.MAINTAIN, *values, target=target, side=side)
    assert score_key_result(result, dt.date(2027, 3, 1)) == pytest.approx(expected)


def test_check_ins_after_the_as_of_date_are_ignored():
    result = kr(K.INCREASE, 1, 2, 3, baseline=0, target=10)  # 4, 11 and 18 January
    assert score_key_result(result, dt.date(2027, 1, 12)) == pytest.approx(0.2)
    assert score_key_result(result, dt.date(2027, 1, 3)) == 0.0


def test_a_check_in_without_a_value_does_not_replace_the_current_value():
    result = KeyResult(
        id="O1.1", title="A result of 10", kind=K.COUNT, target=10,
        check_ins=(
            CheckIn(date=dt.date(2027, 1, 4), value=4),
            CheckIn(date=dt.date(2027, 1, 18), value=None, confidence=Confidence.BEHIND, note="no news"),
        ),
    )  # fmt: skip
    assessed = assess_key_result(result, period=PERIOD, as_of=dt.date(2027, 1, 20), method=METHOD)
    assert (assessed.current, assessed.score, assessed.confidence) == (4, 0.4, Confidence.BEHIND)


@pytest.mark.parametrize(
    ("baseline", "target", "message"),
    [
        pytest.param(5, 5, "target equals baseline", id="target-equal-to-baseline"),
        pytest.param(10, 5, "use kind decrease", id="increase-going-down"),
    ],
)
def test_a_metric_that_cannot_be_measured_is_refused_with_its_id(baseline, target, message):
    with pytest.raises(ModelError, match=rf"key result O1\.1 .*{message}"):
        kr(K.INCREASE, baseline=baseline, target=target)


def test_a_decrease_with_a_target_above_its_baseline_is_refused():
    with pytest.raises(ModelError, match="decrease needs a target below its baseline"):
        kr(K.DECREASE, baseline=5, target=15)


def test_a_milestone_check_in_outside_zero_to_one_is_refused():
    with pytest.raises(ModelError, match=r"share done in \[0, 1\], got 35"):
        kr(K.MILESTONE, 35)


@pytest.mark.parametrize(
    ("score", "commitment", "grade"),
    [
        (0.39, Commitment.ASPIRATIONAL, Grade.RED),
        (0.4, Commitment.ASPIRATIONAL, Grade.YELLOW),
        (0.69, Commitment.ASPIRATIONAL, Grade.YELLOW),
        (0.7, Commitment.ASPIRATIONAL, Grade.GREEN),
        (0.69, Commitment.COMMITTED, Grade.RED),
        (0.7, Commitment.COMMITTED, Grade.YELLOW),
        (0.99, Commitment.COMMITTED, Grade.YELLOW),
        (1.0, Commitment.COMMITTED, Grade.GREEN),
        (None, Commitment.COMMITTED, None),
    ],
    ids=lambda v: str(v),
)
def test_grades_use_the_thresholds_of_the_commitment(score, commitment, grade):
    assert grade_score(score, commitment, METHOD) == grade


def test_grades_forgive_float_noise_at_a_threshold():
    # (2.1 - 0) / 3 is 0.7000000000000001 and 0.7 * 3 / 3 may land just below: both are green.
    assert grade_score(2.1 / 3, Commitment.ASPIRATIONAL, METHOD) is Grade.GREEN
    assert grade_score(0.7 - 1e-12, Commitment.ASPIRATIONAL, METHOD) is Grade.GREEN


def test_elapsed_share_is_clamped_to_the_period():
    assert elapsed_share(PERIOD, DAY_40) == 0.4
    assert elapsed_share(PERIOD, dt.date(2026, 12, 1)) == 0.0
    assert elapsed_share(PERIOD, dt.date(2027, 6, 1)) == 1.0


@pytest.mark.parametrize(
    ("current", "status"),
    [
        pytest.param(10, Status.DONE, id="score-1-is-done"),
        pytest.param(4.0, Status.ON_TRACK, id="exactly-e-is-on-track"),
        pytest.param(3.99, Status.BEHIND, id="just-below-e-is-behind"),
        pytest.param(3.0, Status.BEHIND, id="exactly-0.75e-is-behind"),
        pytest.param(2.99, Status.AT_RISK, id="just-below-0.75e-is-at-risk"),
    ],
)
def test_metric_pacing_against_the_straight_line(current, status):
    # t = 0.4 so e = 0.4 and 0.75 * e = 0.3; the metric runs 0 -> 10.
    result = kr(K.INCREASE, current, baseline=0, target=10)
    assert key_result_status(result, period=PERIOD, as_of=DAY_40, method=METHOD) is status


@pytest.mark.parametrize(
    ("as_of", "status"),
    [
        pytest.param(dt.date(2027, 1, 25), Status.NOT_STARTED, id="t-0.24-silence-is-not-started"),
        pytest.param(dt.date(2027, 1, 26), Status.AT_RISK, id="t-0.25-silence-is-at-risk"),
    ],
)
def test_silence_is_not_started_only_in_the_first_quarter_of_the_period(as_of, status):
    assert key_result_status(kr(K.COUNT, target=5), period=PERIOD, as_of=as_of, method=METHOD) is status


@pytest.mark.parametrize(
    ("values", "due", "confidence", "as_of", "status"),
    [
        pytest.param([1.0], dt.date(2027, 2, 1), None, DAY_40, Status.DONE, id="done-late-is-done"),
        pytest.param([0.9], dt.date(2027, 2, 1), None, DAY_40, Status.OVERDUE, id="due-passed-is-overdue"),
        pytest.param([0.9], dt.date(2027, 2, 10), None, DAY_40, Status.ON_TRACK, id="due-today-is-not-overdue"),
        pytest.param([0.1], dt.date(2027, 3, 15), None, DAY_40, Status.ON_TRACK, id="before-due-is-on-track"),
        pytest.param([0.1], dt.date(2027, 3, 15), Confidence.BEHIND, DAY_40, Status.BEHIND, id="team-says-behind"),
        pytest.param([0.1], dt.date(2027, 3, 15), Confidence.AT_RISK, DAY_40, Status.AT_RISK, id="team-says-at-risk"),
        pytest.param([], dt.date(2027, 3, 15), None, dt.date(2027, 1, 10), Status.NOT_STARTED, id="early-silence"),
        pytest.param([], dt.date(2027, 1, 5), None, dt.date(2027, 1, 10), Status.OVERDUE, id="silent-and-overdue"),
    ],
)
def test_milestone_pacing_follows_the_due_date_and_the_teams_confidence(values, due, confidence, as_of, status):
    check_ins = tuple(
        CheckIn(date=dt.date(2027, 1, 4) + dt.timedelta(weeks=i), value=v, confidence=confidence)
        for i, v in enumerate(values)
    )
    result = KeyResult(id="O1.1", title="Launch by 1/2", kind=K.MILESTONE, due=due, check_ins=check_ins)
    assert key_result_status(result, period=PERIOD, as_of=as_of, method=METHOD) is status


def test_a_binary_key_result_without_a_due_date_is_due_at_the_periods_end():
    result = kr(K.BINARY, 0.0)
    assert key_result_status(result, period=PERIOD, as_of=PERIOD.end, method=METHOD) is Status.ON_TRACK
    after = PERIOD.end + dt.timedelta(days=1)
    assert key_result_status(result, period=PERIOD, as_of=after, method=METHOD) is Status.OVERDUE


def test_maintain_is_on_track_while_every_check_in_kept_and_done_only_at_the_end():
    kept = kr(K.MAINTAIN, 96, 97, target=95)
    assert key_result_status(kept, period=PERIOD, as_of=DAY_40, method=METHOD) is Status.ON_TRACK
    assert key_result_status(kept, period=PERIOD, as_of=PERIOD.end, method=METHOD) is Status.DONE
    slipped = kr(K.MAINTAIN, 96, 97, 94, 96, target=95)  # 0.75: behind, 0.5 would be at-risk
    assert key_result_status(slipped, period=PERIOD, as_of=DAY_40, method=METHOD) is Status.BEHIND


def test_a_placeholder_is_unscored_and_never_stale():
    assessed = assess_key_result(kr(K.INCREASE), period=PERIOD, as_of=DAY_40, method=METHOD)
    assert (assessed.score, assessed.grade, assessed.status, assessed.stale) == (None, None, Status.UNSCORED, False)


@pytest.mark.parametrize(
    ("days_since_check_in", "stale"),
    [(21, False), (22, True)],
    ids=["21-days-is-fresh", "22-days-is-stale"],
)
def test_a_key_result_is_stale_after_one_and_a_half_cadences(days_since_check_in, stale):
    result = kr(K.COUNT, 1, target=10)  # checked in on 4 January
    as_of = dt.date(2027, 1, 4) + dt.timedelta(days=days_since_check_in)
    assert assess_key_result(result, period=PERIOD, as_of=as_of, method=METHOD).stale is stale


def test_staleness_follows_the_cadence_setting():
    result = kr(K.COUNT, 1, target=10)
    monthly = Method(cadence_weeks=4)  # 1.5 cadences = 42 days
    assert not assess_key_result(result, period=PERIOD, as_of=dt.date(2027, 2, 15), method=monthly).stale
    assert assess_key_result(result, period=PERIOD, as_of=dt.date(2027, 2, 16), method=monthly).stale


def test_a_done_key_result_is_never_stale():
    result = kr(K.COUNT, 10, target=10)
    assert not assess_key_result(result, period=PERIOD, as_of=dt.date(2027, 3, 30), method=METHOD).stale


def test_without_check_ins_the_period_start_counts_as_the_last_report():
    result = kr(K.COUNT, target=10)
    assert not assess_key_result(result, period=PERIOD, as_of=dt.date(2027, 1, 22), method=METHOD).stale
    assert assess_key_result(result, period=PERIOD, as_of=dt.date(2027, 1, 23), method=METHOD).stale


def test_objective_score_is_the_weighted_mean_of_its_scored_key_results():
    objective = Objective(
        id="O1",
        title="An objective",
        key_results=(
            KeyResult(id="O1.1", title="a 10", kind=K.COUNT, target=10, check_ins=(CheckIn(date=DAY_40, value=3),)),
            KeyResult(
                id="O1.2", title="b 10", kind=K.COUNT, target=10, weight=2, check_ins=(CheckIn(date=DAY_40, value=9),)
            ),
            KeyResult(id="O1.3", title="c X", kind=K.INCREASE, target=None),  # placeholder: left out
        ),
    )
    assessed = assess_objective(objective, period=PERIOD, as_of=DAY_40, method=METHOD)
    assert assessed.score == pytest.approx((0.3 * 1 + 0.9 * 2) / 3)  # 0.7
    assert assessed.grade is Grade.GREEN
    assert assessed.status is Status.BEHIND  # 0.3 is exactly 0.75 * 0.4; the worst of behind and on-track


def _objective(objective_id: str, score_tenths: int, weight: float = 1.0, aligned_to=()) -> Objective:
    result = KeyResult(
        id=f"{objective_id}.1",
        title="Reach 10",
        kind=K.COUNT,
        target=10,
        check_ins=(CheckIn(date=DAY_40, value=score_tenths),),
    )
    return Objective(id=objective_id, title="o", weight=weight, aligned_to=aligned_to, key_results=(result,))


def test_team_score_is_the_weighted_mean_of_its_objective_scores():
    plan = TeamQuarter(
        team=Team(id="alpha", name="Alpha"),
        quarter=Quarter(2027, 1),
        objectives=(_objective("O1", 7), _objective("O2", 4, weight=3)),
    )
    assessed = assess_team(plan, period=PERIOD, as_of=DAY_40, method=METHOD)
    assert assessed.score == pytest.approx((0.7 + 0.4 * 3) / 4)  # 0.475
    assert assessed.grade is Grade.YELLOW


def test_weights_of_zero_leave_nothing_to_average():
    plan = TeamQuarter(
        team=Team(id="alpha", name="Alpha"), quarter=Quarter(2027, 1), objectives=(_objective("O1", 7, weight=0),)
    )
    assert assess_team(plan, period=PERIOD, as_of=DAY_40, method=METHOD).score is None


def test_worst_status_ranks_overdue_next_to_at_risk_and_ignores_unscored():
    assert worst_status([Status.DONE, Status.BEHIND, Status.ON_TRACK]) is Status.BEHIND
    assert worst_status([Status.ON_TRACK, Status.NOT_STARTED]) is Status.NOT_STARTED
    assert worst_status([Status.BEHIND, Status.OVERDUE, Status.DONE]) is Status.OVERDUE
    assert worst_status([Status.OVERDUE, Status.AT_RISK]) is Status.AT_RISK
    assert worst_status([Status.UNSCORED, Status.DONE]) is Status.DONE
    assert worst_status([Status.UNSCORED]) is Status.UNSCORED


def test_strategic_objectives_have_a_measured_and_a_carried_score_never_mixed():
    as_of = dt.date(2027, 2, 15)
    strategic_kr = KeyResult(
        id="S1.1", title="20 MSEK", kind=K.INCREASE, baseline=0, target=20,
        check_ins=(CheckIn(date=dt.date(2027, 2, 1), value=5),),
    )  # fmt: skip
    strategy = Strategy(
        company="C", vision="V", mission="M", year=2027,
        teams=(Team(id="alpha", name="Alpha"), Team(id="beta", name="Beta")),
        objectives=(
            Objective(id="S1", title="Grow", key_results=(strategic_kr,)),
            Objective(id="S2", title="Serve", key_results=(dataclasses.replace(strategic_kr, id="S2.1"),)),
        ),
    )  # fmt: skip
    plans = (
        TeamQuarter(
            team=strategy.teams[0], quarter=Quarter(2027, 1),
            objectives=(_objective("O1", 8, aligned_to=("S1",)), _objective("O2", 2, aligned_to=("S1", "S2"))),
        ),
        TeamQuarter(team=strategy.teams[1], quarter=Quarter(2027, 1), objectives=(_objective("O1", 6, weight=5),)),
    )  # fmt: skip
    assessed = assess_quarter(strategy, plans, quarter=Quarter(2027, 1), as_of=as_of)
    assert [o.score for o in assessed.strategic] == [0.25, 0.25]  # 5 of 20, the leadership's own check-in
    assert assessed.carried == (pytest.approx(0.5), pytest.approx(0.2))  # mean(0.8, 0.2); only 0.2
    # the strategy paces against the year: 45 of 364 days is e = 0.124, and 0.25 is on track
    assert assessed.key_results["S1.1"].status is Status.ON_TRACK
    assert assessed.key_results["beta.O1.1"].score == pytest.approx(0.6)


@pytest.mark.parametrize(
    "result",
    [
        kr(K.INCREASE, 1, 4, 3, 12, baseline=0, target=10),
        kr(K.DECREASE, 15, 13, 16, 4, baseline=15, target=5),
        kr(K.MAINTAIN, 96, 94, 97, 95, target=95),
        kr(K.MILESTONE, 0.2, 0.5, 1.0),
        kr(K.INCREASE, 3),
    ],
    ids=["increase", "decrease", "maintain", "milestone", "placeholder"],
)
def test_the_score_history_is_the_score_at_each_check_in(result):
    from okrxl.core.scoring import score_history

    dates = [c.date for c in result.check_ins]
    expected = [s for s in (score_key_result(result, d) for d in dates) if s is not None]
    assert score_history(result, dt.date(2027, 12, 31)) == pytest.approx(expected)
