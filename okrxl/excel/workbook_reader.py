"""Reading the strategy workbook and team workbooks back, however they were saved.

Data is found by table name and header text (layout.py), never by a fixed address. Every value a
person typed goes through okrxl.excel.cells; what cannot be read becomes a `Problem` naming the file and
the cell, and reading goes on. Scores are never taken from cached formula values.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from okrxl.core.model import (
    Carried,
    CheckIn,
    Commitment,
    Confidence,
    Dependency,
    Initiative,
    InitiativeState,
    KeyResult,
    KeyResultKind,
    Method,
    Objective,
    Period,
    Person,
    Quarter,
    Side,
    Strategy,
    Team,
    TeamQuarter,
    year_period,
)
from okrxl.core.problems import (
    CellRef,
    CellValueError,
    FileError,
    ModelError,
    NotAnOkrxlWorkbook,
    Problem,
    ProblemCode,
    Severity,
    TooBigError,
    XlsxError,
)
from okrxl.core.words import Words, decimal
from okrxl.excel import layout
from okrxl.excel.cells import (
    ambiguous_fraction_text,
    check_plausible_date,
    clean_text,
    is_ambiguous_fraction,
    is_completion_word,
    is_typed_as_percent,
    read_completion,
    read_date,
    read_ids,
    read_number,
    read_target,
    read_word,
    show_value,
    unit_means_percent,
)
from okrxl.excel.files import guard_xlsx
from okrxl.excel.template import DEFAULT
from okrxl.excel.xlsx import Workbook, cell_range

KIND_VOCABULARY: dict[str, tuple[KeyResultKind, Side]] = {
    **{word.casefold(): (kind, side) for kind, side, words in layout.KIND_WORDS.values() for word in words},
    **{key: (kind, side) for key, (kind, side, _) in layout.KIND_WORDS.items()},
    "maintain": (KeyResultKind.MAINTAIN, Side.AT_LEAST),
    "metric": (KeyResultKind.INCREASE, Side.AT_LEAST),
}
COMMITMENT_VOCABULARY = {
    **{w.casefold(): c for c, words in layout.COMMITMENT_WORDS.items() for w in words},
    **{c.value: c for c in Commitment},
}
CONFIDENCE_VOCABULARY = {
    **{w.casefold(): c for c, words in layout.CONFIDENCE_WORDS.items() for w in words},
    **{c.value: c for c in Confidence},
    **layout.OLDER_CONFIDENCE_WORDS,
}
OLDER_WORKBOOK_CONFIDENCE_VOCABULARY = CONFIDENCE_VOCABULARY | {
    "at risk": Confidence.BEHIND,
    "at-risk": Confidence.BEHIND,
}
"""A team workbook made before the confidence took the status words (its table has no `kr_score` helper
column) offered "at risk" for *behind*, and its own Status formula reads it so: okrxl reads it as
that workbook means it, so that the team's sheet and the report agree."""


def _confidence_vocabulary(table) -> dict:
    return CONFIDENCE_VOCABULARY if "kr_score" in table.columns else OLDER_WORKBOOK_CONFIDENCE_VOCABULARY


REQUIRED_COLUMNS = ("id", "title", "kind")
"""The columns a team's or the strategy's OKR table cannot do without; any other may be deleted."""
MAX_TABLE_ROWS = 2000
MAX_TABLE_COLUMNS = 200
_OBJECTIVE_ID = {"team": re.compile(r"^O(\d+)$"), "strategy": re.compile(r"^S(\d+)$")}
_KEY_RESULT_ID = {"team": re.compile(r"^(O\d+)\.(\d+)$"), "strategy": re.compile(r"^(S\d+)\.(\d+)$")}


@dataclass(frozen=True, slots=True)
class RowCells:
    """Where one objective's or key result's entries are: its table row, and the ids in its link cells."""

    sheet: str
    row: int
    columns: Mapping[str, int]
    """Column key -> 1-based column of the row's table (check-in columns keyed `check_ins:YYYY-MM-DD`)."""
    links: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """The ids read from each link column: aligned_to, also_aligned_to, feeds, depends_on."""

    def cell(self, field: str | None = None, *, holding: str | None = None) -> CellRef:
        """The cell of the column `field` (a column key; `check_ins` is the first check-in column).

        With `holding`, an id that `aligned_to` names: the also-aligned-to cell when only that one
        holds it. The id cell when `field` is None or the table has no such column (it was deleted).
        """
        also = self.links.get("also_aligned_to", ())
        if field == "aligned_to" and holding in also and holding not in self.links.get("aligned_to", ()):
            field = "also_aligned_to"
        if field == layout.CHECK_INS:
            dated = sorted(k for k in self.columns if k.startswith(layout.CHECK_INS + ":"))
            field = dated[0] if dated else None
        column = self.columns.get(field) if field is not None else None
        return CellRef(self.sheet, self.row, column or self.columns["id"])


class _RowsRead:
    """The cells of what a reading read, from its `rows` (RowCells by id)."""

    __slots__ = ()

    @property
    def locations(self) -> dict[str, CellRef]:
        """The cell of each objective's and key result's id, by (qualified) id."""
        return {item: cells.cell("id") for item, cells in self.rows.items()}

    def cell(self, item_id: str, field: str | None = None, *, holding: str | None = None) -> CellRef | None:
        """The cell of `field` in the row of `item_id` (see RowCells.cell); None for an id not read here."""
        cells = self.rows.get(item_id)
        return None if cells is None else cells.cell(field, holding=holding)


@dataclass(frozen=True, slots=True, kw_only=True)
class StrategyReading(_RowsRead):
    path: Path
    strategy: Strategy | None
    """None when the problems leave nothing usable."""
    problems: tuple[Problem, ...]
    lang: layout.Lang = "sv"
    """The workbook's language, the default for the team workbooks made from it."""
    rows: dict[str, RowCells] = field(default_factory=dict)
    """The row of each strategic objective and key result, by id."""

    @property
    def has_errors(self) -> bool:
        return self.strategy is None or any(p.severity is Severity.ERROR for p in self.problems)


@dataclass(frozen=True, slots=True, kw_only=True)
class TeamReading(_RowsRead):
    path: Path
    team_id: str
    quarter: Quarter
    fingerprint: str | None
    plan: TeamQuarter | None
    problems: tuple[Problem, ...]
    rows: dict[str, RowCells] = field(default_factory=dict)
    """The row of each objective and key result, by qualified id (`sales.O1.2`, `sales.anna.O1.2`)."""
    person_id: str | None = None
    """The person of a personal workbook (METHOD.md, "Personal OKRs"); None for a team's."""

    @property
    def has_errors(self) -> bool:
        return self.plan is None or any(p.severity is Severity.ERROR for p in self.problems)


class _Collector:
    """Problems of one file, with the file's name filled in."""

    def __init__(self, path: Path, *, sheet_formulas: bool = False):
        self.file = path.name
        self.problems: list[Problem] = []
        self.sheet_formulas = sheet_formulas
        """True for a team workbook, whose live formulas read only what is stored as a number or a date."""

    def text_for_formulas(self, raw, value, ref: CellRef, *, date: bool = False) -> None:
        """An info when okrxl read text that the sheet's own formulas cannot (they show `?` for it)."""
        if not self.sheet_formulas or not isinstance(raw, str) or value is None:
            return
        if date:
            what, example, shown = Words("ett datum", "a date"), Words("2027-03-15", "2027-03-15"), show_value(value)
        else:
            what, example, shown = Words("ett tal", "a number"), Words("4,5", "4.5"), decimal(value, "g")
        typed = raw.strip()
        self.add(ProblemCode.DATE_AS_TEXT if date else ProblemCode.NUMBER_AS_TEXT, Words(
            f"{typed!r} är lagrat som text: okrxl läser {shown.sv}, men bladets egna formler kan inte det, så de "
            f"visar ?; skriv in det igen som {what.sv} (t.ex. {example.sv})",
            f"{typed!r} is stored as text: okrxl reads {shown.en}, but the sheet's own formulas cannot, so "
            f"they show ?; type it again as {what.en} (e.g. {example.en})",
        ), ref)  # fmt: skip

    def add(self, code: ProblemCode, text: Words, cell: CellRef | None = None) -> None:
        self.problems.append(Problem(code=code, file=self.file, cell=cell, text=text))


