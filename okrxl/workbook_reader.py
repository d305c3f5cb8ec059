"""Reading the strategy workbook and team workbooks back, however they were saved.

Data is found by table name and header text (layout.py), never by a fixed address. Every value a
person typed goes through okrxl.cells; what cannot be read becomes a `Problem` naming the file and
the cell, and reading goes on. Scores are never taken from cached formula values.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from okrxl import layout
from okrxl.cells import (
    CellValueError,
    clean_text,
    read_completion,
    read_date,
    read_ids,
    read_number,
    read_target,
    read_word,
)
from okrxl.files import FileError, guard_xlsx
from okrxl.model import (
    Carried,
    CheckIn,
    Commitment,
    Confidence,
    Dependency,
    KeyResult,
    KeyResultKind,
    Method,
    Objective,
    Quarter,
    Side,
    Strategy,
    Team,
    TeamQuarter,
)
from okrxl.problems import CellRef, ModelError, Problem, Severity
from okrxl.template import DEFAULT
from okrxl.xlsx import XlsxError, cell_range

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
    "off-track": Confidence.OFF_TRACK,
}
MAX_TABLE_ROWS = 2000
MAX_TABLE_COLUMNS = 200
_OBJECTIVE_ID = {"team": re.compile(r"^O(\d+)$"), "strategy": re.compile(r"^S(\d+)$")}
_KEY_RESULT_ID = {"team": re.compile(r"^(O\d+)\.(\d+)$"), "strategy": re.compile(r"^(S\d+)\.(\d+)$")}


class NotAnOkrxlWorkbook(FileError):
    """The file is an xlsx, but not one okrxl made (or not of the expected kind)."""

    default_code = "not-okrxl"


@dataclass(frozen=True, slots=True, kw_only=True)
class StrategyReading:
    path: Path
    strategy: Strategy | None
    """None when the problems leave nothing usable."""
    problems: tuple[Problem, ...]
    lang: layout.Lang = "sv"
    """The workbook's language, the default for the team workbooks made from it."""
    locations: dict[str, CellRef] = field(default_factory=dict)
    """The cell of each strategic objective's and key result's id."""

    @property
    def has_errors(self) -> bool:
        return self.strategy is None or any(p.severity is Severity.ERROR for p in self.problems)


@dataclass(frozen=True, slots=True, kw_only=True)
class TeamReading:
    path: Path
    team_id: str
    quarter: Quarter
    fingerprint: str | None
    plan: TeamQuarter | None
    problems: tuple[Problem, ...]
    locations: dict[str, CellRef] = field(default_factory=dict)
    """The cell of each objective's and key result's id, by qualified id."""

    @property
    def has_errors(self) -> bool:
        return self.plan is None or any(p.severity is Severity.ERROR for p in self.problems)


class _Collector:
    """Problems of one file, with the file's name filled in."""

    def __init__(self, path: Path):
        self.file = path.name
        self.problems: list[Problem] = []

    def add(self, code: str, message: str, cell: CellRef | None = None, severity=Severity.ERROR) -> None:
        self.problems.append(Problem(code=code, severity=severity, file=self.file, cell=cell, message=message))


def _load(path: Path):
    """Open a workbook for reading values, after the package-level safety checks."""
    from okrxl.xlsx import Workbook, XlsxError

    guard_xlsx(path)
    try:
        return Workbook(path)
    except XlsxError as error:
        raise _unreadable(path, error) from None


def _unreadable(path: Path, error: Exception) -> FileError:
    return FileError(
        f"{path.name}: cannot read the workbook ({error}); open it in your spreadsheet app and save it again as .xlsx"
    )


