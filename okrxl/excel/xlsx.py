"""A small, strict reader of .xlsx packages: cell values, number formats and formulas of a few sheets.

Why not openpyxl here: okrxl reads hundreds of small workbooks per run and needs, per cell, the
value a spreadsheet app stored, its number format (a percent cell holding 0.976 means 97.6 %) and
whether a person typed a formula. openpyxl's full load builds a styled object model of every sheet
and needs a second load to see formulas; this reader parses only the sheets asked for, in one pass.
It gives the values openpyxl's `data_only=True` gives: numbers as int or float, dates in
date-formatted cells as datetime, booleans, shared and inline strings, cached formula results, error
codes as text. openpyxl stays where only it can read what is needed (the template's styles and theme
colours).

It finds its parts as the spec says (ECMA-376 part 2, OPC): `_rels/.rels` names the workbook part,
the workbook's relationships name the sheets, shared strings and styles, a sheet's name its tables;
`[Content_Types].xml` says what each part is. Transitional and Strict namespaces are both read.

Hostile input is bounded before work is done: a part's declared size (MAX_PART_BYTES), the tags and
attributes parsed per workbook (MAX_MARKUP, which bounds the time and memory of parsing, nesting
depth included), cells inside Excel's grid, and no document type declaration (where entity bombs
live), refused by the XML parser itself for every encoding. See docs/check.md, "Limits".
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote
from xml.etree import ElementTree
from xml.parsers import expat

from okrxl.core.problems import TooBigError, XlsxError
from okrxl.core.words import Words

MAX_PART_BYTES = 30_000_000
"""The declared (unpacked) size of one XML part okrxl parses; an okrxl team sheet is about 0.2 MB."""
MAX_MARKUP = 1_000_000
"""The markup (`_markup_of`: tags, and attributes thrice, as each costs the parser three times a tag)
in all the parts one workbook read parses. Parsing time and memory grow with it, nesting depth
included, so this bounds both (at most 1.3 s and 190 MiB at the limit, measured); an okrxl team
workbook has about 20,000, a sheet of 987,000 empty rows 3.9 million."""
MAX_TEMPLATE_MARKUP = 200_000
"""The same for an edited template, which openpyxl reads whole (about 5 times the time and memory per
cell); the built-in template has about 4,000."""
MAX_ROW, MAX_COLUMN = 1_048_576, 16_384
"""Excel's grid (XFD1048576); a cell beyond it is a broken file."""

_REL_IDS = (
    "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id",
    "{http://purl.oclc.org/ooxml/officeDocument/relationships}id",  # Strict
)
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_DATA_TYPES = {"str": "s", "inlineStr": "s"}
_EPOCH_1900 = dt.datetime(1899, 12, 30)
_EPOCH_1904 = dt.datetime(1904, 1, 1)
_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, RuntimeError,
               NotImplementedError, ValueError, IndexError, KeyError, OverflowError)  # fmt: skip
"""What zipfile raises on a damaged package or member (RuntimeError for a member flagged encrypted,
NotImplementedError for an unknown compression method, zlib.error for broken deflate data)."""


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

    @property
    def max_row(self) -> int:
        return max((row for row, _ in self.cells), default=0)

    @property
    def max_column(self) -> int:
        return max((column for _, column in self.cells), default=0)

    def cell(self, row: int, column: int) -> Cell:
        return self.cells.get((row, column), _EMPTY)

    def iter_rows(self, min_row: int = 1, values_only: bool = True):
        """The rows from `min_row` on that hold a cell, as tuples of values up to the row's last cell.

        Only rows and cells that exist are walked: one cell at XFD1048576 costs one cell, not the
        17 billion of the grid before it.
        """
        last_column: dict[int, int] = {}
        for row, column in self.cells:
            if row >= min_row and column > last_column.get(row, 0):
                last_column[row] = column
        for row in sorted(last_column):
            yield tuple(self.cell(row, column).value for column in range(1, last_column[row] + 1))


