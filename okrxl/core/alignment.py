"""Gaps between the teams' plans and the strategy, each with a stable code (METHOD.md, "Gaps").

Pure: takes the model and its assessment, returns gaps. `missing-team` needs to know which
files exist, so the readers add it.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from okrxl.core.model import (
    INITIATIVE_STATE_WORDS,
    Commitment,
    Initiative,
    KeyResult,
    KeyResultKind,
    Objective,
    Quarter,
    Strategy,
    TeamQuarter,
    plan_of,
)
from okrxl.core.problems import Severity
from okrxl.core.scoring import (
    CONFIDENCE_WORDS,
    STATUS_WORDS,
    KeyResultAssessment,
    QuarterAssessment,
    Status,
    confidence_differs,
    reaches,
    shown_score,
)
from okrxl.core.words import Words, counted, decimal

CHECK_INS = "check_ins"
"""The field of a check-in cell: `check_ins:2027-02-15` is the check-in of that date, `check_ins` the first
(layout.CHECK_INS, which this pure module does not import)."""


class GapCode(enum.StrEnum):
    ORPHAN_OBJECTIVE = "orphan-objective"
    UNKNOWN_LINK = "unknown-link"
    UNCOVERED_STRATEGY = "uncovered-strategy"
    UNFED_KEY_RESULT = "unfed-key-result"
    PLACEHOLDER_TARGET = "placeholder-target"
    MISSING_BASELINE = "missing-baseline"
    MISSING_OWNER = "missing-owner"
    TOO_MANY_OBJECTIVES = "too-many-objectives"
    KEY_RESULT_COUNT = "key-result-count"
    ACTIVITY_NOT_RESULT = "activity-not-result"
    DUE_OUTSIDE_QUARTER = "due-outside-quarter"
    DEPENDENCY_LATE = "dependency-late"
    STALE_CHECKIN = "stale-checkin"
    CONFIDENCE_MISMATCH = "confidence-mismatch"
    COMMITTED_MISSED = "committed-missed"
    TOO_SAFE = "too-safe"
    MISSING_TEAM = "missing-team"
    MISSED_CHECKIN = "missed-checkin"
    MISSING_DUE_DATE = "missing-due-date"
    INITIATIVE_UNLINKED = "initiative-unlinked"
    NO_INITIATIVE = "no-initiative"
    INITIATIVE_LATE = "initiative-late"

    @property
    def severity(self) -> Severity:
        return _SEVERITY[self]


_SEVERITY = {
    GapCode.ORPHAN_OBJECTIVE: Severity.WARNING,
    GapCode.UNKNOWN_LINK: Severity.ERROR,
    GapCode.UNCOVERED_STRATEGY: Severity.WARNING,
    GapCode.UNFED_KEY_RESULT: Severity.INFO,
    GapCode.PLACEHOLDER_TARGET: Severity.WARNING,
    GapCode.MISSING_BASELINE: Severity.ERROR,
    GapCode.MISSING_OWNER: Severity.WARNING,
    GapCode.TOO_MANY_OBJECTIVES: Severity.WARNING,
    GapCode.KEY_RESULT_COUNT: Severity.WARNING,
    GapCode.ACTIVITY_NOT_RESULT: Severity.INFO,
    GapCode.DUE_OUTSIDE_QUARTER: Severity.WARNING,
    GapCode.DEPENDENCY_LATE: Severity.WARNING,
    GapCode.STALE_CHECKIN: Severity.WARNING,
    GapCode.CONFIDENCE_MISMATCH: Severity.INFO,
    GapCode.COMMITTED_MISSED: Severity.WARNING,
    GapCode.TOO_SAFE: Severity.INFO,
    GapCode.MISSING_TEAM: Severity.WARNING,
    GapCode.MISSED_CHECKIN: Severity.INFO,
    GapCode.MISSING_DUE_DATE: Severity.INFO,
    GapCode.INITIATIVE_UNLINKED: Severity.WARNING,
    GapCode.NO_INITIATIVE: Severity.INFO,
    GapCode.INITIATIVE_LATE: Severity.WARNING,
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Gap:
    code: GapCode
    where: str
    """The qualified id of what the gap is about: `S2.2`, `marketing.O1`, `sales`, `sales.I1` (an initiative)."""
    text: Words
    """What a person reads, in both languages (`gap.text(lang)`)."""
    field: str | None = None
    """The column key of the cell that holds (or lacks) what the gap is about: `owner`, `target`,
    `check_ins:2027-02-15`, `check_ins` (the first check-in)...; None for the id cell or no cell."""
    linked_id: str | None = None
    """For `unknown-link`: the id that does not exist, so that a reader can find the cell naming it."""

    @property
    def severity(self) -> Severity:
        return self.code.severity

    @property
    def message(self) -> str:
        """The text in English: what the JSON documents carry."""
        return self.text.en

    def to_json(self) -> dict[str, str]:
        """The gap in okrxl's JSON documents (okrxl.status/4, okrxl.check/1)."""
        return {"code": str(self.code), "severity": str(self.severity), "where": self.where, "message": self.message}