def _read_meta(workbook, path: Path) -> dict[str, str]:
    if layout.SHEET_META not in workbook.sheetnames:
        raise NotAnOkrxlWorkbook(
            f"{path.name}: not an okrxl workbook (no sheet {layout.SHEET_META!r}); "
            "make team workbooks with `okrxl generate` and the strategy with `okrxl init`"
        )
    meta = {}
    for row in workbook[layout.SHEET_META].iter_rows(min_row=2, values_only=True):
        key, value = (*row, None, None)[:2]
        if key is not None:
            meta[str(key).strip()] = "" if value is None else str(value).strip()
    schema = meta.get(layout.META_SCHEMA, "")
    if schema != str(layout.SCHEMA_VERSION):
        raise NotAnOkrxlWorkbook(
            f"{path.name}: made for okrxl workbook schema {schema or '?'}, this okrxl reads schema "
            f"{layout.SCHEMA_VERSION}; regenerate it with `okrxl generate` (or `okrxl init` for a strategy)",
            code="wrong-schema",
        )
    return meta


def _sheet(workbook, names: layout.Words, path: Path):
    for name in names:
        if name in workbook.sheetnames:
            return workbook[name]
    raise NotAnOkrxlWorkbook(
        f"{path.name}: no sheet {names.en!r} or {names.sv!r} (sheets are {', '.join(workbook.sheetnames)}); "
        "sheets must keep the names okrxl gave them"
    )


@dataclass
class _Table:
    sheet_name: str
    columns: dict[str, int]
    """Column key -> 1-based column; check-in columns are keyed `check_ins:YYYY-MM-DD`."""
    rows: list[tuple[int, list]]
    """(1-based row, the row's cells)."""

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


def _read_table(sheet, table_name: str, meta: dict[str, str], wanted, collect: _Collector, *, year: int) -> _Table:
    table = sheet.tables.get(table_name)
    if table is None:
        raise NotAnOkrxlWorkbook(
            f"{collect.file}: sheet {sheet.title!r} has lost its table {table_name!r}; "
            "copy your entries into a freshly generated workbook"
        )
    min_col, min_row, max_col, max_row = cell_range(table.ref)
    if max_row - min_row > MAX_TABLE_ROWS or max_col - min_col > MAX_TABLE_COLUMNS:
        raise FileError(
            f"{collect.file}: the table {table_name!r} spans {max_row - min_row} rows and {max_col - min_col + 1} "
            f"columns; okrxl reads at most {MAX_TABLE_ROWS} rows and {MAX_TABLE_COLUMNS} columns"
        )
    header_keys = _header_keys(meta)
    columns: dict[str, int] = {}
    for col in range(min_col, max_col + 1):
        raw = sheet.cell(min_row, col).value
        text = clean_text(raw)
        if text is None:
            continue
        key = header_keys.get(text.casefold())
        if key is None and layout.CHECK_INS in wanted:
            try:
                key = f"{layout.CHECK_INS}:{read_date(raw, year=year).isoformat()}"
            except CellValueError:
                key = None
        if key is None:
            collect.add("unknown-column", f"okrxl does not know the column {text!r}; it was not read",
                        CellRef(sheet.title, min_row, col), Severity.WARNING)  # fmt: skip
        elif key in columns:
            collect.add("duplicate-column", f"a second column {text!r}; only the first was read",
                        CellRef(sheet.title, min_row, col))  # fmt: skip
        else:
            columns[key] = col
    missing = [k for k in wanted if k != layout.CHECK_INS and k not in columns]
    if missing:
        raise NotAnOkrxlWorkbook(
            f"{collect.file}: the table {table_name!r} on sheet {sheet.title!r} has no column "
            f"{', '.join(repr(DEFAULT.labels[k].en) for k in missing)}; headers must keep their text"
        )
    rows = [(r, [sheet.cell(r, c).value for c in range(1, max_col + 1)]) for r in range(min_row + 1, max_row + 1)]
    # A row typed just below the table (which LibreOffice does not extend) is read too.
    r = max_row + 1
    while any(sheet.cell(r, c).value not in (None, "") for c in range(min_col, max_col + 1)):
        rows.append((r, [sheet.cell(r, c).value for c in range(1, max_col + 1)]))
        r += 1
    if r > max_row + 1:
        below = f"row {max_row + 1}" if r == max_row + 2 else f"rows {max_row + 1}-{r - 1}"
        collect.add("below-table", f"{below} below the table were read, but the sheet's own formulas leave them "
                    "out; insert rows inside the table instead", CellRef(sheet.title, max_row + 1, min_col),
                    Severity.INFO)  # fmt: skip
    return _Table(sheet.title, columns, rows)


