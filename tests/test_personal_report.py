"""The personal level in what okrxl writes about a quarter: the report's pages, the status document, the
DataFrame, the terminal and the year review (METHOD.md, "Personal OKRs").

DPAB's Marketing lists four people; three of them have a plan, made here by hand, aligned to the team's O1 and
O3 (none to O2); Per missed the check-in of 15 February; Johan has no workbook. Sales lists Sara, who has none
either, so Sales shows nothing of people. At the example's date (15 February, t = 45/89 of Q1: a metric is on
track from 0.506 and behind from 0.379) the people score:

- Anna (O1 → O1): visits 2600 of 4000 → 0.65 on track; meetings 2 of 8 → 0.25 at risk: 0.45, yellow, at risk;
- Per (O1 → O3): contacts 56 of 200, the newest of 1 February → 0.28 at risk; the stand 60 % done, on track by
  his word → 0.6 on track: 0.44, yellow, at risk;
- Lina (O1 → O1): proofs 0.8 on track, glossary 240 of 300 → 0.8 on track: 0.8; (O2 → O3): case studies 3 of
  6 → 0.5 behind, leads 9 of 20 → 0.45 behind: 0.475; Lina 0.6375, shown 0.64, yellow, behind.

No team's page, JSON or frame shows 0.44, 0.45 or 0.64 anywhere else, so where those strings are not, no
person's score is.
"""

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest
from pdf_pages import SIZE_SLACK, overlapping, read_pdf, require_tool
from sheets import open_workbook, table_rows

import okrxl.jobs
from okrxl.core.alignment import latest_scheduled_check_in
from okrxl.core.model import CheckIn, Confidence, KeyResult, KeyResultKind, Objective, Person, TeamQuarter
from okrxl.core.status import review_quarter, status_document
from okrxl.demo import example
from okrxl.excel.folder import FileResult, FolderReading
from okrxl.outputs.pages import ReportBook, carried_text, check_in_text
from okrxl.outputs.report import PERSONAL_COLUMNS, personal_rows, write_report
from okrxl.outputs.summary import render_consolidation
from okrxl.outputs.year_review import YearReview, review_document, write_review

AS_OF, QUARTER = example.AS_OF, example.QUARTER
ANNA, PER, LINA, JOHAN = (Person(id="anna", name="Anna Berg", team="marketing"),
                          Person(id="per", name="Per Ek", team="marketing"),
                          Person(id="lina", name="Lina Holm", team="marketing"),
                          Person(id="johan", name="Johan Falk", team="marketing"))  # fmt: skip
SARA = Person(id="sara", name="Sara Lund", team="sales")
EVERYONE = (ANNA, PER, LINA, JOHAN, SARA)
"""The strategy's People sheet."""
SCORES = {"anna": "0,45", "per": "0,44", "lina": "0,64"}
"""Each person's score as a Swedish page shows it."""


def strategy(*, printed: bool = False, lang: str = "sv", people=EVERYONE):
    base = example.dpab_strategy(lang)
    method = dataclasses.replace(base.method, personal_okrs=True, print_personal_scores=printed)
    return dataclasses.replace(base, method=method, people=people)


def _checks(*values, confidence=None):
    """(month, day, value) check-ins; the confidence goes with the newest."""
    *older, (month, day, value) = values
    return (*(CheckIn(date=dt.date(2027, m, d), value=v) for m, d, v in older),
            CheckIn(date=dt.date(2027, month, day), value=value, confidence=confidence))  # fmt: skip


def _kr(id, title, kind, target=None, *checks, baseline=None, due=None, confidence=None, unit=None, feeds=None):
    return KeyResult(id=id, title=title, kind=kind, target=target, baseline=baseline, due=due, unit=unit,
                     feeds=feeds, check_ins=_checks(*checks, confidence=confidence))  # fmt: skip


