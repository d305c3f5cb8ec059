"""Initiatives beside key results: their gaps, their rollover, the status document, the DataFrame and the
team's page of the report, on DPAB's plans with initiatives written here by hand.

The plans are the built-in example's (okrxl.demo.example), each team's initiatives replaced by the ones a
test gives it, so that what the example itself plans does not move these tests. On the example's date,
2027-02-15, DPAB's team key results stand:
  marketing   O1.1 done, O1.2 on-track, O2.1 behind, O2.2 at-risk, O3.1 overdue, O3.2 on-track, O3.3 at-risk
  sales       O1.1 on-track, O1.2 behind, O2.1 behind, O2.2 on-track, O2.3 on-track
  production  O1.1 at-risk, O1.2 behind, O2.1 at-risk, O2.2 at-risk, O2.3 done
and on the quarter's last day every one but marketing O1.1 and production O2.3 is still not done.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sheets import open_workbook

from okrxl.core.alignment import GapCode, find_gaps, link_gaps
from okrxl.core.model import Carried, Initiative, InitiativeState, Quarter, TeamQuarter
from okrxl.core.rollover import roll_over
from okrxl.core.scoring import assess_quarter, assess_team
from okrxl.core.status import review_quarter, status_document
from okrxl.demo import example
from okrxl.excel.report_reader import read_seen
from okrxl.jobs import Consolidation
from okrxl.outputs import noticeboard
from okrxl.outputs.report import write_report

AS_OF = example.AS_OF  # 2027-02-15
Q1, Q2 = Quarter(2027, 1), Quarter(2027, 2)
PLANNED, IN_PROGRESS, DONE, DROPPED = InitiativeState
INITIATIVE_GAPS = (GapCode.INITIATIVE_UNLINKED, GapCode.NO_INITIATIVE, GapCode.INITIATIVE_LATE, GapCode.UNKNOWN_LINK)
BEHIND_AT_RISK_OR_OVERDUE = [
    "marketing.O2.1", "marketing.O2.2", "marketing.O3.1", "marketing.O3.3",
    "sales.O1.2", "sales.O2.1",
    "production.O1.1", "production.O1.2", "production.O2.1", "production.O2.2",
]  # fmt: skip


def initiative(local_id: str = "I1", *serves: str, **fields) -> Initiative:
    """An initiative that serves `serves`, in progress, with nothing else wrong."""
    return Initiative(**({"id": local_id, "title": f"Arbete {local_id}", "owner": "Lina", "serves": serves,
                          "state": IN_PROGRESS} | fields))  # fmt: skip


def dpab(lang: str = "sv", **initiatives: tuple[Initiative, ...]) -> tuple[TeamQuarter, ...]:
    """DPAB's plans with the initiatives given per team id, and none elsewhere."""
    return tuple(dataclasses.replace(p, initiatives=initiatives.get(p.team.id, ())) for p in example.dpab_teams(lang))


def review(plans, as_of: dt.date = AS_OF, lang: str = "sv"):
    return review_quarter(example.dpab_strategy(lang), plans, quarter=Q1, as_of=as_of)


def initiative_gaps(plans, as_of: dt.date = AS_OF) -> list[tuple[str, str, str | None]]:
    """(code, where, field) of the gaps initiatives bring, most severe first, in plan order."""
    return [(str(g.code), g.where, g.field) for g in review(plans, as_of).gaps if g.code in INITIATIVE_GAPS]


# --- gaps --------------------------------------------------------------------------------------------------


def test_each_behind_at_risk_or_overdue_key_result_without_initiatives_is_a_no_initiative_gap_at_its_id():
    gaps = initiative_gaps(dpab())
    assert gaps == [("no-initiative", where, None) for where in BEHIND_AT_RISK_OR_OVERDUE]
    assert GapCode.NO_INITIATIVE.severity == "info"


@pytest.mark.parametrize(
    ("state", "gap"),
    [(PLANNED, False), (IN_PROGRESS, False), (DONE, True), (DROPPED, True)],
    ids=["planned removes it", "in progress removes it", "done does not", "dropped does not"],
)
def test_only_an_open_initiative_removes_no_initiative(state, gap):
    plans = dpab(marketing=(initiative("I1", "O2.1", state=state),))  # O2.1 is behind
    assert (("no-initiative", "marketing.O2.1", None) in initiative_gaps(plans)) is gap


