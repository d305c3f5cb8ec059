"""Scores, grades, pacing and roll-ups, exactly as METHOD.md defines them.

Pure functions of the model and an `as_of` date: no clock, no files.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

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
    TeamQuarter,
)
from okrxl.core.words import Words


class Grade(enum.StrEnum):
    """The traffic light of a score."""

    RED = "red"
    YELLOW = "yellow"
    GREEN = "green"


class Status(enum.StrEnum):
    """Where a key result stands against the calendar (METHOD.md, "Pacing")."""

    DONE = "done"
    ON_TRACK = "on-track"
    NOT_STARTED = "not-started"
    BEHIND = "behind"
    AT_RISK = "at-risk"
    OVERDUE = "overdue"
    """A milestone past its due date and not done; counts as at-risk."""
    UNSCORED = "unscored"
    """No score can be given (placeholder target, missing baseline): left out of roll-ups."""

    @property
    def rank(self) -> int | None:
        """0 for the worst (at-risk) to 5 for the best (done); None for `unscored`, which is not ranked."""
        return _RANK.get(self)

    @property
    def step(self) -> int | None:
        """0 good, 1 behind, 2 bad: the scale on which the team's confidence is compared."""
        return _STEPS.get(self)


_STEPS = {
    Status.DONE: 0,
    Status.ON_TRACK: 0,
    Status.NOT_STARTED: 0,
    Status.BEHIND: 1,
    Status.AT_RISK: 2,
    Status.OVERDUE: 2,
}
# Worst first. Overdue counts as at-risk; where an objective has both, it shows at-risk.
_RANK = {
    Status.AT_RISK: 0,
    Status.OVERDUE: 1,
    Status.BEHIND: 2,
    Status.NOT_STARTED: 3,
    Status.ON_TRACK: 4,
    Status.DONE: 5,
}
# What a person reads for each: the method's vocabulary in both languages.
STATUS_WORDS: dict[Status, Words] = {
    Status.DONE: Words("klar", "done"),
    Status.ON_TRACK: Words("i fas", "on track"),
    Status.NOT_STARTED: Words("ej påbörjad", "not started"),
    Status.BEHIND: Words("släpar efter", "behind"),
    Status.AT_RISK: Words("i riskzonen", "at risk"),
    Status.OVERDUE: Words("försenad", "overdue"),
    Status.UNSCORED: Words("utan mål", "no target"),
}
GRADE_WORDS: dict[Grade, Words] = {
    Grade.GREEN: Words("grön", "green"),
    Grade.YELLOW: Words("gul", "yellow"),
    Grade.RED: Words("röd", "red"),
}
CONFIDENCE_WORDS: dict[Confidence, Words] = {
    Confidence.ON_TRACK: Words("i fas", "on track"),
    Confidence.BEHIND: Words("släpar efter", "behind"),
    Confidence.AT_RISK: Words("i riskzonen", "at risk"),
}
"""The team's confidence in the status words themselves (METHOD.md): the dropdown offers these."""

# Scores come from float arithmetic: (3 - 0) / (10 - 0) must count as reaching 0.75 * 0.4.
TOLERANCE = 1e-9
_CONFIDENCE_STEP = {Confidence.ON_TRACK: 0, Confidence.BEHIND: 1, Confidence.AT_RISK: 2}
_CONFIDENCE_STATUS = {Confidence.BEHIND: Status.BEHIND, Confidence.AT_RISK: Status.AT_RISK}