# Words a key result starts with when it describes work rather than a result, in both languages.
ACTIVITY_VERBS = frozenset(
    [
        "write",
        "hold",
        "send",
        "organise",
        "organize",
        "arrange",
        "conduct",
        "attend",
        "call",
        "meet",
        "visit",
        "publish",
        "skriv",
        "skriva",
        "håll",
        "hålla",
        "skicka",
        "ordna",
        "anordna",
        "genomför",
        "genomföra",
        "delta",
        "ring",
        "ringa",
        "träffa",
        "besök",
        "besöka",
        "publicera",
    ]
)


@dataclass(frozen=True, slots=True)
class _Index:
    """What every plan's gaps are judged against, built once (a company may have a thousand teams)."""

    strategic_ids: list[str]
    strategic_kr_ids: list[str]
    team_krs: dict[str, KeyResult]
    """Every team key result by qualified id."""
    team_kr_ids: dict[str, list[str]]
    """The qualified key result ids of each team whose plan is here."""
    unjudged_teams: set[str]
    """Teams of the strategy without a plan here: a dependency on them cannot be judged."""
    unread: set[str]
    """Qualified ids of rows the teams wrote that could not be read: a dependency on one is not judged."""

    @classmethod
    def of(cls, strategy: Strategy, plans: Sequence[TeamQuarter]) -> _Index:
        team_krs = {p.qualify(kr.id): kr for p in plans for o in p.objectives for kr in o.key_results}
        by_team: dict[str, list[str]] = {p.team.id: [] for p in plans}
        for qualified in team_krs:
            by_team[qualified.split(".", 1)[0]].append(qualified)
        return cls(
            strategic_ids=[o.id for o in strategy.objectives],
            strategic_kr_ids=[kr.id for o in strategy.objectives for kr in o.key_results],
            team_krs=team_krs,
            team_kr_ids=by_team,
            unjudged_teams={t.id for t in strategy.teams} - set(by_team),
            unread={p.qualify(local_id) for p in plans for local_id in p.unread},
        )


def find_gaps(strategy: Strategy, plans: Sequence[TeamQuarter], assessment: QuarterAssessment) -> tuple[Gap, ...]:
    """Every gap of METHOD.md that the plans themselves show, most severe first, then in plan order."""
    index = _Index.of(strategy, plans)
    gaps = [
        *_strategy_gaps(strategy, plans),
        *(gap for plan in plans for gap in _plan_gaps(strategy, plan, index, assessment)),
    ]
    return tuple(sorted(gaps, key=lambda g: g.severity.rank))


