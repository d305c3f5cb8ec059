"""What every printed page of the report and the year review shares: the words, the formats, the
writers of titles, scores and grades, and the page's text for ids, targets and values.

Every text that came from a workbook is written with `write_string` in a workbook whose
`strings_to_formulas` and `strings_to_urls` are off: a title `=HYPERLINK(...)` stays text. Grades and
statuses are colour *and* word *and* symbol, so a page reads on a black-and-white printer.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from okrxl.core.model import INITIATIVE_STATE_WORDS, Commitment, InitiativeState, KeyResult, KeyResultKind
from okrxl.core.personal import TeamPeople
from okrxl.core.scoring import GRADE_WORDS, Grade, KeyResultAssessment, Status, grade_score
from okrxl.core.status import QuarterStatus
from okrxl.core.words import Words
from okrxl.excel import layout
from okrxl.excel.layout import Lang
from okrxl.excel.template import DEFAULT as DEFAULT_TEMPLATE

STATUS_SYMBOLS = {
    Status.DONE: "✔",
    Status.ON_TRACK: "●",
    Status.NOT_STARTED: "○",
    Status.BEHIND: "▲",
    Status.AT_RISK: "▼",
    Status.OVERDUE: "✖",
    Status.UNSCORED: "–",
}
INITIATIVE_SYMBOLS = {
    InitiativeState.PLANNED: "☐",
    InitiativeState.IN_PROGRESS: "◔",
    InitiativeState.DONE: "☑",
    InitiativeState.DROPPED: "☒",
}
"""An initiative's state as a symbol, none of them a status's: an initiative is work, not a result."""
GRADE_STYLES = {grade: DEFAULT_TEMPLATE.styles[grade.value] for grade in Grade}
"""The grades' fill and font colours: the built-in template's, the same as in the team workbooks."""
NAVY = "#1F3864"

# Every word of the report in both languages, by key.
TEXT: dict[str, Words] = {k: Words(*v) for k, v in {
    "overview": ("Översikt", "Overview"),
    "poster": ("Affisch", "Poster"),
    "poster_subtitle": ("OKR {quarter} · per {as_of} · {share} av kvartalet",
                        "OKR {quarter} · as of {as_of} · {share} of the quarter"),
    "poster_strategy_note": ("Mätt: strategins egna key results mot året. Buret: teamens objectives detta kvartal.",
                             "Measured: the strategy's own key results against the year. Carried: the teams' "
                             "objectives this quarter."),
    "progress": ("Framsteg", "Progress"),
    "current_target": ("Nu / mål", "Now / target"),
    "bar_legend": ("█ gjort  ░ kvar  ┃ där takten väntar sig det i dag",
                   "█ done  ░ to go  ┃ where pacing expects it today"),
    "trend_title": ("Poäng vid avstämningarna", "Score at the check-ins"),
    "alignment": ("Samordning", "Alignment"),
    "gaps": ("Luckor", "Gaps"),
    "files": ("Filer", "Files"),
    "data": ("Data", "Data"),
    "title": ("OKR-status {quarter}", "OKR status {quarter}"),
    "as_of": ("Per {as_of}: {share} av kvartalet har gått", "As of {as_of}: {share} of the quarter has passed"),
    "vision": ("Vision", "Vision"), "mission": ("Mission", "Mission"),
    "headline": ("I siffror", "In numbers"),
    "aligned_share": ("Objectives som stödjer strategin", "Objectives aligned to the strategy"),
    "coverage": ("Strategiska objectives som bärs av ett team", "Strategic objectives carried by a team"),
    "key_results": ("Key results", "Key results"),
    "stale": ("utan avstämning på länge", "stale (no recent check-in)"),
    "gap_count": ("Luckor: {errors}, {warnings}, {infos} info", "Gaps: {errors}, {warnings}, {infos} info"),
    "strategy": ("Strategiska objectives", "Strategic objectives"),
    "measured": ("Mätt (året)", "Measured (year)"), "carried": ("Buret (kvartalet)", "Carried (quarter)"),
    "teams": ("Team", "Teams"), "team": ("Team", "Team"), "lead": ("Ledare", "Lead"),
    "score": ("Poäng", "Score"), "grade": ("Betyg", "Grade"), "status": ("Status", "Status"),
    "id": ("Id", "Id"), "item": ("Objective / key result", "Objective / key result"),
    "owner": ("Ansvarig", "Owner"),
    "aligned_to": ("Stödjer", "Aligned to"),
    "matrix": ("Vilka team bär vilket strategiskt objective", "Which team carries which strategic objective"),
    "feeds": ("Vad som bidrar till varje strategiskt key result", "What feeds each strategic key result"),
    "strategic_kr": ("Strategiskt key result", "Strategic key result"),
    "fed_by": ("Bidrar", "Fed by"), "sum": ("Summa", "Sum"), "leadership": ("Ledningens värde", "Leadership's value"),
    "none": ("ingen", "none"), "units_differ": ("olika enheter", "units differ"),
    "not_summed": ("summeras inte: en andel eller takt", "not summed: a rate or share"),
    "severity": ("Allvar", "Severity"), "code": ("Kod", "Code"), "where": ("Var", "Where"),
    "file": ("Fil", "File"), "cell": ("Cell", "Cell"), "message": ("Meddelande", "Message"),
    "notes": ("Anteckningar", "Notes"),
    "no_gaps": ("Inga luckor.", "No gaps."), "verdict": ("Utfall", "Verdict"), "problem": ("Problem", "Problem"),
    "legend": ("✔ klar  ● i fas  ○ ej påbörjad  ▲ släpar efter  ▼ i riskzonen  ✖ försenad  – utan mål",
               "✔ done  ● on track  ○ not started  ▲ behind  ▼ at risk  ✖ overdue  – no target"),
    "stale_mark": ("inaktuell", "stale"),
    "changes": ("Sedan sist", "Since last time"),
    "changes_title": ("Vad har hänt sedan {since}", "What changed since {since}"),
    "changes_none": ("Inget har ändrats sedan {since}.", "Nothing has changed since {since}."),
    "missed": ("saknar värde", "missed check-in"),
    "missed_message": ("'{title}' har inget värde från avstämningen {date}",
                       "'{title}' has no value at the check-in of {date}"),
    "missed_none": ("Alla key results har ett värde från avstämningen {date} eller är klara.",
                    "Every key result has a value from the check-in of {date} or is done."),
    "change": ("Ändring", "Change"), "before": ("Före", "Before"), "after": ("Efter", "After"),
    "close": ("Kvartalet är slut", "The quarter is over"),
    "close_grades": ("Betyg: objectives {objectives}; key results {key_results}",
                     "Grades: objectives {objectives}; key results {key_results}"),
    "close_committed": ("Åtaganden nådda: {hit} av {count}", "Committed key results reached: {hit} of {count}"),
    "close_average": ("Snittpoäng för key results: {average} ({verdict} 0,6-0,7)",
                      "Average key result score: {average} ({verdict} 0.6-0.7)"),
    "below": ("under", "below"), "within": ("inom", "within"), "above": ("över", "above"),
    "initiatives": ("Initiativ", "Initiatives"),
    "personal": ("Personliga OKR", "Personal OKRs"),
    "personal_carried": ("{carried} av {count} objectives bärs", "{carried} of {count} objectives carried"),
    "personal_not_carried_one": ("{ids} bärs inte", "{ids} is not carried"),
    "personal_not_carried_many": ("{ids} bärs inte", "{ids} are not carried"),
    "personal_missed": ("Saknar värde från avstämningen {date}: {names}", "Missed the check-in of {date}: {names}"),
    "personal_no_workbook": ("Ingen arbetsbok än: {names}", "No workbook yet: {names}"),
    "personal_all_checked": ("Alla har stämt av.", "Everyone has checked in."),
    "personal_missed_message": ("{name} har inget värde från avstämningen {date} i sina personliga OKR",
                                "{name} has no value at the check-in of {date} in their personal OKRs"),
}.items()}  # fmt: skip


@dataclass
class ReportBook:
    """The workbook, its formats, and the rows that wrapped text makes taller."""

    workbook: object
    lang: Lang
    cache: dict = field(default_factory=dict)
    lines: dict = field(default_factory=dict)
    """Sheet name -> {row: lines of text the row needs}."""
    widths: dict = field(default_factory=dict)
    """(sheet name, column) -> width in characters."""
    sheet_names: set[str] = field(default_factory=set)
    """The sheet names taken so far, case-folded (Excel compares them so)."""

    def columns(self, sheet, widths: Sequence[float], first: int = 0) -> None:
        for col, width in enumerate(widths, start=first):
            sheet.set_column(col, col, width)
            self.widths[(sheet.get_name(), col)] = width

    def text(self, sheet, row: int, col: int, text: str, fmt, *, size: float = 12) -> None:
        """Write text as text, and remember how many lines it wraps to in its column."""
        sheet.write_string(row, col, text, fmt)
        if len(text) < 6 and "\n" not in text:
            return  # one line in any column the report has
        width = max(self.widths.get((sheet.get_name(), col), 10) * 11 / size - 1, 1)
        if len(text) <= width and "\n" not in text:
            return
        needed = sum(max(1, math.ceil(len(part) / width)) for part in text.split("\n"))
        rows = self.lines.setdefault(sheet.get_name(), {})
        rows[row] = max(rows.get(row, 1), needed)

    def fit_rows(self, sheet, *, size: float = 12) -> None:
        """Make each row tall enough for its wrapped text (no app does it on opening)."""
        for row, lines in self.lines.pop(sheet.get_name(), {}).items():
            if lines > 1:
                sheet.set_row(row, lines * size * 1.32)

    def fmt(self, **props) -> object:
        key = tuple(sorted(props.items()))
        if key not in self.cache:
            base = {"font_name": "Calibri", "font_size": 12, "valign": "top"}
            self.cache[key] = self.workbook.add_format(base | props)
        return self.cache[key]

    def t(self, key: str, **values) -> str:
        return TEXT[key](self.lang).format(**values)


def carried_text(book: ReportBook, people: TeamPeople) -> str:
    """`2 av 3 objectives bärs (O1, O3); O2 bärs inte`: how much of the team's plan its people's OKRs carry, with
    no score of anyone; empty when the team has no objectives."""
    if not people.objectives:
        return ""
    text = book.t("personal_carried", carried=len(people.carried), count=len(people.objectives))
    if people.carried:
        text += f" ({', '.join(people.carried)})"
    left = [o for o in people.objectives if o not in people.carried]
    if left:
        text += "; " + book.t(f"personal_not_carried_{'one' if len(left) == 1 else 'many'}", ids=", ".join(left))
    return text


def check_in_text(book: ReportBook, people: TeamPeople, scheduled: dt.date | None) -> str:
    """Who has not checked in (`missed` at the `scheduled` check-in) and who has no workbook yet, by name; or
    that everyone has checked in. Before the quarter's first check-in (`scheduled` None) no one can have."""
    parts = []
    if people.missed and scheduled is not None:
        parts.append(book.t("personal_missed", date=scheduled, names=", ".join(p.name for p in people.missed)))
    if people.without_plan:
        parts.append(book.t("personal_no_workbook", names=", ".join(p.name for p in people.without_plan)))
    if not parts and scheduled is not None:
        parts.append(book.t("personal_all_checked"))
    return " · ".join(parts)


