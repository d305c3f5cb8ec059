"""Writing the strategy workbook and the team workbooks (XlsxWriter, deterministic bytes).

Every text that came from people (titles, owners, notes) is written with `write_string` in a
workbook whose `strings_to_formulas` and `strings_to_urls` are off, so `=HYPERLINK(...)` stays text.
Scores are computed by okrxl and written as the cached results of the live formulas, so viewers
that do not recalculate still show the right numbers.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from xlsxwriter.utility import quote_sheetname, xl_col_to_name, xl_rowcol_to_cell
from xlsxwriter.worksheet import CellFormulaTuple, Worksheet

from okrxl.core.model import (
    INITIATIVE_STATE_WORDS,
    Commitment,
    Initiative,
    KeyResult,
    KeyResultKind,
    Lang,
    Method,
    Objective,
    Person,
    Quarter,
    Strategy,
    Team,
    TeamQuarter,
)
from okrxl.core.scoring import (
    Status,
    TeamAssessment,
    assess_team,
)
from okrxl.excel import layout, sheet_formulas
from okrxl.excel.book import (
    FILL,
    WORKBOOK_PAPER,
    column_points,
    column_width,
    escape_header,
    header_lines,
    meta_sheet,
    new_workbook,
    page_breaks,
    points_width,
    print_scale,
    printable,
    readable_scale,
    row_points,
    set_up_page,
    text_lines,
    text_pixels,
    write_value,
)
from okrxl.excel.template import FIELD, OPTIONAL, Template, fill

OBJECTIVE_ROOM = 5
KEY_RESULT_ROOM = 5
TITLE_ROWS = 3  # title, team score, blank; the table's header is on the next row
DATE_FORMAT = "yyyy-mm-dd"
PARAGRAPH_SPACE = 6
"""Points between two paragraphs of the instructions."""
HEADER_POINTS = 11
"""The size of a printed header: LibreOffice's and Excel's own (Excel scales it with the sheet)."""
HEADER_GAP = 40
"""Pixels between the header's left part and the sheet's name on its right."""
EPSILON = "0.000000001"  # the float tolerance of okrxl.core.scoring, in formulas


def _open_workbook(path: Path):
    workbook = new_workbook(path)
    workbook.set_size(1600, 1000)
    return workbook


class FormulaSheet(Worksheet):
    """A worksheet that writes okrxl's formulas as they are.

    XlsxWriter runs some 30 regular expressions over every formula, to give functions newer than
    Excel 2010 (FILTER, XLOOKUP, ...) their `_xlfn.` prefix, and one more to find dynamic array
    functions: most of `okrxl generate`'s time, as the sheet's formulas are long. okrxl writes only
    its own formulas, made of Excel 2007 functions, and no text from a workbook ever becomes one, so
    there is nothing to prefix and no dynamic array. tests/test_workbooks.py checks that XlsxWriter's
    own preparation would leave every formula okrxl writes as it is.
    """

    def _prepare_formula(self, formula: str, expand_future_functions: bool = False) -> str:
        return formula.removeprefix("=")

    def _write_formula(self, row: int, col: int, formula: str, cell_format=None, value=0):
        if self.constant_memory or self._check_dimensions(row, col):
            return super()._write_formula(row, col, formula, cell_format, value)
        self.table[row][col] = CellFormulaTuple(formula.removeprefix("="), cell_format, value)
        return 0


@dataclass
class _Formats:
    """XlsxWriter formats built from the template's styles, made once per combination."""

    workbook: object
    template: Template
    cache: dict = field(default_factory=dict)

    def __call__(self, style: str = "key_result", *, locked: bool = True, **extra) -> object:
        key = (style, locked, tuple(sorted(extra.items())))
        if key not in self.cache:
            props = self.template.styles[style].xlsxwriter() | {"locked": locked, "valign": "top"} | extra
            self.cache[key] = self.workbook.add_format(props)
        return self.cache[key]


@dataclass(frozen=True)
class _Page:
    """What every printed page of a workbook shows: `header` top left (fixed text: a header cannot show a
    cell), the sheet's name top right, and "page N of M" in the workbook's language in the footer."""

    header: tuple[str, ...]
    """What the workbook is, in parts (company, team, quarter), each known when it is written."""
    footer: str
    smallest: float
    """The smallest font size of the template's styles, which decides how small a sheet may print."""

    @classmethod
    def of(cls, header: Sequence[str], template: Template, lang: Lang) -> _Page:
        styles = ("title", "header", "objective", "key_result", "formula")
        return cls(header=tuple(p.strip() for p in header if p.strip()), footer="&C" + template.label("footer", lang),
                   smallest=min(template.styles[s].font_size for s in styles))  # fmt: skip

    def set_up(self, sheet, *, landscape: bool = True, **options) -> None:
        # the left part stops short of the sheet's name on the right (LibreOffice would print one over the other)
        room = printable(WORKBOOK_PAPER, landscape=landscape)[0] / 0.75 - text_pixels(sheet.name) - HEADER_GAP
        lines = header_lines(self.header, room, font_size=HEADER_POINTS, bold=True)
        header = "&L&B" + "\n".join(escape_header(line) for line in lines) + "&R&A"
        set_up_page(sheet, WORKBOOK_PAPER, header=header, footer=self.footer, landscape=landscape, **options)

    def set_up_pages(
        self, sheet, widths: Sequence[float], heights: Sequence[float], *, repeat_to: int, landscape: bool = True,
        repeat_columns: int | None = None, column_starts: Sequence[int] = (), row_starts: Sequence[int] = (),
    ) -> None:  # fmt: skip
        """Print a sheet of columns `widths` (0 for a hidden one) and rows `heights` (points) at the largest
        scale up to 100 % at which its smallest text stays readable, over as many pages as it takes: the rows
        up to `repeat_to` on every page, the columns up to `repeat_columns` too when the columns go on over
        more than one page width. A page begins at a column of `column_starts` or a row of `row_starts` where
        that keeps a group together (book.page_breaks)."""
        scale = print_scale([w for w in widths if w], font_size=self.smallest, paper=WORKBOOK_PAPER,
                            landscape=landscape)  # fmt: skip
        width, height = (side * FILL * 100 / scale for side in printable(WORKBOOK_PAPER, landscape=landscape))
        points = [column_points(w) if w else 0.0 for w in widths]
        fixed = 0 if repeat_columns is None else repeat_columns + 1
        columns = page_breaks(points[fixed:], width - sum(points[:fixed]), starts=[c - fixed for c in column_starts])
        if not columns:  # one page wide: no column needs repeating
            fixed = 0
        top = repeat_to + 1
        rows = page_breaks(heights[top:], height - sum(heights[:top]), starts=[r - top for r in row_starts])
        self.set_up(
            sheet, landscape=landscape, repeat_to=repeat_to, last_cell=(len(heights) - 1, len(widths) - 1),
            scale=scale, repeat_columns=fixed - 1 if fixed else None, column_breaks=[fixed + c for c in columns],
            row_breaks=[top + r for r in rows],
        )  # fmt: skip


class _Heights:
    """The heights of a sheet's rows as written, in points, to plan its printed pages: a row is made as
    tall as its wrapped texts need, and left to the app (one line) otherwise."""

    def __init__(self, sheet, template: Template):
        self.sheet, self.styles, self.points = sheet, template.styles, {}

    def fit(self, row: int, texts: Sequence[tuple[str, float]], style: str = "key_result") -> None:
        """Make `row` tall enough for each (text, column width) of `texts` in `style`."""
        look = self.styles[style]
        lines = max((text_lines(t, w, font_size=look.font_size, bold=look.bold) for t, w in texts if t), default=1)
        self.set(row, row_points(lines, look.font_size))

    def set(self, row: int, points: float) -> None:
        """Make `row` `points` tall, unless that is the height of a row of one line, which the app keeps."""
        if points > self.default:
            self.sheet.set_row(row, points)
        self.points[row] = max(points, self.points.get(row, 0))

    @property
    def default(self) -> float:
        return row_points(1, self.styles["key_result"].font_size)

    def hide(self, row: int) -> None:
        self.sheet.set_row(row, None, None, {"hidden": True})
        self.points[row] = 0

    def down_to(self, last: int) -> list[float]:
        """Every row's height from the first to `last`."""
        return [self.points.get(r, self.default) for r in range(last + 1)]


WIDEST_WORD = 30
"""The widest okrxl makes a column so that no word in it is broken across two lines."""


def _widened(width: float, texts: Sequence[str], template: Template) -> float:
    """`width`, or wider where a word of `texts` would not fit on a line of it, up to WIDEST_WORD."""
    size = max(template.styles[s].font_size for s in ("header", "objective", "key_result"))
    words = sorted({word for text in texts for word in text.split()})
    return max(width, min(WIDEST_WORD, column_width(words, font_size=size, bold=True)))


def _title(sheet, heights: _Heights, text: str, formats: _Formats, widths: Sequence[float]) -> None:
    """A sheet's title in its first row, across the columns of `widths` (the ones printed on every page: a
    title running on into the next columns would be cut off on the pages after the first), wrapped."""
    _merged_title(sheet, widths, text, formats)
    heights.fit(0, [(text, sum(widths))], "title")


def _merged_title(sheet, widths: Sequence[float], text: str, formats: _Formats) -> None:
    title = formats("title", text_wrap=True)
    if len(widths) > 1:
        sheet.merge_range(0, 0, 0, len(widths) - 1, "", title)
    sheet.write_string(0, 0, text, title)