def _load(path: Path):
    """Open a workbook for reading values, after the package-level safety checks."""
    guard_xlsx(path)
    try:
        return Workbook(path)
    except XlsxError as error:
        raise _unreadable(path, error) from None


def _unreadable(path: Path, error: XlsxError) -> FileError:
    name, why = path.name, error.text
    if isinstance(error, TooBigError):  # saving it again would not help: it is beyond okrxl's limits
        return FileError(Words(
            f"{name}: {why.sv} (docs/check.md, Limits); är det verkligen ett teams OKR-arbetsbok?",
            f"{name}: {why.en} (docs/check.md, Limits); is it really a team's OKR workbook?",
        ))  # fmt: skip
    return FileError(Words(
        f"{name}: arbetsboken går inte att läsa ({why.sv}); öppna den i ditt kalkylprogram och spara den igen "
        "som .xlsx",
        f"{name}: cannot read the workbook ({why.en}); open it in your spreadsheet app and save it again as .xlsx",
    ))  # fmt: skip


def _read_meta(workbook, path: Path) -> dict[str, str]:
    if layout.SHEET_META not in workbook.sheetnames:
        raise NotAnOkrxlWorkbook(Words(
            f"{path.name}: ingen okrxl-arbetsbok (bladet {layout.SHEET_META!r} saknas); "
            "skapa teamens arbetsböcker med `okrxl generate` och strategin med `okrxl init`",
            f"{path.name}: not an okrxl workbook (no sheet {layout.SHEET_META!r}); "
            "make team workbooks with `okrxl generate` and the strategy with `okrxl init`",
        ))  # fmt: skip
    meta = {}
    for row in workbook[layout.SHEET_META].iter_rows(min_row=2, values_only=True):
        key, value = (*row, None, None)[:2]
        if key is not None:
            meta[str(key).strip()] = "" if value is None else str(value).strip()
    schema = meta.get(layout.META_SCHEMA, "")
    if schema != str(layout.SCHEMA_VERSION):
        raise NotAnOkrxlWorkbook(Words(
            f"{path.name}: gjord för okrxl-arbetsböcker med schema {schema or '?'}, den här okrxl läser schema "
            f"{layout.SCHEMA_VERSION}; skapa den på nytt med `okrxl generate` (eller `okrxl init` för en strategi)",
            f"{path.name}: made for okrxl workbook schema {schema or '?'}, this okrxl reads schema "
            f"{layout.SCHEMA_VERSION}; regenerate it with `okrxl generate` (or `okrxl init` for a strategy)",
        ), code=ProblemCode.WRONG_SCHEMA)  # fmt: skip
    return meta


def _sheet(workbook, names: layout.Words, path: Path):
    for name in names:
        if name in workbook.sheetnames:
            return workbook[name]
    sheets = ", ".join(workbook.sheetnames)
    raise NotAnOkrxlWorkbook(Words(
        f"{path.name}: bladet {names.sv!r} eller {names.en!r} saknas (bladen heter {sheets}); "
        "bladen måste behålla de namn okrxl gav dem",
        f"{path.name}: no sheet {names.en!r} or {names.sv!r} (sheets are {sheets}); "
        "sheets must keep the names okrxl gave them",
    ))  # fmt: skip


@dataclass
class _Table:
    sheet_name: str
    columns: dict[str, int]
    """Column key -> 1-based column; check-in columns are keyed `check_ins:YYYY-MM-DD`."""
    rows: list[tuple[int, list]]
    """(1-based row, the row's cells from the table's first column on)."""
    first_column: int = 1

    def value(self, values: list, column: int):
        """The value of 1-based `column` in a row's `values`."""
        return values[column - self.first_column]

    def cell(self, row: int, key: str) -> CellRef:
        return CellRef(self.sheet_name, row, self.columns[key])

    @functools.cached_property
    def check_in_dates(self) -> list[tuple[dt.date, str]]:
        """(date, column key) of each check-in column, in date order."""
        return sorted(
            (dt.date.fromisoformat(key.split(":", 1)[1]), key)
            for key in self.columns
            if key.startswith(layout.CHECK_INS + ":")
        )


def _header_keys(meta: dict[str, str]) -> dict[str, str]:
    """Header text (case-folded) -> column key: the built-in labels in both languages and the file's own."""
    keys = {}
    for key, words in DEFAULT.labels.items():
        for text in words:
            keys.setdefault(text.casefold(), key)
    for meta_key, text in meta.items():
        if meta_key.startswith(layout.META_HEADER_PREFIX):
            keys[text.casefold()] = meta_key[len(layout.META_HEADER_PREFIX) :]
    return keys


@dataclass(frozen=True, slots=True)
class _PeriodContext:
    """The period a table's dates belong to, and its name in messages (`kvartalet 2027-Q1`, `the quarter 2027-Q1`)."""

    period: Period
    name: Words

    def example(self) -> dt.date:
        """A date in the period, for messages: 2027-02-15 in 2027-Q1."""
        return self.period.start + dt.timedelta(days=45)


def _table_header_keys(meta: dict[str, str], labels: Mapping[str, str]) -> dict[str, str]:
    """Header text (case-folded) -> column key of a table whose columns are headed by the template's `labels`
    (column key -> label key): each label in both languages, and the file's own."""
    keys = {}
    for key, label in labels.items():
        for text in (*DEFAULT.labels[label], meta.get(layout.META_HEADER_PREFIX + label)):
            if text:
                keys.setdefault(text.casefold(), key)
    return keys


