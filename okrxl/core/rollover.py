"""Next quarter's plan from this quarter's, by METHOD.md's "Quarter rollover". Pure: no files.

What is not done is carried over, marked with last quarter's id and final score; the new baseline
of a metric is its last value; check-ins start empty; what is done is left out (the workbook lists
it on its "last quarter" sheet).
"""

from __future__ import annotations

import dataclasses

from okrxl.core.model import Carried, KeyResult, Objective, Period, Quarter, TeamQuarter
from okrxl.core.scoring import ObjectiveAssessment, Status, TeamAssessment


def roll_over(plan: TeamQuarter, assessment: TeamAssessment, *, to: Quarter, first_month: int = 1) -> TeamQuarter:
    """The plan for quarter `to`: objectives with key results not done, those key results carried over.

    `assessment` is the plan's assessment at the end of its quarter (its final scores); `first_month`
    the strategic year's first month, which places `to` in the calendar.
    """
    objectives = []
    for assessed in assessment.objectives:
        carried = _carry_objective(assessed, plan.quarter, to.period(first_month))
        if carried is not None:
            objectives.append(carried)
    return TeamQuarter(team=plan.team, quarter=to, objectives=tuple(objectives))


def _carry_objective(assessed: ObjectiveAssessment, quarter: Quarter, new_period: Period) -> Objective | None:
    key_results = tuple(
        _carry_key_result(kr_assessed.key_result, kr_assessed.score, kr_assessed.current, quarter, new_period)
        for kr_assessed in assessed.key_results
        if kr_assessed.status is not Status.DONE
    )
    if not key_results:
        return None
    objective = assessed.objective
    return dataclasses.replace(
        objective,
        key_results=key_results,
        carried=Carried(quarter=quarter, id=objective.id, score=assessed.score),
    )


def _carry_key_result(
    kr: KeyResult, score: float | None, current: float | None, quarter: Quarter, new_period: Period
) -> KeyResult:
    baseline = kr.baseline
    if kr.kind.is_metric and current is not None:
        baseline = current  # the new baseline of a metric is its last value
    return dataclasses.replace(
        kr,
        baseline=baseline,
        # A due date outside the new quarter has passed (or was a date typed without a year, which took
        # the clock's year): the team sets a new one, and the new workbook does not start with a warning.
        due=kr.due if kr.due is not None and new_period.start <= kr.due <= new_period.end else None,
        check_ins=(),
        miss_reason=None,
        depends_on=tuple(dataclasses.replace(d, needed_by=None) for d in kr.depends_on),
        carried=Carried(quarter=quarter, id=kr.id, score=score),
    )