def _instructions_sheet(workbook, formats: _Formats, template: Template, part: str, lang: Lang, page: _Page):
    """One paragraph a row in a column as wide as a portrait page, each row as tall as its wrapped text."""
    sheet = workbook.add_worksheet(layout.SHEET_INSTRUCTIONS(lang))
    scale = max(100, readable_scale(page.smallest))
    width = math.floor(points_width(printable(WORKBOOK_PAPER, landscape=False)[0] * FILL * 100 / scale))
    sheet.set_column(0, 0, width)
    heights = _Heights(sheet, template)
    paragraphs = template.instructions[part]
    sheet.write_string(0, 0, paragraphs[0](lang), formats("title", text_wrap=True))
    heights.fit(0, [(paragraphs[0](lang), width)], "title")
    wrap = formats("key_result", text_wrap=True)
    for row, words in enumerate(paragraphs[1:], start=2):
        sheet.write_string(row, 0, words(lang), wrap)
        heights.fit(row, [(words(lang), width)])
        heights.set(row, heights.points[row] + PARAGRAPH_SPACE)
    page.set_up(sheet, landscape=False, scale=scale)
    sheet.protect("", {"select_locked_cells": True})
    return sheet


def _lists_sheet(workbook, strategy: Strategy, lang: Lang, above: Sequence[Objective] | None = None):
    """The hidden sheet with the dropdowns' lists, each behind a defined name; the sheet and its first free
    column. The objectives to align to and key results to feed are `above`'s (a person's team's), or else the
    strategy's."""
    above = strategy.objectives if above is None else above
    sheet = workbook.add_worksheet(layout.SHEET_LISTS(lang), worksheet_class=FormulaSheet)  # its formulas too
    name = quote_sheetname(layout.SHEET_LISTS(lang))
    kind_words = [words for _, _, words in layout.KIND_WORDS.values()]
    columns = [
        (layout.NAME_KINDS, [w(lang) for w in kind_words]),
        ("okrxl_kind_match", [w.sv for w in kind_words] + [w.en for w in kind_words]),
        (layout.NAME_COMMITMENTS, [w(lang) for w in layout.COMMITMENT_WORDS.values()]),
        (layout.NAME_CONFIDENCES, [w(lang) for w in layout.CONFIDENCE_WORDS.values()]),
        (layout.NAME_OBJECTIVES, [layout.choice_label(o.id, o.title) for o in above]),
        (layout.NAME_KEY_RESULTS, [layout.choice_label(kr.id, kr.title) for o in above for kr in o.key_results]),
    ]
    for col, (defined_name, values) in enumerate(columns):
        sheet.write_string(0, col, defined_name)
        for row, value in enumerate(values, start=1):
            sheet.write_string(row, col, value)
        letter = xl_col_to_name(col)
        workbook.define_name(defined_name, f"={name}!${letter}$2:${letter}${max(2, len(values) + 1)}")
    sheet.hide()
    return sheet, len(columns)


def _kind_text(kr: KeyResult, lang: Lang) -> str:
    return layout.kind_word(kr.kind, kr.side, lang)


# --- the team workbook ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Row:
    """One row of the OKR table: an objective or a key result, filled in or provisioned empty."""

    local_id: str
    objective: Objective | None = None
    key_result: KeyResult | None = None
    objective_id: str | None = None
    """For key result rows, the objective's id."""

    @property
    def is_objective(self) -> bool:
        return self.objective_id is None


def _rows(plan_objectives: Sequence[Objective], prefix: str = "O") -> list[_Row]:
    """The objectives and key results in table order, padded with empty rows to 5 x 5 (`O1`, `O1.1` …)."""
    rows: list[_Row] = []
    count = max(OBJECTIVE_ROOM, len(plan_objectives))
    for index in range(count):
        objective = plan_objectives[index] if index < len(plan_objectives) else None
        objective_id = objective.id if objective else f"{prefix}{index + 1}"
        rows.append(_Row(objective_id, objective=objective))
        krs = objective.key_results if objective else ()
        for kr_index in range(max(KEY_RESULT_ROOM, len(krs))):
            kr = krs[kr_index] if kr_index < len(krs) else None
            rows.append(
                _Row(kr.id if kr else f"{objective_id}.{kr_index + 1}", key_result=kr, objective_id=objective_id)
            )
    return rows


def team_check_in_dates(strategy: Strategy, quarter: Quarter, plan: TeamQuarter | None) -> tuple[dt.date, ...]:
    """The quarter's check-in dates at the strategy's cadence, plus any other date a plan has check-ins on."""
    dates = set(quarter.check_in_dates(first_month=strategy.first_month, cadence_weeks=strategy.method.cadence_weeks))
    if plan is not None:
        dates |= {c.date for o in plan.objectives for kr in o.key_results for c in kr.check_ins}
    return tuple(sorted(dates))


def write_team_workbook(
    path: Path,
    *,
    strategy: Strategy,
    team: Team,
    quarter: Quarter,
    template: Template,
    lang: Lang,
    plan: TeamQuarter | None = None,
    as_of: dt.date | None = None,
    formula_today: dt.date | None = None,
    previous: tuple[TeamQuarter, TeamAssessment] | None = None,
) -> None:
    """A team's workbook for `quarter`: instructions, the OKR table with check-ins, the strategy.

    With a `plan`, its objectives, key results and check-ins are filled in as the team would have
    typed them; the cached formula results are okrxl's own scores at `as_of`. The status formulas
    pace against `TODAY()`, or against `formula_today` where given (to test them at a known date).
    With `previous` (last quarter's plan and final assessment), a sheet lists how it ended.
    """
    _write_plan_workbook(path, _Whose(strategy=strategy, team=team), quarter=quarter, template=template, lang=lang,
                         plan=plan, as_of=as_of, formula_today=formula_today, previous=previous)  # fmt: skip


def write_personal_workbook(
    path: Path,
    *,
    strategy: Strategy,
    person: Person,
    team_plan: TeamQuarter | None,
    quarter: Quarter,
    template: Template,
    lang: Lang,
    plan: TeamQuarter | None = None,
    as_of: dt.date | None = None,
    formula_today: dt.date | None = None,
    previous: tuple[TeamQuarter, TeamAssessment] | None = None,
) -> None:
    """A person's own workbook for `quarter` (METHOD.md, "Personal OKRs"): laid out as a team workbook, with
    the arguments of write_team_workbook, but its objectives align to the objectives of `team_plan`, the
    person's team's plan (None: not known yet), and its key results feed the team's key results: the
    dropdowns list those, and the sheet Team OKRs shows them. A `plan` is the person's (its `person` set).
    """
    team = strategy.team(person.team)
    whose = _Whose(strategy=strategy, team=team, person=person, team_plan=team_plan)
    _write_plan_workbook(path, whose, quarter=quarter, template=template, lang=lang, plan=plan, as_of=as_of,
                         formula_today=formula_today, previous=previous)  # fmt: skip


@dataclass(frozen=True)
class _Whose:
    """Whose plan a workbook holds: a team's, aligned to the strategy, or a person's, aligned to the team's."""

    strategy: Strategy
    team: Team
    person: Person | None = None
    team_plan: TeamQuarter | None = None
    """A person's team's plan, whose objectives the person's align to."""

    @property
    def above(self) -> tuple[Objective, ...]:
        """The objectives the plan's objectives align to, whose key results its key results feed."""
        if self.person is None:
            return self.strategy.objectives
        return self.team_plan.objectives if self.team_plan is not None else ()

    def label(self, template: Template, key: str, lang: Lang, **values) -> str:
        """The template's label `key` filled in (`personal_<key>` in a person's workbook) with the team's and
        the person's names and `values`."""
        person = self.person.name if self.person else ""
        label = template.label(key if self.person is None else f"personal_{key}", lang)
        return fill(label, team=self.team.name, person=person, **values)


def _write_plan_workbook(
    path: Path, whose: _Whose, *, quarter: Quarter, template: Template, lang: Lang, plan: TeamQuarter | None,
    as_of: dt.date | None, formula_today: dt.date | None, previous: tuple[TeamQuarter, TeamAssessment] | None,
) -> None:  # fmt: skip
    """A team's or a person's workbook (write_team_workbook, write_personal_workbook)."""
    strategy, team, person = whose.strategy, whose.team, whose.person
    period = quarter.period(strategy.first_month)
    as_of = as_of or period.start
    names = (team.name,) if person is None else (person.name, team.name)
    page = _Page.of((strategy.company, *names, str(quarter)), template, lang)
    workbook = _open_workbook(path)
    formats = _Formats(workbook, template)
    _instructions_sheet(workbook, formats, template, "team" if person is None else "personal", lang, page)
    okrs = workbook.add_worksheet(layout.SHEET_OKRS(lang), worksheet_class=FormulaSheet)
    initiatives = workbook.add_worksheet(layout.SHEET_INITIATIVES(lang))
    if person is not None:
        _team_okrs_sheet(workbook, formats, template, whose, quarter, lang, page)
    _strategy_sheet(workbook, formats, template, strategy, lang, page)
    if previous is not None:
        _last_quarter_sheet(workbook, formats, template, lang, page, *previous)
    lists, free_column = _lists_sheet(workbook, strategy, lang, whose.above)
    dates = team_check_in_dates(strategy, quarter, plan)
    headers = _write_okr_table(
        okrs, formats, template, whose=whose, quarter=quarter, lang=lang, plan=plan, dates=dates, as_of=as_of,
        page=page,
    )  # fmt: skip
    _team_lists(workbook, lists, free_column, okrs.name, _rows(plan.objectives if plan else ()), lang)
    initiatives_title = whose.label(template, "initiatives_title", lang, quarter=quarter)
    headers |= _write_initiatives(initiatives, formats, template, title=initiatives_title, lang=lang, plan=plan,
                                  page=page, period=period)  # fmt: skip
    meta = [
        (layout.META_SCHEMA, layout.SCHEMA_VERSION),
        (layout.META_WORKBOOK, layout.WORKBOOK_TEAM if person is None else layout.WORKBOOK_PERSONAL),
        (layout.META_TEAM, team.id),
        *(() if person is None else [(layout.META_PERSON, person.id)]),
        (layout.META_QUARTER, quarter),
        (layout.META_FINGERPRINT, layout.strategy_fingerprint(strategy)),
        (layout.META_LANG, lang),
        *((layout.META_HEADER_PREFIX + key, text) for key, text in headers.items()),
    ]
    meta_sheet(workbook, meta)
    workbook.define_name(layout.NAME_PERIOD_START, _date_formula(period.start))
    workbook.define_name(layout.NAME_PERIOD_END, _date_formula(period.end))
    workbook.define_name(layout.NAME_TODAY, "=TODAY()" if formula_today is None else _date_formula(formula_today))
    start, end, today = layout.NAME_PERIOD_START, layout.NAME_PERIOD_END, layout.NAME_TODAY
    for name, words in sheet_formulas.word_names():
        workbook.define_name(name, "=" + words)
    workbook.define_name(layout.NAME_ELAPSED, f"=MAX(0,MIN(1,({today}-{start})/({end}-{start})))")
    okrs.activate()
    workbook.close()


