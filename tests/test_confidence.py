"""The team's confidence in the status words themselves, the older words still read (METHOD.md, issue 14).

Worked by hand from METHOD.md: on track / behind / at risk (sv: i fas / släpar efter / i riskzonen) are
offered; the older list's "off track" and "efter" mean at risk, Swedish "risk" means behind, and English
"at risk" now means at risk (in the older list it meant behind). For a milestone that is neither done
nor overdue, the status is what the team says: on track, behind or at risk.
"""

import datetime as dt

import pytest
from sheets import open_workbook, table_rows

from okrxl.core.model import CheckIn, Confidence, KeyResult, KeyResultKind, Objective, TeamQuarter
from okrxl.core.scoring import Status, assess_key_result, confidence_differs
from okrxl.demo import example
from okrxl.excel import layout
from okrxl.excel.cells import read_word
from okrxl.excel.sheet_formulas import NAME_SAID_AT_RISK, NAME_SAID_BEHIND, word_names
from okrxl.excel.template import DEFAULT
from okrxl.excel.workbook_reader import CONFIDENCE_VOCABULARY, read_team_workbook
from okrxl.excel.workbook_writer import write_team_workbook

ON, BEHIND, AT_RISK = Confidence.ON_TRACK, Confidence.BEHIND, Confidence.AT_RISK
STATUS = {None: Status.ON_TRACK, ON: Status.ON_TRACK, BEHIND: Status.BEHIND, AT_RISK: Status.AT_RISK}

# (word as typed, the confidence it means)
NEW_WORDS = [
    ("i fas", ON), ("släpar efter", BEHIND), ("i riskzonen", AT_RISK),
    ("on track", ON), ("behind", BEHIND), ("at risk", AT_RISK),
]  # fmt: skip
OLDER_WORDS = [
    ("efter", AT_RISK), ("risk", BEHIND),  # sv: i fas / risk / efter
    ("off track", AT_RISK), ("off-track", AT_RISK),  # en: on track / at risk / off track; "at risk" is above
]  # fmt: skip
VALUES = [("on-track", ON), ("behind", BEHIND), ("at-risk", AT_RISK)]  # the status document's spellings
TYPED_OTHERWISE = [("Släpar  Efter", BEHIND), ("  AT RISK ", AT_RISK), ("Off Track", AT_RISK), ("RISK", BEHIND)]
ALL_WORDS = NEW_WORDS + OLDER_WORDS + VALUES + TYPED_OTHERWISE

AS_OF = example.AS_OF  # 2027-02-15, before the milestone's due date


def test_the_dropdown_offers_the_status_words_in_order_good_to_bad():
    assert [(c, w.sv, w.en) for c, w in layout.CONFIDENCE_WORDS.items()] == [
        (ON, "i fas", "on track"), (BEHIND, "släpar efter", "behind"), (AT_RISK, "i riskzonen", "at risk"),
    ]  # fmt: skip
    for confidence, words in layout.CONFIDENCE_WORDS.items():  # the very words of the status
        assert words == layout.STATUS_WORDS[STATUS[confidence]]


@pytest.mark.parametrize(("word", "confidence"), ALL_WORDS, ids=[w for w, _ in ALL_WORDS])
def test_every_confidence_word_is_read_to_its_confidence(word, confidence):
    assert read_word(word, CONFIDENCE_VOCABULARY, "confidence") is confidence


@pytest.mark.parametrize(("word", "confidence"), ALL_WORDS, ids=[w for w, _ in ALL_WORDS])
def test_the_team_sheet_compares_the_same_words(word, confidence):
    """The sheet's Status formula: a word in okrxl_said_behind is behind, in okrxl_said_at_risk at risk."""
    names = dict(word_names())
    key = " ".join(word.casefold().split())  # the sheet compares LOWER(TRIM(cell)): Excel's TRIM also squeezes
    said = {BEHIND: NAME_SAID_BEHIND, AT_RISK: NAME_SAID_AT_RISK}
    for member, name in said.items():
        assert (f'"{key}"' in names[name].strip("{}").split(",")) == (member is confidence), (word, name)


def _milestone(confidence):
    check_in = CheckIn(date=dt.date(2027, 1, 18), value=0.4, confidence=confidence)
    return KeyResult(id="O1.1", title="Kundportal lanserad", kind=KeyResultKind.MILESTONE, due=dt.date(2027, 3, 15),
                     check_ins=(check_in,))  # fmt: skip


@pytest.mark.parametrize(("confidence", "status"), [(c, s) for c, s in STATUS.items() if c])
def test_a_milestones_status_is_the_teams_confidence(confidence, status):
    assessed = assess_key_result(_milestone(confidence), period=example.QUARTER.period(), as_of=AS_OF,
                                 method=example.dpab_strategy().method)  # fmt: skip
    assert (assessed.confidence, assessed.status) == (confidence, status)
    assert not confidence_differs(assessed.status, assessed.confidence)


