"""What every workbook okrxl writes has in common: how it is opened, its document properties, the
hidden `okrxl` sheet that says what it is, how it prints, and writing a value by its type.

Used by the strategy and team workbooks (okrxl.excel.workbook_writer), the report and the year review
(okrxl.outputs). XlsxWriter is imported where a workbook is opened, not at start-up.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from okrxl.excel import layout

try:
    __version__ = version("okrxl")
except PackageNotFoundError:  # pragma: no cover - running from a source tree that is not installed
    __version__ = "0.0.0"

CREATED = dt.datetime(2026, 1, 1)
"""A fixed creation time, so that the same input gives the same bytes."""


def new_workbook(path: Path, **properties):
    """An XlsxWriter workbook for every file okrxl writes: text written to it stays text, never a formula,
    a link or a number, and the creation time is fixed. `properties` add to the document properties.

    in_memory: the sheets' XML is assembled in memory, not in a temporary file per sheet. For a
    1000-team report that costs 80 MiB and saves 0.9 s (benchmarks/README.md).
    """
    import xlsxwriter  # 55 ms: imported when a workbook is written, not at start-up

    workbook = xlsxwriter.Workbook(
        str(path),
        {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False, "in_memory": True},
    )
    workbook.set_properties({"created": CREATED, "comments": f"Made by okrxl {__version__}"} | properties)
    return workbook


def escape_header(text: str) -> str:
    """Text for a printed page's header or footer, where `&` starts a code."""
    return text.replace("&", "&&")


@dataclass(frozen=True, slots=True, kw_only=True)
class Paper:
    """How a kind of workbook prints. Every sheet okrxl writes prints on A4, one page wide."""

    top_margin: float
    """In inches; the header sits in it."""
    footer: str
    """The printed footer, with Excel's codes (`&P` the page, `&N` the number of pages)."""
    gridlines: bool
    """Show the sheet's gridlines on screen (they are never printed)."""


WORKBOOK_PAPER = Paper(top_margin=0.7, footer="&CPage &P / &N", gridlines=True)
"""The team and strategy workbooks: sheets people fill in (whose footer is the template's, in their language)."""
NOTICEBOARD_PAPER = Paper(top_margin=0.75, footer="&C&P / &N", gridlines=False)
"""The report and the year review: pages for the noticeboard."""
HEADER_CHARS = 250
"""Excel refuses a header of more than 255 characters, codes included."""
HEADER_LINE_CHARS = 110
"""The longest line of a two-line header, so that both fit in HEADER_CHARS."""
SIDE_MARGIN, BOTTOM_MARGIN = 0.4, 0.6
"""Inches; the top margin is the paper's."""
A4_POINTS = (595.3, 841.9)
READABLE_POINTS = 9.3
"""The smallest printed font size okrxl allows itself: 9 pt, and a margin for LibreOffice, which prints
11 pt at 85 % as 9.30 pt rather than 9.35."""
FILL = 0.97
"""The share of a page that page breaks plan to fill: the sizes below are estimates."""
POINTS_PER_WIDTH = 5.56
"""Points per unit of an Excel column width as LibreOffice prints it with Calibri (Carlito) 11: a column
of width 40 is 226 pt wide at 100 %. Excel gives it 7 pixels (5.25 pt), so pages planned with this fit
there too."""
LINE_POINTS = 15
"""The height of a line of 11 pt text, as Excel sizes a row (LibreOffice sets wrapped lines 11.2 pt apart)."""
_CELL_PADDING = 8
"""Pixels of a column's width that wrapped text does not use."""


