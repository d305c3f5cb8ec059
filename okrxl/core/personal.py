"""Personal OKRs, the optional third level (METHOD.md, "Personal OKRs"). Pure.

A person's plan is a TeamQuarter with its `person` set; its objectives align to the team's objectives
(`O1`) and it is scored, paced and graded like a team's. It never changes a team's score: the people are
assessed apart from the teams, and what the report shows of them per team is worked out here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from okrxl.core.alignment import Gap, latest_scheduled_check_in, missed_check_in, personal_gaps
from okrxl.core.model import Person, Strategy, Team, TeamQuarter
from okrxl.core.scoring import QuarterAssessment, TeamAssessment, assess_team, each_key_result


@dataclass(frozen=True, slots=True, kw_only=True)
class TeamPeople:
    """One team's personal level: who is listed, whose plans were read, what they carry and who is late."""

    team: Team
    listed: tuple[Person, ...]
    """The team's people in the strategy's People sheet."""
    plans: tuple[TeamAssessment, ...]
    """The people's plans assessed: the listed people's in the strategy's order, then any other."""
    objectives: tuple[str, ...]
    """The ids of the team's own objectives (none when the team's plan was not read)."""
    carried: tuple[str, ...]
    """Those of `objectives` that at least one personal objective is aligned to, in the team's order."""
    missed: tuple[Person, ...]
    """People who have not checked in: their plan has a key result without a value at the latest scheduled
    check-in, or no key result at all (nothing written yet). Nobody before the quarter's first check-in."""
    without_plan: tuple[Person, ...]
    """Listed people whose workbook was not read."""

    @property
    def carried_share(self) -> float | None:
        """The share of the team's objectives carried by personal objectives; None without objectives."""
        return len(self.carried) / len(self.objectives) if self.objectives else None


@dataclass(frozen=True, slots=True, kw_only=True)
class People:
    """The personal level of a quarter at one date."""

    assessment: QuarterAssessment
    """The people's plans scored and paced (`assessment.teams` are the people's plans)."""
    teams: tuple[TeamPeople, ...]
    """Every team with at least one personal plan read, in the strategy's order: a team whose people have
    not started (or a quarter before the level was tried) shows nothing."""
    gaps: tuple[Gap, ...]
    """The gaps of the people's plans (okrxl.core.alignment.personal_gaps), most severe first."""
    printed: bool
    """Whether a person's own scores may be printed on the report's pages (the strategy's setting)."""

    def of(self, team_id: str) -> TeamPeople | None:
        return next((t for t in self.teams if t.team.id == team_id), None)


def assess_people(strategy: Strategy, plans: Sequence[TeamQuarter], teams: QuarterAssessment) -> QuarterAssessment:
    """The people's plans scored and paced like the teams' at the same date; its `key_results` hold the teams'
    too (a person's key result may depend on a team's). The strategic scores are the teams' own."""
    assessed = tuple(
        assess_team(plan, period=teams.period, as_of=teams.as_of, method=strategy.method) for plan in plans
    )
    key_results = dict(teams.key_results) | {item.id: item.assessment for item in each_key_result(assessed)}
    return dataclasses.replace(teams, teams=assessed, key_results=key_results)


def review_people(
    strategy: Strategy,
    team_plans: Sequence[TeamQuarter],
    personal_plans: Sequence[TeamQuarter],
    teams: QuarterAssessment,
) -> People | None:
    """The personal level of the quarter `teams` assessed; None when the strategy has it switched off."""
    if not strategy.method.personal_okrs:
        return None
    assessment = assess_people(strategy, personal_plans, teams)
    scheduled = latest_scheduled_check_in(strategy, teams.quarter, teams.as_of)
    plans_of = {plan.team.id: plan for plan in team_plans}
    result = []
    for team in strategy.teams:
        listed = strategy.people_of(team.id)
        order = {person.id: index for index, person in enumerate(listed)}
        mine = sorted((a for a in assessment.teams if a.plan.team.id == team.id),
                      key=lambda a: order.get(a.plan.person.id, len(order)))  # fmt: skip
        if not mine:
            continue
        team_plan = plans_of.get(team.id)
        objectives = tuple(o.id for o in team_plan.objectives) if team_plan else ()
        aligned = {target for a in mine for o in a.plan.objectives for target in o.aligned_to}
        missed = tuple(a.plan.person for a in mine if _missed(a, scheduled))
        read = {a.plan.person.id for a in mine}
        result.append(
            TeamPeople(
                team=team,
                listed=listed,
                plans=tuple(mine),
                objectives=objectives,
                carried=tuple(o for o in objectives if o in aligned),
                missed=missed,
                without_plan=tuple(p for p in listed if p.id not in read),
            )
        )
    return People(
        assessment=assessment,
        teams=tuple(result),
        gaps=personal_gaps(strategy, team_plans, personal_plans, assessment),
        printed=strategy.method.print_personal_scores,
    )


def _missed(assessed: TeamAssessment, scheduled: dt.date | None) -> bool:
    key_results = [kr for objective in assessed.objectives for kr in objective.key_results]
    if scheduled is None:
        return False
    return not key_results or any(missed_check_in(kr, scheduled) for kr in key_results)
