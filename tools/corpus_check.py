#!/usr/bin/env python3
"""Read every workbook of a corpus with okrxl's reader, openpyxl and python-calamine; list disagreements.

    python tools/corpus_check.py [FOLDER ...]     # default: ../shared/corpus/xlsxwriter-excel-made

Cell values must agree: okrxl.excel.xlsx against openpyxl's `data_only=True` load, and against python-calamine
when it is installed. A file listed in tools/corpus_excluded.md (one `| file | reason |` row each) is
expected to disagree or to be refused, and is reported as excluded; any other disagreement, refusal or
traceback is a failure (exit 1). tests/test_corpus.py runs the same comparison on the curated subset
in tests/files/corpus/.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT = ROOT.parent / "shared" / "corpus" / "xlsxwriter-excel-made"
EXCLUDED = Path(__file__).resolve().parent / "corpus_excluded.md"


def okrxl_cells(path: Path) -> dict[str, dict[tuple[int, int], object]]:
    """Sheet title -> (row, column) -> value, for every worksheet, empty cells left out."""
    from okrxl.excel.xlsx import Workbook

    book = Workbook(path)
    try:
        return {
            name: {k: c.value for k, c in book[name].cells.items() if c.value is not None} for name in book.sheetnames
        }
    finally:
        book.close()


def openpyxl_cells(path: Path) -> dict[str, dict[tuple[int, int], object]]:
    import openpyxl

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        book = openpyxl.load_workbook(path, data_only=True, keep_links=False)
    try:
        return {
            sheet.title: {
                (cell.row, cell.column): cell.value
                for row in _sparse_openpyxl_rows(sheet)
                for cell in row
                if cell.value is not None
            }
            for sheet in book.worksheets
        }
    finally:
        book.close()


def calamine_cells(path: Path) -> dict[str, dict[tuple[int, int], object]] | None:
    try:
        from python_calamine import CalamineWorkbook
    except ImportError:
        return None
    book = CalamineWorkbook.from_path(str(path))
    sheets = {}
    for name in book.sheet_names:
        try:
            sheet = book.get_sheet_by_name(name)
            if sheet.end is not None and (sheet.end[0] + 1) * (sheet.end[1] + 1) > 1_000_000:
                continue  # calamine would pad the range; openpyxl is the oracle there
            rows = sheet.to_python(skip_empty_area=False)
        except Exception:  # a chart sheet
            continue
        sheets[name] = {(r, c): value for r, row in enumerate(rows, 1) for c, value in enumerate(row, 1) if value != ""}
    return sheets


def _sparse_openpyxl_rows(sheet):
    """openpyxl's cells without walking the grid (a cell at XFD1048576 is in the corpus)."""
    return [[cell] for cell in sheet._cells.values()]


def _same(ours, theirs, oracle: str) -> bool:
    if theirs is None and isinstance(ours, str) and ours.startswith("#"):
        return True  # python-calamine gives no value for an error cell (#DIV/0!)
    if oracle == "openpyxl" and isinstance(ours, str) and isinstance(theirs, str) and "_x" in theirs:
        from okrxl.excel.xlsx import _unescape

        theirs = _unescape(theirs)  # openpyxl leaves the spec's `_x001B_` escapes in the text
    if isinstance(ours, bool) or isinstance(theirs, bool):
        return ours is theirs or ours == theirs and type(ours) is type(theirs)
    if isinstance(ours, int | float) and isinstance(theirs, int | float):
        return ours == theirs or abs(ours - theirs) <= 1e-9 * max(abs(ours), abs(theirs))
    if isinstance(ours, dt.datetime) and isinstance(theirs, dt.date | dt.datetime | dt.time | dt.timedelta):
        if isinstance(theirs, dt.datetime):
            return abs((ours - theirs).total_seconds()) < 0.001
        if isinstance(theirs, dt.date):
            return ours == dt.datetime.combine(theirs, dt.time())
        if isinstance(theirs, dt.time):
            return ours.time().replace(microsecond=0) == theirs.replace(microsecond=0)
        return True  # a duration ([h]:mm): openpyxl's timedelta, okrxl's datetime from the epoch
    if isinstance(ours, str) and isinstance(theirs, str):
        return ours == theirs or ours.replace("\r\n", "\n") == theirs.replace("\r\n", "\n")
    return ours == theirs


def differences(ours, theirs, oracle: str) -> list[str]:
    found = []
    for sheet, cells in theirs.items():
        mine = ours.get(sheet)
        if mine is None:
            found.append(f"{oracle}: sheet {sheet!r} missing")
            continue
        for key in sorted(set(cells) | set(mine)):
            a, b = mine.get(key), cells.get(key)
            if not _same(a, b, oracle):
                found.append(f"{oracle}: {sheet!r} {key}: okrxl {a!r}, {oracle} {b!r}")
    return found


def compare(path: Path) -> list[str]:
    """The disagreements of okrxl's reader with the oracles on one file (empty: they agree)."""
    ours = okrxl_cells(path)
    found = differences(ours, openpyxl_cells(path), "openpyxl")
    calamine = calamine_cells(path)
    if calamine is not None:
        found += differences(ours, calamine, "calamine")
    return found


def excluded() -> dict[str, str]:
    rows = re.findall(r"^\| `([^`]+)` \| (.+?) \|$", EXCLUDED.read_text(encoding="utf-8"), re.MULTILINE)
    return dict(rows)


def main(argv: list[str]) -> int:
    folders = [Path(a) for a in argv] or [DEFAULT]
    skip = excluded()
    failed = 0
    files = sorted(p for folder in folders for p in folder.glob("*.xlsx"))
    for path in files:
        try:
            found = compare(path)
        except Exception as error:  # noqa: BLE001 - every refusal is a finding
            found = [f"{type(error).__name__}: {error}"]
        if path.name in skip:
            print(f"excluded {path.name}: {skip[path.name]}" + ("" if found else " (now agrees: remove it)"))
        elif found:
            failed += 1
            print(f"FAIL {path.name}: {len(found)} differences; first: {found[0]}")
    print(f"{len(files)} files: {len(files) - failed - len(skip.keys() & {p.name for p in files})} agree, "
          f"{failed} fail, {len(skip.keys() & {p.name for p in files})} excluded")  # fmt: skip
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
