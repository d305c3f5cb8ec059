"""The pages for the noticeboard: the poster, read from a step away, and a page per team.

The poster (portrait, no header or footer) puts the strategy and every team on one A4 page: the title
at 32 pt, every other text at 14 pt or more. A team page (landscape, printed at 100 %, never shrunk to
fit) lists the team's objectives and key results at 12 pt with drawn progress bars, and continues on
the next page with its header row repeated when it is long.

Nothing here relies on colour alone. A progress bar is drawn in text, `█` for what is done and `░` for
what is left, with `┃` where pacing expects it by today: it prints on any printer and in grey, and the
number stands in its own cell beside it. A grade is its word and a three-step meter (`▰▰▰` green,
`▰▰▱` yellow, `▰▱▱` red); a status its word and symbol. The trend chart draws the team in a thick
solid line and each objective in its own dash and marker, named at its last point instead of in a
colour legend.
"""

from __future__ import annotations

import math

from okrxl.core.alignment import latest_scheduled_check_in
from okrxl.core.model import Initiative
from okrxl.core.personal import TeamPeople
from okrxl.core.scoring import (
    Grade,
    KeyResultAssessment,
    ObjectiveAssessment,
    TeamAssessment,
    elapsed_share,
    expected_progress,
    shown_score,
)
from okrxl.core.status import QuarterStatus, TrendPoint
from okrxl.core.words import decimal
from okrxl.excel.book import NOTICEBOARD_PAPER, set_up_page
from okrxl.outputs.pages import (
    GRADE_STYLES,
    NAVY,
    ReportBook,
    as_of_text,
    aspirational_grade,
    carried_text,
    check_in_text,
    current_text,
    grade_text,
    initiative_state_text,
    label_positions,
    last_point,
    number_text,
    sheet_name,
    status_text,
)

FULL, LEFT, MARK = "█", "░", "┃"
BAR_FONT = "DejaVu Sans Mono"
"""A monospaced font with the block characters; an app without it takes another monospaced one."""
GRADE_METERS = {Grade.GREEN: "▰▰▰", Grade.YELLOW: "▰▰▱", Grade.RED: "▰▱▱"}
TREND_DASHES = ("dash", "round_dot", "long_dash", "dash_dot", "long_dash_dot", "square_dot")
TREND_MARKERS = ("square", "triangle", "diamond", "x", "star", "circle")
LABEL_SPACING = 0.25
"""A 12 pt name's height in scores, on the trend chart's plot (0 to 1 over about 84 pixels)."""
TREND_GREYS = ("#595959", "#7F7F7F", "#404040", "#8C8C8C", "#262626", "#A6A6A6")


def progress_bar(share: float | None, expected: float | None = None, cells: int = 20) -> str:
    """`share` (clamped to 0..1) as `cells` characters, solid for what is done; `┃` at `expected`."""
    if share is None:
        return ""
    done = round(min(max(share, 0.0), 1.0) * cells)
    bar = [FULL] * done + [LEFT] * (cells - done)
    if expected is not None:
        bar[min(max(round(expected * cells), 0), cells - 1)] = MARK
    return "".join(bar)


def grade_label(book: ReportBook, grade: Grade | None) -> str:
    """`▰▰▱ gul`: the grade as a meter and a word."""
    return "" if grade is None else f"{GRADE_METERS[grade]} {grade_text(book, grade)}"


def trend_arrow(points: tuple[TrendPoint, ...]) -> str:
    """`↗`, `↘` or `→`: how the team's shown score moved since the check-in before; empty with fewer than two."""
    scores = [p.team for p in points if p.team is not None]
    if len(scores) < 2:
        return ""
    before, now = shown_score(scores[-2]), shown_score(scores[-1])
    return "↗" if now > before else "↘" if now < before else "→"


def _score_words(book: ReportBook, score: float | None) -> str:
    return "–" if score is None else decimal(shown_score(score), ".2f")(book.lang)


def _cut(text: str, chars: int) -> str:
    return text if len(text) <= chars else text[: chars - 1].rstrip() + "…"


# --- the poster ------------------------------------------------------------------------------------