def link_gaps(strategy: Strategy, plans: Sequence[TeamQuarter]) -> tuple[Gap, ...]:
    """The error gaps of the plans that need no scores: links to ids that do not exist, and a decrease
    without a baseline. They are the same at any date, so `okrxl check` shows them at their cells."""
    index = _Index.of(strategy, plans)
    return tuple(
        gap
        for plan in plans
        for gap in _plan_gaps(strategy, plan, index, assessment=None)
        if gap.severity is Severity.ERROR
    )


PRIVATE_GAPS = frozenset({GapCode.MISSING_OWNER, GapCode.COMMITTED_MISSED, GapCode.TOO_SAFE,
                          GapCode.CONFIDENCE_MISMATCH, GapCode.NO_INITIATIVE})  # fmt: skip
"""Gaps a person's plan does not have: an owner (the person is one), and the gaps that tell a score or a
status (a committed key result missed, one behind without an initiative...): a person's scores are printed
only where the strategy allows it, and gaps are printed."""


def personal_gaps(
    strategy: Strategy,
    team_plans: Sequence[TeamQuarter],
    personal_plans: Sequence[TeamQuarter],
    assessment: QuarterAssessment | None,
) -> tuple[Gap, ...]:
    """The gaps of people's plans, most severe first: judged against their team's plan as a team's are
    against the strategy (METHOD.md, "Personal OKRs"), without PRIVATE_GAPS. `assessment` holds the people's
    key results beside the teams' (okrxl.core.personal.assess_people); None gives the gaps that need no
    scores (the errors that `okrxl check` shows at their cells among them)."""
    index = _Index.of(strategy, team_plans)
    teams = {plan.team.id: plan for plan in team_plans}
    gaps = [
        gap
        for plan in personal_plans
        for gap in _plan_gaps(
            strategy, plan, index, assessment, _Above.team(teams[plan.team.id]) if plan.team.id in teams else None
        )  # fmt: skip
        if gap.code not in PRIVATE_GAPS
    ]
    return tuple(sorted(gaps, key=lambda g: g.severity.rank))


@dataclass(frozen=True, slots=True, kw_only=True)
class GapCounts:
    """How many gaps there are of each severity."""

    errors: int
    warnings: int
    infos: int


def gap_counts(gaps: Sequence[Gap]) -> GapCounts:
    """How many gaps of each severity."""
    severities = [str(g.severity) for g in gaps]
    return GapCounts(errors=severities.count("error"), warnings=severities.count("warning"),
                     infos=severities.count("info"))  # fmt: skip


def alignment_shares(strategy: Strategy, plans: Sequence[TeamQuarter]) -> tuple[float | None, float | None]:
    """(aligned share, coverage): see METHOD.md; None where there is nothing to divide by."""
    known = {o.id for o in strategy.objectives}
    objectives = [o for plan in plans for o in plan.objectives]
    aligned = [o for o in objectives if known.intersection(o.aligned_to)]
    carried = known.intersection(target for o in objectives for target in o.aligned_to)
    return (
        len(aligned) / len(objectives) if objectives else None,
        len(carried) / len(known) if known else None,
    )


def _strategy_gaps(strategy: Strategy, plans: Sequence[TeamQuarter]) -> Iterator[Gap]:
    aligned = {target for plan in plans for o in plan.objectives for target in o.aligned_to}
    fed = {kr.feeds for plan in plans for o in plan.objectives for kr in o.key_results}
    for objective in strategy.objectives:
        if objective.id not in aligned:
            yield Gap(
                code=GapCode.UNCOVERED_STRATEGY,
                where=objective.id,
                text=Words(
                    f"inget teams objective stödjer {objective.id} ({objective.title}) detta kvartal",
                    f"no team objective is aligned to {objective.id} ({objective.title}) this quarter",
                ),
            )
        yield from _objective_shape_gaps(strategy, objective, objective.id)
        for kr in objective.key_results:
            yield from _key_result_shape_gaps(kr, kr.id, has_initiatives=False)
            if kr.id not in fed:
                yield Gap(
                    code=GapCode.UNFED_KEY_RESULT,
                    where=kr.id,
                    text=Words(
                        f"inget teams key result bidrar till {kr.id} ({kr.title})",
                        f"no team key result feeds {kr.id} ({kr.title})",
                    ),
                )


