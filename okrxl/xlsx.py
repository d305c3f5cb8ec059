"""A small, strict reader of .xlsx packages: cell values, number formats and formulas of a few sheets.

Why not openpyxl here: okrxl reads hundreds of small workbooks per run and needs, per cell, the
value a spreadsheet app stored, its number format (a percent cell holding 0.976 means 97.6 %) and
whether a person typed a formula. openpyxl's full load builds a styled object model of every sheet
and needs a second load to see formulas; this reader parses only the sheets asked for, in one pass,
refusing any document type declaration (where XML bombs live). It gives the values openpyxl's `data_only=True` gives:
numbers as int or float, dates in date-formatted cells as datetime, booleans, shared and inline
strings, cached formula results, error codes as text. openpyxl stays where only it can read what is
needed (the template's styles and theme colours).
"""

from __future__ import annotations

import datetime as dt
import functools
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_V, _F, _IS = f"{_NS}v", f"{_NS}f", f"{_NS}is"
_DATA_TYPES = {"str": "s", "inlineStr": "s"}
_EPOCH_1900 = dt.datetime(1899, 12, 30)
_EPOCH_1904 = dt.datetime(1904, 1, 1)


class XlsxError(ValueError):
    """The package is not a readable workbook (a part is missing or its XML is broken)."""


@dataclass(slots=True)
class Cell:
    value: object = None
    number_format: str = "General"
    data_type: str = "n"
    """`f` for a formula (its cached result is `value`), `s` text, `n` number, `b`, `e`, `d`."""


_EMPTY = Cell()


@dataclass(slots=True)
class Table:
    name: str
    ref: str


@dataclass
class Sheet:
    title: str
    cells: dict[tuple[int, int], Cell] = field(default_factory=dict)
    tables: dict[str, Table] = field(default_factory=dict)
    max_row: int = 0
    max_column: int = 0

    def cell(self, row: int, column: int) -> Cell:
        return self.cells.get((row, column), _EMPTY)

    def iter_rows(self, min_row: int = 1, values_only: bool = True):
        """Rows from `min_row` to the last, as tuples of values (all the columns in use)."""
        for row in range(min_row, self.max_row + 1):
            yield tuple(self.cell(row, column).value for column in range(1, self.max_column + 1))