def _read_table(
    sheet, table_name: str, meta: dict[str, str], required, collect: _Collector, *, year: int,
    check_ins: bool = False, period: _PeriodContext | None = None, epoch=None,
    labels: Mapping[str, str] | None = None, formulas: bool = True,
) -> _Table:  # fmt: skip
    """The table's columns by key and its rows; with `check_ins`, every dated header is a check-in column.

    `labels` (column key -> the template's label key) are the headers of a table whose columns are not
    headed by their own keys' labels. Without `formulas` (a sheet without any), rows typed below the table
    are read without a note.

    A missing `required` column is a FileError; any other column may have been deleted.
    """
    table = sheet.tables.get(table_name)
    if table is None:
        raise NotAnOkrxlWorkbook(Words(
            f"{collect.file}: bladet {sheet.title!r} har tappat sin tabell {table_name!r}; "
            "kopiera in det ni skrivit i en nyskapad arbetsbok",
            f"{collect.file}: sheet {sheet.title!r} has lost its table {table_name!r}; "
            "copy your entries into a freshly generated workbook",
        ))  # fmt: skip
    min_col, min_row, max_col, max_row = cell_range(table.ref)
    if max_row - min_row > MAX_TABLE_ROWS or max_col - min_col > MAX_TABLE_COLUMNS:
        rows, columns = max_row - min_row, max_col - min_col + 1
        raise FileError(Words(
            f"{collect.file}: tabellen {table_name!r} omfattar {rows} rader och {columns} kolumner; "
            f"okrxl läser högst {MAX_TABLE_ROWS} rader och {MAX_TABLE_COLUMNS} kolumner",
            f"{collect.file}: the table {table_name!r} spans {rows} rows and {columns} "
            f"columns; okrxl reads at most {MAX_TABLE_ROWS} rows and {MAX_TABLE_COLUMNS} columns",
        ))  # fmt: skip
    header_keys = _header_keys(meta) if labels is None else _table_header_keys(meta, labels)
    columns: dict[str, int] = {}
    header_problems: list[tuple[ProblemCode, Words, CellRef]] = []
    unknown: list[tuple[int, str | None]] = []
    for col in range(min_col, max_col + 1):
        raw = sheet.cell(min_row, col).value
        text = clean_text(raw)
        ref = CellRef(sheet.title, min_row, col)
        key = None if text is None else header_keys.get(text.casefold())
        if key is None and text is not None and check_ins:
            key = _check_in_key(raw, year, period, columns, ref, header_problems, epoch=epoch)
            if key == "":
                continue  # a dated column that is not used; the problem says why
        if key is None:
            unknown.append((col, text))
        elif key in columns:
            header_problems.append((ProblemCode.DUPLICATE_COLUMN, Words(
                f"en andra kolumn {text!r}; bara den första lästes",
                f"a second column {text!r}; only the first was read",
            ), ref))  # fmt: skip
        else:
            columns[key] = col
    missing = [k for k in required if k not in columns]
    if missing:
        heads = [DEFAULT.labels[k if labels is None else labels[k]] for k in missing]
        names = ", ".join(f"{head.sv!r} ({head.en!r})" for head in heads)
        raise FileError(Words(
            f"{collect.file}: tabellen {table_name!r} på bladet {sheet.title!r} saknar kolumnen {names}; "
            "sätt tillbaka kolumnen med sin rubrik (kopiera den från en nyskapad arbetsbok)",
            f"{collect.file}: the table {table_name!r} on sheet {sheet.title!r} has no column {names}; "
            "put the column back with its header text (copy it from a freshly generated workbook)",
        ), code=ProblemCode.MISSING_COLUMN)  # fmt: skip
    span = range(min_col, max_col + 1)
    rows = [(r, [sheet.cell(r, c).value for c in span]) for r in range(min_row + 1, max_row + 1)]
    # A row typed just below the table (which LibreOffice does not extend) is read too.
    r = max_row + 1
    while any(sheet.cell(r, c).value not in (None, "") for c in span):
        rows.append((r, [sheet.cell(r, c).value for c in span]))
        r += 1
    for col, text in unknown:
        ref = CellRef(sheet.title, min_row, col)
        if check_ins and any(clean_text(values[col - min_col]) is not None for _, values in rows):
            example = (period.example() if period else dt.date(year, 2, 15)).isoformat()
            if text:
                header = Words(f"rubriken {text!r}", f"the header {text!r}")
            else:
                header = Words("en tom rubrik", "an empty header")
            header_problems.append((ProblemCode.UNREADABLE_HEADER, Words(
                f"{header.sv} är varken en kolumn okrxl känner till eller ett datum: värdena i kolumnen lästes inte: "
                f"skriv avstämningens datum som {example}",
                f"{header.en} is neither a column okrxl knows nor a date: values in this column were not read: "
                f"write the check-in's date as {example}",
            ), ref))  # fmt: skip
        elif text is not None:
            header_problems.append((ProblemCode.UNKNOWN_COLUMN, Words(
                f"okrxl känner inte till kolumnen {text!r}; den lästes inte",
                f"okrxl does not know the column {text!r}; it was not read",
            ), ref))  # fmt: skip
        elif any(clean_text(values[col - min_col]) is not None for _, values in rows):
            header_problems.append((ProblemCode.UNKNOWN_COLUMN, Words(
                "en kolumn utan rubrik; värdena i den lästes inte: ge den tillbaka sin rubrik",
                "a column without a header; its values were not read: give it its header back",
            ), ref))  # fmt: skip
    for code, text, ref in sorted(header_problems, key=lambda p: p[2]):
        collect.add(code, text, ref)
    if r > max_row + 1 and formulas:
        if r == max_row + 2:
            below = Words(
                f"rad {max_row + 1} under tabellen lästes, men bladets egna formler räknar inte med den",
                f"row {max_row + 1} below the table was read, but the sheet's own formulas leave it out",
            )
        else:
            below = Words(f"raderna {max_row + 1}-{r - 1} under tabellen lästes, men bladets egna formler räknar "
                          "inte med dem",
                          f"rows {max_row + 1}-{r - 1} below the table were read, but the sheet's own formulas leave "
                          "them out")  # fmt: skip
        collect.add(ProblemCode.BELOW_TABLE, Words(f"{below.sv}; infoga rader inne i tabellen i stället",
                                                   f"{below.en}; insert rows inside the table instead"),
                    CellRef(sheet.title, max_row + 1, min_col))  # fmt: skip
    return _Table(sheet.title, columns, rows, first_column=min_col)


_ISO_HEADER = re.compile(r"^\d{4}-\d{2}-\d{2}$")
"""A check-in header as text that the sheet's formulas read as a date (okrxl.excel.sheet_formulas.header_date)."""


def _check_in_key(raw, year: int, period: _PeriodContext | None, columns: dict[str, int], ref: CellRef,
                  problems: list, *, epoch=None) -> str | None:  # fmt: skip
    """The key of a check-in column dated by its header; None when the header is no date; "" when it is a
    date whose column is not used (implausible, outside the period, or a second column of one date)."""
    try:
        day = read_date(raw, year=year, epoch=epoch)
    except CellValueError:
        return None
    if period is not None:
        try:
            check_plausible_date(day, start=period.period.start, end=period.period.end, period_name=period.name)
        except CellValueError as error:
            text = Words(f"{error.text.sv}; den här avstämningskolumnen lästes inte",
                         f"{error.text.en}; this check-in column was not read")  # fmt: skip
            problems.append((error.code, text, ref))
            return ""
        if day not in period.period:
            start, end = period.period.start, period.period.end
            problems.append((ProblemCode.CHECK_IN_OUTSIDE_QUARTER, Words(
                f"en avstämning daterad {day}, utanför {period.name.sv} ({start} till {end}); den räknas inte in i "
                "poängen",
                f"a check-in dated {day}, outside {period.name.en} ({start} to {end}); it is not used for its scores",
            ), ref))  # fmt: skip
            return ""
    if isinstance(raw, str) and not _ISO_HEADER.match(raw.strip()):
        problems.append((ProblemCode.DATE_AS_TEXT, Words(
            f"avstämningsrubriken {raw.strip()!r} är text: okrxl läser {day}, men bladets egna formler kan inte det, "
            f"så de visar ? för kolumnens värden; skriv den som {day}",
            f"the check-in header {raw.strip()!r} is text: okrxl reads {day}, but the sheet's own formulas cannot, "
            f"so they show ? for its values; write it as {day}",
        ), ref))  # fmt: skip
    key = f"{layout.CHECK_INS}:{day.isoformat()}"
    if key in columns:
        problems.append((ProblemCode.DUPLICATE_CHECK_IN_DATE, Words(
            f"en andra avstämningskolumn daterad {day}; bara den första lästes: rätta datumet i den här",
            f"a second check-in column dated {day}; only the first was read: correct the date of this one",
        ), ref))  # fmt: skip
        return ""
    return key


class _Row:
    """One table row with typed access that turns unreadable cells into problems."""

    def __init__(self, table: _Table, row: int, values: list, sheet, collect: _Collector, year: int, epoch,
                 period: _PeriodContext | None = None):  # fmt: skip
        self.table, self.row, self.values, self.sheet = table, row, values, sheet
        self.collect, self.year, self.epoch, self.period = collect, year, epoch, period

    def raw(self, key: str):
        col = self.table.columns.get(key)
        return None if col is None else self.table.value(self.values, col)

    def ref(self, key: str) -> CellRef:
        """The cell of column `key`; the id cell when the table has no such column."""
        return CellRef(self.table.sheet_name, self.row, self.table.columns.get(key) or self.table.columns["id"])

    def cells(self, **links: tuple[str, ...]) -> RowCells:
        return RowCells(self.table.sheet_name, self.row, self.table.columns, links)

    def number_format(self, key: str) -> str | None:
        col = self.table.columns.get(key)
        return None if col is None else self.sheet.cell(self.row, col).number_format

    def get(self, key: str, reader, **options):
        """`reader(raw, ...)` or None with a problem recorded; a reader's notes become warnings."""
        notes: list[tuple[ProblemCode, Words]] = []
        if reader in (read_number, read_completion, read_target):
            options["notes"] = notes
        try:
            value = reader(self.raw(key), **options)
        except CellValueError as error:
            self.collect.add(error.code, error.text, self.ref(key))
            return None
        for code, text in notes:
            self.collect.add(code, text, self.ref(key))
        if reader is read_completion and is_completion_word(self.raw(key)):
            return value  # a done word: the sheet's formulas read it too
        if reader in (read_number, read_completion, read_target, read_date):
            self.collect.text_for_formulas(self.raw(key), value, self.ref(key), date=reader is read_date)
        return value

    def text(self, key: str) -> str | None:
        return clean_text(self.raw(key))

    def number(self, key: str, *, percent_points=False) -> float | None:
        return self.get(key, read_number, number_format=self.number_format(key), percent_points=percent_points)

    def typed_as_percent(self, key: str) -> bool:
        return is_typed_as_percent(self.raw(key), self.number_format(key))

    def date(self, key: str) -> dt.date | None:
        """A date; None with an error when it is more than a year from the period (an app's misreading)."""
        day = self.get(key, read_date, number_format=self.number_format(key), year=self.year, epoch=self.epoch)
        if day is None or self.period is None:
            return day
        start, end = self.period.period.start, self.period.period.end
        try:
            check_plausible_date(day, start=start, end=end, period_name=self.period.name)
        except CellValueError as error:
            self.collect.add(error.code, error.text, self.ref(key))
            return None
        if day < start:
            example = f"{start.year}-{day.month:02d}-{day.day:02d}"
            self.collect.add(ProblemCode.DATE_OUTSIDE_QUARTER, Words(
                f"{day} är före kvartalets start ({start}); ett datum som skrivs utan år får årtalet från datorns "
                f"klocka: skriv hela datumet, t.ex. {example}",
                f"{day} is before the quarter starts ({start}); a date typed without a year takes the year of the "
                f"computer's clock: write it in full, e.g. {example}",
            ), self.ref(key))  # fmt: skip
        return day

    def word(self, key: str, vocabulary, what: str):
        return self.get(key, read_word, vocabulary=vocabulary, what=what)

    def is_empty(self, keys) -> bool:
        return all(clean_text(self.raw(k)) is None for k in keys if k != "id")