@dataclass(frozen=True, slots=True)
class _Above:
    """What a plan's objectives align to and its key results feed: the strategy for a team's plan, the
    team's own plan for a person's."""

    objective_ids: list[str]
    key_result_ids: list[str]
    orphan: Words
    """The orphan-objective text, with `{title}` and `{ids}`."""
    unread: tuple[str, ...] = ()
    """Ids of rows above that could not be read: a link to one is not judged."""

    @classmethod
    def strategy(cls, index: _Index) -> _Above:
        return cls(index.strategic_ids, index.strategic_kr_ids, Words(
            "{title} stödjer inget strategiskt objective; välj ett av {ids}",
            "{title} is aligned to no strategic objective; choose one of {ids}"))  # fmt: skip

    @classmethod
    def team(cls, plan: TeamQuarter) -> _Above:
        name = plan.team.name
        orphan = Words(
            f"{{title}} stödjer inget av teamets objectives ({name}); välj ett av {{ids}}",
            f"{{title}} is aligned to none of the team's objectives ({name}); choose one of {{ids}}",
        )
        return cls([o.id for o in plan.objectives], [kr.id for o in plan.objectives for kr in o.key_results], orphan,
                   plan.unread)  # fmt: skip


def _plan_gaps(
    strategy: Strategy,
    plan: TeamQuarter,
    index: _Index,
    assessment: QuarterAssessment | None,
    above: _Above | None = None,
) -> Iterator[Gap]:
    """A plan's gaps; those that depend on scores and dates only with an `assessment`. A person's plan is
    judged against `above`, their team's plan (None: the team's plan was not read, so links are not judged);
    a team's against the strategy."""
    method = strategy.method
    scheduled = (
        None if assessment is None else latest_scheduled_check_in(strategy, assessment.quarter, assessment.as_of)
    )
    if len(plan.objectives) > method.max_objectives:
        yield Gap(
            code=GapCode.TOO_MANY_OBJECTIVES,
            where=plan.plan_id,
            text=Words(
                f"{plan.name} har {len(plan.objectives)} objectives; högst {method.max_objectives}, "
                "och rådet är 3 eller färre",
                f"{plan.name} has {len(plan.objectives)} objectives; at most {method.max_objectives}, "
                "and 3 or fewer is the advice",
            ),
        )
    if plan.person is None:
        above = _Above.strategy(index)
    for objective in plan.objectives:
        where = plan.qualify(objective.id)
        if not objective.aligned_to:
            orphan = above.orphan if above else _Above.strategy(index).orphan
            ids = ", ".join(above.objective_ids) if above else "O1"
            yield Gap(code=GapCode.ORPHAN_OBJECTIVE, where=where, field="aligned_to",
                      text=orphan.format(title=repr(objective.title), ids=ids))  # fmt: skip
        for target in objective.aligned_to if above else ():
            if target not in above.objective_ids and target not in above.unread:
                yield _unknown_link(where, Words("stödjer", "is aligned to"), target, above.objective_ids,
                                    field="aligned_to")  # fmt: skip
        unread = sum(local_id.startswith(f"{objective.id}.") for local_id in plan.unread)
        yield from _objective_shape_gaps(strategy, objective, where, unread)
        for kr in objective.key_results:
            kr_where = plan.qualify(kr.id)
            if above is not None and kr.feeds is not None and kr.feeds not in (*above.key_result_ids, *above.unread):
                yield _unknown_link(kr_where, Words("bidrar till", "feeds"), kr.feeds, above.key_result_ids,
                                    field="feeds")  # fmt: skip
            for dependency in kr.depends_on:
                other_team = dependency.key_result_id.split(".", 1)[0]
                known = dependency.key_result_id in index.team_krs or dependency.key_result_id in index.unread
                if known or other_team in index.unjudged_teams:
                    continue  # a team of the strategy without a plan here cannot be judged (missing-team says why)
                if other_team in index.team_kr_ids:
                    yield _unknown_link(kr_where, Words("beror på", "depends on"), dependency.key_result_id,
                                        index.team_kr_ids[other_team], field="depends_on")  # fmt: skip
                else:
                    teams = ", ".join(index.team_kr_ids)
                    text = Words(
                        f"{kr_where} beror på {dependency.key_result_id!r}, från ett team som inte finns; "
                        f"teamen är {teams}; skriv t.ex. marketing.O1.2",
                        f"{kr_where} depends on {dependency.key_result_id!r}, of a team that does not exist; "
                        f"teams are {teams}; write e.g. marketing.O1.2",
                    )
                    yield Gap(code=GapCode.UNKNOWN_LINK, where=kr_where, text=text, field="depends_on",
                              linked_id=dependency.key_result_id)  # fmt: skip
            yield from _key_result_shape_gaps(kr, kr_where, has_initiatives=True)
            if kr.kind is KeyResultKind.MILESTONE and kr.due is None:
                yield Gap(code=GapCode.MISSING_DUE_DATE, where=kr_where, field="due",
                          text=Words(f"{kr.title!r} har inget slutdatum; det gäller kvartalets sista dag",
                                     f"{kr.title!r} has no due date; it is due on the quarter's last day"))  # fmt: skip
            if assessment is not None:
                yield from _key_result_team_gaps(kr, kr_where, index, assessment, scheduled)
                yield from _no_initiative_gap(plan, kr, kr_where, assessment)
    for initiative in plan.initiatives:
        yield from _initiative_gaps(plan, initiative, assessment)