_ROLES = {c.key: c.role for c in layout.TEAM_COLUMNS}


def _input_format(formats: _Formats, style: str, key: str):
    """The format of an input cell of column `key`: unlocked; text kept as typed; dates as dates."""
    role = _ROLES.get(key.split(":", 1)[0])
    if role == "formula":  # the formula cells themselves carry the formula style; the column stays plain
        return formats(style)
    if role == "date":
        return formats(style, locked=False, num_format=DATE_FORMAT)
    if role in ("number", "check-in"):
        return formats(style, locked=False)
    return formats(style, locked=False, quote_prefix=True, text_wrap=True)


def _date_formula(day: dt.date) -> str:
    return f"=DATE({day.year},{day.month},{day.day})"


def _team_columns(template: Template, lang: Lang, dates: Sequence[dt.date]) -> list[tuple[str, str]]:
    """(column key, header text) left to right; check-in columns are keyed by their ISO date."""
    columns = []
    for column in layout.TEAM_COLUMNS:
        if column.key == layout.CHECK_INS:
            columns += [(f"{layout.CHECK_INS}:{d.isoformat()}", d.isoformat()) for d in dates]
        else:
            columns.append((column.key, template.label(column.key, lang)))
    return columns


def _write_okr_table(
    sheet, formats: _Formats, template: Template, *, whose: _Whose, quarter: Quarter, lang: Lang,
    plan: TeamQuarter | None, dates: Sequence[dt.date], as_of: dt.date, page: _Page,
) -> dict[str, str]:  # fmt: skip
    strategy = whose.strategy
    method = strategy.method
    period = quarter.period(strategy.first_month)
    columns = _team_columns(template, lang, dates)
    col = {key: index for index, (key, _) in enumerate(columns)}
    check_in_cols = [col[f"{layout.CHECK_INS}:{d.isoformat()}"] for d in dates]
    rows = _rows(plan.objectives if plan else ())
    header_row = TITLE_ROWS
    first, last = header_row + 1, header_row + len(rows)
    helpers = _HelperColumns.right_of(len(columns), len(dates))
    assessments = _assessments(plan, period=period, as_of=as_of, method=method)

    # Widths and the columns' own formats: an empty key result cell is unlocked and styled by its column,
    # so that only objective rows and filled-in cells are written cell by cell.
    row_texts = [_row_texts(row, whose.above, lang) for row in rows]
    widths = [template.widths.get(key.split(":", 1)[0], 10) for key, _ in columns]
    for key, header in columns:
        if _ROLES.get(key) in ("text", "choice"):
            texts = [header, *(texts[key] for texts in row_texts if key in texts)]
            widths[col[key]] = _widened(widths[col[key]], texts, template)
    for key, index in col.items():
        sheet.set_column(index, index, widths[index], _input_format(formats, "key_result", key))
    for key in layout.HIDDEN_KEYS:
        sheet.set_column(col[key], col[key], None, None, {"hidden": True})
        widths[col[key]] = 0
    sheet.set_column(helpers.first, helpers.last, None, None, {"hidden": True})
    heights = _Heights(sheet, template)
    # The sheet's title is in the title column, wrapped: the sheet where teams type has no merged cells, and a
    # title running on from the narrow id column would be cut off on the pages after the first, which repeat
    # only the id and title columns.
    title = whose.label(template, "okrs_title", lang, quarter=quarter)
    sheet.write_string(0, col["title"], title, formats("title", text_wrap=True))
    heights.fit(0, [(title, widths[col["title"]])], "title")
    sheet.write_string(1, 1, whose.label(template, "team_score", lang), formats("header", align="right"))
    ranges = _TableRanges.of(col, first, last)
    team_score = assessments.get("") if plan else None
    sheet.write_formula(
        1, 2, "=" + sheet_formulas.team_score(ids=ranges.ids, scores=ranges.scores, weights=ranges.weights),
        formats("formula", num_format="0.00", bold=True), _cached(team_score.score if team_score else None),
    )  # fmt: skip
    _write_header_dates(sheet, formats, check_in_cols, dates, header_row, period)
    heights.hide(header_row - 1)
    formulas = _RowFormulas.of(
        col, helpers, check_in_cols, header_row, ranges, method=method, period=period, lang=lang,
        plain=formats("formula"), score=formats("formula", num_format="0.00"),
    )  # fmt: skip

    sheet.add_table(header_row, 0, last, len(columns) - 1, {
        "name": layout.TABLE_OKRS,
        "columns": [{"header": text, "header_format": formats("header", text_wrap=True)} for _, text in columns],
        "style": "Table Style Light 1",
        "autofilter": False,
    })  # fmt: skip
    heights.fit(header_row, [(text, widths[index]) for index, (_, text) in enumerate(columns) if widths[index]],
                "header")  # fmt: skip

    for offset, row in enumerate(rows):
        r = first + offset
        style = "objective" if row.is_objective else "key_result"
        text = formats(style, locked=False, quote_prefix=True, text_wrap=True)
        if row.is_objective:  # the objective's band across the table; key result rows take the column formats
            for key, index in col.items():
                if key not in layout.FORMULA_KEYS:
                    sheet.write_blank(r, index, None, _input_format(formats, style, key))
        sheet.write_string(r, col["id"], row.local_id, text)
        texts = row_texts[offset]
        for key, value in texts.items():
            sheet.write_string(r, col[key], value, text)
        heights.fit(r, [(value, widths[col[key]]) for key, value in texts.items()], style)
        if row.objective is not None and row.objective.weight != 1:
            sheet.write_number(r, col["weight"], row.objective.weight, formats(style, locked=False))
        if row.key_result is not None:
            _write_key_result_numbers(sheet, formats, row.key_result, r, col, dates, check_in_cols)
        if row.is_objective:
            sheet.write_blank(r, col["current"], None, formats("formula"))
        cached = _cached_results(row, assessments.get(row.local_id), col, helpers, dates, period=period,
                                 lang=lang)  # fmt: skip
        for column, formula, cell_format in formulas.for_row(row):
            sheet.write_formula(r, column, _at_row(formula, r), cell_format, cached[column])

    _define_unsure(formats.workbook, sheet.name, col, first, last, helpers.last + 1)
    printed = col[layout.PRINTED_UNTIL] + 1
    page.set_up_pages(
        sheet, widths[:printed], heights.down_to(last), repeat_to=header_row, repeat_columns=col["title"],
        column_starts=[check_in_cols[0] if key == layout.CHECK_INS else col[key] for key in layout.PAGE_STARTS],
        row_starts=[first + offset for offset, row in enumerate(rows) if row.is_objective],
    )  # fmt: skip
    _validations(sheet, col, first, last, period)
    _grade_formats(sheet, formats, col, first, last, method)
    sheet.freeze_panes(first, 2)
    sheet.protect("", {
        "insert_rows": True, "delete_rows": True, "format_columns": True, "format_rows": True,
        "select_locked_cells": True, "select_unlocked_cells": True,
    })  # fmt: skip
    return {key: text for key, text in columns if not key.startswith(layout.CHECK_INS)}


def _define_unsure(workbook, sheet_name: str, col: dict[str, int], first: int, last: int, width: int) -> None:
    """The defined name okrxl_unsure over the OKR table (okrxl.excel.sheet_formulas.unsure)."""
    name = quote_sheetname(sheet_name) + "!"
    whole = lambda key: name + _column_range(col[key], first, last)  # noqa: E731
    row = lambda r: f"{name}{xl_rowcol_to_cell(r, 0, True, True)}:{xl_rowcol_to_cell(r, width - 1, True, True)}"  # noqa: E731
    below = f"{name}{xl_rowcol_to_cell(last, 0, True, True)}:{xl_rowcol_to_cell(last + 1, width - 1, True, True)}"
    formula = sheet_formulas.unsure(ids=whole("id"), kinds=whole("kind"), mirrors=whole("kr_score"),
                                    weights=whole("weight"), last_row=row(last), below=below)  # fmt: skip
    workbook.define_name(layout.NAME_UNSURE, "=" + formula)


