"""The consolidated report as it prints for the kitchen noticeboard, measured the way a person checks it:
LibreOffice prints it to PDF (`okrxl consolidate --pdf`), and every word on every page is measured with
`pdftotext -bbox-layout` (tests/pdf_pages.py says how).

What the pages must be: the poster first (one A4 portrait page, no header: a title of 28 pt or more, every
word 14 pt or more, the vision, the mission, the strategic objectives and the teams), then one page per team
in the strategy's order (11 pt or more, filling the page; a long team goes on over more pages with its table
header repeated), then the meeting pages: overview, since last time, gaps, alignment, files (10 pt or more).
Every page but the poster names its sheet in the header's centre (`&A`): that is how a page is told here.
"""

import dataclasses
import functools
import re
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from companies import AS_OF, QUARTER, long_plan, long_strategy
from pdf_pages import SIZE_SLACK, Page, Word, lines, overlapping, read_pdf, require_tool

import okrxl
from okrxl.cli import cli
from okrxl.core.model import Strategy, TeamQuarter
from okrxl.demo import example
from okrxl.excel.template import DEFAULT
from okrxl.excel.workbook_writer import write_strategy_workbook, write_team_workbook

TITLE_POINTS, POSTER_POINTS, TEAM_POINTS, MEETING_POINTS = 28, 14, 11, 10
"""The smallest the poster's title, any word on the poster, on a team's page and on a meeting page may print."""
FILLED = 0.7
"""How far down a team's page its lowest word reaches, at least, as a share of the page's height."""
INKED = 0.02
"""The share of a page's pixels, printed in grey, darker than mid grey, at least. The files page of the report
before the noticeboard had 2.8 %, its team pages 8 %; a blank page has none."""
A4_PORTRAIT = (595, 842)
MEETING_SHEETS = {
    "sv": ("Översikt", "Sedan sist", "Luckor", "Samordning", "Filer"),
    "en": ("Overview", "Since last time", "Gaps", "Alignment", "Files"),
}
"""In the order they print."""
EXCEL_SHEET_CHARS = 31
"""Excel's longest sheet name: a longer team name is cut short, and a " (2)" added where two cut names meet."""


# --- the reports, printed once -------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Printed:
    """A report okrxl printed, the strategy and the plans it was made of, and its pages."""

    name: str
    lang: str
    strategy: Strategy
    plans: tuple[TeamQuarter, ...]
    pdf: Path
    pages: list[Page]

    @property
    def poster(self) -> Page:
        return self.pages[0]

    @functools.cached_property
    def sheets(self) -> list[tuple[str, list[Page]]]:
        """The sheets after the poster, in print order: each header centre with its run of pages."""
        runs: list[tuple[str, list[Page]]] = []
        for page in self.pages[1:]:
            if runs and runs[-1][0] == page.header_centre:
                runs[-1][1].append(page)
            else:
                runs.append((page.header_centre, [page]))
        return runs

    @functools.cached_property
    def teams(self) -> dict[str, list[Page]]:
        """Each team's pages, by team id: for each team in the strategy's order, the next sheet named for it
        (none when there is no such sheet)."""
        found, runs, start = {}, self.sheets, 0
        for team in self.strategy.teams:
            at = next((i for i in range(start, len(runs)) if names_team(runs[i][0], team.name)), None)
            found[team.id] = [] if at is None else runs[at][1]
            start = start if at is None else at + 1
        return found

    @property
    def meeting_pages(self) -> list[Page]:
        return [page for page in self.pages[1:] if page.header_centre in MEETING_SHEETS[self.lang]]

    def where(self, page: Page) -> str:
        return f"{self.name} page {page.number} ({'the poster' if page.number == 1 else page.header_centre})"


def names_team(sheet: str, name: str) -> bool:
    """Whether a sheet of this name is the team's: its name, or as much of it as Excel allows."""
    if len(name) <= EXCEL_SHEET_CHARS:
        return sheet == name
    cut = re.sub(r" \(\d+\)$", "", sheet)
    return len(cut) >= EXCEL_SHEET_CHARS // 2 and name.startswith(cut)


@pytest.fixture(scope="module")
def poppler():
    require_tool("pdftotext")
    require_tool("pdftoppm")


def run(*args: str) -> None:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output


