"""What changed since the last meeting: the same plans looked at on two dates. Pure.

The first thing the leadership reads every second week: key results whose status got worse or
better, newly done, newly stale, the biggest movers in score, new and resolved gaps.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass

from okrxl.core.alignment import Gap, GapCode
from okrxl.core.model import Quarter, TeamQuarter
from okrxl.core.scoring import QuarterAssessment, Status

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
    before: str | float | None
    after: str | float | None
    message: str


# Better is higher; unscored has no place on the scale.
_SCALE = {Status.AT_RISK: 0, Status.OVERDUE: 0, Status.BEHIND: 1, Status.NOT_STARTED: 2, Status.ON_TRACK: 3,
          Status.DONE: 4}  # fmt: skip


def previous_check_in(quarter: Quarter, as_of: dt.date, *, first_month: int, cadence_weeks: int) -> dt.date | None:
    """The check-in date before the newest one on or before `as_of`: the last meeting's."""
    dates = [d for d in quarter.check_in_dates(first_month=first_month, cadence_weeks=cadence_weeks) if d <= as_of]
    return dates[-2] if len(dates) >= 2 else None


def find_changes(
    plans: Sequence[TeamQuarter],
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
    for plan in plans:
        for objective in plan.objectives:
            for kr in objective.key_results:
                where = plan.qualify(kr.id)
                before, after = earlier.key_results[where], later.key_results[where]
                title = f"{kr.title!r}"
                if after.status is Status.DONE and before.status is not Status.DONE:
                    by_kind[ChangeKind.DONE].append(_change(ChangeKind.DONE, where, before.status, after.status,
                                                            f"{title} is done"))  # fmt: skip
                elif before.status in _SCALE and after.status in _SCALE and after.status != before.status:
                    kind = ChangeKind.WORSE if _SCALE[after.status] < _SCALE[before.status] else ChangeKind.BETTER
                    if _SCALE[after.status] == _SCALE[before.status]:
                        kind = ChangeKind.WORSE if after.status is Status.OVERDUE else ChangeKind.BETTER
                    by_kind[kind].append(_change(kind, where, before.status, after.status,
                                                 f"{title}: {before.status} -> {after.status}"))  # fmt: skip
                if after.stale and not before.stale:
                    by_kind[ChangeKind.STALE].append(
                        _change(ChangeKind.STALE, where, False, True, f"{title} has had no check-in for a while")
                    )
                if before.score is not None and after.score is not None and after.score != before.score:
                    deltas.append((abs(after.score - before.score), where, before.score, after.score, title))
    for _, where, old, new, title in sorted(deltas, key=lambda d: (-d[0], d[1]))[:movers]:
        by_kind[ChangeKind.MOVER].append(
            Change(
                kind=ChangeKind.MOVER,
                where=where,
                before=old,
                after=new,
                message=f"{title}: score {old:.2f} -> {new:.2f} ({new - old:+.2f})",
            )  # fmt: skip
        )
    # A new stale-checkin gap says what a "stale" change says already.
    old_gaps = {(g.code, g.where): g for g in earlier_gaps if g.code is not GapCode.STALE_CHECKIN}
    new_gaps = {(g.code, g.where): g for g in later_gaps if g.code is not GapCode.STALE_CHECKIN}
    for key, gap in new_gaps.items():
        if key not in old_gaps:
            by_kind[ChangeKind.NEW_GAP].append(_gap_change(ChangeKind.NEW_GAP, gap, f"new gap: {gap.message}"))
    for key, gap in old_gaps.items():
        if key not in new_gaps:
            by_kind[ChangeKind.RESOLVED_GAP].append(
                _gap_change(ChangeKind.RESOLVED_GAP, gap, f"resolved: {gap.message}")
            )
    return tuple(change for kind in ChangeKind for change in by_kind[kind])


def _change(kind: ChangeKind, where: str, before, after, message: str) -> Change:
    before = str(before) if isinstance(before, Status) else before
    after = str(after) if isinstance(after, Status) else after
    return Change(kind=kind, where=where, before=before, after=after, message=message)


def _gap_change(kind: ChangeKind, gap: Gap, message: str) -> Change:
    return Change(kind=kind, where=gap.where, before=None, after=str(gap.code), message=message)
