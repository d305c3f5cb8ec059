"""What changed since the last meeting: the same plans looked at on two dates. Pure.

The first thing the leadership reads every second week: key results whose status got worse or
better, newly done, newly stale, the biggest movers in score, new and resolved gaps.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from okrxl.core.alignment import Gap, GapCode
from okrxl.core.model import Quarter
from okrxl.core.scoring import QuarterAssessment, Status, score_text, shown_score

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
    message: str

    def to_json(self) -> dict[str, Any]:
        """The change in the status document: statuses and codes as their words."""
        return {"kind": str(self.kind), "where": self.where, "before": _json_value(self.before),
                "after": _json_value(self.after), "message": self.message}  # fmt: skip


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
    movers: int = MOVERS,
) -> tuple[Change, ...]:
    """The changes of the team key results and the gaps from `earlier` to `later`, most telling first."""
    by_kind: dict[ChangeKind, list[Change]] = {kind: [] for kind in ChangeKind}
    deltas = []
    for item in later.team_key_results():
        where, after = item.id, item.assessment
        before = earlier.key_results[where]
        title = f"{item.key_result.title!r}"
        direction = status_change(before.status, after.status)
        if after.status is Status.DONE and before.status is not Status.DONE:
            by_kind[ChangeKind.DONE].append(Change(kind=ChangeKind.DONE, where=where, before=before.status,
                                                   after=after.status, message=f"{title} is done"))  # fmt: skip
        elif direction is not None:
            by_kind[direction].append(Change(kind=direction, where=where, before=before.status, after=after.status,
                                             message=f"{title}: {before.status} -> {after.status}"))  # fmt: skip
        if after.stale and not before.stale:
            by_kind[ChangeKind.STALE].append(Change(kind=ChangeKind.STALE, where=where, before=False, after=True,
                                                    message=f"{title} has had no check-in for a while"))  # fmt: skip
        if before.score is not None and after.score is not None and after.score != before.score:
            deltas.append((abs(after.score - before.score), where, before.score, after.score, title))
    for _, where, old, new, title in sorted(deltas, key=lambda d: (-d[0], d[1]))[:movers]:
        by_kind[ChangeKind.MOVER].append(
            Change(
                kind=ChangeKind.MOVER,
                where=where,
                before=old,
                after=new,
                message=f"{title}: score {score_text(old)} -> {score_text(new)} "
                f"({shown_score(new) - shown_score(old):+.2f})",
            )  # fmt: skip
        )
    # A stale-checkin gap says what a "stale" change says already, and missed check-ins have a list of
    # their own on the changes page: a meeting's missed check-in is no new or resolved gap of it.
    said_elsewhere = (GapCode.STALE_CHECKIN, GapCode.MISSED_CHECKIN)
    old_gaps = {(g.code, g.where): g for g in earlier_gaps if g.code not in said_elsewhere}
    new_gaps = {(g.code, g.where): g for g in later_gaps if g.code not in said_elsewhere}
    for key, gap in new_gaps.items():
        if key not in old_gaps:
            by_kind[ChangeKind.NEW_GAP].append(_gap_change(ChangeKind.NEW_GAP, gap, f"new gap: {gap.message}"))
    for key, gap in old_gaps.items():
        if key not in new_gaps:
            by_kind[ChangeKind.RESOLVED_GAP].append(
                _gap_change(ChangeKind.RESOLVED_GAP, gap, f"resolved: {gap.message}")
            )
    return tuple(change for kind in ChangeKind for change in by_kind[kind])


def _gap_change(kind: ChangeKind, gap: Gap, message: str) -> Change:
    return Change(kind=kind, where=gap.where, before=None, after=gap.code, message=message)