def print_dpab(folder: Path, lang: str) -> Path:
    """`okrxl demo --no-pdf`, an earlier meeting's report (so "since last time" has a meeting to start
    from), then the report of the example's own date with `--pdf`, as an admin does it."""
    run("demo", str(folder), "--no-pdf", "--lang", lang)
    run("consolidate", str(folder / str(example.QUARTER)), "--as-of", "2027-02-01")
    report = folder / f"dpab-{lang}.xlsx"
    run("consolidate", str(folder / str(example.QUARTER)), "--as-of", example.AS_OF.isoformat(), "--pdf",
        "-o", str(report))  # fmt: skip
    return report.with_suffix(".pdf")


def twelve_teams() -> tuple[Strategy, tuple[TeamQuarter, ...]]:
    """The company of twelve teams: the first with five objectives of five long key results, the others with
    two of two; the first six in Swedish, the other six in English, as their teams wrote them."""
    strategy = long_strategy("sv")
    plans = []
    for index, team in enumerate(strategy.teams):
        size = {} if index == 0 else {"objectives": 2, "key_results": 2}
        plans.append(long_plan(strategy, team, "sv" if index < 6 else "en", **size))
    return strategy, tuple(plans)


def print_twelve_teams(folder: Path, strategy: Strategy, plans: tuple[TeamQuarter, ...]) -> Path:
    """The company's workbooks written, then consolidated and printed through okrxl's Python API."""
    write_strategy_workbook(folder / "strategy.xlsx", strategy=strategy, template=DEFAULT, lang="sv")
    quarter_dir = folder / str(QUARTER)
    quarter_dir.mkdir()
    for plan in plans:
        write_team_workbook(quarter_dir / f"{plan.team.id}.xlsx", strategy=strategy, team=plan.team, quarter=QUARTER,
                            template=DEFAULT, lang="sv", plan=plan, as_of=AS_OF)  # fmt: skip
    pdf = folder / "twelve-teams.pdf"
    okrxl.consolidate(quarter_dir, as_of=AS_OF).write_pdf(pdf)
    return pdf


DPAB = ("dpab-sv", "dpab-en")
EVERY_REPORT = (*DPAB, "twelve-teams")


@pytest.fixture(scope="module")
def book(request, tmp_path_factory, libreoffice, poppler) -> Printed:
    """The report `request.param` names, printed once for the module: one report that fails to print fails
    only its own tests."""
    name = request.param
    folder = tmp_path_factory.mktemp(name)
    if name == "twelve-teams":
        strategy, plans = twelve_teams()
        pdf = print_twelve_teams(folder, strategy, plans)
        return Printed(name, "sv", strategy, plans, pdf, read_pdf(pdf))
    lang = name.removeprefix("dpab-")
    pdf = print_dpab(folder, lang)
    return Printed(name, lang, example.dpab_strategy(lang), example.dpab_teams(lang), pdf, read_pdf(pdf))


def reports(*names: str):
    return pytest.mark.parametrize("book", names, indirect=True)


def smallest(book: Printed, pages: list[Page], points: float) -> list[str]:
    """For each page with words smaller than `points`: where, how many, and the smallest."""
    found = []
    for page in pages:
        small = [w for w in page.words if w.points < points - SIZE_SLACK]
        if small:
            least = min(small, key=lambda w: w.points)
            found.append(f"{book.where(page)}: {len(small)} of {len(page.words)} words under {points} pt, "
                         f"the smallest {least.points:.1f} pt ({least.text!r})")  # fmt: skip
    return found


def in_reading_order(words: list[Word], phrase: str) -> bool:
    """Whether the phrase's words follow one another among `words`, in pdftotext's reading order."""
    wanted, texts = phrase.split(), [w.text for w in words]
    return any(texts[i : i + len(wanted)] == wanted for i in range(len(texts) - len(wanted) + 1))


def in_order(words: list[Word], phrase: str) -> bool:
    """Whether the phrase's words are among `words` in its order, other words (a column beside) between."""
    texts = iter(w.text for w in words)
    return all(word in texts for word in phrase.split())


# --- the pages and their order --------------------------------------------------------------------------


@reports(*DPAB)
def test_the_poster_prints_first_then_a_page_per_team_in_the_strategys_order_then_the_meeting_pages(book):
    expected = [team.name for team in book.strategy.teams] + list(MEETING_SHEETS[book.lang])
    printed = [f"{sheet} (pages {', '.join(str(p.number) for p in pages)})" for sheet, pages in book.sheets]
    assert [sheet for sheet, _ in book.sheets] == expected, f"{book.name}: after the poster, page 1, come {printed}"