def _unknown_link(where: str, verb: Words, target: str, known: Sequence[str], *, field: str) -> Gap:
    return Gap(
        code=GapCode.UNKNOWN_LINK,
        where=where,
        text=Words(
            f"{where} {verb.sv} {target!r}, som inte finns; de id som finns är {', '.join(known)}",
            f"{where} {verb.en} {target!r}, which does not exist; known ids are {', '.join(known)}",
        ),
        field=field,
        linked_id=target,
    )


def _objective_shape_gaps(strategy: Strategy, objective: Objective, where: str, unread: int = 0) -> Iterator[Gap]:
    """Gaps in how an objective is written, the same for team and strategic objectives; `unread` key results
    of it were written but could not be read (they count: their rows have problems of their own)."""
    if not objective.owner:
        yield Gap(code=GapCode.MISSING_OWNER, where=where, field="owner",
                  text=Words(f"objective {objective.title!r} har ingen ansvarig",
                             f"objective {objective.title!r} has no owner"))  # fmt: skip
    method = strategy.method
    count = len(objective.key_results) + unread
    if not method.min_key_results <= count <= method.max_key_results:
        yield Gap(
            code=GapCode.KEY_RESULT_COUNT,
            where=where,
            text=Words(
                "{title} har {count}; ge det {low} till {high}", "{title} has {count}; give it {low} to {high}"
            ).format(
                title=repr(objective.title),
                count=counted(count, _KEY_RESULT, _KEY_RESULTS),
                low=method.min_key_results,
                high=method.max_key_results,
            ),
        )