def _rows(table: _Table, sheet, collect: _Collector, year: int, epoch, period=None) -> Iterator[_Row]:
    for row, values in table.rows:
        yield _Row(table, row, values, sheet, collect, year, epoch, period)


def _carried(row: _Row) -> Carried | None:
    """`2027-Q1 O1.2: 0.35` in the carried column: what rollover wrote."""
    text = row.text("carried")
    if text is None:
        return None
    carried = layout.parse_carried(text)
    if carried is None:
        row.collect.add(ProblemCode.BAD_CARRIED, Words(
            f"{text!r} lästes inte; här ska det stå t.ex. 2027-Q1 O1.2: 0.35 (som okrxl rollover skriver det)",
            f"expected e.g. 2027-Q1 O1.2: 0.35 (written by okrxl rollover), got {text!r}; it was not read",
        ), row.ref("carried"))  # fmt: skip
    return carried


def _weight(row: _Row) -> float:
    weight = row.number("weight")
    if weight is not None and weight < 0:
        shown = decimal(weight, "g")
        row.collect.add(ProblemCode.BAD_WEIGHT, Words(
            f"en vikt får inte vara negativ, här står {shown.sv}; 1 användes",
            f"a weight must not be negative, got {shown.en}; 1 was used",
        ), row.ref("weight"))  # fmt: skip
        return 1.0
    return 1.0 if weight is None else weight


def _check_ins(row: _Row, table: _Table, kind: KeyResultKind, percent_points: bool, *,
               baseline: float | None, target: float | None) -> list[CheckIn]:  # fmt: skip
    check_ins = []
    for day, key in table.check_in_dates:
        if kind.is_completion:
            value = row.get(key, read_completion, number_format=row.number_format(key))
        else:
            value = row.number(key, percent_points=percent_points)
            if (
                percent_points
                and value is not None
                and not row.typed_as_percent(key)
                and is_ambiguous_fraction(value, baseline=baseline, target=target)
            ):
                text = ambiguous_fraction_text(value, baseline=baseline, target=target)
                row.collect.add(ProblemCode.AMBIGUOUS_FRACTION, text, row.ref(key))
        if value is not None:
            check_ins.append(CheckIn(date=day, value=value))
    return check_ins


def _on_percent_scale(row: _Row, table: _Table, kind: KeyResultKind, unit: str | None) -> bool:
    """One scale per key result: percent points when its kind, its unit or any of its values says percent."""
    if kind.is_completion:
        return False
    if kind is KeyResultKind.PERCENT or unit_means_percent(unit):
        return True
    return any(row.typed_as_percent(key) for key in ("baseline", "target", *(k for _, k in table.check_in_dates)))


def _key_result(row: _Row, table: _Table, local_id: str, *, team: bool) -> KeyResult | None:
    title = row.text("title")
    kind_side = row.word("kind", KIND_VOCABULARY, "kind")
    if kind_side is None:
        if clean_text(row.raw("kind")) is None:
            text = Words(f"key result {local_id} saknar typ; välj en i listan",
                         f"key result {local_id} has no kind; choose one from the list")  # fmt: skip
            row.collect.add(ProblemCode.MISSING_KIND, text, row.ref("kind"))
        _read_for_problems(row, table, team=team)
        return None
    kind, side = kind_side
    unit = row.text("unit")
    percent_points = _on_percent_scale(row, table, kind, unit)
    baseline = row.number("baseline", percent_points=percent_points)
    target = row.get("target", read_target, number_format=row.number_format("target"), percent_points=percent_points)
    check_ins = _check_ins(row, table, kind, percent_points, baseline=baseline, target=target)
    if team:
        confidence = row.word("confidence", _confidence_vocabulary(row.table), "confidence")
        note = row.text("note")
        if confidence or note:
            newest = check_ins[-1] if check_ins else None
            if newest is None:
                dates = table.check_in_dates
                check_ins = [CheckIn(date=dates[0][0], value=None, confidence=confidence, note=note)] if dates else []
            else:
                check_ins[-1] = CheckIn(date=newest.date, value=newest.value, confidence=confidence, note=note)
    feeds = read_ids(row.raw("feeds")) if team else ()
    try:
        return KeyResult(
            id=local_id,
            title=title,
            kind=kind,
            side=side,
            commitment=row.word("commitment", COMMITMENT_VOCABULARY, "commitment") or Commitment.ASPIRATIONAL,
            unit=unit,
            baseline=baseline,
            target=target,
            owner=row.text("owner"),
            weight=_weight(row),
            check_ins=tuple(check_ins),
            feeds=feeds[0] if feeds else None,
            depends_on=_dependencies(row) if team else (),
            due=row.date("due") if team else None,
            miss_reason=row.text("miss_reason") if team else None,
            comment=row.text("comment") if team else None,
            carried=_carried(row) if team else None,
        )
    except ModelError as error:
        why = error.text
        row.collect.add(ProblemCode.INVALID_KEY_RESULT, Words(f"{why.sv}; rätta raden", f"{why.en}; fix the row"),
                        row.ref("target"))  # fmt: skip
        return None


def _read_for_problems(row: _Row, table: _Table, *, team: bool) -> None:
    """Read the cells of a key result without a kind for their problems only, so that a bad kind does not
    hide a bad target on the same row until the next run. Check-in values wait for the kind: whether
    `klar` or `40 %` is valid depends on it."""
    percent_points = _on_percent_scale(row, table, KeyResultKind.INCREASE, row.text("unit"))
    row.number("baseline", percent_points=percent_points)
    row.get("target", read_target, number_format=row.number_format("target"), percent_points=percent_points)
    row.word("commitment", COMMITMENT_VOCABULARY, "commitment")
    _weight(row)
    if team:
        row.word("confidence", _confidence_vocabulary(row.table), "confidence")
        _dependencies(row)
        row.date("due")
        _carried(row)


class _Role(enum.StrEnum):
    """What a row of an OKR table is, decided before any of its cells is read as a value."""

    OBJECTIVE = "objective"
    KEY_RESULT = "key-result"
    NOTE = "note"
    SKIP = "skip"


@dataclass(frozen=True, slots=True)
class _RowRole:
    role: _Role
    row: _Row
    item_id: str | None
    """The row's id (`O1`, `O1.2`); for a note, the note's text."""
    problem: tuple[ProblemCode, Words, str] | None = None
    """(code, text, column key) of what was found about the row itself."""


@dataclass(frozen=True, slots=True)
class _ObjectiveRow:
    """An objective row as read, before its key results (which may stand anywhere) are attached."""

    id: str
    title: str
    owner: str | None
    weight: float
    aligned_to: tuple[str, ...] = ()
    carried: Carried | None = None

    def objective(self, key_results: list[KeyResult]) -> Objective:
        return Objective(id=self.id, title=self.title, owner=self.owner, weight=self.weight,
                         aligned_to=self.aligned_to, carried=self.carried, key_results=tuple(key_results))  # fmt: skip


def _dependencies(row: _Row) -> tuple[Dependency, ...]:
    needed_by = row.date("needed_by")
    return tuple(Dependency(key_result_id=i, needed_by=needed_by) for i in read_ids(row.raw("depends_on")))


@dataclass
class _Parsed:
    """What a table's rows hold: objectives (key results attached), where each is, and the notes."""

    objectives: list[Objective]
    rows: dict[str, RowCells]
    notes: list[str]
    unread: list[str] = field(default_factory=list)
    """The ids of rows written but not read (a problem says why): TeamQuarter.unread."""


