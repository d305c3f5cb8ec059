"""The consolidated report workbook: what the admin prints, A4, for the office noticeboard.

Printed in this order: the poster and a page per team (okrxl.outputs.noticeboard), then the meeting's
pages: the overview, what changed since the last meeting and who missed the check-in, the gaps, the
alignment and the files read. A data sheet (an Excel table) follows, not printed. The words, formats
and writers every page shares are in okrxl.outputs.pages.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from okrxl.core.alignment import Gap, GapCounts, latest_scheduled_check_in, missed_check_ins
from okrxl.core.changes import ChangeKind
from okrxl.core.model import INITIATIVE_STATE_WORDS, InitiativeState, Person, plan_of
from okrxl.core.problems import CellRef, Problem
from okrxl.core.scoring import (
    GRADE_WORDS,
    AssessedKeyResult,
    Grade,
    Status,
    each_key_result,
    elapsed_share,
    score_text,
)
from okrxl.core.status import GradeCounts, QuarterStatus, SweetSpot, team_trend
from okrxl.core.words import NOUNS, SEVERITY_WORDS, Words, counted
from okrxl.excel import layout
from okrxl.excel.book import NOTICEBOARD_PAPER, escape_header, new_workbook, set_up_page, write_value
from okrxl.excel.files import REPORT_PROPERTY
from okrxl.excel.layout import Lang
from okrxl.outputs.noticeboard import poster_page, team_page
from okrxl.outputs.pages import (
    INITIATIVE_SYMBOLS,
    STATUS_SYMBOLS,
    TEXT,
    ReportBook,
    as_of_text,
    aspirational_grade,
    current_text,
    from_to,
    grade_format,
    grade_text,
    number_text,
    status_text,
    write_header_row,
    write_heading,
    write_score,
    write_title,
)

if TYPE_CHECKING:  # for annotations only: the report reads no workbook
    from okrxl.excel.workbook_reader import RowCells

CHANGE_WORDS = {
    ChangeKind.DONE: Words("✔ klar", "✔ done"), ChangeKind.WORSE: Words("▼ sämre", "▼ worse"),
    ChangeKind.BETTER: Words("▲ bättre", "▲ better"), ChangeKind.STALE: Words("inaktuell", "stale"),
    ChangeKind.MOVER: Words("rörelse", "mover"), ChangeKind.NEW_GAP: Words("ny lucka", "new gap"),
    ChangeKind.RESOLVED_GAP: Words("löst lucka", "resolved gap"),
}  # fmt: skip
HEADLINE_STATUSES = (Status.DONE, Status.ON_TRACK, Status.BEHIND, Status.AT_RISK, Status.OVERDUE,
                     Status.NOT_STARTED, Status.UNSCORED)  # fmt: skip
"""The order the overview counts key results in: those under way from done to overdue, then those not
started and those without a target. A reading order, not a ranking (that is `Status.rank`)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ReportSources:
    """Where each id and file came from, for the gaps and files pages (empty for the built-in example)."""

    locations: dict[str, tuple[str, CellRef | None]] = field(default_factory=dict)
    """Qualified id -> (file name, cell of its id)."""
    files: Sequence[tuple[str, str, str, Sequence[Problem]]] = ()
    """(file, team, verdict, problems) per file read."""
    rows: dict[str, RowCells] = field(default_factory=dict)
    """Qualified id -> the cells of its row, for the exact cell of each gap."""

    def place(self, gap: Gap) -> tuple[str, CellRef | None]:
        """(file name, cell) of what `gap` is about: the cell that holds or lacks the value."""
        file, cell = self.locations.get(gap.where, ("", None))
        cells = self.rows.get(gap.where)
        return (file, cells.cell(gap.field, holding=gap.linked_id)) if cells is not None else (file, cell)


