"""The team's own sheet agrees with okrxl: a differential test through LibreOffice.

Seeded random fills (numbers, cells formatted as percent, done words, placeholder targets, text
where a number belongs, dates in and out of the quarter, check-in headers retyped out of order)
are typed into generated team workbooks with openpyxl. LibreOffice recalculates them with today
pinned, and for every row the sheet's Current, Score and Status must equal what okrxl reads and
computes from the same file, or the sheet must show the marker `?`, and then only on a row that
`okrxl check` has something to say about.
"""

import datetime as dt
import random
import re
import zipfile
from pathlib import Path

import pytest
from sheets import open_workbook, table_rows

from okrxl.core.model import KeyResultKind
from okrxl.core.problems import FileError
from okrxl.core.scoring import assess_objective, assess_team
from okrxl.demo import example
from okrxl.excel import layout
from okrxl.excel.template import DEFAULT
from okrxl.excel.workbook_reader import read_team_workbook
from okrxl.excel.workbook_writer import write_team_workbook

AS_OF = example.AS_OF
TYPED = Path(__file__).parent / "files" / "typed"
KIND_KEYS = list(layout.KIND_WORDS)
UNITS = ["", "%", "procent", "andel", "MSEK", "st", "kunder", "pct"]
WORKBOOKS = 14  # 25 key result rows each: 350 key results
CLEAN_FROM = 10
"""The last workbooks hold only entries a formula can read: there the team's score must agree too."""


def _kind_word(rng, lang):
    _, _, words = layout.KIND_WORDS[rng.choice(KIND_KEYS)]
    word = words(lang) if rng.random() < 0.8 else words("en" if lang == "sv" else "sv")
    return word.capitalize() if rng.random() < 0.1 else word


def _number(rng, cell, value, mess, percent_share=0.15):
    """Put `value` in `cell` as a person might have: plainly, as a percent cell, or as text."""
    draw = rng.random()
    if draw < percent_share:
        cell.value = round(value / 100, 6)
        cell.number_format = rng.choice(["0%", "0.00%"])
    elif draw < percent_share + 0.015 * mess:
        cell.value = rng.choice([f"{value:g}".replace(".", ","), f"{value:g} %", "about half"])
    else:
        cell.value = value


def _fill_key_result(rng, sheet, row, cols, lang, check_in_cols, mess):
    kind_word = _kind_word(rng, lang)
    kind = next(k for k, (_, _, words) in layout.KIND_WORDS.items() if kind_word.lower() in tuple(words))
    sheet.cell(row, cols["title"]).value = f"Resultat {row} till 100" if rng.random() >= 0.01 * mess else None
    sheet.cell(row, cols["kind"]).value = kind_word
    sheet.cell(row, cols["unit"]).value = rng.choice(UNITS) or None
    sheet.cell(row, cols["owner"]).value = rng.choice(["Åsa", "Per", None])
    completion = kind in ("milestone", "binary")
    baseline = rng.choice([None, 0, 10, 40, 80, 15, 7, 3.5])
    target = rng.choice([20, 60, 100, 5, 7, 12.5, 4, 0, "X", "TBD", None])
    if kind in ("increase", "decrease") and rng.random() >= 0.15 * mess:  # mostly the right way round; else refused
        baseline = baseline if baseline is not None or kind == "increase" else 40
        step = rng.choice([2.5, 5, 10, 20])
        target = (baseline or 0) + (step if kind == "increase" else -step)
    if target == (baseline or 0) and rng.random() >= mess:  # nothing to measure: refused, unless clean
        target = (baseline or 0) + 10
    if not completion:
        if baseline is not None:
            _number(rng, sheet.cell(row, cols["baseline"]), baseline, mess)
        if isinstance(target, str):
            sheet.cell(row, cols["target"]).value = target
        elif target is not None:
            _number(rng, sheet.cell(row, cols["target"]), target, mess)
    low, high = sorted(v for v in (baseline or 0, target if isinstance(target, int | float) else 50))
    for column in check_in_cols:
        if rng.random() < 0.35:
            continue
        cell = sheet.cell(row, column)
        if completion:
            draw = rng.random()
            if draw < 0.3:
                cell.value = rng.choice(["klar", "Done", "x", "ja", "yes", "nej", "no", "not done", "ej  klar"])
            elif draw < 0.6:
                cell.value = rng.choice([0, 0.2, 0.4, 0.75, 1])
                cell.number_format = "0%"
            elif draw < 1 - 0.03 * mess:
                cell.value = rng.choice([0, 0.5, 1, 25, 60, 100, 150 if rng.random() < 0.2 * mess else 75])
            else:
                cell.value = rng.choice(["40 %", "halvvägs", 1.5])
                if cell.value == 1.5:
                    cell.number_format = "0%"
        else:
            _number(rng, cell, round(rng.uniform(low - 5, high + 5), rng.choice([0, 1, 2])), mess)
    if completion:
        sheet.cell(row, cols["due"]).value = rng.choice([
            None, dt.datetime(2027, 2, 1), dt.datetime(2027, 3, 15), dt.datetime(2027, 2, 15),
            dt.datetime(2026, 12, 20), dt.datetime(1931, 2, 1) if rng.random() < 0.3 * mess else None,
            "15/3" if rng.random() < 0.3 * mess else None,
        ])  # fmt: skip
    if rng.random() < 0.3:
        # The dropdown's words, the older list's (still read) and one okrxl does not know
        words = [w for c, ws in layout.CONFIDENCE_WORDS.items() for w in ws] + [*layout.OLDER_CONFIDENCE_WORDS, "maybe"]
        sheet.cell(row, cols["confidence"]).value = rng.choice(words)
    if rng.random() < 0.1:
        sheet.cell(row, cols["weight"]).value = rng.choice([0, 2, 0.5])