class ContentTypes:
    """`[Content_Types].xml`: the content type of each part, by part name or by extension."""

    def __init__(self, xml: bytes | None):
        self.defaults: dict[str, str] = {}
        self.overrides: dict[str, str] = {}
        if xml is None:
            return
        root = _parse(xml, "[Content_Types].xml")
        for default in root.iterfind(f"{_CT}Default"):
            self.defaults[default.get("Extension", "").lower()] = default.get("ContentType", "")
        for override in root.iterfind(f"{_CT}Override"):
            self.overrides[override.get("PartName", "").lstrip("/").lower()] = override.get("ContentType", "")

    def of(self, part: str) -> str:
        """The content type of a part (its zip name), "" when none is declared."""
        if part.lower() in self.overrides:
            return self.overrides[part.lower()]
        return self.defaults.get(posixpath.splitext(part)[1].lstrip(".").lower(), "")

    def all(self) -> set[str]:
        return {*self.defaults.values(), *self.overrides.values()}


def is_workbook_type(content_type: str) -> bool:
    """True for the content type of a workbook part: .xlsx, .xltx, .xlsm or .xltm (Strict uses the same)."""
    return content_type.startswith("application/vnd.") and content_type.endswith(
        ("spreadsheetml.sheet.main+xml", "spreadsheetml.template.main+xml", "macroEnabled.main+xml")
    )


def read_content_types(package: zipfile.ZipFile) -> ContentTypes:
    """The package's content types; call only after its declared sizes were checked (files.guard_xlsx)."""
    name = _find_name(package.namelist(), "[Content_Types].xml")
    return ContentTypes(None if name is None else _read(package, name))