def write_report(
    path: Path, status: QuarterStatus, *, lang: Lang = "sv", sources: ReportSources | None = None,
    for_print: bool = False,
) -> None:  # fmt: skip
    """Write the report; `for_print` leaves out the data sheet (for the PDF)."""
    sources = sources or ReportSources()
    workbook = new_workbook(path, title=f"OKR {status.quarter}", subject=status.as_of.isoformat())  # report_as_of
    workbook.set_custom_property(REPORT_PROPERTY, str(status.quarter))
    book = ReportBook(workbook, lang)
    side = "&11"  # the size of the header's and footer's text: no smaller than a team page's
    header = (f"&L{side}{escape_header(status.strategy.company)} · {status.quarter}&C{side}&A"
              f"&R{side}{escape_header(as_of_text(book, status))}")  # fmt: skip
    book.sheet_names = {TEXT[k](book.lang).casefold() for k in ("poster", "overview", "changes", "alignment", "gaps",
                                                                "files", "data")} | {layout.SHEET_META}  # fmt: skip
    trends = {team.plan.team.id: team_trend(status.strategy, team.plan, status.quarter, status.as_of)
              for team in status.assessment.teams}  # fmt: skip
    poster_page(book, status, trends)
    for team in status.assessment.teams:
        team_page(book, status, team, header, trends[team.plan.team.id])
    _overview(book, status, header)
    if status.since is not None:
        _changes_page(book, status, header)
    _gaps_page(book, status, sources, header)
    _alignment_page(book, status, header)
    _files_page(book, sources, header)
    if not for_print:
        _data_sheet(book, status, sources)
    meta = workbook.add_worksheet(layout.SHEET_META)
    for row, (key, value) in enumerate([(layout.META_SCHEMA, layout.SCHEMA_VERSION), (layout.META_WORKBOOK, "report"),
                                        (layout.META_QUARTER, status.quarter), ("as_of", status.as_of)]):  # fmt: skip
        meta.write_string(row, 0, key)
        meta.write_string(row, 1, str(value))
    meta.hide()
    workbook.close()