def set_up_page(
    sheet, paper: Paper, *, header: str, repeat_to: int | None = None, landscape: bool = True,
    one_page: bool = False, last_cell: tuple[int, int] | None = None, footer: str | None = None,
    scale: int | None = None, repeat_columns: int | None = None, column_breaks: Sequence[int] = (),
    row_breaks: Sequence[int] = (),
) -> None:  # fmt: skip
    """Page setup for printing `sheet`: A4, one page wide (and, with `one_page`, one page tall), the
    rows up to `repeat_to` repeated on every page, the print area up to `last_cell` (row, column).

    With `scale` (percent, see `print_scale`) the sheet prints at that size instead of one page wide,
    over as many pages as it takes, left to right before top to bottom: the columns up to
    `repeat_columns` on every page, and a new page at each of `column_breaks` and `row_breaks` (the
    first column or row of a page). `footer` replaces the paper's footer.
    """
    sheet.set_paper(9)  # A4
    if landscape:
        sheet.set_landscape()
    sheet.set_margins(left=SIDE_MARGIN, right=SIDE_MARGIN, top=paper.top_margin, bottom=BOTTOM_MARGIN)
    if scale is None:
        sheet.fit_to_pages(1, 1 if one_page else 0)
    else:
        sheet.set_print_scale(scale)
        sheet.print_across()
    if repeat_to is not None:
        sheet.repeat_rows(0, repeat_to)
    if repeat_columns is not None:
        sheet.repeat_columns(0, repeat_columns)
    if column_breaks:
        sheet.set_v_pagebreaks(list(column_breaks))
    if row_breaks:
        sheet.set_h_pagebreaks(list(row_breaks))
    if last_cell is not None:
        sheet.print_area(0, 0, *last_cell)
    sheet.set_header(header[:HEADER_CHARS])
    sheet.set_footer((paper.footer if footer is None else footer)[:HEADER_CHARS])
    if not paper.gridlines:
        sheet.hide_gridlines(2)


# --- what fits on a printed page, and how big it prints ---------------------------------------------


def printable(paper: Paper, *, landscape: bool) -> tuple[float, float]:
    """The width and the height, in points at 100 %, inside the margins of an A4 page."""
    short, long = A4_POINTS
    width, height = (long, short) if landscape else (short, long)
    return width - 2 * SIDE_MARGIN * 72, height - (paper.top_margin + BOTTOM_MARGIN) * 72


def column_points(width: float) -> float:
    """How wide a column of Excel `width` prints, in points at 100 %; XlsxWriter adds 5/7 to the width."""
    return POINTS_PER_WIDTH * (width + 5 / 7)


def points_width(points: float) -> float:
    """The Excel column width that prints `points` wide at 100 % (the inverse of `column_points`)."""
    return points / POINTS_PER_WIDTH - 5 / 7


def readable_scale(font_size: float) -> int:
    """The smallest print scale (percent) at which text of `font_size` prints at READABLE_POINTS."""
    return min(400, math.ceil(100 * READABLE_POINTS / font_size))


def print_scale(widths: Sequence[float], *, font_size: float, paper: Paper, landscape: bool) -> int:
    """The print scale (percent) for columns of `widths` whose smallest text is `font_size`: the largest
    up to 100 % that fits them on one page wide, but never so small that the text prints under
    READABLE_POINTS; then they go on over more pages (`page_breaks`)."""
    room = printable(paper, landscape=landscape)[0] * FILL
    fit = math.floor(100 * room / max(1.0, sum(column_points(w) for w in widths)))
    return max(readable_scale(font_size), min(100, fit))


def page_breaks(sizes: Sequence[float], room: float, *, starts: Collection[int] = ()) -> list[int]:
    """The items (by index) that begin a page when items of `sizes` (columns or rows) fill pages of
    `room`, in order. `starts` are where groups begin (an objective's rows, the check-ins): an item that
    does not fit takes the rest of its group to the next page with it, when the group fits on one page
    and the page it leaves is at least half full."""
    breaks: list[int] = []
    page_start, used = 0, 0.0
    ordered = sorted(starts)
    for index, size in enumerate(sizes):
        if used + size > room and index > page_start:
            start = max((s for s in ordered if s <= index), default=0)
            end = min((s for s in ordered if s > index), default=len(sizes))
            if start <= page_start or sum(sizes[start:end]) > room or sum(sizes[page_start:start]) < room / 2:
                start = index
            breaks.append(start)
            page_start, used = start, sum(sizes[start:index])
        used += size
    return breaks


