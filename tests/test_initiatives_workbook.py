"""The Initiatives sheet of a team workbook: written by okrxl, typed into by a team, read back."""

import dataclasses
import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils.cell import range_boundaries
from sheets import open_workbook

from okrxl.core.alignment import link_gaps
from okrxl.core.model import Carried, Initiative, InitiativeState, Quarter
from okrxl.core.problems import FileError
from okrxl.demo import example
from okrxl.excel import layout
from okrxl.excel.template import DEFAULT, fill
from okrxl.excel.workbook_reader import read_team_workbook
from okrxl.excel.workbook_writer import write_team_workbook

STRATEGY = example.dpab_strategy()
OLD_WORKBOOK = Path(__file__).parent / "files" / "typed" / "demo_marketing_resaved.xlsx"
"""The demo's marketing workbook as LibreOffice saved it before okrxl wrote an Initiatives sheet."""
S = InitiativeState
INITIATIVES = (
    Initiative(id="I1", title="Översätt hemsidan till norska", owner="Per", serves=("O1.1",), state=S.DONE,
               due=dt.date(2027, 2, 10)),
    Initiative(id="I2", title="Katalogen med en norsk byrå", owner="Lina", serves=("O1.2", "O2.1"),
               state=S.IN_PROGRESS, due=dt.date(2027, 3, 10), note="Offert godkänd 8/2"),
    Initiative(id="I3", title="Boka lokal till kundeventet", serves=("O2.2",)),
    Initiative(id="I4", title="Mässmonter i Oslo", owner="Mats", serves=("O2.1",), state=S.DROPPED,
               note="Ersätts av LinkedIn", carried=Carried(quarter=Quarter(2026, 4), id="I7")),
    Initiative(id="I9", title='=HYPERLINK("http://example.com","x")', owner="+cmd|' /C calc'!A0"),
)  # fmt: skip
"""Every state, a note, several key results, none, a carried one, an id out of order, text that looks like a
formula. Rows of the table: I1 5, I2 6, I3 7, I4 8, I9 9, then I5 10, I6 11, I7 12, I8 13, I10 14 ... I15 19."""
PLAN = dataclasses.replace(example.dpab_teams()[0], initiatives=INITIATIVES)
"""Marketing: O1 (O1.1, O1.2), O2 (O2.1, O2.2), O3 (O3.1 ...)."""
HEADERS = {"Id": "id", "Initiative": "title", "Owner": "owner", "Serves key result": "serves", "State": "state",
           "Due": "due", "Note": "note", "Carried from": "carried"}  # fmt: skip


def write(path, plan=PLAN, lang="en"):
    write_team_workbook(path, strategy=STRATEGY, team=plan.team, quarter=plan.quarter, template=DEFAULT, lang=lang,
                        plan=plan, as_of=example.AS_OF)  # fmt: skip
    return path


def read(path):
    return read_team_workbook(path, STRATEGY)


def table(sheet):
    """{id: row} and {column key: column} of the initiatives table of an English workbook."""
    c1, r1, c2, r2 = range_boundaries(sheet.tables[layout.TABLE_INITIATIVES].ref)
    columns = {HEADERS[sheet.cell(r1, c).value]: c for c in range(c1, c2 + 1)}
    return {sheet.cell(r, c1).value: r for r in range(r1 + 1, r2 + 1)}, columns


def type_into(path, edits: dict):
    """Type into the initiatives table: {(row's id as written, column key): value}."""
    book = openpyxl.load_workbook(path)
    sheet = book["Initiatives"]
    rows, columns = table(sheet)
    for (row_id, key), value in edits.items():
        sheet.cell(rows[row_id], columns[key]).value = value
    book.save(path)


def cells_and_codes(reading):
    return [(str(p.cell), p.code) for p in reading.problems]


# --- written and read back -------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_team_workbook_with_initiatives_reads_back_as_its_plan(tmp_path, lang):
    reading = read(write(tmp_path / "marketing.xlsx", lang=lang))
    assert reading.problems == ()
    assert reading.plan == PLAN


def test_the_sheet_comes_after_the_okr_sheet_with_15_rows_of_ids_and_its_headers_in_each_language(tmp_path):
    blank = dataclasses.replace(PLAN, initiatives=())
    for lang, names, headers in (
        ("sv", ["Instruktioner", "OKR", "Initiativ", "Strategi", "Listor", "okrxl"],
         ["Id", "Initiativ", "Ansvarig", "Driver key result", "Läge", "Klart senast", "Anteckning", "Överfört från"]),
        ("en", ["Instructions", "OKRs", "Initiatives", "Strategy", "Lists", "okrxl"], list(HEADERS)),
    ):  # fmt: skip
        workbook = open_workbook(write(tmp_path / f"{lang}.xlsx", blank, lang))
        assert workbook.sheetnames == names
        sheet = workbook[layout.SHEET_INITIATIVES(lang)]
        assert sheet.tables[layout.TABLE_INITIATIVES].ref == "A4:H19"
        assert [c.value for c in sheet[4]] == headers
        assert [sheet.cell(r, 1).value for r in range(5, 20)] == [f"I{n}" for n in range(1, 16)]
        assert sheet["B1"].value == fill(DEFAULT.label("initiatives_title", lang), team="Marknad", quarter="2027-Q1")
        assert sheet["A2"].value == DEFAULT.instructions["initiatives"][0](lang)
    assert read(tmp_path / "en.xlsx").plan.initiatives == ()