def _overview(book: ReportBook, status: QuarterStatus, header: str) -> None:
    sheet = book.workbook.add_worksheet(book.t("overview"))
    strategy, assessment = status.strategy, status.assessment
    share = f"{elapsed_share(assessment.period, status.as_of):.0%}"
    row = write_title(book, sheet, f"{book.t('title', quarter=status.quarter)} – {strategy.company}",
                      book.t("as_of", as_of=status.as_of, share=share))  # fmt: skip
    if status.outside:  # before the quarter, zeros are no results: the page says so
        book.text(sheet, row - 1, 0, status.outside(book.lang), book.fmt(bold=True, font_size=14, font_color="#9C0006"))
    book.columns(sheet, OVERVIEW_WIDTHS)
    wrap = book.fmt(text_wrap=True)
    bold = book.fmt(bold=True)
    for key, text in (("vision", strategy.vision), ("mission", strategy.mission)):
        book.text(sheet, row, 0, book.t(key), bold)
        book.text(sheet, row, 1, text, wrap)
        row += 1
    row += 1

    # Headline numbers.
    write_heading(book, sheet, row, book.t("headline"))
    row += 1

    def headline(number: float | None, text: str, percent: bool = False) -> None:
        """A big number and what it counts, on a row tall enough for both."""
        big = book.fmt(bold=True, font_size=18, align="right", valign="vcenter", num_format="0%" if percent else "0")
        if number is None:
            sheet.write_string(row, 0, "–", big)
        else:
            sheet.write_number(row, 0, number, big)
        sheet.write_string(row, 1, text, book.fmt(font_size=14, text_wrap=True, valign="vcenter"))
        lines = math.ceil(len(text) / (OVERVIEW_WIDTHS[1] * 13 / 14 - 2))
        sheet.set_row(row, max(26, 14 * 1.3 * lines + 6))

    for key, value in (("aligned_share", status.aligned_share), ("coverage", status.coverage)):
        headline(value, book.t(key), percent=True)
        row += 1
    counts = {s: 0 for s in Status}
    stale = 0
    for item in status.assessment.team_key_results():
        counts[item.assessment.status] += 1
        stale += item.assessment.stale
    parts = [f"{STATUS_SYMBOLS[s]} {counts[s]} {layout.STATUS_WORDS[s](book.lang)}" for s in HEADLINE_STATUSES
             if counts[s]]  # fmt: skip
    headline(sum(counts.values()), f"{book.t('key_results')}: {'   '.join(parts)}")
    row += 1
    headline(stale, f"{book.t('key_results')} {book.t('stale')}")
    row += 1
    states = [i.state for plan in status.plans for i in plan.initiatives]
    by_state = [f"{INITIATIVE_SYMBOLS[state]} {states.count(state)} {INITIATIVE_STATE_WORDS[state](book.lang)}"
                for state in InitiativeState if state in states]  # fmt: skip
    headline(len(states), f"{book.t('initiatives')}: {'   '.join(by_state)}" if by_state else book.t("initiatives"))
    row += 1
    headline(len(status.gaps), _gap_count_text(book, status.gap_counts))
    row += 2

    row = _closing_block(book, sheet, row, status)
    # Strategic objectives: measured and carried, never mixed.
    write_heading(book, sheet, row, book.t("strategy"))
    row += 1
    write_header_row(book, sheet, row, [book.t("id"), book.t("item"), book.t("measured"), book.t("carried"),
                                   book.t("status")])  # fmt: skip
    row += 1
    for measured, carried in assessment.strategic_objectives():
        objective = measured.objective
        book.text(sheet, row, 0, objective.id, book.fmt(bold=True, border=1))
        book.text(sheet, row, 1, objective.title, book.fmt(text_wrap=True, border=1))
        write_score(book, sheet, row, 2, measured.score, measured.grade)
        carried_grade = aspirational_grade(status, carried)
        write_score(book, sheet, row, 3, carried, carried_grade)
        book.text(sheet, row, 4, status_text(book, measured.status), book.fmt(border=1))
        row += 1
    row += 1

    # Teams (the poster draws them; here are the numbers).
    write_heading(book, sheet, row, book.t("teams"))
    row += 1
    write_header_row(book, sheet, row, [book.t("id"), book.t("team"), book.t("score"), book.t("grade"),
                                        book.t("status"), book.t("lead")])  # fmt: skip
    for team in assessment.teams:
        row += 1
        book.text(sheet, row, 0, team.plan.team.id, book.fmt(border=1))
        book.text(sheet, row, 1, team.plan.team.name, book.fmt(bold=True, border=1))
        write_score(book, sheet, row, 2, team.score, team.grade)
        book.text(sheet, row, 3, grade_text(book, team.grade), grade_format(book, team.grade))
        book.text(sheet, row, 4, status_text(book, team.status), book.fmt(border=1))
        book.text(sheet, row, 5, team.plan.team.lead or "", book.fmt(border=1))
    row += 2
    sheet.write_string(row, 0, book.t("legend"), book.fmt(italic=True, font_size=11))
    book.fit_rows(sheet)
    _set_up(sheet, header, None, (row, 5), OVERVIEW_WIDTHS)


OVERVIEW_WIDTHS = (9, 52, 15, 15, 15, 15)
PAGE_CHARS = 128
"""The column widths (characters) a landscape A4 page holds at 100 % (see okrxl.outputs.noticeboard)."""


def _set_up(sheet, header: str, header_row: int | None, last_cell: tuple[int, int], widths) -> None:
    """A meeting page at 100 % (12 pt text prints at 12 pt), its table's header on every page; one wider
    than a page (the alignment of many teams) goes on to the right, its first two columns on every page."""
    fits = sum(widths) <= PAGE_CHARS
    set_up_page(sheet, NOTICEBOARD_PAPER, header=header, repeat_to=header_row, last_cell=last_cell, scale=100,
                repeat_columns=None if fits else 1)  # fmt: skip


