"""What every workbook okrxl writes has in common: how it is opened, its document properties, the
hidden `okrxl` sheet that says what it is, printed headers, and writing a value by its type.

Used by the strategy and team workbooks (okrxl.excel.workbook_writer), the report and the year review
(okrxl.outputs). XlsxWriter is imported where a workbook is opened, not at start-up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
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
"""The team and strategy workbooks: sheets people fill in."""
NOTICEBOARD_PAPER = Paper(top_margin=0.75, footer="&C&P / &N", gridlines=False)
"""The report and the year review: pages for the noticeboard."""
HEADER_CHARS = 250
"""Excel refuses a header of more than 255 characters, codes included."""


def set_up_page(
    sheet, paper: Paper, *, header: str, repeat_to: int | None = None, landscape: bool = True,
    one_page: bool = False, last_cell: tuple[int, int] | None = None,
) -> None:  # fmt: skip
    """Page setup for printing `sheet`: A4, one page wide (and, with `one_page`, one page tall), the
    rows up to `repeat_to` repeated on every page, the print area up to `last_cell` (row, column)."""
    sheet.set_paper(9)  # A4
    if landscape:
        sheet.set_landscape()
    sheet.set_margins(left=0.4, right=0.4, top=paper.top_margin, bottom=0.6)
    sheet.fit_to_pages(1, 1 if one_page else 0)
    if repeat_to is not None:
        sheet.repeat_rows(0, repeat_to)
    if last_cell is not None:
        sheet.print_area(0, 0, *last_cell)
    sheet.set_header(header[:HEADER_CHARS])
    sheet.set_footer(paper.footer)
    if not paper.gridlines:
        sheet.hide_gridlines(2)


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
