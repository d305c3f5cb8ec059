"""Next quarter's plan from this quarter's, by METHOD.md's "Quarter rollover". Pure: no files.

What is not done is carried over, marked with last quarter's id and final score; the new baseline
of a metric is its last value; check-ins start empty; what is done is left out (the workbook lists
it on its "last quarter" sheet). Open initiatives (planned, in progress) go with the key results they
serve that are carried over; done and dropped ones stay behind.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Collection

from okrxl.core.model import Carried, Initiative, KeyResult, Objective, Period, Quarter, TeamQuarter
from okrxl.core.scoring import ObjectiveAssessment, Status, TeamAssessment


def roll_over(
    plan: TeamQuarter,
    assessment: TeamAssessment,
    *,
    to: Quarter,
    first_month: int = 1,
    team_objectives: Collection[str] = (),
) -> TeamQuarter:
    """The plan for quarter `to`: objectives with key results not done, those key results carried over, and
    the open initiatives that serve at least one of them.

    `assessment` is the plan's assessment at the end of its quarter (its final scores); `first_month`
    the strategic year's first month, which places `to` in the calendar. A person's plan stays theirs; its
    objectives keep only the alignments to `team_objectives`, the ids of the team's objectives in `to`
    (its rolled-over plan's): last quarter's `O2` may not be this quarter's.
    """
    new_period = to.period(first_month)
    objectives = []
    for assessed in assessment.objectives:
        carried = _carry_objective(assessed, plan.quarter, new_period)
        if carried is not None:
            objectives.append(carried)
    carried_krs = {kr.id for o in objectives for kr in o.key_results}
    initiatives = tuple(
        _carry_initiative(i, carried_krs, plan.quarter, new_period)
        for i in plan.initiatives
        if i.state.is_open and carried_krs.intersection(i.serves)
    )
    if plan.person is not None:
        objectives = [
            dataclasses.replace(o, aligned_to=tuple(t for t in o.aligned_to if t in team_objectives))
            for o in objectives
        ]
    return TeamQuarter(team=plan.team, quarter=to, objectives=tuple(objectives), initiatives=initiatives,
                       person=plan.person)  # fmt: skip


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


def _carry_initiative(initiative: Initiative, carried_krs: set[str], quarter: Quarter, period: Period) -> Initiative:
    """An open initiative, serving only the key results carried with it; its due date kept only within the new
    quarter, as a key result's."""
    return dataclasses.replace(
        initiative,
        serves=tuple(kr_id for kr_id in initiative.serves if kr_id in carried_krs),
        due=_due_within(initiative.due, period),
        carried=Carried(quarter=quarter, id=initiative.id),
    )


def _due_within(due: dt.date | None, new_period: Period) -> dt.date | None:
    """`due` when it lies in the new quarter; otherwise None. A due date outside it has passed (or was a date
    typed without a year, which took the clock's year): the team sets a new one, and the new workbook does not
    start with a warning."""
    return due if due is not None and new_period.start <= due <= new_period.end else None


def _carry_key_result(
    kr: KeyResult, score: float | None, current: float | None, quarter: Quarter, new_period: Period
) -> KeyResult:
    baseline = kr.baseline
    if kr.kind.is_metric and current is not None:
        baseline = current  # the new baseline of a metric is its last value
    return dataclasses.replace(
        kr,
        baseline=baseline,
        due=_due_within(kr.due, new_period),
        check_ins=(),
        miss_reason=None,
        depends_on=tuple(dataclasses.replace(d, needed_by=None) for d in kr.depends_on),
        carried=Carried(quarter=quarter, id=kr.id, score=score),
    )
