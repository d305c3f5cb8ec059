"""okrxl.excel.xlsx reads the values openpyxl's data_only load reads (openpyxl is the second source here)."""

import datetime as dt
import zipfile

import openpyxl
import pytest
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from okrxl.core.problems import XlsxError
from okrxl.excel.xlsx import Workbook, cell_range


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

    from okrxl.excel.xlsx import is_date_format

    assert is_date_format(code) == openpyxl_is_date_format(code)


def test_the_built_in_number_formats_are_openpyxls():
    from openpyxl.styles.numbers import BUILTIN_FORMATS as OPENPYXL

    from okrxl.excel.xlsx import BUILTIN_FORMATS

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


# --- the package as the spec has it, and stray cells ---------------------------------------------------

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def package(path, cells, *, strings=(), main=MAIN, rels=RELS, folder="xl", styles=None, date1904=False, sst=None):
    """A minimal workbook: one sheet 'S' with `cells` (the XML of its rows), parts under `folder`."""
    sst = sst or "".join(f"<si><t>{s}</t></si>" for s in strings)
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/{folder}/book.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        )
        z.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{PKG}"><Relationship Id="r1" Type="{rels}/officeDocument" Target="{folder}/book.xml"/></Relationships>',
        )
        z.writestr(
            f"{folder}/book.xml",
            f'<workbook xmlns="{main}" xmlns:r="{rels}"><workbookPr date1904="{int(date1904)}"/>'
            '<sheets><sheet name="S" sheetId="1" r:id="a"/></sheets></workbook>',
        )
        z.writestr(
            f"{folder}/_rels/book.xml.rels",
            f'<Relationships xmlns="{PKG}">'
            f'<Relationship Id="a" Type="{rels}/worksheet" Target="data/one.xml"/>'
            f'<Relationship Id="b" Type="{rels}/sharedStrings" Target="/{folder}/text.xml"/>'
            f'<Relationship Id="c" Type="{rels}/styles" Target="look.xml"/></Relationships>',
        )
        z.writestr(f"{folder}/data/one.xml", f'<worksheet xmlns="{main}"><sheetData>{cells}</sheetData></worksheet>')
        z.writestr(f"{folder}/text.xml", sst if isinstance(sst, bytes) else f'<sst xmlns="{main}">{sst}</sst>')
        z.writestr(f"{folder}/look.xml", f'<styleSheet xmlns="{main}">{styles or ""}</styleSheet>')
    return path


def values(path):
    book = Workbook(path)
    try:
        return {key: cell.value for key, cell in book["S"].cells.items()}
    finally:
        book.close()


def test_parts_are_found_through_the_relationships_wherever_they_are(tmp_path):
    path = package(
        tmp_path / "b.xlsx", '<row r="2"><c r="B2" t="s"><v>0</v></c></row>', strings=["found"], folder="elsewhere"
    )
    assert values(path) == {(2, 2): "found"}


def test_a_strict_workbook_reads_as_its_transitional_twin(tmp_path):
    cells = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>4.5</v></c></row>'
    strict = package(
        tmp_path / "s.xlsx",
        cells,
        strings=["Mål"],
        main="http://purl.oclc.org/ooxml/spreadsheetml/main",
        rels="http://purl.oclc.org/ooxml/officeDocument/relationships",
    )
    assert (
        values(strict) == values(package(tmp_path / "t.xlsx", cells, strings=["Mål"])) == {(1, 1): "Mål", (1, 2): 4.5}
    )


def test_plain_text_followed_by_rich_text_runs_is_read_whole_in_document_order(tmp_path):
    sst = "<si><t>A</t><r><t>B</t></r><r><rPr><b/></rPr><t>C</t></r><rPh><t>ignored</t></rPh></si>"
    assert values(package(tmp_path / "r.xlsx", '<row r="1"><c r="A1" t="s"><v>0</v></c></row>', sst=sst)) == {
        (1, 1): "ABC"
    }