class _Row:
    """One table row with typed access that turns unreadable cells into problems."""

    def __init__(self, table: _Table, row: int, values: list, sheet, collect: _Collector, year: int, epoch,
                 period_start: dt.date | None = None):  # fmt: skip
        self.table, self.row, self.values, self.sheet = table, row, values, sheet
        self.collect, self.year, self.epoch, self.period_start = collect, year, epoch, period_start

    def raw(self, key: str):
        col = self.table.columns.get(key)
        return None if col is None else self.values[col - 1]

    def ref(self, key: str) -> CellRef:
        return self.table.cell(self.row, key)

    def number_format(self, key: str) -> str | None:
        col = self.table.columns.get(key)
        return None if col is None else self.sheet.cell(self.row, col).number_format

    def get(self, key: str, reader, **options):
        """`reader(raw, ...)` or None with a problem recorded; a reader's notes become warnings."""
        notes: list[tuple[str, str]] = []
        if reader in (read_number, read_completion, read_target):
            options["notes"] = notes
        try:
            value = reader(self.raw(key), **options)
        except CellValueError as error:
            self.collect.add(error.code, str(error), self.ref(key))
            return None
        for code, message in notes:
            self.collect.add(code, message, self.ref(key), Severity.WARNING)
        return value

    def text(self, key: str) -> str | None:
        return clean_text(self.raw(key))

    def number(self, key: str, *, percent_points=False) -> float | None:
        return self.get(key, read_number, number_format=self.number_format(key), percent_points=percent_points)

    def date(self, key: str) -> dt.date | None:
        day = self.get(key, read_date, number_format=self.number_format(key), year=self.year, epoch=self.epoch)
        if day is not None and self.period_start is not None and day < self.period_start:
            self.collect.add(
                "date-outside-quarter",
                f"{day} is before the quarter starts ({self.period_start}); a date typed without a year "
                f"takes the year of the computer's clock: write it in full, e.g. {self.period_start.year}-"
                f"{day.month:02d}-{day.day:02d}",
                self.ref(key),
                Severity.WARNING,
            )
        return day

    def word(self, key: str, vocabulary, what: str):
        return self.get(key, read_word, vocabulary=vocabulary, what=what)

    def is_empty(self, keys) -> bool:
        return all(clean_text(self.raw(k)) is None for k in keys if k != "id")


def _rows(table: _Table, sheet, collect: _Collector, year: int, epoch, period_start=None) -> Iterator[_Row]:
    for row, values in table.rows:
        yield _Row(table, row, values, sheet, collect, year, epoch, period_start)


def _carried(row: _Row) -> Carried | None:
    """`2027-Q1 O1.2: 0.35` in the carried column: what rollover wrote."""
    text = row.text("carried")
    if text is None:
        return None
    carried = layout.parse_carried(text)
    if carried is None:
        row.collect.add("bad-carried", f"expected e.g. 2027-Q1 O1.2: 0.35 (written by okrxl rollover), got {text!r}; "
                        "it was not read", row.ref("carried"), Severity.WARNING)  # fmt: skip
    return carried


def _weight(row: _Row) -> float:
    weight = row.number("weight")
    if weight is not None and weight < 0:
        row.collect.add("bad-weight", f"a weight must not be negative, got {weight:g}; 1 was used", row.ref("weight"))
        return 1.0
    return 1.0 if weight is None else weight


def _check_ins(row: _Row, table: _Table, kind: KeyResultKind, percent_points: bool) -> list[CheckIn]:
    check_ins = []
    for day, key in table.check_in_dates:
        if kind.is_completion:
            value = row.get(key, read_completion, number_format=row.number_format(key))
        else:
            value = row.number(key, percent_points=percent_points)
        if value is not None:
            check_ins.append(CheckIn(date=day, value=value))
    return check_ins