@dataclass(frozen=True, slots=True, kw_only=True)
class KeyResultAssessment:
    """Everything okrxl computes about one key result at one date."""

    key_result: KeyResult
    """The key result assessed."""
    current: float | None
    """The value of the newest check-in on or before the as-of date."""
    progress: float | None
    """Raw progress: may exceed 1 (beyond target) or fall below 0 (worse than baseline)."""
    score: float | None
    """Progress clamped to [0, 1]; 0.0 with no check-in yet; None when it cannot be scored."""
    grade: Grade | None
    status: Status
    stale: bool
    confidence: Confidence | None
    """The team's confidence at its newest check-in."""
    last_check_in: dt.date | None
    """The date of the newest check-in with a value on or before the as-of date."""
    history: tuple[float, ...]
    """The score after each check-in with a value up to the as-of date, oldest first (`score_history`)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ObjectiveAssessment:
    objective: Objective
    """The objective assessed (a team's or the strategy's)."""
    score: float | None
    grade: Grade | None
    status: Status
    key_results: tuple[KeyResultAssessment, ...]


def elapsed_share(period: Period, as_of: dt.date) -> float:
    """`t` of METHOD.md: how much of the period has passed, clamped to [0, 1]."""
    share = (as_of - period.start) / (period.end - period.start)
    return min(1.0, max(0.0, share))


def check_ins_until(kr: KeyResult, as_of: dt.date) -> list[CheckIn]:
    """The check-ins that carry a value and are dated on or before `as_of`."""
    return [c for c in kr.check_ins if c.date <= as_of and c.value is not None]


def current_value(kr: KeyResult, as_of: dt.date) -> float | None:
    reported = check_ins_until(kr, as_of)
    return reported[-1].value if reported else None


def progress(kr: KeyResult, as_of: dt.date) -> float | None:
    """Unclamped progress, or None when there is no value yet or nothing to measure against."""
    reported = check_ins_until(kr, as_of)
    if not reported or not is_scorable(kr):
        return None
    if kr.kind is KeyResultKind.MAINTAIN:
        kept = [_keeps_threshold(kr, c.value) for c in reported]
        return sum(kept) / len(kept)
    current = reported[-1].value
    if kr.kind.is_completion:
        return current
    baseline = kr.effective_baseline
    return (current - baseline) / (kr.target - baseline)


def _keeps_threshold(kr: KeyResult, value: float) -> bool:
    return value >= kr.target if kr.side is Side.AT_LEAST else value <= kr.target


def is_scorable(kr: KeyResult) -> bool:
    """False for a placeholder target and for a decrease without a baseline."""
    return not kr.has_placeholder_target and kr.effective_baseline is not None


def score_key_result(kr: KeyResult, as_of: dt.date) -> float | None:
    """`clamp(progress, 0, 1)`; 0.0 while there is no check-in; None when not scorable."""
    if not is_scorable(kr):
        return None
    raw = progress(kr, as_of)
    return 0.0 if raw is None else min(1.0, max(0.0, raw))


def score_history(kr: KeyResult, as_of: dt.date) -> list[float]:
    """The score as it stood after each check-in with a value up to `as_of`, oldest first.

    The same as `score_key_result(kr, c.date)` for each such check-in, in one pass.
    """
    return _score_history(kr, check_ins_until(kr, as_of))


def _score_history(kr: KeyResult, reported: Sequence[CheckIn]) -> list[float]:
    if not is_scorable(kr):
        return []
    scores, kept = [], 0
    baseline = kr.effective_baseline
    for count, check_in in enumerate(reported, start=1):
        value = check_in.value
        if kr.kind is KeyResultKind.MAINTAIN:
            kept += _keeps_threshold(kr, value)
            raw = kept / count
        elif kr.kind.is_completion:
            raw = value
        else:
            raw = (value - baseline) / (kr.target - baseline)
        scores.append(min(1.0, max(0.0, raw)))
    return scores


def shown_score(score: float) -> float:
    """The score as people see it: two decimals, rounded half up (0.725 is 0.73, 0.397 is 0.40), the
    same in the terminal, the team's sheet (Excel's ROUND and "0.00"), the report and the PDF. The
    JSON keeps the full value. Rounded from the decimal a person would read (0.725, not the binary
    0.72499999...), as Excel rounds."""
    return float(Decimal(repr(score)).quantize(_HUNDREDTH, rounding=ROUND_HALF_UP))


def score_text(score: float | None) -> str:
    """`0.73`, or `–` for no score: every printed score goes through here."""
    return "–" if score is None else f"{shown_score(score):.2f}"


_HUNDREDTH = Decimal("0.01")


def grade_score(score: float | None, commitment: Commitment, method: Method) -> Grade | None:
    """Red, yellow or green by METHOD.md's table, of the score as it is shown (0.397 is shown 0.40, and
    graded yellow from 0.40); committed key results are green only at 1.0."""
    if score is None:
        return None
    score = shown_score(score)
    if commitment is Commitment.COMMITTED:
        yellow, green = method.committed_yellow, 1.0
    else:
        yellow, green = method.aspirational_yellow, method.aspirational_green
    if reaches(score, green):
        return Grade.GREEN
    return Grade.YELLOW if reaches(score, yellow) else Grade.RED


def reaches(score: float, threshold: float) -> bool:
    """`score >= threshold`, forgiving float noise (see `TOLERANCE`)."""
    return score >= threshold - TOLERANCE


def key_result_status(kr: KeyResult, *, period: Period, as_of: dt.date, method: Method) -> Status:
    """The pacing status of METHOD.md at `as_of`, paced over `period`."""
    score = score_key_result(kr, as_of)
    if score is None:
        return Status.UNSCORED
    t = elapsed_share(period, as_of)
    if reaches(score, 1.0) and (kr.kind is not KeyResultKind.MAINTAIN or as_of >= period.end):
        return Status.DONE
    if kr.kind.is_completion and as_of > (kr.due or period.end):
        return Status.OVERDUE
    if not check_ins_until(kr, as_of):
        return Status.NOT_STARTED if t < method.not_started_share else Status.AT_RISK
    if kr.kind.is_completion:
        confidence = latest_confidence(kr, as_of)
        return _CONFIDENCE_STATUS.get(confidence, Status.ON_TRACK)
    # A maintain key result is expected to have kept its threshold at every check-in so far.
    expected = 1.0 if kr.kind is KeyResultKind.MAINTAIN else t
    if reaches(score, expected):
        return Status.ON_TRACK
    return Status.BEHIND if reaches(score, method.behind_share * expected) else Status.AT_RISK


def expected_progress(kr: KeyResult, *, period: Period, as_of: dt.date) -> float | None:
    """Where pacing expects a metric by `as_of`: the share of the quarter that has passed, the line its
    status is measured against (`key_result_status`). None for milestones and yes/no results, which are
    paced by the team's confidence, and for maintain, which is kept or not at every check-in."""
    return elapsed_share(period, as_of) if kr.kind.is_metric else None