def _assessments(plan: TeamQuarter | None, *, period, as_of: dt.date, method: Method) -> dict:
    """okrxl's own assessment of each objective and key result by local id, and of the team under ""."""
    if plan is None:
        return {}
    team_assessed = assess_team(plan, period=period, as_of=as_of, method=method)
    assessments: dict[str, object] = {"": team_assessed}
    for assessed in team_assessed.objectives:
        assessments[assessed.objective.id] = assessed
        for kr_assessed in assessed.key_results:
            assessments[kr_assessed.key_result.id] = kr_assessed
    return assessments


def _cached(value):
    """A formula's cached result: what okrxl computed, "" for nothing."""
    return "" if value is None else value


@dataclass(frozen=True)
class _HelperColumns:
    """The hidden columns right of the table: each check-in, the baseline and the target as okrxl reads
    them, and the newest usable check-in date (okrxl.excel.sheet_formulas)."""

    first: int
    check_ins: int

    @classmethod
    def right_of(cls, table_columns: int, check_ins: int) -> _HelperColumns:
        return cls(first=table_columns, check_ins=check_ins)

    def value(self, index: int) -> int:
        return self.first + index

    @property
    def baseline(self) -> int:
        return self.first + self.check_ins

    @property
    def target(self) -> int:
        return self.baseline + 1

    @property
    def newest(self) -> int:
        return self.baseline + 2

    @property
    def last(self) -> int:
        return self.newest


@dataclass(frozen=True)
class _TableRanges:
    """Absolute ranges of the table's data rows, by column key."""

    ids: str
    titles: str
    kinds: str
    scores: str
    weights: str
    mirrored_scores: str
    mirrored_statuses: str
    id_column: int
    header_row: int

    def ids_above(self, r: int) -> str:
        """The id cells from the table's header down to the row above `r`: the header is no id."""
        header = xl_rowcol_to_cell(self.header_row, self.id_column, True, True)
        return f"{header}:{xl_rowcol_to_cell(r - 1, self.id_column)}"

    @classmethod
    def of(cls, col: dict[str, int], first: int, last: int) -> _TableRanges:
        whole = lambda key: _column_range(col[key], first, last)  # noqa: E731
        return cls(ids=whole("id"), titles=whole("title"), kinds=whole("kind"), scores=whole("score"),
                   weights=whole("weight"), mirrored_scores=whole("kr_score"),
                   mirrored_statuses=whole("kr_status"), id_column=col["id"], header_row=first - 1)  # fmt: skip


def _write_header_dates(sheet, formats: _Formats, check_in_cols, dates, header_row: int, period) -> None:
    """The row above the header (the caller hides it): each check-in column's date as okrxl reads it."""
    row = header_row - 1
    for index, (column, day) in enumerate(zip(check_in_cols, dates)):
        header = xl_rowcol_to_cell(header_row, column, row_abs=True)
        earlier = (
            f"{xl_rowcol_to_cell(row, check_in_cols[0], True, True)}:{xl_rowcol_to_cell(row, column - 1, True, True)}"
            if index
            else None
        )
        cached = sheet_formulas.serial(day) if day in period else 0
        sheet.write_formula(row, column, "=" + sheet_formulas.header_date(header, earlier, period),
                            formats("formula"), cached)  # fmt: skip


def _write_key_result_numbers(sheet, formats: _Formats, kr: KeyResult, r, col, dates, check_in_cols) -> None:
    """A key result's numbers and dates; its texts are `_row_texts`."""
    number = formats("key_result", locked=False)
    date = formats("key_result", locked=False, num_format=DATE_FORMAT)
    share = formats("key_result", locked=False, num_format="0%")
    write_value(sheet, r, col["baseline"], kr.baseline, number)
    write_value(sheet, r, col["target"], kr.target, number)
    write_value(sheet, r, col["due"], kr.due, date)
    if kr.weight != 1:
        sheet.write_number(r, col["weight"], kr.weight, number)
    if kr.depends_on:
        needed = next((d.needed_by for d in kr.depends_on if d.needed_by), None)
        write_value(sheet, r, col["needed_by"], needed, date)
    by_date = {c.date: c for c in kr.check_ins}
    value_format = share if kr.kind.is_completion else number
    for d, index in zip(dates, check_in_cols):
        check_in = by_date.get(d)
        if check_in is not None and check_in.value is not None:
            sheet.write_number(r, index, check_in.value, value_format)


_TEMPLATE_ROW = 1_048_575
"""The last row of a sheet (0-based): the formulas of a row are made once, at this row, and moved to each
row by replacing its number (1048576) and the number of the row above (1048575), which no okrxl formula
otherwise holds. Making them for each row was a third of `okrxl generate`'s time."""


def _at_row(formula: str, r: int) -> str:
    return formula.replace(str(_TEMPLATE_ROW + 1), str(r + 1)).replace(str(_TEMPLATE_ROW), str(r))


@dataclass(frozen=True)
class _RowFormulas:
    """The formulas of an objective row and of a key result row (okrxl.excel.sheet_formulas), at `_TEMPLATE_ROW`:
    (column, formula, cell format) each. Every row gets the hidden helpers right of the table, since a
    sorted table may bring a key result to any row."""

    objective: tuple[tuple[int, str, object], ...]
    key_result: tuple[tuple[int, str, object], ...]

    def for_row(self, row: _Row) -> tuple[tuple[int, str, object], ...]:
        return self.objective if row.is_objective else self.key_result

    @classmethod
    def of(cls, col, helpers: _HelperColumns, check_in_cols, header_row: int, ranges: _TableRanges, *,
           method: Method, period, lang: Lang, plain, score) -> _RowFormulas:  # fmt: skip
        r = _TEMPLATE_ROW
        cell = lambda key, col_abs=False: xl_rowcol_to_cell(r, col[key], col_abs=col_abs)  # noqa: E731
        here = lambda column: xl_rowcol_to_cell(r, column)  # noqa: E731
        dates = f"{xl_rowcol_to_cell(header_row - 1, check_in_cols[0], True, True)}:" \
                f"{xl_rowcol_to_cell(header_row - 1, check_in_cols[-1], True, True)}"  # fmt: skip
        values = f"{here(helpers.value(0))}:{here(helpers.value(helpers.check_ins - 1))}"
        score_format = score
        helper_formulas = [
            *((helpers.value(i), sheet_formulas.check_in_value(here(c), cell("kind_no")), plain)
              for i, c in enumerate(check_in_cols)),
            (helpers.baseline, sheet_formulas.baseline_value(cell("baseline")), plain),
            (helpers.target, sheet_formulas.target_value(cell("target")), plain),
            (helpers.newest, sheet_formulas.newest_date(dates, values), plain),
            (col["kind_no"], _kind_no_formula(cell("kind")), plain),
        ]  # fmt: skip
        row_id = cell("id", col_abs=True)
        repeated = sheet_formulas.repeated(row_id=row_id, ids_above=ranges.ids_above(r))
        common = dict(objective_id=row_id, title=cell("title", col_abs=True), ids=ranges.ids, kinds=ranges.kinds,
                      repeated=repeated)  # fmt: skip
        objective = [
            *helper_formulas,
            (col["score"], sheet_formulas.objective_score(
                **common, scores=ranges.mirrored_scores, weights=ranges.weights), score_format),
            (col["status"], sheet_formulas.objective_status(
                **common, statuses=ranges.mirrored_statuses, lang=lang), plain),
        ]  # fmt: skip
        row_cells = dict(kind=cell("kind"), title=cell("title"), kind_no=cell("kind_no"))
        orphan = sheet_formulas.orphan(row_id=cell("id"), ids=ranges.ids, titles=ranges.titles)
        key_result = [
            *helper_formulas,
            (col["current"], sheet_formulas.current(
                kind=cell("kind"), dates=dates, values=values, newest=here(helpers.newest)), plain),
            (col["score"], sheet_formulas.score(
                **row_cells, baseline=here(helpers.baseline), target=here(helpers.target), current=cell("current"),
                dates=dates, values=values, refused=f"OR({orphan},{repeated})"), score_format),
            (col["status"], sheet_formulas.status(
                **row_cells, score=cell("score"), current=cell("current"), due=cell("due"),
                confidence=cell("confidence"), dates=dates, values=values, method=method, period=period,
                lang=lang), plain),
            (col["kr_score"], sheet_formulas.kr_score_mirror(cell("score")), plain),
            (col["kr_status"], cell("status"), plain),
        ]  # fmt: skip
        return cls(objective=tuple(objective), key_result=tuple(key_result))


def _cached_results(row: _Row, assessed, col, helpers: _HelperColumns, dates, *, period,
                    lang: Lang) -> dict[int, object]:  # fmt: skip
    """What okrxl computed for each formula of the row: the formulas' cached results, by column."""
    kr = row.key_result
    by_date = {c.date: c.value for c in kr.check_ins} if kr else {}
    newest = assessed.last_check_in if assessed is not None and not row.is_objective else None
    score = _cached(assessed.score if assessed else None)
    status = _status_word(assessed.status, lang) if assessed else ""
    return {
        **{helpers.value(i): _cached(by_date.get(d) if d in period else None) for i, d in enumerate(dates)},
        helpers.baseline: _cached(kr.baseline if kr else None),
        helpers.target: _cached(kr.target if kr else None),
        helpers.newest: sheet_formulas.serial(newest) if newest else 0,
        col["kind_no"]: _kind_no(kr) if kr else 0,
        col["current"]: _cached(assessed.current if assessed and not row.is_objective else None),
        col["score"]: score,
        col["status"]: status,
        col["kr_score"]: "-" if score == "" else score,
        col["kr_status"]: status,
    }


