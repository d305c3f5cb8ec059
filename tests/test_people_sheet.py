"""The strategy workbook's People sheet and its two yes/no settings: written by okrxl, typed into by the
leadership (in okrxl's words or an app's booleans), saved by LibreOffice, read back."""

import dataclasses

import pytest
from click.testing import CliRunner
from sheets import open_workbook

from okrxl.cli import cli
from okrxl.core.model import Person
from okrxl.core.problems import FileError, ProblemCode
from okrxl.demo import example
from okrxl.excel import layout
from okrxl.excel.template import DEFAULT
from okrxl.excel.workbook_reader import read_strategy_workbook
from okrxl.excel.workbook_writer import write_strategy_workbook

DPAB = example.dpab_strategy()
"""Teams marketing, sales and production; personal OKRs off, no people."""
PEOPLE = (
    Person(id="anna", name="Anna Berg", team="marketing"),
    Person(id="per", name="Per Ek", team="marketing"),
    Person(id="lina", name="Lina Åberg", team="sales"),
)
"""Written on the People sheet's rows 4, 5 and 6."""
STRATEGY = dataclasses.replace(
    DPAB, people=PEOPLE, method=dataclasses.replace(DPAB.method, personal_okrs=True, print_personal_scores=True)
)
SETTINGS_SHEET = {"sv": "Inställningar", "en": "Settings"}
PEOPLE_SHEET = {"sv": "Personer", "en": "People"}
PERSONAL_OKRS, PRINT_PERSONAL_SCORES = "B19", "B20"
"""The value cells of the two settings, the last rows of the settings table (A3:B20)."""


def write(path, strategy=STRATEGY, lang="sv"):
    write_strategy_workbook(path, strategy=strategy, template=DEFAULT, lang=lang)
    return path


def type_into(path, sheet_name: str, cells: dict):
    """Type values into cells (`A7`: value) of a sheet, as a person would, saving the file (openpyxl)."""
    book = open_workbook(path)
    for cell, value in cells.items():
        book[sheet_name][cell].value = value
    book.save(path)


def cells_and_codes(reading):
    return [(str(p.cell), p.code) for p in reading.problems]


# --- written and read back -------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_people_and_both_settings_read_back_as_written(tmp_path, lang):
    reading = read_strategy_workbook(write(tmp_path / "strategy.xlsx", lang=lang))
    assert reading.problems == ()
    assert reading.strategy == STRATEGY
    assert reading.strategy.people_of("marketing") == PEOPLE[:2]
    assert (reading.strategy.method.personal_okrs, reading.strategy.method.print_personal_scores) == (True, True)


@pytest.mark.parametrize(("lang", "yes", "no"), [("sv", "ja", "nej"), ("en", "yes", "no")], ids=["sv", "en"])
def test_the_settings_are_words_of_the_workbooks_language_with_a_dropdown_of_the_two(tmp_path, lang, yes, no):
    half_on = dataclasses.replace(STRATEGY, method=dataclasses.replace(STRATEGY.method, print_personal_scores=False))
    sheet = open_workbook(write(tmp_path / "strategy.xlsx", half_on, lang))[SETTINGS_SHEET[lang]]
    assert [(sheet[f"A{r}"].value, sheet[f"B{r}"].value) for r in (19, 20)] == [
        (layout.SETTINGS[-2][1](lang), yes),
        (layout.SETTINGS[-1][1](lang), no),
    ]
    lists = {str(v.sqref): (v.type, v.formula1, v.errorStyle) for v in sheet.data_validations.dataValidation}
    assert lists == {cell: ("list", f'"{yes},{no}"', "warning") for cell in ("B19", "B20")}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_people_sheet_comes_after_teams_with_a_dropdown_following_the_teams_table(tmp_path, lang):
    book = open_workbook(write(tmp_path / "strategy.xlsx", lang=lang))
    sheet = book[PEOPLE_SHEET[lang]]
    assert book.sheetnames.index(sheet.title) == book.sheetnames.index(layout.SHEET_TEAMS(lang)) + 1
    assert sheet.tables[layout.TABLE_PEOPLE].ref == "A3:C23"  # the header and 20 rows, as on Teams
    header = [sheet.cell(3, c).value for c in (1, 2, 3)]
    assert header == (["Id", "Namn", "Team"] if lang == "sv" else ["Id", "Name", "Team"])
    assert [[sheet.cell(r, c).value for c in (1, 2, 3)] for r in (4, 5, 6, 7)] == [
        ["anna", "Anna Berg", "marketing"], ["per", "Per Ek", "marketing"], ["lina", "Lina Åberg", "sales"],
        [None, None, None],
    ]  # fmt: skip
    assert "<team-id>/<person-id>.xlsx" in sheet["A2"].value
    [dropdown] = sheet.data_validations.dataValidation
    assert (str(dropdown.sqref), dropdown.formula1, dropdown.errorStyle) == ("C4:C23", "okrxl_team_ids", "warning")
    assert book.defined_names["okrxl_team_ids"].attr_text == f"{layout.SHEET_TEAMS(lang)}!$A$4:$A$23"
    assert sheet.protection.sheet and not sheet["A4"].protection.locked and sheet.print_title_rows == "$1:$3"
    meta = {row[0]: row[1] for row in book[layout.SHEET_META].iter_rows(min_row=2, values_only=True)}
    assert meta["header.team"] == "Team"


