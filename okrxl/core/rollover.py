"""Next quarter's plan from this quarter's, by METHOD.md's "Quarter rollover". Pure: no files.

What is not done is carried over, marked with last quarter's id and final score; the new baseline
of a metric is its last value; check-ins start empty; what is done is left out (the workbook lists
it on its "last quarter" sheet).
"""

from __future__ import annotations

import dataclasses

from okrxl.core.model import Carried, KeyResult, KeyResultKind, Objective, Quarter, TeamQuarter
from okrxl.core.scoring import ObjectiveAssessment, Status, TeamAssessment


def roll_over(plan: TeamQuarter, assessment: TeamAssessment, *, to: Quarter) -> TeamQuarter:
    """The plan for quarter `to`: objectives with key results not done, those key results carried over.

    `assessment` is the plan's assessment at the end of its quarter (its final scores).
    """
    objectives = []
    for assessed in assessment.objectives:
        carried = _carry_objective(assessed, plan.quarter)
        if carried is not None:
            objectives.append(carried)
    return TeamQuarter(team=plan.team, quarter=to, objectives=tuple(objectives))


def _carry_objective(assessed: ObjectiveAssessment, quarter: Quarter) -> Objective | None:
    key_results = tuple(
        _carry_key_result(kr_assessed.key_result, kr_assessed.score, kr_assessed.current, quarter)
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


def _carry_key_result(kr: KeyResult, score: float | None, current: float | None, quarter: Quarter) -> KeyResult:
    baseline = kr.baseline
    if kr.kind.is_metric and current is not None:
        baseline = current  # the new baseline of a metric is its last value
    return dataclasses.replace(
        kr,
        baseline=baseline,
        # A carried milestone needs a new date from the team; the old one has passed.
        due=None if kr.kind is KeyResultKind.MILESTONE else kr.due,
        check_ins=(),
        miss_reason=None,
        depends_on=tuple(dataclasses.replace(d, needed_by=None) for d in kr.depends_on),
        carried=Carried(quarter=quarter, id=kr.id, score=score),
    )
