"""The admin's fortnight (issue 14): the whole path in each language, and what a meeting's report keeps.

- The admin path: init, generate, the teams fill in two check-ins (saved by LibreOffice), check, a
  report per meeting, rollover and the year review, in English and in Swedish. Every page of every
  workbook okrxl wrote and every line it printed must be in the workbook's language: once the
  company's own texts (titles, names, notes) are taken out, no word of the other language is left.
- "Before" on the changes page is what the earlier meeting's report showed, even when a team changes
  its file after that meeting.
- A report of an earlier as-of date never replaces one of a later date, not even when named with -o.
- Rollover does not carry a due date that lies outside the new quarter.
"""

import datetime as dt
import json
import re
import shutil

import pytest
from click.testing import CliRunner
from sheets import open_workbook, table_rows

from okrxl.cli import cli
from okrxl.core.model import Carried, KeyResult, KeyResultKind, Objective, Quarter, Team, TeamQuarter
from okrxl.core.rollover import roll_over
from okrxl.core.scoring import assess_team
from okrxl.demo import example
from okrxl.excel import layout
from okrxl.excel.template import DEFAULT


def run(*args, lang_env=None):
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    return result


# --- the admin path, in both languages ---------------------------------------------------------

ENGLISH_WORDS = frozenset({
    "the", "has", "is", "are", "no", "of", "and", "since", "score", "check-in", "target", "owner", "gap", "gaps",
    "missed", "before", "after", "value", "which", "write", "quarter", "done", "behind", "track", "risk", "overdue",
    "lead", "measured", "carried", "aligned", "what", "changed", "from", "with", "not", "yet", "reads", "like", "due",
    "needs", "but", "committed", "aspirational", "grades", "average", "reached", "every", "file", "files", "message",
    "severity", "where", "change", "current", "confidence", "comment", "sum", "none", "stale", "read", "checked",
    "could", "used", "errors", "warnings", "error", "warning", "readable", "overview", "alignment", "notes",
    "verdict", "strategy", "strategic", "feeds", "fed", "leadership",
})  # fmt: skip
"""Words okrxl's English texts use and its Swedish texts never do."""
SWEDISH_WORDS = frozenset({
    "och", "har", "är", "inget", "ingen", "sedan", "poäng", "avstämning", "avstämningen", "mål", "ansvarig", "lucka",
    "luckor", "före", "efter", "värde", "som", "inte", "skriv", "kvartalet", "klar", "släpar", "riskzonen",
    "försenad", "ledare", "mätt", "buret", "stödjer", "vad", "från", "med", "än", "låter", "behöver", "men",
    "åtagande", "betyg", "snittpoäng", "nådde", "varje", "fil", "filer", "meddelande", "allvar", "var", "ändring",
    "nu", "kommentar", "summa", "inaktuell", "läste", "kontrollerade", "kunde", "användas", "fel", "varning",
    "varningar", "läsbara", "översikt", "samordning", "anteckningar", "utfall", "strategi", "strategiska", "bidrar",
    "ledningens",
})  # fmt: skip
"""Words okrxl's Swedish texts use and its English texts never do."""
OTHER = {"en": SWEDISH_WORDS, "sv": ENGLISH_WORDS}

TEAM_FILL = {
    "en": {
        "O1": "Win the customers of the new region",
        "O1.1": "Raise monthly active customers from 200 to 500",
        "O1.2": "Open the regional office by 15 March",
        "O2": "Make the service faster to answer",
        "O2.1": "Cut the answer time from 48 to 24 hours",
        "O2.2": "Reach 90 % first-call resolution",
        "note": "Hiring went slower in February",
    },
    "sv": {
        "O1": "Vinn kunderna i den nya regionen",
        "O1.1": "Öka antalet aktiva kunder per månad från 200 till 500",
        "O1.2": "Öppna regionkontoret senast 15 mars",
        "O2": "Gör tjänsten snabbare att svara",
        "O2.1": "Korta svarstiden från 48 till 24 timmar",
        "O2.2": "Nå 90 % lösta ärenden vid första samtalet",
        "note": "Rekryteringen gick långsammare i februari",
    },
}
OWNERS = ("Alva", "Bertil")


