"""Every problem the reader finds says it in Swedish and in English, each in its own language.

Real bad input through real files: a team workbook okrxl wrote, typed into as a person would, and a
folder of files that okrxl cannot use. For each problem, the Swedish text is not the English, and
neither holds the other language's small words once the quoted cell content and the file names are
taken out (those are the person's own, in whatever language they wrote them).
"""

import datetime as dt
import re
import shutil
import zipfile

import openpyxl
import pytest
from sheets import open_workbook, type_into_okr_table

from okrxl.core.model import KeyResult, KeyResultKind, Objective, Quarter, TeamQuarter
from okrxl.core.problems import ProblemCode
from okrxl.demo import example
from okrxl.excel import layout
from okrxl.excel.folder import read_folder
from okrxl.excel.template import DEFAULT
from okrxl.excel.workbook_reader import read_team_workbook
from okrxl.excel.workbook_writer import write_team_workbook

ENGLISH_WORDS = {"the", "is", "has", "write", "expected", "got", "with", "and", "or", "not", "of"}
SWEDISH_WORDS = {"är", "och", "har", "skriv", "inte", "med", "av", "som"}

_QUOTED = re.compile(r"(?<![^\W\d_])'[^']*'|\"[^\"]*\"")
"""A quoted value (`'about half'`, `"it's"`); an apostrophe after a letter (`the sheet's`) opens none."""


def words_of(text: str, *, leaving_out=()) -> set[str]:
    """The words of `text` in lower case, without quoted values and without the names in `leaving_out`."""
    for name in sorted(leaving_out, key=len, reverse=True):
        text = text.replace(name, " ")
    return set(re.findall(r"[^\W\d_]+", _QUOTED.sub(" ", text).casefold()))


def assert_each_in_its_own_language(problems, *, leaving_out=()):
    for problem in problems:
        sv, en = problem.text
        assert sv != en, f"{problem.code}: the same in both languages: {en}"
        assert not words_of(sv, leaving_out=leaving_out) & ENGLISH_WORDS, f"{problem.code}: English in {sv!r}"
        assert not words_of(en, leaving_out=leaving_out) & SWEDISH_WORDS, f"{problem.code}: Swedish in {en!r}"


def test_the_check_finds_english_in_swedish_and_leaves_quoted_values_and_file_names_alone():
    assert words_of("'about half' är inget tal; skriv t.ex. 4,5") == {"är", "inget", "tal", "skriv", "t", "ex"}
    assert words_of("the sheet's own formulas, \"it's\" and 'x'") == {"the", "sheet", "s", "own", "formulas", "and"}
    assert words_of("marketing (1).xlsx är en kopia", leaving_out=["marketing (1).xlsx"]) == {"är", "en", "kopia"}


# --- a team workbook, typed into ---------------------------------------------------------------------


def a_key_result(local_id: str) -> KeyResult:
    return KeyResult(id=local_id, title=f"Öka till 20 ({local_id})", kind=KeyResultKind.INCREASE, owner="Ann",
                     target=20.0)  # fmt: skip


PLAN = TeamQuarter(
    team=example.dpab_strategy().teams[0],
    quarter=example.QUARTER,
    objectives=(
        Objective(
            id="O1",
            title="Mål O1",
            owner="Ann",
            aligned_to=("S1",),
            key_results=(a_key_result("O1.1"), a_key_result("O1.2")),
        ),
    ),  # fmt: skip
)
"""Rows: header 4, O1 5, O1.1 6, O1.2 7, then the empty rows O1.3 ... O1.5, O2 ...; a check-in column per
check-in date, headed 2027-01-04 ... 2027-03-29."""


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    path = tmp_path_factory.mktemp("written") / "marketing.xlsx"
    write_team_workbook(path, strategy=example.dpab_strategy(), team=PLAN.team, quarter=PLAN.quarter,
                        template=DEFAULT, lang="sv", plan=PLAN)  # fmt: skip
    return path