def personal_plans() -> tuple[TeamQuarter, ...]:
    team = example.dpab_strategy().teams[0]
    inc, cnt, ms = KeyResultKind.INCREASE, KeyResultKind.COUNT, KeyResultKind.MILESTONE
    anna = (Objective(id="O1", title="Norska hemsidan når ut", aligned_to=("O1",), key_results=(
        _kr("O1.1", "Öka besöken på norska sidan till 4000", inc, 4000, (2, 1, 1200), (2, 15, 2600), baseline=0,
            unit="besök"),
        _kr("O1.2", "8 möten med norska byråer", cnt, 8, (2, 15, 2), unit="möten"),
    )),)  # fmt: skip
    per = (Objective(id="O1", title="Mässan ger nya kontakter", aligned_to=("O3",), key_results=(
        _kr("O1.1", "200 nya kontakter från mässan", cnt, 200, (1, 18, 20), (2, 1, 56), unit="kontakter"),
        _kr("O1.2", "Montern klar till 1/3", ms, None, (2, 1, 0.4), (2, 15, 0.6), due=dt.date(2027, 3, 1),
            confidence=Confidence.ON_TRACK),
    )),)  # fmt: skip
    lina = (
        Objective(id="O1", title="Katalogen utan fel", aligned_to=("O1",), key_results=(
            _kr("O1.1", "Korrekturen klar 1/3", ms, None, (2, 1, 0.5), (2, 15, 0.8), due=dt.date(2027, 3, 1),
                confidence=Confidence.ON_TRACK),
            _kr("O1.2", "Ordlista med 300 norska termer", inc, 300, (2, 15, 240), baseline=0, unit="termer"),
        )),
        Objective(id="O2", title="Kundcase som säljer", aligned_to=("O3",), key_results=(
            _kr("O2.1", "6 publicerade kundcase", cnt, 6, (2, 15, 3), unit="kundcase"),
            _kr("O2.2", "20 leads från kundcasen", cnt, 20, (2, 15, 9), unit="leads", feeds="O3.3"),
        )),
    )  # fmt: skip
    return tuple(TeamQuarter(team=team, quarter=QUARTER, objectives=objectives, person=person)
                 for person, objectives in ((ANNA, anna), (PER, per), (LINA, lina)))  # fmt: skip


def review(*, printed: bool = False, lang: str = "sv", personal=None, as_of=AS_OF, people=EVERYONE):
    return review_quarter(strategy(printed=printed, lang=lang, people=people), example.dpab_teams(lang),
                          quarter=QUARTER, as_of=as_of,
                          personal=personal_plans() if personal is None else personal)  # fmt: skip


def team_people(status, team_id="marketing"):
    return status.people.of(team_id)


# --- the core's values that every output shows ------------------------------------------------------------


def test_what_marketings_people_carry_and_who_has_not_checked_in():
    marketing = team_people(review())
    assert [p.id for p in marketing.listed] == ["anna", "per", "lina", "johan"]
    assert [a.plan.person.id for a in marketing.plans] == ["anna", "per", "lina"]
    assert (marketing.objectives, marketing.carried) == (("O1", "O2", "O3"), ("O1", "O3"))
    assert marketing.carried_share == pytest.approx(2 / 3)
    assert [p.id for p in marketing.missed] == ["per"]  # his contacts' last value is of 1 February
    assert [p.id for p in marketing.without_plan] == ["johan"]
    assert team_people(review(), "sales") is None  # Sara is listed, but no one in Sales has begun


def test_each_persons_score_grade_and_status_worked_out_by_hand():
    scored = {a.plan.person.id: (a.score, str(a.grade), str(a.status)) for a in team_people(review()).plans}
    assert scored == {
        "anna": (pytest.approx((0.65 + 0.25) / 2), "yellow", "at-risk"),
        "per": (pytest.approx((0.28 + 0.6) / 2), "yellow", "at-risk"),
        "lina": (pytest.approx(((0.8 + 0.8) / 2 + (0.5 + 0.45) / 2) / 2), "yellow", "behind"),
    }


def test_personal_plans_never_change_a_teams_score_or_gap():
    def teams(status):
        document = status_document(status)
        return document["teams"], document["gaps"], document["strategy"], document["alignment"]

    off = review_quarter(example.dpab_strategy(), example.dpab_teams(), quarter=QUARTER, as_of=AS_OF)
    assert teams(review()) == teams(review(personal=())) == teams(off)
    assert status_document(off)["people"] is None