@reports(*EVERY_REPORT)
def test_the_poster_prints_on_a4_portrait(book):
    size = book.poster.size
    assert size == A4_PORTRAIT, f"{book.name}: the poster (page 1) is {size} pt, not A4 portrait {A4_PORTRAIT}"


@reports(*EVERY_REPORT)
def test_the_poster_is_one_page_and_the_first_teams_page_follows_it(book):
    first = book.strategy.teams[0].name
    second = book.pages[1].header_centre if len(book.pages) > 1 else "(there is no page 2)"
    assert names_team(second, first), (
        f"{book.name}: page 2 is not the first team's, {first!r}, but {second!r}: is the poster more than one page?"
    )


@reports("twelve-teams")
def test_every_team_of_twelve_has_a_page_in_the_strategys_order(book):
    missing = [team.name for team in book.strategy.teams if not book.teams[team.id]]
    assert not missing, f"no page for the teams {missing}; the sheets print as {[sheet for sheet, _ in book.sheets]}"


# --- the poster ----------------------------------------------------------------------------------------


@reports(*DPAB)
def test_the_posters_title_is_28_pt_or_more(book):
    largest = max(book.poster.words, key=lambda w: w.points, default=None)
    assert largest is not None, f"{book.name}: the poster (page 1) has no words"
    size = largest.points
    assert size >= TITLE_POINTS - SIZE_SLACK, (
        f"{book.name}: the poster's largest word, {largest.text!r}, is {size:.1f} pt"
    )


@reports(*EVERY_REPORT)
def test_every_word_on_the_poster_is_14_pt_or_more(book):
    small = smallest(book, [book.poster], POSTER_POINTS)
    assert not small, "\n".join(small)


@reports(*DPAB)
def test_the_poster_shows_the_vision_the_mission_the_strategic_objectives_and_the_teams(book):
    words, strategy = book.poster.words, book.strategy
    texts = {w.text.strip(".,:;()") for w in words}
    missing = [f"{what} {text!r}" for what, text in (("vision", strategy.vision), ("mission", strategy.mission))
               if not in_order(words, text)]  # fmt: skip
    missing += [f"strategic objective {o.id}" for o in strategy.objectives if o.id not in texts]
    missing += [f"team {t.name!r}" for t in strategy.teams if not in_reading_order(words, t.name)]
    assert not missing, f"{book.name}: the poster (page 1) does not show " + "; ".join(missing)


# --- the teams' pages ----------------------------------------------------------------------------------


@reports(*EVERY_REPORT)
def test_every_word_on_a_teams_page_is_11_pt_or_more_header_and_footer_too(book):
    pages = [page for pages in book.teams.values() for page in pages]
    assert pages, f"{book.name}: no team's page found; the sheets print as {[sheet for sheet, _ in book.sheets]}"
    small = smallest(book, pages, TEAM_POINTS)
    assert not small, "\n".join(small)


@reports(*EVERY_REPORT)
def test_a_teams_pages_show_each_of_its_objectives_and_key_results_by_title(book):
    missing = []
    for plan in book.plans:
        words = [w for page in book.teams[plan.team.id] for w in page.words]
        for item in (item for objective in plan.objectives for item in (objective, *objective.key_results)):
            beginning = " ".join(item.title.split()[:3])
            if not in_reading_order(words, beginning):
                missing.append(f"{plan.team.name}: {item.id} {beginning!r}…")
    assert not missing, f"{book.name}: these titles are not on their team's pages:\n" + "\n".join(missing)


@reports(*DPAB)
def test_each_dpab_team_fits_on_one_page_and_fills_it(book):
    found = []
    for team in book.strategy.teams:
        pages = book.teams[team.id]
        if len(pages) != 1:
            found.append(f"{team.name} prints on {len(pages)} pages: {[p.number for p in pages]}")
            continue
        page = pages[0]
        lowest = max(page.body, key=lambda w: w.y1, default=None)
        if lowest is None or lowest.y1 < FILLED * page.height:
            reach = 0 if lowest is None else lowest.y1 / page.height
            found.append(f"{book.where(page)}: the lowest word reaches {reach:.0%} of the page's height, not "
                         f"{FILLED:.0%}: the content does not fill the page")  # fmt: skip
    assert not found, "\n".join(found)


