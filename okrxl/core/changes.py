"""What changed since the last meeting: the same plans looked at on two dates. Pure.

The first thing the leadership reads every second week: key results whose status got worse or
better, newly done, newly stale, the biggest movers in score, new and resolved gaps.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from okrxl.core.alignment import Gap, GapCode
from okrxl.core.model import Quarter
from okrxl.core.scoring import STATUS_WORDS, QuarterAssessment, Status, shown_score
from okrxl.core.words import Words, decimal

MOVERS = 5
"""How many of the biggest movers in score are listed."""


class ChangeKind(enum.StrEnum):
    DONE = "done"
    WORSE = "worse"
    BETTER = "better"
    STALE = "stale"
    MOVER = "mover"
    NEW_GAP = "new-gap"
    RESOLVED_GAP = "resolved-gap"


@dataclass(frozen=True, slots=True, kw_only=True)
class Change:
    kind: ChangeKind
    where: str
    """The qualified id of the key result (or what the gap is about)."""
    before: Status | float | bool | None
    """The status (done, worse, better), the score (mover), whether stale (stale); None for a gap."""
    after: Status | float | bool | GapCode | None
    """As `before`; for a new or resolved gap, its code."""
    text: Words
    """What a person reads, in both languages."""

    @property
    def message(self) -> str:
        """The text in English: what the status document carries."""
        return self.text.en

    def to_json(self) -> dict[str, Any]:
        """The change in the status document: statuses and codes as their words."""
        return {"kind": str(self.kind), "where": self.where, "before": _json_value(self.before),
                "after": _json_value(self.after), "message": self.message}  # fmt: skip


@dataclass(frozen=True, slots=True, kw_only=True)
class Seen:
    """What a meeting's report showed of a key result: the "before" of what changed since that meeting."""

    status: Status
    score: float | None
    stale: bool


def _json_value(value):
    return str(value) if isinstance(value, enum.Enum) else value


def previous_check_in(quarter: Quarter, as_of: dt.date, *, first_month: int, cadence_weeks: int) -> dt.date | None:
    """The check-in date before the newest one on or before `as_of`: the last meeting's."""
    dates = [d for d in quarter.check_in_dates(first_month=first_month, cadence_weeks=cadence_weeks) if d <= as_of]
    return dates[-2] if len(dates) >= 2 else None


def status_change(before: Status, after: Status) -> ChangeKind | None:
    """`worse` or `better` by `Status.rank`, None when the status did not move or one side is unranked.

    Overdue and at-risk are both on the bad step; between the two, turning overdue (a date has passed)
    is worse, though the rank shows an objective with both as at-risk.
    """
    if before is after or before.rank is None or after.rank is None:
        return None
    if before.step == after.step == _BAD_STEP:
        return ChangeKind.WORSE if after is Status.OVERDUE else ChangeKind.BETTER
    return ChangeKind.WORSE if after.rank < before.rank else ChangeKind.BETTER


_BAD_STEP = Status.AT_RISK.step


def find_changes(
    earlier: QuarterAssessment,
    earlier_gaps: Sequence[Gap],
    later: QuarterAssessment,
    later_gaps: Sequence[Gap],
    *,
    seen: Mapping[str, Seen] | None = None,
    movers: int = MOVERS,
) -> tuple[Change, ...]:
    """The changes of the team key results and the gaps from `earlier` to `later`, most telling first.

    `seen` is what the last meeting's report showed of each key result (by qualified id): where it has
    one, that is the "before", since the files may have been changed after the meeting (a value typed
    late, a confidence changed); elsewhere the "before" is `earlier`, the files looked at on its date.
    """
    seen = seen or {}
    by_kind: dict[ChangeKind, list[Change]] = {kind: [] for kind in ChangeKind}
    deltas = []
    for item in later.team_key_results():
        where, after = item.id, item.assessment
        before = seen.get(where) or earlier.key_results[where]
        title = repr(item.key_result.title)
        direction = status_change(before.status, after.status)
        if after.status is Status.DONE and before.status is not Status.DONE:
            by_kind[ChangeKind.DONE].append(Change(kind=ChangeKind.DONE, where=where, before=before.status,
                                                   after=after.status, text=Words(f"{title} är klart",
                                                                                  f"{title} is done")))  # fmt: skip
        elif direction is not None:
            text = Words("{title}: {before} → {after}", "{title}: {before} → {after}").format(
                title=title, before=STATUS_WORDS[before.status], after=STATUS_WORDS[after.status]
            )
            by_kind[direction].append(Change(kind=direction, where=where, before=before.status, after=after.status,
                                             text=text))  # fmt: skip
        if after.stale and not before.stale:
            text = Words(f"{title} har inte stämts av på länge", f"{title} has had no check-in for a while")
            by_kind[ChangeKind.STALE].append(Change(kind=ChangeKind.STALE, where=where, before=False, after=True,
                                                    text=text))  # fmt: skip
        if before.score is not None and after.score is not None and after.score != before.score:
            deltas.append((abs(after.score - before.score), where, before.score, after.score, title))
    for _, where, old, new, title in sorted(deltas, key=lambda d: (-d[0], d[1]))[:movers]:
        by_kind[ChangeKind.MOVER].append(
            Change(
                kind=ChangeKind.MOVER,
                where=where,
                before=old,
                after=new,
                text=Words("{title}: poäng {old} → {new} ({delta})", "{title}: score {old} → {new} ({delta})").format(
                    title=title,
                    old=decimal(shown_score(old), ".2f"),
                    new=decimal(shown_score(new), ".2f"),
                    delta=decimal(shown_score(new) - shown_score(old), "+.2f"),
                ),
            )  # fmt: skip
        )
    # A stale-checkin gap says what a "stale" change says already, and missed check-ins have a list of
    # their own on the changes page: a meeting's missed check-in is no new or resolved gap of it.
    said_elsewhere = (GapCode.STALE_CHECKIN, GapCode.MISSED_CHECKIN)
    old_gaps = {(g.code, g.where): g for g in earlier_gaps if g.code not in said_elsewhere}
    new_gaps = {(g.code, g.where): g for g in later_gaps if g.code not in said_elsewhere}
    for key, gap in new_gaps.items():
        if key not in old_gaps:
            by_kind[ChangeKind.NEW_GAP].append(
                _gap_change(ChangeKind.NEW_GAP, gap, Words("ny lucka: {gap}", "new gap: {gap}").format(gap=gap.text))
            )
    for key, gap in old_gaps.items():
        if key not in new_gaps:
            by_kind[ChangeKind.RESOLVED_GAP].append(
                _gap_change(ChangeKind.RESOLVED_GAP, gap, Words("löst: {gap}", "resolved: {gap}").format(gap=gap.text))
            )
    return tuple(change for kind in ChangeKind for change in by_kind[kind])


def _gap_change(kind: ChangeKind, gap: Gap, text: Words) -> Change:
    return Change(kind=kind, where=gap.where, before=None, after=gap.code, text=text)