def _changes_page(book: ReportBook, status: QuarterStatus, header: str) -> None:
    """What changed since the last meeting, and who missed the check-in."""
    sheet = book.workbook.add_worksheet(book.t("changes"))
    row = write_title(book, sheet, book.t("changes_title", since=status.since), as_of_text(book, status))
    widths = [14, 17, 16, 16, 64]
    book.columns(sheet, widths)
    write_header_row(book, sheet, row, [book.t(k) for k in ("change", "where", "before", "after", "message")])
    header_row = row
    for change in status.changes:
        row += 1
        cell = book.fmt(text_wrap=True, border=1)
        book.text(sheet, row, 0, CHANGE_WORDS[change.kind](book.lang), book.fmt(bold=True, border=1))
        book.text(sheet, row, 1, change.where, cell)
        for col, value in ((2, change.before), (3, change.after)):
            if isinstance(value, Status):
                book.text(sheet, row, col, status_text(book, value), cell)
            elif isinstance(value, float):
                sheet.write_number(row, col, value, book.fmt(border=1, num_format="0.00"))
            else:
                book.text(sheet, row, col, "" if value is None or isinstance(value, bool) else str(value), cell)
        book.text(sheet, row, 4, change.text(book.lang), cell)
    row = _missed_rows(book, sheet, row, status)
    if not status.changes:
        row += 1
        sheet.write_string(row, 0, book.t("changes_none", since=status.since))
    book.fit_rows(sheet)
    _set_up(sheet, header, header_row, (row, 4), widths)


def _missed_rows(book: ReportBook, sheet, row: int, status: QuarterStatus) -> int:
    """A row per key result without a value at the latest scheduled check-in (gap `missed-checkin`), team
    by team, with the date of its newest value; or a line saying every key result has one. Returns the
    last row written."""
    scheduled = latest_scheduled_check_in(status.strategy, status.quarter, status.as_of)
    if scheduled is None:
        return row
    missed = missed_check_ins(status.gaps)
    people = [(team, person) for team in status.people.teams for person in team.missed] if status.people else []
    if not missed and not people:
        sheet.write_string(row + 1, 0, book.t("missed_none", date=scheduled))
        return row + 1
    cell = book.fmt(text_wrap=True, border=1)
    for plan in status.plans:
        for local_id in missed.get(plan.team.id, ()):
            assessed = status.assessment.key_results[plan.qualify(local_id)]
            row += 1
            book.text(sheet, row, 0, book.t("missed"), book.fmt(bold=True, border=1))
            book.text(sheet, row, 1, plan.qualify(local_id), cell)
            book.text(sheet, row, 2, str(assessed.last_check_in or "–"), cell)
            book.text(sheet, row, 3, "", cell)
            book.text(sheet, row, 4, book.t("missed_message", title=assessed.key_result.title, date=scheduled), cell)
    for team, person in people:  # by name only: which key results, and their values, are the person's own
        row += 1
        book.text(sheet, row, 0, book.t("missed"), book.fmt(bold=True, border=1))
        book.text(sheet, row, 1, f"{team.team.id}.{person.id}", cell)
        book.text(sheet, row, 2, "", cell)
        book.text(sheet, row, 3, "", cell)
        book.text(sheet, row, 4, book.t("personal_missed_message", name=person.name, date=scheduled), cell)
    return row


