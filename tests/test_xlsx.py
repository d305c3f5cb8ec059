"""okrxl.xlsx reads the values openpyxl's data_only load reads (openpyxl is the second source here)."""

import datetime as dt
import zipfile

import openpyxl
import pytest
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from okrxl.xlsx import Workbook, XlsxError, cell_range


def make(path, date1904=False):
    workbook = openpyxl.Workbook()
    if date1904:
        workbook.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    sheet = workbook.active
    sheet.title = "Blad 1"
    sheet["A1"] = "text"
    sheet["B1"] = 42
    sheet["C1"] = 4.5
    sheet["D1"] = True
    sheet["E1"] = dt.datetime(2027, 3, 15)
    sheet["F1"] = 0.976
    sheet["F1"].number_format = "0.0%"
    sheet["G1"] = "=1+1"
    sheet["H1"] = CellRichText([TextBlock(InlineFont(b=True), "fet"), " och vanlig"])
    sheet["A3"] = "  å ä ö  "
    sheet["C3"] = -1.5e-7
    workbook.save(path)


@pytest.mark.parametrize("date1904", [False, True], ids=["1900-dates", "1904-dates"])
def test_values_formats_and_formulas_match_openpyxl(tmp_path, date1904):
    path = tmp_path / "values.xlsx"
    make(path, date1904)
    expected = openpyxl.load_workbook(path, data_only=True, rich_text=False)["Blad 1"]
    book = Workbook(path)
    sheet = book["Blad 1"]
    for ref in ("A1", "B1", "C1", "D1", "E1", "F1", "A3", "C3"):
        row, col = expected[ref].row, expected[ref].column
        assert sheet.cell(row, col).value == expected[ref].value, ref
        assert type(sheet.cell(row, col).value) is type(expected[ref].value), ref
    assert sheet.cell(1, 6).number_format == "0.0%"
    assert sheet.cell(1, 8).value == "fet och vanlig"
    assert (sheet.cell(1, 7).data_type, sheet.cell(1, 7).value) == ("f", None)  # openpyxl keeps no result
    assert sheet.cell(1, 1).data_type == "s" and sheet.cell(9, 9).value is None
    assert (sheet.max_row, sheet.max_column) == (3, 8)
    assert book.epoch.year == (1904 if date1904 else 1899)
    book.close()


def test_a_worksheet_with_a_document_type_is_refused(tmp_path):
    path = tmp_path / "values.xlsx"
    make(path)
    bombed = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path) as old, zipfile.ZipFile(bombed, "w") as new:
        for info in old.infolist():
            data = old.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = b'<!DOCTYPE x [<!ENTITY a "aaaa">]>' + data.split(b"?>", 1)[-1]
            new.writestr(info, data)
    book = Workbook(bombed)
    with pytest.raises(XlsxError, match="document type"):
        book["Blad 1"]


@pytest.mark.parametrize(
    "code",
    ["General", "0", "0.00%", "mm-dd-yy", "d-mmm-yy", "h:mm:ss", "[h]:mm:ss", "yyyy-mm-dd", "yyyy\\-mm\\-dd",
     "yyyy/mm/dd", '0" days"', "[Red]0.00", "[$-41D]yyyy-mm-dd", '#,##0 "MSEK"', "dd.mm.yyyy", "@", "mmm"],
)  # fmt: skip
def test_date_formats_are_told_apart_as_openpyxl_does(code):
    from openpyxl.styles.numbers import is_date_format as openpyxl_is_date_format

    from okrxl.xlsx import is_date_format

    assert is_date_format(code) == openpyxl_is_date_format(code)


def test_the_built_in_number_formats_are_openpyxls():
    from openpyxl.styles.numbers import BUILTIN_FORMATS as OPENPYXL

    from okrxl.xlsx import BUILTIN_FORMATS

    assert all(OPENPYXL[number] == code for number, code in BUILTIN_FORMATS.items())


@pytest.mark.parametrize(
    ("ref", "expected"),
    [
        ("A4:AE30", (1, 4, 31, 30)),
        ("B2", (2, 2, 2, 2)),
        ("$A$1:$XFD$1048576", (1, 1, 16384, 1048576)),
        ("a4:c9", (1, 4, 3, 9)),
    ],  # fmt: skip
)
def test_cell_range_gives_the_bounds_openpyxl_gives(ref, expected):
    from openpyxl.utils.cell import range_boundaries

    assert cell_range(ref) == expected == range_boundaries(ref)


@pytest.mark.parametrize("ref", ["", "A", "1:2", "A1:", "AAAA1", "A1:B2:C3", "A1 B2"])
def test_a_table_range_that_is_not_one_is_an_xlsx_error(ref):
    with pytest.raises(XlsxError):
        cell_range(ref)