def _fill(path, seed, lang, mess=1):
    """Fill the generated workbook at `path` as a team would, seeded; some headers retyped."""
    rng = random.Random(seed)
    workbook = open_workbook(path)
    sheet = workbook[layout.SHEET_OKRS(lang)]
    table = sheet.tables[layout.TABLE_OKRS]
    header_row = int(table.ref.split(":")[0][1:])
    cols = {}
    header_keys = {text: key for key, words in DEFAULT.labels.items() for text in words}
    check_in_cols = []
    for column in range(1, sheet.max_column + 1):
        text = sheet.cell(header_row, column).value
        if text in header_keys:
            cols[header_keys[text]] = column
        elif isinstance(text, str) and text[:2] == "20":
            check_in_cols.append(column)
    for row in range(header_row + 1, header_row + 31):
        local_id = sheet.cell(row, cols["id"]).value
        if "." not in local_id:
            sheet.cell(row, cols["title"]).value = f"Mål {local_id}" if rng.random() >= 0.03 * mess else None
            sheet.cell(row, cols["aligned_to"]).value = "S1"
            if rng.random() < 0.1:
                sheet.cell(row, cols["weight"]).value = 2
        elif rng.random() < 0.85:
            _fill_key_result(rng, sheet, row, cols, lang, check_in_cols, mess)
    if seed == 5:  # the third check-in retyped to a date before the second, which stands left of it
        sheet.cell(header_row, check_in_cols[2]).value = dt.datetime(2027, 1, 10)
    if seed == 6:  # a header retyped as text nobody can read as a date
        sheet.cell(header_row, check_in_cols[1]).value = "15 feb"
    if seed == 7:  # a header retyped to the date of another column
        sheet.cell(header_row, check_in_cols[3]).value = dt.datetime(2027, 1, 18)
    workbook.save(path)


@pytest.fixture(scope="module")
def filled(tmp_path_factory, libreoffice):
    folder = tmp_path_factory.mktemp("differential")
    paths = []
    for seed in range(WORKBOOKS):
        lang = "sv" if seed % 2 == 0 else "en"
        strategy = example.dpab_strategy(lang)
        team = strategy.teams[seed % 3]
        path = folder / f"{seed:02d}-{lang}-{team.id}.xlsx"
        write_team_workbook(path, strategy=strategy, team=team, quarter=example.QUARTER, template=DEFAULT,
                            lang=lang, formula_today=AS_OF)  # fmt: skip
        _fill(path, seed, lang, mess=0 if seed >= CLEAN_FROM else 1)
        paths.append((seed, lang, path))
    outputs = libreoffice.convert([p for _, _, p in paths], folder / "recalculated")
    return [(seed, lang, output) for (seed, lang, _), output in zip(paths, outputs)]