class Workbook:
    """An opened .xlsx: sheet names, the date system, and sheets parsed on first use."""

    def __init__(self, path: Path):
        self._zip = None
        self._markup_left = MAX_MARKUP
        try:
            self._zip = zipfile.ZipFile(path)
            self._names = {name.lower(): name for name in self._zip.namelist()}
            main = self._main_part()
            workbook = self._xml(main)
            ns = _namespace(workbook)
            if workbook.tag != f"{ns}workbook":
                raise XlsxError(Words(f"paketets huvuddel {main} är ingen arbetsbok",
                                      f"the package's main part {main} is not a workbook"))  # fmt: skip
            rels = self._rels(main)
            properties = workbook.find(f"{ns}workbookPr")
            date1904 = properties is not None and properties.get("date1904", "").lower() in ("1", "true")
            self.epoch = _EPOCH_1904 if date1904 else _EPOCH_1900
            self._parts: dict[str, str | None] = {}
            sheets = workbook.find(f"{ns}sheets")
            for sheet in () if sheets is None else sheets.iterfind(f"{ns}sheet"):
                rel_id = next((sheet.get(key) for key in _REL_IDS if sheet.get(key)), None)
                kind, target = rels.get(rel_id, ("", None))
                self._parts[sheet.get("name", "")] = target if kind == "worksheet" else None
            self.sheetnames = list(self._parts)
            self._strings = self._shared_strings(self._related(rels, "sharedStrings"))
            self._formats = self._number_formats(self._related(rels, "styles"))
            self._date_styles = {index for index, code in enumerate(self._formats) if is_date_format(code)}
        except XlsxError:
            self.close()
            raise
        except _ZIP_ERRORS as error:
            self.close()
            raise XlsxError(_failure(error)) from None
        self._sheets: dict[str, Sheet] = {}

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()

    def __getitem__(self, name: str) -> Sheet:
        if name not in self._sheets:
            try:
                self._sheets[name] = self._sheet(name, self._parts[name])
            except XlsxError:
                raise
            except _ZIP_ERRORS as error:
                raise XlsxError(_failure(error)) from None
        return self._sheets[name]

    # --- the package -----------------------------------------------------------------------------

    def _read_if_any(self, part: str) -> bytes | None:
        name = self._names.get(part.lower())
        return None if name is None else _read(self._zip, name)

    def _charge(self, xml: bytes, what: Words) -> bytes:
        """The part's bytes, after charging its tags and attributes to the workbook's budget (MAX_MARKUP)."""
        markup = _markup_of(xml)
        if markup > self._markup_left:
            rows = xml.count(b"<row") + xml.count(b":row ")
            if rows > 1000:
                size = Words("{n} rader", "{n} rows").format(n=_thousands(rows))
            else:
                size = Words("{n} XML-taggar och attribut", "{n} XML tags and attributes").format(n=_thousands(markup))
            most = _thousands(MAX_MARKUP)
            raise TooBigError(Words(
                f"{what.sv} rymmer för mycket för att läsas: {size.sv} (okrxl läser arbetsböcker med upp till "
                f"{most.sv} XML-taggar och attribut, ungefär 100 000 ifyllda celler)",
                f"{what.en} is too big to read: {size.en} (okrxl reads workbooks of up to {most.en} XML tags and "
                f"attributes, about 100,000 filled cells)",
            ))  # fmt: skip
        self._markup_left -= markup
        return xml

    def _xml(self, part: str):
        return _parse(self._charge(_read(self._zip, part), Words(f"delen {part}", f"part {part}")), part)

    @functools.cached_property
    def _types(self) -> ContentTypes:
        """Read only where the relationships leave a part unnamed (they are what the spec follows)."""
        return ContentTypes(self._read_if_any("[Content_Types].xml"))

    def _main_part(self) -> str:
        """The workbook part: from the package relationships, else the content types, else the usual name."""
        for kind, target in self._rels("").values():
            if kind == "officeDocument" and target is not None:
                return target
        declared = sorted(p for p, t in self._types.overrides.items() if is_workbook_type(t) and p in self._names)
        if declared:
            return self._names[declared[0]]
        if "xl/workbook.xml" in self._names:
            return self._names["xl/workbook.xml"]
        raise XlsxError(
            Words(
                "paketet anger ingen arbetsboksdel (varken _rels/.rels eller xl/workbook.xml)",
                "the package names no workbook part (no _rels/.rels and no xl/workbook.xml)",
            )
        )

    def _rels(self, part: str) -> dict[str, tuple[str, str | None]]:
        """Relationship id -> (its type's last word, such as `worksheet`; the target part's zip name or None)."""
        folder, name = posixpath.split(part)
        xml = self._read_if_any(posixpath.join(folder, "_rels", f"{name}.rels"))
        if xml is None:
            return {}
        self._charge(xml, Words(f"relationerna för {part or 'paketet'}",
                                f"the relationships of {part or 'the package'}"))  # fmt: skip
        targets: dict[str, tuple[str, str | None]] = {}
        for rel in _parse(xml, f"{part}.rels").iter(_PKG_REL):
            kind = rel.get("Type", "").rsplit("/", 1)[-1]
            target = None if rel.get("TargetMode") == "External" else self._resolve(folder, rel.get("Target", ""))
            targets.setdefault(rel.get("Id", ""), (kind, target))
        return targets

    def _resolve(self, folder: str, target: str) -> str | None:
        """The zip name of a relationship's target, relative to the source's folder; None when absent.

        Part names are case-insensitive (OPC) and may be percent-encoded.
        """
        for candidate in (target, unquote(target)):
            name = candidate[1:] if candidate.startswith("/") else posixpath.normpath(posixpath.join(folder, candidate))
            if name.lower() in self._names:
                return self._names[name.lower()]
        return None

    def _related(self, rels: dict[str, tuple[str, str | None]], kind: str) -> str | None:
        """The workbook's part of one kind (`sharedStrings`, `styles`); its content type is the fallback."""
        part = next((target for k, target in rels.values() if k == kind and target is not None), None)
        if part is None:
            suffix = {"sharedStrings": ".sharedStrings+xml", "styles": ".styles+xml"}[kind]
            declared = sorted(p for p, t in self._types.overrides.items() if t.endswith(suffix) and p in self._names)
            part = self._names[declared[0]] if declared else None
        return part

    # --- the workbook's parts --------------------------------------------------------------------

    def _shared_strings(self, part: str | None) -> list[str]:
        if part is None:
            return []
        root = self._xml(part)
        ns = _namespace(root)
        t_tag, r_tag = f"{ns}t", f"{ns}r"
        strings = [
            (si[0].text or "") if len(si) == 1 and si[0].tag == t_tag else _text_of(si, t_tag, r_tag)
            for si in root.iterfind(f"{ns}si")
        ]
        return [_unescape(text) if "_x" in text else text for text in strings]

    def _number_formats(self, part: str | None) -> list[str]:
        """Number format code per cell style index."""
        if part is None:
            return []
        styles = self._xml(part)
        ns = _namespace(styles)
        num_fmts = styles.find(f"{ns}numFmts")
        custom = {
            _int(f.get("numFmtId"), -1): f.get("formatCode", "General")
            for f in (() if num_fmts is None else num_fmts.iterfind(f"{ns}numFmt"))
        }
        cell_xfs = styles.find(f"{ns}cellXfs")
        if cell_xfs is None:
            return []
        formats = []
        for xf in cell_xfs.iterfind(f"{ns}xf"):
            number = _int(xf.get("numFmtId"), 0)
            formats.append(custom.get(number) or BUILTIN_FORMATS.get(number) or _LOCALE_FORMATS.get(number, "General"))
        return formats

    def _sheet(self, name: str, part: str | None) -> Sheet:
        sheet = Sheet(title=name)
        if part is None:
            return sheet  # a chart sheet, or a sheet whose part is missing: no cells
        xml = self._charge(
            _FORMULA_TEXT.sub(b"<f/>", _read(self._zip, part)), Words(f"bladet {name!r}", f"sheet {name!r}")
        )
        root = _parse(xml, part)
        self._read_cells(root, sheet.cells)
        for kind, target in self._rels(part).values():
            if kind == "table" and target is not None:
                table = self._xml(target)
                table_name = table.get("displayName") or table.get("name") or ""
                sheet.tables[table_name] = Table(name=table_name, ref=table.get("ref", "A1"))
        return sheet

    def _read_cells(self, root, cells: dict[tuple[int, int], Cell]) -> None:
        """Each non-empty cell of a worksheet into `cells`, its value as openpyxl's data_only load gives it.

        The one loop over every cell of every sheet read: kept flat, with the tags and lookups in locals.
        """
        ns = _namespace(root)
        sheet_data = root.find(f"{ns}sheetData")
        row_tag, c_tag, v_tag, f_tag, is_tag, t_tag, r_tag = (
            f"{ns}{t}" for t in ("row", "c", "v", "f", "is", "t", "r")
        )
        date_styles, formats, strings, epoch = self._date_styles, self._formats, self._strings, self.epoch
        style_of = {str(index): index for index in range(len(formats))}  # `s=""`, a stray or unknown `s`: General
        no_style, data_types, position_of = len(formats), _DATA_TYPES, _position_of
        row_number = 0
        for row in () if sheet_data is None else sheet_data.iterfind(row_tag):
            r = row.get("r")
            row_number = _int(r, -1) if r else row_number + 1
            if not 0 < row_number <= MAX_ROW:
                raise XlsxError(Words(f"en rad med nummer {r[:20]!r}, utanför Excels rader 1 till {MAX_ROW}",
                                      f"a row numbered {r[:20]!r}, outside Excel's rows 1 to {MAX_ROW}"))  # fmt: skip
            column = 0
            for c in row.iterfind(c_tag):
                reference = c.get("r")
                cell_row, column = position_of(reference) if reference else (row_number, column + 1)
                if not len(c):
                    continue  # formatted, but empty
                text, has_formula = None, False
                for child in c:
                    tag = child.tag
                    if tag == v_tag:
                        text = child.text or ""
                    elif tag == f_tag:
                        has_formula = True
                    elif tag == is_tag:
                        text = _unescape(_text_of(child, t_tag, r_tag))
                kind, style = c.get("t", "n"), style_of.get(c.get("s", "0"), no_style)
                if text is None or (text == "" and kind != "str" and kind != "inlineStr"):
                    if not has_formula:
                        continue  # an empty cell (also `<v/>` in a shared string cell), however it is formatted
                    value = None
                elif kind == "s":
                    value = strings[int(text)]
                elif kind == "str" or kind == "e" or kind == "inlineStr":
                    value = text
                elif kind == "b":
                    value = text in ("1", "true")
                elif kind == "d":
                    value, kind = _iso_value(text)
                else:
                    value, kind = _number(text, kind)
                    if style in date_styles and kind == "n" and 0 <= value < 2958466:
                        # Excel's 1900 system counts a 29 February 1900 that never was (serial 60).
                        leap_bug = 1 if 0 < value < 60 and epoch is _EPOCH_1900 else 0
                        value = epoch + dt.timedelta(days=value + leap_bug)
                if column > MAX_COLUMN:
                    raise XlsxError(Words(f"en cell till höger om Excels sista kolumn XFD på rad {cell_row}",
                                          f"a cell right of Excel's last column XFD in row {cell_row}"))  # fmt: skip
                cells[(cell_row, column)] = Cell(  # positional: the fastest call, as the fields are in order
                    value,
                    formats[style] if style < no_style else "General",
                    "f" if has_formula else data_types.get(kind, kind),
                )


