"""People's own workbooks (METHOD.md, "Personal OKRs"): written by okrxl, saved by a spreadsheet app, read
back, found in a quarter's folder, checked, and made by `okrxl generate --personal`."""

import dataclasses
import datetime as dt
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from sheets import open_workbook, table_rows

from okrxl.cli import cli
from okrxl.core.model import CheckIn, Confidence, KeyResult, KeyResultKind, Objective, Person, TeamQuarter
from okrxl.core.scoring import assess_team
from okrxl.demo import example
from okrxl.excel import layout
from okrxl.excel.folder import check_document, plan_gaps, read_folder
from okrxl.excel.template import DEFAULT
from okrxl.excel.workbook_reader import read_team_workbook
from okrxl.excel.workbook_writer import write_personal_workbook, write_strategy_workbook, write_team_workbook

AS_OF = example.AS_OF  # 2027-02-15, a check-in date
Q = example.QUARTER
ANNA = Person(id="anna", name="Anna Berg", team="marketing")
BO = Person(id="bo", name="Bo Ek", team="marketing")
CIA = Person(id="cia", name="Cia Lund", team="sales")
PEOPLE = (CIA, BO, ANNA)
"""In the People sheet's order: marketing's people are bo, then anna (not the order of their file names)."""


def strategy(lang="en", *, personal=True):
    """DPAB's strategy with personal OKRs on (or off) and people in two teams."""
    base = example.dpab_strategy(lang)
    return dataclasses.replace(base, people=PEOPLE, method=dataclasses.replace(base.method, personal_okrs=personal))


TEAMS = {plan.team.id: plan for plan in example.dpab_teams("en")}
"""Marketing: O1 (O1.1, O1.2), O2 (O2.1, O2.2), O3 (O3.1, O3.2, O3.3); sales: O1 (O1.1, O1.2), O2 (O2.1-O2.3)."""


def _d(month, day):
    return dt.date(2027, month, day)


def anna_plan(*, aligned=("O1",)):
    """Anna's own OKRs, scores worked out by hand at 2027-02-15:
    O1.1 milestone done, 1.0; O1.2 from 10 towards 30 at 20, (20 - 10) / (30 - 10) = 0.5; O1 (1.0 + 0.5) / 2 = 0.75.
    O2.1 a count of 4 at 1 (its last check-in 1 February), 0.25; O2.2 from 20 towards 40 at 30, 0.5; O2 0.375.
    Her score: (0.75 + 0.375) / 2 = 0.5625."""
    milestone = KeyResult(
        id="O1.1",
        title="Norwegian landing page live",
        kind=KeyResultKind.MILESTONE,
        due=_d(2, 15),
        owner="Anna",
        feeds="O1.1",
        check_ins=(CheckIn(date=_d(1, 18), value=0.5), CheckIn(date=_d(2, 15), value=1.0)),
    )
    metric = KeyResult(
        id="O1.2",
        title="Norwegian sign-ups a week",
        kind=KeyResultKind.INCREASE,
        baseline=10,
        target=30,
        feeds="O2.1",
        check_ins=(
            CheckIn(date=_d(1, 18), value=15),
            CheckIn(date=_d(2, 15), value=20, confidence=Confidence.BEHIND, note="Waiting for the translator"),
        ),
    )
    count = KeyResult(
        id="O2.1",
        title="Customer events hosted",
        kind=KeyResultKind.COUNT,
        target=4,
        check_ins=(CheckIn(date=_d(2, 1), value=1),),
    )
    share = KeyResult(
        id="O2.2",
        title="Share of invited customers attending",
        kind=KeyResultKind.PERCENT,
        unit="%",
        baseline=20,
        target=40,
        check_ins=(CheckIn(date=_d(2, 15), value=30),),
    )
    return TeamQuarter(team=TEAMS["marketing"].team, quarter=Q, person=ANNA, objectives=(
        Objective(id="O1", title="Norway finds us online", owner="Anna", aligned_to=aligned,
                  key_results=(milestone, metric)),
        Objective(id="O2", title="Customers meet us", aligned_to=("O2", "O3"), key_results=(count, share)),
    ))  # fmt: skip