def test_the_dropdowns_offer_the_teams_key_results_and_the_states_and_a_typed_list_is_no_error(tmp_path):
    workbook = open_workbook(write(tmp_path / "marketing.xlsx", lang="sv"))
    sheet = workbook["Initiativ"]
    validations = {str(v.sqref): v for v in sheet.data_validations.dataValidation}
    serves, state, due = validations["D5:D34"], validations["E5:E34"], validations["F5:F34"]
    assert (serves.type, serves.formula1, serves.showErrorMessage) == ("list", "okrxl_team_key_results", False)
    assert serves.prompt == "Välj ett key result i listan, eller skriv flera: O1.1, O2.2"
    assert (state.type, state.formula1, state.errorStyle) == ("list", "okrxl_initiative_states", "warning")
    assert due.type == "date"
    lists = workbook["Listor"]
    states = lists.cell(1, 7).value, *(lists.cell(r, 7).value for r in range(2, 6))
    assert states == ("okrxl_initiative_states", "planerad", "pågår", "klar", "avbruten")
    cached = open_workbook(tmp_path / "marketing.xlsx", data_only=True)["Listor"]
    ids = [cached.cell(r, 9).value for r in range(2, 12)]
    assert ids == ["O1.1", "O1.2", "O2.1", "O2.2", "O3.1", "O3.2", "O3.3", None, None, None]
    assert not sheet.protection.sheet and not sheet.column_dimensions["B"].protection.locked
    assert sheet.column_dimensions["F"].number_format == "yyyy-mm-dd"
    assert sheet["B9"].value == INITIATIVES[-1].title and sheet["B9"].data_type == "s"  # text stays text


def test_the_sheet_prints_on_a4_landscape_with_its_title_and_header_on_every_page(tmp_path):
    sheet = open_workbook(write(tmp_path / "marketing.xlsx"))["Initiatives"]
    assert (sheet.page_setup.paperSize, sheet.page_setup.orientation) == (9, "landscape")
    assert 85 <= sheet.page_setup.scale <= 100 and not sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$1:$4" and sheet.print_area == "'Initiatives'!$A$1:$H$19"
    assert sheet.oddFooter.center.text == "Page &P of &N" and "Marknad" in sheet.oddHeader.left.text
    assert sheet.freeze_panes == "C5"


def test_a_reading_names_the_cell_of_each_field_of_an_initiative(tmp_path):
    reading = read(write(tmp_path / "marketing.xlsx"))
    cells = {field: str(reading.cell("marketing.I2", field)) for field in ("id", "title", "owner", "serves",
                                                                          "state", "due", "note")}  # fmt: skip
    assert cells == {"id": "'Initiatives'!A6", "title": "'Initiatives'!B6", "owner": "'Initiatives'!C6",
                     "serves": "'Initiatives'!D6", "state": "'Initiatives'!E6", "due": "'Initiatives'!F6",
                     "note": "'Initiatives'!G6"}  # fmt: skip
    assert str(reading.locations["marketing.I9"]) == "'Initiatives'!A9"


# --- what the reader makes of what a team types ----------------------------------------------------------


def test_what_a_team_types_is_read_and_every_bad_cell_is_named(tmp_path):
    path = write(tmp_path / "marketing.xlsx")
    type_into(path, {
        ("I1", "state"): "Maybe",
        ("I2", "due"): "15/3",  # stored as text, as English settings keep it
        ("I3", "serves"): "O1",  # an objective
        ("I3", "state"): "In Progress",
        ("I5", "id"): "I2", ("I5", "title"): "Again",
        ("I6", "id"): None, ("I6", "title"): "Without an id", ("I6", "state"): "påbörjad",
        ("I7", "title"): "Several", ("I7", "serves"): "o1.1; O2.1", ("I7", "state"): "KLART",
        ("I8", "owner"): "Ann",
        ("I10", "title"): "A year the app made up", ("I10", "due"): dt.datetime(1931, 2, 1),
    })  # fmt: skip
    reading = read(path)
    assert cells_and_codes(reading) == [
        ("'Initiatives'!E5", "unknown-state"),
        ("'Initiatives'!A10", "duplicate-id"),
        ("'Initiatives'!A11", "inferred-id"),
        ("'Initiatives'!B13", "missing-title"),
        ("'Initiatives'!F14", "implausible-date"),
    ]
    read_back = {i.id: i for i in reading.plan.initiatives}
    assert list(read_back) == ["I1", "I2", "I3", "I4", "I9", "I5", "I7", "I10"]
    assert read_back["I1"].state is S.PLANNED
    assert read_back["I2"].due == dt.date(2027, 3, 15)
    assert (read_back["I3"].serves, read_back["I3"].state) == (("O1",), S.IN_PROGRESS)
    assert (read_back["I5"].title, read_back["I5"].state) == ("Without an id", S.IN_PROGRESS)
    assert (read_back["I7"].serves, read_back["I7"].state) == (("O1.1", "O2.1"), S.DONE)
    assert read_back["I10"].due is None
    assert "Maybe" in reading.problems[0].message and "planned" in reading.problems[0].message
    unknown = [(str(reading.cell(g.where, g.field, holding=g.linked_id)), g.where)
               for g in link_gaps(STRATEGY, [reading.plan]) if g.where.startswith("marketing.I")]  # fmt: skip
    assert unknown == [("'Initiatives'!D7", "marketing.I3")]