def test_an_initiative_for_one_key_result_leaves_no_initiative_of_the_others_and_one_for_two_removes_both():
    plans = dpab(marketing=(initiative("I1", "O1.2"), initiative("I2", "O3.1", "O3.3")))  # O1.2 is on track
    wheres = [where for code, where, _ in initiative_gaps(plans) if code == "no-initiative"]
    assert wheres == [w for w in BEHIND_AT_RISK_OR_OVERDUE if w not in ("marketing.O3.1", "marketing.O3.3")]


def test_an_on_track_or_done_key_result_needs_no_initiative():
    wheres = {where for code, where, _ in initiative_gaps(dpab()) if code == "no-initiative"}
    assert not wheres & {"marketing.O1.1", "marketing.O1.2", "marketing.O3.2", "sales.O1.1", "production.O2.3"}


LATE_CASES = [
    (IN_PROGRESS, AS_OF - dt.timedelta(days=1), True),
    (PLANNED, AS_OF - dt.timedelta(days=1), True),
    (IN_PROGRESS, AS_OF, False),
    (IN_PROGRESS, AS_OF + dt.timedelta(days=1), False),
    (IN_PROGRESS, None, False),
    (DONE, AS_OF - dt.timedelta(days=30), False),
    (DROPPED, AS_OF - dt.timedelta(days=30), False),
]


@pytest.mark.parametrize(
    ("state", "due", "late"),
    LATE_CASES,
    ids=["in progress, due the day before", "planned, due the day before", "due on the as-of date",
         "due the day after", "no due date", "done long ago", "dropped is never late"],
)  # fmt: skip
def test_an_initiative_is_late_once_its_due_date_is_before_the_as_of_date_and_it_is_still_open(state, due, late):
    plans = dpab(sales=(initiative("I1", "O1.2", state=state, due=due),))
    found = [gap for gap in initiative_gaps(plans) if gap[0] == "initiative-late"]
    assert found == ([("initiative-late", "sales.I1", "due")] if late else [])


def test_a_late_initiative_says_so_in_both_languages():
    plans = dpab(sales=(initiative("I1", "O1.2", title="Kartlägg kunderna", due=dt.date(2027, 2, 10)),))
    gap = next(g for g in review(plans).gaps if g.code is GapCode.INITIATIVE_LATE)
    assert gap.text.en == ("initiative 'Kartlägg kunderna' was due 2027-02-10 but is still in progress; mark it "
                           "done, give it a new date or drop it")  # fmt: skip
    assert gap.text.sv.startswith("initiativet 'Kartlägg kunderna' skulle vara klart 2027-02-10 men står "
                                  "fortfarande som ”pågår”")  # fmt: skip
    assert GapCode.INITIATIVE_LATE.severity == "warning"


def test_an_initiative_that_serves_no_key_result_is_unlinked_at_its_serves_cell():
    plans = dpab(production=(initiative("I1"), initiative("I2", "O1.1")))
    gaps = initiative_gaps(plans)
    assert [gap for gap in gaps if gap[0] == "initiative-unlinked"] == [("initiative-unlinked", "production.I1",
                                                                         "serves")]  # fmt: skip
    gap = next(g for g in review(plans).gaps if g.code is GapCode.INITIATIVE_UNLINKED)
    assert "serves no key result" in gap.text.en and "stödjer inget key result" in gap.text.sv
    assert GapCode.INITIATIVE_UNLINKED.severity == "warning"