# --- the status document ------------------------------------------------------------------------------------


def test_the_status_document_carries_every_persons_scores_whatever_the_pages_print():
    document = status_document(review(printed=False))
    assert document["schema"] == "okrxl.status/4"
    people = document["people"]
    assert people["print_scores"] is False
    (marketing,) = people["teams"]  # Sales, where no one has a plan yet, shows nothing
    assert {k: v for k, v in marketing.items() if k != "people"} == {
        "team": "marketing", "objectives": ["marketing.O1", "marketing.O2", "marketing.O3"],
        "carried": ["marketing.O1", "marketing.O3"], "carried_share": pytest.approx(2 / 3),
        "missed_check_in": ["per"], "without_workbook": ["johan"],
    }  # fmt: skip
    assert [(p["id"], p["name"], p["score"], p["grade"], p["status"]) for p in marketing["people"]] == [
        ("anna", "Anna Berg", pytest.approx(0.45), "yellow", "at-risk"),
        ("per", "Per Ek", pytest.approx(0.44), "yellow", "at-risk"),
        ("lina", "Lina Holm", pytest.approx(0.6375), "yellow", "behind"),
    ]
    assert people["gaps"] == [{"code": "missed-checkin", "severity": "info", "where": "marketing.per.O1.1",
                               "message": "'200 nya kontakter från mässan' has no value at the check-in of "
                                          "2027-02-15 (the newest is of 2027-02-01)"}]  # fmt: skip
    json.dumps(document)  # plain JSON types only


def test_a_persons_objectives_have_the_shape_of_a_teams_with_ids_qualified_by_team_and_person():
    document = status_document(review())
    team_objective = document["teams"][0]["objectives"][0]
    lina = document["people"]["teams"][0]["people"][2]
    objective = lina["objectives"][1]
    assert set(objective) == set(team_objective)
    assert set(objective["key_results"][0]) == set(team_objective["key_results"][0])
    assert (objective["id"], objective["aligned_to"], objective["score"]) == (
        "marketing.lina.O2", ["marketing.O3"], pytest.approx(0.475))  # fmt: skip
    leads = objective["key_results"][1]
    assert (leads["id"], leads["feeds"], leads["current"], leads["score"], leads["status"]) == (
        "marketing.lina.O2.2", "marketing.O3.3", 9.0, pytest.approx(0.45), "behind")  # fmt: skip
    ids = [kr["id"] for t in document["teams"] for o in t["objectives"] for kr in (o, *o["key_results"])]
    ids += [kr["id"] for t in document["people"]["teams"] for p in t["people"] for o in p["objectives"]
            for kr in (o, *o["key_results"])]  # fmt: skip
    assert len(ids) == len(set(ids)) == 10 + 7 + 7 + 4 + 8  # the teams', then Anna's, Per's and Lina's


# --- the DataFrame --------------------------------------------------------------------------------------


def consolidation(status):
    reading = FolderReading(strategy=status.strategy, strategy_path=None, strategy_reading=None, quarter=QUARTER,
                            files=(), gaps=(), notes=())  # fmt: skip
    return okrxl.jobs.Consolidation(reading=reading, status=status, lang="sv")