def _columns(sheet):
    table = sheet.tables[layout.TABLE_OKRS]
    header_row = int(re.match(r"[A-Z]+(\d+)", table.ref)[1])
    keys = {text: key for key, words in DEFAULT.labels.items() for text in words}
    cols, check_ins = {}, {}
    for column in range(1, sheet.max_column + 1):
        text = sheet.cell(header_row, column).value
        if text in keys:
            cols[keys[text]] = column
        elif isinstance(text, str) and text[:2] == "20":
            check_ins[text] = column
    return header_row, cols, check_ins


def _plan_the_quarter(path, lang, team_index):
    """What a team types in at the planning meeting: two objectives of two key results each."""
    words = TEAM_FILL[lang]
    workbook = open_workbook(path)
    sheet = workbook[layout.SHEET_OKRS(lang)]
    header_row, cols, _ = _columns(sheet)
    kind = {k: layout.KIND_WORDS[k][2](lang) for k in ("increase", "decrease", "milestone", "percent")}
    rows = {sheet.cell(r, cols["id"]).value: r for r in range(header_row + 1, header_row + 31)}
    plan = {
        "O1": {"title": words["O1"], "aligned_to": "S1", "owner": OWNERS[0]},
        "O1.1": {"title": words["O1.1"], "kind": kind["increase"], "baseline": 200, "target": 500 + team_index,
                 "owner": OWNERS[0], "feeds": "S1.1"},
        "O1.2": {"title": words["O1.2"], "kind": kind["milestone"], "due": dt.datetime(2027, 3, 15),
                 "owner": OWNERS[1]},
        "O2": {"title": words["O2"], "aligned_to": "S2", "owner": OWNERS[1]},
        "O2.1": {"title": words["O2.1"], "kind": kind["decrease"], "baseline": 48, "target": 24, "owner": OWNERS[1]},
        "O2.2": {"title": words["O2.2"], "kind": kind["percent"], "target": 90, "unit": "%", "owner": OWNERS[0]},
    }  # fmt: skip
    for local_id, values in plan.items():
        for key, value in values.items():
            sheet.cell(rows[local_id], cols[key]).value = value
    workbook.save(path)


CHECK_INS = {
    # key result -> {check-in date: value}; O2.2 of the last team misses the second meeting's check-in.
    "O1.1": {"2027-01-18": 260, "2027-02-01": 300, "2027-02-15": 330},
    "O1.2": {"2027-01-18": 0.2, "2027-02-01": 0.3, "2027-02-15": 0.5},
    "O2.1": {"2027-01-18": 44, "2027-02-01": 41, "2027-02-15": 36},
    "O2.2": {"2027-01-18": 60, "2027-02-01": 70, "2027-02-15": 75},
}


def _check_in(path, lang, dates, *, skip=(), note=False):
    workbook = open_workbook(path)
    sheet = workbook[layout.SHEET_OKRS(lang)]
    header_row, cols, check_in_cols = _columns(sheet)
    rows = {sheet.cell(r, cols["id"]).value: r for r in range(header_row + 1, header_row + 31)}
    for kr_id, values in CHECK_INS.items():
        for day in dates:
            if (kr_id, day) not in skip:
                sheet.cell(rows[kr_id], check_in_cols[day]).value = values[day]
    if note:
        sheet.cell(rows["O2.1"], cols["note"]).value = TEAM_FILL[lang]["note"]
    workbook.save(path)


def _texts_of(path):
    """Every text a cell of a visible sheet shows (formulas by their results), and the sheet names."""
    workbook = open_workbook(path, data_only=True)
    texts = []
    for sheet in workbook.worksheets:
        if sheet.sheet_state != "visible" or sheet.title == "Data":
            continue  # the data sheet's columns and codes are keys for scripts, as in the JSON (docs/report.md)
        texts.append(sheet.title)
        texts += [v for row in sheet.iter_rows(values_only=True) for v in row if isinstance(v, str)]
    return texts


def _company_texts(lang):
    """The texts that are the company's, not okrxl's: they are left out of the language check."""
    strategy = example.dpab_strategy(lang)
    texts = [strategy.company, strategy.vision, strategy.mission, *TEAM_FILL[lang].values(), *OWNERS]
    for team in strategy.teams:
        texts += [team.name, team.lead or ""]
    for objective in strategy.objectives:
        texts += [objective.title, objective.owner or ""]
        for kr in objective.key_results:
            texts += [kr.title, kr.owner or "", kr.unit or ""]
    return sorted({t for t in texts if t}, key=len, reverse=True)


