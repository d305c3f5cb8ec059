"""A quarter's status: the plans, their assessment and gaps, and the public status document.

The status document (`okrxl.status/4`, docs/status-document.md) is okrxl's stable JSON format:
`okrxl demo --json` prints it for the built-in example and `okrxl consolidate --json` for files.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from okrxl.core.alignment import Gap, GapCounts, alignment_shares, find_gaps, gap_counts
from okrxl.core.changes import Change, Seen, find_changes
from okrxl.core.model import Carried, Commitment, Initiative, KeyResult, Quarter, Strategy, TeamQuarter
from okrxl.core.personal import People, review_people
from okrxl.core.scoring import (
    AssessedKeyResult,
    Grade,
    KeyResultAssessment,
    ObjectiveAssessment,
    QuarterAssessment,
    TeamAssessment,
    assess_quarter,
    reaches,
    score_key_result,
    weighted_mean,
)
from okrxl.core.words import Words

SWEET_SPOT = (0.6, 0.7)
"""The average score a well-set quarter of aspirational key results ends in (METHOD.md, grades)."""

SCHEMA = "okrxl.status/4"


class SweetSpot(enum.StrEnum):
    """Where a quarter's average key result score ended against `SWEET_SPOT`."""

    BELOW = "below"
    WITHIN = "within"
    ABOVE = "above"


@dataclass(frozen=True, slots=True, kw_only=True)
class GradeCounts:
    """How many objectives or key results ended in each grade."""

    green: int
    yellow: int
    red: int

    @classmethod
    def of(cls, grades: Iterable[Grade | None]) -> GradeCounts:
        graded = [g for g in grades if g is not None]
        return cls(green=graded.count(Grade.GREEN), yellow=graded.count(Grade.YELLOW), red=graded.count(Grade.RED))

    def __getitem__(self, grade: Grade) -> int:
        return getattr(self, grade.value)


@dataclass(frozen=True, slots=True, kw_only=True)
class ClosingStatistics:
    """A quarter's grading once it is over (METHOD.md, "Grades")."""

    objectives_by_grade: GradeCounts
    key_results_by_grade: GradeCounts
    committed: int
    """Committed key results that could be scored."""
    committed_hit: int
    """Of those, how many reached 1.0."""
    average_score: float | None
    """The mean score of the team key results that could be scored."""
    sweet_spot: SweetSpot | None
    """None when no key result could be scored."""

    @property
    def committed_hit_rate(self) -> float | None:
        return self.committed_hit / self.committed if self.committed else None

    def to_json(self) -> dict[str, Any]:
        """The `close` object of the status document."""
        return {
            "objectives_by_grade": _grade_counts_json(self.objectives_by_grade),
            "key_results_by_grade": _grade_counts_json(self.key_results_by_grade),
            "committed": {"count": self.committed, "hit": self.committed_hit, "hit_rate": self.committed_hit_rate},
            "average_score": self.average_score,
            "sweet_spot": _value(self.sweet_spot),
        }


def _grade_counts_json(counts: GradeCounts) -> dict[str, int]:
    return {str(grade): counts[grade] for grade in (Grade.GREEN, Grade.YELLOW, Grade.RED)}