def test_the_people_frame_has_a_row_per_key_result_of_every_persons_plan():
    frame = consolidation(review()).people()
    assert list(frame.columns) == list(PERSONAL_COLUMNS)
    assert list(zip(frame.person, frame.id, strict=True)) == [
        ("anna", "marketing.anna.O1.1"), ("anna", "marketing.anna.O1.2"),
        ("per", "marketing.per.O1.1"), ("per", "marketing.per.O1.2"),
        ("lina", "marketing.lina.O1.1"), ("lina", "marketing.lina.O1.2"),
        ("lina", "marketing.lina.O2.1"), ("lina", "marketing.lina.O2.2"),
    ]  # fmt: skip
    assert list(frame.score) == pytest.approx([0.65, 0.25, 0.28, 0.6, 0.8, 0.8, 0.5, 0.45])
    assert list(frame.status) == ["on-track", "at-risk", "at-risk", "on-track", "on-track", "on-track", "behind",
                                  "behind"]  # fmt: skip
    assert set(frame.team) == {"marketing"} and list(frame.person_name[:1]) == ["Anna Berg"]
    assert list(frame.aligned_to) == ["marketing.O1"] * 2 + ["marketing.O3"] * 2 + ["marketing.O1"] * 2 + [
        "marketing.O3"] * 2  # fmt: skip
    per = frame[frame.id == "marketing.per.O1.1"].iloc[0]
    assert (per.objective_id, per.current, per.last_check_in, per.person_score) == (
        "marketing.per.O1", 56, dt.datetime(2027, 2, 1), pytest.approx(0.44))  # fmt: skip
    assert frame.groupby("person", sort=False).person_score.first().round(4).to_dict() == {
        "anna": 0.45, "per": 0.44, "lina": 0.6375}  # fmt: skip


def test_the_people_frame_is_empty_with_its_columns_when_the_level_is_off():
    off = review_quarter(example.dpab_strategy(), example.dpab_teams(), quarter=QUARTER, as_of=AS_OF)
    frame = consolidation(off).people()
    assert frame.empty and list(frame.columns) == list(PERSONAL_COLUMNS)
    assert list(personal_rows(off)) == []


# --- the terminal -------------------------------------------------------------------------------------------


def terminal(status, lang="sv"):
    """What `okrxl consolidate` prints, having read the three teams' workbooks and the three people's."""
    files = tuple(FileResult(path=Path(f"{name}.xlsx"), kind=kind, used=True)
                  for kind, names in (("team", ("marketing", "sales", "production")),
                                      ("personal", ("marketing/anna", "marketing/per", "marketing/lina")))
                  for name in names)  # fmt: skip
    reading = dataclasses.replace(consolidation(status).reading, files=files)
    return render_consolidation(reading, status, lang=lang).splitlines()


@pytest.mark.parametrize(
    ("lang", "said"),
    [("sv", "    personliga OKR: 2 av 3 objectives bärs; ej avstämt: Per Ek; ingen arbetsbok: Johan Falk"),
     ("en", "    personal OKRs: 2 of 3 objectives carried; not checked in: Per Ek; no workbook: Johan Falk")],
    ids=["sv", "en"],
)  # fmt: skip
def test_the_terminal_says_under_each_team_what_its_people_carry_and_who_has_not_checked_in(lang, said):
    lines = terminal(review(lang=lang), lang)
    assert lines[0].endswith({"sv": "läste 3 teamarbetsböcker och 3 personliga",
                              "en": "read 3 team workbooks and 3 personal ones"}[lang])  # fmt: skip
    marketing = next(
        i for i, line in enumerate(lines) if line.startswith(f"  {'Marknad' if lang == 'sv' else 'Marketing'}")
    )
    assert lines[marketing + 1] == said
    assert not any(score in line for line in lines for score in ("0,45", "0.45", "0,44", "0.44", "0,64", "0.64"))


def test_the_terminal_shows_each_persons_score_only_where_the_strategy_lets_the_pages_print_them():
    lines = terminal(review(printed=True))
    first = lines.index("    personliga OKR: 2 av 3 objectives bärs; ej avstämt: Per Ek; ingen arbetsbok: Johan Falk")
    assert [line.split() for line in lines[first + 1 : first + 4]] == [
        ["Anna", "Berg", "0,45", "gul", "i", "riskzonen"], ["Per", "Ek", "0,44", "gul", "i", "riskzonen"],
        ["Lina", "Holm", "0,64", "gul", "släpar", "efter"]]  # fmt: skip
    sales = next(i for i, line in enumerate(lines) if line.startswith("  Försäljning"))
    assert lines[sales + 1].startswith("  Produktion")  # no one in Sales has begun


# --- the report workbook ----------------------------------------------------------------------------------