def write_personal(path, plan=None, *, person=ANNA, lang="en", team_plan=None, **options):
    path.parent.mkdir(parents=True, exist_ok=True)
    write_personal_workbook(path, strategy=options.pop("strategy", strategy(lang)), person=person,
                            team_plan=team_plan or TEAMS[person.team], quarter=Q, template=DEFAULT, lang=lang,
                            plan=plan, as_of=AS_OF, **options)  # fmt: skip
    return path


def problems_of(result):
    return [(str(p.cell) if p.cell else None, str(p.code)) for p in result.problems]


# --- the workbook ---------------------------------------------------------------------------------------


def test_a_personal_workbook_names_the_person_and_the_team_and_records_them(tmp_path):
    book = open_workbook(write_personal(tmp_path / "anna.xlsx", anna_plan(), lang="sv", strategy=strategy("sv")))
    assert book.sheetnames == ["Instruktioner", "OKR", "Initiativ", "Teamets OKR", "Strategi", "Listor", "okrxl"]
    okrs = book["OKR"]
    assert okrs["B1"].value == "OKR för Anna Berg i Marknad, 2027-Q1"
    assert okrs["B2"].value == "Personlig poäng"
    assert okrs.oddHeader.left.text == "&BDigital Posthantering AB · Anna Berg · Marknad · 2027-Q1"
    assert book["Initiativ"]["B1"].value == "Initiativ för Anna Berg i Marknad, 2027-Q1"
    assert book["Instruktioner"]["A1"].value == "Så fyller du i dina personliga OKR"
    meta = {row[0]: row[1] for row in book["okrxl"].iter_rows(min_row=2, values_only=True)}
    assert (meta["workbook"], meta["team"], meta["person"], meta["quarter"]) == ("personal", "marketing", "anna",
                                                                                  "2027-Q1")  # fmt: skip


def test_the_dropdowns_list_the_teams_objectives_and_key_results_as_text(tmp_path):
    nasty = '=HYPERLINK("http://example.com","x")'
    marketing = TEAMS["marketing"]
    team_plan = dataclasses.replace(marketing, objectives=(
        *marketing.objectives[:2], dataclasses.replace(marketing.objectives[2], title=nasty)))  # fmt: skip
    book = open_workbook(write_personal(tmp_path / "anna.xlsx", anna_plan(), team_plan=team_plan))
    okrs = book["OKRs"]
    sources = {(str(v.sqref), v.formula1) for v in okrs.data_validations.dataValidation}
    assert {("E5:E34", "okrxl_objectives"), ("Y5:Y34", "okrxl_objectives"), ("X5:X34", "okrxl_key_results")} <= sources
    lists = book["Lists"]
    names = {name: lists[str(book.defined_names[name].attr_text).split("!")[1].replace("$", "")]
             for name in ("okrxl_objectives", "okrxl_key_results")}  # fmt: skip
    assert [cell.value for (cell,) in names["okrxl_objectives"]] == [
        "O1 – Deliver the marketing material needed for sales tests in Norway",
        "O2 – Strengthen the relationship with existing customers",
        f"O3 – {nasty}",
    ]
    assert all(cell.data_type == "s" for (cell,) in names["okrxl_objectives"])  # the title stays text
    assert [cell.value.split(" – ")[0] for (cell,) in names["okrxl_key_results"]] == [
        "O1.1", "O1.2", "O2.1", "O2.2", "O3.1", "O3.2", "O3.3"]  # fmt: skip
    # Anna's choices are written as the dropdown shows them
    assert (okrs["E5"].value, okrs["E11"].value, okrs["Y11"].value) == (
        "O1 – Deliver the marketing material needed for sales tests in Norway",
        "O2 – Strengthen the relationship with existing customers", f"O3 – {nasty}")  # fmt: skip
    assert okrs["X6"].value == "O1.1 – Launch the translated website by 15 Feb"