@dataclass(frozen=True, slots=True, kw_only=True)
class Feeding:
    """A strategic key result and the team key results that feed it."""

    key_result: KeyResult
    """The strategic key result."""
    feeders: tuple[AssessedKeyResult, ...]
    """In plan order."""
    total: float | None
    """The sum of the feeders' current values where every unit is the strategic key result's; else None."""


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
    gap_counts: GapCounts = field(default_factory=lambda: GapCounts(errors=0, warnings=0, infos=0))
    """How many `gaps` there are of each severity."""
    feeding: Mapping[str, Feeding] = field(default_factory=dict)
    """Strategic key result id -> what feeds it, in the strategy's order."""
    close: ClosingStatistics | None = None
    """The quarter's grading, once it is over."""
    people: People | None = None
    """The personal level (METHOD.md, "Personal OKRs"); None when the strategy has it switched off."""

    @property
    def is_closed(self) -> bool:
        """The quarter is over: its last day is before the as-of date."""
        return self.as_of > self.assessment.period.end

    @property
    def quarter(self) -> Quarter:
        return self.assessment.quarter

    @property
    def outside(self) -> Words | None:
        """What to say when the as-of date is not in the quarter, so that zeros are not read as results
        (the page and the terminal say it); None within the quarter."""
        period = self.assessment.period
        if self.as_of < period.start:
            return Words(f"{self.quarter} har inte börjat {self.as_of} (det börjar {period.start}): poängen är inga "
                         f"resultat än; kör okrxl consolidate med --as-of ett datum i kvartalet",
                         f"{self.quarter} has not started on {self.as_of} (it starts {period.start}): the scores are "
                         f"no results yet; run okrxl consolidate with --as-of a date in the quarter")  # fmt: skip
        if self.as_of > period.end:
            return Words(f"{self.quarter} är slut (det slutade {period.end}): detta är dess slutliga poäng",
                         f"{self.quarter} is over (it ended {period.end}): these are its final scores")  # fmt: skip
        return None

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
    seen: Mapping[str, Seen] | None = None,
    personal: Sequence[TeamQuarter] = (),
) -> QuarterStatus:
    """Score, pace and find the gaps of `plans` against `strategy` at `as_of`.

    `extra_gaps` are gaps found outside the plans (a team with no workbook). With `since` (before
    `as_of`), `changes` lists what changed from that date to `as_of`; `seen` is what the report of
    the meeting on `since` showed (`find_changes`). `personal` are people's plans (okrxl.core.personal):
    they never change the teams' scores or gaps. The numbers every output shows
    (gap counts, feeder sums, the closing grades) are computed here, once.
    """
    plans = tuple(plans)
    assessment = assess_quarter(strategy, plans, quarter=quarter, as_of=as_of)
    gaps = tuple(sorted((*find_gaps(strategy, plans, assessment), *extra_gaps), key=lambda g: g.severity.rank))
    aligned_share, coverage = alignment_shares(strategy, plans)
    changes: tuple[Change, ...] = ()
    if since is not None and since < as_of:
        earlier = assess_quarter(strategy, plans, quarter=quarter, as_of=since)
        changes = find_changes(earlier, (*find_gaps(strategy, plans, earlier), *extra_gaps), assessment, gaps,
                               seen=seen)  # fmt: skip
    closed = as_of > assessment.period.end
    return QuarterStatus(
        strategy=strategy,
        plans=plans,
        assessment=assessment,
        gaps=gaps,
        aligned_share=aligned_share,
        coverage=coverage,
        since=since if since is not None and since < as_of else None,
        changes=changes,
        gap_counts=gap_counts(gaps),
        feeding=_feeding(strategy, assessment),
        close=_closing_statistics(assessment) if closed else None,
        people=review_people(strategy, plans, personal, assessment),
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class TrendPoint:
    """A team's score and its objectives' at one check-in date."""

    day: dt.date
    team: float | None
    objectives: tuple[float | None, ...]
    """In plan order."""


def team_trend(strategy: Strategy, plan: TeamQuarter, quarter: Quarter, as_of: dt.date) -> tuple[TrendPoint, ...]:
    """The team's and each objective's score at every scheduled check-in date up to `as_of`, and at `as_of`
    itself when it falls between two: the trend the team page draws and the poster's arrow follows."""
    period = quarter.period(strategy.first_month)
    days = [d for d in quarter.check_in_dates(first_month=strategy.first_month,
                                              cadence_weeks=strategy.method.cadence_weeks) if d <= as_of]  # fmt: skip
    if period.start <= as_of <= period.end and (not days or days[-1] < as_of):
        days.append(as_of)
    points = []
    for day in days:  # the scores alone, as assess_team weighs them: no statuses, no staleness
        scores = tuple(weighted_mean((score_key_result(kr, day), kr.weight) for kr in o.key_results)
                       for o in plan.objectives)  # fmt: skip
        team = weighted_mean(zip(scores, (o.weight for o in plan.objectives), strict=True))
        points.append(TrendPoint(day=day, team=team, objectives=scores))
    return tuple(points)


def closing_statistics(status: QuarterStatus) -> ClosingStatistics | None:
    """The quarter's grading once it is over: grades, the committed hit rate, the average score."""
    return status.close


def _closing_statistics(assessment: QuarterAssessment) -> ClosingStatistics:
    key_results = [item.assessment for item in assessment.team_key_results()]
    committed = [a for a in key_results if a.key_result.commitment is Commitment.COMMITTED and a.score is not None]
    scores = [a.score for a in key_results if a.score is not None]
    average = sum(scores) / len(scores) if scores else None
    low, high = SWEET_SPOT
    return ClosingStatistics(
        objectives_by_grade=GradeCounts.of(o.grade for team in assessment.teams for o in team.objectives),
        key_results_by_grade=GradeCounts.of(a.grade for a in key_results),
        committed=len(committed),
        committed_hit=sum(reaches(a.score, 1.0) for a in committed),
        average_score=average,
        sweet_spot=None if average is None else SweetSpot.BELOW if average < low else SweetSpot.ABOVE
        if average > high else SweetSpot.WITHIN,
    )  # fmt: skip


def _feeding(strategy: Strategy, assessment: QuarterAssessment) -> dict[str, Feeding]:
    fed_by: dict[str, list[AssessedKeyResult]] = {}
    for item in assessment.team_key_results():
        if item.key_result.feeds is not None:
            fed_by.setdefault(item.key_result.feeds, []).append(item)
    feeding = {}
    for objective in strategy.objectives:
        for kr in objective.key_results:
            feeders = tuple(fed_by.get(kr.id, ()))
            feeding[kr.id] = Feeding(key_result=kr, feeders=feeders, total=_fed_total(kr, feeders))
    return feeding


def _fed_total(strategic_kr: KeyResult, feeders: Sequence[AssessedKeyResult]) -> float | None:
    """The sum of what feeds a strategic key result, where the quantity adds up (counts, money: see
    KeyResult.adds_up) and every unit is the strategic key result's; None for rates and percents
    (2.3 % converted plus 21 % online share is no 23.3 %), where each feeder is shown alone."""
    if not feeders or not strategic_kr.adds_up:
        return None
    if any(f.key_result.unit != strategic_kr.unit or not f.key_result.adds_up for f in feeders):
        return None
    return sum(f.assessment.current or 0.0 for f in feeders)


def status_document(status: QuarterStatus) -> dict[str, Any]:
    """The `okrxl.status/4` document: plain JSON types, scores not rounded."""
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
                    **_objective(measured, qualify=str, plan=None),
                    "measured_score": measured.score,
                    "carried_score": carried,
                }
                for measured, carried in assessment.strategic_objectives()
            ],
        },
        "teams": [
            {
                "id": team.plan.team.id,
                "name": team.plan.team.name,
                "lead": team.plan.team.lead,
                "score": team.score,
                "grade": _value(team.grade),
                "status": str(team.status),
                "objectives": [
                    _objective(assessed, qualify=team.plan.qualify, plan=team.plan) for assessed in team.objectives
                ],
                "notes": list(team.plan.notes),
                "initiatives": [_initiative(initiative, team.plan) for initiative in team.plan.initiatives],
            }
            for team in assessment.teams
        ],
        "gaps": [gap.to_json() for gap in status.gaps],
        "alignment": {"aligned_share": status.aligned_share, "coverage": status.coverage},
        "since": status.since.isoformat() if status.since else None,
        "changes": [change.to_json() for change in status.changes],
        "close": status.close.to_json() if status.close else None,
        "people": _people(status.people),
    }