BLOCK = {
    "sv": "Personliga OKR: 2 av 3 objectives bärs (O1, O3); O2 bärs inte · Saknar värde från avstämningen "
    "2027-02-15: Per Ek · Ingen arbetsbok än: Johan Falk",
    "en": "Personal OKRs: 2 of 3 objectives carried (O1, O3); O2 is not carried · Missed the check-in of 2027-02-15: "
    "Per Ek · No workbook yet: Johan Falk",
}
"""The line under Marketing's table: what its people's OKRs carry, who missed the check-in, who has no workbook."""
MARKETING = {"sv": "Marknad", "en": "Marketing"}


def written(tmp_path, *, printed=False, lang="sv", since=None):
    status = review_quarter(strategy(printed=printed, lang=lang), example.dpab_teams(lang), quarter=QUARTER,
                            as_of=AS_OF, since=since, personal=personal_plans())  # fmt: skip
    path = tmp_path / f"report-{printed}-{lang}.xlsx"
    write_report(path, status, lang=lang)
    return open_workbook(path)


def values(sheet) -> list[list]:
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def shown_values(sheet) -> list:
    """The values of the cells a person sees: not those of hidden columns (a team's trend, which its chart draws)."""
    hidden = {column for d in sheet.column_dimensions.values() if d.hidden for column in range(d.min, d.max + 1)}
    return [cell.value for row in sheet.iter_rows() for cell in row if cell.column not in hidden]


def tells_a_persons_score(value) -> bool:
    """A cell that holds one of the people's scores, as text (`0,45`) or as a number."""
    if isinstance(value, str):
        return any(score in value for score in (*SCORES.values(), *(s.replace(",", ".") for s in SCORES.values())))
    return isinstance(value, float) and any(value == pytest.approx(score) for score in (0.45, 0.44, 0.6375))


@pytest.mark.parametrize("printed", [False, True], ids=["private", "printed"])
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_team_page_says_what_its_people_carry_and_who_has_not_checked_in(tmp_path, lang, printed):
    sheet = written(tmp_path, printed=printed, lang=lang)[MARKETING[lang]]
    texts = [value for row in values(sheet) for value in row if isinstance(value, str)]
    assert BLOCK[lang] in texts


def test_no_persons_score_grade_or_status_is_on_a_printed_page_unless_the_strategy_lets_them_be(tmp_path):
    book = written(tmp_path, printed=False)
    telling = [(sheet.title, value) for sheet in book if sheet.title != "Data" for value in shown_values(sheet)
               if tells_a_persons_score(value) or (isinstance(value, str) and "Anna" in value)]  # fmt: skip
    assert telling == []
    people = table_rows(book["Data"], "people")  # the data sheet, not printed, has them as the JSON has
    assert [(r["person"], r["id"], r["score"]) for r in people[:2]] == [
        ("anna", "marketing.anna.O1.1", pytest.approx(0.65)), ("anna", "marketing.anna.O1.2", 0.25)]  # fmt: skip
    assert {r["person"]: r["person_score"] for r in people} == {
        "anna": pytest.approx(0.45), "per": pytest.approx(0.44), "lina": pytest.approx(0.6375)}  # fmt: skip


def test_where_the_strategy_lets_the_pages_print_them_each_person_has_a_row_under_the_line(tmp_path):
    book = written(tmp_path, printed=True)
    rows = values(book["Marknad"])
    line = next(i for i, row in enumerate(rows) if row[0] == BLOCK["sv"])
    assert [row[1:7] for row in rows[line + 1 :]] == [
        ["Anna Berg  → O1", "███████░┃░░░░░░░", "0,45", None, "▰▰▱ gul", "▼ i riskzonen"],
        ["Per Ek  → O3", "███████░┃░░░░░░░", "0,44", None, "▰▰▱ gul", "▼ i riskzonen"],
        ["Lina Holm  → O1, O3", "████████┃█░░░░░░", "0,64", None, "▰▰▱ gul", "▲ släpar efter"],
    ]  # 0.45 and 0.44 of 16 cells are 7 solid, 0.64 is 10; 51 % of the quarter has passed, the mark at cell 8
    assert len(table_rows(book["Data"], "people")) == 8 and len(table_rows(book["Data"], "key_results")) == 17


