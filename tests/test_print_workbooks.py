"""The team and strategy workbooks as they print: LibreOffice prints them to PDF, and every word on every
page is measured with `pdftotext -bbox-layout` (tests/pdf_pages.py says how).
"""

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from companies import EN_TITLES, QUARTER, SV_TITLES, long_plan, long_strategy
from pdf_pages import Page, overlapping, read_pdf, require_tool
from sheets import open_workbook

from okrxl.core.model import Carried, Initiative, InitiativeState, Quarter, Strategy
from okrxl.core.scoring import assess_team
from okrxl.demo import example
from okrxl.excel import layout
from okrxl.excel.book import header_lines, text_pixels
from okrxl.excel.template import DEFAULT, fill
from okrxl.excel.workbook_writer import write_strategy_workbook, write_team_workbook

SMALLEST_POINTS = 9


# --- the workbooks, printed once -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def pdftotext():
    require_tool("pdftotext")


@dataclasses.dataclass(frozen=True)
class Printed:
    """A workbook okrxl wrote and its pages as LibreOffice printed them."""

    name: str
    kind: str
    lang: str
    header: str
    """What the header's left side says on every page."""
    pages: list[Page]


def with_initiatives(plan, lang):
    """`plan` with 18 initiatives (more than the 15 rows a workbook provisions) of long titles, owners and notes."""
    titles = SV_TITLES if lang == "sv" else EN_TITLES
    states = list(InitiativeState)
    return dataclasses.replace(plan, initiatives=tuple(
        Initiative(id=f"I{n}", title=titles[n % 5], owner="Maximilian Östergren-Lindqvist",
                   serves=tuple(f"O{o}.{(n + o) % 5 + 1}" for o in range(1, 2 + n % 3)), state=states[n % 4],
                   due=dt.date(2028, 6, n + 1), note=titles[(n + 2) % 5] if n % 2 else None,
                   carried=Carried(quarter=Quarter(2028, 1), id=f"I{n + 4}") if n % 5 == 0 else None)
        for n in range(1, 19)
    ))  # fmt: skip


@pytest.fixture(scope="module")
def printed(tmp_path_factory, libreoffice, pdftotext) -> dict[str, Printed]:
    folder = tmp_path_factory.mktemp("print")
    made: dict[str, tuple[Path, str, str, str]] = {}

    def team(name, strategy, plan, lang, **options):
        path = folder / f"{name}.xlsx"
        write_team_workbook(path, strategy=strategy, team=plan.team, quarter=plan.quarter, template=DEFAULT,
                            lang=lang, plan=plan, **options)  # fmt: skip
        made[name] = (path, "team", lang, f"{strategy.company} · {plan.team.name} · {plan.quarter}")

    def strategy_book(name, strategy, lang):
        path = folder / f"{name}.xlsx"
        write_strategy_workbook(path, strategy=strategy, template=DEFAULT, lang=lang)
        made[name] = (path, "strategy", lang, DEFAULT.label("strategy_header", lang))

    dpab = example.dpab_strategy()
    strategy_book("dpab-strategy", dpab, "sv")
    for plan in example.dpab_teams():
        team(f"dpab-{plan.team.id}", dpab, plan, "sv", as_of=example.AS_OF, formula_today=example.AS_OF)
    for lang in ("sv", "en"):
        strategy = long_strategy(lang)
        strategy_book(f"long-strategy-{lang}", strategy, lang)
        teams = strategy.teams[:6] if lang == "sv" else strategy.teams[6:]
        for index, each in enumerate(teams):
            plan = with_initiatives(long_plan(strategy, each, lang), lang)
            previous = None
            if index == 0:  # last quarter's sheet too
                last = dataclasses.replace(plan, quarter=Quarter(2028, 1))
                previous = (last, assess_team(last, period=last.quarter.period(), as_of=dt.date(2028, 3, 31),
                                              method=strategy.method))  # fmt: skip
            team(f"long-{each.id}", strategy, plan, lang, as_of=dt.date(2028, 5, 1), formula_today=dt.date(2028, 5, 1),
                 previous=previous)  # fmt: skip
    for lang in ("sv", "en"):
        strategy_book(f"empty-{lang}", Strategy(company="", vision="", mission="", year=2028), lang)
    typed = folder / "typed-later.xlsx"  # the company's name and the year typed after `okrxl init`
    book = open_workbook(made["empty-sv"][0])
    book[layout.SHEET_SETTINGS.sv]["B4"] = "Nya Bolaget AB"
    book[layout.SHEET_SETTINGS.sv]["B7"] = 2029
    book.save(typed)
    made["typed-later"] = (typed, "strategy", "sv", DEFAULT.label("strategy_header", "sv"))

    pdfs = libreoffice.convert([path for path, *_ in made.values()], folder / "pdf", to="pdf")
    return {
        name: Printed(name, kind, lang, header, read_pdf(pdf))
        for (name, (_, kind, lang, header)), pdf in zip(made.items(), pdfs)
    }


def every_page(printed):
    return [(book, page) for book in printed.values() for page in book.pages]


# --- what every page shows -----------------------------------------------------------------------------