def test_the_team_okrs_sheet_shows_the_teams_objectives_and_key_results_read_only(tmp_path):
    book = open_workbook(write_personal(tmp_path / "anna.xlsx", anna_plan()))
    sheet = book["Team OKRs"]
    assert sheet["A1"].value == "OKRs of Marketing, 2027-Q1"
    assert [c.value for c in sheet[3]] == ["Id", "Objective / key result", "Aligned to", "Kind", "Commitment",
                                          "Unit", "Baseline", "Target", "Owner"]  # fmt: skip
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=4, max_row=7)]
    assert rows[0] == ["O1", "Deliver the marketing material needed for sales tests in Norway", "S3", None, None,
                       None, None, None, "Per"]  # fmt: skip
    assert rows[1][:4] == ["O1.1", "Launch the translated website by 15 Feb", None, "milestone"]
    assert rows[3][:2] == ["O2", "Strengthen the relationship with existing customers"]
    assert sheet.protection.sheet
    assert book["Strategy"]["A1"].value == "Strategy 2027 of Digital Posthantering AB"


def test_a_personal_workbook_saved_by_libreoffice_reads_back_as_the_persons_plan(tmp_path, libreoffice):
    written = write_personal(tmp_path / "anna.xlsx", anna_plan(), formula_today=AS_OF)
    (saved,) = libreoffice.convert([written], tmp_path / "saved")
    reading = read_team_workbook(saved, strategy())
    assert reading.problems == ()
    assert reading.person_id == "anna"
    assert reading.plan == anna_plan()  # objectives, aligned_to (`O1 – title` read as O1), feeds and check-ins
    assert reading.plan.person == ANNA and reading.plan.objectives[1].aligned_to == ("O2", "O3")
    # A person's ids are qualified with the team and the person, and their cells are found by them
    assert str(reading.cell("marketing.anna.O1", "aligned_to")) == "'OKRs'!E5"
    assert str(reading.cell("marketing.anna.O2.1", "check_ins")) == "'OKRs'!K12"


def test_the_sheets_scores_after_libreoffice_recalculates_them_are_okrxls(tmp_path, libreoffice):
    written = write_personal(tmp_path / "anna.xlsx", anna_plan(), formula_today=AS_OF)
    (saved,) = libreoffice.convert([written], tmp_path / "saved")
    sheet = open_workbook(saved, data_only=True)["OKRs"]
    rows = {row["id"]: row for row in table_rows(sheet, layout.TABLE_OKRS)}
    hand = {"O1": 0.75, "O1.1": 1.0, "O1.2": 0.5, "O2": 0.375, "O2.1": 0.25, "O2.2": 0.5}
    assert {item: rows[item]["score"] for item in hand} == pytest.approx(hand, abs=1e-9)
    assert sheet["C2"].value == pytest.approx(0.5625, abs=1e-9)
    assessed = assess_team(anna_plan(), period=Q.period(), as_of=AS_OF, method=strategy().method)
    assert assessed.score == pytest.approx(0.5625)
    statuses = {o.objective.id: o.status for o in assessed.objectives} | {
        kr.key_result.id: kr.status for o in assessed.objectives for kr in o.key_results}  # fmt: skip
    assert {item: rows[item]["status"] for item in hand} == {
        item: layout.STATUS_WORDS[status]("en") for item, status in statuses.items()}  # fmt: skip
    assert (rows["O1.2"]["current"], rows["O2.1"]["current"]) == (20, 1)
    assert rows["O1.1"]["status"] == "done"


# --- a quarter's folder -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def quarter_folder(tmp_path_factory):
    """strategy.xlsx and 2027-Q1/ with the three teams' workbooks and marketing/bo.xlsx, marketing/anna.xlsx and
    sales/cia.xlsx (Cia's plan is empty)."""
    root = tmp_path_factory.mktemp("okr")
    write_strategy_workbook(root / "strategy.xlsx", strategy=strategy(), template=DEFAULT, lang="en")
    folder = root / "2027-Q1"
    folder.mkdir()
    for plan in TEAMS.values():
        write_team_workbook(folder / f"{plan.team.id}.xlsx", strategy=strategy(), team=plan.team, quarter=Q,
                            template=DEFAULT, lang="en", plan=plan, as_of=AS_OF)  # fmt: skip
    bo = TeamQuarter(team=TEAMS["marketing"].team, quarter=Q, person=BO, objectives=(
        Objective(id="O1", title="Catalogue proofread", aligned_to=("O1",), key_results=(
            KeyResult(id="O1.1", title="Catalogue pages proofread", kind=KeyResultKind.COUNT, target=40,
                      check_ins=(CheckIn(date=_d(2, 15), value=10),)),)),))  # fmt: skip
    write_personal(folder / "marketing" / "anna.xlsx", anna_plan())
    write_personal(folder / "marketing" / "bo.xlsx", bo, person=BO)
    write_personal(folder / "sales" / "cia.xlsx", person=CIA)
    return root