def as_of_text(book: ReportBook, status: QuarterStatus) -> str:
    """`Per 2027-02-15` / `As of 2027-02-15`."""
    return book.t("as_of", as_of=status.as_of, share="").split(":")[0]


def write_title(book: ReportBook, sheet, text: str, subtitle: str | None = None) -> int:
    sheet.write_string(0, 0, text, book.fmt(bold=True, font_size=22, font_color=NAVY))
    sheet.set_row(0, 30)
    if subtitle:
        sheet.write_string(1, 0, subtitle, book.fmt(font_size=14, italic=True))
    return 3


def write_heading(book: ReportBook, sheet, row: int, text: str) -> None:
    """A section heading: it may run across empty cells; its row is as tall as its 16 pt text."""
    sheet.write_string(row, 0, text, book.fmt(bold=True, font_size=16, font_color=NAVY))
    sheet.set_row(row, 24)


def write_header_row(book: ReportBook, sheet, row: int, labels: Sequence[str]) -> None:
    fmt = book.fmt(bold=True, font_color="#FFFFFF", bg_color=NAVY, pattern=1, text_wrap=True, border=1)
    for col, label in enumerate(labels):
        book.text(sheet, row, col, label, fmt)


def grade_format(book: ReportBook, grade: Grade | None, **extra):
    if grade is None:
        return book.fmt(border=1, **extra)
    style = GRADE_STYLES[grade]
    return book.fmt(bg_color=style.fill, pattern=1, font_color=style.font_color, border=1, **extra)


