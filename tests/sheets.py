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