@pytest.fixture
def okr(quarter_folder, tmp_path):
    """A copy of `quarter_folder` to change."""
    return Path(shutil.copytree(quarter_folder, tmp_path / "okr"))


def test_a_folder_reading_finds_the_peoples_workbooks_in_their_teams_subfolders(quarter_folder):
    reading = read_folder([quarter_folder / "2027-Q1"])
    files = {str(f.path.relative_to(quarter_folder / "2027-Q1")): f for f in reading.files}
    assert {name: (f.kind, f.used, f.problems) for name, f in files.items()} == {
        "marketing.xlsx": ("team", True, ()), "production.xlsx": ("team", True, ()), "sales.xlsx": ("team", True, ()),
        "marketing/anna.xlsx": ("personal", True, ()), "marketing/bo.xlsx": ("personal", True, ()),
        "sales/cia.xlsx": ("personal", True, ()),
    }  # fmt: skip
    assert [p.team.id for p in reading.plans] == ["marketing", "sales", "production"]
    # The strategy's team order, then the People sheet's (bo before anna), whatever the files' names
    assert [p.plan_id for p in reading.personal_plans] == ["marketing.bo", "marketing.anna", "sales.cia"]
    assert reading.personal_plans[1] == anna_plan()
    assert not reading.has_errors


def test_a_teams_folder_of_peoples_workbooks_read_alone_finds_the_strategy_two_folders_up(quarter_folder):
    reading = read_folder([quarter_folder / "2027-Q1" / "marketing"])
    assert reading.strategy_path == quarter_folder / "strategy.xlsx"
    assert [p.plan_id for p in reading.personal_plans] == ["marketing.bo", "marketing.anna"]
    assert reading.gaps == ()  # no missing-team: a team's folder holds no team workbooks to miss
    assert not reading.has_errors


def test_check_lists_each_persons_file_after_its_team_and_its_gaps_under_it(quarter_folder):
    reading = read_folder([quarter_folder / "2027-Q1"])
    anna = next(f for f in reading.files if f.path.name == "anna.xlsx")
    gaps = [(str(g.cell), str(g.gap.code), g.gap.where) for g in plan_gaps(reading, as_of=AS_OF).of(anna)]
    # O2.1's newest value is of 1 February: it missed the check-in of 15 February (column N, its row 12)
    assert ("'OKRs'!N12", "missed-checkin", "marketing.anna.O2.1") in gaps
    assert all(where.startswith("marketing.anna.") for _, _, where in gaps)
    document = check_document(reading, as_of=AS_OF)
    people = {Path(f["file"]).name: (f["kind"], f["team"], f["person"]) for f in document["files"]}
    assert people["anna.xlsx"] == ("personal", "marketing", "anna")
    assert people["marketing.xlsx"] == ("team", "marketing", None)

    result = CliRunner().invoke(cli, ["check", str(quarter_folder / "2027-Q1"), "--as-of", "2027-02-15"])
    lines = [line for line in result.output.splitlines() if not line.startswith(" ")]
    names = [line.split(":")[0].replace(str(quarter_folder / "2027-Q1") + "/", "") for line in lines[:6]]
    assert names == ["marketing.xlsx", "marketing/anna.xlsx", "marketing/bo.xlsx", "production.xlsx", "sales.xlsx",
                     "sales/cia.xlsx"]  # fmt: skip
    assert lines[1].endswith("(anna in team marketing, 2027-Q1)")
    assert result.exit_code == 0