def check_markup(path: Path, *, limit: int) -> None:
    """Refuse a package whose XML parts hold more than `limit` tags and attributes in all.

    For a package another reader parses whole (openpyxl reading a template): Workbook charges only the
    parts it reads, as it reads them. Call it after files.guard_xlsx has bounded the declared sizes.
    """
    total = 0
    try:
        with zipfile.ZipFile(path) as package:
            for info in package.infolist():
                if info.filename.lower().endswith((".xml", ".rels", ".vml")):
                    xml = _read(package, info.filename)
                    total += _markup_of(xml)
                    if total > limit:
                        raise TooBigError(Words(
                            "fler än {n} XML-taggar och attribut, mer än okrxl läser här",
                            "more than {n} XML tags and attributes, more than okrxl reads here",
                        ).format(n=_thousands(limit)))  # fmt: skip
    except XlsxError:
        raise
    except _ZIP_ERRORS as error:
        raise XlsxError(_failure(error)) from None


def _failure(error: Exception) -> Words:
    """A library's own error, named by its type: the same in both languages."""
    text = f"{type(error).__name__}: {error}"
    return Words(text, text)


def _thousands(number: int) -> Words:
    """1 000 000 and 1,000,000: a whole number with each language's thousands separator."""
    text = f"{number:,}"
    return Words(text.replace(",", " "), text)