def latest_confidence(kr: KeyResult, as_of: dt.date) -> Confidence | None:
    said = [c.confidence for c in kr.check_ins if c.date <= as_of and c.confidence is not None]
    return said[-1] if said else None


def is_stale(kr: KeyResult, *, period: Period, as_of: dt.date, method: Method, status: Status) -> bool:
    """No check-in for longer than `method.stale_after`; the period's start counts as the first one.

    Done key results are never stale, and neither are unscored ones (there is nothing to report against).
    """
    if status in (Status.DONE, Status.UNSCORED) or as_of < period.start:
        return False
    reported = check_ins_until(kr, as_of)
    newest = reported[-1].date if reported else period.start
    return as_of - newest > method.stale_after


def confidence_differs(status: Status, confidence: Confidence | None) -> bool:
    """True when the team's confidence and the computed status are two steps apart."""
    if confidence is None or status.step is None:
        return False
    return abs(_CONFIDENCE_STEP[confidence] - status.step) >= 2


def assess_key_result(kr: KeyResult, *, period: Period, as_of: dt.date, method: Method) -> KeyResultAssessment:
    reported = check_ins_until(kr, as_of)
    history = _score_history(kr, reported)
    # The score at as_of is the one after the newest check-in (score_history's contract): not worked out again.
    score = history[-1] if history else (0.0 if is_scorable(kr) else None)
    status = key_result_status(kr, period=period, as_of=as_of, method=method)
    return KeyResultAssessment(
        key_result=kr,
        current=reported[-1].value if reported else None,
        progress=progress(kr, as_of),
        score=score,
        grade=grade_score(score, kr.commitment, method),
        status=status,
        stale=is_stale(kr, period=period, as_of=as_of, method=method, status=status),
        confidence=latest_confidence(kr, as_of),
        last_check_in=reported[-1].date if reported else None,
        history=tuple(history),
    )


def assess_objective(objective: Objective, *, period: Period, as_of: dt.date, method: Method) -> ObjectiveAssessment:
    """Weighted mean of the scored key results; status is the worst among them."""
    krs = tuple(assess_key_result(kr, period=period, as_of=as_of, method=method) for kr in objective.key_results)
    score = weighted_mean((a.score, a.key_result.weight) for a in krs)
    return ObjectiveAssessment(
        objective=objective,
        score=score,
        grade=grade_score(score, Commitment.ASPIRATIONAL, method),
        status=worst_status(a.status for a in krs),
        key_results=krs,
    )


def weighted_mean(pairs: Iterable[tuple[float | None, float]]) -> float | None:
    """Mean of the scores that are not None, by weight; None when nothing carries weight."""
    scored = [(score, weight) for score, weight in pairs if score is not None]
    total = sum(weight for _, weight in scored)
    if total == 0:
        return None
    return sum(score * weight for score, weight in scored) / total