_NUMBER_KEYS = ("baseline", "target", "weight")


def _objectives(
    table: _Table, sheet, collect: _Collector, *, year: int, epoch, team: bool, qualify,
    period: _PeriodContext | None = None,
) -> _Parsed:  # fmt: skip
    """Objective rows and their key result rows, in table order; empty provisioned rows are skipped.

    A key result whose id names an objective (`O2.1`) belongs to it wherever its row stands (a sorted
    table). A filled-in row without an id (a row a team inserted) gets the next free id: a key result
    of the objective above when it has a kind, else a new objective. In a team table a row without id,
    kind and numbers is a note of the plan.
    """
    part = "team" if team else "strategy"
    prefix = "O" if team else "S"
    inputs = [k for k in table.columns if k not in layout.FORMULA_KEYS]
    rows = [row for row in _rows(table, sheet, collect, year, epoch, period) if not row.is_empty(inputs)]
    roles = _row_roles(rows, table, inputs, part=part, prefix=prefix, team=team)
    objective_ids = {r.item_id for r in roles if r.role is _Role.OBJECTIVE}
    objective_rows: dict[str, _ObjectiveRow] = {}
    key_results: dict[str, list[KeyResult]] = {item_id: [] for item_id in objective_ids}
    parsed = _Parsed(objectives=[], rows={}, notes=[])
    for role, row, item_id, problem in ((r.role, r.row, r.item_id, r.problem) for r in roles):
        if problem is not None:
            code, text, key = problem
            collect.add(code, text, row.ref(key))
        if role is _Role.NOTE:
            parsed.notes.append(item_id)
        elif role is _Role.SKIP and item_id is not None:
            parsed.unread.append(item_id)
        elif role is _Role.OBJECTIVE:
            aligned, also = read_ids(row.raw("aligned_to")), read_ids(row.raw("also_aligned_to"))
            objective_rows[item_id] = _ObjectiveRow(
                id=item_id, title=row.text("title"), owner=row.text("owner"), weight=_weight(row),
                aligned_to=tuple(dict.fromkeys((*aligned, *also))) if team else (),
                carried=_carried(row) if team else None,
            )  # fmt: skip
            parsed.rows[qualify(item_id)] = row.cells(aligned_to=aligned, also_aligned_to=also)
        elif role is _Role.KEY_RESULT:
            parent_id = _KEY_RESULT_ID[part].match(item_id)[1]
            if parent_id not in objective_ids:
                text = Words(f"key result {item_id} har inget objective {parent_id} i tabellen",
                             f"key result {item_id} has no objective {parent_id} in the table")  # fmt: skip
                collect.add(ProblemCode.ORPHAN_KEY_RESULT, text, row.ref("id"))
                parsed.unread.append(item_id)
                continue
            kr = _key_result(row, table, item_id, team=team)
            if kr is None:
                parsed.unread.append(item_id)
            else:
                key_results[parent_id].append(kr)
                parsed.rows[qualify(item_id)] = row.cells(feeds=read_ids(row.raw("feeds")),
                                                          depends_on=read_ids(row.raw("depends_on")))  # fmt: skip
    for item_id, objective_row in objective_rows.items():
        try:
            parsed.objectives.append(objective_row.objective(key_results[item_id]))
        except ModelError as error:
            collect.add(ProblemCode.INVALID_OBJECTIVE, error.text, parsed.rows[qualify(item_id)].cell("id"))
            parsed.unread += [item_id, *(kr.id for kr in key_results[item_id])]
    return parsed


def _row_roles(rows: list[_Row], table: _Table, inputs: list[str], *, part: str, prefix: str,
               team: bool) -> list[_RowRole]:  # fmt: skip
    """What each row is, in table order, before any of it is read as values."""
    taken = {_normal_id(row.text("id")) for row in rows}
    seen: set[str] = set()  # the ids of the rows read so far: a second row of one id is not read
    above: str | None = None  # the last objective row above, in table order
    roles = []
    for row in rows:
        item_id, title = _normal_id(row.text("id")), row.text("title")
        if team and item_id is None and _is_note(row, table):
            text, key = _note_text(row, inputs)
            note = Words(f"en rad utan id, typ eller tal sparas som en anteckning i planen: {text!r}; "
                         "skriv ett id för att göra den till ett objective eller key result",
                         f"a row without id, kind or numbers is kept as a note of the plan: {text!r}; "
                         "write an id to make it an objective or key result")  # fmt: skip
            roles.append(_RowRole(_Role.NOTE, row, text, (ProblemCode.NOTE_ROW, note, key)))
            continue
        if title is None:
            untitled = Words(f"{item_id or 'en rad'} har innehåll men ingen titel; den lästes inte",
                             f"{item_id or 'a row'} has entries but no title; it was not read")  # fmt: skip
            roles.append(_RowRole(_Role.SKIP, row, item_id, (ProblemCode.MISSING_TITLE, untitled, "title")))
            continue
        problem = None
        if item_id is None:
            item_id = _next_id(prefix, above if row.text("kind") else None, taken)
            taken.add(item_id)
            if "." in item_id:
                what = Words(f"ett key result under {above}", f"a key result of {above}")
            else:
                what = Words("ett objective", "an objective")
            problem = (ProblemCode.INFERRED_ID, Words(
                f"en rad utan id: okrxl läste den som {item_id} ({what.sv}); skriv in id:t för att behålla det",
                f"a row without an id: okrxl read it as {item_id} ({what.en}); write the id to keep it",
            ), "id")  # fmt: skip
        is_objective = bool(_OBJECTIVE_ID[part].match(item_id))
        if not is_objective and not _KEY_RESULT_ID[part].match(item_id):
            bad = Words(f"{item_id!r} är inget id okrxl känner till; skriv t.ex. {prefix}1 eller {prefix}1.2",
                        f"{item_id!r} is not an id okrxl knows; write e.g. {prefix}1 or {prefix}1.2")  # fmt: skip
            roles.append(_RowRole(_Role.SKIP, row, item_id, (ProblemCode.BAD_ID, bad, "id")))
        elif item_id in seen:
            twice = Words(f"{item_id} används två gånger; raden lästes inte",
                          f"{item_id} is used twice; the row was not read")  # fmt: skip
            roles.append(_RowRole(_Role.SKIP, row, item_id, (ProblemCode.DUPLICATE_ID, twice, "id")))
        else:
            seen.add(item_id)
            if is_objective:
                above = item_id
            roles.append(_RowRole(_Role.OBJECTIVE if is_objective else _Role.KEY_RESULT, row, item_id, problem))
    return roles


def _is_note(row: _Row, table: _Table) -> bool:
    """No kind and no numbers (baseline, target, weight, check-in values): a row of text only."""
    numbers = (*_NUMBER_KEYS, *(key for _, key in table.check_in_dates))
    return row.text("kind") is None and all(row.text(key) is None for key in numbers)


def _note_text(row: _Row, inputs: list[str]) -> tuple[str, str]:
    """The row's texts joined with " – ", and the key of its first non-empty cell."""
    filled = sorted((row.table.columns[k], k) for k in inputs if clean_text(row.raw(k)) is not None)
    texts = [_text_of(row.raw(key)) for _, key in filled]
    return " – ".join(texts), filled[0][1]


def _text_of(raw) -> str:
    if isinstance(raw, dt.datetime):
        return raw.date().isoformat()
    if isinstance(raw, dt.date):
        return raw.isoformat()
    return clean_text(raw) or ""


def _normal_id(text: str | None) -> str | None:
    """`o1.2 ` -> `O1.2`: ids are read without regard to case and spaces."""
    return None if text is None else "".join(text.split()).upper()


def _next_id(prefix: str, objective_id: str | None, taken: set[str | None]) -> str:
    """The next free objective id, or key result id of `objective_id`."""
    number = 1
    while (f"{objective_id}.{number}" if objective_id else f"{prefix}{number}") in taken:
        number += 1
    return f"{objective_id}.{number}" if objective_id else f"{prefix}{number}"