POSTER_COLUMNS = 24
POSTER_WIDTH = 3.2
"""Each of the poster's 24 columns, in characters: 24 fit a portrait A4 page at 100 %."""
POSTER_HEIGHT = 842 - 2 * 0.4 * 72
"""What a portrait A4 page with 0.4 inch margins holds, in points."""
POSTER_LINE_CHARS = 64
"""Characters of 16 pt text across the poster's width."""


def poster_page(book: ReportBook, status: QuarterStatus, trends: dict[str, tuple[TrendPoint, ...]]) -> None:
    """Vision, mission, each strategic objective's measured and carried score as bars, a card per team.

    Laid out for one portrait page at sizes from 14 pt up; with room to spare (a company of few teams)
    every size grows, up to half as large again, so that the page is filled and reads from further away.
    """
    zoom = 1.0
    for zoom in POSTER_ZOOMS:  # the largest whose rows fit the page
        heights = _Heights()
        _poster(book, heights, status, trends, zoom)
        if heights.total <= 0.97 * POSTER_HEIGHT:
            break
    sheet = book.workbook.add_worksheet(book.t("poster"))
    book.columns(sheet, [POSTER_WIDTH] * POSTER_COLUMNS)
    last_row = _poster(book, sheet, status, trends, zoom)
    sheet.hide_gridlines(2)
    sheet.set_paper(9)
    sheet.set_portrait()
    sheet.set_margins(left=0.4, right=0.4, top=0.4, bottom=0.4)
    sheet.print_area(0, 0, last_row, POSTER_COLUMNS - 1)


POSTER_ZOOMS = (1.5, 1.4, 1.3, 1.2, 1.1, 1.0, 0.9, 0.8)
"""Larger for few teams; below 1 only what is larger than 14 pt shrinks (and the rows' spacing)."""


class _Heights:
    """Stands in for a worksheet to add up the heights of the rows a page would get."""

    def __init__(self):
        self.rows: dict[int, float] = {}

    @property
    def total(self) -> float:
        return sum(self.rows.values())

    def set_row(self, row: int, height: float) -> None:
        self.rows[row] = height

    def merge_range(self, *_args) -> None:
        pass

    def write_string(self, *_args) -> None:
        pass