def _key_result_shape_gaps(kr: KeyResult, where: str, *, has_initiatives: bool) -> Iterator[Gap]:
    """Gaps in how a key result is written, the same for team and strategic key results; a team's
    (`has_initiatives`) has an Initiatives sheet to move an activity to."""
    if kr.has_placeholder_target:
        yield Gap(
            code=GapCode.PLACEHOLDER_TARGET,
            where=where,
            text=Words(
                f"{kr.title!r} har inget mål än; det räknas inte i poängen förrän det har ett",
                f"{kr.title!r} has no target yet; it is left out of scores until one is set",
            ),
            field="target",
        )
    if kr.effective_baseline is None:
        yield Gap(
            code=GapCode.MISSING_BASELINE,
            where=where,
            text=Words(
                f"{kr.title!r} ska minska men har inget utgångsvärde att minska från; skriv dagens värde",
                f"{kr.title!r} should fall but has no baseline to fall from; write today's value",
            ),
            field="baseline",
        )
    if not kr.owner:
        yield Gap(code=GapCode.MISSING_OWNER, where=where, field="owner",
                  text=Words(f"key result {kr.title!r} har ingen ansvarig",
                             f"key result {kr.title!r} has no owner"))  # fmt: skip
    if reads_like_activity(kr):
        text = Words(
            f"{kr.title!r} låter som en aktivitet; säg vilket resultat den ska ge, med ett tal eller ett datum",
            f"{kr.title!r} reads like an activity; say what result it should bring, with a number or date",
        )
        if has_initiatives:
            text = Words(f"{text.sv}, och för över själva aktiviteten till bladet {INITIATIVES_SHEET.sv}",
                         f"{text.en}, and move the activity itself to the {INITIATIVES_SHEET.en} sheet")  # fmt: skip
        yield Gap(code=GapCode.ACTIVITY_NOT_RESULT, where=where, text=text, field="title")


INITIATIVES_SHEET = Words("Initiativ", "Initiatives")
"""The team workbook's sheet of initiatives, as a message names it (okrxl.excel.layout, which this pure
module does not import, names the sheet itself)."""
NEEDS_INITIATIVE = (Status.BEHIND, Status.AT_RISK, Status.OVERDUE)
"""The statuses of a key result that the team should be doing something about (gap `no-initiative`)."""


def _no_initiative_gap(plan: TeamQuarter, kr: KeyResult, where: str, assessment: QuarterAssessment) -> Iterator[Gap]:
    """A behind, at-risk or overdue key result that no open (planned or in progress) initiative serves."""
    status = assessment.key_results[where].status
    if status in NEEDS_INITIATIVE and not any(i.state.is_open for i in plan.initiatives_of(kr.id)):
        yield Gap(
            code=GapCode.NO_INITIATIVE,
            where=where,
            text=Words(
                "{title}: {status}, och inget planerat eller pågående initiativ stödjer det; skriv på bladet "
                "{sheet} vad teamet gör åt det",
                "{title} is {status} and no planned or ongoing initiative serves it; write on the {sheet} sheet "
                "what the team does about it",
            ).format(title=repr(kr.title), status=STATUS_WORDS[status], sheet=INITIATIVES_SHEET),
        )


def _initiative_gaps(plan: TeamQuarter, initiative: Initiative, assessment: QuarterAssessment | None) -> Iterator[Gap]:
    """An initiative that serves nothing or names what is not one of the team's key results; with an
    `assessment`, one still open after its due date."""
    where = plan.qualify(initiative.id)
    title = repr(initiative.title)
    key_result_ids = [kr.id for o in plan.objectives for kr in o.key_results]
    example = key_result_ids[0] if key_result_ids else "O1.1"
    if not initiative.serves:
        yield Gap(code=GapCode.INITIATIVE_UNLINKED, where=where, field="serves",
                  text=Words(f"initiativet {title} stödjer inget key result; skriv vilket det ska flytta, t.ex. "
                             f"{example}",
                             f"initiative {title} serves no key result; write which one it should move, e.g. "
                             f"{example}"))  # fmt: skip
    objectives = {o.id: o for o in plan.objectives}
    for served in initiative.serves:
        if served in key_result_ids or served in plan.unread:
            continue  # a key result whose row could not be read is a problem of its own row
        if served in objectives:
            ids = ", ".join(kr.id for kr in objectives[served].key_results) or example
            text = Words(f"{where} stödjer {served!r}, ett objective; ett initiativ stödjer key results: skriv "
                         f"vilket av {ids}",
                         f"{where} serves {served!r}, an objective; an initiative serves key results: write which "
                         f"of {ids}")  # fmt: skip
            yield Gap(code=GapCode.UNKNOWN_LINK, where=where, text=text, field="serves", linked_id=served)
        else:
            yield _unknown_link(where, Words("stödjer", "serves"), served, key_result_ids, field="serves")
    if (
        assessment is not None
        and initiative.due is not None
        and initiative.due < assessment.as_of
        and initiative.state.is_open
    ):
        yield Gap(
            code=GapCode.INITIATIVE_LATE,
            where=where,
            text=Words(
                "initiativet {title} skulle vara klart {due} men står fortfarande som ”{state}”; markera det "
                "som klart, ge det ett nytt datum eller avbryt det",
                "initiative {title} was due {due} but is still {state}; mark it done, give it a new date or drop it",
            ).format(title=title, due=initiative.due, state=INITIATIVE_STATE_WORDS[initiative.state]),
            field="due",
        )


