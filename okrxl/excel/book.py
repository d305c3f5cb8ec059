"""What every workbook okrxl writes has in common: how it is opened, its document properties, the
hidden `okrxl` sheet that says what it is, printed headers, and writing a value by its type.

Used by the strategy and team workbooks (okrxl.excel.workbook_writer), the report and the year review
(okrxl.outputs). XlsxWriter is imported where a workbook is opened, not at start-up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
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