def _poster(book: ReportBook, sheet, status: QuarterStatus, trends, zoom: float) -> int:
    """Write the poster's rows at `zoom` times their sizes; the last row."""
    strategy, assessment = status.strategy, status.assessment
    teams = assessment.teams
    per_row = 3 if len(teams) <= 9 else 4

    def size(points: float) -> int:
        """`points` at the zoom, never under 14 (the poster's smallest text)."""
        return max(round(points * zoom), 14)

    last = POSTER_COLUMNS - 1
    navy = {"font_color": NAVY}

    def line(row: int, text: str, height: float, font_size: float, **props) -> None:
        """`text` across the page; its row at least `height`, and tall enough for the lines it wraps to."""
        lines = math.ceil(len(text) / (POSTER_LINE_CHARS * 16 / size(font_size)))
        sheet.merge_range(row, 0, row, last, text, book.fmt(text_wrap=True, valign="vcenter",
                                                           font_size=size(font_size), **props))  # fmt: skip
        sheet.set_row(row, max(size(height), lines * size(font_size) * 1.3 + 4))

    share = f"{elapsed_share(assessment.period, status.as_of):.0%}"
    company = _cut(strategy.company, 60)
    title = book.fmt(text_wrap=True, valign="vcenter", bold=True, font_size=max(size(32), 28), **navy)
    sheet.merge_range(0, 0, 0, last, company, title)
    sheet.set_row(0, max(size(32), 28) * 1.3 * (1 if len(company) * max(size(32), 28) <= 30 * 32 else 2) + 6)
    line(1, book.t("poster_subtitle", quarter=status.quarter, as_of=status.as_of, share=share), 28, 18, bold=True)
    row = 2
    if status.outside:
        line(row, status.outside(book.lang), 44, 14, bold=True, font_color="#9C0006")
        row += 1
    for key, text in (("vision", strategy.vision), ("mission", strategy.mission)):
        line(row, f"{book.t(key)}: {_cut(text, 2 * POSTER_LINE_CHARS - 12)}", 24, 16)
        row += 1

    sheet.set_row(row, size(8))
    line(row + 1, book.t("strategy"), 30, 20, bold=True, **navy)
    row += 2
    # One row per objective: its title, then its measured and carried scores as bars with their numbers.
    columns = ((12, 15, 16, 17, "measured"), (18, 21, 22, 23, "carried"))
    small = book.fmt(italic=True, font_size=size(14), valign="bottom")
    for first, _, _, last_col, key in columns:
        sheet.merge_range(row, first, row, last_col, book.t(key), small)
    sheet.set_row(row, size(22))
    row += 1
    for measured, carried in assessment.strategic_objectives():
        objective = measured.objective
        title_size = min(size(16), 18)
        title = _cut(f"{objective.id} {objective.title}", int(12 * 2.6 * 16 / title_size))
        sheet.merge_range(row, 0, row, 11, title, book.fmt(bold=True, font_size=title_size, valign="vcenter"))
        for (first, bar_end, score_col, last_col, _), score, grade in zip(
            columns, (measured.score, carried), (measured.grade, aspirational_grade(status, carried)), strict=True
        ):
            bar = book.fmt(font_name=BAR_FONT, font_size=size(14), font_color=NAVY, valign="vcenter")
            sheet.merge_range(row, first, row, bar_end, progress_bar(score, cells=6), bar)
            sheet.merge_range(row, score_col, row, last_col, _score_words(book, score),
                              _grade_fill(book, grade, bold=True, font_size=size(16), align="center",
                                          valign="vcenter"))  # fmt: skip
        sheet.set_row(row, size(28))
        row += 1
    line(row, book.t("poster_strategy_note"), 24, 14, italic=True)
    row += 1

    sheet.set_row(row, size(8))
    line(row + 1, book.t("teams"), 30, 20, bold=True, **navy)
    row += 2
    span = POSTER_COLUMNS // per_row
    for start in range(0, len(teams), per_row):
        for index, team in enumerate(teams[start : start + per_row]):
            _team_card(book, sheet, row, index * span, span, team, trends[team.plan.team.id], size)
        for offset, height in enumerate((24, 40, 22, 4)):
            sheet.set_row(row + offset, size(height))
        row += 4
    line(row, book.t("legend"), 44, 14, italic=True)
    return row


def _grade_fill(book: ReportBook, grade: Grade | None, **props):
    """The grade's fill with black text: the colour for those who see it, the text for the grey copy."""
    if grade is None:
        return book.fmt(border=1, **props)
    return book.fmt(bg_color=GRADE_STYLES[grade].fill, pattern=1, font_color="#000000", border=1, **props)


def _team_card(book: ReportBook, sheet, row: int, col: int, span: int, team: TeamAssessment, points, size) -> None:
    """Name; score and grade; status and trend, boxed over `span` columns at `size`d fonts."""
    last = col + span - 1
    box = {"left": 2, "right": 2, "valign": "vcenter"}
    name = _cut(team.plan.team.name, int(span * 2.2 * 18 / size(18)))  # what 18 pt holds of the card's width
    sheet.merge_range(row, col, row, last, name, book.fmt(bold=True, font_size=size(18), top=2, **box))
    middle = col + span * 2 // 5
    _cells(sheet, row + 1, col, middle - 1, _score_words(book, team.score),
           book.fmt(bold=True, font_size=size(24 if span >= 8 else 20), left=2, valign="vcenter"))  # fmt: skip
    _cells(
        sheet,
        row + 1,
        middle,
        last,
        grade_label(book, team.grade).replace(" ", "\n", 1),  # the meter over the word: a card is narrow
        _grade_fill(
            book,
            team.grade,
            font_size=size(14),
            right=2,
            left=0,
            top=0,
            bottom=0,
            valign="vcenter",
            align="center",
            text_wrap=True,
        ),
    )
    words = f"{status_text(book, team.status)}   {trend_arrow(points)}".rstrip()
    sheet.merge_range(row + 2, col, row + 2, last, words, book.fmt(font_size=size(16), bottom=2, **box))