def _read(package: zipfile.ZipFile, name: str) -> bytes:
    """A member's bytes, after checking its declared size and compression (the read never exceeds them)."""
    info = package.getinfo(name)
    if info.file_size > MAX_PART_BYTES:
        size, most = f"{info.file_size / 1e6:.0f}", f"{MAX_PART_BYTES / 1e6:.0f}"
        raise TooBigError(Words(f"delen {name} packas upp till {size} MB, mer än okrxl läser ({most} MB)",
                                f"part {name} unpacks to {size} MB, more than okrxl reads ({most} MB)"))  # fmt: skip
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        # zipfile bounds a deflated member's output by its declared size, but not a bzip2 or lzma one.
        method = info.compress_type
        raise XlsxError(
            Words(
                f"delen {name} är packad med komprimeringsmetod {method}, som Excel aldrig använder",
                f"part {name} is packed with compression method {method}, which Excel never uses",
            )
        )
    return package.read(info)


def _markup_of(xml: bytes) -> int:
    """An upper bound of a part's tags plus three times its attributes: each needs a `<` or an `=`
    (text may hold `=` too, and in UTF-16 these are still these bytes; _parse refuses other encodings)."""
    return xml.count(b"<") + 3 * xml.count(b"=")


def _find_name(names, part: str) -> str | None:
    return next((name for name in names if name.lower() == part.lower()), None)