def _report_typed_formulas(sheet, table: _Table, collect: _Collector) -> None:
    """A formula typed into an input cell: its computed value is used; without one it cannot be."""
    inputs = [col for key, col in table.columns.items() if key not in layout.FORMULA_KEYS]
    for row, _ in table.rows:
        for col in inputs:
            cell = sheet.cell(row, col)
            if cell.data_type != "f":  # a text that starts with "=" is data
                continue
            ref = CellRef(table.sheet_name, row, col)
            if cell.value is None:
                collect.add(ProblemCode.FORMULA_WITHOUT_VALUE, Words(
                    "en formel som inget kalkylprogram har räknat ut än; skriv in värdet i stället",
                    "a formula that no spreadsheet app has calculated yet; type the value instead",
                ), ref)  # fmt: skip
            else:
                value = show_value(cell.value)
                collect.add(
                    ProblemCode.FORMULA_IN_CELL,
                    Words(
                        f"en formel; okrxl använde dess värde {value.sv}", f"a formula; okrxl used its value {value.en}"
                    ),
                    ref,
                )


# --- the strategy workbook ------------------------------------------------------------------------

_SETTING_KEYS = {label.casefold(): key for key, words in layout.SETTINGS for label in words}
_INTEGER_SETTINGS = {"year", "first_month", "cadence_weeks", "max_objectives", "min_key_results", "max_key_results"}


def read_strategy_workbook(path: Path) -> StrategyReading:
    """The strategy and its problems; raises FileError when the file is not a usable strategy workbook."""
    path = Path(path)
    workbook = _load(path)
    try:
        return _read_strategy(workbook, path)
    except XlsxError as error:
        raise _unreadable(path, error) from None
    finally:
        workbook.close()


def _read_strategy(workbook, path: Path) -> StrategyReading:
    meta = _read_meta(workbook, path)
    if meta.get(layout.META_WORKBOOK) != layout.WORKBOOK_STRATEGY:
        kind = _workbook_kind(meta)
        raise NotAnOkrxlWorkbook(
            Words(
                f"{path.name}: {kind.sv}, ingen strategi; skapa en med `okrxl init`",
                f"{path.name}: {kind.en}, not a strategy; make one with `okrxl init`",
            )
        )
    collect = _Collector(path)
    epoch = workbook.epoch
    refs: dict[str, CellRef] = {}
    settings = _read_settings(_sheet(workbook, layout.SHEET_SETTINGS, path), meta, collect, refs)
    year = int(settings.get("year") or 0)
    first_month = int(settings.get("first_month") or 1)
    if not 1 <= first_month <= 12:
        collect.add(ProblemCode.BAD_SETTING, Words(f"första månaden är 1 till 12, inte {first_month}; januari används",
                                                   f"the first month is 1 to 12, not {first_month}; January is used"),
                    refs.get("first_month"))  # fmt: skip
        first_month = 1
    # Without a year the strategy cannot be used, but the rest is still read: every problem of the file
    # shows in one run. Dates without a year then take this year's, and their plausibility is not judged.
    reading_year = year or dt.date.today().year
    period = _year_context(year, first_month) if year else None

    teams_sheet = _sheet(workbook, layout.SHEET_TEAMS, path)
    teams_table = _read_table(teams_sheet, layout.TABLE_TEAMS, meta, ["id", "name"], collect, year=reading_year)
    teams, team_cells = [], {}
    for row in _rows(teams_table, teams_sheet, collect, reading_year, epoch):
        team_id, name = row.text("id"), row.text("name")
        if team_id is None and name is None:
            continue
        if team_id in team_cells:
            collect.add(ProblemCode.DUPLICATE_ID, Words(f"teamet {team_id!r} finns redan på {team_cells[team_id]}; "
                                                        "ge varje team ett eget id",
                                                        f"team {team_id!r} is already on {team_cells[team_id]}; give "
                                                        "each team an id of its own"), row.ref("id"))  # fmt: skip
            continue
        try:
            teams.append(Team(id=team_id or "", name=name or team_id or "", lead=row.text("lead")))
            team_cells[team_id] = row.ref("id")
        except ModelError as error:
            collect.add(ProblemCode.BAD_TEAM_ID, error.text, row.ref("id"))
    people = _people(workbook, meta, collect, year=reading_year, teams=teams)

    okrs_sheet = _sheet(workbook, layout.SHEET_STRATEGIC_OKRS, path)
    table = _read_table(okrs_sheet, layout.TABLE_STRATEGIC_OKRS, meta, REQUIRED_COLUMNS, collect, year=reading_year,
                        check_ins=True, period=period, epoch=epoch)  # fmt: skip
    parsed = _objectives(table, okrs_sheet, collect, year=reading_year, epoch=epoch, team=False, qualify=str,
                         period=period)  # fmt: skip
    method = _method(settings, refs, collect)
    lang = meta.get(layout.META_LANG) if meta.get(layout.META_LANG) in layout.LANGS else "sv"
    if not year:
        return StrategyReading(path=path, strategy=None, problems=tuple(collect.problems), lang=lang, rows=parsed.rows)
    try:
        strategy = Strategy(
            company=settings.get("company") or "",
            vision=settings.get("vision") or "",
            mission=settings.get("mission") or "",
            year=year,
            first_month=first_month,
            method=method,
            teams=tuple(teams),
            objectives=tuple(parsed.objectives),
            people=tuple(people),
        )
    except ModelError as error:
        collect.add(ProblemCode.INVALID_STRATEGY, error.text)
        strategy = None
    return StrategyReading(path=path, strategy=strategy, problems=tuple(collect.problems), lang=lang, rows=parsed.rows)


def _people(workbook, meta: dict[str, str], collect: _Collector, *, year: int, teams: Sequence[Team]) -> list[Person]:
    """The People sheet: who sets personal OKRs, in which team; nobody from a workbook made before the sheet
    existed. A row that names nobody okrxl can use is a `bad-person` problem at its cell and left out."""
    sheet = next((workbook[name] for name in layout.SHEET_PEOPLE if name in workbook.sheetnames), None)
    if sheet is None:
        return []
    table = _read_table(sheet, layout.TABLE_PEOPLE, meta, ("id", "team"), collect, year=year, formulas=False,
                        labels={c.key: c.key for c in layout.PEOPLE_COLUMNS})  # fmt: skip
    people: list[Person] = []
    seen: dict[tuple[str, str], CellRef] = {}
    # A team by its id, or by its name as people write it (`Marknad`): the dropdown offers the ids.
    team_ids = {t.name.casefold(): t.id for t in teams if t.name} | {t.id: t.id for t in teams}
    for row in _rows(table, sheet, collect, year, workbook.epoch):
        person = _person(row, team_ids)
        if person is None:
            continue
        if (person.team, person.id) in seen:
            first = seen[(person.team, person.id)]
            collect.add(ProblemCode.BAD_PERSON, Words(
                f"{person.id!r} finns redan i team {person.team} på {first}; ge varje person i ett team ett eget id; "
                "raden lästes inte",
                f"{person.id!r} is already in team {person.team} on {first}; give each person in a team an id of "
                "their own; the row was not read",
            ), row.ref("id"))  # fmt: skip
            continue
        seen[(person.team, person.id)] = row.ref("id")
        people.append(person)
    return people


def _person(row: _Row, team_ids: Mapping[str, str]) -> Person | None:
    """The person of a row of the People sheet; None for an empty row, and for a row whose id or team cannot be
    used (a problem at that cell). The id is read in lower case, and made from the name where it is empty;
    the team is looked up in `team_ids` (its id or its name in lower case -> its id)."""
    typed_id, name, typed_team = row.text("id"), row.text("name"), row.text("team")
    if typed_id is None and name is None and typed_team is None:
        return None
    person_id = _person_id(row, typed_id, name)
    team = None if typed_team is None else team_ids.get(" ".join(typed_team.split()).casefold())
    if team is None:
        known = ", ".join(dict.fromkeys(team_ids.values()))
        known_words = Words(known or "inga än", known or "none yet")
        what = Words("teamet saknas", "the team is missing")
        if typed_team is not None:
            what = Words(f"{typed_team!r} är inget av strategins team", f"{typed_team!r} is not one of the strategy's "
                         "teams")  # fmt: skip
        row.collect.add(ProblemCode.BAD_PERSON, Words(
            f"{what.sv}; skriv ett av teamens id (bladet Team): {known_words.sv}; raden lästes inte",
            f"{what.en}; write one of the teams' ids (sheet Teams): {known_words.en}; the row was not read",
        ), row.ref("team"))  # fmt: skip
        return None
    if person_id is None:
        return None
    return Person(id=person_id, name=name or person_id, team=team)