def _closing_block(book: ReportBook, sheet, row: int, status: QuarterStatus) -> int:
    """At quarter close: grades, the committed hit rate and the average score against the sweet spot."""
    close = status.close
    if close is None:
        return row
    write_heading(book, sheet, row, book.t("close"))

    def grades(counts: GradeCounts) -> str:
        return ", ".join(f"{counts[g]} {GRADE_WORDS[g](book.lang)}" for g in (Grade.GREEN, Grade.YELLOW, Grade.RED))

    lines = [
        book.t("close_grades", objectives=grades(close.objectives_by_grade),
               key_results=grades(close.key_results_by_grade)),
        book.t("close_committed", hit=close.committed_hit, count=close.committed),
        book.t("close_average", average=_score_text(close.average_score),
               verdict=book.t(close.sweet_spot or SweetSpot.WITHIN)),
    ]  # fmt: skip
    for line in lines:
        row += 1
        sheet.write_string(row, 1, line, book.fmt(font_size=14))
    return row + 2


def _gap_count_text(book: ReportBook, counts: GapCounts) -> str:
    errors, warnings = (counted(n, *NOUNS[noun])(book.lang) for n, noun in ((counts.errors, "error"),
                                                                           (counts.warnings, "warning")))  # fmt: skip
    return book.t("gap_count", errors=errors, warnings=warnings, infos=counts.infos)


def _alignment_page(book: ReportBook, status: QuarterStatus, header: str) -> None:
    sheet = book.workbook.add_worksheet(book.t("alignment"))
    row = write_title(book, sheet, book.t("alignment"), book.t("matrix"))
    widths = [7, 34, 30] + [18] * max(len(status.plans), 2)
    book.columns(sheet, widths)
    write_header_row(book, sheet, row, [book.t("id"), book.t("strategy"), *(p.team.name for p in status.plans),
                                   book.t("carried")])  # fmt: skip
    header_row = row
    team_scores = {
        (team.plan.team.id, assessed.objective.id): assessed.score
        for team in status.assessment.teams
        for assessed in team.objectives
    }
    for measured, carried in status.assessment.strategic_objectives():
        objective = measured.objective
        row += 1
        book.text(sheet, row, 0, objective.id, book.fmt(bold=True, border=1))
        book.text(sheet, row, 1, objective.title, book.fmt(text_wrap=True, border=1))
        for col, plan in enumerate(status.plans, start=2):
            carriers = [o for o in plan.objectives if objective.id in o.aligned_to]
            text = "\n".join(f"{o.id} {_score_text(team_scores[(plan.team.id, o.id)])}" for o in carriers)
            book.text(sheet, row, col, text, book.fmt(text_wrap=True, border=1, bg_color="#E2EFDA" if carriers
                                                        else "#FFFFFF", pattern=1))  # fmt: skip
        write_score(book, sheet, row, 2 + len(status.plans), carried, aspirational_grade(status, carried))
    row += 2
    write_heading(book, sheet, row, book.t("feeds"))
    row += 1
    write_header_row(book, sheet, row, [book.t("id"), book.t("strategic_kr"), book.t("fed_by"), book.t("sum"),
                                   book.t("leadership")])  # fmt: skip
    for measured in status.assessment.strategic:
        for kr_assessed in measured.key_results:
            kr = kr_assessed.key_result
            row += 1
            feeding = status.feeding[kr.id]
            cell = book.fmt(text_wrap=True, border=1)
            book.text(sheet, row, 0, kr.id, book.fmt(bold=True, border=1))
            book.text(sheet, row, 1, f"{kr.title} ({from_to(kr)})", cell)
            if feeding.total is not None:
                book.text(sheet, row, 3, f"{number_text(feeding.total)} {kr.unit or ''}".strip(), cell)
            else:
                why = "units_differ" if any(f.key_result.unit != kr.unit for f in feeding.feeders) else "not_summed"
                book.text(sheet, row, 3, book.t(why) if feeding.feeders else "", cell)
            current = current_text(kr, kr_assessed)
            book.text(sheet, row, 4, f"{current} {kr.unit or ''}".strip(), cell)
            # A row per feeder: a cell of many lines would grow past what a row may hold (409 pt).
            for index, line in enumerate([_feeder_line(fed) for fed in feeding.feeders] or [book.t("none")]):
                if index:
                    row += 1
                    for col in (0, 1, 3, 4):
                        sheet.write_blank(row, col, None, cell)
                book.text(sheet, row, 2, line, cell)
    book.fit_rows(sheet)
    _set_up(sheet, header, header_row, (row, 2 + len(status.plans)), widths)


