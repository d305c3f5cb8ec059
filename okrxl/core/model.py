"""The OKR model: frozen value objects for a strategy and a team's quarter.

Everything here is pure data. Invariants that make an object meaningless are checked
where the object is made and raise :class:`ModelError` naming the object; things that are
merely unwise (no owner, a placeholder target) are gaps, found by :mod:`okrxl.core.alignment`.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from dataclasses import dataclass, field
from typing import Literal

from okrxl.core.problems import ModelError
from okrxl.core.words import Words

Lang = Literal["sv", "en"]
"""The languages of okrxl's workbooks, reports and messages: every word a person reads exists in both."""
LANGS: tuple[Lang, ...] = ("sv", "en")


def _pickled_by_slots(cls):
    """Pickle a plan's objects as the tuples of their field values.

    The worker processes that read team workbooks send their plans back pickled: 170 objects a
    team. dataclasses' own pickling of a slotted class looks up its fields again for every object;
    a class's `__slots__` are its fields in order, which halves the time (benchmarks/README.md).
    """

    def getstate(self) -> tuple:
        return tuple([getattr(self, name) for name in cls.__slots__])

    def setstate(self, state: tuple) -> None:
        for name, value in zip(cls.__slots__, state, strict=True):
            object.__setattr__(self, name, value)

    cls.__getstate__, cls.__setstate__ = getstate, setstate
    return cls


class KeyResultKind(enum.StrEnum):
    """How a key result is measured (METHOD.md, "Key result kinds")."""

    INCREASE = "increase"
    """A metric that should rise from baseline to target."""
    DECREASE = "decrease"
    """A metric that should fall from baseline to target (churn 15 % -> 5 %)."""
    COUNT = "count"
    """A number of things; the baseline defaults to 0."""
    PERCENT = "percent"
    """A percentage in percent points (15 means 15 %); the baseline defaults to 0."""
    MILESTONE = "milestone"
    """Done by a due date; check-ins are done or a percent complete."""
    BINARY = "binary"
    """Done or not."""
    MAINTAIN = "maintain"
    """Keep a value on one side of a threshold (the target) at every check-in."""

    @property
    def is_metric(self) -> bool:
        """Scored as progress from baseline towards target."""
        return self in _METRIC_KINDS

    @property
    def is_completion(self) -> bool:
        """Check-in values are a completion share in [0, 1] (1 = done)."""
        return self in (KeyResultKind.MILESTONE, KeyResultKind.BINARY)


_METRIC_KINDS = frozenset({KeyResultKind.INCREASE, KeyResultKind.DECREASE, KeyResultKind.COUNT, KeyResultKind.PERCENT})


class Commitment(enum.StrEnum):
    """Committed key results must reach 1.0; aspirational ones are stretch goals."""

    COMMITTED = "committed"
    ASPIRATIONAL = "aspirational"


class Side(enum.StrEnum):
    """Which side of its threshold a `maintain` key result must stay on (inclusive)."""

    AT_LEAST = "at-least"
    AT_MOST = "at-most"


class Confidence(enum.StrEnum):
    """The team's own view at a check-in, in the status words (sv: i fas / släpar efter / i riskzonen)."""

    ON_TRACK = "on-track"
    BEHIND = "behind"
    AT_RISK = "at-risk"


