"""Reading generated workbooks cell by cell in tests, by table and header text as okrxl does."""

import warnings

import openpyxl
from openpyxl.utils.cell import range_boundaries

from okrxl.excel.template import DEFAULT

HEADER_KEYS = {text: key for key, words in DEFAULT.labels.items() for text in words}


def open_workbook(path, **options):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return openpyxl.load_workbook(path, **options)


def table_rows(sheet, table_name):
    """The table's rows as dicts by column key (check-in columns keyed by their header text)."""
    c1, r1, c2, r2 = range_boundaries(sheet.tables[table_name].ref)
    keys = [HEADER_KEYS.get(sheet.cell(r1, c).value, sheet.cell(r1, c).value) for c in range(c1, c2 + 1)]
    return [
        {key: sheet.cell(r, c).value for key, c in zip(keys, range(c1, c2 + 1))} | {"_row": r}
        for r in range(r1 + 1, r2 + 1)
    ]


def type_into_okr_table(path, edits: dict, headers: dict | None = None, below: dict | None = None) -> None:
    """Type into a team workbook's OKR table as a person would, then save (openpyxl): `edits` is
    {(row id, column key): value or (value, number format)}; `headers` retypes header cells {old header text:
    new value}; `below` is {column key: value} typed in the row just below the table."""
    book = open_workbook(path)
    sheet = book[next(name for name in book.sheetnames if name in ("OKR", "OKRs"))]
    rows = table_rows(sheet, "okrs")
    by_id = {r["id"]: r["_row"] for r in rows}
    columns = {key: c for c, key in enumerate(rows[0], start=1) if key != "_row"}
    for (row_id, key), value in edits.items():
        value, number_format = value if isinstance(value, tuple) else (value, None)
        cell = sheet.cell(by_id[row_id], columns[key])
        cell.value = value
        if number_format:
            cell.number_format = number_format
    _, header_row, _, last_row = range_boundaries(sheet.tables["okrs"].ref)
    for old, new in (headers or {}).items():
        sheet.cell(header_row, columns[old]).value = new
    for key, value in (below or {}).items():
        sheet.cell(last_row + 1, columns[key]).value = value
    book.save(path)