def test_a_name_that_looks_like_a_formula_is_written_and_read_as_text(tmp_path):
    person = Person(id="eve", name='=HYPERLINK("http://example.com","x")', team="sales")
    path = write(tmp_path / "strategy.xlsx", dataclasses.replace(STRATEGY, people=(person,)))
    cell = open_workbook(path)["Personer"]["B4"]
    assert (cell.data_type, cell.value) == ("s", person.name)
    assert read_strategy_workbook(path).strategy.people == (person,)


def test_neither_people_nor_the_settings_change_the_strategys_fingerprint():
    assert STRATEGY != DPAB
    assert layout.strategy_fingerprint(STRATEGY) == layout.strategy_fingerprint(DPAB)


@pytest.mark.parametrize(("lang", "no"), [("sv", "nej"), ("en", "no")], ids=["sv", "en"])
def test_init_writes_an_empty_people_sheet_and_both_settings_off(tmp_path, lang, no):
    path = tmp_path / "strategy.xlsx"
    result = CliRunner().invoke(cli, ["init", str(path), "--example", "dpab", "--lang", lang], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    book = open_workbook(path)
    people = book[PEOPLE_SHEET[lang]]
    assert all(people.cell(r, c).value is None for r in range(4, 24) for c in (1, 2, 3))
    settings = book[SETTINGS_SHEET[lang]]
    assert (settings[PERSONAL_OKRS].value, settings[PRINT_PERSONAL_SCORES].value) == (no, no)
    reading = read_strategy_workbook(path)
    assert (reading.problems, reading.strategy.people, reading.strategy.method) == ((), (), DPAB.method)
    assert not DPAB.method.personal_okrs and not DPAB.method.print_personal_scores


# --- saved by LibreOffice --------------------------------------------------------------------------------


def test_a_libreoffice_resave_reads_back_equal_with_its_dropdowns(tmp_path, libreoffice):
    written = [write(tmp_path / f"strategy_{lang}.xlsx", lang=lang) for lang in ("sv", "en")]
    resaved = libreoffice.convert(written, tmp_path / "lo")
    for path, lang in zip(resaved, ("sv", "en")):
        reading = read_strategy_workbook(path)
        assert (reading.problems, reading.strategy) == ((), STRATEGY), lang
        book = open_workbook(path)
        dropdowns = book[PEOPLE_SHEET[lang]].data_validations.dataValidation
        assert [(str(v.sqref), v.formula1) for v in dropdowns] == [("C4:C23", "okrxl_team_ids")]
        assert book.defined_names["okrxl_team_ids"].attr_text == f"{layout.SHEET_TEAMS(lang)}!$A$4:$A$23"


# --- typed into by the leadership ------------------------------------------------------------------------


def test_typed_people_are_read_tolerantly_and_each_unusable_row_is_a_problem_at_its_cell(tmp_path):
    path = write(tmp_path / "strategy.xlsx")
    type_into(path, "Personer", {
        "A7": "Anna", "B7": "Anna Sälj", "C7": " Sales ",  # upper case id and team: read as anna in sales
        "A8": "anna b", "B8": "Anna B", "C8": "marketing",  # no slug
        "A9": "olle", "B9": "Olle", "C9": "ekonomi",  # no team of the strategy
        "A10": "per", "B10": "Per Två", "C10": "marketing",  # per is already in marketing, on A5
        "B11": "Åsa Öberg", "C11": "production",  # no id: made from the name
        "A12": "kim", "C12": "production",  # no name: the id stands in
        "C13": "sales",  # only a team
        "A14": "bo", "B14": "Bo",  # no team
        "A15": "lina", "B15": "Lina", "C15": "marknad ",  # the team's name, not its id: read as marketing
    })  # fmt: skip
    reading = read_strategy_workbook(path)
    assert cells_and_codes(reading) == [
        ("'Personer'!A8", "bad-person"),
        ("'Personer'!C9", "bad-person"),
        ("'Personer'!A10", "bad-person"),
        ("'Personer'!A11", "inferred-id"),
        ("'Personer'!A13", "bad-person"),
        ("'Personer'!C14", "bad-person"),
    ]
    texts = [p.text.en for p in reading.problems]
    assert "'anna b'" in texts[0] and "lower-case letters" in texts[0]
    assert "'ekonomi'" in texts[1] and "marketing, sales, production" in texts[1]
    assert "'per'" in texts[2] and "'Personer'!A5" in texts[2]
    assert "'asa-oberg'" in texts[3]
    assert texts[5] == (
        "the team is missing; write one of the teams' ids (sheet Teams): marketing, sales, production; "
        "the row was not read"
    )
    assert reading.strategy.people == (
        *PEOPLE,
        Person(id="anna", name="Anna Sälj", team="sales"),
        Person(id="asa-oberg", name="Åsa Öberg", team="production"),
        Person(id="kim", name="kim", team="production"),
        Person(id="lina", name="Lina", team="marketing"),
    )
    assert reading.strategy.teams == DPAB.teams and reading.strategy.objectives == DPAB.objectives


def test_an_english_workbook_names_the_cells_on_its_people_sheet(tmp_path):
    path = write(tmp_path / "strategy.xlsx", lang="en")
    type_into(path, "People", {"A7": "Bo", "C7": "support"})
    reading = read_strategy_workbook(path)
    assert cells_and_codes(reading) == [("'People'!C7", "bad-person")]
    assert reading.problems[0].text.sv.startswith("'support' är inget av strategins team")
    assert reading.strategy.people == PEOPLE


@pytest.mark.parametrize(
    ("typed", "on"),
    [("JA", True), (" true ", True), (True, True), (1, True), ("Yes", True), ("✓", True),
     ("Nej", False), ("FALSE", False), (False, False), (0, False), (None, False), ("off", False)],
    ids=["JA", "true-spaces", "boolean-TRUE", "1", "Yes", "check-mark",
         "Nej", "FALSE", "boolean-FALSE", "0", "empty", "off"],
)  # fmt: skip
def test_a_yes_no_setting_reads_either_languages_words_booleans_and_1_or_0(tmp_path, typed, on):
    path = write(tmp_path / "strategy.xlsx")
    type_into(path, "Inställningar", {PERSONAL_OKRS: typed})
    reading = read_strategy_workbook(path)
    assert reading.problems == ()
    assert (reading.strategy.method.personal_okrs, reading.strategy.method.print_personal_scores) == (on, True)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_setting_neither_yes_nor_no_is_a_problem_at_its_cell_and_the_default_stands(tmp_path, lang):
    path = write(tmp_path / "strategy.xlsx", lang=lang)
    type_into(path, SETTINGS_SHEET[lang], {PERSONAL_OKRS: "kanske", PRINT_PERSONAL_SCORES: 2})
    reading = read_strategy_workbook(path)
    sheet = SETTINGS_SHEET[lang]
    assert cells_and_codes(reading) == [(f"'{sheet}'!B19", "bad-setting"), (f"'{sheet}'!B20", "bad-setting")]
    assert reading.problems[0].text.en == "expected yes or no, got 'kanske'; write yes or no; the default (no) is used"
    assert reading.problems[0].text.sv.startswith("'kanske' är varken ja eller nej; skriv ja eller nej")
    assert (reading.strategy.method.personal_okrs, reading.strategy.method.print_personal_scores) == (False, False)
    assert reading.strategy.people == PEOPLE  # the rest is read


def test_an_older_strategy_without_the_sheet_and_the_rows_reads_with_nobody_and_both_off(tmp_path):
    path = write(tmp_path / "strategy.xlsx")
    book = open_workbook(path)
    del book["Personer"]
    settings = book["Inställningar"]
    settings.delete_rows(19, 2)
    settings.tables[layout.TABLE_SETTINGS].ref = "A3:B18"
    settings.data_validations.dataValidation = []
    book.save(path)
    reading = read_strategy_workbook(path)
    assert (reading.problems, reading.strategy) == ((), DPAB)


def test_a_people_sheet_without_its_team_column_says_to_put_it_back(tmp_path):
    path = write(tmp_path / "strategy.xlsx", lang="en")
    type_into(path, "People", {"C3": "Department"})
    with pytest.raises(FileError, match=r"the table 'people' on sheet 'People' has no column 'Team'") as error:
        read_strategy_workbook(path)
    assert error.value.code == ProblemCode.MISSING_COLUMN