class Workbook:
    """An opened .xlsx: sheet names, the date system, and sheets parsed on first use."""

    def __init__(self, path: Path):
        try:
            self._zip = zipfile.ZipFile(path)
            self._names = set(self._zip.namelist())
            workbook = self._xml("xl/workbook.xml")
            rels = self._rels("xl/workbook.xml")
            properties = workbook.find(f"{_NS}workbookPr")
            date1904 = properties is not None and properties.get("date1904") in ("1", "true")
            self.epoch = _EPOCH_1904 if date1904 else _EPOCH_1900
            self._parts: dict[str, str] = {}
            for sheet in workbook.iter(f"{_NS}sheet"):
                target = rels.get(sheet.get(f"{_REL_NS}id"), "")
                self._parts[sheet.get("name")] = target
            self.sheetnames = list(self._parts)
            self._strings = self._shared_strings()
            self._formats = self._number_formats()
            self._date_styles = {index for index, code in enumerate(self._formats) if is_date_format(code)}
        except (KeyError, ValueError, ElementTree.ParseError, zipfile.BadZipFile) as error:
            self.close()
            raise XlsxError(f"{type(error).__name__}: {error}") from None
        self._sheets: dict[str, Sheet] = {}

    def close(self) -> None:
        if getattr(self, "_zip", None) is not None:
            self._zip.close()

    def __getitem__(self, name: str) -> Sheet:
        if name not in self._sheets:
            try:
                self._sheets[name] = self._sheet(name, self._parts[name])
            except (KeyError, ValueError, IndexError, ElementTree.ParseError, zipfile.BadZipFile) as error:
                raise XlsxError(f"{type(error).__name__}: {error}") from None
        return self._sheets[name]

    def _xml(self, part: str):
        return _parse(self._zip.read(part))

    def _rels(self, part: str) -> dict[str, str]:
        """Relationship id -> the target part's path in the package."""
        folder, name = posixpath.split(part)
        rels_part = posixpath.join(folder, "_rels", name + ".rels")
        if rels_part not in self._names:
            return {}
        targets = {}
        for rel in self._xml(rels_part).iter(f"{_PKG_REL}Relationship"):
            target = rel.get("Target", "")
            targets[rel.get("Id")] = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                posixpath.join(folder, target)
            )  # fmt: skip
        return targets

    def _shared_strings(self) -> list[str]:
        part = next((p for p in ("xl/sharedStrings.xml", "xl/SharedStrings.xml") if p in self._names), None)
        if part is None:
            return []
        return [_text_of(si) for si in self._xml(part).iter(f"{_NS}si")]

    def _number_formats(self) -> list[str]:
        """Number format code per cell style index."""
        if "xl/styles.xml" not in self._names:
            return []
        styles = self._xml("xl/styles.xml")
        custom = {int(f.get("numFmtId")): f.get("formatCode", "General") for f in styles.iter(f"{_NS}numFmt")}
        cell_xfs = styles.find(f"{_NS}cellXfs")
        if cell_xfs is None:
            return []
        formats = []
        for xf in cell_xfs.iter(f"{_NS}xf"):
            number = int(xf.get("numFmtId", "0"))
            formats.append(custom.get(number) or BUILTIN_FORMATS.get(number, "General"))
        return formats

    def _sheet(self, name: str, part: str) -> Sheet:
        sheet = Sheet(title=name)
        date_styles = self._date_styles
        cells = sheet.cells
        for row, column, kind, style, text, has_formula in _scan_cells(self._zip.read(part)):
            cell = self._cell(kind, style, text, has_formula, style in date_styles)
            if cell is not None:
                cells[(row, column)] = cell
        if cells:
            sheet.max_row = max(row for row, _ in cells)
            sheet.max_column = max(column for _, column in cells)
        for target in self._rels(part).values():
            if "/tables/" in target and target in self._names:
                table = self._xml(target)
                table_name = table.get("displayName") or table.get("name")
                sheet.tables[table_name] = Table(name=table_name, ref=table.get("ref", "A1"))
        return sheet

    def _cell(self, kind: str, style: int, text: str | None, has_formula: bool, is_date: bool) -> Cell | None:
        if text is None or (text == "" and kind not in ("s", "str", "inlineStr")):
            if not has_formula:
                return None  # an empty cell, however it is formatted
            value = None
        elif kind == "s":
            value = self._strings[int(text)]
        elif kind in ("str", "e", "inlineStr"):
            value = text
        elif kind == "b":
            value = text in ("1", "true")
        elif kind == "d":
            value = dt.datetime.fromisoformat(text.rstrip("Z"))
        else:
            value = float(text) if "." in text or "e" in text or "E" in text else int(text)
            if is_date and 0 <= value < 2958466:
                value = self.epoch + dt.timedelta(days=value)
        number_format = self._formats[style] if style < len(self._formats) else "General"
        data_type = "f" if has_formula else _DATA_TYPES.get(kind, kind)
        return Cell(value=value, number_format=number_format, data_type=data_type)


_FORMULA_TEXT = re.compile(rb"<f(?: [^>]*)?>[^<]*</f>")
"""A cell's formula with its text, as Excel, LibreOffice (`<f aca="false">`) and XlsxWriter write it
(one with a namespace prefix is parsed as it is). Only its presence is read (the cached value is
what counts), and the team sheet's formulas are most of its bytes, so their text is cut before
parsing. XML escapes `<` in text, so the text ends at the first `<`."""