_KEY_RESULT, _KEY_RESULTS = Words("key result", "key result"), Words("key results", "key results")


def reads_like_activity(kr: KeyResult) -> bool:
    """Starts with an activity verb, or names no number and no date. A yes/no key result ("every new
    hire has an onboarding buddy") states a result that is true or not: it needs no number."""
    words = re.findall(r"\w+", kr.title.casefold())
    if words and words[0] in ACTIVITY_VERBS:
        return True
    return not re.search(r"\d", kr.title) and kr.due is None and kr.kind is not KeyResultKind.BINARY


def _key_result_team_gaps(
    kr: KeyResult, where: str, index: _Index, assessment: QuarterAssessment, scheduled: dt.date | None
) -> Iterator[Gap]:
    period = assessment.period
    assessed = assessment.key_results[where]
    if kr.kind is KeyResultKind.MILESTONE and kr.due is not None and kr.due > period.end:
        yield Gap(
            code=GapCode.DUE_OUTSIDE_QUARTER,
            where=where,
            text=Words(
                f"{kr.title!r} ska vara klart {kr.due}, efter att kvartalet slutar {period.end}",
                f"{kr.title!r} is due {kr.due}, after the quarter ends on {period.end}",
            ),
            field="due",
        )
    for dependency in kr.depends_on:
        other = index.team_krs.get(dependency.key_result_id)
        if other is None:
            continue
        other_status = assessment.key_results[dependency.key_result_id].status
        other_due = other.due or period.end
        if dependency.needed_by is not None and other_due > dependency.needed_by:
            yield Gap(
                code=GapCode.DEPENDENCY_LATE,
                where=where,
                text=Words(
                    f"{where} behöver {dependency.key_result_id} ({other.title!r}) senast "
                    f"{dependency.needed_by}, men det ska vara klart först {other_due}",
                    f"{where} needs {dependency.key_result_id} ({other.title!r}) by {dependency.needed_by}, "
                    f"but it is due {other_due}",
                ),
                field="needed_by",
            )
        elif other_status in (Status.AT_RISK, Status.OVERDUE):
            yield Gap(
                code=GapCode.DEPENDENCY_LATE,
                where=where,
                text=Words(
                    "{where} beror på {other} ({title}), som är {status}",
                    "{where} depends on {other} ({title}), which is {status}",
                ).format(
                    where=where,
                    other=dependency.key_result_id,
                    title=repr(other.title),
                    status=STATUS_WORDS[other_status],
                ),
                field="needed_by" if dependency.needed_by is not None else "depends_on",
            )
    if assessed.stale:
        newest = assessed.last_check_in
        field = f"{CHECK_INS}:{newest.isoformat()}" if newest else CHECK_INS
        if newest:
            text = Words(f"{kr.title!r} har inte stämts av sedan {newest}",
                         f"{kr.title!r} has had no check-in since {newest}")  # fmt: skip
        else:
            text = Words(f"{kr.title!r} har inte stämts av detta kvartal",
                         f"{kr.title!r} has had no check-in this quarter")  # fmt: skip
        yield Gap(code=GapCode.STALE_CHECKIN, where=where, text=text, field=field)
    if missed_check_in(assessed, scheduled):
        newest = assessed.last_check_in
        since = (
            Words(f"det senaste är från {newest}", f"the newest is of {newest}")
            if newest
            else Words("inget detta kvartal", "none this quarter")
        )
        yield Gap(code=GapCode.MISSED_CHECKIN, where=where, field=f"{CHECK_INS}:{scheduled.isoformat()}",
                  text=Words("{title} har inget värde från avstämningen {date} ({since})",
                             "{title} has no value at the check-in of {date} ({since})")
                  .format(title=repr(kr.title), date=scheduled, since=since))  # fmt: skip
    if confidence_differs(assessed.status, assessed.confidence):
        yield Gap(
            code=GapCode.CONFIDENCE_MISMATCH,
            where=where,
            text=Words(
                "teamet säger {said} men {title} är {status}", "the team says {said} but {title} is {status}"
            ).format(
                said=CONFIDENCE_WORDS[assessed.confidence], title=repr(kr.title), status=STATUS_WORDS[assessed.status]
            ),
            field="confidence",
        )
    if assessment.as_of > period.end and assessed.score is not None:
        if kr.commitment is Commitment.COMMITTED and not reaches(assessed.score, 1.0) and not kr.miss_reason:
            yield Gap(
                code=GapCode.COMMITTED_MISSED,
                where=where,
                text=Words(
                    "åtagandet {title} slutade på {score}; skriv varför det inte nåddes",
                    "committed {title} ended at {score}; write the reason it was missed",
                ).format(title=repr(kr.title), score=decimal(shown_score(assessed.score), ".2f")),
                field="miss_reason",
            )
        if kr.commitment is Commitment.ASPIRATIONAL and reaches(assessed.score, 1.0):
            yield Gap(
                code=GapCode.TOO_SAFE,
                where=where,
                text=Words(
                    f"det ambitiösa {kr.title!r} nådde 1,0; var målet för försiktigt?",
                    f"aspirational {kr.title!r} reached 1.0; was the target too safe?",
                ),
            )