def _key_result(row: _Row, table: _Table, local_id: str, *, team: bool) -> KeyResult | None:
    title = row.text("title")
    kind_side = row.word("kind", KIND_VOCABULARY, "kind")
    if kind_side is None:
        if clean_text(row.raw("kind")) is None:
            row.collect.add("missing-kind", f"key result {local_id} has no kind; choose one from the list",
                            row.ref("kind"))  # fmt: skip
        return None
    kind, side = kind_side
    unit = row.text("unit")
    percent_points = kind is KeyResultKind.PERCENT or (unit is not None and "%" in unit)
    check_ins = _check_ins(row, table, kind, percent_points)
    if team:
        confidence = row.word("confidence", CONFIDENCE_VOCABULARY, "confidence")
        note = row.text("note")
        if confidence or note:
            target = check_ins[-1] if check_ins else None
            if target is None:
                dates = table.check_in_dates
                check_ins = [CheckIn(date=dates[0][0], value=None, confidence=confidence, note=note)] if dates else []
            else:
                check_ins[-1] = CheckIn(date=target.date, value=target.value, confidence=confidence, note=note)
    fields = dict(
        id=local_id,
        title=title,
        kind=kind,
        side=side,
        commitment=row.word("commitment", COMMITMENT_VOCABULARY, "commitment") or Commitment.ASPIRATIONAL,
        unit=unit,
        baseline=row.number("baseline", percent_points=percent_points),
        target=row.get("target", read_target, number_format=row.number_format("target"), percent_points=percent_points),
        owner=row.text("owner"),
        weight=_weight(row),
        check_ins=tuple(check_ins),
    )
    if team:
        feeds = read_ids(row.raw("feeds"))
        needed_by = row.date("needed_by")
        fields |= dict(
            due=row.date("due"),
            feeds=feeds[0] if feeds else None,
            depends_on=tuple(Dependency(key_result_id=i, needed_by=needed_by) for i in read_ids(row.raw("depends_on"))),
            miss_reason=row.text("miss_reason"),
            comment=row.text("comment"),
            carried=_carried(row),
        )
    try:
        return KeyResult(**fields)
    except ModelError as error:
        row.collect.add("invalid-key-result", f"{error}; fix the row", row.ref("id"))
        return None