@dataclass(frozen=True, slots=True, kw_only=True)
class Method:
    """The method's settings, stored in the strategy workbook. Defaults are METHOD.md's."""

    cadence_weeks: int = 2
    """Weeks between check-ins: 1, 2 or 4."""
    aspirational_yellow: float = 0.4
    """An aspirational score below this is red."""
    aspirational_green: float = 0.7
    """An aspirational score at or above this is green."""
    committed_yellow: float = 0.7
    """A committed score below this is red; only 1.0 is green."""
    behind_share: float = 0.75
    """A score at or above this share of the expected score is `behind`, below it `at-risk`."""
    not_started_share: float = 0.25
    """Until this share of the period has elapsed, silence is `not-started` rather than `at-risk`."""
    stale_cadences: float = 1.5
    """A key result whose newest check-in is older than this many cadences is stale."""
    max_objectives: int = 5
    """More objectives than this in a team is a gap."""
    min_key_results: int = 2
    """Fewer key results than this on an objective is a gap."""
    max_key_results: int = 5
    """More key results than this on an objective is a gap."""
    personal_okrs: bool = False
    """The optional third level (METHOD.md, "Personal OKRs"): people's own OKRs, aligned to their team's."""
    print_personal_scores: bool = False
    """Whether a person's own scores may be printed on the report's pages (they are always in the data)."""

    def __post_init__(self) -> None:
        if self.cadence_weeks not in (1, 2, 4):
            raise ModelError(
                Words(
                    f"metod: avstämning var 1, 2 eller 4 veckor, inte {self.cadence_weeks}",
                    f"method: cadence must be 1, 2 or 4 weeks, got {self.cadence_weeks}",
                )
            )
        if not 0 < self.aspirational_yellow < self.aspirational_green <= 1:
            raise ModelError(
                Words(
                    "metod: gränserna för ambitiösa ska vara 0 < gul < grön <= 1, men gul är "
                    f"{self.aspirational_yellow} och grön {self.aspirational_green}",
                    "method: aspirational thresholds must satisfy 0 < yellow < green <= 1, "
                    f"got yellow {self.aspirational_yellow} and green {self.aspirational_green}",
                )
            )
        if not 0 < self.committed_yellow < 1:
            raise ModelError(
                Words(
                    f"metod: gul för åtaganden ska ligga mellan 0 och 1, inte {self.committed_yellow}",
                    f"method: committed yellow must be between 0 and 1, got {self.committed_yellow}",
                )
            )
        if not 0 < self.behind_share < 1 or not 0 <= self.not_started_share < 1:
            raise ModelError(
                Words(
                    "metod: andelarna för släpar efter och ej påbörjad ska ligga mellan 0 och 1",
                    "method: behind share and not-started share must be between 0 and 1",
                )
            )
        if self.stale_cadences <= 0:
            raise ModelError(
                Words(
                    f"metod: inaktuell efter (avstämningar) ska vara större än 0, inte {self.stale_cadences}",
                    f"method: stale cadences must be positive, got {self.stale_cadences}",
                )
            )
        if not 1 <= self.min_key_results <= self.max_key_results or self.max_objectives < 1:
            raise ModelError(
                Words(
                    "metod: gränserna ska vara 1 <= minst antal key results <= högst antal key results",
                    "method: limits must satisfy 1 <= min key results <= max key results",
                )
            )

    @property
    def stale_after(self) -> dt.timedelta:
        """How old the newest check-in may be before a key result is stale (21 days by default)."""
        return dt.timedelta(days=self.stale_cadences * 7 * self.cadence_weeks)