def _okrxl_rows(reading, as_of=AS_OF):
    """okrxl's (current, score, status) of each objective and key result by sheet row, and the team's score, at
    `as_of` in the plan's quarter."""
    method = example.dpab_strategy().method
    plan, values = reading.plan, {}
    period = plan.quarter.period()
    for objective in plan.objectives:
        assessed = assess_objective(objective, period=period, as_of=as_of, method=method)
        values[reading.locations[plan.qualify(objective.id)].row] = (None, assessed.score, assessed.status)
        for kr, kr_assessed in zip(objective.key_results, assessed.key_results):
            row = reading.locations[plan.qualify(kr.id)].row
            values[row] = (kr_assessed.current, kr_assessed.score, kr_assessed.status)
    team = assess_team(plan, period=period, as_of=as_of, method=method).score
    return values, team


def _same_number(sheet_value, okrxl_value):
    if okrxl_value is None:
        return sheet_value in (None, "")
    return isinstance(sheet_value, int | float) and sheet_value == pytest.approx(okrxl_value, abs=1e-9)


def _compare(rows, expected, team_score, sheet_team_score, *, explained, unknown, name):
    """(compared, marked): rows equal to okrxl, and rows with the marker. Asserts both kinds are right."""
    compared = marked = 0
    members = {}
    for row in rows:
        if "." in (row["id"] or ""):
            members.setdefault(row["id"].split(".")[0], []).append(row)
    for row in rows:
        where = f"{name} {row['id']} (row {row['_row']})"
        is_objective = row["id"] is not None and "." not in row["id"]
        is_marked = row["score"] == "?" or row["status"] == unknown
        if is_marked:
            marked += 1
            if is_objective:
                assert any(m["score"] == "?" or m["status"] == unknown for m in members.get(row["id"], [])) or (
                    row["_row"] in explained or sheet_team_score == "?"
                ), f"{where}: marked, but none of its key results is"
            else:
                assert row["_row"] in explained, f"{where}: marked, but okrxl check says nothing about the row"
        if row["_row"] not in expected:  # okrxl refused or skipped the row: the sheet shows no score
            assert row["score"] in (None, "", "?"), where
            assert row["status"] in (None, "", unknown), where
            continue
        if not is_marked and all(row[key] in (None, "") for key in ("current", "score", "status")):
            # A row inserted into the table: LibreOffice copies no formulas into it, so it shows nothing,
            # and the team's score shows that the sheet cannot know (okrxl_unsure).
            assert sheet_team_score == "?", f"{where}: a row without formulas, and the team score claims to know"
            marked += 1
            continue
        current, score, status = expected[row["_row"]]
        if not is_objective and row["current"] != "?":
            assert _same_number(row["current"], current), f"{where}: current {row['current']!r} != {current}"
        if row["score"] != "?":
            assert _same_number(row["score"], score), f"{where}: score {row['score']!r} != {score}"
        if row["status"] != unknown:
            assert row["status"] == layout.STATUS_WORDS[status](lang_of(unknown)), (
                f"{where}: {row['status']} != {status}"
            )
        compared += not is_marked
    assert sheet_team_score == "?" or _same_number(sheet_team_score, team_score), name
    return compared, marked


def lang_of(unknown):
    return next(lang for lang in layout.LANGS if layout.UNKNOWN_STATUS(lang) == unknown)


def test_the_sheet_shows_what_okrxl_computes_or_the_marker(filled):
    compared = marked = 0
    for _, lang, output in filled:
        reading = read_team_workbook(output, example.dpab_strategy(lang))
        assert reading.plan is not None, [str(p) for p in reading.problems]
        expected, team_score = _okrxl_rows(reading)
        sheet = open_workbook(output, data_only=True)[layout.SHEET_OKRS(lang)]
        header_row = int(sheet.tables[layout.TABLE_OKRS].ref.split(":")[0][1:])
        rows_with_problems = {p.cell.row for p in reading.problems if p.cell is not None}
        # A problem at the table's header (a check-in column okrxl cannot use) explains every row.
        explained = set(range(1, 2000)) if header_row in rows_with_problems else rows_with_problems
        counts = _compare(table_rows(sheet, layout.TABLE_OKRS), expected, team_score, sheet["C2"].value,
                          explained=explained, unknown=layout.UNKNOWN_STATUS(lang), name=output.name)  # fmt: skip
        compared, marked = compared + counts[0], marked + counts[1]
    assert compared >= 280 and marked >= 40, (compared, marked)