def test_a_person_the_people_sheet_does_not_list_is_unknown_and_not_used(okr):
    eve = Person(id="eve", name="Eve", team="marketing")
    write_personal(okr / "2027-Q1" / "marketing" / "eve.xlsx", dataclasses.replace(anna_plan(), person=eve),
                   person=eve)  # fmt: skip
    reading = read_folder([okr / "2027-Q1"])
    result = next(f for f in reading.files if f.path.name == "eve.xlsx")
    assert (result.kind, result.used, problems_of(result)) == ("personal", False, [(None, "unknown-person")])
    assert result.problems[0].text.en == ("a personal workbook of 'eve', whom the strategy's People sheet does not "
                                          "list in team marketing; add eve to the People sheet with team marketing, "
                                          "or remove the file")  # fmt: skip
    assert result.team.plan.person == Person(id="eve", name="eve", team="marketing")
    assert "marketing.eve" not in [p.plan_id for p in reading.personal_plans]
    assert reading.has_errors


def test_with_personal_okrs_off_the_peoples_workbooks_are_named_and_not_used(okr):
    write_strategy_workbook(okr / "strategy.xlsx", strategy=strategy(personal=False), template=DEFAULT, lang="en")
    reading = read_folder([okr / "2027-Q1"])
    personal = [f for f in reading.files if f.kind == "personal"]
    assert [(f.path.name, f.used, problems_of(f)) for f in personal] == [
        (name, False, [(None, "personal-off")]) for name in ("anna.xlsx", "bo.xlsx", "cia.xlsx")]  # fmt: skip
    assert personal[0].problems[0].text.en == ("personal OKRs are off in the strategy's Settings, so this workbook "
                                               "is not read; set 'Personal OKRs' to yes to read it")  # fmt: skip
    assert reading.personal_plans == ()
    assert len(reading.plans) == 3 and not reading.has_errors  # a warning: check exits 0


def test_an_objective_aligned_to_an_objective_the_team_does_not_have_is_an_error_at_its_cell(okr):
    write_personal(okr / "2027-Q1" / "marketing" / "anna.xlsx", anna_plan(aligned=("O9",)))
    reading = read_folder([okr / "2027-Q1"])
    anna = next(f for f in reading.files if f.path.name == "anna.xlsx")
    # The OKR table's header is row 4 under the title rows; O1 on row 5, Aligned to is column E
    assert problems_of(anna) == [("'OKRs'!E5", "unknown-link")]
    assert "O9" in anna.problems[0].text.en and anna.used
    assert reading.has_errors


def test_without_the_teams_own_workbook_a_persons_links_are_not_judged(okr):
    write_personal(okr / "2027-Q1" / "marketing" / "anna.xlsx", anna_plan(aligned=("O9",)))
    (okr / "2027-Q1" / "marketing.xlsx").unlink()
    reading = read_folder([okr / "2027-Q1"])
    anna = next(f for f in reading.files if f.path.name == "anna.xlsx")
    assert (anna.used, anna.problems) == (True, ())
    assert [(g.code, g.where) for g in reading.gaps] == [("missing-team", "marketing")]


def test_two_workbooks_of_one_person_read_the_one_named_after_the_person(okr):
    shutil.copy(okr / "2027-Q1" / "marketing" / "anna.xlsx", okr / "2027-Q1" / "marketing" / "anna (1).xlsx")
    reading = read_folder([okr / "2027-Q1"])
    copy = next(f for f in reading.files if f.path.name == "anna (1).xlsx")
    assert (copy.used, problems_of(copy)) == (False, [(None, "duplicate-team")])
    assert copy.problems[0].text.en == ("a second workbook of anna in team marketing: marketing/anna.xlsx is the one "
                                        "read; remove this copy or move it out of the folder")  # fmt: skip
    assert [p.plan_id for p in reading.personal_plans] == ["marketing.bo", "marketing.anna", "sales.cia"]


def test_a_persons_workbook_copied_into_another_teams_folder_is_the_copy_by_its_folder(okr):
    shutil.copy(okr / "2027-Q1" / "marketing" / "anna.xlsx", okr / "2027-Q1" / "sales" / "anna.xlsx")
    reading = read_folder([okr / "2027-Q1"])
    read, copy = (next(f for f in reading.files if f.path.parent.name == team and f.path.name == "anna.xlsx")
                  for team in ("marketing", "sales"))  # fmt: skip
    assert (read.used, problems_of(read)) == (True, [])
    assert (copy.used, problems_of(copy)) == (False, [(None, "duplicate-team")])
    assert "marketing/anna.xlsx is the one read" in copy.problems[0].text.en