@pytest.mark.parametrize(
    ("serves", "said"),
    [("O1", "an objective"), ("O9.9", "which does not exist"), ("sales.O1.1", "which does not exist")],
    ids=["an objective's id", "an unknown id", "another team's key result"],
)
def test_serving_what_is_not_one_of_the_teams_key_results_is_an_unknown_link_at_the_serves_cell(serves, said):
    plans = dpab(marketing=(initiative("I1", "O1.2", serves),))
    strategy = example.dpab_strategy()
    errors = [g for g in find_gaps(strategy, plans, assess_quarter(strategy, plans, quarter=Q1, as_of=AS_OF))
              if g.code is GapCode.UNKNOWN_LINK]  # fmt: skip
    assert [(g.where, g.field, g.linked_id) for g in errors] == [("marketing.I1", "serves", serves)]
    assert said in errors[0].text.en
    # The same at any date, so `okrxl check` shows it at its cell.
    assert [(g.code, g.where, g.linked_id) for g in link_gaps(strategy, plans)] == [
        (GapCode.UNKNOWN_LINK, "marketing.I1", serves)
    ]


def test_an_initiative_that_serves_an_objective_does_not_serve_its_key_results():
    plans = dpab(marketing=(initiative("I1", "O3"),))
    wheres = [where for code, where, _ in initiative_gaps(plans) if code == "no-initiative"]
    assert "marketing.O3.1" in wheres and "marketing.O3.3" in wheres


def test_a_team_key_result_that_reads_like_an_activity_is_told_to_move_it_to_the_initiatives_sheet():
    strategy = example.dpab_strategy()
    first = strategy.objectives[0]
    activity = dataclasses.replace(first.key_results[0], title="Håll tre kundmöten")
    strategy = dataclasses.replace(strategy, objectives=(
        dataclasses.replace(first, key_results=(activity, *first.key_results[1:])), *strategy.objectives[1:]))  # fmt: skip
    status = review_quarter(strategy, dpab(), quarter=Q1, as_of=AS_OF)
    texts = {g.where: g.text for g in status.gaps if g.code is GapCode.ACTIVITY_NOT_RESULT}
    team = texts["marketing.O2.1"]  # "Skicka 3 nyhetsbrev ..."
    assert team.en.endswith("with a number or date, and move the activity itself to the Initiatives sheet")
    assert team.sv.endswith("med ett tal eller ett datum, och för över själva aktiviteten till bladet Initiativ")
    strategic = texts[first.key_results[0].id]  # the strategy workbook has no initiatives
    assert "Initiativ" not in strategic.sv and "Initiatives" not in strategic.en


def test_initiatives_change_no_score_and_no_status():
    strategy = example.dpab_strategy()
    plans = dpab(marketing=(initiative("I1", "O2.1", state=DONE), initiative("I2", "O2.2", due=dt.date(2027, 1, 1))))
    without, with_them = (assess_quarter(strategy, p, quarter=Q1, as_of=AS_OF) for p in (dpab(), plans))
    assert {k: (a.score, a.status) for k, a in with_them.key_results.items()} == {
        k: (a.score, a.status) for k, a in without.key_results.items()
    }
    assert [t.score for t in with_them.teams] == [t.score for t in without.teams]


# --- rollover ----------------------------------------------------------------------------------------------


def test_open_initiatives_go_with_their_carried_key_results_and_the_rest_stay_behind():
    """At Q1's end marketing O1.1 is done and the rest is not."""
    marketing = dpab(marketing=(
        initiative("I1", "O1.1"),  # its only key result is done: stays
        initiative("I2", "O1.1", "O1.2", state=PLANNED, note="Offert 8/2"),  # goes, serving O1.2 only
        initiative("I3", "O1.2", state=DONE),  # done: stays
        initiative("I4", "O2.1", state=DROPPED),  # dropped: stays
        initiative("I5", "O2.1", due=dt.date(2027, 4, 20)),  # due in Q2: keeps its date
        initiative("I6", "O2.2", state=PLANNED, due=dt.date(2027, 3, 20)),  # due in Q1, passed: date dropped
        initiative("I7"),  # serves nothing, so nothing carried: stays
        initiative("I8", "O3.3", due=dt.date(2027, 7, 1)),  # due in Q3, outside Q2: date dropped
    ))[0]  # fmt: skip
    final = assess_team(marketing, period=Q1.period(), as_of=Q1.period().end, method=example.dpab_strategy().method)
    rolled = roll_over(marketing, final, to=Q2)
    assert [(i.id, i.serves, i.state, i.due) for i in rolled.initiatives] == [
        ("I2", ("O1.2",), PLANNED, None),
        ("I5", ("O2.1",), IN_PROGRESS, dt.date(2027, 4, 20)),
        ("I6", ("O2.2",), PLANNED, None),
        ("I8", ("O3.3",), IN_PROGRESS, None),
    ]
    assert [i.carried for i in rolled.initiatives] == [Carried(quarter=Q1, id=i) for i in ("I2", "I5", "I6", "I8")]
    assert (rolled.initiatives[0].note, rolled.initiatives[0].owner, rolled.initiatives[0].title) == (
        "Offert 8/2", "Lina", "Arbete I2")  # fmt: skip