def gap(above: list[Word], below: list[Word]) -> float:
    """Points from the bottom of the line above to the top of the line below (less than 0 when they overlap)."""
    return min(w.y0 for w in below) - max(w.y1 for w in above)


def table_header(page: Page, first_row: str) -> list[str]:
    """The lines of a table's header row: the line right above the line `first_row` begins on, with the lines
    right above it that its wrapped labels make (less than half a line apart)."""
    found = lines(page.words)
    texts = [" ".join(w.text for w in line) for line in found]
    start = next((i for i, text in enumerate(texts) if first_row in text), None)
    if start is None or start == 0:
        return []
    top = start - 1
    while top > 0 and gap(found[top - 1], found[top]) < found[top][0].points / 2:
        top -= 1
    return texts[top:start]


@reports("twelve-teams")
def test_a_team_too_long_for_one_page_goes_on_over_more_pages_repeating_its_table_header(book):
    plan = book.plans[0]
    pages = book.teams[plan.team.id]
    assert len(pages) >= 2, f"{plan.team.name}'s 25 key results print on {len(pages)} page(s)"
    first_row = " ".join(plan.objectives[0].title.split()[:3])
    header = table_header(pages[0], first_row)
    assert header, f"{book.where(pages[0])}: no table header found above the row of {first_row!r}"
    for page in pages[1:]:
        texts = [" ".join(w.text for w in line) for line in lines(page.words)]
        repeated = any(texts[i : i + len(header)] == header for i in range(len(texts)))
        assert repeated, f"{book.where(page)} does not repeat the table's header {header} of page {pages[0].number}"


# --- the meeting pages ---------------------------------------------------------------------------------


@reports(*EVERY_REPORT)
def test_every_word_on_a_meeting_page_is_10_pt_or_more(book):
    pages = book.meeting_pages
    assert pages, f"{book.name}: no meeting page found; the sheets print as {[sheet for sheet, _ in book.sheets]}"
    small = smallest(book, pages, MEETING_POINTS)
    assert not small, "\n".join(small)


# --- every page ----------------------------------------------------------------------------------------


@reports(*EVERY_REPORT)
def test_every_word_is_inside_its_page(book):
    outside = [f"{book.where(page)}: {w.text!r} at ({w.x0:.0f}, {w.y0:.0f})-({w.x1:.0f}, {w.y1:.0f}) of a "
               f"{page.width:.0f} × {page.height:.0f} pt page" for page in book.pages for w in page.outside]  # fmt: skip
    assert not outside, f"{len(outside)} words outside their page:\n" + "\n".join(outside)


@reports(*EVERY_REPORT)
def test_no_two_words_overlap(book):
    found = [f"{book.where(page)}: {a.text!r} and {b.text!r} at ({a.x0:.0f}, {a.y0:.0f})"
             for page in book.pages for a, b in overlapping(page.words)]  # fmt: skip
    assert not found, f"{len(found)} pairs of words overlap:\n" + "\n".join(found)


def inked_share(pdf: Path, number: int) -> float:
    """The share of the page's pixels darker than mid grey, the page rendered in grey at 60 dpi."""
    # PGM, not PNG: its pixels are the bytes after a three-line header, no decoder needed.
    done = subprocess.run(["pdftoppm", "-gray", "-r", "60", "-f", str(number), "-l", str(number), str(pdf)],
                          capture_output=True, check=True)  # fmt: skip
    magic, size, _, pixels = done.stdout.split(b"\n", 3)
    width, height = map(int, size.split())
    assert magic == b"P5" and len(pixels) == width * height
    return sum(1 for pixel in pixels if pixel < 128) / len(pixels)


@reports(*DPAB)
def test_the_poster_and_a_teams_page_still_read_printed_in_grey(book):
    pages = [book.poster, *book.teams[book.strategy.teams[0].id][:1]]
    faint = [f"{book.where(page)}: {share:.1%} of it is darker than mid grey, not {INKED:.0%}"
             for page in pages if (share := inked_share(book.pdf, page.number)) < INKED]  # fmt: skip
    assert not faint, "printed in grey, these pages are (almost) blank:\n" + "\n".join(faint)