def _row_texts(row: _Row, above: Sequence[Objective], lang: Lang) -> dict[str, str]:
    """The texts of a row of the OKR table as the team would have typed them, by column key (not the id); the
    links chosen from `above`, the objectives aligned to (the strategy's, or a person's team's)."""
    texts: dict[str, str | None] = {}
    if row.objective is not None:
        objective = row.objective
        labels = [_choice(above, target) for target in objective.aligned_to]
        texts = {
            "title": objective.title,
            "aligned_to": labels[0] if labels else None,
            "also_aligned_to": labels[1] if len(labels) == 2 else ", ".join(objective.aligned_to[1:]),
            "owner": objective.owner,
            "carried": layout.carried_text(objective.carried) if objective.carried else None,
        }
    if row.key_result is not None:
        kr = row.key_result
        newest = next((c for c in reversed(kr.check_ins) if c.confidence or c.note), None)
        texts = {
            "title": kr.title,
            "kind": _kind_text(kr, lang),
            "commitment": layout.COMMITMENT_WORDS[kr.commitment](lang),
            "feeds": _key_result_choice(above, kr.feeds) if kr.feeds else None,
            "owner": kr.owner,
            "unit": kr.unit,
            "depends_on": ", ".join(d.key_result_id for d in kr.depends_on),
            "confidence": layout.CONFIDENCE_WORDS[newest.confidence](lang) if newest and newest.confidence else None,
            "note": newest.note if newest else None,
            "miss_reason": kr.miss_reason,
            "comment": kr.comment,
            "carried": layout.carried_text(kr.carried) if kr.carried else None,
        }
    return {key: str(value) for key, value in texts.items() if value not in (None, "")}


def _column_range(col: int, first: int, last: int) -> str:
    return f"{xl_rowcol_to_cell(first, col, True, True)}:{xl_rowcol_to_cell(last, col, True, True)}"


def _choice(above: Sequence[Objective], objective_id: str) -> str:
    objective = next((o for o in above if o.id == objective_id), None)
    return layout.choice_label(objective_id, objective.title) if objective else objective_id


def _key_result_choice(above: Sequence[Objective], kr_id: str) -> str:
    kr = next((kr for o in above for kr in o.key_results if kr.id == kr_id), None)
    return layout.choice_label(kr_id, kr.title) if kr else kr_id


def _status_word(status: Status, lang: Lang) -> str:
    return layout.STATUS_WORDS[status](lang)


def _kind_no_formula(kind: str) -> str:
    """1..8 in the order of layout.KIND_WORDS, whichever language the kind is written in; 0 for none."""
    return f"IFERROR(MOD(MATCH(TRIM({kind}),okrxl_kind_match,0)-1,8)+1,0)"


def _kind_no(kr: KeyResult) -> int:
    """What the kind_no formula gives for `kr`: its place in layout.KIND_WORDS, from 1."""
    for number, (kind, side, _) in enumerate(layout.KIND_WORDS.values(), start=1):
        if kind is kr.kind and (kind is not KeyResultKind.MAINTAIN or side is kr.side):
            return number
    raise KeyError(kr.kind)


def _date_validation(period) -> dict:
    """A date from a year before the quarter to two years after it (a date typed without a year may take the
    clock's year; rollover keeps due dates)."""
    earliest = dt.datetime.combine(period.start - dt.timedelta(days=366), dt.time())
    latest = dt.datetime.combine(period.end + dt.timedelta(days=731), dt.time())
    return {"validate": "date", "criteria": "between", "minimum": earliest, "maximum": latest,
            "error_type": "stop", "input_title": "yyyy-mm-dd",
            "error_message": "A date, e.g. 2027-03-15 / Ett datum, t.ex. 2027-03-15"}  # fmt: skip


def _validations(sheet, col: dict[str, int], first: int, last: int, period) -> None:
    def validate(key: str, options: dict) -> None:
        sheet.data_validation(first, col[key], last, col[key], {"ignore_blank": True, **options})

    for key, name in (("kind", layout.NAME_KINDS), ("commitment", layout.NAME_COMMITMENTS),
                      ("aligned_to", layout.NAME_OBJECTIVES), ("also_aligned_to", layout.NAME_OBJECTIVES),
                      ("feeds", layout.NAME_KEY_RESULTS), ("confidence", layout.NAME_CONFIDENCES)):  # fmt: skip
        validate(key, {"validate": "list", "source": f"={name}", "error_type": "warning",
                       "error_message": CHOICE_ERROR})  # fmt: skip
    for key in ("due", "needed_by"):
        validate(key, _date_validation(period))
    for key in ("baseline", "target", "weight"):
        validate(key, {"validate": "decimal", "criteria": "between", "minimum": -1e12, "maximum": 1e12,
                       "error_type": "warning", "error_message": "A number / Ett tal (X: not set yet)"})  # fmt: skip


def _grade_formats(sheet, formats: _Formats, col: dict[str, int], first: int, last: int, method: Method) -> None:
    """Traffic lights on score and status by grade, with the committed thresholds where committed, of the
    score as shown (ROUND(score, 2), as okrxl.core.scoring.shown_score)."""
    score = f"${xl_col_to_name(col['score'])}{first + 1}"
    commitment = f"${xl_col_to_name(col['commitment'])}{first + 1}"
    committed = "OR(" + ",".join(f'{commitment}="{w}"' for w in layout.COMMITMENT_WORDS[Commitment.COMMITTED]) + ")"
    green = f"IF({committed},1,{method.aspirational_green})"
    yellow = f"IF({committed},{method.committed_yellow},{method.aspirational_yellow})"
    target = f"{xl_rowcol_to_cell(first, col['score'])}:{xl_rowcol_to_cell(last, col['status'])}"
    for criteria, style in (
        (f"=AND(ISNUMBER({score}),ROUND({score},2)>={green}-{EPSILON})", "green"),
        (f"=AND(ISNUMBER({score}),ROUND({score},2)>={yellow}-{EPSILON})", "yellow"),
        (f"=ISNUMBER({score})", "red"),
    ):
        fill = formats.template.styles[style]
        fmt = formats.workbook.add_format({"bg_color": fill.fill or "#FFFFFF", "font_color": fill.font_color})
        sheet.conditional_format(target, {"type": "formula", "criteria": criteria, "format": fmt, "stop_if_true": True})


# --- the initiatives ------------------------------------------------------------------------------------

KEY_RESULT_LIST_ROOM = 20
"""Rows below the OKR table's own that the list of the team's key results looks at too: rows a team types
just below the table (which okrxl reads)."""
CHOICE_ERROR = "Choose from the list / Välj ur listan"
YES, NO = layout.Words("ja", "yes"), layout.Words("nej", "no")
"""What okrxl writes for a yes/no setting (the reader takes layout.YES_WORDS and NO_WORDS)."""


def _team_lists(workbook, sheet, column: int, okr_sheet: str, rows: Sequence[_Row], lang: Lang) -> None:
    """A team workbook's own lists, from `column` of the lists sheet on: the initiative states, and the ids of
    the key results the team has written in its OKR table (`rows`, as written).

    The ids are formulas on the OKR table, so that the initiatives' dropdown follows what the team types: a
    hidden helper gives the place in the table of each key result row with a title, and the list gathers
    those rows' ids, in table order and without gaps (SMALL skips the helper's empty texts). Only Excel 2007
    functions, as the OKR sheet's formulas. The cached results are the ids of the key results written."""
    states = [words(lang) for words in INITIATIVE_STATE_WORDS.values()]
    letter = xl_col_to_name(column)
    lists = quote_sheetname(sheet.name)
    sheet.write_string(0, column, layout.NAME_INITIATIVE_STATES)
    for row, word in enumerate(states, start=1):
        sheet.write_string(row, column, word)
    workbook.define_name(layout.NAME_INITIATIVE_STATES, f"={lists}!${letter}$2:${letter}${len(states) + 1}")

    first = TITLE_ROWS + 1  # the OKR table's first row (0-based), as _write_okr_table writes it
    count = len(rows) + KEY_RESULT_LIST_ROOM
    okr = quote_sheetname(okr_sheet)
    id_col, title_col = (next(i for i, c in enumerate(layout.TEAM_COLUMNS) if c.key == key) for key in ("id", "title"))
    ids, titles = (f"{okr}!{_column_range(c, first, first + count - 1)}" for c in (id_col, title_col))
    places, names = column + 1, column + 2
    helper = _column_range(places, 1, count)
    sheet.write_string(0, places, "okrxl_key_result_rows")
    sheet.write_string(0, names, layout.NAME_TEAM_KEY_RESULTS)
    written = [k for k, row in enumerate(rows, start=1) if row.key_result is not None]
    for k in range(1, count + 1):
        place = f'IFERROR(IF(AND(ISNUMBER(FIND(".",INDEX({ids},{k}))),TRIM(INDEX({titles},{k}))<>""),{k},""),"")'
        sheet.write_formula(k, places, "=" + place, None, k if k in written else "")
        name = f'IF(COUNT({helper})>={k},TRIM(INDEX({ids},SMALL({helper},{k}))),"")'
        sheet.write_formula(k, names, "=" + name, None, rows[written[k - 1] - 1].local_id if k <= len(written) else "")
    letter = xl_col_to_name(names)
    workbook.define_name(layout.NAME_TEAM_KEY_RESULTS, f"={lists}!${letter}$2:${letter}${count + 1}")


_INITIATIVE_ROLES = {c.key: c.role for c in layout.INITIATIVE_COLUMNS}