O11, O12, O13 = "O1.1", "O1.2", "O1.3"
TYPED = [
    ("not-a-number", {(O11, "target"): "about half"}, {}, {}),
    ("ambiguous-number", {(O11, "target"): "1.234"}, {}, {}),
    ("number-too-large", {(O11, "target"): 1e300}, {}, {}),
    ("number-as-text", {(O11, "target"): "4,5"}, {}, {}),
    ("not-a-date", {(O11, "due"): "soon"}, {}, {}),
    ("implausible-date", {(O11, "due"): dt.datetime(2015, 2, 1)}, {}, {}),
    ("date-outside-quarter", {(O11, "due"): dt.datetime(2026, 12, 20)}, {}, {}),
    ("date-as-text", {(O11, "due"): "15/3"}, {}, {}),
    ("not-a-completion", {(O11, "kind"): "milestone", (O11, "target"): None, (O11, "2027-01-04"): (1.5, "0%")}, {}, {}),
    ("unknown-kind", {(O11, "kind"): "Bananas"}, {}, {}),
    ("missing-kind", {(O11, "kind"): None}, {}, {}),
    ("unknown-commitment", {(O11, "commitment"): "maybe"}, {}, {}),
    ("unknown-confidence", {(O11, "confidence"): "meh"}, {}, {}),
    ("bad-weight", {(O11, "weight"): -1}, {}, {}),
    ("bad-carried", {(O11, "carried"): "from last time"}, {}, {}),
    ("ambiguous-percent", {(O11, "kind"): "percent", (O11, "baseline"): 90, (O11, "target"): 99,
                           (O11, "2027-01-04"): (97.8, "0.0%")}, {}, {}),
    ("ambiguous-fraction", {(O11, "unit"): "procent", (O11, "2027-01-04"): 0.15}, {}, {}),
    ("formula-without-value", {(O11, "baseline"): "=1+1"}, {}, {}),
    ("missing-title", {(O11, "title"): None}, {}, {}),
    ("inferred-id", {(O13, "id"): None, (O13, "title"): "Fler kunder", (O13, "kind"): "increase",
                     (O13, "target"): 5}, {}, {}),
    ("note-row", {("O2", "id"): None, ("O2", "title"): "Kom ihåg: workshop i mars"}, {}, {}),
    ("bad-id", {(O12, "id"): "X9"}, {}, {}),
    ("duplicate-id", {(O12, "id"): O11}, {}, {}),
    ("orphan-key-result", {(O12, "id"): "O4.1"}, {}, {}),
    ("unreadable-header", {(O11, "2027-03-01"): 8}, {"2027-03-01": "15 feb"}, {}),
    ("unknown-column", {}, {"2027-03-15": "Extra"}, {}),
    ("check-in-outside-quarter", {}, {"2027-01-18": "2027-04-05"}, {}),
    ("duplicate-check-in-date", {}, {"2027-02-01": "2027-02-15"}, {}),
    ("below-table", {}, {}, {"id": "O9", "title": "Ett mål under tabellen"}),
]  # fmt: skip


@pytest.mark.parametrize(("code", "edits", "headers", "below"), TYPED, ids=[case[0] for case in TYPED])
def test_a_problem_of_a_typed_cell_is_said_in_swedish_and_in_english(written, tmp_path, code, edits, headers, below):
    path = tmp_path / "marketing.xlsx"
    shutil.copy(written, path)
    type_into_okr_table(path, edits, headers, below)
    problems = read_team_workbook(path, example.dpab_strategy()).problems
    assert code in {p.code for p in problems}
    assert_each_in_its_own_language(problems)


def test_the_typed_cells_cover_most_of_the_problem_codes_of_a_cell_and_a_row():
    assert len({ProblemCode(code) for code, *_ in TYPED}) == len(TYPED) >= 25


# --- a folder of files okrxl cannot use ----------------------------------------------------------------


def make_folder(written, folder):
    """A folder as teams leave it: a sync client's second copy, a file of the next quarter, an old .xls,
    a workbook not made by okrxl, one with macros, a truncated one and one of another schema."""
    shutil.copy(written, folder / "marketing.xlsx")
    shutil.copy(written, folder / "marketing (1).xlsx")
    strategy = example.dpab_strategy()
    for team, quarter in ((strategy.teams[2], PLAN.quarter), (strategy.teams[1], Quarter(2027, 2))):
        write_team_workbook(folder / f"{team.id}.xlsx", strategy=strategy, team=team, quarter=quarter,
                            template=DEFAULT, lang="sv")  # fmt: skip
    (folder / "support.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    foreign = openpyxl.Workbook()
    foreign.active["A1"] = "Budget 2027"
    foreign.save(folder / "budget.xlsx")
    with zipfile.ZipFile(written) as old, zipfile.ZipFile(folder / "makro.xlsx", "w") as new:
        for info in old.infolist():
            new.writestr(info.filename, old.read(info.filename))
        new.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0 not really VBA")
    (folder / "halv.xlsx").write_bytes(written.read_bytes()[: written.stat().st_size // 2])
    book = open_workbook(written)
    meta = book[layout.SHEET_META]
    next(row for row in meta.iter_rows(min_row=2) if row[0].value == layout.META_SCHEMA)[1].value = "7"
    book.save(folder / "gammal.xlsx")


def test_a_problem_of_a_whole_file_is_said_in_swedish_and_in_english(written, tmp_path):
    make_folder(written, tmp_path)
    reading = read_folder([tmp_path])
    problems = [p for f in reading.files for p in f.problems]
    assert {p.code for p in problems} >= {
        ProblemCode.DUPLICATE_TEAM, ProblemCode.WRONG_QUARTER, ProblemCode.NOT_XLSX, ProblemCode.NOT_OKRXL,
        ProblemCode.MACROS, ProblemCode.UNREADABLE, ProblemCode.WRONG_SCHEMA,
    }  # fmt: skip
    assert_each_in_its_own_language(problems, leaving_out=[p.name for p in tmp_path.iterdir()])