def _namespace(element) -> str:
    """`{uri}` of an element's tag: the Transitional or the Strict namespace, read alike."""
    tag = element.tag
    return tag[: tag.index("}") + 1] if tag.startswith("{") else ""


def _int(text: str | None, default: int) -> int:
    return int(text) if text and text.isdigit() and len(text) < 10 else default


_FORMULA_TEXT = re.compile(rb"<f(?: [^<>]*)?>[^<]*</f>")
"""A cell's formula with its text, as Excel, LibreOffice (`<f aca="false">`) and XlsxWriter write it
(one with a namespace prefix is parsed as it is). Only its presence is read (the cached value is
what counts), and the team sheet's formulas are most of its bytes, so their text is cut before
parsing. XML escapes `<` in text, so the text ends at the first `<`; `[^<>]` keeps a run of `<f `
without `>` (only in a broken file) linear."""


@functools.lru_cache(maxsize=4096)
def _position_of(reference: str) -> tuple[int, int]:
    """(row, column) of a cell reference such as `AB12`, inside Excel's grid; XlsxError otherwise."""
    letters = reference.rstrip("0123456789")
    digits = reference[len(letters) :]
    column = _column_of(letters + "1") if letters else None
    row = _int(digits, 0)
    if column is None or not (0 < row <= MAX_ROW and column <= MAX_COLUMN):
        shown = repr(reference[:20])
        raise XlsxError(
            Words(
                f"cellreferensen {shown} är ingen cell i Excels rutnät (A1 till XFD{MAX_ROW})",
                f"the cell reference {shown} is not a cell of Excel's grid (A1 to XFD{MAX_ROW})",
            )
        )
    return row, column


def _number(text: str, kind: str) -> tuple[object, str]:
    """A number cell's value and type. Text that is no number (a broken cell) stays text for the reader
    to report at its cell; a number beyond a double (1e999) is Excel's #NUM! error."""
    try:
        if "." in text or "e" in text or "E" in text or len(text) > 15:
            value = float(text)
            return (value, kind) if math.isfinite(value) else ("#NUM!", "e")
        return int(text), kind
    except ValueError:
        return text, "s"


def _iso_value(text: str) -> tuple[object, str]:
    """An ISO 8601 date cell (`t="d"`): a datetime, a time for a time alone; text when it is neither."""
    try:
        return dt.datetime.fromisoformat(text.rstrip("Zz")).replace(tzinfo=None), "d"
    except ValueError:
        pass
    try:
        return dt.time.fromisoformat(text.rstrip("Zz")).replace(tzinfo=None), "d"
    except ValueError:
        return text, "s"


# The number formats every spreadsheet app knows by id (ECMA-376, 18.8.30); ids 14-22 and 45-47 are dates.
BUILTIN_FORMATS = {
    0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00",
    12: "# ?/?", 13: "# ??/??", 14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM",
    19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm", 37: "#,##0_);(#,##0)",
    38: "#,##0_);[Red](#,##0)", 39: "#,##0.00_);(#,##0.00)", 40: "#,##0.00_);[Red](#,##0.00)", 45: "mm:ss",
    46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
}  # fmt: skip
_LOCALE_FORMATS = {
    **dict.fromkeys((27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58), "yyyy-mm-dd"),
    32: "h:mm", 33: "h:mm:ss",
}  # fmt: skip
"""Built-in ids Excel writes in East Asian locales, all dates or times (ECMA-376, 18.8.30; calamine reads
them as dates, openpyxl as numbers). A workbook saved there keeps the id, not the code."""
_NOT_DATE_PARTS = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')


def is_date_format(code: str | None) -> bool:
    """True for a number format that shows a date or time (d, m, y, h or s outside quotes and brackets)."""
    if not code or code == "General":
        return False
    visible = _NOT_DATE_PARTS.sub("", code.split(";")[0])
    return bool(re.search(r"[dmyhs]", visible, re.IGNORECASE))


