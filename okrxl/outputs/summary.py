"""A quarter's status as plain text for the terminal."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from okrxl.core.alignment import Gap, latest_scheduled_check_in, missed_check_ins
from okrxl.core.model import KeyResult, KeyResultKind
from okrxl.core.scoring import KeyResultAssessment, elapsed_share, score_text
from okrxl.core.status import QuarterStatus
from okrxl.excel.folder import FolderReading, plan_gaps

TITLE_WIDTH = 56


def _outside_the_quarter(status: QuarterStatus) -> list[str]:
    """A line that says so when the as-of date is not in the quarter, so that zeros are not read as results."""
    period = status.assessment.period
    if status.as_of < period.start:
        return [f"{status.quarter} has not started on {status.as_of} (it starts {period.start}): the scores below "
                "are no results yet; run okrxl consolidate with --as-of a date in the quarter"]  # fmt: skip
    if status.as_of > period.end:
        return [f"{status.quarter} is over (it ended {period.end}): these are its final scores"]
    return []


def render_summary(status: QuarterStatus) -> str:
    strategy, assessment = status.strategy, status.assessment
    period = assessment.period
    elapsed = elapsed_share(period, status.as_of)
    lines = [
        f"{strategy.company} · {status.quarter} ({period.start} to {period.end}) · "
        f"as of {status.as_of}, {elapsed:.0%} of the quarter",
        *_outside_the_quarter(status),
        f"Vision:  {strategy.vision}",
        f"Mission: {strategy.mission}",
        "",
        "Strategy: measured (against the year) and carried (by the teams this quarter)",
    ]
    for measured, carried in assessment.strategic_objectives():
        objective = measured.objective
        lines.append(
            f"  {objective.id:<6}{_title(objective.title, TITLE_WIDTH + 14)}"
            f"  measured {_score(measured.score)}  carried {_score(carried)}"
        )
        lines += [_key_result_line(kr_assessed) for kr_assessed in measured.key_results]
    for team in assessment.teams:
        plan = team.plan
        lines += [
            "",
            f"{plan.team.name} ({plan.team.id}), lead {plan.team.lead or '-'}: "
            f"score {_score(team.score)} {team.grade or ''}, {team.status}",
        ]
        for assessed in team.objectives:
            objective = assessed.objective
            aligned = f" -> {', '.join(objective.aligned_to)}" if objective.aligned_to else " -> (not aligned)"
            lines.append(
                f"  {objective.id:<6}{_title(objective.title + aligned, TITLE_WIDTH + 18)}"
                f"{_score(assessed.score):>6}  {assessed.grade or '':<7}{assessed.status}"
            )
            lines += [_key_result_line(kr_assessed) for kr_assessed in assessed.key_results]
        lines += [f"  note: {note}" for note in plan.notes]
    scheduled = latest_scheduled_check_in(strategy, status.quarter, status.as_of)
    if missed := missed_check_in_lines(scheduled, status.gaps):
        lines += ["", *missed]
    lines += ["", f"Gaps ({len(status.gaps)})"]
    for gap in status.gaps:
        lines.append(f"  {gap.severity:<8}{gap.code:<21}{gap.where:<16}{gap.message}")
    lines += [
        "",
        f"Aligned share {_percent(status.aligned_share)} · coverage {_percent(status.coverage)}",
    ]
    return "\n".join(lines) + "\n"


def _key_result_line(assessed: KeyResultAssessment) -> str:
    kr = assessed.key_result
    flags = " stale" if assessed.stale else ""
    return (
        f"    {kr.id:<6}{_title(kr.title, TITLE_WIDTH)}{_progress_text(kr, assessed):>16}"
        f"{_score(assessed.score):>6}  {assessed.grade or '':<7}{assessed.status}{flags}"
    )


def _progress_text(kr: KeyResult, assessed: KeyResultAssessment) -> str:
    """`12 / 5 %` for metrics, `35 %` for milestones, `-` with no check-in."""
    if kr.kind.is_completion:
        return "-" if assessed.current is None else f"{assessed.current:.0%} done"
    current = "-" if assessed.current is None else f"{assessed.current:g}"
    target = "?" if kr.target is None else f"{kr.target:g}"
    unit = f" {kr.unit}" if kr.unit and kr.kind is not KeyResultKind.COUNT else ""
    return f"{current} / {target}{unit}"


def _title(text: str, width: int) -> str:
    return (text if len(text) <= width else text[: width - 1] + "…").ljust(width)


def _score(score: float | None) -> str:
    return "  -  " if score is None else score_text(score)


def _percent(share: float | None) -> str:
    return "-" if share is None else f"{share:.0%}"


def counted(count: int, word: str) -> str:
    """`1 error`, `2 errors`: a count with its noun, in English (the terminal's language)."""
    return f"{count} {word}{'' if count == 1 else 's'}"


def render_check(reading: FolderReading, *, as_of: dt.date | None = None) -> str:
    """Problems file by file, a one-line verdict per file, the plan's gaps under its problems, then what is
    wrong between the files and who missed the latest check-in (gaps judged at `as_of`, default today)."""
    gaps = plan_gaps(reading, as_of=as_of)
    lines = []
    for result in reading.files:
        counts = [counted(n, word) for n, word in ((result.errors, "error"), (result.warnings, "warning")) if n]
        verdict, plan = ", ".join(counts) or "ok", gaps.of(result)
        if plan:
            verdict += f", {counted(len(plan), 'gap')}"
        what = result.kind if result.kind != "team" else f"team {result.team.team_id}, {result.team.quarter}"
        lines.append(f"{result.path}: {verdict} ({what})")
        for problem in sorted(result.problems, key=lambda p: p.severity.rank):
            where = f"{problem.cell}  " if problem.cell else ""
            lines.append(f"  {problem.severity:<8}{where}{problem.code}: {problem.message}")
        for plan_gap in plan:
            gap = plan_gap.gap
            lines.append(f"  gap {gap.severity:<8}{plan_gap.cell or gap.where}  {gap.code}: {gap.message}")
    for gap in reading.gaps:
        lines.append(f"{gap.severity:<8}{gap.code}: {gap.message}")
    lines += missed_check_in_lines(gaps.scheduled, [pg.gap for plan in gaps.by_file.values() for pg in plan])
    lines += [f"note: {note}" for note in reading.notes]
    bad = sum(1 for r in reading.files if r.errors)
    lines.append(f"{counted(len(reading.files), 'file')} checked: {len(reading.files) - bad} readable without "
                 f"errors, {bad} with errors")  # fmt: skip
    return "\n".join(lines) + "\n"


def missed_check_in_lines(scheduled: dt.date | None, gaps: Sequence[Gap]) -> list[str]:
    """`Missed the check-in of 2027-02-15:` and a line per team with the key results that did; none when
    no key result did."""
    missed = missed_check_ins(gaps)
    if scheduled is None or not missed:
        return []
    return [f"Missed the check-in of {scheduled}:", *(f"  {team}: {', '.join(ids)}" for team, ids in missed.items())]


def render_consolidation(reading: FolderReading, status: QuarterStatus) -> str:
    """The few lines `okrxl consolidate` prints: what was read, the headline numbers, the teams."""
    teams = sum(1 for f in reading.files if f.used)
    unread = reading.unused
    lines = [
        f"{status.strategy.company} · {status.quarter} · as of {status.as_of}: "
        f"read {teams} team workbook{'s' if teams != 1 else ''}"
        + (f", {len(unread)} could not be used" if unread else ""),
        *_outside_the_quarter(status),
    ]
    for result in unread:
        lines.append(f"  {result.path.name}: {result.problems[-1].message if result.problems else result.verdict}")
    problems = sum(len(f.problems) for f in reading.files if f.used)
    if problems:
        lines.append(f"  {problems} problems in cells of the files read (okrxl check shows them)")
    for team in status.assessment.teams:
        lines.append(f"  {team.plan.team.name:<24}{_score(team.score)}  {team.grade or '':<7}{team.status}")
    lines += missed_check_in_lines(latest_scheduled_check_in(status.strategy, status.quarter, status.as_of),
                                   status.gaps)  # fmt: skip
    counts = status.gap_counts
    lines.append(
        f"Aligned share {_percent(status.aligned_share)} · coverage {_percent(status.coverage)} · "
        f"gaps: {counted(counts.errors, 'error')}, {counted(counts.warnings, 'warning')}, {counts.infos} info"
    )
    return "\n".join(lines) + "\n"


def render_year(review) -> str:
    """The year's team scores by quarter, for the terminal."""
    labels = review.labels
    lines = [f"{review.strategy.company} · {review.strategy.year}: " + ", ".join(labels)]
    lines.append(f"  {'':<24}" + "".join(f"{label:>10}" for label in labels))
    scores = review.team_scores()
    for team in review.strategy.teams:
        lines.append(f"  {team.name:<24}" + "".join(f"{_score(score):>10}" for score in scores[team.id].values()))
    return "\n".join(lines) + "\n"