def _feeder_line(fed: AssessedKeyResult) -> str:
    """`sales.O1.1 New customers' invoicing: 2.1 MSEK`."""
    unit = f" {fed.key_result.unit}" if fed.key_result.unit else ""
    return f"{fed.id} {fed.key_result.title}: {current_text(fed.key_result, fed.assessment)}{unit}"


def _score_text(score: float | None) -> str:
    return score_text(score)


def _gaps_page(book: ReportBook, status: QuarterStatus, sources: ReportSources, header: str) -> None:
    sheet = book.workbook.add_worksheet(book.t("gaps"))
    row = write_title(book, sheet, book.t("gaps"), _gap_count_text(book, status.gap_counts))
    widths = [9, 19, 16, 15, 13, 56]
    book.columns(sheet, widths)
    write_header_row(book, sheet, row, [book.t(k) for k in ("severity", "code", "where", "file", "cell", "message")])
    header_row = row
    colours = {"error": "#FFC7CE", "warning": "#FFEB9C", "info": "#DDEBF7"}
    for gap in status.gaps:
        row += 1
        file, cell = sources.place(gap)
        severity = str(gap.severity)
        book.text(sheet, row, 0, SEVERITY_WORDS[severity](book.lang),
                           book.fmt(bold=True, border=1, bg_color=colours[severity], pattern=1))  # fmt: skip
        texts = [str(gap.code), gap.where, file, str(cell) if cell else "", gap.text(book.lang)]
        for col, text in enumerate(texts, start=1):
            book.text(sheet, row, col, text, book.fmt(text_wrap=True, border=1))
    if not status.gaps:
        book.text(sheet, row + 1, 0, book.t("no_gaps"))
        row += 1
    row = _personal_gap_rows(book, sheet, row, status, sources, colours)
    book.fit_rows(sheet)
    _set_up(sheet, header, header_row, (row, 5), widths)


def personal_gaps_by_person(status: QuarterStatus) -> list[tuple[Person, Gap]]:
    """The gaps of people's plans, each with its person, team by team in the strategy's order, each person's
    most severe first. None of them tells a score or a status (the core leaves those out,
    okrxl.core.alignment.PRIVATE_GAPS): the gaps page prints them whatever the strategy's setting."""
    if status.people is None:
        return []
    by_plan: dict[str, list[Gap]] = {}
    for gap in status.people.gaps:
        by_plan.setdefault(plan_of(gap.where), []).append(gap)
    return [(assessed.plan.person, gap) for team in status.people.teams for assessed in team.plans
            for gap in by_plan.get(assessed.plan.plan_id, ())]  # fmt: skip


def _personal_gap_rows(book: ReportBook, sheet, row: int, status: QuarterStatus, sources: ReportSources,
                       colours: dict[str, str]) -> int:  # fmt: skip
    """Below the teams' gaps, under a heading, the gaps of people's plans, the message led by the person's
    name. Returns the last row written."""
    gaps = personal_gaps_by_person(status)
    if not gaps:
        return row
    row += 2
    write_heading(book, sheet, row, book.t("personal"))
    for person, gap in gaps:
        row += 1
        file, cell = sources.place(gap)
        severity = str(gap.severity)
        book.text(sheet, row, 0, SEVERITY_WORDS[severity](book.lang),
                  book.fmt(bold=True, border=1, bg_color=colours[severity], pattern=1))  # fmt: skip
        texts = [str(gap.code), gap.where, file, str(cell) if cell else "", f"{person.name}: {gap.text(book.lang)}"]
        for col, text in enumerate(texts, start=1):
            book.text(sheet, row, col, text, book.fmt(text_wrap=True, border=1))
    return row