def _person_id(row: _Row, typed_id: str | None, name: str | None) -> str | None:
    """The row's person id, checked as the model checks it; None, with a `bad-person` problem, when it is no id."""
    if typed_id is None and name is None:
        row.collect.add(ProblemCode.BAD_PERSON, Words(
            "en rad utan id och namn; skriv personens id (t.ex. anna) och namn; raden lästes inte",
            "a row without an id or a name; write the person's id (e.g. anna) and name; the row was not read",
        ), row.ref("id"))  # fmt: skip
        return None
    person_id = typed_id.lower() if typed_id is not None else _slug(name or "")
    try:
        Person(id=person_id, name=name or person_id, team="")
    except ModelError as error:
        why = error.text
        if typed_id is None:
            why = Words(f"id:t gjordes av namnet: {why.sv}", f"the id was made from the name: {why.en}")
        row.collect.add(ProblemCode.BAD_PERSON, Words(f"{why.sv}; raden lästes inte",
                                                      f"{why.en}; the row was not read"), row.ref("id"))  # fmt: skip
        return None
    if typed_id is None:
        row.collect.add(ProblemCode.INFERRED_ID, Words(
            f"en rad utan id: okrxl läste den som personen {person_id!r} (så heter hens arbetsbok); skriv in id:t "
            "för att behålla det om namnet ändras",
            f"a row without an id: okrxl read it as the person {person_id!r} (the name of their workbook); write "
            "the id to keep it when the name changes",
        ), row.ref("id"))  # fmt: skip
    return person_id


def _slug(name: str) -> str:
    """`Åsa Öberg` -> `asa-oberg`: a person's id made from their name, as a person would write it."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name.casefold()) if not unicodedata.combining(c))
    return "-".join(plain.split())


def _workbook_kind(meta: dict[str, str]) -> Words:
    """`a team workbook`: the kind of okrxl workbook its metadata says it is, for saying it is not another."""
    kind = meta.get(layout.META_WORKBOOK)
    if not kind:
        return Words("en arbetsbok av okänd typ", "an unknown workbook")
    return Words(f"en arbetsbok av typen {kind}", f"a {kind} workbook")


def _year_context(year: int, first_month: int) -> _PeriodContext | None:
    try:
        return _PeriodContext(year_period(year, first_month), Words(f"året {year}", f"the year {year}"))
    except (ValueError, ModelError):
        return None  # a bad first month is reported with the settings


def _method(settings: dict[str, object], refs: dict[str, CellRef], collect: _Collector) -> Method:
    """The method's settings, each wrong one a problem at its cell; the defaults stand in for those."""
    fields = {k: v for k, v in settings.items() if k in Method.__dataclass_fields__}
    try:
        return Method(**fields)
    except ModelError:
        pass
    good = {}
    for key, value in fields.items():
        try:
            Method(**{key: value})  # against the defaults of the others
            good[key] = value
        except ModelError as error:
            text = Words(f"{error.text.sv}; standardvärdet används", f"{error.text.en}; the default is used")
            collect.add(ProblemCode.BAD_SETTING, text, refs.get(key))
    try:
        return Method(**good)
    except ModelError as error:  # each is fine alone, not together (yellow above green)
        collect.add(ProblemCode.BAD_SETTING, Words(f"{error.text.sv}; metodens standardvärden används",
                                                   f"{error.text.en}; the method's defaults are used"),
                    next((refs[k] for k in good if k in refs), None))  # fmt: skip
        return Method()


def _read_settings(
    sheet, meta: dict[str, str], collect: _Collector, refs: dict[str, CellRef] | None = None
) -> dict[str, object]:
    """The settings by key; `refs` gets the cell of each setting's value."""
    refs = {} if refs is None else refs
    table = _read_table(sheet, layout.TABLE_SETTINGS, meta, ["setting", "value"], collect, year=2000)
    settings: dict[str, object] = {}
    for row_number, values in table.rows:
        label = clean_text(table.value(values, table.columns["setting"]))
        raw = table.value(values, table.columns["value"])
        key = _SETTING_KEYS.get((label or "").casefold())
        ref = CellRef(sheet.title, row_number, table.columns["value"])
        if key is not None:
            refs[key] = ref
        if key is None:
            if label:
                collect.add(
                    ProblemCode.UNKNOWN_SETTING,
                    Words(
                        f"okrxl känner inte till inställningen {label!r}", f"okrxl does not know the setting {label!r}"
                    ),
                    ref,
                )
            continue
        if key in ("company", "vision", "mission"):
            settings[key] = clean_text(raw)
            if not settings[key] and key == "company":
                collect.add(
                    ProblemCode.MISSING_SETTING, Words("skriv företagets namn", "write the company's name"), ref
                )
            continue
        if key in layout.BOOLEAN_SETTINGS:
            answer = _yes_no(raw, key, ref, collect)
            if answer is not None:
                settings[key] = answer
            continue
        try:
            value = read_number(raw)
        except CellValueError as error:
            collect.add(error.code, error.text, ref)
            continue
        if value is None:
            if key == "year":
                collect.add(ProblemCode.MISSING_SETTING, Words("skriv strategins år, t.ex. 2027",
                                                               "write the strategic year, e.g. 2027"), ref)  # fmt: skip
            continue
        if key in _INTEGER_SETTINGS:
            if not value.is_integer():
                shown = decimal(value, "g")
                collect.add(
                    ProblemCode.NOT_A_WHOLE_NUMBER,
                    Words(f"{shown.sv} är inget heltal; skriv ett heltal", f"expected a whole number, got {shown.en}"),
                    ref,
                )
                continue
            value = int(value)
        settings[key] = value
    return settings


def _yes_no(raw, key: str, ref: CellRef, collect: _Collector) -> bool | None:
    """A yes/no setting: a yes or no word in either language and any case (layout.YES_WORDS, NO_WORDS), TRUE or
    FALSE (an app may store a typed TRUE as a boolean), 1 or 0; an empty cell is no. None, with a problem, for
    anything else: the default stands."""
    if isinstance(raw, bool):
        return raw
    text = clean_text(raw)
    word = "" if text is None else " ".join(text.casefold().split())
    if word == "" or word in layout.NO_WORDS:
        return False
    if word in layout.YES_WORDS:
        return True
    default = Method.__dataclass_fields__[key].default
    collect.add(ProblemCode.BAD_SETTING, Words(
        f"{text!r} är varken ja eller nej; skriv ja eller nej; standardvärdet ({'ja' if default else 'nej'}) används",
        f"expected yes or no, got {text!r}; write yes or no; the default ({'yes' if default else 'no'}) is used",
    ), ref)  # fmt: skip
    return None


# --- team workbooks ---------------------------------------------------------------------------------


def read_team_workbook(path: Path, strategy: Strategy | None = None) -> TeamReading:
    """A team's plan and its problems; raises FileError when the file is not a usable team workbook.

    With a `strategy`, the team must be one of its teams, and the plan's team name comes from it. A person's
    own workbook is read the same way, into a plan with its `person` set: the strategy's person, or, for one
    its People sheet does not list in that team, a problem `unknown-person` and a person named by the id.
    """
    path = Path(path)
    workbook = _load(path)
    try:
        return _read_team(workbook, path, strategy)
    except XlsxError as error:
        raise _unreadable(path, error) from None
    finally:
        workbook.close()