def _cells(sheet, row: int, first: int, last: int, text: str, fmt) -> None:
    """`text` over columns `first` to `last`: merged when they are more than one."""
    if last > first:
        sheet.merge_range(row, first, row, last, text, fmt)
    else:
        sheet.write_string(row, first, text, fmt)


# --- a page per team -------------------------------------------------------------------------------

TEAM_COLUMNS = ("id", "item", "progress", "score", "current_target", "grade", "status", "owner")
TEAM_WIDTHS = (5, 45, 21, 7, 14, 11, 15, 10)
"""Characters; 128 in all fit a landscape A4 page at 100 % (LibreOffice draws a column about 5 % wider
than Excel's 7 pixels a character), so 12 pt prints at 12 pt."""
TEAM_BAR_CELLS = 16
TITLE_ROWS = (36, 24, 18, 18, 18)
"""The heights of the rows above the table, in points, the trend chart beside them: the name, the score, the lead
with the quarter and date (the header has them too), the two legends."""
TABLE_HEIGHT = 498 - sum(TITLE_ROWS) - 24
"""What a landscape A4 page has left for the table's rows below its title and header row (points)."""
LINE, PADDING = 16, 4
"""A 12 pt line of a table row and what a row adds around its lines (points)."""
SPACINGS = ((LINE, PADDING, 12), (14.5, 1, 12), (13.5, 1, 11))
"""(line, padding, font size) in points, tried in turn until the table fits its page: 12 pt lines, 12 pt lines
as close as they may stand, then 11 pt lines as close as they may stand (the smallest a team page prints). A
table that fits at none goes on over more pages at the second: closer lines, not smaller text."""