def test_a_persons_workbook_in_the_quarters_folder_itself_is_read_and_only_team_folders_are(okr):
    shutil.move(okr / "2027-Q1" / "marketing" / "anna.xlsx", okr / "2027-Q1" / "anna.xlsx")
    shutil.move(okr / "2027-Q1" / "marketing", okr / "2027-Q1" / "Marketing")  # a team's name in any case
    shutil.move(okr / "2027-Q1" / "sales", okr / "2027-Q1" / "other")  # not a team's name: not read
    reading = read_folder([okr / "2027-Q1"])
    anna = next(f for f in reading.files if f.path.name == "anna.xlsx")
    assert (anna.kind, anna.used, anna.problems) == ("personal", True, ())
    assert [p.plan_id for p in reading.personal_plans] == ["marketing.bo", "marketing.anna"]


def test_a_persons_workbook_of_another_quarter_is_left_out(okr):
    write_personal_workbook(okr / "2027-Q1" / "marketing" / "anna.xlsx", strategy=strategy(), person=ANNA,
                            team_plan=TEAMS["marketing"], quarter=Q.next(), template=DEFAULT, lang="en")  # fmt: skip
    reading = read_folder([okr / "2027-Q1"])
    anna = next(f for f in reading.files if f.path.name == "anna.xlsx")
    assert (reading.quarter, anna.used, problems_of(anna)) == (Q, False, [(None, "wrong-quarter")])


# --- okrxl generate --personal ----------------------------------------------------------------------------


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def teams_filled_in(tmp_path):
    """strategy.xlsx (people in marketing, sales and production) and 2027-Q1/marketing.xlsx and sales.xlsx filled
    in; production has none yet."""
    listed = dataclasses.replace(strategy(), people=(*PEOPLE, Person(id="dan", name="Dan", team="production")))
    write_strategy_workbook(tmp_path / "strategy.xlsx", strategy=listed, template=DEFAULT, lang="en")
    (tmp_path / "2027-Q1").mkdir()
    for plan in (TEAMS["marketing"], TEAMS["sales"]):
        write_team_workbook(tmp_path / "2027-Q1" / f"{plan.team.id}.xlsx", strategy=listed, team=plan.team,
                            quarter=Q, template=DEFAULT, lang="en", plan=plan)  # fmt: skip
    return tmp_path


def test_generate_personal_writes_a_workbook_per_person_aligned_to_the_teams_objectives(teams_filled_in):
    folder = teams_filled_in / "2027-Q1"
    result = run("generate", teams_filled_in / "strategy.xlsx", "--quarter", "2027-Q1", "--personal")
    written = [line for line in result.stdout.splitlines() if line.startswith("written")]
    assert written == [f"written {folder}/marketing/bo.xlsx", f"written {folder}/marketing/anna.xlsx",
                       f"written {folder}/sales/cia.xlsx"]  # fmt: skip
    assert result.stderr == (
        f"skipped the people of team production (dan): {folder}/production.xlsx does not "
        "exist; fill in the team's objectives first, then run generate --personal again\n"
    )
    assert result.exit_code == 1  # not everyone got a workbook
    reading = read_team_workbook(folder / "sales" / "cia.xlsx", strategy())
    assert (reading.person_id, reading.plan.person, reading.plan.objectives, reading.problems) == ("cia", CIA, (), ())
    lists = open_workbook(folder / "sales" / "cia.xlsx")["Lists"]
    assert [lists.cell(r, 5).value for r in (2, 3, 4)] == [
        "O1 – " + TEAMS["sales"].objectives[0].title,
        "O2 – " + TEAMS["sales"].objectives[1].title,
        None,
    ]

    typed = open_workbook(folder / "marketing" / "anna.xlsx")  # Anna types her first objective
    typed["OKRs"]["B5"] = "Norway finds us online"
    typed.save(folder / "marketing" / "anna.xlsx")
    again = run("generate", teams_filled_in / "strategy.xlsx", "--quarter", "2027-Q1", "--personal")
    assert again.exit_code == 1
    assert (f"skipped {folder}/marketing/anna.xlsx: it exists; nothing was changed (use --force to overwrite it)"
            in again.stderr)  # fmt: skip
    assert open_workbook(folder / "marketing" / "anna.xlsx")["OKRs"]["B5"].value == "Norway finds us online"
    forced = run("generate", teams_filled_in / "strategy.xlsx", "--quarter", "2027-Q1", "--personal", "--force",
                 "--team", "marketing")  # fmt: skip
    assert forced.exit_code == 0, forced.output
    assert f"overwritten {folder}/marketing/anna.xlsx" in forced.stdout
    assert open_workbook(folder / "marketing" / "anna.xlsx")["OKRs"]["B5"].value is None