def _files_page(book: ReportBook, sources: ReportSources, header: str) -> None:
    sheet = book.workbook.add_worksheet(book.t("files"))
    row = write_title(book, sheet, book.t("files"))
    widths = [26, 12, 11, 12, 19, 48]
    book.columns(sheet, widths)
    write_header_row(book, sheet, row, [book.t(k) for k in ("file", "team", "verdict", "cell", "code", "problem")])
    header_row = row
    for file, team, verdict, problems in sources.files:
        row += 1
        cell = book.fmt(text_wrap=True, border=1)
        book.text(sheet, row, 0, file, book.fmt(bold=True, border=1))
        book.text(sheet, row, 1, team, cell)
        book.text(sheet, row, 2, verdict, cell)
        for index, problem in enumerate(problems):
            if index:
                row += 1
                for col in range(3):
                    sheet.write_blank(row, col, None, cell)
            book.text(sheet, row, 3, str(problem.cell) if problem.cell else "", cell)
            book.text(sheet, row, 4, problem.code, cell)
            book.text(sheet, row, 5, problem.text(book.lang), cell)
        if not problems:
            for col in range(3, 6):
                sheet.write_blank(row, col, None, cell)
    book.fit_rows(sheet)
    _set_up(sheet, header, header_row, (row, 5), widths)


DATA_COLUMNS = (
    "team", "objective_id", "objective", "aligned_to", "id", "title", "kind", "commitment", "unit", "baseline",
    "target", "current", "progress", "score", "grade", "status", "stale", "confidence", "due", "weight", "owner",
    "feeds", "depends_on", "last_check_in", "file", "cell",
)  # fmt: skip


INITIATIVE_COLUMNS = ("team", "id", "title", "owner", "serves", "state", "due", "note")
"""The data sheet's second table, `initiatives`, and the DataFrame `Consolidation.initiatives()`."""


def initiative_rows(status: QuarterStatus) -> Iterator[dict]:
    """One row per initiative of every team, ids qualified as in the status document (`sales.I1`, and the key
    results it serves `sales.O1.2, sales.O2.2`): the data sheet and the DataFrame."""
    for plan in status.plans:
        for initiative in plan.initiatives:
            yield {
                "team": plan.team.id, "id": plan.qualify(initiative.id), "title": initiative.title,
                "owner": initiative.owner, "serves": ", ".join(plan.qualify(kr_id) for kr_id in initiative.serves),
                "state": str(initiative.state), "due": initiative.due, "note": initiative.note,
            }  # fmt: skip


def key_result_rows(status: QuarterStatus, sources: ReportSources | None = None) -> Iterator[dict]:
    """One row per team key result with every field: the data sheet and the DataFrame."""
    sources = sources or ReportSources()
    for item in status.assessment.team_key_results():
        file, cell = sources.locations.get(item.id, ("", None))
        yield _data_row(item, file, cell)


def _data_row(item: AssessedKeyResult, file: str, cell: CellRef | None) -> dict:
    plan, objective, kr, assessed = item.plan, item.objective, item.key_result, item.assessment
    return {
        "team": plan.team.id, "objective_id": plan.qualify(objective.id), "objective": objective.title,
        "aligned_to": ", ".join(objective.aligned_to), "id": item.id, "title": kr.title,
        "kind": str(kr.kind), "commitment": str(kr.commitment), "unit": kr.unit, "baseline": kr.baseline,
        "target": kr.target, "current": assessed.current, "progress": assessed.progress, "score": assessed.score,
        "grade": str(assessed.grade) if assessed.grade else None, "status": str(assessed.status),
        "stale": assessed.stale, "confidence": str(assessed.confidence) if assessed.confidence else None,
        "due": kr.due, "weight": kr.weight, "owner": kr.owner, "feeds": kr.feeds,
        "depends_on": ", ".join(d.key_result_id for d in kr.depends_on), "last_check_in": assessed.last_check_in,
        "file": file, "cell": str(cell) if cell else None,
    }  # fmt: skip