def _foreign_words(texts, lang):
    """The words of the other language in `texts`, once the company's own texts are taken out."""
    company = _company_texts(lang)
    found = set()
    for text in texts:
        for own in company:
            text = text.replace(own, " ")
        # file names, paths, commands, and words cut short (the poster shortens long titles: "Norge" to "No…")
        text = re.sub(r"[\w.-]+\.(xlsx|pdf|json)|/[^\s:]*|`[^`]*`|\w+…", " ", text)
        found |= {w for w in re.findall(r"[^\W\d_][\w'-]*", text.casefold()) if w in OTHER[lang]}
    return found


@pytest.fixture(scope="module", params=["en", "sv"])
def admin_path(request, tmp_path_factory, libreoffice):
    """The admin's quarter, from init to the year review; the outputs and what each command printed."""
    lang = request.param
    root = tmp_path_factory.mktemp(f"admin-{lang}")
    printed = []

    def step(*args, code=0):
        result = run(*args)
        assert result.exit_code == code, result.output
        printed.append(result.output)
        return result

    step("init", root / "strategy.xlsx", "--example", "dpab", "--lang", lang)
    step("generate", root / "strategy.xlsx", "--quarter", "2027-Q1")
    quarter = root / "2027-Q1"
    teams = sorted(quarter.glob("*.xlsx"))
    for index, path in enumerate(teams):
        _plan_the_quarter(path, lang, index)
        _check_in(path, lang, ["2027-01-18", "2027-02-01"])
    step("check", quarter, "--as-of", "2027-02-01")
    step("consolidate", quarter, "--as-of", "2027-02-01")
    for index, path in enumerate(teams):
        missed = {("O2.2", "2027-02-15")} if index == len(teams) - 1 else set()
        _check_in(path, lang, ["2027-02-15"], skip=missed, note=True)
    saved = libreoffice.convert(teams, root / "saved")  # the teams saved their files in LibreOffice
    for original, resaved in zip(teams, saved, strict=True):
        shutil.copyfile(resaved, original)
    step("check", quarter, "--as-of", "2027-02-15")
    second = step("consolidate", quarter, "--as-of", "2027-02-15", "--json", root / "status.json")
    step("rollover", quarter, "--to", "2027-Q2")
    step("check", root / "2027-Q2")
    step("review", root, "--year", "2027")
    return lang, root, printed, second


def test_the_admin_path_writes_a_report_per_meeting_and_the_review(admin_path):
    lang, root, printed, second = admin_path
    names = sorted(p.name for p in root.iterdir() if p.is_file())
    assert names == ["report-2027-Q1-2027-02-01.xlsx", "report-2027-Q1-2027-02-15.xlsx", "review-2027.xlsx",
                     "status.json", "strategy.xlsx"]  # fmt: skip
    status = json.loads((root / "status.json").read_text(encoding="utf-8"))
    assert status["since"] == "2027-02-01"  # the last meeting's report, kept beside the quarter
    missed = [g["where"] for g in status["gaps"] if g["code"] == "missed-checkin"]
    assert missed == ["sales.O2.2"]  # the last team in file order skipped it
    # answer time 48 -> 24 h, at 41 then 36: progress 7/24, then 12/24 (the biggest mover, with the other teams)
    movers = {c["where"]: (c["before"], c["after"]) for c in status["changes"] if c["kind"] == "mover"}
    assert movers["marketing.O2.1"] == (pytest.approx(7 / 24), pytest.approx(12 / 24))


def test_every_page_and_every_printed_line_is_in_the_workbooks_language(admin_path):
    lang, root, printed, _ = admin_path
    for name in ("report-2027-Q1-2027-02-01.xlsx", "report-2027-Q1-2027-02-15.xlsx", "review-2027.xlsx"):
        assert _foreign_words(_texts_of(root / name), lang) == set(), name
    for path in [*(root / "2027-Q1").glob("*.xlsx"), *(root / "2027-Q2").glob("*.xlsx")]:
        assert _foreign_words(_texts_of(path), lang) == set(), path.name
    lines = [line for output in printed for line in output.splitlines()]
    assert _foreign_words(lines, lang) == set()  # what was written and skipped too (skrev, hoppade över)