def team_page(book: ReportBook, status: QuarterStatus, team: TeamAssessment, header: str,
              points: tuple[TrendPoint, ...]) -> None:  # fmt: skip
    """The team's objectives and key results with their bars, grades, statuses, owners and latest notes,
    and the trend of its score at the check-ins so far; below them, where the team has people, its personal
    OKRs (`_people_rows`). Rows are as tall as their text; a team with few rows has them spaced out to fill the
    page, one with many continues on the next page. People who would take a table that fits its page over
    two go on the next page, whole."""
    plan = team.plan
    sheet = book.workbook.add_worksheet(sheet_name(plan.team.name, book.sheet_names))
    book.columns(sheet, TEAM_WIDTHS)
    expected = elapsed_share(status.assessment.period, status.as_of)

    summary = (f"{book.t('score')} {_score_words(book, team.score)} · {grade_label(book, team.grade)} · "
               f"{status_text(book, team.status)} {trend_arrow(points)}").rstrip()  # fmt: skip
    name = plan.team.name
    lines = [
        (
            _cut(name, 40),
            book.fmt(bold=True, font_size=26 if len(name) <= 20 else 20 if len(name) <= 26 else 16, font_color=NAVY),
        ),  # beside the chart
        (summary, book.fmt(bold=True, font_size=16)),
        ((f"{book.t('lead')}: {plan.team.lead or '–'}", book.fmt(font_size=14)),
         (f" · {status.quarter} · {as_of_text(book, status)}", book.fmt(font_size=12))),
        (book.t("bar_legend"), book.fmt(italic=True, font_size=11)),
        (book.t("legend"), book.fmt(italic=True, font_size=11)),
    ]  # fmt: skip
    for r, (line, height) in enumerate(zip(lines, TITLE_ROWS, strict=True)):
        if isinstance(line[0], tuple):  # parts of their own sizes
            sheet.write_rich_string(r, 0, *(item for text, fmt in line for item in (fmt, text)))
        else:
            sheet.write_string(r, 0, *line)
        sheet.set_row(r, height)
    _trend_chart(book, sheet, team, points)

    header_row = len(TITLE_ROWS)
    fmt = book.fmt(bold=True, font_color="#FFFFFF", bg_color=NAVY, pattern=1, text_wrap=True, border=1,
                   valign="vcenter")  # fmt: skip
    for col, key in enumerate(TEAM_COLUMNS):
        sheet.write_string(header_row, col, book.t(key), fmt)
    sheet.set_row(header_row, 24)
    notes = [(note, _lines(note, sum(TEAM_WIDTHS[1:]), 12)) for note in plan.notes]
    people = status.people.of(plan.team.id) if status.people is not None else None

    table = _table_rows(book, status, team, expected)  # each row's texts, worked out once for every size
    at_size: dict[int, tuple[list, list]] = {}  # the table's rows and the people's at each text size, made once

    def height(spacing: tuple[float, float, int], *, people_too: bool = True) -> float:
        """How tall the table's rows are at `spacing`, with the notes and (`people_too`) the people below them."""
        line, padding, size = spacing
        if size not in at_size:
            mine = _people_rows(book, status, people, expected, size) if people is not None else []
            at_size[size] = ([row(size) for row in table], mine)
        rows, people_rows = at_size[size]
        counted = rows + people_rows if people_too else rows
        notes_height = sum(LINE * n + PADDING for _, n in notes) + 40 if notes else 0  # as written below
        return sum(line * lines + padding for _, lines in counted) + notes_height

    fitting = next((s for s in SPACINGS if height(s) <= TABLE_HEIGHT), None)
    # People who would take the team's table over two pages go on the next page, the table keeping to its own.
    alone = None if fitting or people is None else next(
        (s for s in SPACINGS if height(s, people_too=False) <= TABLE_HEIGHT), None)  # fmt: skip
    spacing = fitting or alone or SPACINGS[1]
    base = height(spacing, people_too=alone is None)
    line, padding, size = spacing
    rows, people_rows = at_size[size]
    spread = min(1.6, 0.88 * TABLE_HEIGHT / base) if 0 < base < 0.8 * TABLE_HEIGHT else 1.0
    row = header_row
    for write, lines in rows:
        row += 1
        write(sheet, row)
        sheet.set_row(row, (line * lines + padding) * spread)
    if notes:
        row += 2
        sheet.write_string(row, 0, book.t("notes"), book.fmt(bold=True, font_size=14))
        for note, lines in notes:
            row += 1
            sheet.merge_range(row, 1, row, len(TEAM_COLUMNS) - 1, note, book.fmt(text_wrap=True))
            sheet.set_row(row, LINE * lines + PADDING)
    breaks = [row + 1] if alone else []
    for write, lines in people_rows:
        row += 1
        write(sheet, row)
        sheet.set_row(row, (line * lines + padding) * spread)
    set_up_page(sheet, NOTICEBOARD_PAPER, header=header, last_cell=(row, len(TEAM_COLUMNS) - 1), scale=100,
                row_breaks=breaks)  # fmt: skip
    sheet.repeat_rows(header_row, header_row)  # the table's header on every page, not the title and chart


def _people_rows(book: ReportBook, status: QuarterStatus, people: TeamPeople, expected: float, size: int) -> list:
    """(write(sheet, row), lines) of each row of the team's personal OKRs under its table, at `size` points: a
    line of how many of the team's objectives its people's OKRs carry and who has not checked in, by name. Only
    where the strategy lets the pages print them (`People.printed`) a row per person follows, with the bar,
    score, grade and status an objective's row has; otherwise no person's score, grade or status is on the page
    (METHOD.md, "Personal OKRs")."""
    scheduled = latest_scheduled_check_in(status.strategy, status.quarter, status.as_of)
    heading = f"{book.t('personal')}: "
    text = " · ".join(filter(None, (carried_text(book, people), check_in_text(book, people, scheduled))))

    def write(sheet, row: int) -> None:
        fmt = book.fmt(text_wrap=True, valign="vcenter", font_size=size)
        sheet.merge_range(row, 0, row, len(TEAM_COLUMNS) - 1, "", fmt)
        sheet.write_rich_string(row, 0, book.fmt(bold=True, font_color=NAVY, font_size=size), heading, text, fmt)

    gap = (lambda sheet, row: None, 0.5)  # apart from the table: these are no rows of it
    rows = [gap, (write, _lines(heading + text, sum(TEAM_WIDTHS), size))]
    if status.people.printed:
        rows += [_person_row(book, assessed, expected, size) for assessed in people.plans]
    return rows