def _initiative_ids(initiatives: Sequence[Initiative]) -> list[str]:
    """The ids of the initiatives table's rows: the initiatives', then free ones (`I6` ...) up to at least
    INITIATIVE_ROOM rows, and five rows to fill in when there are more initiatives than that."""
    ids = [i.id for i in initiatives]
    taken, number = set(ids), 1
    while len(ids) < max(layout.INITIATIVE_ROOM, len(initiatives) + 5):
        if f"I{number}" not in taken:
            ids.append(f"I{number}")
        number += 1
    return ids


def _initiative_texts(initiative: Initiative, lang: Lang) -> dict[str, str]:
    """The texts of an initiative's row as the team would have typed them, by column key (not the id)."""
    carried = initiative.carried
    texts = {
        "title": initiative.title,
        "owner": initiative.owner,
        "serves": ", ".join(initiative.serves),
        "state": INITIATIVE_STATE_WORDS[initiative.state](lang),
        "note": initiative.note,
        "carried": None if carried is None else (
            layout.carried_initiative_text(carried) if carried.score is None else layout.carried_text(carried)),
    }  # fmt: skip
    return {key: value for key, value in texts.items() if value}


def _write_initiatives(
    sheet, formats: _Formats, template: Template, *, title: str, lang: Lang, plan: TeamQuarter | None,
    page: _Page, period,
) -> dict[str, str]:  # fmt: skip
    """The Initiatives sheet: its `title`, what an initiative is, and the table `initiatives` with a row per
    initiative of `plan` and rows with ids to fill in. Nothing on it is a formula, so it is not protected:
    every cell is input, and a team may add rows below the table. Returns the headers by template label key."""
    keys = [c.key for c in layout.INITIATIVE_COLUMNS]
    labels = [template.label(layout.INITIATIVE_LABELS[key], lang) for key in keys]
    col = {key: index for index, key in enumerate(keys)}
    items = plan.initiatives if plan else ()
    ids = _initiative_ids(items)
    row_texts = [_initiative_texts(i, lang) for i in items] + [{}] * (len(ids) - len(items))
    widths = [template.widths.get(layout.INITIATIVE_LABELS[key], 10) for key in keys]
    for key, label in zip(keys, labels):
        if _INITIATIVE_ROLES[key] in ("text", "choice"):
            texts = [label, *(texts[key] for texts in row_texts if key in texts)]
            widths[col[key]] = _widened(widths[col[key]], texts, template)
    text = formats("key_result", locked=False, quote_prefix=True, text_wrap=True)
    date = formats("key_result", locked=False, num_format=DATE_FORMAT)
    for key, index in col.items():
        sheet.set_column(index, index, widths[index], date if _INITIATIVE_ROLES[key] == "date" else text)
    heights = _Heights(sheet, template)
    # As on the OKR sheet, the title is in the title column, wrapped: no merged cells where teams type.
    sheet.write_string(0, col["title"], title, formats("title", text_wrap=True))
    heights.fit(0, [(title, widths[col["title"]])], "title")
    # What an initiative is, above the table: across the table where it prints one page wide, else across the
    # columns every page repeats, so that no page shows half a paragraph.
    scale = print_scale(widths, font_size=page.smallest, paper=WORKBOOK_PAPER, landscape=True)
    room = printable(WORKBOOK_PAPER, landscape=True)[0] * FILL
    one_page = sum(column_points(w) for w in widths) * scale / 100 <= room
    span = len(keys) if one_page else col["title"] + 1
    paragraphs = template.instructions["initiatives"]
    note = formats("key_result", italic=True, text_wrap=True)
    for row, words in enumerate(paragraphs, start=1):
        sheet.merge_range(row, 0, row, span - 1, words(lang), note)
        heights.fit(row, [(words(lang), sum(widths[:span]))])
    header_row = len(paragraphs) + 2
    first, last = header_row + 1, header_row + len(ids)
    sheet.add_table(header_row, 0, last, len(keys) - 1, {
        "name": layout.TABLE_INITIATIVES, "autofilter": False, "style": "Table Style Light 1",
        "columns": [{"header": label, "header_format": formats("header", text_wrap=True)} for label in labels],
    })  # fmt: skip
    heights.fit(header_row, list(zip(labels, widths)), "header")
    for offset, (item_id, texts) in enumerate(zip(ids, row_texts)):
        r = first + offset
        sheet.write_string(r, col["id"], item_id, text)
        for key, value in texts.items():
            sheet.write_string(r, col[key], value, text)
        if offset < len(items) and items[offset].due is not None:
            write_value(sheet, r, col["due"], items[offset].due, date)
        heights.fit(r, [(value, widths[col[key]]) for key, value in texts.items()])
    # Rows typed below the table get the dropdowns too (Excel extends the table over them, LibreOffice does not).
    below = last + layout.INITIATIVE_ROOM
    hint = template.label("serves_hint", lang)
    sheet.data_validation(first, col["serves"], below, col["serves"], {
        "validate": "list", "source": f"={layout.NAME_TEAM_KEY_RESULTS}", "ignore_blank": True,
        "show_error": False,  # several ids typed (`O1.1, O2.2`) are no item of the list, and welcome
        "input_title": labels[col["serves"]][:32], "input_message": hint[:255],
    })  # fmt: skip
    sheet.data_validation(first, col["state"], below, col["state"], {
        "validate": "list", "source": f"={layout.NAME_INITIATIVE_STATES}", "ignore_blank": True,
        "error_type": "warning", "error_message": CHOICE_ERROR,
    })  # fmt: skip
    sheet.data_validation(first, col["due"], below, col["due"], {"ignore_blank": True, **_date_validation(period)})
    page.set_up_pages(sheet, widths, heights.down_to(last), repeat_to=header_row, repeat_columns=col["title"])
    sheet.freeze_panes(first, col["title"] + 1)
    return {layout.INITIATIVE_LABELS[key]: label for key, label in zip(keys, labels)}


# --- the strategy sheet in team workbooks, and the strategy workbook ----------------------------------


def _strategy_sheet(workbook, formats: _Formats, template: Template, strategy: Strategy, lang: Lang, page: _Page):
    """The strategy, read-only, as the teams see it."""
    sheet = workbook.add_worksheet(layout.SHEET_STRATEGY(lang))
    captions = [(template.label("vision", lang), strategy.vision), (template.label("mission", lang), strategy.mission)]
    title = fill(template.label("strategy_title", lang), year=strategy.year, company=strategy.company)
    keys = ["id", "title", "kind", "commitment", "unit", "baseline", "target", "owner"]
    _objectives_view(sheet, formats, template, lang, page, keys=keys, objectives=strategy.objectives, title=title,
                     captions=captions, note=template.label("read_only", lang))  # fmt: skip
    return sheet


def _team_okrs_sheet(workbook, formats: _Formats, template: Template, whose: _Whose, quarter: Quarter, lang: Lang,
                     page: _Page) -> None:  # fmt: skip
    """In a person's workbook: the team's OKRs, read-only, which the person's objectives align to."""
    sheet = workbook.add_worksheet(layout.SHEET_TEAM_OKRS(lang))
    title = fill(template.label("okrs_title", lang), team=whose.team.name, quarter=quarter)
    keys = ["id", "title", "aligned_to", "kind", "commitment", "unit", "baseline", "target", "owner"]
    _objectives_view(sheet, formats, template, lang, page, keys=keys, objectives=whose.above, title=title,
                     captions=(), note=template.label("team_okrs_read_only", lang))  # fmt: skip


def _view_values(item: Objective | KeyResult, keys: Sequence[str], lang: Lang) -> list:
    """An objective's or key result's values on a read-only sheet of OKRs, in the order of `keys`."""
    if isinstance(item, Objective):
        values = {"id": item.id, "title": item.title, "aligned_to": ", ".join(item.aligned_to) or None,
                  "owner": item.owner}  # fmt: skip
    else:
        values = {"id": item.id, "title": item.title, "kind": _kind_text(item, lang),
                  "commitment": layout.COMMITMENT_WORDS[item.commitment](lang), "unit": item.unit,
                  "baseline": item.baseline, "target": "X" if item.has_placeholder_target else item.target,
                  "owner": item.owner}  # fmt: skip
    return [values.get(key) for key in keys]


def _objectives_view(
    sheet, formats: _Formats, template: Template, lang: Lang, page: _Page, *, keys: Sequence[str],
    objectives: Sequence[Objective], title: str, captions: Sequence[tuple[str, str]], note: str,
) -> None:  # fmt: skip
    """A read-only sheet of objectives and their key results, a row each with the columns `keys`, under
    `title` and the (caption, text) rows of `captions`, with `note` below."""
    items = []  # (style, the row's values) of every objective and key result
    for objective in objectives:
        items.append(("objective", _view_values(objective, keys, lang)))
        items += [("key_result", _view_values(kr, keys, lang)) for kr in objective.key_results]
    widths = [template.widths.get(key, 10) for key in keys]
    widths[keys.index("title")] = 60
    for index, key in enumerate(keys):
        if key != "title":
            texts = [template.label(key, lang), *(v[index] for _, v in items if isinstance(v[index], str))]
            widths[index] = _widened(widths[index], texts + ([c for c, _ in captions] if key == "id" else []),
                                     template)  # fmt: skip
        sheet.set_column(index, index, widths[index])
    heights = _Heights(sheet, template)
    wrap = formats("key_result", text_wrap=True)
    _title(sheet, heights, title, formats, widths[:2])
    for row, (caption, text) in enumerate(captions, start=2):
        sheet.write_string(row, 0, caption, formats("header"))
        sheet.merge_range(row, 1, row, len(keys) - 1, text, wrap)
        heights.fit(row, [(text, sum(widths[1:]))])
    header_row = 3 + len(captions) if captions else 2
    for index, key in enumerate(keys):
        sheet.write_string(header_row, index, template.label(key, lang), formats("header", text_wrap=True))
    heights.fit(header_row, [(template.label(key, lang), width) for key, width in zip(keys, widths)], "header")
    objective_rows = []
    for row, (style, values) in enumerate(items, start=header_row + 1):
        fmt = formats(style, text_wrap=True)
        for index, value in enumerate(values):
            write_value(sheet, row, index, value, fmt)
        heights.fit(row, [(v, w) for v, w in zip(values, widths) if isinstance(v, str)], style)
        if style == "objective":
            objective_rows.append(row)
    row = header_row + len(items) + 2
    sheet.merge_range(row, 0, row, len(keys) - 1, note, formats("key_result", italic=True, text_wrap=True))
    heights.fit(row, [(note, sum(widths))])
    page.set_up_pages(sheet, widths, heights.down_to(row), repeat_to=header_row, repeat_columns=1,
                      row_starts=objective_rows)  # fmt: skip
    sheet.protect("", {"select_locked_cells": True})