def test_the_language_check_finds_the_other_languages_words():
    assert _foreign_words(["'Öka' has no target yet"], "sv") == {"has", "no", "target", "yet"}
    assert _foreign_words(["Luckor (3)", "teamet säger i fas"], "en") == {"luckor"}


# --- what the last meeting saw ------------------------------------------------------------------


@pytest.fixture
def demo(tmp_path):
    assert run("demo", tmp_path, "--no-pdf", "--lang", "en").exit_code == 0
    return tmp_path


def _type_check_in(path, kr_id, day, value):
    workbook = open_workbook(path)
    sheet = workbook["OKRs"]
    header_row, cols, check_ins = _columns(sheet)
    row = next(r for r in range(header_row + 1, header_row + 31) if sheet.cell(r, cols["id"]).value == kr_id)
    sheet.cell(row, check_ins[day]).value = value
    workbook.save(path)


def _changes_of(result, where):
    return [(c["kind"], c["before"], c["after"]) for c in json.loads(result.stdout)["changes"] if c["where"] == where]


def test_before_is_what_the_earlier_meetings_report_showed_though_the_file_changed_since(demo, tmp_path):
    quarter = demo / "2027-Q1"
    assert run("consolidate", quarter, "--as-of", "2027-02-01").exit_code == 0
    kept = demo / "report-2027-Q1-2027-02-01.xlsx"
    row = next(r for r in table_rows(open_workbook(kept)["Data"], "key_results") if r["id"] == "marketing.O2.1")
    # Newsletters' open rate 42 -> 60 %, at 48 on 02-01: progress 6/18, behind (by hand, as the meeting saw it).
    assert (row["status"], row["score"]) == ("behind", pytest.approx(1 / 3))
    # After the meeting the team types 43 in the 02-01 column: looked at again, 02-01 was at risk (1/18).
    _type_check_in(quarter / "marketing.xlsx", "O2.1", "2027-02-01", 43)

    later = run("consolidate", quarter, "--as-of", "2027-02-15", "--json", "-")
    assert json.loads(later.stdout)["since"] == "2027-02-01"
    # 51 on 02-15 is 9/18 = 0.5, behind: as the meeting saw it on 02-01, so no status change; the score
    # moved 0.33 -> 0.50, which is outside the five biggest movers.
    assert _changes_of(later, "marketing.O2.1") == []

    (tmp_path / "away").mkdir()
    kept.rename(tmp_path / "away" / kept.name)  # without the kept report, the files on 02-01 are all there is
    recomputed = run("consolidate", quarter, "--as-of", "2027-02-15", "--since", "2027-02-01", "--json", "-",
                     "-o", tmp_path / "other.xlsx")  # fmt: skip
    assert ("better", "at-risk", "behind") in _changes_of(recomputed, "marketing.O2.1")


def test_a_report_of_an_earlier_date_never_replaces_a_later_one_even_with_o(demo):
    quarter = demo / "2027-Q1"
    target = demo / "meeting.xlsx"
    assert run("consolidate", quarter, "--as-of", "2027-02-15", "-o", target).exit_code == 0
    before = target.read_bytes()
    earlier = run("consolidate", quarter, "--as-of", "2027-02-01", "-o", target)
    assert earlier.exit_code == 1  # nothing was written, as whenever a file is skipped
    assert f"skipped {target}: it is the report as of 2027-02-15, later than 2027-02-01" in earlier.output
    assert target.read_bytes() == before
    assert run("consolidate", quarter, "--as-of", "2027-03-01", "-o", target).exit_code == 0  # a later one does
    assert target.read_bytes() != before
    assert run("consolidate", quarter, "--as-of", "2027-02-01", "-o", target, "--force").exit_code == 0


def test_a_report_pdf_of_an_earlier_date_never_replaces_a_later_one(demo, libreoffice):
    quarter = demo / "2027-Q1"
    target = demo / "meeting.xlsx"
    assert run("consolidate", quarter, "--as-of", "2027-02-15", "-o", target, "--pdf").exit_code == 0
    pdf = target.with_suffix(".pdf").read_bytes()
    target.unlink()  # only the PDF is left: its subject keeps the date
    earlier = run("consolidate", quarter, "--as-of", "2027-02-01", "-o", target, "--pdf")
    assert f"skipped {target.with_suffix('.pdf')}: it is the report as of 2027-02-15" in earlier.output
    assert target.with_suffix(".pdf").read_bytes() == pdf