def _person_row(book: ReportBook, assessed: TeamAssessment, expected: float, size: int):
    """(write(sheet, row), lines): a person's name and the team objectives their OKRs align to, their score's
    bar paced as an objective's, the score, grade and status."""
    person = assessed.plan.person
    aligned = dict.fromkeys(target for o in assessed.plan.objectives for target in o.aligned_to)
    title = f"{person.name}  → {', '.join(aligned)}" if aligned else person.name
    cell = {"border": 1, "valign": "vcenter", "font_size": size}
    said = status_text(book, assessed.status)

    def write(sheet, row: int) -> None:
        sheet.write_blank(row, 0, None, book.fmt(**cell))
        sheet.write_string(row, 1, title, book.fmt(text_wrap=True, **cell))
        sheet.write_string(row, 2, progress_bar(assessed.score, expected, TEAM_BAR_CELLS),
                           book.fmt(font_name=BAR_FONT, font_color=NAVY, **cell))  # fmt: skip
        sheet.write_string(row, 3, _score_words(book, assessed.score), book.fmt(align="right", **cell))
        sheet.write_blank(row, 4, None, book.fmt(**cell))
        sheet.write_string(row, 5, grade_label(book, assessed.grade),
                           _grade_fill(book, assessed.grade, valign="vcenter", font_size=size))  # fmt: skip
        sheet.write_string(row, 6, said, book.fmt(text_wrap=True, **cell))
        sheet.write_blank(row, 7, None, book.fmt(**cell))

    return write, max(_lines(title, TEAM_WIDTHS[1], size), _lines(said, TEAM_WIDTHS[6], size))


def _table_rows(book: ReportBook, status: QuarterStatus, team: TeamAssessment, expected: float) -> list:
    """For each row of the table, `at(size)` -> (write(sheet, row), lines) at `size` points: an objective, its key
    results, under each the initiatives that serve it. Each row's texts are worked out once, whatever size the
    page ends up with."""
    rows = []
    for assessed in team.objectives:
        rows.append(_objective_row(book, assessed, expected))
        for kr_assessed in assessed.key_results:
            rows.append(_key_result_row(book, kr_assessed, status))
            rows += [_initiative_row(book, i) for i in team.plan.initiatives_of(kr_assessed.key_result.id)]
    return rows


def _lines(text: str, width: float, size: float) -> int:
    """How many lines `text` takes in a column `width` characters wide at `size` points."""
    per_line = max(width * 13 / size - 2, 1)  # Calibri: about 46 characters of 12 pt in 42 columns' width
    return sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))


def _objective_row(book: ReportBook, assessed: ObjectiveAssessment, expected: float):
    """at(size) -> (write(sheet, row), lines): the objective's band, its bar paced like its key results."""
    objective = assessed.objective
    aligned = f"  → {', '.join(objective.aligned_to)}" if objective.aligned_to else ""
    title = objective.title + aligned
    return lambda size: _objective_band(book, assessed, expected, title, size)


def _objective_band(book: ReportBook, assessed: ObjectiveAssessment, expected: float, title: str, size: int):
    objective = assessed.objective
    band = {"bold": True, "bg_color": "#D9E2F3", "pattern": 1, "border": 1, "valign": "vcenter", "font_size": size}

    def write(sheet, row: int) -> None:
        sheet.write_string(row, 0, objective.id, book.fmt(**band))
        sheet.write_string(row, 1, title, book.fmt(text_wrap=True, **band))
        sheet.write_string(row, 2, progress_bar(assessed.score, expected, TEAM_BAR_CELLS),
                           book.fmt(font_name=BAR_FONT, font_color=NAVY, **band))  # fmt: skip
        sheet.write_string(row, 3, _score_words(book, assessed.score), book.fmt(align="right", **band))
        sheet.write_blank(row, 4, None, book.fmt(**band))
        grade = _grade_fill(book, assessed.grade, bold=True, valign="vcenter", font_size=size)
        sheet.write_string(row, 5, grade_label(book, assessed.grade), grade)
        sheet.write_string(row, 6, status_text(book, assessed.status), book.fmt(text_wrap=True, **band))
        sheet.write_string(row, 7, objective.owner or "", book.fmt(text_wrap=True, **band))

    return write, _lines(title, TEAM_WIDTHS[1], size)