def _last_quarter_sheet(
    workbook, formats: _Formats, template: Template, lang: Lang, page: _Page, plan: TeamQuarter,
    assessment: TeamAssessment,
) -> None:  # fmt: skip
    """Every objective and key result of last quarter with its final score, and whether it was carried over."""
    sheet = workbook.add_worksheet(layout.SHEET_LAST_QUARTER(lang))
    keys = ["id", "title", "score", "status", "outcome"]
    widths = [8, 60, 9, 14, 16]
    for index, width in enumerate(widths):
        sheet.set_column(index, index, width)
    heights = _Heights(sheet, template)
    _title(sheet, heights, fill(template.label("last_quarter_title", lang), team=plan.name, quarter=plan.quarter),
           formats, widths[:2])  # fmt: skip
    note = template.label("last_quarter_note", lang)
    sheet.merge_range(1, 0, 1, len(keys) - 1, note, formats("key_result", italic=True, text_wrap=True))
    heights.fit(1, [(note, sum(widths))])
    for index, key in enumerate(keys):
        sheet.write_string(3, index, template.label(key, lang), formats("header", text_wrap=True))
    heights.fit(3, [(template.label(key, lang), width) for key, width in zip(keys, widths)], "header")
    row = 4
    objective_rows = []
    done_word, carried_word = layout.STATUS_WORDS[Status.DONE](lang), template.label("carried_over", lang)
    for assessed in assessment.objectives:
        items = [(assessed.objective, assessed, "objective")] + [
            (kr_assessed.key_result, kr_assessed, "key_result") for kr_assessed in assessed.key_results
        ]
        objective_rows.append(row)
        for item, item_assessed, style in items:
            fmt = formats(style, text_wrap=True)
            outcome = done_word if item_assessed.status is Status.DONE else carried_word
            values = [item.id, item.title, item_assessed.score, _status_word(item_assessed.status, lang), outcome]
            for index, value in enumerate(values):
                write_value(sheet, row, index, value, formats(style, num_format="0.00") if index == 2 else fmt)
            heights.fit(row, [(v, w) for v, w in zip(values, widths) if isinstance(v, str)], style)
            row += 1
    page.set_up_pages(sheet, widths, heights.down_to(max(row - 1, 3)), repeat_to=3, repeat_columns=1,
                      row_starts=objective_rows)  # fmt: skip
    sheet.protect("", {"select_locked_cells": True})


def _label_formula(label: str, cells: dict[str, str]) -> str:
    """template.fill as a formula: `label` with its fields taken from `cells` (field: a cell reference), so
    that it follows what is typed there."""

    def joined(text: str) -> str:
        pieces = FIELD.split(text)  # text, field, text, field ...
        parts = [f"TRIM({cells[p]})" if i % 2 and p in cells else _string(f"{{{p}}}" if i % 2 else p)
                 for i, p in enumerate(pieces) if p]  # fmt: skip
        return "&".join(parts) or '""'

    parts = []
    for index, part in enumerate(OPTIONAL.split(label)):
        empty = [f'TRIM({cells[name]})=""' for name in FIELD.findall(part) if name in cells] if index % 2 else []
        if empty:
            parts.append(f'IF(OR({",".join(empty)}),"",{joined(part)})')
        elif part:
            parts.append(joined(part))
    return "&".join(parts) or '""'


def _string(text: str) -> str:
    """A text in a formula, in pieces of at most 255 characters, as Excel wants them."""
    return "&".join('"' + text[i : i + 255].replace('"', '""') + '"' for i in range(0, max(len(text), 1), 255))


def _live_title(sheet, heights: _Heights, label: str, cells: dict[str, str], values: dict, formats: _Formats,
                widths: Sequence[float]) -> None:  # fmt: skip
    """A sheet's title (as `_title`) that follows the cells a person fills in (the company's name): a formula on
    them, showing the title okrxl would write until the app recalculates it. It is in the rows printed on every
    page, where a header, which cannot show a cell, could not follow the company's name. It has room for a
    line more while a field is empty."""
    text = fill(label, **values)
    _merged_title(sheet, widths, text, formats)
    sheet.write_formula(0, 0, "=" + _label_formula(label, cells), formats("title", text_wrap=True), text)
    look = heights.styles["title"]
    lines = text_lines(text, sum(widths), font_size=look.font_size, bold=look.bold)
    heights.set(0, row_points(lines + any(str(v).strip() == "" for v in values.values()), look.font_size))


def write_strategy_workbook(path: Path, *, strategy: Strategy, template: Template, lang: Lang) -> None:
    """The leadership's workbook: settings, teams, strategic OKRs with the year's check-in columns."""
    page = _Page.of((template.label("strategy_header", lang),), template, lang)
    workbook = _open_workbook(path)
    formats = _Formats(workbook, template)
    _instructions_sheet(workbook, formats, template, "strategy", lang, page)
    settings = workbook.add_worksheet(layout.SHEET_SETTINGS(lang))
    teams = workbook.add_worksheet(layout.SHEET_TEAMS(lang))
    people = workbook.add_worksheet(layout.SHEET_PEOPLE(lang))
    okrs = workbook.add_worksheet(layout.SHEET_STRATEGIC_OKRS(lang))
    _lists_sheet(workbook, strategy, lang)
    headers = {}
    setting_rows = {key: 3 + index for index, (key, _) in enumerate(layout.SETTINGS)}
    cells = {key: f"{quote_sheetname(settings.name)}!{xl_rowcol_to_cell(setting_rows[key], 1, True, True)}"
             for key in ("company", "year")}  # fmt: skip
    values = {"company": strategy.company, "year": strategy.year}

    text = formats("key_result", locked=False, quote_prefix=True, text_wrap=True)
    number = formats("key_result", locked=False)
    widths = [template.widths.get("setting", 42), template.widths.get("value", 60)]
    for index, width in enumerate(widths):
        settings.set_column(index, index, width)
    heights = _Heights(settings, template)
    _live_title(settings, heights, template.label("settings_title", lang), cells, values, formats, widths)
    settings_values = _settings_values(strategy, lang)
    settings.add_table(2, 0, 2 + len(layout.SETTINGS), 1, {
        "name": layout.TABLE_SETTINGS, "autofilter": False, "style": "Table Style Light 1",
        "columns": [{"header": template.label(k, lang), "header_format": formats("header")}
                    for k in ("setting", "value")],
    })  # fmt: skip
    for key, label in layout.SETTINGS:
        row, value = setting_rows[key], settings_values[key]
        settings.write_string(row, 0, label(lang), formats("key_result", text_wrap=True))
        write_value(settings, row, 1, value, text if isinstance(value, str) else number)
        heights.fit(row, [(label(lang), widths[0]), (value if isinstance(value, str) else "", widths[1])])
    for key in layout.BOOLEAN_SETTINGS:
        settings.data_validation(setting_rows[key], 1, setting_rows[key], 1, {
            "validate": "list", "source": [YES(lang), NO(lang)], "error_type": "warning", "ignore_blank": True,
            "error_message": CHOICE_ERROR,
        })  # fmt: skip
    headers.update({"setting": template.label("setting", lang), "value": template.label("value", lang)})
    page.set_up_pages(settings, widths, heights.down_to(2 + len(layout.SETTINGS)), repeat_to=2, landscape=False)
    settings.protect("", {"select_locked_cells": True, "format_columns": True})

    heights = _Heights(teams, template)
    widths = [template.widths.get(column.key, 16) if column.key != "id" else 16 for column in layout.TEAMS_COLUMNS]
    _live_title(teams, heights, template.label("teams_title", lang), cells, values, formats, widths)
    team_rows = max(20, len(strategy.teams) + 10)
    teams.add_table(2, 0, 2 + team_rows, 2, {
        "name": layout.TABLE_TEAMS, "autofilter": False, "style": "Table Style Light 1",
        "columns": [{"header": template.label(c.key, lang), "header_format": formats("header")}
                    for c in layout.TEAMS_COLUMNS],
    })  # fmt: skip
    for index, column in enumerate(layout.TEAMS_COLUMNS):
        teams.set_column(index, index, widths[index])
        headers[column.key] = template.label(column.key, lang)
    for row in range(3, 3 + team_rows):
        team = strategy.teams[row - 3] if row - 3 < len(strategy.teams) else None
        team_values = (team.id, team.name, team.lead) if team else ("", "", "")
        for index, value in enumerate(team_values):
            write_value(teams, row, index, value, text)
        heights.fit(row, [(value or "", width) for value, width in zip(team_values, widths)])
    page.set_up_pages(teams, widths, heights.down_to(2 + team_rows), repeat_to=2, landscape=False)
    teams.protect("", {"insert_rows": True, "delete_rows": True, "select_locked_cells": True})
    workbook.define_name(layout.NAME_TEAM_IDS, f"={quote_sheetname(teams.name)}!$A$4:$A${3 + team_rows}")
    headers.update(_people_sheet(people, formats, template, strategy, lang, page, cells, values))

    _write_strategic_okrs(okrs, formats, template, strategy, lang, headers, page, cells)
    meta_sheet(workbook, [
        (layout.META_SCHEMA, layout.SCHEMA_VERSION),
        (layout.META_WORKBOOK, layout.WORKBOOK_STRATEGY),
        (layout.META_LANG, lang),
        *((layout.META_HEADER_PREFIX + key, text) for key, text in headers.items()),
    ])  # fmt: skip
    okrs.activate()
    workbook.close()