def _objectives(
    table: _Table, sheet, collect: _Collector, *, year: int, epoch, team: bool, qualify, period_start=None
) -> tuple[list[Objective], dict[str, CellRef]]:
    """Objective rows and their key result rows, in order; empty provisioned rows are skipped.

    A filled-in row without an id (a row a team inserted) gets the next free id: a key result of
    the objective above when it has a kind, else a new objective.
    """
    part = "team" if team else "strategy"
    prefix = "O" if team else "S"
    inputs = [k for k in table.columns if k not in layout.FORMULA_KEYS]
    rows = [row for row in _rows(table, sheet, collect, year, epoch, period_start) if not row.is_empty(inputs)]
    taken = {_normal_id(row.text("id")) for row in rows}
    drafts: list[dict] = []
    locations: dict[str, CellRef] = {}
    for row in rows:
        item_id, title = _normal_id(row.text("id")), row.text("title")
        if title is None:
            collect.add("missing-title", f"{item_id or 'a row'} has entries but no title; it was not read",
                        row.ref("title"))  # fmt: skip
            continue
        if item_id is None:
            item_id = _next_id(prefix, drafts[-1]["id"] if drafts and row.text("kind") else None, taken)
            taken.add(item_id)
            what = f"a key result of {drafts[-1]['id']}" if "." in item_id else "an objective"
            collect.add("inferred-id", f"a row without an id: okrxl read it as {item_id} ({what}); "
                        "write the id to keep it", row.ref("id"), Severity.WARNING)  # fmt: skip
        if _OBJECTIVE_ID[part].match(item_id):
            if any(d["id"] == item_id for d in drafts):
                collect.add("duplicate-id", f"{item_id} is used twice; the row was not read", row.ref("id"))
                continue
            objective = dict(id=item_id, title=title, owner=row.text("owner"), weight=_weight(row), key_results=[])
            if team:
                objective["carried"] = _carried(row)
                objective["aligned_to"] = tuple(
                    dict.fromkeys((*read_ids(row.raw("aligned_to")), *read_ids(row.raw("also_aligned_to"))))
                )
            drafts.append(objective)
            locations[qualify(item_id)] = row.ref("id")
        elif match := _KEY_RESULT_ID[part].match(item_id):
            parent = next((d for d in reversed(drafts) if d["id"] == match[1]), None)
            if parent is None:
                collect.add("orphan-key-result", f"key result {item_id} has no objective {match[1]} above it",
                            row.ref("id"))  # fmt: skip
                continue
            if qualify(item_id) in locations:
                collect.add("duplicate-id", f"{item_id} is used twice; the row was not read", row.ref("id"))
                continue
            kr = _key_result(row, table, item_id, team=team)
            if kr is not None:
                parent["key_results"].append(kr)
                locations[qualify(item_id)] = row.ref("id")
        else:
            example = f"{prefix}1 or {prefix}1.2"
            collect.add("bad-id", f"{item_id!r} is not an id okrxl knows; write e.g. {example}", row.ref("id"))
    objectives = []
    for draft in drafts:
        try:
            objectives.append(Objective(**(draft | {"key_results": tuple(draft["key_results"])})))
        except ModelError as error:
            collect.add("invalid-objective", str(error), locations.get(qualify(draft["id"])))
    return objectives, locations


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
                collect.add("formula-without-value", "a formula that no spreadsheet app has calculated yet; "
                            "type the value instead", ref)  # fmt: skip
            else:
                collect.add("formula-in-cell", f"a formula; okrxl used its value {cell.value!r}", ref, Severity.INFO)


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
        raise NotAnOkrxlWorkbook(f"{path.name}: a {meta.get(layout.META_WORKBOOK) or 'unknown'} workbook, "
                                 "not a strategy; make one with `okrxl init`")  # fmt: skip
    collect = _Collector(path)
    epoch = workbook.epoch
    settings = _read_settings(_sheet(workbook, layout.SHEET_SETTINGS, path), meta, collect)
    year = int(settings.get("year") or 0)
    if not year:
        return StrategyReading(path=path, strategy=None, problems=tuple(collect.problems))

    teams_sheet = _sheet(workbook, layout.SHEET_TEAMS, path)
    teams_table = _read_table(teams_sheet, layout.TABLE_TEAMS, meta, ["id", "name", "lead"], collect, year=year)
    teams = []
    for row in _rows(teams_table, teams_sheet, collect, year, epoch):
        team_id, name = row.text("id"), row.text("name")
        if team_id is None and name is None:
            continue
        try:
            teams.append(Team(id=team_id or "", name=name or team_id or "", lead=row.text("lead")))
        except ModelError as error:
            collect.add("bad-team-id", f"{error}", row.ref("id"))

    okrs_sheet = _sheet(workbook, layout.SHEET_STRATEGIC_OKRS, path)
    wanted = [c.key for c in layout.STRATEGIC_COLUMNS]
    table = _read_table(okrs_sheet, layout.TABLE_STRATEGIC_OKRS, meta, wanted, collect, year=year)
    objectives, locations = _objectives(table, okrs_sheet, collect, year=year, epoch=epoch, team=False, qualify=str)
    method_fields = {k: settings[k] for k in settings if k in Method.__dataclass_fields__}
    try:
        method = Method(**method_fields)
    except ModelError as error:
        collect.add("bad-setting", f"{error}; the method's defaults were used", None)
        method = Method()
    try:
        strategy = Strategy(
            company=settings.get("company") or "",
            vision=settings.get("vision") or "",
            mission=settings.get("mission") or "",
            year=year,
            first_month=int(settings.get("first_month") or 1),
            method=method,
            teams=tuple(teams),
            objectives=tuple(objectives),
        )
    except ModelError as error:
        collect.add("invalid-strategy", str(error))
        strategy = None
    lang = meta.get(layout.META_LANG) if meta.get(layout.META_LANG) in layout.LANGS else "sv"
    return StrategyReading(
        path=path, strategy=strategy, problems=tuple(collect.problems), lang=lang, locations=locations
    )