def _key_result_row(book: ReportBook, assessed: KeyResultAssessment, status: QuarterStatus):
    """at(size) -> (write(sheet, row), lines): the key result with its bar, number, grade, status, owner and
    latest note."""
    kr = assessed.key_result
    notes = [c.note for c in kr.check_ins if c.note and c.date <= status.as_of]
    said_by_team = [text for text in (kr.comment, f"”{notes[-1]}”" if notes else None) if text]
    note = " · ".join(said_by_team) or None
    expected = expected_progress(kr, period=status.assessment.period, as_of=status.as_of)
    share = assessed.progress if kr.kind.is_metric else assessed.score
    said = status_text(book, assessed.status, assessed.stale)
    target = _target_text(kr, assessed)
    bar = progress_bar(share, expected, TEAM_BAR_CELLS)

    def at(size: int):
        cell = {"border": 1, "valign": "vcenter", "font_size": size}

        def write(sheet, row: int) -> None:
            sheet.write_string(row, 0, kr.id, book.fmt(**cell))
            if note:
                sheet.write_rich_string(row, 1, kr.title + "\n", book.fmt(italic=True, font_color="#404040",
                                                                          font_size=size), note,
                                        book.fmt(text_wrap=True, **cell))  # fmt: skip
            else:
                sheet.write_string(row, 1, kr.title, book.fmt(text_wrap=True, **cell))
            sheet.write_string(row, 2, bar, book.fmt(font_name=BAR_FONT, font_color=NAVY, **cell))
            sheet.write_string(row, 3, _score_words(book, assessed.score), book.fmt(bold=True, align="right", **cell))
            sheet.write_string(row, 4, target, book.fmt(text_wrap=True, align="right", **cell))
            grade = _grade_fill(book, assessed.grade, valign="vcenter", font_size=size)
            sheet.write_string(row, 5, grade_label(book, assessed.grade), grade)
            sheet.write_string(row, 6, said, book.fmt(text_wrap=True, **cell))
            sheet.write_string(row, 7, kr.owner or "", book.fmt(text_wrap=True, **cell))

        lines = _lines(kr.title, TEAM_WIDTHS[1], size) + (_lines(note, TEAM_WIDTHS[1], size) if note else 0)
        return write, max(lines, _lines(said, TEAM_WIDTHS[6], size), _lines(target, TEAM_WIDTHS[4], size))

    return at


INITIATIVE_POINTS = 11
"""An initiative's row is a size smaller than a 12 pt key result's, so that it reads as belonging under it (where
the whole table is 11 pt, its indent and `▸` set it apart)."""


def _initiative_row(book: ReportBook, initiative: Initiative):
    """at(size) -> (write(sheet, row), lines): `▸ I1 title` under a key result it serves, indented, over the
    columns a key result's title and bar take; its due date under "now / target", its state as symbol and word,
    its owner. Its text is INITIATIVE_POINTS whatever the table's `size`; `lines` counts lines of that size."""
    cell = {"border": 1, "valign": "vcenter", "font_size": INITIATIVE_POINTS, "font_color": "#404040"}
    title = f"▸ {initiative.id} {initiative.title}"
    due = f"→ {initiative.due.isoformat()}" if initiative.due else ""
    state = initiative_state_text(book, initiative.state)

    def write(sheet, row: int) -> None:
        sheet.write_blank(row, 0, None, book.fmt(**cell))
        sheet.merge_range(row, 1, row, 3, title, book.fmt(text_wrap=True, indent=1, **cell))
        sheet.write_string(row, 4, due, book.fmt(align="right", **cell))
        sheet.write_blank(row, 5, None, book.fmt(**cell))
        sheet.write_string(row, 6, state, book.fmt(text_wrap=True, **cell))
        sheet.write_string(row, 7, initiative.owner or "", book.fmt(text_wrap=True, **cell))

    lines = max(_lines(title, sum(TEAM_WIDTHS[1:4]) - 3, INITIATIVE_POINTS),  # less the indent
                _lines(state, TEAM_WIDTHS[6], INITIATIVE_POINTS))  # fmt: skip
    return lambda size: (write, lines * INITIATIVE_POINTS / size)