@dataclass(frozen=True, slots=True, kw_only=True)
class Period:
    """A span of days, both ends included."""

    start: dt.date
    end: dt.date

    def __post_init__(self) -> None:
        if self.end <= self.start:
            raise ModelError(
                Words(
                    f"period: slutet {self.end} ska komma efter början {self.start}",
                    f"period: end {self.end} must be after start {self.start}",
                )
            )

    def __contains__(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


_QUARTER_RE = re.compile(r"^\s*(\d{4})\s*-?\s*[qQ]([1-4])\s*$")


@dataclass(frozen=True, slots=True, order=True)
class Quarter:
    """A quarter of a strategic year, written `2027-Q1` (`2027Q1` and `2027q1` are accepted)."""

    year: int
    number: int

    def __post_init__(self) -> None:
        if self.number not in (1, 2, 3, 4):
            raise ModelError(
                Words(
                    f"kvartal: numret ska vara 1 till 4, inte {self.number}",
                    f"quarter: number must be 1 to 4, got {self.number}",
                )
            )

    @classmethod
    def parse(cls, text: str) -> Quarter:
        match = _QUARTER_RE.match(text)
        if not match:
            raise ModelError(
                Words(f"kvartal: skriv t.ex. 2027-Q1, inte {text!r}", f"quarter: expected e.g. 2027-Q1, got {text!r}")
            )
        return cls(int(match[1]), int(match[2]))

    def __str__(self) -> str:
        return f"{self.year}-Q{self.number}"

    def next(self) -> Quarter:
        return Quarter(self.year + self.number // 4, self.number % 4 + 1)

    def period(self, first_month: int = 1) -> Period:
        """The quarter's days; a strategic year `Y` starts on the first day of `first_month` in `Y`."""
        start = _add_months(dt.date(self.year, first_month, 1), 3 * (self.number - 1))
        return Period(start=start, end=_add_months(start, 3) - dt.timedelta(days=1))

    def check_in_dates(self, *, first_month: int = 1, cadence_weeks: int = 2) -> tuple[dt.date, ...]:
        """Every `cadence_weeks` from the quarter's first Monday to its last day."""
        period = self.period(first_month)
        day = period.start + dt.timedelta(days=(7 - period.start.weekday()) % 7)
        dates = []
        while day <= period.end:
            dates.append(day)
            day += dt.timedelta(weeks=cadence_weeks)
        return tuple(dates)


def year_period(year: int, first_month: int = 1) -> Period:
    """The strategic year `year`, which starts on the first day of `first_month` in `year`."""
    start = dt.date(year, first_month, 1)
    return Period(start=start, end=_add_months(start, 12) - dt.timedelta(days=1))


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


@_pickled_by_slots
@dataclass(frozen=True, slots=True, kw_only=True)
class CheckIn:
    """One dated report on a key result."""

    date: dt.date
    value: float | None = None
    """The metric's value, or for milestone and binary the completion share in [0, 1] (1 = done)."""
    confidence: Confidence | None = None
    """The team's own view, beside the computed status."""
    note: str | None = None


@_pickled_by_slots
@dataclass(frozen=True, slots=True, kw_only=True)
class Carried:
    """Where a carried-over objective or key result came from: last quarter's id and final score."""

    quarter: Quarter
    id: str
    score: float | None = None


@_pickled_by_slots
@dataclass(frozen=True, slots=True, kw_only=True)
class Dependency:
    """A key result needs another team's key result by a date."""

    key_result_id: str
    """The other key result's qualified id, e.g. `marketing.O1.2`."""
    needed_by: dt.date | None = None


@_pickled_by_slots
@dataclass(frozen=True, slots=True, kw_only=True)
class KeyResult:
    """A measurable result, of a team objective or of a strategic objective."""

    id: str
    """Local to its plan: `O1.2` in a team, `S1.1` in the strategy."""
    title: str
    kind: KeyResultKind
    commitment: Commitment = Commitment.ASPIRATIONAL
    unit: str | None = None
    baseline: float | None = None
    """Empty means 0 for increase, count and percent; a decrease needs one."""
    target: float | None = None
    """None is a placeholder ("X", "TBD"): not set yet, so no score. The threshold of `maintain`."""
    side: Side = Side.AT_LEAST
    """Only for `maintain`: which side of the target the value must stay on."""
    due: dt.date | None = None
    """The due date of a milestone (other kinds are due at the period's end)."""
    owner: str | None = None
    weight: float = 1.0
    feeds: str | None = None
    """The strategic key result this one contributes to, e.g. `S1.1`."""
    depends_on: tuple[Dependency, ...] = ()
    check_ins: tuple[CheckIn, ...] = ()
    """In date order."""
    miss_reason: str | None = None
    """Why a committed key result was missed, written at quarter close."""
    comment: str | None = None
    carried: Carried | None = None
    """Set when it was carried over from last quarter, not done."""

    def __post_init__(self) -> None:
        where = f"key result {self.id} ({self.title!r})"
        if not self.id.strip() or not self.title.strip():
            raise ModelError(
                Words(
                    f"key result {self.id!r}: id och titel får inte vara tomma",
                    f"key result {self.id!r}: id and title must not be empty",
                )
            )
        if self.weight < 0:
            raise ModelError(
                Words(
                    f"{where}: vikten får inte vara negativ, inte {self.weight}",
                    f"{where}: weight must not be negative, got {self.weight}",
                )
            )
        numbers = [self.baseline, self.target, self.weight, *(c.value for c in self.check_ins)]
        if any(n is not None and not abs(n) <= MAX_NUMBER for n in numbers):
            raise ModelError(
                Words(
                    f"{where}: talen får vara högst {MAX_NUMBER:g} stora",
                    f"{where}: numbers must be finite and at most {MAX_NUMBER:g} in size",
                )
            )
        if self.kind.is_metric and self.target is not None:
            self._check_direction(where)
        dates = [c.date for c in self.check_ins]
        if dates != sorted(dates) or len(set(dates)) != len(dates):
            raise ModelError(
                Words(
                    f"{where}: avstämningarna ska ha olika datum i ordning, inte {dates}",
                    f"{where}: check-ins must have distinct dates in order, got {dates}",
                )
            )
        if self.kind.is_completion:
            for c in self.check_ins:
                if c.value is not None and not 0 <= c.value <= 1:
                    raise ModelError(
                        Words(
                            f"{where}: en avstämning av {self.kind} är en andel klar i [0, 1], inte {c.value} "
                            f"den {c.date}",
                            f"{where}: a {self.kind} check-in is a share done in [0, 1], got {c.value} on {c.date}",
                        )
                    )

    def _check_direction(self, where: str) -> None:
        baseline = self.effective_baseline
        if baseline is None:
            return
        if self.target == baseline:
            raise ModelError(
                Words(
                    f"{where}: målet är lika med utgångsvärdet ({baseline}); det finns inget att mäta",
                    f"{where}: target equals baseline ({baseline}); nothing to measure",
                )
            )
        if self.kind is KeyResultKind.DECREASE and self.target > baseline:
            raise ModelError(
                Words(
                    f"{where}: en minskning behöver ett mål under utgångsvärdet, inte {baseline} -> {self.target}",
                    f"{where}: a decrease needs a target below its baseline, got {baseline} -> {self.target}",
                )
            )
        if self.kind is KeyResultKind.INCREASE and self.target < baseline:
            raise ModelError(
                Words(
                    f"{where}: en ökning behöver ett mål över utgångsvärdet, inte {baseline} -> {self.target}; "
                    "välj typen minska för ett mått som ska sjunka",
                    f"{where}: an increase needs a target above its baseline, got {baseline} -> {self.target}; "
                    "use kind decrease for a metric that should fall",
                )
            )

    @property
    def effective_baseline(self) -> float | None:
        """The baseline that scoring uses: an empty one is 0 except for a decrease."""
        if self.baseline is None and self.kind is not KeyResultKind.DECREASE:
            return 0.0
        return self.baseline

    @property
    def adds_up(self) -> bool:
        """A quantity whose values add up across teams: a count, or money (a currency unit). Rates,
        percents, times and averages do not: 2.3 % plus 21 % is no 23.3 %."""
        unit = " ".join((self.unit or "").casefold().split())
        return self.kind is KeyResultKind.COUNT or unit in CURRENCY_UNITS

    @property
    def has_placeholder_target(self) -> bool:
        """A metric or maintain key result whose target is not set yet."""
        return self.target is None and (self.kind.is_metric or self.kind is KeyResultKind.MAINTAIN)


@_pickled_by_slots
@dataclass(frozen=True, slots=True, kw_only=True)
class Objective:
    """A qualitative goal with its key results, of a team or of the strategy."""

    id: str
    """Local to its plan: `O1` in a team, `S1` in the strategy."""
    title: str
    owner: str | None = None
    weight: float = 1.0
    aligned_to: tuple[str, ...] = ()
    """Ids of the strategic objectives a team objective serves; empty for strategic objectives."""
    key_results: tuple[KeyResult, ...] = ()
    carried: Carried | None = None
    """Set when it was carried over from last quarter, with key results not done."""

    def __post_init__(self) -> None:
        if not self.id.strip() or not self.title.strip():
            raise ModelError(
                Words(
                    f"objective {self.id!r}: id och titel får inte vara tomma",
                    f"objective {self.id!r}: id and title must not be empty",
                )
            )
        if not 0 <= self.weight <= MAX_NUMBER:
            raise ModelError(
                Words(
                    f"objective {self.id}: vikten ska vara 0 till {MAX_NUMBER:g}, inte {self.weight}",
                    f"objective {self.id}: weight must be from 0 to {MAX_NUMBER:g}, got {self.weight}",
                )
            )
        _check_unique(f"objective {self.id}", [kr.id for kr in self.key_results])


CURRENCY_UNITS = frozenset({
    "kr", "sek", "ksek", "tkr", "msek", "mkr", "mnkr", "kronor", "nok", "mnok", "dkk", "eur", "keur", "meur", "€",
    "usd", "kusd", "musd", "$", "gbp", "£", "chf",
})  # fmt: skip
"""Units of money: a sum of such values is money too (KeyResult.adds_up)."""
MAX_NUMBER = 1e15
"""The largest number a key result holds: Excel keeps 15 digits, and beyond this arithmetic on
baselines and targets could overflow to infinity, which no JSON document can hold."""
MAX_TEAM_ID = 40
"""A team id names its workbook (`<id>.xlsx`) and folders; file systems allow 255 bytes a name."""
_RESERVED_FILE_NAMES = frozenset(
    {"con", "prn", "aux", "nul", *(f"{d}{n}" for d in ("com", "lpt") for n in range(1, 10))}
)


@_pickled_by_slots
@dataclass(frozen=True, slots=True, kw_only=True)
class Team:
    """A team of the company, as listed in the strategy."""

    id: str
    """A short slug used in file names and qualified ids: `marketing`."""
    name: str
    lead: str | None = None

    def __post_init__(self) -> None:
        _check_slug(Words("team", "team"), self.id, "marketing", "team")


def _check_slug(what: Words, slug: str, example: str, spare: str) -> None:
    """A team's or a person's id names files and folders: lower-case letters, digits, '-' and '_', short,
    and no name Windows keeps for a device."""
    if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", slug):
        raise ModelError(
            Words(
                f"{what.sv} {slug!r}: ett id är gemena bokstäver, siffror, '-' eller '_' (t.ex. '{example}')",
                f"{what.en} {slug!r}: id must be lower-case letters, digits, '-' or '_' (e.g. '{example}')",
            )
        )
    if len(slug) > MAX_TEAM_ID:
        raise ModelError(
            Words(
                f"{what.sv} {slug[:20]}…: ett id på högst {MAX_TEAM_ID} tecken, tack (det blir filnamn)",
                f"{what.en} {slug[:20]}…: an id of at most {MAX_TEAM_ID} characters, please (it names files)",
            )
        )
    if slug in _RESERVED_FILE_NAMES:
        raise ModelError(
            Words(
                f"{what.sv} {slug!r}: Windows reserverar namnet för en enhet (con, prn, aux, nul, com1-9, "
                f"lpt1-9), så ingen fil kan heta {slug}.xlsx där; välj ett annat id, t.ex. '{slug}-{spare}'",
                f"{what.en} {slug!r}: Windows keeps this name for a device (con, prn, aux, nul, com1-9, lpt1-9), so "
                f"no file can be called {slug}.xlsx there; choose another id, e.g. '{slug}-{spare}'",
            )
        )


@_pickled_by_slots
@dataclass(frozen=True, slots=True, kw_only=True)
class Person:
    """Someone in a team who sets personal OKRs, as the strategy's People sheet lists them (METHOD.md,
    "Personal OKRs")."""

    id: str
    """A short slug that names the person's workbook, `<quarter>/<team-id>/<id>.xlsx`: `anna`."""
    name: str
    team: str
    """The id of the person's team."""

    def __post_init__(self) -> None:
        _check_slug(Words("person", "person"), self.id, "anna", "2")
        if not self.name.strip():
            raise ModelError(Words(f"person {self.id!r}: namnet får inte vara tomt",
                                   f"person {self.id!r}: the name must not be empty"))  # fmt: skip


@dataclass(frozen=True, slots=True, kw_only=True)
class Strategy:
    """The leadership's yearly plan: who the company is, its teams and its strategic OKRs."""

    company: str
    vision: str
    mission: str
    year: int
    first_month: int = 1
    """The month the strategic year starts in (a broken fiscal year starts later than January)."""
    method: Method = field(default_factory=Method)
    teams: tuple[Team, ...] = ()
    objectives: tuple[Objective, ...] = ()
    people: tuple[Person, ...] = ()
    """Who may set personal OKRs, in each team (only used when `method.personal_okrs` is on)."""

    def __post_init__(self) -> None:
        if not 1 <= self.first_month <= 12:
            raise ModelError(
                Words(
                    f"strategi: första månaden ska vara 1 till 12, inte {self.first_month}",
                    f"strategy: first month must be 1 to 12, got {self.first_month}",
                )
            )
        _check_unique(Words("strategins team", "strategy teams"), [t.id for t in self.teams])
        _check_unique(Words("strategi", "strategy"), [o.id for o in self.objectives])
        _check_unique(Words("strategi", "strategy"), [kr.id for o in self.objectives for kr in o.key_results])
        teams = {t.id for t in self.teams}
        for person in self.people:
            if person.team not in teams:
                raise ModelError(
                    Words(
                        f"person {person.id!r}: teamet {person.team!r} finns inte; teamen är {', '.join(teams)}",
                        f"person {person.id!r}: team {person.team!r} does not exist; teams are {', '.join(teams)}",
                    )
                )
        for team in self.teams:
            _check_unique(Words(f"personerna i team {team.id}", f"the people of team {team.id}"),
                          [p.id for p in self.people_of(team.id)])  # fmt: skip

    @property
    def period(self) -> Period:
        return year_period(self.year, self.first_month)

    def team(self, team_id: str) -> Team:
        for team in self.teams:
            if team.id == team_id:
                return team
        teams = ", ".join(t.id for t in self.teams)
        raise ModelError(
            Words(
                f"strategi: inget team {team_id!r}; teamen är {teams}",
                f"strategy: no team {team_id!r}; teams are {teams}",
            )
        )

    def objective(self, objective_id: str) -> Objective | None:
        return next((o for o in self.objectives if o.id == objective_id), None)

    def people_of(self, team_id: str) -> tuple[Person, ...]:
        """The people of a team, in the strategy's order."""
        return tuple(p for p in self.people if p.team == team_id)

    def person(self, team_id: str, person_id: str) -> Person | None:
        return next((p for p in self.people if p.team == team_id and p.id == person_id), None)

    def key_result(self, key_result_id: str) -> KeyResult | None:
        return next((kr for o in self.objectives for kr in o.key_results if kr.id == key_result_id), None)


class InitiativeState(enum.StrEnum):
    """Where an initiative stands (sv: planerad / pågår / klar / avbruten)."""

    PLANNED = "planned"
    IN_PROGRESS = "in-progress"
    DONE = "done"
    DROPPED = "dropped"

    @property
    def is_open(self) -> bool:
        """Still to be done: planned or in progress."""
        return self in (InitiativeState.PLANNED, InitiativeState.IN_PROGRESS)


INITIATIVE_STATE_WORDS: dict[InitiativeState, Words] = {
    InitiativeState.PLANNED: Words("planerad", "planned"),
    InitiativeState.IN_PROGRESS: Words("pågår", "in progress"),
    InitiativeState.DONE: Words("klar", "done"),
    InitiativeState.DROPPED: Words("avbruten", "dropped"),
}
"""What the team's dropdown offers, and what a page says, for each state."""


@_pickled_by_slots
@dataclass(frozen=True, slots=True, kw_only=True)
class Initiative:
    """Work a team does to move one or more of its key results: a campaign, a project, a fix.

    A key result says what result; an initiative what the team does to get there. It never changes a
    score (METHOD.md, "Initiatives").
    """

    id: str
    """`I1`, `I2`...: unique in the team's quarter."""
    title: str
    owner: str | None = None
    serves: tuple[str, ...] = ()
    """The local ids of the team's key results it serves (`O1.2`)."""
    state: InitiativeState = InitiativeState.PLANNED
    due: dt.date | None = None
    note: str | None = None
    carried: Carried | None = None
    """Set when it was carried over, still open, from last quarter."""

    def __post_init__(self) -> None:
        if not self.id.strip() or not self.title.strip():
            raise ModelError(Words(f"initiativ {self.id!r}: id och titel får inte vara tomma",
                                   f"initiative {self.id!r}: id and title must not be empty"))  # fmt: skip


@_pickled_by_slots
@dataclass(frozen=True, slots=True, kw_only=True)
class TeamQuarter:
    """One team's OKRs for one quarter; or, with a `person`, that person's own OKRs in the team."""

    team: Team
    quarter: Quarter
    objectives: tuple[Objective, ...] = ()
    notes: tuple[str, ...] = ()
    """Rows of text the team wrote in its OKR table that are neither objectives nor key results."""
    initiatives: tuple[Initiative, ...] = ()
    """What the team does to move its key results (METHOD.md, "Initiatives"); they never move a score."""
    person: Person | None = None
    """Set for a personal plan: its objectives align to the team's objectives (`O1`), not the strategy's."""
    unread: tuple[str, ...] = ()
    """Local ids of rows the team wrote but a reader could not use (a problem of the file says why): a link
    to one of them is not judged, so that one broken row is one problem, not one more per link to it."""

    def __post_init__(self) -> None:
        where = f"team {self.team.id} {self.quarter}" if self.person is None else f"{self.plan_id} {self.quarter}"
        if self.person is not None and self.person.team != self.team.id:
            raise ModelError(Words(f"{where}: {self.person.id} hör till team {self.person.team}",
                                   f"{where}: {self.person.id} belongs to team {self.person.team}"))  # fmt: skip
        _check_unique(where, [o.id for o in self.objectives])
        _check_unique(where, [kr.id for o in self.objectives for kr in o.key_results])
        _check_unique(where, [i.id for i in self.initiatives])

    def initiatives_of(self, local_id: str) -> tuple[Initiative, ...]:
        """The initiatives that serve the key result `local_id` (`O1.2`), in the team's order."""
        return tuple(i for i in self.initiatives if local_id in i.serves)

    @property
    def plan_id(self) -> str:
        """What the plan's ids are qualified with: `marketing`, or `marketing.anna` for a person's plan."""
        return self.team.id if self.person is None else f"{self.team.id}.{self.person.id}"

    @property
    def name(self) -> str:
        """The team's name, or the person's."""
        return self.team.name if self.person is None else self.person.name

    def qualify(self, local_id: str) -> str:
        """The id that is unique across teams and people: `marketing.O1.2`, `marketing.anna.O1.2`."""
        return f"{self.plan_id}.{local_id}"

    def qualify_link(self, target: str) -> str:
        """What an objective of the plan is aligned to or a key result feeds, unique across teams: a strategic
        id (`S1`) as it is; a person's link to their team's `O1` qualified by the team, `marketing.O1`."""
        return target if self.person is None else f"{self.team.id}.{target}"


def plan_of(qualified_id: str) -> str:
    """The plan a qualified id is of (TeamQuarter.plan_id): `marketing` of `marketing.O1.2`, `marketing.anna`
    of `marketing.anna.O1.2` and of `marketing.anna` itself. Team and person ids are lower case, local ids
    start with a capital."""
    return _LOCAL_PART.sub("", qualified_id)


_LOCAL_PART = re.compile(r"\.[A-Z].*$")


def _check_unique(where: str | Words, ids: list[str]) -> None:
    said = where if isinstance(where, Words) else Words(where, where)
    seen: set[str] = set()
    for item in ids:
        if item in seen:
            raise ModelError(
                Words(f"{said.sv}: id {item!r} används två gånger", f"{said.en}: id {item!r} is used twice")
            )
        seen.add(item)