def text_pixels(text: str, *, font_size: float = 11, bold: bool = False) -> float:
    """How wide `text` is on one line, in pixels at 96 dpi: Excel's own widths of Calibri 11's
    characters (XlsxWriter's table; 8 for a letter it does not list, such as å, ä and ö), a little high:
    LibreOffice prints Carlito 3-5 % narrower than this, bold 2 % wider than regular, digits 4 % wider."""
    return _pixels(text) * font_size / 11 * (1.06 if bold else 1.04)


@functools.lru_cache(maxsize=4096)
def _pixels(text: str) -> int:
    from xlsxwriter.utility import CHAR_WIDTHS

    return sum(CHAR_WIDTHS.get(c, 8) for c in text)


def column_width(texts: Sequence[str], *, font_size: float = 11, bold: bool = False) -> float:
    """The Excel column width that shows each of `texts` on one line."""
    widest = max((text_pixels(t, font_size=font_size, bold=bold) for t in texts), default=0)
    return math.ceil((widest + _CELL_PADDING - 5) / 7)


def text_lines(text: str, width: float, *, font_size: float = 11, bold: bool = False) -> int:
    """How many lines `text` wraps to in a column of Excel `width`, estimated a little high (see
    `text_pixels`), so that a row `row_points` tall for them shows all of it in Excel and LibreOffice."""
    room = 7 * width + 5 - _CELL_PADDING
    space = text_pixels(" ", font_size=font_size, bold=bold)
    lines = 0
    for paragraph in text.splitlines() or [""]:
        lines += 1
        used = None
        for word in paragraph.split():
            size = text_pixels(word, font_size=font_size, bold=bold)
            if used is not None and used + space + size <= room:
                used += space + size
                continue
            if used is not None:
                lines += 1
            broken = max(0, math.ceil(size / room) - 1)  # a word wider than the column is broken
            lines += broken
            used = size - broken * room
    return lines


def header_lines(parts: Sequence[str], room: float, *, font_size: float = 11, bold: bool = False) -> list[str]:
    """`parts` joined by ` · ` into a printed header of at most two lines of `room` pixels each, a line
    that is still too long cut short with `…`; the top margin has room for no more."""

    def fits(text: str) -> bool:
        return text_pixels(text, font_size=font_size, bold=bold) <= room and len(text) <= HEADER_LINE_CHARS

    lines: list[str] = []
    for part in parts:
        joined = f"{lines[-1]} · {part}" if lines else part
        if lines and (fits(joined) or len(lines) == 2):
            lines[-1] = joined
        else:
            lines.append(part)
    return [line if fits(line) else _cut(line, fits) for line in lines]


def _cut(line: str, fits) -> str:
    while line and not fits(line + "…"):
        line = line[:-1]
    return line.rstrip(" ·") + "…"


def row_points(lines: int, font_size: float = 11) -> float:
    """The height of a row of `lines` lines of text of `font_size`."""
    return math.ceil(lines * LINE_POINTS * font_size / 11)


def meta_sheet(workbook, entries: Sequence[tuple[str, object]]):
    """The hidden sheet `okrxl` with a table of (key, value): schema, kind of workbook, team, quarter..."""
    sheet = workbook.add_worksheet(layout.SHEET_META)
    sheet.set_column(0, 1, 30)
    sheet.add_table(0, 0, len(entries), 1, {
        "name": layout.TABLE_META, "columns": [{"header": "key"}, {"header": "value"}], "autofilter": False,
    })  # fmt: skip
    for row, (key, value) in enumerate(entries, start=1):
        sheet.write_string(row, 0, key)
        sheet.write_string(row, 1, str(value))
    sheet.hide()
    return sheet


def write_value(sheet, row: int, col: int, value, fmt, *, date_format=None) -> None:
    """Write a cell by its Python type, text always as text; an empty value leaves a styled blank."""
    if value is None or value == "":
        sheet.write_blank(row, col, None, fmt)
    elif isinstance(value, bool):
        sheet.write_boolean(row, col, value, fmt)
    elif isinstance(value, int | float):
        sheet.write_number(row, col, value, fmt)
    elif isinstance(value, dt.date):
        sheet.write_datetime(row, col, dt.datetime.combine(value, dt.time()), date_format or fmt)
    else:
        sheet.write_string(row, col, str(value), fmt)
