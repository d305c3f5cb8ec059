"""A quarter's status: the plans, their assessment and gaps, and the public status document.

The status document (`okrxl.status/1`, docs/status-document.md) is okrxl's stable JSON format:
`okrxl demo --json` prints it for the built-in example and `okrxl consolidate --json` for files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from okrxl.alignment import Gap, alignment_shares, find_gaps
from okrxl.model import KeyResult, Objective, Quarter, Strategy, TeamQuarter
from okrxl.scoring import KeyResultAssessment, ObjectiveAssessment, QuarterAssessment, assess_quarter

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
) -> QuarterStatus:
    """Score, pace and find the gaps of `plans` against `strategy` at `as_of`.

    `extra_gaps` are gaps found outside the plans (a team with no workbook).
    """
    plans = tuple(plans)
    assessment = assess_quarter(strategy, plans, quarter=quarter, as_of=as_of)
    gaps = sorted((*find_gaps(strategy, plans, assessment), *extra_gaps), key=lambda g: g.severity.rank)
    aligned_share, coverage = alignment_shares(strategy, plans)
    return QuarterStatus(
        strategy=strategy,
        plans=plans,
        assessment=assessment,
        gaps=tuple(gaps),
        aligned_share=aligned_share,
        coverage=coverage,
    )


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
            }
            for plan, team in zip(status.plans, assessment.teams)
        ],
        "gaps": [
            {"code": str(gap.code), "severity": str(gap.severity), "where": gap.where, "message": gap.message}
            for gap in status.gaps
        ],
        "alignment": {"aligned_share": status.aligned_share, "coverage": status.coverage},
    }


def _objective(objective: Objective, assessed: ObjectiveAssessment, *, qualify) -> dict[str, Any]:
    return {
        "id": qualify(objective.id),
        "title": objective.title,
        "owner": objective.owner,
        "weight": float(objective.weight),
        "aligned_to": list(objective.aligned_to),
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


def _float(number: float | None) -> float | None:
    return None if number is None else float(number)


def _value(member) -> str | None:
    return None if member is None else str(member)