def test_the_gaps_page_lists_peoples_gaps_under_their_heading_with_the_persons_name(tmp_path):
    rows = values(written(tmp_path)["Luckor"])
    heading = next(i for i, row in enumerate(rows) if row[0] == "Personliga OKR")
    assert rows[heading + 1][:3] == ["info", "missed-checkin", "marketing.per.O1.1"]
    assert rows[heading + 1][5] == ("Per Ek: '200 nya kontakter från mässan' har inget värde från avstämningen "
                                    "2027-02-15 (det senaste är från 2027-02-01)")  # fmt: skip
    assert all(row[2] is None or not str(row[2]).startswith("marketing.per") for row in rows[:heading])


def test_since_last_time_names_the_people_who_missed_the_check_in(tmp_path):
    rows = values(written(tmp_path, since=dt.date(2027, 2, 1))["Sedan sist"])
    missed = [row[:5] for row in rows if row[0] == "saknar värde"]
    assert missed[-1] == ["saknar värde", "marketing.per", "", "",
                          "Per Ek har inget värde från avstämningen 2027-02-15 i sina personliga OKR"]  # fmt: skip
    assert [row[1] for row in missed[:-1]] == ["marketing.O2.2", "production.O2.2"]  # the teams' own, as before


# --- the report printed -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def printed_pages(tmp_path_factory, libreoffice):
    """Each report printed through LibreOffice as `okrxl consolidate --pdf` does: people's scores private, then
    printed (Swedish)."""
    require_tool("pdftotext")
    folder = tmp_path_factory.mktemp("printed")
    pages = {}
    for printed in (False, True):
        pdf = folder / f"report-{printed}.pdf"
        consolidation(review(printed=printed)).write_pdf(pdf)
        pages[printed] = read_pdf(pdf)
    return pages


def phrase_on(page, phrase: str) -> bool:
    wanted, texts = phrase.split(), [w.text for w in page.words]
    return any(texts[i : i + len(wanted)] == wanted for i in range(len(texts) - len(wanted) + 1))


def test_printed_the_line_fits_on_marketings_one_page_at_11_pt_or_more(printed_pages):
    pages = [page for page in printed_pages[False] if page.header_centre == "Marknad"]
    assert len(pages) == 1, f"Marketing prints on pages {[p.number for p in pages]}"
    page = pages[0]
    assert phrase_on(page, BLOCK["sv"])
    small = [(w.text, round(w.points, 1)) for w in page.words if w.points < 11 - SIZE_SLACK]
    assert small == [] and page.outside == [] and list(overlapping(page.words)) == []
    assert not any(tells_a_persons_score(w.text) for p in printed_pages[False] for w in p.words)


def test_printed_people_who_do_not_fit_go_on_the_next_page_whole_and_the_table_keeps_its_own(printed_pages):
    first, second = [page for page in printed_pages[True] if page.header_centre == "Marknad"]
    assert phrase_on(first, "O3.3 Generera 100 nya leads") and not phrase_on(first, "Anna Berg")
    assert phrase_on(second, BLOCK["sv"]) and phrase_on(second, "Anna Berg → O1")
    assert [w.text for w in second.words if tells_a_persons_score(w.text)] == ["0,45", "0,44", "0,64"]
    small = [(w.text, round(w.points, 1)) for w in second.words if w.points < 11 - SIZE_SLACK]
    assert small == [] and second.outside == []


# --- the year review ----------------------------------------------------------------------------------------


def year(*, printed=False, statuses=None):
    quarters = statuses or (review(printed=printed, as_of=dt.date(2027, 3, 31)),)
    return YearReview(strategy=strategy(printed=printed), quarters=quarters, lang="sv")