def _parse(xml: bytes, part: str):
    """An XML part as an element tree (the C parser), refusing a document type declaration.

    Entity bombs and external entities live in a document type declaration; no part of a workbook
    needs one. A declaration can only stand before the root element, so expat reads just that far
    first (in the part's own encoding, UTF-16 or any other it knows: a byte search would miss those),
    and the part is refused there. Only encodings that write `<` and `=` as ASCII bytes (UTF-8,
    UTF-16, ISO-8859-1 ...) are read, so that the budget's byte count (MAX_MARKUP) counts them.
    """
    _check_prolog(xml, part)
    try:
        return ElementTree.fromstring(xml)
    except ElementTree.ParseError as error:
        raise XlsxError(_broken_xml(part, error)) from None


def _broken_xml(part: str, error: Exception) -> Words:
    return Words(f"trasig XML i {part}: {error}", f"broken XML in {part}: {error}")


class _RootReached(Exception):
    pass


def _check_prolog(xml: bytes, part: str) -> None:
    parser = expat.ParserCreate()

    def refuse_doctype(*_):
        raise XlsxError(Words(f"{part} deklarerar en dokumenttyp, som okrxl inte läser",
                              f"{part} declares a document type, which okrxl does not read"))  # fmt: skip

    def check_encoding(version, encoding, standalone):
        if encoding and _markup_bytes(encoding) not in (b"<=", b"<\x00=\x00", b"\x00<\x00="):
            shown = repr(encoding[:40])
            raise XlsxError(Words(f"{part} har teckenkodningen {shown}; okrxl läser UTF-8 och UTF-16",
                                  f"{part} is in the encoding {shown}; okrxl reads UTF-8 and UTF-16"))  # fmt: skip

    def root_reached(*_):
        raise _RootReached

    parser.StartDoctypeDeclHandler = refuse_doctype
    parser.XmlDeclHandler = check_encoding
    parser.StartElementHandler = root_reached
    try:
        for start in range(0, max(len(xml), 1), 65536):
            parser.Parse(xml[start : start + 65536], start + 65536 >= len(xml))
    except _RootReached:
        return
    except (expat.ExpatError, ValueError) as error:  # ValueError: an encoding expat cannot read
        raise XlsxError(_broken_xml(part, error)) from None


@functools.lru_cache(maxsize=16)
def _markup_bytes(encoding: str) -> bytes:
    try:
        return "<=".encode(encoding).removeprefix(b"\xff\xfe").removeprefix(b"\xfe\xff")  # a UTF-16 BOM
    except (LookupError, ValueError):
        return b""


_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _unescape(text: str) -> str:
    """Text with the spec's escapes (`_x000D_` for a character, `_x005F_` for `_`) decoded, as Excel and
    calamine read them (ECMA-376, 22.9.2.19 ST_Xstring)."""
    return _ESCAPED.sub(lambda match: chr(int(match[1], 16)), text)


def _text_of(item, t_tag: str, r_tag: str) -> str:
    """The text of a string item in document order: its `<t>` and its rich-text runs' `<t>`, phonetic
    runs (`<rPh>`) left out. Only direct children are read, so nesting cannot make it slower than linear."""
    if len(item) == 1 and item[0].tag == t_tag:
        return item[0].text or ""
    parts = []
    for child in item:
        if child.tag == t_tag:
            parts.append(child.text or "")
        elif child.tag == r_tag:
            parts.extend(t.text or "" for t in child.iterfind(t_tag))
    return "".join(parts)


_RANGE = re.compile(r"\$?([A-Z]{1,3})\$?([0-9]{1,7})(?::\$?([A-Z]{1,3})\$?([0-9]{1,7}))?")


def cell_range(ref: str) -> tuple[int, int, int, int]:
    """(first column, first row, last column, last row), 1-based, of a range such as `A4:AE30` or `B2`."""
    match = _RANGE.fullmatch(ref.strip().upper())
    if match is None:
        raise XlsxError(Words(f"{ref!r} är inget cellområde", f"{ref!r} is not a cell range"))
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