def _read_settings(sheet, meta: dict[str, str], collect: _Collector) -> dict[str, object]:
    table = _read_table(sheet, layout.TABLE_SETTINGS, meta, ["setting", "value"], collect, year=2000)
    settings: dict[str, object] = {}
    for row_number, values in table.rows:
        label = clean_text(values[table.columns["setting"] - 1])
        raw = values[table.columns["value"] - 1]
        key = _SETTING_KEYS.get((label or "").casefold())
        ref = CellRef(sheet.title, row_number, table.columns["value"])
        if key is None:
            if label:
                collect.add("unknown-setting", f"okrxl does not know the setting {label!r}", ref, Severity.WARNING)
            continue
        if key in ("company", "vision", "mission"):
            settings[key] = clean_text(raw)
            if not settings[key] and key == "company":
                collect.add("missing-setting", "write the company's name", ref)
            continue
        try:
            value = read_number(raw)
        except CellValueError as error:
            collect.add(error.code, str(error), ref)
            continue
        if value is None:
            if key == "year":
                collect.add("missing-setting", "write the strategic year, e.g. 2027", ref)
            continue
        if key in _INTEGER_SETTINGS:
            if not value.is_integer():
                collect.add("not-a-whole-number", f"expected a whole number, got {value:g}", ref)
                continue
            value = int(value)
        settings[key] = value
    return settings


# --- team workbooks ---------------------------------------------------------------------------------


def read_team_workbook(path: Path, strategy: Strategy | None = None) -> TeamReading:
    """A team's plan and its problems; raises FileError when the file is not a usable team workbook.

    With a `strategy`, the team must be one of its teams, and the plan's team name comes from it.
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
    if meta.get(layout.META_WORKBOOK) != layout.WORKBOOK_TEAM:
        raise NotAnOkrxlWorkbook(f"{path.name}: a {meta.get(layout.META_WORKBOOK) or 'unknown'} workbook, "
                                 "not a team workbook; make team workbooks with `okrxl generate`")  # fmt: skip
    try:
        quarter = Quarter.parse(meta.get(layout.META_QUARTER, ""))
        team = Team(id=meta.get(layout.META_TEAM, ""), name=meta.get(layout.META_TEAM, ""))
    except ModelError as error:
        raise NotAnOkrxlWorkbook(f"{path.name}: its okrxl metadata is damaged ({error}); regenerate it") from None
    if strategy is not None:
        try:
            team = strategy.team(team.id)
        except ModelError:
            raise NotAnOkrxlWorkbook(
                f"{path.name}: made for team {team.id!r}, which the strategy does not list (teams are "
                f"{', '.join(t.id for t in strategy.teams)}); add the team to the strategy or remove the file",
                code="unknown-team",
            ) from None
    collect = _Collector(path)
    sheet = _sheet(workbook, layout.SHEET_OKRS, path)
    wanted = [c.key for c in layout.TEAM_COLUMNS if c.input]
    period = quarter.period(strategy.first_month if strategy else 1)
    year = period.start.year
    table = _read_table(sheet, layout.TABLE_OKRS, meta, wanted, collect, year=year)
    _report_typed_formulas(sheet, table, collect)
    plan_team = team
    objectives, locations = _objectives(
        table,
        sheet,
        collect,
        year=year,
        epoch=workbook.epoch,
        team=True,
        qualify=lambda i: f"{plan_team.id}.{i}",
        period_start=period.start,
    )
    try:
        plan = TeamQuarter(team=team, quarter=quarter, objectives=tuple(objectives))
    except ModelError as error:
        collect.add("invalid-plan", str(error))
        plan = None
    return TeamReading(
        path=path,
        team_id=team.id,
        quarter=quarter,
        fingerprint=meta.get(layout.META_FINGERPRINT) or None,
        plan=plan,
        problems=tuple(collect.problems),
        locations=locations,
    )