def test_generate_personal_skips_a_team_without_objectives_and_says_which_file(teams_filled_in):
    write_team_workbook(teams_filled_in / "2027-Q1" / "production.xlsx", strategy=strategy(),
                        team=TEAMS["production"].team, quarter=Q, template=DEFAULT, lang="en")  # fmt: skip
    result = run("generate", teams_filled_in / "strategy.xlsx", "--quarter", "2027-Q1", "--personal")
    assert f"{teams_filled_in}/2027-Q1/production.xlsx has no objectives yet; fill in" in result.stderr
    assert (teams_filled_in / "2027-Q1" / "sales" / "cia.xlsx").exists()
    assert not (teams_filled_in / "2027-Q1" / "production").exists()


@pytest.mark.parametrize(("lang", "message"), [
    ("en", "okrxl: error: personal OKRs are off in strategy.xlsx: set 'Personal OKRs' to yes on its Settings sheet"),
    ("sv", "okrxl: fel: personliga OKR är avstängda i strategy.xlsx: sätt 'Personliga OKR' till ja på bladet "
           "Inställningar"),
], ids=["en", "sv"])  # fmt: skip
def test_generate_personal_with_the_setting_off_says_how_to_switch_it_on(tmp_path, lang, message):
    write_strategy_workbook(tmp_path / "strategy.xlsx", strategy=strategy(lang, personal=False), template=DEFAULT,
                            lang=lang)  # fmt: skip
    result = CliRunner().invoke(cli, ["generate", str(tmp_path / "strategy.xlsx"), "--quarter", "2027-Q1",
                                      "--personal"])  # fmt: skip
    assert result.exit_code == 1
    assert result.stderr.startswith(message)
    assert not (tmp_path / "2027-Q1").exists()


def test_generate_help_has_an_example_of_personal():
    assert "okrxl generate strategy.xlsx --quarter 2027-Q1 --personal" in run("generate", "--help").output


def test_generate_personal_uses_the_objectives_of_a_team_workbook_with_errors_and_says_so(teams_filled_in):
    sales = teams_filled_in / "2027-Q1" / "sales.xlsx"
    typed = open_workbook(sales)
    typed["OKRs"]["I6"] = "about half"  # O1.1's target (row 6, column I): not a number
    typed.save(sales)
    result = run("generate", teams_filled_in / "strategy.xlsx", "--quarter", "2027-Q1", "--personal", "--team", "sales")
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        f"note: {sales} has errors (1; `okrxl check {sales}` names them): the people's lists hold the objectives "
        "okrxl could read\n"
    )
    assert read_team_workbook(teams_filled_in / "2027-Q1" / "sales" / "cia.xlsx", strategy()).problems == ()
    lists = open_workbook(teams_filled_in / "2027-Q1" / "sales" / "cia.xlsx")["Lists"]
    assert [lists.cell(r, 5).value.split(" – ")[0] for r in (2, 3)] == ["O1", "O2"]


def test_a_team_folder_okrxl_may_not_list_is_a_note_and_the_rest_is_read(okr, monkeypatch):
    listed = Path.iterdir

    def iterdir(self):
        if self.name == "marketing":
            raise PermissionError(13, "Permission denied", str(self))
        return listed(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    reading = read_folder([okr / "2027-Q1"])
    assert [p.plan_id for p in reading.personal_plans] == ["sales.cia"]
    assert [p.team.id for p in reading.plans] == ["marketing", "sales", "production"]
    assert any("marketing: okrxl cannot list this folder (Permission denied)" in note.en for note in reading.notes)