def test_deeply_nested_runs_are_joined_in_linear_time(tmp_path):
    import time

    depth = 200_000
    sst = "<si>" + "<r>" * depth + "<t>x</t>" + "</r>" * depth + "<r><t>y</t></r></si>"
    path = package(tmp_path / "d.xlsx", '<row r="1"><c r="A1" t="s"><v>0</v></c></row>', sst=sst)
    start = time.perf_counter()
    assert values(path) == {(1, 1): "y"}  # a run holds its <t> directly; nested runs are not text
    assert time.perf_counter() - start < 2


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ('<c r="A1" s="" t="n"><v>7</v></c>', {(1, 1): 7}),
        ('<c r="A1" t="s"><v/></c>', {}),
        ('<c r="A1" t="d"><v>12:30:00</v></c>', {(1, 1): dt.time(12, 30)}),
        ('<c r="A1" t="d"><v>2027-03-15T10:00:00Z</v></c>', {(1, 1): dt.datetime(2027, 3, 15, 10)}),
        ('<c r="A1" t="d"><v>soon</v></c>', {(1, 1): "soon"}),
        ('<c r="A1"><v>1e999</v></c>', {(1, 1): "#NUM!"}),
        ('<c r="A1" t="inlineStr"><is><t>a_x005F_b_x000D_</t></is></c>', {(1, 1): "a_b\r"}),
    ],
    ids=["empty-style", "empty-shared-string", "iso-time", "iso-datetime-utc", "not-iso", "beyond-a-double", "escapes"],
)  # fmt: skip
def test_a_stray_cell_is_read_as_openpyxl_or_calamine_read_it_not_refused(tmp_path, cell, expected):
    assert values(package(tmp_path / "c.xlsx", f'<row r="1">{cell}</row>', strings=["x"])) == expected


def test_a_1904_workbook_dates_cells_with_an_east_asian_built_in_date_style(tmp_path):
    styles = '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="31"/></cellXfs>'
    path = package(
        tmp_path / "j.xlsx", '<row r="1"><c r="A1" s="1"><v>45000</v></c></row>', styles=styles, date1904=True
    )
    assert values(path) == {(1, 1): dt.datetime(2027, 3, 16)}  # 1904-01-01 + 45000 days; 1900 would be 2023


@pytest.mark.parametrize("encoding", ["UTF-8", "UTF-16", "UTF-16LE", "UTF-16BE"])
def test_a_document_type_is_refused_by_the_parser_in_any_encoding(tmp_path, encoding):
    bomb = (f'<?xml version="1.0" encoding="{encoding}"?><!DOCTYPE sst [<!ENTITY a "expanded">]>'
            f'<sst xmlns="{MAIN}"><si><t>&a;</t></si></sst>').encode(encoding.replace("16", "-16"))  # fmt: skip
    path = package(tmp_path / "u.xlsx", '<row r="1"><c r="A1" t="s"><v>0</v></c></row>', sst=bomb)
    with pytest.raises(XlsxError, match="document type"):
        Workbook(path)


def test_a_part_in_an_encoding_without_ascii_markup_is_refused(tmp_path):
    ebcdic = f'<?xml version="1.0" encoding="cp500"?><sst xmlns="{MAIN}"/>'.encode("cp500")
    path = package(tmp_path / "e.xlsx", '<row r="1"><c r="A1" t="s"><v>0</v></c></row>', sst=ebcdic)
    with pytest.raises(XlsxError):
        Workbook(path)


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        ('<row r="0"><c r="A1"><v>1</v></c></row>', "outside Excel's rows"),
        ('<row r="1"><c r="XFE1"><v>1</v></c></row>', "not a cell of Excel's grid"),
        ('<row r="1"><c r="A1048577"><v>1</v></c></row>', "not a cell of Excel's grid"),
    ],
    ids=["row-0", "column-xfe", "row-beyond-excel"],
)  # fmt: skip
def test_a_cell_outside_excels_grid_is_refused(tmp_path, cells, message):
    with pytest.raises(XlsxError, match=message):
        values(package(tmp_path / "g.xlsx", cells))


def test_a_cell_at_xfd1048576_is_one_cell_and_rows_skip_the_empty_grid(tmp_path):
    import time

    path = package(
        tmp_path / "x.xlsx",
        '<row r="2"><c r="A2"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>',
    )
    book = Workbook(path)
    start = time.perf_counter()
    rows = list(book["S"].iter_rows(min_row=2))
    assert time.perf_counter() - start < 0.5
    assert [len(row) for row in rows] == [1, 16384] and rows[0] == (1,)
