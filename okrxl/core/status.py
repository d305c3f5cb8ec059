"""A quarter's status: the plans, their assessment and gaps, and the public status document.

The status document (`okrxl.status/1`, docs/status-document.md) is okrxl's stable JSON format:
`okrxl demo --json` prints it for the built-in example and `okrxl consolidate --json` for files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from okrxl.core.alignment import Gap, alignment_shares, find_gaps
from okrxl.core.changes import Change, find_changes
from okrxl.core.model import Carried, Commitment, KeyResult, Objective, Quarter, Strategy, TeamQuarter
from okrxl.core.scoring import (
    Grade,
    KeyResultAssessment,
    ObjectiveAssessment,
    QuarterAssessment,
    assess_quarter,
    reaches,
)

SWEET_SPOT = (0.6, 0.7)
"""The average score a well-set quarter of aspirational key results ends in (METHOD.md, grades)."""

SCHEMA = "okrxl.status/1"


@dataclass(frozen=True, slots=True, kw_only=True)
class QuarterStatus:
    """Everything okrxl knows about a quarter at one date."""

    strategy: Strategy
    plans: tuple[TeamQuarter, ...]
    assessment: QuarterAssessment
    gaps: tuple[Gap, ...]
    """Most severe first."""
    aligned_share: float | None
    coverage: float | None
    since: dt.date | None = None
    """The date `changes` compare with (the last meeting's check-in)."""
    changes: tuple[Change, ...] = ()

    @property
    def is_closed(self) -> bool:
        """The quarter is over: its last day is before the as-of date."""
        return self.as_of > self.assessment.period.end

    @property
    def quarter(self) -> Quarter:
        return self.assessment.quarter

    @property
    def as_of(self) -> dt.date:
        return self.assessment.as_of


def review_quarter(
    strategy: Strategy,
    plans: Sequence[TeamQuarter],
    *,
    quarter: Quarter,
    as_of: dt.date,
    extra_gaps: Sequence[Gap] = (),
    since: dt.date | None = None,
) -> QuarterStatus:
    """Score, pace and find the gaps of `plans` against `strategy` at `as_of`.

    `extra_gaps` are gaps found outside the plans (a team with no workbook). With `since` (before
    `as_of`), `changes` lists what changed from that date to `as_of`.
    """
    plans = tuple(plans)
    assessment = assess_quarter(strategy, plans, quarter=quarter, as_of=as_of)
    gaps = tuple(sorted((*find_gaps(strategy, plans, assessment), *extra_gaps), key=lambda g: g.severity.rank))
    aligned_share, coverage = alignment_shares(strategy, plans)
    changes: tuple[Change, ...] = ()
    if since is not None and since < as_of:
        earlier = assess_quarter(strategy, plans, quarter=quarter, as_of=since)
        changes = find_changes(plans, earlier, (*find_gaps(strategy, plans, earlier), *extra_gaps), assessment, gaps)
    return QuarterStatus(
        strategy=strategy,
        plans=plans,
        assessment=assessment,
        gaps=gaps,
        aligned_share=aligned_share,
        coverage=coverage,
        since=since if since is not None and since < as_of else None,
        changes=changes,
    )


def closing_statistics(status: QuarterStatus) -> dict[str, Any] | None:
    """The quarter's grading once it is over: grades, the committed hit rate, the average score."""
    if not status.is_closed:
        return None
    objectives = [o for team in status.assessment.teams for o in team.objectives]
    pairs = [
        (kr, assessed)
        for plan, team in zip(status.plans, status.assessment.teams)
        for objective, objective_assessed in zip(plan.objectives, team.objectives)
        for kr, assessed in zip(objective.key_results, objective_assessed.key_results)
    ]
    committed = [a for kr, a in pairs if kr.commitment is Commitment.COMMITTED and a.score is not None]
    scores = [a.score for _, a in pairs if a.score is not None]
    average = sum(scores) / len(scores) if scores else None
    low, high = SWEET_SPOT
    return {
        "objectives_by_grade": _by_grade(o.grade for o in objectives),
        "key_results_by_grade": _by_grade(a.grade for _, a in pairs),
        "committed": {
            "count": len(committed),
            "hit": sum(reaches(a.score, 1.0) for a in committed),
            "hit_rate": sum(reaches(a.score, 1.0) for a in committed) / len(committed) if committed else None,
        },
        "average_score": average,
        "sweet_spot": None if average is None else "below" if average < low else "above" if average > high
        else "within",
    }  # fmt: skip


def _by_grade(grades) -> dict[str, int]:
    counts = {str(grade): 0 for grade in (Grade.GREEN, Grade.YELLOW, Grade.RED)}
    for grade in grades:
        if grade is not None:
            counts[str(grade)] += 1
    return counts


def status_document(status: QuarterStatus) -> dict[str, Any]:
    """The `okrxl.status/1` document: plain JSON types, scores not rounded."""
    strategy, assessment = status.strategy, status.assessment
    return {
        "schema": SCHEMA,
        "company": strategy.company,
        "year": strategy.year,
        "quarter": str(status.quarter),
        "period": {"start": assessment.period.start.isoformat(), "end": assessment.period.end.isoformat()},
        "as_of": status.as_of.isoformat(),
        "strategy": {
            "vision": strategy.vision,
            "mission": strategy.mission,
            "objectives": [
                {
                    **_objective(objective, measured, qualify=str),
                    "measured_score": measured.score,
                    "carried_score": carried,
                }
                for objective, measured, carried in zip(strategy.objectives, assessment.strategic, assessment.carried)
            ],
        },
        "teams": [
            {
                "id": plan.team.id,
                "name": plan.team.name,
                "lead": plan.team.lead,
                "score": team.score,
                "grade": _value(team.grade),
                "status": str(team.status),
                "objectives": [
                    _objective(objective, assessed, qualify=plan.qualify)
                    for objective, assessed in zip(plan.objectives, team.objectives)
                ],
                "notes": list(plan.notes),
            }
            for plan, team in zip(status.plans, assessment.teams)
        ],
        "gaps": [gap.to_json() for gap in status.gaps],
        "alignment": {"aligned_share": status.aligned_share, "coverage": status.coverage},
        "since": status.since.isoformat() if status.since else None,
        "changes": [
            {"kind": str(c.kind), "where": c.where, "before": c.before, "after": c.after, "message": c.message}
            for c in status.changes
        ],
        "close": closing_statistics(status),
    }


def _objective(objective: Objective, assessed: ObjectiveAssessment, *, qualify) -> dict[str, Any]:
    return {
        "id": qualify(objective.id),
        "title": objective.title,
        "owner": objective.owner,
        "weight": float(objective.weight),
        "aligned_to": list(objective.aligned_to),
        "carried_from": _carried(objective.carried),
        "score": assessed.score,
        "grade": _value(assessed.grade),
        "status": str(assessed.status),
        "key_results": [
            _key_result(kr, kr_assessed, qualify=qualify)
            for kr, kr_assessed in zip(objective.key_results, assessed.key_results)
        ],
    }


def _key_result(kr: KeyResult, assessed: KeyResultAssessment, *, qualify) -> dict[str, Any]:
    return {
        "id": qualify(kr.id),
        "title": kr.title,
        "kind": str(kr.kind),
        "commitment": str(kr.commitment),
        "unit": kr.unit,
        "baseline": _float(kr.baseline),
        "target": _float(kr.target),
        "current": _float(assessed.current),
        "due": kr.due.isoformat() if kr.due else None,
        "weight": float(kr.weight),
        "owner": kr.owner,
        "feeds": kr.feeds,
        "depends_on": [d.key_result_id for d in kr.depends_on],
        "score": assessed.score,
        "progress": assessed.progress,
        "grade": _value(assessed.grade),
        "status": str(assessed.status),
        "stale": assessed.stale,
        "confidence": _value(assessed.confidence),
        "carried_from": _carried(kr.carried),
        "check_ins": [
            {
                "date": c.date.isoformat(),
                "value": _float(c.value),
                "confidence": _value(c.confidence),
                "note": c.note,
            }
            for c in kr.check_ins
        ],
    }


def _carried(carried: Carried | None) -> dict[str, Any] | None:
    if carried is None:
        return None
    return {"quarter": str(carried.quarter), "id": carried.id, "score": carried.score}


def _float(number: float | None) -> float | None:
    return None if number is None else float(number)


def _value(member) -> str | None:
    return None if member is None else str(member)


def feeders(status: QuarterStatus, strategic_kr: KeyResult) -> list[tuple[str, KeyResult, KeyResultAssessment]]:
    """The team key results that feed `strategic_kr`: (qualified id, key result, its assessment)."""
    return [
        (plan.qualify(kr.id), kr, status.assessment.key_results[plan.qualify(kr.id)])
        for plan in status.plans
        for objective in plan.objectives
        for kr in objective.key_results
        if kr.feeds == strategic_kr.id
    ]


def fed_total(strategic_kr: KeyResult, fed_by: Sequence[tuple[str, KeyResult, KeyResultAssessment]]) -> float | None:
    """The sum of the feeders' current values where every unit is the strategic key result's; else None."""
    if not fed_by or any(kr.unit != strategic_kr.unit or kr.kind.is_completion for _, kr, _ in fed_by):
        return None
    return sum(assessed.current or 0.0 for _, _, assessed in fed_by)