def test_the_review_document_has_per_team_and_quarter_what_people_carried_and_each_persons_score():
    # At the quarter's end nothing more was checked in: the scores are 15 February's, and all three missed the
    # check-in of 29 March.
    (marketing,) = review_document(year())["people"]
    q1 = marketing["quarters"]["2027-Q1"]
    assert (marketing["team"], marketing["name"]) == ("marketing", "Marknad")
    assert {k: v for k, v in q1.items() if k != "people"} == {
        "carried_share": pytest.approx(2 / 3), "carried": ["marketing.O1", "marketing.O3"],
        "missed_check_in": ["anna", "per", "lina"], "without_workbook": ["johan"],
    }  # fmt: skip
    assert [(p["id"], p["score"]) for p in q1["people"]] == [
        ("anna", pytest.approx(0.45)), ("per", pytest.approx(0.44)), ("lina", pytest.approx(0.6375))]  # fmt: skip
    off = review_quarter(example.dpab_strategy(), example.dpab_teams(), quarter=QUARTER, as_of=AS_OF)
    assert review_document(year(statuses=(off,)))["people"] is None


def year_sheet(tmp_path, review_of):
    path = tmp_path / "review.xlsx"
    write_review(path, review_of, lang="sv")
    book = open_workbook(path)
    return book, values(book["Året"])


def test_the_printed_year_review_shows_per_team_and_quarter_the_carried_share_and_how_many_take_part(tmp_path):
    book, rows = year_sheet(tmp_path, year())
    heading = next(i for i, row in enumerate(rows) if row[0] == "Personliga OKR per kvartal")
    assert rows[heading + 1][1:3] == ["Team", "2027-Q1"]
    assert rows[heading + 2][:3] == [None, "Marknad", "67% · 3"]
    assert rows[heading + 3][1] == ("Andelen av teamets objectives som personliga OKR bär · hur många som har "
                                    "personliga OKR")  # fmt: skip
    assert [row[0] for row in rows].count("marketing") == 1  # the team's id names its row of scores above
    assert not [v for sheet in book for v in shown_values(sheet) if tells_a_persons_score(v)]


def test_the_printed_year_review_has_each_persons_scores_only_where_the_strategy_lets_the_pages_print_them(tmp_path):
    _, rows = year_sheet(tmp_path, year(printed=True))
    heading = next(i for i, row in enumerate(rows) if row[0] == "Personliga OKR per kvartal")
    assert [row[1:3] for row in rows[heading + 3 : heading + 6]] == [
        ["Anna Berg", pytest.approx(0.45)],
        ["Per Ek", pytest.approx(0.44)],
        ["Lina Holm", pytest.approx(0.6375)],
    ]


def test_a_year_without_personal_okrs_prints_no_such_section(tmp_path):
    off = review_quarter(example.dpab_strategy(), example.dpab_teams(), quarter=QUARTER, as_of=AS_OF)
    _, rows = year_sheet(tmp_path, YearReview(strategy=example.dpab_strategy(), quarters=(off,)))
    assert not any(row[0] == "Personliga OKR per kvartal" for row in rows)


# --- what the line says in other cases ----------------------------------------------------------------------


def line_of(status, lang="sv"):
    book = ReportBook(None, lang)
    people = team_people(status)
    scheduled = latest_scheduled_check_in(status.strategy, QUARTER, status.as_of)
    return carried_text(book, people), check_in_text(book, people, scheduled)


@pytest.mark.parametrize(
    ("plans", "as_of", "people", "said"),
    [
        ((0,), AS_OF, (ANNA, PER, LINA), ("1 av 3 objectives bärs (O1); O2, O3 bärs inte",
                                          "Ingen arbetsbok än: Per Ek, Lina Holm")),
        ((0, 2), AS_OF, (ANNA, LINA), ("2 av 3 objectives bärs (O1, O3); O2 bärs inte", "Alla har stämt av.")),
        ((0, 1, 2), dt.date(2027, 1, 3), (ANNA, PER, LINA), ("2 av 3 objectives bärs (O1, O3); O2 bärs inte", "")),
    ],
    ids=["one plan", "everyone has checked in", "before the first check-in no one has missed it"],
)  # fmt: skip
def test_the_line_names_what_is_carried_and_who_is_late(plans, as_of, people, said):
    mine = personal_plans()
    assert line_of(review(personal=[mine[i] for i in plans], as_of=as_of, people=people)) == said