def test_every_word_on_every_page_prints_at_9_pt_or_more(printed):
    small = [(book.name, page.number, page.sheet, word.text, round(word.points, 2))
             for book, page in every_page(printed) for word in page.words if word.points < SMALLEST_POINTS]  # fmt: skip
    assert small == []
    sheets = {page.sheet for _, page in every_page(printed)}
    assert {"OKR", "OKRs", "Initiativ", "Initiatives", "Strategiska OKR", "Strategic OKRs", "Strategi",
            "Strategy"} <= sheets  # fmt: skip


def test_every_word_is_inside_its_page(printed):
    outside = [(book.name, page.number, word.text) for book, page in every_page(printed) for word in page.words
               if word.x0 < 0 or word.y0 < 0 or word.x1 > page.width or word.y1 > page.height]  # fmt: skip
    assert outside == []


def test_no_two_words_overlap(printed):
    found = [(book.name, page.number, page.sheet, a.text, b.text)
             for book, page in every_page(printed) for a, b in overlapping(page.words)]  # fmt: skip
    assert found == []


def test_the_tables_print_on_a4_landscape_and_the_lists_on_a4_portrait(printed):
    for book, page in every_page(printed):
        size = (round(page.width), round(page.height))
        wide = page.sheet in (*layout.SHEET_OKRS, *layout.SHEET_INITIATIVES, *layout.SHEET_STRATEGIC_OKRS,
                              *layout.SHEET_STRATEGY, *layout.SHEET_LAST_QUARTER)  # fmt: skip
        assert size == ((842, 595) if wide else (595, 842)), (book.name, page.number, page.sheet)


def test_every_column_a_team_fills_in_prints_and_the_hidden_helpers_do_not(printed):
    for book in printed.values():
        if book.kind != "team":
            continue
        okrs = " ".join(page.text for page in book.pages if page.sheet == layout.SHEET_OKRS(book.lang))
        keys = [c.key for c in layout.TEAM_COLUMNS if c.key not in (*layout.HIDDEN_KEYS, layout.CHECK_INS)]
        missing = [DEFAULT.label(key, book.lang) for key in keys if DEFAULT.label(key, book.lang) not in okrs]
        assert missing == [], book.name
        assert not [
            DEFAULT.label(key, book.lang) for key in layout.HIDDEN_KEYS if DEFAULT.label(key, book.lang) in okrs
        ]


def test_every_initiative_column_and_every_initiative_prints(printed):
    for book in printed.values():
        if book.kind != "team":
            continue
        pages = [page for page in book.pages if page.sheet == layout.SHEET_INITIATIVES(book.lang)]
        text = " ".join(page.text for page in pages)
        headers = [DEFAULT.label(layout.INITIATIVE_LABELS[c.key], book.lang) for c in layout.INITIATIVE_COLUMNS]
        assert [h for h in headers if h not in text] == [], book.name
        assert all(page.text.startswith(DEFAULT.label("initiatives_title", book.lang).split(" ")[0])
                   for page in pages), book.name  # fmt: skip
        ids = [f"I{n}" for n in range(1, 19 if book.name.startswith("long") else 16)]
        assert [i for i in ids if f" {i} " not in f" {text} "] == [], book.name
    text = " ".join(page.text for page in printed["long-team-06"].pages if page.sheet == "Initiatives")
    assert "2028-Q1 I9" in text and "Maximilian" in text


def test_every_weekly_check_in_date_and_every_strategic_column_prints(printed):
    okrs = " ".join(page.text for page in printed["long-team-06"].pages if page.sheet == "OKRs")
    dates = QUARTER.check_in_dates(cadence_weeks=1)
    assert len(dates) == 13
    assert [d.isoformat() for d in dates if d.isoformat() not in okrs] == []
    strategic = " ".join(page.text for page in printed["long-strategy-en"].pages if page.sheet == "Strategic OKRs")
    keys = [c.key for c in layout.STRATEGIC_COLUMNS if c.key != layout.CHECK_INS]
    assert [DEFAULT.label(key, "en") for key in keys if DEFAULT.label(key, "en") not in strategic] == []
    year = [d.isoformat() for n in (1, 2, 3, 4) for d in Quarter(2028, n).check_in_dates(cadence_weeks=1)]
    assert len(year) == 52 and [d for d in year if d not in strategic] == []


def test_a_sheet_wider_than_a_page_repeats_the_title_rows_and_the_id_and_title_columns(printed):
    book = printed["long-team-00"]
    pages = [page for page in book.pages if page.sheet == "OKR"]
    title = fill(DEFAULT.label("okrs_title", "sv"), team=long_strategy("sv").teams[0].name, quarter=QUARTER)
    assert len(pages) >= 4
    for page in pages:
        assert page.text.startswith(title), page.number
        assert "Id Objective / key result" in page.text, page.number
    assert len({page.body[-1].text for page in pages}) > 1  # the rows go on over more than one page down