def test_confidence_two_steps_from_the_status_is_a_mismatch():
    # on track (0), behind (1), at risk (2)
    assert confidence_differs(Status.ON_TRACK, AT_RISK) and confidence_differs(Status.OVERDUE, ON)
    assert confidence_differs(Status.DONE, AT_RISK) and confidence_differs(Status.AT_RISK, ON)
    assert not confidence_differs(Status.ON_TRACK, BEHIND) and not confidence_differs(Status.AT_RISK, BEHIND)
    assert not confidence_differs(Status.BEHIND, AT_RISK) and not confidence_differs(Status.BEHIND, ON)


@pytest.fixture(scope="module", params=["sv", "en"])
def workbook(request, tmp_path_factory):
    """A team workbook with one milestone checked in on 18 January, and its language."""
    lang, strategy = request.param, example.dpab_strategy()
    objective = Objective(id="O1", title="Nöjdare kunder", aligned_to=("S1",), key_results=(_milestone(None),))
    plan = TeamQuarter(team=strategy.teams[0], quarter=example.QUARTER, objectives=(objective,))
    path = tmp_path_factory.mktemp(lang) / "team.xlsx"
    write_team_workbook(path, strategy=strategy, team=plan.team, quarter=example.QUARTER, template=DEFAULT,
                        lang=lang, plan=plan)  # fmt: skip
    return path, lang


def test_a_generated_workbook_offers_the_status_words(workbook):
    path, lang = workbook
    lists = open_workbook(path)[layout.SHEET_LISTS(lang)]
    column = next(c for c in lists[1] if c.value == layout.NAME_CONFIDENCES).column
    offered = [lists.cell(row, column).value for row in range(2, 5)]
    assert offered == {"sv": ["i fas", "släpar efter", "i riskzonen"], "en": ["on track", "behind", "at risk"]}[lang]


@pytest.mark.parametrize(("word", "confidence"), NEW_WORDS + OLDER_WORDS, ids=[w for w, _ in NEW_WORDS + OLDER_WORDS])
def test_a_word_typed_in_a_workbook_of_either_language_gives_its_confidence_and_status(
    workbook, tmp_path, word, confidence
):
    source, lang = workbook
    book = open_workbook(source)
    sheet = book[layout.SHEET_OKRS(lang)]
    rows = table_rows(sheet, layout.TABLE_OKRS)
    column = list(rows[0]).index("confidence") + 1
    sheet.cell(next(r["_row"] for r in rows if r["id"] == "O1.1"), column).value = word
    path = tmp_path / "typed.xlsx"
    book.save(path)
    reading = read_team_workbook(path, example.dpab_strategy())
    assert reading.problems == ()
    kr = reading.plan.objectives[0].key_results[0]
    assert kr.check_ins == (CheckIn(date=dt.date(2027, 1, 18), value=0.4, confidence=confidence),)
    assessed = assess_key_result(kr, period=example.QUARTER.period(), as_of=AS_OF,
                                 method=example.dpab_strategy().method)  # fmt: skip
    assert assessed.status is STATUS[confidence]


def test_the_status_document_lists_the_confidence_values_and_the_change_of_at_risk():
    from pathlib import Path

    text = (Path(__file__).parent.parent / "docs" / "status-document.md").read_text(encoding="utf-8")
    assert 'Confidence = "on-track"|"behind"|"at-risk"' in text
    assert [c.value for c in Confidence] == ["on-track", "behind", "at-risk"]
    history = text.split("\n## History\n", 1)[1]
    assert '**`"at-risk"` now means at risk**' in history


def test_a_workbook_made_before_the_status_words_is_read_as_it_meant_at_risk(tmp_path):
    """Its dropdown offered "at risk" for behind, and its own Status formula reads it so: so does okrxl."""
    import datetime as dt

    import openpyxl
    from openpyxl.utils.cell import get_column_letter, range_boundaries

    from okrxl.core.model import Confidence
    from okrxl.demo import example
    from okrxl.excel.template import DEFAULT
    from okrxl.excel.workbook_reader import read_team_workbook
    from okrxl.excel.workbook_writer import write_team_workbook

    strategy = example.dpab_strategy("en")
    plan = example.dpab_teams("en")[1]
    path = tmp_path / "sales.xlsx"
    write_team_workbook(path, strategy=strategy, team=plan.team, quarter=example.QUARTER, template=DEFAULT,
                        lang="en", plan=plan, as_of=dt.date(2027, 2, 15))  # fmt: skip
    book = openpyxl.load_workbook(path)
    sheet = book["OKRs"]
    table = sheet.tables["okrs"]
    first, top, last, bottom = range_boundaries(table.ref)
    headers = [sheet.cell(top, c).value for c in range(first, last + 1)]
    confidence = first + headers.index("Confidence")
    for row in range(top + 1, bottom + 1):
        if sheet.cell(row, first).value == "O2.1":
            sheet.cell(row, confidence).value = "at risk"
    # The table as okrxl made it before the hidden KR score and KR status columns: two columns shorter.
    table.ref = f"{get_column_letter(first)}{top}:{get_column_letter(last - 2)}{bottom}"
    table.tableColumns = table.tableColumns[:-2]
    table.autoFilter = None
    book.save(path)
    reading = read_team_workbook(path, strategy)
    kr = next(kr for o in reading.plan.objectives for kr in o.key_results if kr.id == "O2.1")
    assert kr.check_ins[-1].confidence is Confidence.BEHIND