def test_a_carried_initiative_shows_where_it_came_from_in_the_status_document():
    production = dpab(production=(initiative("I1", "O1.1"),))[2]
    final = assess_team(production, period=Q1.period(), as_of=Q1.period().end, method=example.dpab_strategy().method)
    rolled = roll_over(production, final, to=Q2)
    status = review_quarter(example.dpab_strategy(), [rolled], quarter=Q2, as_of=dt.date(2027, 4, 15))
    [team] = status_document(status)["teams"]
    assert team["initiatives"][0]["carried_from"] == {"quarter": "2027-Q1", "id": "I1", "score": None}


# --- the status document and the DataFrame -----------------------------------------------------------------

SALES = (
    initiative("I1", "O2.1", title="Annonsera säljtjänster", owner="Fredrika", due=dt.date(2027, 3, 1)),
    initiative("I2", "O1.2", "O2.2", title="Kartlägg kundernas behov", owner=None, state=PLANNED, note="Erik"),
    initiative("I3", "O2.1", title="Mässa i Oslo", state=DROPPED),
)


def test_the_status_document_lists_each_teams_initiatives_and_each_key_results():
    document = status_document(review(dpab(sales=SALES)))
    assert document["schema"] == "okrxl.status/4"
    teams = {team["id"]: team for team in document["teams"]}
    assert teams["marketing"]["initiatives"] == []
    assert teams["sales"]["initiatives"] == [
        {"id": "sales.I1", "title": "Annonsera säljtjänster", "owner": "Fredrika", "serves": ["sales.O2.1"],
         "state": "in-progress", "due": "2027-03-01", "note": None, "carried_from": None},
        {"id": "sales.I2", "title": "Kartlägg kundernas behov", "owner": None, "serves": ["sales.O1.2", "sales.O2.2"],
         "state": "planned", "due": None, "note": "Erik", "carried_from": None},
        {"id": "sales.I3", "title": "Mässa i Oslo", "owner": "Lina", "serves": ["sales.O2.1"], "state": "dropped",
         "due": None, "note": None, "carried_from": None},
    ]  # fmt: skip
    key_results = {kr["id"]: kr["initiatives"] for o in teams["sales"]["objectives"] for kr in o["key_results"]}
    assert key_results == {"sales.O1.1": [], "sales.O1.2": ["sales.I2"], "sales.O2.1": ["sales.I1", "sales.I3"],
                           "sales.O2.2": ["sales.I2"], "sales.O2.3": []}  # fmt: skip
    strategic = [kr["initiatives"] for o in document["strategy"]["objectives"] for kr in o["key_results"]]
    assert strategic and all(ids == [] for ids in strategic)


def test_the_initiatives_dataframe_has_a_row_per_initiative():
    frame = Consolidation(reading=None, status=review(dpab(sales=SALES)), lang="sv").initiatives()
    assert list(frame.columns) == ["team", "id", "title", "owner", "serves", "state", "due", "note"]
    assert frame["id"].tolist() == ["sales.I1", "sales.I2", "sales.I3"]
    assert frame.loc[1, "serves"] == "sales.O1.2, sales.O2.2"
    assert frame["state"].tolist() == ["in-progress", "planned", "dropped"]
    assert str(frame["due"].dtype).startswith("datetime64") and frame.loc[0, "due"].date() == dt.date(2027, 3, 1)
    empty = Consolidation(reading=None, status=review(dpab()), lang="sv").initiatives()
    assert len(empty) == 0 and list(empty.columns) == list(frame.columns)


# --- the report --------------------------------------------------------------------------------------------