def worst_status(statuses: Iterable[Status]) -> Status:
    """The worst of the statuses; `unscored` when none can be ranked."""
    ranked = [s for s in statuses if s in _RANK]
    return min(ranked, key=_RANK.__getitem__) if ranked else Status.UNSCORED


@dataclass(frozen=True, slots=True, kw_only=True)
class TeamAssessment:
    plan: TeamQuarter
    """The team's plan assessed."""
    score: float | None
    """Weighted mean of the objective scores."""
    grade: Grade | None
    status: Status
    objectives: tuple[ObjectiveAssessment, ...]


def assess_team(plan: TeamQuarter, *, period: Period, as_of: dt.date, method: Method) -> TeamAssessment:
    objectives = tuple(assess_objective(o, period=period, as_of=as_of, method=method) for o in plan.objectives)
    score = weighted_mean((a.score, a.objective.weight) for a in objectives)
    return TeamAssessment(
        plan=plan,
        score=score,
        grade=grade_score(score, Commitment.ASPIRATIONAL, method),
        status=worst_status(a.status for a in objectives),
        objectives=objectives,
    )


class AssessedKeyResult(NamedTuple):
    """A team's key result with what it belongs to and its assessment."""

    plan: TeamQuarter
    objective: Objective
    key_result: KeyResult
    assessment: KeyResultAssessment
    id: str
    """The qualified id: `marketing.O1.2`."""


def each_key_result(teams: Iterable[TeamAssessment]) -> Iterator[AssessedKeyResult]:
    """Every key result of the assessed teams, in plan order: the one walk over teams, objectives and
    key results that every report, document and check uses."""
    for team in teams:
        plan = team.plan
        for objective in team.objectives:
            for assessed in objective.key_results:
                kr = assessed.key_result
                yield AssessedKeyResult(plan, objective.objective, kr, assessed, plan.qualify(kr.id))


@dataclass(frozen=True, slots=True, kw_only=True)
class QuarterAssessment:
    """A strategy and its teams' plans, scored and paced at one date."""

    quarter: Quarter
    period: Period
    as_of: dt.date
    teams: tuple[TeamAssessment, ...]
    """In the order of the plans."""
    strategic: tuple[ObjectiveAssessment, ...]
    """The strategy's own (measured) scores, paced against the year, in the strategy's order."""
    carried: tuple[float | None, ...]
    """Per strategic objective: the mean score of the team objectives aligned to it this quarter."""
    key_results: Mapping[str, KeyResultAssessment]
    """Every key result by qualified id (`S1.1`, `marketing.O1.2`)."""

    def team_key_results(self) -> Iterator[AssessedKeyResult]:
        """Every team key result, in plan order (`each_key_result`)."""
        return each_key_result(self.teams)

    def strategic_objectives(self) -> Iterator[StrategicObjective]:
        """Each strategic objective's measured assessment with its carried score, in the strategy's order."""
        return map(StrategicObjective._make, zip(self.strategic, self.carried, strict=True))


class StrategicObjective(NamedTuple):
    measured: ObjectiveAssessment
    """The strategy's own scores of the objective, paced against the year."""
    carried: float | None
    """The mean score of the team objectives aligned to it this quarter."""


def assess_quarter(
    strategy: Strategy, plans: Sequence[TeamQuarter], *, quarter: Quarter, as_of: dt.date
) -> QuarterAssessment:
    method = strategy.method
    period = quarter.period(strategy.first_month)
    teams = tuple(assess_team(plan, period=period, as_of=as_of, method=method) for plan in plans)
    strategic = tuple(
        assess_objective(o, period=strategy.period, as_of=as_of, method=method) for o in strategy.objectives
    )
    aligned_scores: dict[str, list[float | None]] = {o.id: [] for o in strategy.objectives}
    for team in teams:
        for assessed in team.objectives:
            for target in assessed.objective.aligned_to:
                aligned_scores.get(target, []).append(assessed.score)
    key_results = {item.id: item.assessment for item in each_key_result(teams)}
    for assessed in strategic:
        for kr_assessed in assessed.key_results:
            key_results[kr_assessed.key_result.id] = kr_assessed
    return QuarterAssessment(
        quarter=quarter,
        period=period,
        as_of=as_of,
        teams=teams,
        strategic=strategic,
        carried=tuple(weighted_mean((s, 1.0) for s in aligned_scores[o.id]) for o in strategy.objectives),
        key_results=key_results,
    )