def test_headers_and_footers_name_the_workbook_and_count_the_pages_in_its_language(printed):
    for book in printed.values():
        count = len(book.pages)
        for page in book.pages:
            assert page.header_left.replace(" ·", "") == book.header.replace(" ·", ""), (book.name, page.number)
            assert page.sheet in {
                layout.SHEET_INSTRUCTIONS(book.lang), layout.SHEET_OKRS(book.lang),
                layout.SHEET_INITIATIVES(book.lang), layout.SHEET_STRATEGY(book.lang),
                layout.SHEET_LAST_QUARTER(book.lang), layout.SHEET_SETTINGS(book.lang), layout.SHEET_TEAMS(book.lang),
                layout.SHEET_STRATEGIC_OKRS(book.lang), layout.SHEET_PEOPLE(book.lang),
            }, (book.name, page.number)  # fmt: skip
            words = ("Sida", "av") if book.lang == "sv" else ("Page", "of")
            assert page.footer == f"{words[0]} {page.number} {words[1]} {count}", (book.name, page.number)
    assert printed["dpab-marketing"].header == "Digital Posthantering AB · Marknad · 2027-Q1"
    assert printed["long-team-06"].pages[0].footer == f"Page 1 of {len(printed['long-team-06'].pages)}"


def test_a_strategy_without_a_company_prints_no_dangling_words(printed):
    for name, lang in (("empty-sv", "sv"), ("empty-en", "en")):
        pages = printed[name].pages
        text = " ".join(page.header_left + " " + page.text for page in pages)
        assert "·" not in text and "Settings of" not in text and "Inställningar för" not in text
        by_sheet = {page.sheet: page.first_line for page in pages}
        assert by_sheet[layout.SHEET_SETTINGS(lang)] == layout.SHEET_SETTINGS(lang)
        assert by_sheet[layout.SHEET_TEAMS(lang)] == layout.SHEET_TEAMS(lang)
        assert by_sheet[layout.SHEET_PEOPLE(lang)] == layout.SHEET_PEOPLE(lang)
        assert by_sheet[layout.SHEET_STRATEGIC_OKRS(lang)] == f"{layout.SHEET_STRATEGIC_OKRS(lang)} 2028"


def test_a_company_typed_after_init_shows_in_the_printed_titles(printed):
    text = " ".join(page.text for page in printed["typed-later"].pages)
    assert "Inställningar för Nya Bolaget AB" in text
    assert "Team på Nya Bolaget AB" in text
    assert "Personer på Nya Bolaget AB" in text
    assert "Strategiska OKR 2029 för Nya Bolaget AB" in text


# --- the print setup as written, without LibreOffice ------------------------------------------------------


def test_the_okr_sheet_prints_every_column_at_a_readable_scale_over_several_pages(tmp_path):
    strategy = long_strategy("sv")
    path = tmp_path / "t.xlsx"
    write_team_workbook(path, strategy=strategy, team=strategy.teams[0], quarter=QUARTER, template=DEFAULT,
                        lang="sv", plan=long_plan(strategy, strategy.teams[0], "sv"))  # fmt: skip
    sheet = open_workbook(path)["OKR"]
    assert (sheet.page_setup.paperSize, sheet.page_setup.orientation, sheet.page_setup.scale) == (9, "landscape", 85)
    assert not sheet.sheet_properties.pageSetUpPr.fitToPage
    assert (sheet.print_title_rows, sheet.print_title_cols) == ("$1:$4", "$A:$B")
    last = sheet.print_area.split(":")[-1].replace("$", "")
    header = {cell.value: cell.column_letter for cell in sheet[4]}
    assert last.startswith(header["Kommentar"]) and sheet.column_dimensions[header["Typnr"]].hidden
    assert sheet.col_breaks.count >= 3 and sheet.page_setup.pageOrder == "overThenDown"
    assert sheet.oddFooter.center.text == "Sida &P av &N"


def test_a_header_too_long_for_the_page_goes_on_two_lines_and_is_cut_short_there():
    company, team = "Nordiska Digitala Kommunikationstjänster i Göteborg AB", "Kundupplevelse och digital självservice"
    assert header_lines([company, team, "2028-Q2"], 2000) == [f"{company} · {team} · 2028-Q2"]
    assert header_lines([company, team, "2028-Q2"], 400) == [company, f"{team} · 2028-Q2"]
    first, second = header_lines([company * 3, team * 3, "2028-Q2"], 400)
    assert first.endswith("…") and second.endswith("…") and text_pixels(first) <= 400 >= text_pixels(second)


@pytest.mark.parametrize(
    ("label", "values", "expected"),
    [
        ("Settings[ of {company}]", {"company": "DPAB"}, "Settings of DPAB"),
        ("Settings[ of {company}]", {"company": "  "}, "Settings"),
        ("Strategic OKRs {year}[ of {company}]", {"company": "", "year": 2027}, "Strategic OKRs 2027"),
        ("OKRs of {team}, {quarter}", {"team": "Sales", "quarter": "2027-Q1"}, "OKRs of Sales, 2027-Q1"),
        ("{unknown} stays", {}, "{unknown} stays"),
    ],
    ids=["filled", "blank company", "empty company, year kept", "no optional part", "unknown field"],
)
def test_a_label_leaves_out_its_optional_part_while_a_field_in_it_is_empty(label, values, expected):
    assert fill(label, **values) == expected