# --- rollover and due dates ---------------------------------------------------------------------


def test_rollover_carries_a_due_date_only_when_it_lies_in_the_new_quarter():
    q1, q2 = Quarter(2027, 1), Quarter(2027, 2)

    def kr(local_id, due, kind=KeyResultKind.BINARY):
        return KeyResult(id=local_id, title=f"Partner contract signed {local_id}", kind=kind, due=due)

    plan = TeamQuarter(team=Team(id="sales", name="Sales"), quarter=q1, objectives=(
        Objective(id="O1", title="Grow", key_results=(
            kr("O1.1", dt.date(2026, 3, 15)),  # typed "15/3" in December: the clock's year, 2026
            kr("O1.2", dt.date(2027, 3, 10)),  # passed with Q1
            kr("O1.3", dt.date(2027, 5, 20)),  # within Q2: still the team's date
            kr("O1.4", dt.date(2027, 5, 20), KeyResultKind.MILESTONE),
        )),
    ))  # fmt: skip
    final = assess_team(plan, period=q1.period(), as_of=q1.period().end, method=example.dpab_strategy().method)
    rolled = roll_over(plan, final, to=q2)
    assert [k.due for k in rolled.objectives[0].key_results] == [None, None, dt.date(2027, 5, 20), dt.date(2027, 5, 20)]
    assert rolled.objectives[0].key_results[0].carried == Carried(quarter=q1, id="O1.1", score=0.0)


def test_a_due_date_typed_without_a_year_is_not_carried_for_check_to_blame_on_the_team(demo):
    quarter = demo / "2027-Q1"
    workbook = open_workbook(quarter / "sales.xlsx")
    sheet = workbook["OKRs"]
    header_row, cols, _ = _columns(sheet)
    row = next(r for r in range(header_row + 1, header_row + 31) if sheet.cell(r, cols["id"]).value == "O2.1")
    sheet.cell(row, cols["due"]).value = dt.datetime(2026, 3, 15)  # "15/3" typed in December 2026
    workbook.save(quarter / "sales.xlsx")
    assert "date-outside-quarter" in run("check", quarter / "sales.xlsx").output  # Q1: the team's to fix

    assert run("rollover", quarter, "--to", "2027-Q2").exit_code == 0
    check = run("check", demo / "2027-Q2")
    assert check.exit_code == 0 and "date-outside-quarter" not in check.output


# --- a strategy's errors, all in one run ------------------------------------------------------


def test_a_strategy_without_a_year_and_with_wrong_settings_and_a_repeated_team_lists_them_all_at_once(tmp_path):
    path = tmp_path / "strategy.xlsx"
    assert run("init", path, "--example", "dpab", "--lang", "en").exit_code == 0
    workbook = open_workbook(path)
    settings = workbook["Settings"]
    typed = {"Year": None, "Weeks between check-ins (1, 2 or 4)": 3, "Aspirational: yellow from": 1.5,
             "First month of the year (1-12)": 13}  # fmt: skip
    cells = {}
    for row in range(1, 30):
        label = settings.cell(row, 1).value
        if label in typed:
            settings.cell(row, 2).value = typed[label]
            cells[label] = f"'Settings'!B{row}"
    teams = workbook["Teams"]
    production = next(r["_row"] for r in table_rows(teams, "teams") if r["id"] == "production")
    teams.cell(production, 1).value = "sales"
    workbook.save(path)

    result = run("check", path, "--lang", "en")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == f"{path}: 5 errors (strategy)"
    assert sorted(lines[1:6]) == sorted([
        f"  error   {cells['Year']}  missing-setting: write the strategic year, e.g. 2027",
        f"  error   {cells['First month of the year (1-12)']}  bad-setting: the first month is 1 to 12, not 13; "
        "January is used",
        f"  error   'Teams'!A{production}  duplicate-id: team 'sales' is already on 'Teams'!A{production - 1}; "
        "give each team an id of its own",
        f"  error   {cells['Weeks between check-ins (1, 2 or 4)']}  bad-setting: method: cadence must be 1, 2 or 4 "
        "weeks, got 3; the default is used",
        f"  error   {cells['Aspirational: yellow from']}  bad-setting: method: aspirational thresholds must satisfy "
        "0 < yellow < green <= 1, got yellow 1.5 and green 0.7; the default is used",
    ])  # fmt: skip