def _target_text(kr, assessed: KeyResultAssessment) -> str:
    """`51 / 60 %` for a metric, `35 %` done for a milestone or yes/no, `–` before the first check-in."""
    current = current_text(kr, assessed)
    if kr.kind.is_completion:
        return current
    target = "X" if kr.target is None else number_text(kr.target)
    unit = f" {kr.unit}" if kr.unit else ""
    return f"{current} / {target}{unit}"


def _trend_chart(book: ReportBook, sheet, team: TeamAssessment, points: tuple[TrendPoint, ...]) -> None:
    """The team's score (thick, solid, black) and each objective's (grey, its own dash and marker) at each
    check-in so far, each named at its last point. The data stands in hidden columns right of the page."""
    if not points:
        return
    first = len(TEAM_COLUMNS) + 2
    names = [book.t("team"), *(a.objective.id for a in team.objectives)]
    sheet.write_string(0, first, "")
    for r, point in enumerate(points, start=1):
        sheet.write_string(r, first, point.day.strftime("%d/%m"))
        for c, score in enumerate((point.team, *point.objectives), start=1):
            if score is not None:
                sheet.write_number(r, first + c, score)
    for c, name in enumerate(names, start=1):
        sheet.write_string(0, first + c, name)
    sheet.set_column(first, first + len(names), None, None, {"hidden": True})
    chart = book.workbook.add_chart({"type": "line"})
    count = len(points)
    series = [[p.team for p in points], *([p.objectives[i] for p in points] for i in range(len(team.objectives)))]
    ends = [last_point(scores) for scores in series]
    positions = label_positions(ends, spacing=LABEL_SPACING)
    crowded = _most_ending_together(ends) > 4  # above, right, left and below: four names fit round a point
    for c in range(1, len(names) + 1):
        is_team = c == 1
        style = (c - 2) % len(TREND_DASHES)
        colour = "#000000" if is_team else TREND_GREYS[style]
        labels = [{"delete": True}] * (count - 1) + [{"delete": True} if crowded else {"position": positions[c - 1]}]
        chart.add_series({
            "name": [sheet.get_name(), 0, first + c],
            "categories": [sheet.get_name(), 1, first, count, first],
            "values": [sheet.get_name(), 1, first + c, count, first + c],
            "line": {"color": colour, "width": 3.5 if is_team else 2.25,
                     "dash_type": "solid" if is_team else TREND_DASHES[style]},
            "marker": {"type": "circle" if is_team else TREND_MARKERS[style], "size": 7,
                       "border": {"color": colour}, "fill": {"color": "#FFFFFF" if not is_team else colour}},
            "data_labels": {"series_name": True, "position": "right", "custom": labels,
                            "font": {"size": 12, "bold": is_team, "color": colour}},
        })  # fmt: skip
    chart.set_title({"name": book.t("trend_title"), "name_font": {"size": 12, "bold": True}})
    chart.set_y_axis({"min": 0, "max": 1, "major_unit": 0.5, "num_font": {"size": 12},
                      "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}}})  # fmt: skip
    chart.set_x_axis({"num_font": {"size": 12}, "interval_unit": 1})
    if crowded:  # more lines end together than names fit beside them: a legend of line samples instead
        chart.set_legend({"position": "right", "font": {"size": 12}})
    else:
        chart.set_legend({"none": True})
    chart.set_plotarea({"layout": {"x": 0.09, "y": 0.2, "width": 0.68, "height": 0.56}})  # room for the names
    chart.show_hidden_data()
    chart.set_size({"width": 520, "height": 146})  # 110 pt: beside the title's rows (114 pt)
    sheet.insert_chart(0, 2, chart, {"x_offset": 120, "y_offset": 2, "object_position": 3})


def _most_ending_together(ends) -> int:
    """How many lines at most end within LABEL_SPACING of each other at the same check-in."""
    most = 0
    for end in ends:
        if end is not None:
            near = sum(1 for other in ends if other and other[0] == end[0] and abs(other[1] - end[1]) < LABEL_SPACING)
            most = max(most, near)
    return most