PERSONAL_COLUMNS = (
    "team", "person", "person_name", "objective_id", "objective", "aligned_to", "id", "title", "kind", "commitment",
    "unit", "baseline", "target", "current", "progress", "score", "grade", "status", "stale", "confidence", "due",
    "weight", "owner", "feeds", "depends_on", "last_check_in", "person_score", "person_grade", "person_status",
    "file", "cell",
)  # fmt: skip
"""One row per key result of a person's plan: DATA_COLUMNS with the person beside the team and the person's own
score, grade and status; `aligned_to` and `feeds` are the team's ids, qualified (`marketing.O1`, as in the status
document). The data sheet's third table, `people`, and the DataFrame `Consolidation.people()`."""


def personal_rows(status: QuarterStatus, sources: ReportSources | None = None) -> Iterator[dict]:
    """One row per key result of every person's plan, team by team in the strategy's order, each team's people
    in its order (okrxl.core.personal); none when the strategy has personal OKRs switched off."""
    if status.people is None:
        return
    sources = sources or ReportSources()
    for team in status.people.teams:
        for assessed in team.plans:
            plan, person = assessed.plan, assessed.plan.person
            for item in each_key_result((assessed,)):
                file, cell = sources.locations.get(item.id, ("", None))
                kr = item.key_result
                yield _data_row(item, file, cell) | {
                    "person": person.id, "person_name": person.name,
                    "aligned_to": ", ".join(map(plan.qualify_link, item.objective.aligned_to)),
                    "feeds": None if kr.feeds is None else plan.qualify_link(kr.feeds),
                    "person_score": assessed.score, "person_grade": str(assessed.grade) if assessed.grade else None,
                    "person_status": str(assessed.status),
                }  # fmt: skip


def _data_sheet(book: ReportBook, status: QuarterStatus, sources: ReportSources) -> None:
    sheet = book.workbook.add_worksheet(book.t("data"))
    date_format = book.workbook.add_format({"num_format": "yyyy-mm-dd"})
    # key_result_rows makes one row at a time: a thousand teams have 20,000 key results.
    last = _table_below(sheet, 0, "key_results", DATA_COLUMNS, key_result_rows(status, sources), date_format)
    # Below the key results, two rows apart: filtering one table then hides no row of the other (side by side,
    # it would). okrxl reads back only the table `key_results`.
    last = _table_below(sheet, last + 3, "initiatives", INITIATIVE_COLUMNS, initiative_rows(status), date_format)
    if status.people is not None:  # data, not printed: the people's scores whatever the pages may show
        _table_below(sheet, last + 3, "people", PERSONAL_COLUMNS, personal_rows(status, sources), date_format)
    for c, key in enumerate(DATA_COLUMNS):
        sheet.set_column(c, c, 40 if key in ("objective", "title") else 14)
    sheet.freeze_panes(1, 0)


def _table_below(sheet, first: int, name: str, columns: Sequence[str], rows: Iterator[dict], date_format) -> int:
    """An Excel table `name` of `rows` from row `first` (its header) down, in the workbook's default font
    (Calibri 11: a sheet for filtering, not for print); its last row."""
    last = first
    for last, item in enumerate(rows, start=first + 1):
        for c, key in enumerate(columns):
            if item[key] is not None and item[key] != "":  # no blank cells in a sheet of data
                write_value(sheet, last, c, item[key], None, date_format=date_format)
    last = max(last, first + 1)  # a table has a row below its header, even an empty one
    sheet.add_table(first, 0, last, len(columns) - 1, {
        "name": name, "columns": [{"header": key} for key in columns], "style": "Table Style Medium 2",
    })  # fmt: skip
    return last