MARKETING = (
    initiative("I1", "O1.1", title="Översätt hemsidan", owner="Per", state=DONE, due=dt.date(2027, 2, 10)),
    initiative("I2", "O1.2", title="Katalogen med en norsk byrå", due=dt.date(2027, 3, 10)),
    initiative("I3", "O2.2", title="Boka lokal till eventet", owner="Mats", state=PLANNED),
    initiative("I4", "O3.2", "O3.3", title="LinkedIn-kampanj", owner="Johan", state=DROPPED),
    initiative("I5", "O2.1", title="Nyhetsbrev med kundcase", owner="Johan"),
)
STATES = {
    "sv": ("☐ planerad", "◔ pågår", "☑ klar", "☒ avbruten"),
    "en": ("☐ planned", "◔ in progress", "☑ done", "☒ dropped"),
}


def marketing_rows(lang: str) -> list:
    """Marketing's table as its page should read: objectives and key results by id, under each key result the
    initiatives that serve it as (title, due, state, owner)."""
    planned, going, done, dropped = STATES[lang]
    return [
        "O1", "O1.1", ("▸ I1 Översätt hemsidan", "→ 2027-02-10", done, "Per"),
        "O1.2", ("▸ I2 Katalogen med en norsk byrå", "→ 2027-03-10", going, "Lina"),
        "O2", "O2.1", ("▸ I5 Nyhetsbrev med kundcase", "", going, "Johan"),
        "O2.2", ("▸ I3 Boka lokal till eventet", "", planned, "Mats"),
        "O3", "O3.1", "O3.2", ("▸ I4 LinkedIn-kampanj", "", dropped, "Johan"),  # under both it serves
        "O3.3", ("▸ I4 LinkedIn-kampanj", "", dropped, "Johan"),
    ]  # fmt: skip


@pytest.fixture(scope="module", params=["sv", "en"])
def report(request, tmp_path_factory):
    lang = request.param
    path = tmp_path_factory.mktemp("report") / f"report-{lang}.xlsx"
    write_report(path, review(dpab(lang, marketing=MARKETING, sales=SALES), lang=lang), lang=lang)
    return lang, path


def shown(sheet) -> list:
    """The team page's table below its header row, as `marketing_rows` writes it."""
    first = len(noticeboard.TITLE_ROWS) + 2
    rows = [[c.value for c in row[:8]] for row in sheet.iter_rows(min_row=first) if any(c.value for c in row[:8])]
    return [row[0] if row[0] else (row[1], row[4] or "", row[6], row[7]) for row in rows]


def test_the_team_page_lists_each_initiative_under_each_key_result_it_serves(report):
    lang, path = report
    sheet = open_workbook(path)["Marknad" if lang == "sv" else "Marketing"]
    assert shown(sheet) == marketing_rows(lang)


def test_initiative_rows_are_indented_a_size_smaller_and_merged_over_title_and_bar(report):
    lang, path = report
    sheet = open_workbook(path)["Marknad" if lang == "sv" else "Marketing"]
    cell = next(c for row in sheet.iter_rows(min_col=2, max_col=2) for c in row
                if isinstance(c.value, str) and c.value.startswith("▸ I2"))  # fmt: skip
    assert cell.alignment.indent == 1 and cell.font.size == noticeboard.INITIATIVE_POINTS
    assert f"B{cell.row}:D{cell.row}" in {str(r) for r in sheet.merged_cells.ranges}


def test_the_overview_counts_initiatives_by_state(report):
    lang, path = report
    sheet = open_workbook(path)["Översikt" if lang == "sv" else "Overview"]
    row = next(r for r in sheet.iter_rows() if isinstance(r[1].value, str) and r[1].value.startswith("Initiativ"))
    said = {"sv": "Initiativ: ☐ 2 planerad   ◔ 3 pågår   ☑ 1 klar   ☒ 2 avbruten",
            "en": "Initiatives: ☐ 2 planned   ◔ 3 in progress   ☑ 1 done   ☒ 2 dropped"}  # fmt: skip
    assert (row[0].value, row[1].value) == (8, said[lang])


