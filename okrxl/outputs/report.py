"""The consolidated report workbook: what the admin prints, A4, for the office noticeboard.

Overview, one page per team, alignment, gaps, the files read, and a data sheet (an Excel table,
not printed). Every text that came from a workbook is written with `write_string` in a workbook
whose `strings_to_formulas` and `strings_to_urls` are off: a title `=HYPERLINK(...)` stays text.
Grades and statuses are colour *and* word and symbol, so the page reads on a black-and-white printer.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from okrxl.core.alignment import Gap, GapCounts, latest_scheduled_check_in, missed_check_ins
from okrxl.core.changes import ChangeKind
from okrxl.core.model import Commitment, KeyResult, KeyResultKind
from okrxl.core.problems import CellRef, Problem
from okrxl.core.scoring import (
    GRADE_WORDS,
    AssessedKeyResult,
    Grade,
    KeyResultAssessment,
    Status,
    TeamAssessment,
    elapsed_share,
    grade_score,
    score_text,
)
from okrxl.core.status import GradeCounts, QuarterStatus, SweetSpot
from okrxl.core.words import Words
from okrxl.excel import layout
from okrxl.excel.book import NOTICEBOARD_PAPER, escape_header, new_workbook, set_up_page, write_value
from okrxl.excel.files import REPORT_PROPERTY
from okrxl.excel.layout import Lang
from okrxl.excel.template import DEFAULT as DEFAULT_TEMPLATE

if TYPE_CHECKING:  # for annotations only: the report reads no workbook
    from okrxl.excel.workbook_reader import RowCells

STATUS_SYMBOLS = {
    Status.DONE: "✔",
    Status.ON_TRACK: "●",
    Status.NOT_STARTED: "○",
    Status.BEHIND: "▲",
    Status.AT_RISK: "▼",
    Status.OVERDUE: "✖",
    Status.UNSCORED: "–",
}
GRADE_STYLES = {grade: DEFAULT_TEMPLATE.styles[grade.value] for grade in Grade}
"""The grades' fill and font colours: the built-in template's, the same as in the team workbooks."""
NAVY = "#1F3864"

# Every word of the report in both languages, by key.
TEXT: dict[str, Words] = {k: Words(*v) for k, v in {
    "overview": ("Översikt", "Overview"),
    "alignment": ("Samordning", "Alignment"),
    "gaps": ("Luckor", "Gaps"),
    "files": ("Filer", "Files"),
    "data": ("Data", "Data"),
    "title": ("OKR-status {quarter}", "OKR status {quarter}"),
    "as_of": ("Per {as_of}: {share} av kvartalet har gått", "As of {as_of}: {share} of the quarter has passed"),
    "vision": ("Vision", "Vision"), "mission": ("Mission", "Mission"),
    "headline": ("I siffror", "In numbers"),
    "aligned_share": ("Objectives som stödjer strategin", "Objectives aligned to the strategy"),
    "coverage": ("Strategiska objectives som bärs av ett team", "Strategic objectives carried by a team"),
    "key_results": ("Key results", "Key results"),
    "stale": ("utan avstämning på länge", "stale (no recent check-in)"),
    "gap_count": ("Luckor: {errors}, {warnings}, {infos} info", "Gaps: {errors}, {warnings}, {infos} info"),
    "error": ("fel", "error"), "errors": ("fel", "errors"),
    "warning": ("varning", "warning"), "warnings": ("varningar", "warnings"),
    "strategy": ("Strategiska objectives", "Strategic objectives"),
    "measured": ("Mätt (året)", "Measured (year)"), "carried": ("Buret (kvartalet)", "Carried (quarter)"),
    "teams": ("Team", "Teams"), "team": ("Team", "Team"), "lead": ("Ledare", "Lead"),
    "score": ("Poäng", "Score"), "grade": ("Betyg", "Grade"), "status": ("Status", "Status"),
    "objectives": ("Objectives", "Objectives"), "chart": ("Lagens poäng", "Team scores"),
    "id": ("Id", "Id"), "item": ("Objective / key result", "Objective / key result"),
    "from_to": ("Från → mål", "Baseline → target"), "current": ("Nu", "Current"),
    "confidence": ("Lagets bedömning", "Confidence"), "trend": ("Poäng vid avstämningar", "Score at check-ins"),
    "owner": ("Ansvarig", "Owner"), "comment": ("Kommentar", "Comment"),
    "team_page": ("{team}: ledare {lead}, poäng {score}, {status}",
                  "{team}: lead {lead}, score {score}, {status}"),
    "aligned_to": ("Stödjer", "Aligned to"),
    "matrix": ("Vilka team bär vilket strategiskt objective", "Which team carries which strategic objective"),
    "feeds": ("Vad som bidrar till varje strategiskt key result", "What feeds each strategic key result"),
    "strategic_kr": ("Strategiskt key result", "Strategic key result"),
    "fed_by": ("Bidrar", "Fed by"), "sum": ("Summa", "Sum"), "leadership": ("Ledningens värde", "Leadership's value"),
    "none": ("ingen", "none"), "units_differ": ("olika enheter", "units differ"),
    "not_summed": ("summeras inte: en andel eller takt", "not summed: a rate or share"),
    "severity": ("Allvar", "Severity"), "code": ("Kod", "Code"), "where": ("Var", "Where"),
    "file": ("Fil", "File"), "cell": ("Cell", "Cell"), "message": ("Meddelande", "Message"),
    "notes": ("Anteckningar", "Notes"),
    "no_gaps": ("Inga luckor.", "No gaps."), "verdict": ("Utfall", "Verdict"), "problem": ("Problem", "Problem"),
    "legend": ("✔ klar  ● i fas  ○ ej påbörjad  ▲ släpar efter  ▼ i riskzonen  ✖ försenad  – utan mål",
               "✔ done  ● on track  ○ not started  ▲ behind  ▼ at risk  ✖ overdue  – no target"),
    "stale_mark": ("inaktuell", "stale"),
    "changes": ("Sedan sist", "Since last time"),
    "changes_title": ("Vad har hänt sedan {since}", "What changed since {since}"),
    "changes_none": ("Inget har ändrats sedan {since}.", "Nothing has changed since {since}."),
    "missed": ("saknar värde", "missed check-in"),
    "missed_message": ("'{title}' har inget värde från avstämningen {date}",
                       "'{title}' has no value at the check-in of {date}"),
    "missed_none": ("Alla key results har ett värde från avstämningen {date} eller är klara.",
                    "Every key result has a value from the check-in of {date} or is done."),
    "change": ("Ändring", "Change"), "before": ("Före", "Before"), "after": ("Efter", "After"),
    "close": ("Kvartalet är slut", "The quarter is over"),
    "close_grades": ("Betyg: objectives {objectives}; key results {key_results}",
                     "Grades: objectives {objectives}; key results {key_results}"),
    "close_committed": ("Åtaganden nådda: {hit} av {count}", "Committed key results reached: {hit} of {count}"),
    "close_average": ("Snittpoäng för key results: {average} ({verdict} 0,6-0,7)",
                      "Average key result score: {average} ({verdict} 0.6-0.7)"),
    "below": ("under", "below"), "within": ("inom", "within"), "above": ("över", "above"),
}.items()}  # fmt: skip
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
SEVERITY_WORDS = {"error": Words("fel", "error"), "warning": Words("varning", "warning"), "info": Words("info", "info")}


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


@dataclass
class ReportBook:
    """The workbook, its formats, and the rows that wrapped text makes taller."""

    workbook: object
    lang: Lang
    cache: dict = field(default_factory=dict)
    lines: dict = field(default_factory=dict)
    """Sheet name -> {row: lines of text the row needs}."""
    widths: dict = field(default_factory=dict)
    """(sheet name, column) -> width in characters."""
    sheet_names: set[str] = field(default_factory=set)
    """The sheet names taken so far, case-folded (Excel compares them so)."""

    def columns(self, sheet, widths: Sequence[float], first: int = 0) -> None:
        for col, width in enumerate(widths, start=first):
            sheet.set_column(col, col, width)
            self.widths[(sheet.get_name(), col)] = width

    def text(self, sheet, row: int, col: int, text: str, fmt, *, size: float = 12) -> None:
        """Write text as text, and remember how many lines it wraps to in its column."""
        sheet.write_string(row, col, text, fmt)
        if len(text) < 6 and "\n" not in text:
            return  # one line in any column the report has
        width = max(self.widths.get((sheet.get_name(), col), 10) * 11 / size - 1, 1)
        if len(text) <= width and "\n" not in text:
            return
        needed = sum(max(1, math.ceil(len(part) / width)) for part in text.split("\n"))
        rows = self.lines.setdefault(sheet.get_name(), {})
        rows[row] = max(rows.get(row, 1), needed)

    def fit_rows(self, sheet, *, size: float = 12) -> None:
        """Make each row tall enough for its wrapped text (no app does it on opening)."""
        for row, lines in self.lines.pop(sheet.get_name(), {}).items():
            if lines > 1:
                sheet.set_row(row, lines * size * 1.32)

    def fmt(self, **props) -> object:
        key = tuple(sorted(props.items()))
        if key not in self.cache:
            base = {"font_name": "Calibri", "font_size": 12, "valign": "top"}
            self.cache[key] = self.workbook.add_format(base | props)
        return self.cache[key]

    def t(self, key: str, **values) -> str:
        return TEXT[key](self.lang).format(**values)


def write_report(
    path: Path, status: QuarterStatus, *, lang: Lang = "sv", sources: ReportSources | None = None,
    for_print: bool = False,
) -> None:  # fmt: skip
    """Write the report; `for_print` leaves out the data sheet (for the PDF)."""
    sources = sources or ReportSources()
    workbook = new_workbook(path, title=f"OKR {status.quarter}", subject=status.as_of.isoformat())  # report_as_of
    workbook.set_custom_property(REPORT_PROPERTY, str(status.quarter))
    book = ReportBook(workbook, lang)
    header = f"&L{escape_header(status.strategy.company)} · {status.quarter}&C&A&R{escape_header(_as_of(book, status))}"
    if status.since is not None:
        _changes_page(book, status, header)
    _overview(book, status, header)
    book.sheet_names = {ws.get_name().casefold() for ws in workbook.worksheets()} | {
        TEXT[k](book.lang).casefold() for k in ("alignment", "gaps", "files", "data")
    } | {layout.SHEET_META}  # fmt: skip
    for team in status.assessment.teams:
        _team_page(book, status, team, header)
    _alignment_page(book, status, header)
    _gaps_page(book, status, sources, header)
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


def _as_of(book: ReportBook, status: QuarterStatus) -> str:
    """`Per 2027-02-15` / `As of 2027-02-15`."""
    return book.t("as_of", as_of=status.as_of, share="").split(":")[0]


def write_title(book: ReportBook, sheet, text: str, subtitle: str | None = None) -> int:
    sheet.write_string(0, 0, text, book.fmt(bold=True, font_size=22, font_color=NAVY))
    sheet.set_row(0, 30)
    if subtitle:
        sheet.write_string(1, 0, subtitle, book.fmt(font_size=14, italic=True))
    return 3


def write_heading(book: ReportBook, sheet, row: int, text: str) -> None:
    """A section heading: it may run across empty cells, so it does not make its row taller."""
    sheet.write_string(row, 0, text, book.fmt(bold=True, font_size=16, font_color=NAVY))


def write_header_row(book: ReportBook, sheet, row: int, labels: Sequence[str]) -> None:
    fmt = book.fmt(bold=True, font_color="#FFFFFF", bg_color=NAVY, pattern=1, text_wrap=True, border=1)
    for col, label in enumerate(labels):
        book.text(sheet, row, col, label, fmt)


def grade_format(book: ReportBook, grade: Grade | None, **extra):
    if grade is None:
        return book.fmt(border=1, **extra)
    style = GRADE_STYLES[grade]
    return book.fmt(bg_color=style.fill, pattern=1, font_color=style.font_color, border=1, **extra)


def _status_text(book: ReportBook, status: Status, stale: bool = False) -> str:
    word = layout.STATUS_WORDS[status](book.lang)
    return f"{STATUS_SYMBOLS[status]} {word}" + (f" ({book.t('stale_mark')})" if stale else "")


def grade_text(book: ReportBook, grade: Grade | None) -> str:
    return "" if grade is None else GRADE_WORDS[grade](book.lang)


def write_score(book: ReportBook, sheet, row: int, col: int, score: float | None, grade: Grade | None, **extra) -> None:
    if score is None:
        book.text(sheet, row, col, "–", grade_format(book, grade, align="center", **extra))
    else:
        sheet.write_number(row, col, score, grade_format(book, grade, num_format="0.00", **extra))


def _overview(book: ReportBook, status: QuarterStatus, header: str) -> None:
    sheet = book.workbook.add_worksheet(book.t("overview"))
    strategy, assessment = status.strategy, status.assessment
    share = f"{elapsed_share(assessment.period, status.as_of):.0%}"
    row = write_title(book, sheet, f"{book.t('title', quarter=status.quarter)} – {strategy.company}",
                      book.t("as_of", as_of=status.as_of, share=share))  # fmt: skip
    if status.outside:  # before the quarter, zeros are no results: the page says so
        book.text(sheet, row - 1, 0, status.outside(book.lang), book.fmt(bold=True, font_size=14, font_color="#9C0006"))
    book.columns(sheet, [10, 58, 16, 16, 16, 16])
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
    big = book.fmt(bold=True, font_size=18, align="right", num_format="0%")
    for key, value in (("aligned_share", status.aligned_share), ("coverage", status.coverage)):
        if value is None:
            book.text(sheet, row, 0, "–", big)
        else:
            sheet.write_number(row, 0, value, big)
        book.text(sheet, row, 1, book.t(key), book.fmt(font_size=14))
        row += 1
    counts = {s: 0 for s in Status}
    stale = 0
    for item in status.assessment.team_key_results():
        counts[item.assessment.status] += 1
        stale += item.assessment.stale
    parts = [f"{STATUS_SYMBOLS[s]} {counts[s]} {layout.STATUS_WORDS[s](book.lang)}" for s in HEADLINE_STATUSES
             if counts[s]]  # fmt: skip
    sheet.write_number(row, 0, sum(counts.values()), book.fmt(bold=True, font_size=18, align="right"))
    book.text(sheet, row, 1, f"{book.t('key_results')}: {'   '.join(parts)}", book.fmt(font_size=14, text_wrap=True))
    row += 1
    sheet.write_number(row, 0, stale, book.fmt(bold=True, font_size=18, align="right"))
    book.text(sheet, row, 1, f"{book.t('key_results')} {book.t('stale')}", book.fmt(font_size=14))
    row += 1
    sheet.write_number(row, 0, len(status.gaps), book.fmt(bold=True, font_size=18, align="right"))
    book.text(sheet, row, 1, _gap_count_text(book, status.gap_counts), book.fmt(font_size=14))
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
        book.text(sheet, row, 4, _status_text(book, measured.status), book.fmt(border=1))
        row += 1
    row += 1

    # Teams, and a chart of their scores.
    write_heading(book, sheet, row, book.t("teams"))
    row += 1
    write_header_row(book, sheet, row, [book.t("id"), book.t("team"), book.t("score"), book.t("grade"),
                                        book.t("status"),
                                   book.t("lead")])  # fmt: skip
    first_team_row = row + 1
    for team in assessment.teams:
        row += 1
        book.text(sheet, row, 0, team.plan.team.id, book.fmt(border=1))
        book.text(sheet, row, 1, team.plan.team.name, book.fmt(bold=True, border=1))
        write_score(book, sheet, row, 2, team.score, team.grade)
        book.text(sheet, row, 3, grade_text(book, team.grade), grade_format(book, team.grade))
        book.text(sheet, row, 4, _status_text(book, team.status), book.fmt(border=1))
        book.text(sheet, row, 5, team.plan.team.lead or "", book.fmt(border=1))
    row += 2
    if status.plans:
        chart = book.workbook.add_chart({"type": "bar"})
        name = book.t("overview")
        chart.add_series({
            "name": book.t("chart"),
            "categories": [name, first_team_row, 1, row - 2, 1],
            "values": [name, first_team_row, 2, row - 2, 2],
            "fill": {"color": NAVY}, "data_labels": {"value": True, "num_format": "0.00"},
        })  # fmt: skip
        chart.set_x_axis({"min": 0, "max": 1, "num_format": "0.0", "major_gridlines": {"visible": True}})
        chart.set_y_axis({"reverse": True})
        chart.set_legend({"none": True})
        chart.set_title({"name": book.t("chart")})
        chart.set_size({"width": 760, "height": 60 + 38 * len(status.plans)})
        sheet.insert_chart(row, 1, chart)
        row += 4 + 2 * len(status.plans)
    sheet.write_string(row, 0, book.t("legend"), book.fmt(italic=True, font_size=11))
    book.fit_rows(sheet)
    set_up_page(sheet, NOTICEBOARD_PAPER, header=header, repeat_to=None, one_page=True, last_cell=(row, 5))


def _changes_page(book: ReportBook, status: QuarterStatus, header: str) -> None:
    """What changed since the last meeting: the first page the leadership reads."""
    sheet = book.workbook.add_worksheet(book.t("changes"))
    row = write_title(book, sheet, book.t("changes_title", since=status.since), _as_of(book, status))
    book.columns(sheet, [16, 18, 16, 16, 90])
    write_header_row(book, sheet, row, [book.t(k) for k in ("change", "where", "before", "after", "message")])
    header_row = row
    for change in status.changes:
        row += 1
        cell = book.fmt(text_wrap=True, border=1)
        book.text(sheet, row, 0, CHANGE_WORDS[change.kind](book.lang), book.fmt(bold=True, border=1))
        book.text(sheet, row, 1, change.where, cell)
        for col, value in ((2, change.before), (3, change.after)):
            if isinstance(value, Status):
                book.text(sheet, row, col, _status_text(book, value), cell)
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
    set_up_page(sheet, NOTICEBOARD_PAPER, header=header, repeat_to=header_row, last_cell=(row, 4))


def _missed_rows(book: ReportBook, sheet, row: int, status: QuarterStatus) -> int:
    """A row per key result without a value at the latest scheduled check-in (gap `missed-checkin`), team
    by team, with the date of its newest value; or a line saying every key result has one. Returns the
    last row written."""
    scheduled = latest_scheduled_check_in(status.strategy, status.quarter, status.as_of)
    if scheduled is None:
        return row
    missed = missed_check_ins(status.gaps)
    if not missed:
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


def aspirational_grade(status: QuarterStatus, score: float | None) -> Grade | None:
    return grade_score(score, Commitment.ASPIRATIONAL, status.strategy.method)


def _gap_count_text(book: ReportBook, counts: GapCounts) -> str:
    def counted(count: int, word: str) -> str:
        return f"{count} {book.t(word if count == 1 else word + 's')}"

    return book.t("gap_count", errors=counted(counts.errors, "error"), warnings=counted(counts.warnings, "warning"),
                  infos=counts.infos)  # fmt: skip


def _sheet_name(name: str, taken: set[str]) -> str:
    """A worksheet name Excel accepts: no []:*?/\\, at most 31 UTF-16 units (an emoji takes two), no
    apostrophe first or last, unique (case-insensitively)."""
    clean = "".join("_" if ch in "[]:*?/\\" else ch for ch in name)
    candidate, number = _fit_sheet_name(clean, 31), 2
    while candidate.casefold() in taken:
        suffix = f" ({number})"
        candidate, number = _fit_sheet_name(clean, 31 - len(suffix)) + suffix, number + 1
    taken.add(candidate.casefold())
    return candidate


def _fit_sheet_name(text: str, units: int) -> str:
    """`text` cut to `units` UTF-16 code units, as Excel counts a sheet name's length, without apostrophes
    or spaces at its ends."""
    kept, used = [], 0
    for character in text:
        used += 2 if ord(character) > 0xFFFF else 1
        if used > units:
            break
        kept.append(character)
    return "".join(kept).strip().strip("'").strip() or "Team"


def _team_page(book: ReportBook, status: QuarterStatus, team: TeamAssessment, header: str) -> None:
    plan = team.plan
    sheet = book.workbook.add_worksheet(_sheet_name(plan.team.name, book.sheet_names))
    score = _score_text(team.score)
    title = book.t("team_page", team=plan.team.name, lead=plan.team.lead or "–", score=score,
                   status=_status_text(book, team.status))  # fmt: skip
    row = write_title(book, sheet, title, f"{status.strategy.company} · {status.quarter} · {_as_of(book, status)}")
    widths = [7, 46, 16, 9, 8, 8, 17, 12, 19, 10, 26]
    book.columns(sheet, widths)
    labels = ["id", "item", "from_to", "current", "score", "grade", "status", "confidence", "trend", "owner", "comment"]
    write_header_row(book, sheet, row, [book.t(k) for k in labels])
    header_row = row
    strong = book.fmt(bold=True, bg_color="#D9E2F3", pattern=1, text_wrap=True, border=1)
    cell, right = book.fmt(text_wrap=True, border=1), book.fmt(border=1, align="right")
    for assessed in team.objectives:
        objective = assessed.objective
        row += 1
        book.text(sheet, row, 0, objective.id, strong)
        aligned = f"  → {', '.join(objective.aligned_to)}" if objective.aligned_to else ""
        book.text(sheet, row, 1, objective.title + aligned, strong)
        for col in (2, 3, 7, 8):
            sheet.write_blank(row, col, None, strong)
        write_score(book, sheet, row, 4, assessed.score, assessed.grade, bold=True)
        book.text(sheet, row, 5, grade_text(book, assessed.grade), grade_format(book, assessed.grade, bold=True))
        book.text(sheet, row, 6, _status_text(book, assessed.status), strong)
        book.text(sheet, row, 9, objective.owner or "", strong)
        sheet.write_blank(row, 10, None, strong)
        for kr_assessed in assessed.key_results:
            kr = kr_assessed.key_result
            row += 1
            book.text(sheet, row, 0, kr.id, cell)
            book.text(sheet, row, 1, kr.title, cell)
            book.text(sheet, row, 2, _from_to(kr), cell)
            book.text(sheet, row, 3, _current_text(kr, kr_assessed), right)
            write_score(book, sheet, row, 4, kr_assessed.score, kr_assessed.grade)
            book.text(sheet, row, 5, grade_text(book, kr_assessed.grade), grade_format(book, kr_assessed.grade))
            book.text(sheet, row, 6, _status_text(book, kr_assessed.status, kr_assessed.stale), cell)
            confidence = kr_assessed.confidence
            book.text(sheet, row, 7, layout.CONFIDENCE_WORDS[confidence](book.lang) if confidence else "", cell)
            book.text(sheet, row, 8, _trend(kr_assessed), cell)
            book.text(sheet, row, 9, kr.owner or "", cell)
            notes = [c.note for c in kr.check_ins if c.note and c.date <= status.as_of]
            book.text(sheet, row, 10, "\n".join(filter(None, [kr.comment, notes[-1] if notes else None])), cell)
    if row > header_row:
        sheet.conditional_format(header_row + 1, 4, row, 4, {
            "type": "data_bar", "min_type": "num", "min_value": 0, "max_type": "num", "max_value": 1,
            "bar_color": "#8EA9DB", "bar_solid": True, "bar_no_border": False, "bar_border_color": "#2F5597",
        })  # fmt: skip
    if plan.notes:
        row += 2
        book.text(sheet, row, 0, book.t("notes"), book.fmt(bold=True))
        for note in plan.notes:
            row += 1
            book.text(sheet, row, 1, note, book.fmt(text_wrap=True))
    row += 2
    sheet.write_string(row, 0, book.t("legend"), book.fmt(italic=True, font_size=11))
    sheet.freeze_panes(header_row + 1, 0)
    book.fit_rows(sheet)
    set_up_page(sheet, NOTICEBOARD_PAPER, header=header, repeat_to=header_row, last_cell=(row, len(widths) - 1))


def _number(value: float | None) -> str:
    return "–" if value is None else f"{value:,.10g}".replace(",", " ")


def _from_to(kr: KeyResult) -> str:
    if kr.kind is KeyResultKind.MILESTONE:
        return f"→ {kr.due.isoformat()}" if kr.due else "→ ✔"
    if kr.kind is KeyResultKind.BINARY:
        return "→ ✔"
    unit = f" {kr.unit}" if kr.unit else ""
    target = "X" if kr.target is None else _number(kr.target)
    if kr.kind is KeyResultKind.MAINTAIN:
        return f"{'≥' if kr.side.value == 'at-least' else '≤'} {target}{unit}"
    return f"{_number(kr.effective_baseline)} → {target}{unit}"


def _current_text(kr: KeyResult, assessed: KeyResultAssessment) -> str:
    if assessed.current is None:
        return "–"
    if kr.kind.is_completion:
        return f"{assessed.current:.0%}"
    return _number(assessed.current)


def _trend(assessed: KeyResultAssessment) -> str:
    """The score at the last five check-ins, oldest first, with an arrow for the latest move."""
    scores = assessed.history[-5:]
    if not scores:
        return ""
    arrow = "" if len(scores) < 2 else " ↗" if scores[-1] > scores[-2] else " ↘" if scores[-1] < scores[-2] else " →"
    return " ".join(score_text(s) for s in scores) + arrow


def _alignment_page(book: ReportBook, status: QuarterStatus, header: str) -> None:
    sheet = book.workbook.add_worksheet(book.t("alignment"))
    row = write_title(book, sheet, book.t("alignment"), book.t("matrix"))
    book.columns(sheet, [8, 40, 36] + [20] * max(len(status.plans), 2))
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
            lines = [_feeder_line(fed) for fed in feeding.feeders]
            book.text(sheet, row, 0, kr.id, book.fmt(bold=True, border=1))
            book.text(sheet, row, 1, f"{kr.title} ({_from_to(kr)})", book.fmt(text_wrap=True, border=1))
            book.text(sheet, row, 2, "\n".join(lines) or book.t("none"), book.fmt(text_wrap=True, border=1))
            if feeding.total is not None:
                book.text(sheet, row, 3, f"{_number(feeding.total)} {kr.unit or ''}".strip(), book.fmt(border=1))
            else:
                why = "units_differ" if any(f.key_result.unit != kr.unit for f in feeding.feeders) else "not_summed"
                book.text(sheet, row, 3, book.t(why) if feeding.feeders else "", book.fmt(border=1))
            current = _current_text(kr, kr_assessed)
            book.text(sheet, row, 4, f"{current} {kr.unit or ''}".strip(), book.fmt(border=1))
    book.fit_rows(sheet)
    set_up_page(sheet, NOTICEBOARD_PAPER, header=header, repeat_to=header_row, last_cell=(row, 2 + len(status.plans)))


def _feeder_line(fed: AssessedKeyResult) -> str:
    """`sales.O1.1 New customers' invoicing: 2.1 MSEK`."""
    unit = f" {fed.key_result.unit}" if fed.key_result.unit else ""
    return f"{fed.id} {fed.key_result.title}: {_current_text(fed.key_result, fed.assessment)}{unit}"


def _score_text(score: float | None) -> str:
    return score_text(score)


def _gaps_page(book: ReportBook, status: QuarterStatus, sources: ReportSources, header: str) -> None:
    sheet = book.workbook.add_worksheet(book.t("gaps"))
    row = write_title(book, sheet, book.t("gaps"), _gap_count_text(book, status.gap_counts))
    book.columns(sheet, [10, 22, 18, 20, 14, 80])
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
    book.fit_rows(sheet)
    set_up_page(sheet, NOTICEBOARD_PAPER, header=header, repeat_to=header_row, last_cell=(row, 5))


def _files_page(book: ReportBook, sources: ReportSources, header: str) -> None:
    sheet = book.workbook.add_worksheet(book.t("files"))
    row = write_title(book, sheet, book.t("files"))
    book.columns(sheet, [34, 14, 12, 14, 22, 70])
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
    set_up_page(sheet, NOTICEBOARD_PAPER, header=header, repeat_to=header_row, last_cell=(row, 5))


DATA_COLUMNS = (
    "team", "objective_id", "objective", "aligned_to", "id", "title", "kind", "commitment", "unit", "baseline",
    "target", "current", "progress", "score", "grade", "status", "stale", "confidence", "due", "weight", "owner",
    "feeds", "depends_on", "last_check_in", "file", "cell",
)  # fmt: skip


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


def _data_sheet(book: ReportBook, status: QuarterStatus, sources: ReportSources) -> None:
    sheet = book.workbook.add_worksheet(book.t("data"))
    date_format = book.workbook.add_format({"num_format": "yyyy-mm-dd"})
    plain = None  # the workbook's default, Calibri 11: a sheet for filtering, not for print
    last = 0  # key_result_rows makes one row at a time: a thousand teams have 20,000 key results
    for last, item in enumerate(key_result_rows(status, sources), start=1):
        for c, key in enumerate(DATA_COLUMNS):
            if item[key] is not None and item[key] != "":  # no blank cells in a sheet of data
                write_value(sheet, last, c, item[key], plain, date_format=date_format)
    sheet.add_table(0, 0, max(last, 1), len(DATA_COLUMNS) - 1, {
        "name": "key_results", "columns": [{"header": key} for key in DATA_COLUMNS], "style": "Table Style Medium 2",
    })  # fmt: skip
    for c, key in enumerate(DATA_COLUMNS):
        sheet.set_column(c, c, 40 if key in ("objective", "title") else 14)
    sheet.freeze_panes(1, 0)