def test_headers_in_the_other_language_and_rows_typed_below_the_table_are_read(tmp_path):
    path = write(tmp_path / "marketing.xlsx", lang="sv")
    book = openpyxl.load_workbook(path)
    sheet = book["Initiativ"]
    for column, text in enumerate(HEADERS, start=1):
        sheet.cell(4, column).value = text.upper()
    sheet["B20"], sheet["D20"], sheet["E20"] = "Under tabellen", "O3.1", "planned"
    book.save(path)
    reading = read(path)
    assert cells_and_codes(reading) == [("'Initiativ'!A20", "inferred-id")]  # no below-table: no formulas here
    assert reading.plan.initiatives == (*INITIATIVES, Initiative(id="I16", title="Under tabellen", serves=("O3.1",)))


def test_a_workbook_made_before_the_sheet_existed_reads_as_before(tmp_path):
    path = write(tmp_path / "marketing.xlsx")
    book = openpyxl.load_workbook(path)
    del book["Initiatives"]
    book.save(path)
    reading = read(path)
    assert reading.problems == ()
    assert reading.plan == dataclasses.replace(PLAN, initiatives=())
    old = read(OLD_WORKBOOK)
    assert (old.problems, old.plan.initiatives) == ((), ())


def test_any_column_but_the_initiative_may_be_deleted_and_without_that_one_the_file_is_not_read(tmp_path):
    path = write(tmp_path / "marketing.xlsx")
    book = openpyxl.load_workbook(path)
    book["Initiatives"]["E4"] = None  # the State header: its column is no longer read
    book.save(path)
    reading = read(path)
    assert cells_and_codes(reading) == [("'Initiatives'!E4", "unknown-column")]
    assert [i.state for i in reading.plan.initiatives] == [S.PLANNED] * len(INITIATIVES)
    book["Initiatives"]["B4"] = "Vad"
    book.save(path)
    with pytest.raises(FileError) as error:
        read(path)
    assert error.value.code == "missing-column"
    assert "the table 'initiatives' on sheet 'Initiatives' has no column 'Initiativ' ('Initiative')" in str(error.value)


# --- a team fills it in, in LibreOffice ------------------------------------------------------------------


def test_initiatives_saved_by_libreoffice_read_back_and_the_key_result_list_follows_the_okr_table(
    tmp_path, libreoffice
):
    written = write(tmp_path / "written.xlsx", lang="sv")
    typed = write(tmp_path / "typed.xlsx", dataclasses.replace(PLAN, initiatives=()))
    book = openpyxl.load_workbook(typed)  # a key result added to the OKR table, an initiative for it
    okrs = book["OKRs"]
    row = next(r for r in range(5, 40) if okrs.cell(r, 1).value == "O2.3")
    okrs.cell(row, 2).value, okrs.cell(row, 3).value, okrs.cell(row, 9).value = "New customers", "count", 5
    sheet = book["Initiatives"]
    sheet["B5"], sheet["D5"], sheet["E5"], sheet["F5"] = "Call list", "O2.3", "in progress", dt.datetime(2027, 3, 1)
    book.save(typed)

    saved_written, saved_typed = libreoffice.convert([written, typed], tmp_path / "saved")
    reading = read(saved_written)
    assert reading.problems == ()
    assert reading.plan.initiatives == INITIATIVES
    reading = read(saved_typed)
    assert reading.problems == ()
    assert reading.plan.initiatives == (Initiative(id="I1", title="Call list", serves=("O2.3",), state=S.IN_PROGRESS,
                                                   due=dt.date(2027, 3, 1)),)  # fmt: skip
    lists = open_workbook(saved_typed, data_only=True)["Lists"]
    assert [lists.cell(r, 9).value for r in range(2, 10)] == [
        "O1.1", "O1.2", "O2.1", "O2.2", "O2.3", "O3.1", "O3.2", "O3.3",
    ]  # fmt: skip