def _read_team(workbook, path: Path, strategy: Strategy | None) -> TeamReading:
    meta = _read_meta(workbook, path)
    if meta.get(layout.META_WORKBOOK) not in (layout.WORKBOOK_TEAM, layout.WORKBOOK_PERSONAL):
        kind = _workbook_kind(meta)
        raise NotAnOkrxlWorkbook(Words(
            f"{path.name}: {kind.sv}, ingen teamarbetsbok; skapa teamens arbetsböcker med `okrxl generate`",
            f"{path.name}: {kind.en}, not a team workbook; make team workbooks with `okrxl generate`",
        ))  # fmt: skip
    try:
        quarter = Quarter.parse(meta.get(layout.META_QUARTER, ""))
        team = Team(id=meta.get(layout.META_TEAM, ""), name=meta.get(layout.META_TEAM, ""))
        person_id = meta.get(layout.META_PERSON, "") if meta[layout.META_WORKBOOK] == layout.WORKBOOK_PERSONAL else None
        person = None if person_id is None else Person(id=person_id, name=person_id, team=team.id)
    except ModelError as error:
        why = error.text
        raise NotAnOkrxlWorkbook(
            Words(
                f"{path.name}: dess okrxl-metadata är skadad ({why.sv}); skapa den på nytt",
                f"{path.name}: its okrxl metadata is damaged ({why.en}); regenerate it",
            )
        ) from None
    if strategy is not None:
        try:
            team = strategy.team(team.id)
        except ModelError:
            teams = ", ".join(t.id for t in strategy.teams)
            raise NotAnOkrxlWorkbook(Words(
                f"{path.name}: gjord för team {team.id!r}, som inte finns i strategin (teamen är {teams}); "
                "lägg till teamet i strategin eller ta bort filen",
                f"{path.name}: made for team {team.id!r}, which the strategy does not list (teams are {teams}); "
                "add the team to the strategy or remove the file",
            ), code=ProblemCode.UNKNOWN_TEAM) from None  # fmt: skip
    collect = _Collector(path, sheet_formulas=True)
    if person is not None and strategy is not None:
        person = strategy.person(team.id, person.id) or _unknown_person(person, collect)
    owner = TeamQuarter(team=team, quarter=quarter, person=person)  # whose plan: how its ids are qualified
    sheet = _sheet(workbook, layout.SHEET_OKRS, path)
    period = _PeriodContext(quarter.period(strategy.first_month if strategy else 1),
                            Words(f"kvartalet {quarter}", f"the quarter {quarter}"))  # fmt: skip
    year = period.period.start.year
    table = _read_table(sheet, layout.TABLE_OKRS, meta, REQUIRED_COLUMNS, collect, year=year, check_ins=True,
                        period=period, epoch=workbook.epoch)  # fmt: skip
    _report_typed_formulas(sheet, table, collect)
    parsed = _objectives(table, sheet, collect, year=year, epoch=workbook.epoch, team=True, qualify=owner.qualify,
                         period=period)  # fmt: skip
    initiatives = _initiatives(workbook, meta, collect, path=path, year=year, period=period, parsed=parsed,
                               qualify=owner.qualify)  # fmt: skip
    try:
        plan = TeamQuarter(team=team, quarter=quarter, objectives=tuple(parsed.objectives), notes=tuple(parsed.notes),
                           initiatives=tuple(initiatives), person=person,
                           unread=tuple(dict.fromkeys(parsed.unread)))  # fmt: skip
    except ModelError as error:
        collect.add(ProblemCode.INVALID_PLAN, error.text)
        plan = None
    return TeamReading(
        path=path,
        team_id=team.id,
        quarter=quarter,
        fingerprint=meta.get(layout.META_FINGERPRINT) or None,
        plan=plan,
        problems=tuple(collect.problems),
        rows=parsed.rows,
        person_id=person.id if person else None,
    )


def _unknown_person(person: Person, collect: _Collector) -> Person:
    """A person's workbook of someone the strategy does not list in that team: a problem, and the person as
    the workbook names them, so that the rest of the file is still checked."""
    collect.add(ProblemCode.UNKNOWN_PERSON, Words(
        f"en personlig arbetsbok för {person.id!r}, som strategins blad Personer inte har i team {person.team}; "
        f"lägg till {person.id} på bladet Personer med team {person.team}, eller ta bort filen",
        f"a personal workbook of {person.id!r}, whom the strategy's People sheet does not list in team "
        f"{person.team}; add {person.id} to the People sheet with team {person.team}, or remove the file",
    ))  # fmt: skip
    return person


# --- the initiatives of a team workbook -------------------------------------------------------------

_INITIATIVE_ID = re.compile(r"^I(\d+)$")


def _initiatives(workbook, meta: dict[str, str], collect: _Collector, *, path: Path, year: int,
                 period: _PeriodContext, parsed: _Parsed, qualify) -> list[Initiative]:  # fmt: skip
    """The initiatives table, read as tolerantly as the OKR table; none from a workbook without the sheet (one
    made before it existed). Each row's cells go into `parsed.rows` (the OKR table's, whose key result ids
    `serves` is matched to) under its qualified id (`sales.I1`).

    The sheet has no formulas, so a date or a number stored as text is read without a note: nothing on the
    sheet shows `?` for it."""
    sheet = next((workbook[name] for name in layout.SHEET_INITIATIVES if name in workbook.sheetnames), None)
    if sheet is None:
        return []
    own = _Collector(path)  # no sheet formulas to tell of text they cannot read
    table = _read_table(sheet, layout.TABLE_INITIATIVES, meta, ("title",), own, year=year, period=period,
                        epoch=workbook.epoch, labels=layout.INITIATIVE_LABELS, formulas=False)  # fmt: skip
    _report_typed_formulas(sheet, table, own)
    known = {i.casefold(): i for o in parsed.objectives for i in (o.id, *(kr.id for kr in o.key_results))}
    every_row = list(_rows(table, sheet, own, year, workbook.epoch, period))
    rows = [row for row in every_row if not row.is_empty(table.columns)]
    taken = {_normal_id(row.text("id")) for row in every_row}  # an empty row's id too: the team may fill it later
    initiatives: list[Initiative] = []
    for row in rows:
        item_id = _initiative_id(row, taken, {i.id for i in initiatives})
        if item_id is None:
            continue
        typed = read_ids(row.raw("serves"))
        serves = tuple(dict.fromkeys(known.get(i.casefold(), i) for i in typed))
        try:
            initiatives.append(Initiative(
                id=item_id, title=row.text("title"), owner=row.text("owner"), serves=serves, state=_state(row),
                due=row.date("due"), note=row.text("note"), carried=_carried(row),
            ))  # fmt: skip
        except ModelError as error:  # pragma: no cover - the id and the title are checked above
            own.add(ProblemCode.INVALID_PLAN, error.text, row.ref("id"))
            continue
        parsed.rows[qualify(item_id)] = row.cells(serves=typed)
    collect.problems.extend(own.problems)
    return initiatives


def _initiative_id(row: _Row, taken: set[str | None], seen: set[str]) -> str | None:
    """The id of a filled-in initiative row: as typed, or the next one `taken` does not hold when there is
    none (a warning); None, with an error, for a row that is not read (no title, a bad or repeated id)."""
    item_id, collect = _normal_id(row.text("id")), row.collect
    if row.text("title") is None:
        collect.add(ProblemCode.MISSING_TITLE, Words(
            f"initiativet {item_id or 'på raden'} har innehåll men ingen titel; det lästes inte",
            f"initiative {item_id or 'on this row'} has entries but no title; it was not read",
        ), row.ref("title"))  # fmt: skip
        return None
    if item_id is None:
        item_id = _next_id("I", None, taken)
        taken.add(item_id)
        collect.add(ProblemCode.INFERRED_ID, Words(
            f"en rad utan id: okrxl läste den som initiativet {item_id}; skriv in id:t för att behålla det",
            f"a row without an id: okrxl read it as the initiative {item_id}; write the id to keep it",
        ), row.ref("id"))  # fmt: skip
    elif not _INITIATIVE_ID.match(item_id):
        collect.add(ProblemCode.BAD_ID, Words(
            f"{item_id!r} är inget id för ett initiativ; skriv t.ex. I1; raden lästes inte",
            f"{item_id!r} is not an initiative's id; write e.g. I1; the row was not read",
        ), row.ref("id"))  # fmt: skip
        return None
    if item_id in seen:
        collect.add(ProblemCode.DUPLICATE_ID, Words(f"{item_id} används två gånger; raden lästes inte",
                                                    f"{item_id} is used twice; the row was not read"),
                    row.ref("id"))  # fmt: skip
        return None
    return item_id


def _state(row: _Row) -> InitiativeState:
    """The state typed or picked, in either language and any case; planned when empty or unknown (a problem)."""
    text = row.text("state")
    if text is None:
        return InitiativeState.PLANNED
    state = layout.INITIATIVE_STATE_VOCABULARY.get(" ".join(text.casefold().split()))
    if state is None:
        choices = {lang: ", ".join(words(lang) for words in layout.INITIATIVE_STATE_WORDS.values())
                   for lang in layout.LANGS}  # fmt: skip
        row.collect.add(ProblemCode.UNKNOWN_STATE, Words(
            f"{text!r} är inget läge för ett initiativ; välj ett av {choices['sv']}; det lästes som planerat",
            f"expected an initiative's state ({choices['en']}), got {text!r}; it was read as planned",
        ), row.ref("state"))  # fmt: skip
        return InitiativeState.PLANNED
    return state