def test_a_sheet_holding_only_entries_a_formula_can_read_shows_no_marker(filled):
    for _, lang, output in filled[CLEAN_FROM:]:
        sheet = open_workbook(output, data_only=True)[layout.SHEET_OKRS(lang)]
        rows = table_rows(sheet, layout.TABLE_OKRS)
        assert not [row["id"] for row in rows if row["score"] == "?" or row["status"] == layout.UNKNOWN_STATUS(lang)]
        assert isinstance(sheet["C2"].value, float), output.name


def test_the_fills_reach_every_kind_and_every_status(filled):
    kinds, statuses = set(), set()
    for _, lang, output in filled:
        reading = read_team_workbook(output, example.dpab_strategy(lang))
        expected, _ = _okrxl_rows(reading)
        kinds |= {kr.kind for o in reading.plan.objectives for kr in o.key_results}
        statuses |= {status for _, _, status in expected.values()}
    assert kinds == set(KeyResultKind)
    assert {str(s) for s in statuses} >= {"done", "on-track", "behind", "at-risk", "overdue", "unscored"}


def pin_today(source: Path, target: Path, day: dt.date) -> Path:
    """A copy of a workbook whose formulas pace against `day` instead of TODAY() (the name okrxl_today)."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/workbook.xml":
                text, count = re.subn(r'(<definedName[^>]*name="okrxl_today"[^>]*>)TODAY\(\)(</definedName>)',
                                      rf"\g<1>DATE({day.year},{day.month},{day.day})\g<2>", data.decode("utf-8"))  # fmt: skip
                assert count == 1, source.name
                data = text.encode("utf-8")
            zout.writestr(item, data)
    return target


@pytest.fixture(scope="module")
def typed_recalculated(tmp_path_factory, libreoffice):
    """Every workbook of the typed corpus (typed in LibreOffice in four locales), recalculated at AS_OF (the
    personal workbooks, of the example year's Q4, at PERSONAL_AS_OF)."""
    folder = tmp_path_factory.mktemp("typed")
    names = sorted(p.name for p in TYPED.glob("*.xlsx"))
    pinned = [pin_today(TYPED / name, folder / name, _as_of(name)) for name in names]
    return list(zip(names, libreoffice.convert(pinned, folder / "recalculated")))


PERSONAL_AS_OF = dt.date(2027, 10, 18)
"""Two weeks into the example year's Q4, whose personal workbooks the typed corpus has."""


def _as_of(name: str) -> dt.date:
    return PERSONAL_AS_OF if "personal" in name else AS_OF


def test_what_a_team_typed_in_a_spreadsheet_app_shows_in_its_sheet_as_okrxl_reads_it(typed_recalculated):
    compared = 0
    for name, output in typed_recalculated:
        lang = "en" if name.startswith("en_") else "sv"
        try:
            reading = read_team_workbook(output, example.dpab_strategy(lang))
        except FileError as error:  # a required column deleted: okrxl check names it, nothing is scored
            assert error.code == "missing-column", name
            continue
        assert reading.plan is not None, name
        expected, team_score = _okrxl_rows(reading, _as_of(name))
        workbook = open_workbook(output, data_only=True)
        sheet = workbook[next(n for n in workbook.sheetnames if n in tuple(layout.SHEET_OKRS))]
        header_row = int(sheet.tables[layout.TABLE_OKRS].ref.split(":")[0][1:])
        rows_with_problems = {p.cell.row for p in reading.problems if p.cell is not None}
        explained = set(range(1, 2000)) if header_row in rows_with_problems else rows_with_problems
        counts = _compare(table_rows(sheet, layout.TABLE_OKRS), expected, team_score, sheet["C2"].value,
                          explained=explained, unknown=layout.UNKNOWN_STATUS(lang), name=name)  # fmt: skip
        compared += counts[0]
    assert compared >= 100, compared