def status_text(book: ReportBook, status: Status, stale: bool = False) -> str:
    word = layout.STATUS_WORDS[status](book.lang)
    return f"{STATUS_SYMBOLS[status]} {word}" + (f" ({book.t('stale_mark')})" if stale else "")


def initiative_state_text(book: ReportBook, state: InitiativeState) -> str:
    """`◔ pågår` / `◔ in progress`: an initiative's state as symbol and word."""
    return f"{INITIATIVE_SYMBOLS[state]} {INITIATIVE_STATE_WORDS[state](book.lang)}"


def grade_text(book: ReportBook, grade: Grade | None) -> str:
    return "" if grade is None else GRADE_WORDS[grade](book.lang)


def write_score(book: ReportBook, sheet, row: int, col: int, score: float | None, grade: Grade | None, **extra) -> None:
    if score is None:
        book.text(sheet, row, col, "–", grade_format(book, grade, align="center", **extra))
    else:
        sheet.write_number(row, col, score, grade_format(book, grade, num_format="0.00", **extra))


def aspirational_grade(status: QuarterStatus, score: float | None) -> Grade | None:
    return grade_score(score, Commitment.ASPIRATIONAL, status.strategy.method)


def sheet_name(name: str, taken: set[str]) -> str:
    """A worksheet name Excel accepts: no []:*?/\\, at most 31 UTF-16 units (an emoji takes two), no
    apostrophe first or last, unique (case-insensitively)."""
    clean = "".join("_" if ch in "[]:*?/\\" else ch for ch in name)
    candidate, number = fit_sheet_name(clean, 31), 2
    while candidate.casefold() in taken:
        suffix = f" ({number})"
        candidate, number = fit_sheet_name(clean, 31 - len(suffix)) + suffix, number + 1
    taken.add(candidate.casefold())
    return candidate