def test_the_data_sheet_has_a_table_of_initiatives_below_the_key_results(report):
    lang, path = report
    sheet = open_workbook(path)["Data"]
    assert sheet.tables["key_results"].ref == "A1:Z18"  # as it was: okrxl reads it back
    assert sheet.tables["initiatives"].ref == "A21:H29"  # two rows below, 5 of marketing and 3 of sales
    header = [c.value for c in sheet[21][:8]]
    assert header == ["team", "id", "title", "owner", "serves", "state", "due", "note"]
    row = dict(zip(header, [c.value for c in sheet[28][:8]], strict=True))
    assert row == {"team": "sales", "id": "sales.I2", "title": "Kartlägg kundernas behov", "owner": None,
                   "serves": "sales.O1.2, sales.O2.2", "state": "planned", "due": None, "note": "Erik"}  # fmt: skip
    assert sheet["G22"].value == dt.datetime(2027, 2, 10)
    assert len(read_seen(path)) == 17  # the key results a meeting saw, read back as before


def row_heights(path, sheet_name) -> list[float]:
    """The heights of the team page's table rows (below its header), in points."""
    sheet = open_workbook(path)[sheet_name]
    first = len(noticeboard.TITLE_ROWS) + 2
    return [sheet.row_dimensions[r].height for r in range(first, sheet.max_row + 1) if sheet.cell(r, 2).value]


def test_a_team_with_more_rows_than_a_page_holds_at_12_pt_keeps_to_one_page_at_11_pt(tmp_path):
    """Marketing's ten rows take its page at 12 pt with close lines; six initiative rows more fit at 11 pt."""
    crowded = (*MARKETING, initiative("I6", "O3.1", title="Lansera kampanjen"))
    path = tmp_path / "r.xlsx"
    write_report(path, review(dpab(marketing=crowded)), lang="sv")
    heights = row_heights(path, "Marknad")
    assert len(heights) == 10 + 7  # objectives and key results, then an initiative row each (I4 twice)
    assert sum(heights) <= noticeboard.TABLE_HEIGHT
    sheet = open_workbook(path)["Marknad"]
    sizes = {sheet.cell(r, 2).font.size for r in range(len(noticeboard.TITLE_ROWS) + 2, sheet.max_row + 1)
             if sheet.cell(r, 2).value}  # fmt: skip
    assert sizes == {11}


def test_a_team_with_few_rows_keeps_12_pt_and_its_initiative_rows_count_in_filling_the_page(tmp_path):
    path, more = tmp_path / "few.xlsx", tmp_path / "more.xlsx"
    write_report(path, review(dpab()), lang="sv")
    write_report(more, review(dpab(production=(initiative("I1", "O1.1"), initiative("I2", "O2.1")))), lang="sv")
    few, spaced = row_heights(path, "Produktion"), row_heights(more, "Produktion")
    assert len(spaced) == len(few) + 2
    assert spaced[1] < few[1]  # the key result rows are spread out less: the initiative rows take their room
    assert sum(spaced) <= noticeboard.TABLE_HEIGHT and sum(few) <= noticeboard.TABLE_HEIGHT
    assert open_workbook(more)["Produktion"].cell(len(noticeboard.TITLE_ROWS) + 3, 2).font.size == 12  # O1.1


def test_what_a_team_typed_into_an_initiative_stays_text_in_the_report(tmp_path):
    nasty = '=HYPERLINK("http://example.com","x")'
    plans = dpab(sales=(initiative("I1", "O1.2", title=nasty, owner="+cmd|' /C calc'!A0", note="@SUM(A1:A2)"),))
    path = tmp_path / "r.xlsx"
    write_report(path, review(plans), lang="sv")
    workbook = open_workbook(path)
    cells = [c for sheet in (workbook["Försäljning"], workbook["Data"]) for row in sheet.iter_rows() for c in row
             if isinstance(c.value, str) and (nasty in c.value or "calc" in c.value or "SUM" in c.value)]  # fmt: skip
    assert {c.value for c in cells} == {f"▸ I1 {nasty}", "+cmd|' /C calc'!A0", nasty, "@SUM(A1:A2)"}
    assert all(c.data_type == "s" for c in cells)
