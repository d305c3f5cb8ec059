"""What an earlier meeting's report showed: its as-of date and each key result's status, score and staleness.

okrxl reads its own reports back for two things. What changed since the last meeting starts from what
that meeting saw, not from the team files as they are now (a value typed after the meeting, a
confidence changed, a row edited would otherwise rewrite the "before"). And a report of an earlier
as-of date never replaces one of a later date. Both come from the parts of the report okrxl wrote for
itself: the hidden `okrxl` sheet (its as-of date) and the table `key_results` of the data sheet.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from okrxl.core.changes import Seen
from okrxl.core.problems import OkrxlError
from okrxl.core.scoring import Status
from okrxl.core.words import Words
from okrxl.excel import layout
from okrxl.excel.files import OutputKind, guard_xlsx, output_kind, pdf_tail, pdf_text
from okrxl.excel.xlsx import Workbook, cell_range

SEEN_TABLE = "key_results"
"""The data sheet's table (okrxl.outputs.report writes it)."""


def report_as_of(path: Path) -> dt.date | None:
    """The as-of date of okrxl's report workbook or report PDF at `path`; None for any other file, or one
    whose date cannot be read. The workbook keeps it on its hidden `okrxl` sheet, the PDF as its subject."""
    kind = output_kind(path)
    try:
        if kind is OutputKind.REPORT_PDF:
            return _pdf_subject_date(path)
        if kind is not OutputKind.REPORT:
            return None
        guard_xlsx(path)
        workbook = Workbook(path)
    except (OkrxlError, OSError, ValueError):
        return None
    try:
        if layout.SHEET_META not in workbook.sheetnames:
            return None
        meta = {row[0]: row[1] for row in workbook[layout.SHEET_META].iter_rows() if len(row) >= 2}
        return dt.date.fromisoformat(str(meta.get("as_of", "")))
    except (OkrxlError, ValueError):
        return None
    finally:
        workbook.close()


def _pdf_subject_date(path: Path) -> dt.date | None:
    """The date LibreOffice wrote as the PDF's subject (from the report workbook's subject property)."""
    subjects = re.findall(rb"/Subject\s*(<[0-9A-Fa-f\s]*>|\([^)]*\))", pdf_tail(path))
    if not subjects:
        return None
    return dt.date.fromisoformat(pdf_text(subjects[-1]).decode("utf-8", "replace").strip())  # the last: the document's


def read_seen(path: Path) -> dict[str, Seen]:
    """What the report at `path` showed of each team key result, by qualified id.

    Raises OkrxlError (with the file's name and what to do) when the file is not an okrxl report
    with its data sheet.
    """
    if output_kind(path) is not OutputKind.REPORT:
        raise OkrxlError(
            Words(f"{path.name} är ingen rapport från okrxl", f"{path.name} is not an okrxl report workbook")
        )
    guard_xlsx(path)
    workbook = Workbook(path)
    try:
        for name in reversed(workbook.sheetnames):  # the data sheet is the last but the hidden one
            sheet = workbook[name]
            if SEEN_TABLE in sheet.tables:
                return _seen_rows(sheet, sheet.tables[SEEN_TABLE].ref)
    finally:
        workbook.close()
    raise OkrxlError(
        Words(
            f"{path.name} har inget datablad (tabellen {SEEN_TABLE!r}); den sparades utan det",
            f"{path.name} has no data sheet (table {SEEN_TABLE!r}); it was saved without it",
        )
    )


def _seen_rows(sheet, ref: str) -> dict[str, Seen]:
    first_col, first_row, last_col, last_row = cell_range(ref)
    header = [sheet.cell(first_row, c).value for c in range(first_col, last_col + 1)]
    try:
        columns = {key: first_col + header.index(key) for key in ("id", "status", "score", "stale")}
    except ValueError:
        raise OkrxlError(
            Words(
                f"tabellen {SEEN_TABLE!r} saknar någon av id, status, score, stale",
                f"the table {SEEN_TABLE!r} lacks one of id, status, score, stale",
            )
        ) from None
    seen = {}
    for row in range(first_row + 1, last_row + 1):
        value = {key: sheet.cell(row, column).value for key, column in columns.items()}
        try:
            status = Status(value["status"])
        except ValueError:
            continue
        score = value["score"] if isinstance(value["score"], int | float) else None
        seen[str(value["id"])] = Seen(status=status, score=score, stale=value["stale"] is True)
    return seen