def _scan_cells(xml: bytes):
    """(row, column, type, style, text, has formula) of each cell of a worksheet, in order.

    A worksheet is by far the largest part, so it is parsed with the C element tree. That parser
    would expand entities declared in a document type, where entity bombs live; a worksheet never
    needs one, so one is refused before parsing (see _parse).
    """
    root = _parse(_FORMULA_TEXT.sub(b"<f/>", xml))
    sheet_data = root.find(f"{_NS}sheetData")
    row_number = 0
    for row in () if sheet_data is None else sheet_data.iterfind(f"{_NS}row"):
        row_number = int(row.get("r", row_number + 1))
        column = 0
        for c in row.iterfind(f"{_NS}c"):
            reference = c.get("r")
            column = (_column_of(reference) if reference else None) or column + 1
            if not len(c):
                continue  # formatted, but empty
            text, has_formula = None, False
            for child in c:
                if child.tag == _V:
                    text = child.text or ""
                elif child.tag == _F:
                    has_formula = True
                elif child.tag == _IS:
                    text = _text_of(child)
            yield row_number, column, c.get("t", "n"), int(c.get("s", "0")), text, has_formula


# The number formats every spreadsheet app knows by id (ECMA-376, 18.8.30); ids 14-22 and 45-47 are dates.
BUILTIN_FORMATS = {
    0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00",
    12: "# ?/?", 13: "# ??/??", 14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM",
    19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm", 37: "#,##0_);(#,##0)",
    38: "#,##0_);[Red](#,##0)", 39: "#,##0.00_);(#,##0.00)", 40: "#,##0.00_);[Red](#,##0.00)", 45: "mm:ss",
    46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
}  # fmt: skip
_NOT_DATE_PARTS = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')


def is_date_format(code: str | None) -> bool:
    """True for a number format that shows a date or time (d, m, y, h or s outside quotes and brackets)."""
    if not code or code == "General":
        return False
    visible = _NOT_DATE_PARTS.sub("", code.split(";")[0])
    return bool(re.search(r"[dmyhs]", visible, re.IGNORECASE))


def _parse(xml: bytes):
    """An XML part as an element tree (the C parser), refusing a document type declaration.

    Entity bombs and external entities live in a document type declaration; no part of a workbook
    needs one. Raw `<!` cannot occur in XML text (it is escaped), so the check cannot misfire.
    """
    if b"<!DOCTYPE" in xml or b"<!ENTITY" in xml:
        raise XlsxError("a part of the workbook declares a document type, which okrxl does not read")
    try:
        return ElementTree.fromstring(xml)
    except ElementTree.ParseError as error:
        raise XlsxError(f"broken XML in the workbook: {error}") from None


def _text_of(element) -> str:
    """The text of a string item: plain `<t>`, or rich-text runs; phonetic runs left out."""
    plain = element.find(f"{_NS}t")
    if plain is not None:
        return plain.text or ""
    return "".join(t.text or "" for r in element.iter(f"{_NS}r") for t in r.iter(f"{_NS}t"))


_RANGE = re.compile(r"\$?([A-Z]{1,3})\$?([0-9]{1,7})(?::\$?([A-Z]{1,3})\$?([0-9]{1,7}))?")


def cell_range(ref: str) -> tuple[int, int, int, int]:
    """(first column, first row, last column, last row), 1-based, of a range such as `A4:AE30` or `B2`."""
    match = _RANGE.fullmatch(ref.strip().upper())
    if match is None:
        raise XlsxError(f"{ref!r} is not a cell range")
    first_col, first_row = _column_of(match[1]), int(match[2])
    last_col, last_row = (_column_of(match[3]), int(match[4])) if match[3] else (first_col, first_row)
    return first_col, first_row, last_col, last_row


@functools.lru_cache(maxsize=4096)
def _column_of(reference: str) -> int | None:
    """The 1-based column of a cell reference such as `AB12`; None when it is not one."""
    letters = reference.rstrip("0123456789")
    if not (0 < len(letters) <= 3 and letters.isascii() and letters.isalpha() and letters.isupper()):
        return None
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number