def _strategic_texts(row: _Row, lang: Lang) -> dict[str, str]:
    """The texts of a row of the strategic OKRs, by column key (not the id)."""
    item = row.objective or row.key_result
    if item is None:
        return {}
    texts = {"title": item.title, "owner": item.owner}
    if row.key_result is not None:
        kr = row.key_result
        texts |= {"kind": _kind_text(kr, lang), "commitment": layout.COMMITMENT_WORDS[kr.commitment](lang),
                  "unit": kr.unit}  # fmt: skip
    return {key: value for key, value in texts.items() if value}


def _settings_values(strategy: Strategy, lang: Lang) -> dict[str, object]:
    """Each setting's value as written: a yes/no setting as the word (`ja`, `no`), which a person reads and
    types, where a boolean cell would show TRUE or SANT depending on the app's language."""
    method = strategy.method
    values: dict[str, object] = {
        "company": strategy.company, "vision": strategy.vision, "mission": strategy.mission,
        "year": strategy.year, "first_month": strategy.first_month,
    }  # fmt: skip
    values |= {key: getattr(method, key) for key, _ in layout.SETTINGS if hasattr(method, key)}
    values |= {key: (YES if values[key] else NO)(lang) for key in layout.BOOLEAN_SETTINGS}
    return values


def _people_sheet(sheet, formats: _Formats, template: Template, strategy: Strategy, lang: Lang, page: _Page,
                  cells: dict[str, str], values: dict) -> dict[str, str]:  # fmt: skip
    """The People sheet, laid out like Teams: who sets personal OKRs and in which team, with a dropdown of the
    ids in the Teams table (`okrxl_team_ids`), so that it offers the teams typed there later too. Returns the
    headers by column key."""
    heights = _Heights(sheet, template)
    widths = [template.widths.get(column.key, 16) if column.key != "id" else 16 for column in layout.PEOPLE_COLUMNS]
    _live_title(sheet, heights, template.label("people_title", lang), cells, values, formats, widths)
    note = template.label("people_note", lang)
    sheet.merge_range(1, 0, 1, len(widths) - 1, note, formats("key_result", italic=True, text_wrap=True))
    heights.fit(1, [(note, sum(widths))])
    rows = max(20, len(strategy.people) + 10)
    sheet.add_table(2, 0, 2 + rows, len(widths) - 1, {
        "name": layout.TABLE_PEOPLE, "autofilter": False, "style": "Table Style Light 1",
        "columns": [{"header": template.label(c.key, lang), "header_format": formats("header")}
                    for c in layout.PEOPLE_COLUMNS],
    })  # fmt: skip
    text = formats("key_result", locked=False, quote_prefix=True, text_wrap=True)
    for index, width in enumerate(widths):
        sheet.set_column(index, index, width)
    for row in range(3, 3 + rows):
        person = strategy.people[row - 3] if row - 3 < len(strategy.people) else None
        person_values = (person.id, person.name, person.team) if person else ("", "", "")
        for index, value in enumerate(person_values):
            write_value(sheet, row, index, value, text)
        heights.fit(row, [(value, width) for value, width in zip(person_values, widths)])
    team = [c.key for c in layout.PEOPLE_COLUMNS].index("team")
    sheet.data_validation(3, team, 2 + rows, team, {
        "validate": "list", "source": f"={layout.NAME_TEAM_IDS}", "error_type": "warning", "ignore_blank": True,
        "error_message": CHOICE_ERROR,
    })  # fmt: skip
    page.set_up_pages(sheet, widths, heights.down_to(2 + rows), repeat_to=2, landscape=False)
    sheet.protect("", {"insert_rows": True, "delete_rows": True, "select_locked_cells": True})
    return {c.key: template.label(c.key, lang) for c in layout.PEOPLE_COLUMNS}


def strategy_check_in_dates(strategy: Strategy) -> tuple[dt.date, ...]:
    """Every check-in date of the strategic year, plus any other date a strategic key result has."""
    dates = {
        d
        for number in (1, 2, 3, 4)
        for d in Quarter(strategy.year, number).check_in_dates(
            first_month=strategy.first_month, cadence_weeks=strategy.method.cadence_weeks
        )
    }
    dates |= {c.date for o in strategy.objectives for kr in o.key_results for c in kr.check_ins}
    return tuple(sorted(dates))


def _write_strategic_okrs(
    sheet, formats: _Formats, template: Template, strategy: Strategy, lang: Lang, headers, page: _Page,
    cells: dict[str, str],
) -> None:  # fmt: skip
    """The strategic OKRs, a row each, with a check-in column for every check-in date of the year."""
    dates = strategy_check_in_dates(strategy)
    keys = [c.key for c in layout.STRATEGIC_COLUMNS if c.key != layout.CHECK_INS]
    columns = [(key, template.label(key, lang)) for key in keys] + [
        (f"{layout.CHECK_INS}:{d.isoformat()}", d.isoformat()) for d in dates
    ]
    col = {key: index for index, (key, _) in enumerate(columns)}
    headers.update({key: text for key, text in columns if not key.startswith(layout.CHECK_INS)})
    rows = _rows(strategy.objectives, prefix="S")
    row_texts = [_strategic_texts(row, lang) for row in rows]
    widths = [template.widths.get(key.split(":", 1)[0], 10) for key, _ in columns]
    for key, header in columns[: len(keys)]:
        texts = [header, *(texts[key] for texts in row_texts if key in texts)]
        widths[col[key]] = _widened(widths[col[key]], texts, template)
    for index, width in enumerate(widths):
        sheet.set_column(index, index, width)
    heights = _Heights(sheet, template)
    _live_title(sheet, heights, template.label("strategic_okrs_title", lang), cells,
                {"company": strategy.company, "year": strategy.year}, formats, widths[: col["title"] + 1])  # fmt: skip
    header_row, first = 2, 3
    sheet.add_table(header_row, 0, header_row + len(rows), len(columns) - 1, {
        "name": layout.TABLE_STRATEGIC_OKRS, "autofilter": False, "style": "Table Style Light 1",
        "columns": [{"header": text, "header_format": formats("header", text_wrap=True)} for _, text in columns],
    })  # fmt: skip
    heights.fit(header_row, [(text, width) for (_, text), width in zip(columns, widths)], "header")
    for offset, row in enumerate(rows):
        r, item_id, is_objective = first + offset, row.local_id, row.is_objective
        item = row.objective if is_objective else row.key_result
        style = "objective" if is_objective else "key_result"
        text = formats(style, locked=False, quote_prefix=True, text_wrap=True)
        number = formats(style, locked=False)
        share = formats(style, locked=False, num_format="0%")
        for index in range(len(columns)):
            sheet.write_blank(r, index, None, text)
        sheet.write_string(r, col["id"], item_id, text)
        if item is None:
            continue
        for key, value in row_texts[offset].items():
            sheet.write_string(r, col[key], value, text)
        heights.fit(r, [(value, widths[col[key]]) for key, value in row_texts[offset].items()], style)
        if item.weight != 1:
            sheet.write_number(r, col["weight"], item.weight, number)
        if is_objective:
            continue
        kr = item
        write_value(sheet, r, col["baseline"], kr.baseline, number)
        write_value(sheet, r, col["target"], "X" if kr.has_placeholder_target else kr.target,
                     text if kr.has_placeholder_target else number)  # fmt: skip
        for check_in in kr.check_ins:
            if check_in.value is not None:
                fmt = share if kr.kind.is_completion else number
                sheet.write_number(r, col[f"{layout.CHECK_INS}:{check_in.date.isoformat()}"], check_in.value, fmt)
    last = header_row + len(rows)
    for key, name in (("kind", layout.NAME_KINDS), ("commitment", layout.NAME_COMMITMENTS)):
        sheet.data_validation(first, col[key], last, col[key], {
            "validate": "list", "source": f"={name}", "error_type": "warning", "ignore_blank": True,
        })  # fmt: skip
    page.set_up_pages(
        sheet, widths, heights.down_to(last), repeat_to=header_row, repeat_columns=col["title"],
        column_starts=[col["kind"], len(keys)],  # the plan, then the check-ins
        row_starts=[first + offset for offset, row in enumerate(rows) if row.is_objective],
    )  # fmt: skip
    sheet.freeze_panes(first, 2)
    sheet.protect("", {"insert_rows": True, "delete_rows": True, "format_columns": True,
                       "select_locked_cells": True, "select_unlocked_cells": True})  # fmt: skip