def _people(people: People | None) -> dict[str, Any] | None:
    """The personal level: per team what its people's OKRs carry and who is late, and every person's scores.
    The scores are here whatever the strategy lets the printed pages show (`print_scores`): the document is
    data, as the DataFrame is (METHOD.md, "Personal OKRs")."""
    if people is None:
        return None
    return {
        "print_scores": people.printed,
        "teams": [
            {
                "team": team.team.id,
                "objectives": [f"{team.team.id}.{objective_id}" for objective_id in team.objectives],
                "carried": [f"{team.team.id}.{objective_id}" for objective_id in team.carried],
                "carried_share": team.carried_share,
                "missed_check_in": [person.id for person in team.missed],
                "without_workbook": [person.id for person in team.without_plan],
                "people": [_person(assessed) for assessed in team.plans],
            }
            for team in people.teams
        ],
        "gaps": [gap.to_json() for gap in people.gaps],
    }


def _person(assessed: TeamAssessment) -> dict[str, Any]:
    plan = assessed.plan
    return {
        "id": plan.person.id,
        "name": plan.person.name,
        "score": assessed.score,
        "grade": _value(assessed.grade),
        "status": str(assessed.status),
        "objectives": [_objective(objective, qualify=plan.qualify, plan=plan) for objective in assessed.objectives],
    }


def _objective(assessed: ObjectiveAssessment, *, qualify, plan: TeamQuarter | None) -> dict[str, Any]:
    """A strategic objective (`plan` None) or a team's."""
    objective = assessed.objective
    return {
        "id": qualify(objective.id),
        "title": objective.title,
        "owner": objective.owner,
        "weight": float(objective.weight),
        "aligned_to": [target if plan is None else plan.qualify_link(target) for target in objective.aligned_to],
        "carried_from": _carried(objective.carried),
        "score": assessed.score,
        "grade": _value(assessed.grade),
        "status": str(assessed.status),
        "key_results": [_key_result(kr_assessed, qualify=qualify, plan=plan) for kr_assessed in assessed.key_results],
    }


def _key_result(assessed: KeyResultAssessment, *, qualify, plan: TeamQuarter | None) -> dict[str, Any]:
    kr = assessed.key_result
    initiatives = () if plan is None else plan.initiatives_of(kr.id)
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
        "feeds": kr.feeds if kr.feeds is None or plan is None else plan.qualify_link(kr.feeds),
        "depends_on": [d.key_result_id for d in kr.depends_on],
        "score": assessed.score,
        "progress": assessed.progress,
        "grade": _value(assessed.grade),
        "status": str(assessed.status),
        "stale": assessed.stale,
        "confidence": _value(assessed.confidence),
        "carried_from": _carried(kr.carried),
        "initiatives": [qualify(initiative.id) for initiative in initiatives],
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


def _initiative(initiative: Initiative, plan: TeamQuarter) -> dict[str, Any]:
    return {
        "id": plan.qualify(initiative.id),
        "title": initiative.title,
        "owner": initiative.owner,
        "serves": [plan.qualify(kr_id) for kr_id in initiative.serves],
        "state": str(initiative.state),
        "due": initiative.due.isoformat() if initiative.due else None,
        "note": initiative.note,
        "carried_from": _carried(initiative.carried),
    }


def _carried(carried: Carried | None) -> dict[str, Any] | None:
    if carried is None:
        return None
    return {"quarter": str(carried.quarter), "id": carried.id, "score": carried.score}


def _float(number: float | None) -> float | None:
    return None if number is None else float(number)


def _value(member) -> str | None:
    return None if member is None else str(member)