def latest_scheduled_check_in(strategy: Strategy, quarter: Quarter, as_of: dt.date) -> dt.date | None:
    """The newest of the quarter's scheduled check-in dates (the strategy's cadence) on or before `as_of`;
    None before the first one."""
    dates = quarter.check_in_dates(first_month=strategy.first_month, cadence_weeks=strategy.method.cadence_weeks)
    due = [day for day in dates if day <= as_of]
    return due[-1] if due else None


def missed_check_in(assessed: KeyResultAssessment, scheduled: dt.date | None) -> bool:
    """Not done and no value dated on or after the `scheduled` check-in (METHOD.md, "Missed check-in")."""
    if scheduled is None or assessed.status is Status.DONE:
        return False
    return assessed.last_check_in is None or assessed.last_check_in < scheduled


def missed_check_ins(gaps: Sequence[Gap]) -> dict[str, tuple[str, ...]]:
    """The key results of each plan that missed the latest check-in, by the plan's id (a team's id, or
    `team.person` for a person's plan: okrxl.core.model.plan_of), as local ids (`O2.2`), in the order of
    `gaps`."""
    missed: dict[str, list[str]] = {}
    for gap in gaps:
        if gap.code is GapCode.MISSED_CHECKIN:
            plan = plan_of(gap.where)
            missed.setdefault(plan, []).append(gap.where.removeprefix(f"{plan}."))
    return {plan: tuple(ids) for plan, ids in missed.items()}