def fit_sheet_name(text: str, units: int) -> str:
    """`text` cut to `units` UTF-16 code units, as Excel counts a sheet name's length, without apostrophes
    or spaces at its ends."""
    kept, used = [], 0
    for character in text:
        used += 2 if ord(character) > 0xFFFF else 1
        if used > units:
            break
        kept.append(character)
    return "".join(kept).strip().strip("'").strip() or "Team"


def number_text(value: float | None) -> str:
    return "–" if value is None else f"{value:,.10g}".replace(",", " ")


def from_to(kr: KeyResult) -> str:
    if kr.kind is KeyResultKind.MILESTONE:
        return f"→ {kr.due.isoformat()}" if kr.due else "→ ✔"
    if kr.kind is KeyResultKind.BINARY:
        return "→ ✔"
    unit = f" {kr.unit}" if kr.unit else ""
    target = "X" if kr.target is None else number_text(kr.target)
    if kr.kind is KeyResultKind.MAINTAIN:
        return f"{'≥' if kr.side.value == 'at-least' else '≤'} {target}{unit}"
    return f"{number_text(kr.effective_baseline)} → {target}{unit}"


def current_text(kr: KeyResult, assessed: KeyResultAssessment) -> str:
    if assessed.current is None:
        return "–"
    if kr.kind.is_completion:
        return f"{assessed.current:.0%}"
    return number_text(assessed.current)


def last_point(scores: Sequence[float | None]) -> tuple[int, float] | None:
    """(index, score) of the last quarter with a score, where a line's name goes."""
    return next(((i, s) for i, s in reversed(list(enumerate(scores))) if s is not None), None)


def label_positions(last_points: Sequence[tuple[int, float] | None], *, spacing: float) -> list[str]:
    """Where each line's name goes at its last point: on its right, unless another line ends within
    `spacing` (a label's height, in scores) at the same quarter; then the highest of those goes above its
    point, the lowest below and those between take turns on the right and the left."""
    positions = ["right"] * len(last_points)
    ends = sorted(((p[0], -p[1], i) for i, p in enumerate(last_points) if p is not None))
    groups: list[list[tuple[int, float, int]]] = []
    for end in ends:
        if groups and groups[-1][-1][0] == end[0] and end[1] - groups[-1][-1][1] < spacing:
            groups[-1].append(end)
        else:
            groups.append([end])
    for group in groups:
        if len(group) > 1:
            positions[group[0][2]], positions[group[-1][2]] = "above", "below"
            for number, (_, _, index) in enumerate(group[1:-1]):
                positions[index] = "right" if number % 2 == 0 else "left"
    return positions
