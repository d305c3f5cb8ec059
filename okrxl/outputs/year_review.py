"""The year review: the quarters of a strategic year side by side, as data and as a printable workbook.

Each team's score per quarter, each strategic objective's measured and carried scores per quarter,
each strategic key result against the sum of what fed it across the year, and the gaps that
persisted. The numbers are the quarters' own status documents', nothing recomputed differently.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from okrxl.core.alignment import GapCode
from okrxl.core.model import KeyResult, Objective, Person, Strategy, Team
from okrxl.core.personal import TeamPeople
from okrxl.core.problems import Severity
from okrxl.core.scoring import TeamAssessment
from okrxl.core.status import QuarterStatus
from okrxl.core.words import SEVERITY_WORDS, Words
from okrxl.excel.book import NOTICEBOARD_PAPER, escape_header, new_workbook, set_up_page, text_pixels
from okrxl.excel.files import REPORT_PROPERTY
from okrxl.excel.layout import Lang
from okrxl.outputs.pages import (
    ReportBook,
    aspirational_grade,
    label_positions,
    last_point,
    write_header_row,
    write_heading,
    write_score,
    write_title,
)

TEXT: dict[str, Words] = {k: Words(*v) for k, v in {
    "title": ("Årsgenomgång {year} – {company}", "Year review {year} – {company}"),
    "subtitle": ("Kvartal: {quarters}. Poäng vid varje kvartals slut.",
                 "Quarters: {quarters}. Scores at each quarter's end."),
    "year": ("Året", "The year"), "teams": ("Lagens poäng per kvartal", "Team scores by quarter"),
    "team": ("Team", "Team"),
    "strategy": ("Strategiska objectives: mätt / buret", "Strategic objectives: measured / carried"),
    "id": ("Id", "Id"), "objective": ("Objective", "Objective"),
    "kr_sheet": ("Strategiska KR", "Strategic KRs"),
    "kr_title": ("Strategiska key results mot vad som bidrog under året",
                 "Strategic key results against what fed them through the year"),
    "key_result": ("Key result", "Key result"), "target": ("Mål", "Target"),
    "quarter_fed": ("{quarter}: bidrag", "{quarter}: fed"), "total": ("Summa året", "Year's sum"),
    "of_target": ("Andel av målet", "Share of target"), "leadership": ("Ledningens värde", "Leadership's value"),
    "gaps_sheet": ("Kvarstående luckor", "Persisting gaps"),
    "gaps_title": ("Luckor som fanns i mer än ett kvartal", "Gaps present in more than one quarter"),
    "code": ("Kod", "Code"), "where": ("Var", "Where"), "quarters": ("Kvartal", "Quarters"),
    "message": ("Senaste meddelande", "Latest message"), "none": ("Inga.", "None."),
    "chart": ("Lagens poäng per kvartal", "Team scores by quarter"),
    "people": ("Personliga OKR per kvartal", "Personal OKRs by quarter"),
    "people_legend": ("Andelen av teamets objectives som personliga OKR bär · hur många som har personliga OKR",
                      "The share of the team's objectives that personal OKRs carry · how many people have them"),
}.items()}  # fmt: skip

# --- how the pages print: read from a step away, also from a black-and-white printer -----------------

BODY_POINTS = 12
"""The size of the pages' text. The pages print at 100 %, so nothing on them is smaller (the noticeboard's
minimum is 11 pt)."""
PAGE_FONT = '&12&"Calibri,Regular"'
"""The header's and the footer's size and font: 12 pt as the body (11 pt by default). The font code ends
the size's digits, so a company named `3M` stays `3M`, not a 123-point header."""
YEAR_WIDTHS = (12, 37, *(10,) * 8)
"""The year sheet's columns: id, name, and a score column per quarter (two, measured and carried, for the
strategic objectives). 757 pt at 100 %: one A4 landscape page wide without shrinking the text."""


@dataclass(frozen=True, slots=True, kw_only=True)
class LineStyle:
    """How one team's line prints: told apart from the others by its dash and its marker, not its colour."""

    colour: str
    """A grey from black to mid grey: dark enough on any printer."""
    dash: str
    """XlsxWriter's `dash_type`, Excel's `prstDash`."""
    marker: str
    """XlsxWriter's marker `type`, Excel's `symbol`."""


LINE_STYLES = (
    LineStyle(colour="#000000", dash="solid", marker="circle"),
    LineStyle(colour="#595959", dash="dash", marker="square"),
    LineStyle(colour="#000000", dash="round_dot", marker="triangle"),
    LineStyle(colour="#7F7F7F", dash="dash_dot", marker="diamond"),
    LineStyle(colour="#404040", dash="long_dash", marker="x"),
    LineStyle(colour="#7F7F7F", dash="long_dash_dot_dot", marker="star"),
)
"""A chart shows at most this many teams, so that no two lines look alike; more teams take more charts."""
LINE_WIDTH_POINTS = 3
CHART_POINTS = 14
"""The chart's axes and its labels; its title is CHART_TITLE_POINTS."""
CHART_TITLE_POINTS = 18
CHART_ROWS = 32
"""Rows of 20 pixels (15 pt) that a chart takes: 480 pt of the 498 pt between an A4 landscape page's
header and footer."""
PLOT_LEFT, PLOT_TOP, PLOT_HEIGHT = 0.07, 0.12, 0.74
"""The plot area inside the chart (shares of its width and height); on its right the teams' names."""


# --- the review's page writers: the report's, copied so that the review does not follow its rework ----


@dataclass(frozen=True, slots=True, kw_only=True)
class TeamYear:
    team: Team
    scores: Mapping[str, float | None]
    """Quarter -> the team's score at the quarter's end (None where it had no workbook)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ObjectiveYear:
    objective: Objective
    """A strategic objective."""
    measured: Mapping[str, float | None]
    """Quarter -> its measured score."""
    carried: Mapping[str, float | None]
    """Quarter -> the mean score of the team objectives aligned to it."""


@dataclass(frozen=True, slots=True, kw_only=True)
class KeyResultYear:
    key_result: KeyResult
    """A strategic key result."""
    fed: Mapping[str, float | None]
    """Quarter -> the sum of what fed it (the quarter's `Feeding.total`)."""
    total: float | None
    """The sum over the quarters with a sum; None when none has one."""
    leadership: float | None
    """The leadership's own value at the last quarter's end."""

    @property
    def share_of_target(self) -> float | None:
        """How far the sum went from the baseline towards the target: METHOD.md's progress, never sum / target
        (a falling measure, 6 -> 3 days at 4.2, is 0.6 of the way, not 140 %)."""
        kr, baseline = self.key_result, self.key_result.effective_baseline
        if self.total is None or kr.target is None or baseline is None or kr.target == baseline:
            return None
        return (self.total - baseline) / (kr.target - baseline)


@dataclass(frozen=True, slots=True, kw_only=True)
class PersistingGap:
    """A gap (by code and place) found in more than one quarter."""

    code: GapCode
    severity: Severity
    where: str
    quarters: tuple[str, ...]
    text: Words
    """The latest quarter's message, in both languages."""

    @property
    def message(self) -> str:
        return self.text.en

    def to_json(self) -> dict[str, Any]:
        return {"code": str(self.code), "severity": str(self.severity), "where": self.where,
                "quarters": list(self.quarters), "message": self.message}  # fmt: skip


@dataclass(frozen=True, slots=True, kw_only=True)
class PeopleYear:
    """A team's personal OKRs quarter by quarter (METHOD.md, "Personal OKRs")."""

    team: Team
    quarters: Mapping[str, TeamPeople | None]
    """Quarter -> the team's personal level at the quarter's end; None where the quarter had the level off, or
    no one listed in the team and no plan."""

    def people(self) -> list[Person]:
        """Everyone with a plan in some quarter, in the order they first appear."""
        found = {a.plan.person.id: a.plan.person for team in self.quarters.values() if team for a in team.plans}
        return list(found.values())

    def assessed(self, label: str, person_id: str) -> TeamAssessment | None:
        """The person's plan assessed at the end of the quarter `label`; None without a plan that quarter."""
        team = self.quarters[label]
        return next((a for a in team.plans if a.plan.person.id == person_id), None) if team else None


@dataclass(frozen=True, slots=True, kw_only=True)
class YearReview:
    strategy: Strategy
    quarters: tuple[QuarterStatus, ...]
    """In quarter order."""
    lang: Lang = "sv"
    """The strategy workbook's language: the review's default."""
    untouched: tuple[str, ...] = ()
    """Quarters with workbooks but not one check-in value yet (a rollover's fresh quarter): left out, so
    that nobody reads their zeros and fresh staleness as results."""

    @property
    def labels(self) -> list[str]:
        return [str(status.quarter) for status in self.quarters]

    def team_scores(self) -> dict[str, dict[str, float | None]]:
        """Team id -> quarter -> the team's score at the quarter's end (None where it had no workbook)."""
        return {team.team.id: dict(team.scores) for team in self.teams()}

    def teams(self) -> list[TeamYear]:
        """Each team of the strategy with its score per quarter."""
        by_quarter = {str(s.quarter): {t.plan.team.id: t.score for t in s.assessment.teams} for s in self.quarters}
        return [
            TeamYear(team=team, scores={label: scores.get(team.id) for label, scores in by_quarter.items()})
            for team in self.strategy.teams
        ]

    def people(self) -> list[PeopleYear]:
        """Each team of the strategy with people in some quarter, its personal level per quarter; none when
        no quarter has personal OKRs on."""
        if not any(status.people for status in self.quarters):
            return []
        years = [
            PeopleYear(
                team=team, quarters={str(s.quarter): s.people.of(team.id) if s.people else None for s in self.quarters}
            )  # fmt: skip
            for team in self.strategy.teams
        ]
        return [year for year in years if any(year.quarters.values())]

    def objectives(self) -> list[ObjectiveYear]:
        """Each strategic objective with its measured and carried scores per quarter."""
        return [
            ObjectiveYear(
                objective=objective,
                measured={str(s.quarter): s.assessment.strategic[i].score for s in self.quarters},
                carried={str(s.quarter): s.assessment.carried[i] for s in self.quarters},
            )
            for i, objective in enumerate(self.strategy.objectives)
        ]

    def key_results(self) -> list[KeyResultYear]:
        """Each strategic key result against the sum of what fed it, quarter by quarter."""
        items = []
        for objective in self.strategy.objectives:
            for kr in objective.key_results:
                fed = {str(s.quarter): _fed_total(s, kr) for s in self.quarters}
                known = [v for v in fed.values() if v is not None]
                last = self.quarters[-1].assessment.key_results[kr.id] if self.quarters else None
                items.append(KeyResultYear(key_result=kr, fed=fed, total=sum(known) if known else None,
                                           leadership=last.current if last else None))  # fmt: skip
        return items

    def persisting_gaps(self) -> list[PersistingGap]:
        """Gaps (by code and place) found in more than one quarter, with the quarters they were in."""
        seen: dict[tuple[str, str], dict[str, Any]] = {}
        for status in self.quarters:
            for gap in status.gaps:
                entry = seen.setdefault((str(gap.code), gap.where), {
                    "code": gap.code, "severity": gap.severity, "where": gap.where, "quarters": [],
                })  # fmt: skip
                if str(status.quarter) not in entry["quarters"]:
                    entry["quarters"].append(str(status.quarter))
                entry["text"] = gap.text
        return [
            PersistingGap(
                code=e["code"],
                severity=e["severity"],
                where=e["where"],
                quarters=tuple(e["quarters"]),
                text=e["text"],
            )  # fmt: skip
            for e in seen.values()
            if len(e["quarters"]) > 1
        ]


def _fed_total(status: QuarterStatus, kr: KeyResult) -> float | None:
    feeding = status.feeding.get(kr.id)
    return feeding.total if feeding is not None else None


def review_document(review: YearReview) -> dict[str, Any]:
    """The `okrxl.review/1` document: what the review workbook shows, as JSON types."""
    strategy = review.strategy
    return {
        "schema": "okrxl.review/1",
        "company": strategy.company,
        "year": strategy.year,
        "quarters": review.labels,
        "teams": [{"id": t.team.id, "name": t.team.name, "scores": dict(t.scores)} for t in review.teams()],
        "objectives": [
            {"id": o.objective.id, "title": o.objective.title, "measured": dict(o.measured), "carried": dict(o.carried)}
            for o in review.objectives()
        ],  # fmt: skip
        "key_results": [
            {
                "id": k.key_result.id,
                "title": k.key_result.title,
                "unit": k.key_result.unit,
                "target": k.key_result.target,
                "fed": dict(k.fed),
                "total": k.total,
                "leadership": k.leadership,
            }
            for k in review.key_results()
        ],  # fmt: skip
        "persisting_gaps": persisting_gaps(review),
        "people": _people(review),
    }


def _people(review: YearReview) -> list[dict[str, Any]] | None:
    """Per team and quarter what its people's OKRs carried and each person's score: data, so the scores are here
    whatever the strategy lets the pages print; None when no quarter has personal OKRs on."""
    if not any(status.people for status in review.quarters):
        return None
    return [
        {
            "team": year.team.id,
            "name": year.team.name,
            "quarters": {label: None if team is None else {
                "carried_share": team.carried_share,
                "carried": [f"{year.team.id}.{objective_id}" for objective_id in team.carried],
                "missed_check_in": [person.id for person in team.missed],
                "without_workbook": [person.id for person in team.without_plan],
                "people": [{"id": a.plan.person.id, "name": a.plan.person.name, "score": a.score,
                            "grade": None if a.grade is None else str(a.grade), "status": str(a.status)}
                           for a in team.plans],
            } for label, team in year.quarters.items()},
        }
        for year in review.people()
    ]  # fmt: skip


def persisting_gaps(review: YearReview) -> list[dict[str, Any]]:
    """Gaps (by code and place) found in more than one quarter, as JSON (`YearReview.persisting_gaps`)."""
    return [gap.to_json() for gap in review.persisting_gaps()]


def write_review(path: Path, review: YearReview, *, lang: Lang = "sv") -> None:
    """The printable year-review workbook: the year, the strategic key results, persisting gaps."""
    workbook = new_workbook(path, title=f"OKR {review.strategy.year}")
    workbook.set_custom_property(REPORT_PROPERTY, f"review {review.strategy.year}")
    book = ReportBook(workbook, lang)
    header = f"&L{PAGE_FONT}{escape_header(review.strategy.company)} · {review.strategy.year}&C{PAGE_FONT}&A"
    _year_sheet(book, review, header)
    _key_results_sheet(book, review, header)
    _gaps_sheet(book, review, header)
    workbook.close()


def _t(book, key: str, **values) -> str:
    return TEXT[key](book.lang).format(**values)


def _set_up_page(sheet, header: str, **options) -> None:
    set_up_page(sheet, NOTICEBOARD_PAPER, header=header, footer=f"&C{PAGE_FONT}&P / &N", **options)


def _year_sheet(book: ReportBook, review: YearReview, header: str) -> None:
    sheet = book.workbook.add_worksheet(_t(book, "year"))
    labels = review.labels
    row = write_title(book, sheet, _t(book, "title", year=review.strategy.year, company=review.strategy.company),
                      _t(book, "subtitle", quarters=", ".join(labels)))  # fmt: skip
    book.columns(sheet, YEAR_WIDTHS)
    write_heading(book, sheet, row, _t(book, "teams"))
    row += 1
    write_header_row(book, sheet, row, [_t(book, "id"), _t(book, "team"), *labels])
    header_row = row
    teams = review.teams()
    for team in teams:
        row += 1
        book.text(sheet, row, 0, team.team.id, book.fmt(border=1))
        book.text(sheet, row, 1, team.team.name, book.fmt(bold=True, border=1))
        for col, label in enumerate(labels, start=2):
            score = team.scores[label]
            write_score(book, sheet, row, col, score, aspirational_grade(review.quarters[0], score))
    row += 2
    write_heading(book, sheet, row, _t(book, "strategy"))
    row += 1
    write_header_row(book, sheet, row, [_t(book, "id"), _t(book, "objective"),
                                        *(f"{label} {part}" for label in labels for part in ("M", "C"))])  # fmt: skip
    for objective in review.objectives():
        row += 1
        book.text(sheet, row, 0, objective.objective.id, book.fmt(bold=True, border=1))
        book.text(sheet, row, 1, objective.objective.title, book.fmt(text_wrap=True, border=1))
        for index, label in enumerate(labels):
            for offset, scores in enumerate((objective.measured, objective.carried)):
                score = scores[label]
                write_score(book, sheet, row, 2 + 2 * index + offset, score,
                            aspirational_grade(review.quarters[0], score))  # fmt: skip
    row += 1
    sheet.write_string(row, 1, "M: " + {"sv": "mätt", "en": "measured"}[book.lang] + ", C: "
                       + {"sv": "buret", "en": "carried"}[book.lang], book.fmt(italic=True))  # fmt: skip
    row = _people_rows(book, sheet, row, review)
    breaks = []
    if teams and labels:
        names = [team.team.name for team in teams]
        last_points = [last_point([team.scores[label] for label in labels]) for team in teams]
        parts = range(0, len(teams), len(LINE_STYLES))
        for number, first in enumerate(parts, start=1):
            row += 1
            breaks.append(row)  # each chart on a page of its own, as big as the page
            title = _t(book, "chart") + (f" ({number}/{len(parts)})" if len(parts) > 1 else "")
            part = slice(first, first + len(LINE_STYLES))
            chart = _team_chart(book, title=title, sheet_name=sheet.get_name(), header_row=header_row, first=first,
                                names=names[part], last_points=last_points[part], quarters=len(labels))  # fmt: skip
            sheet.insert_chart(row, 0, chart)
            row += CHART_ROWS
    book.fit_rows(sheet)
    _set_up_page(sheet, header, scale=100, row_breaks=breaks, last_cell=(row, len(YEAR_WIDTHS) - 1))


def _people_rows(book: ReportBook, sheet, row: int, review: YearReview) -> int:
    """Per team and quarter the share of its objectives that personal OKRs carried and how many people had
    them; a row per person with their scores only where the strategy lets the pages print them. Returns the
    last row written (`row` when no quarter has personal OKRs on). The first column, the teams' ids in the
    table above, stays empty: an id names one row of the sheet."""
    years = review.people()
    if not years:
        return row
    labels, printed = review.labels, review.strategy.method.print_personal_scores
    row += 2
    write_heading(book, sheet, row, _t(book, "people"))
    row += 1
    write_header_row(book, sheet, row, ["", _t(book, "team"), *labels])
    for year in years:
        row += 1
        sheet.write_blank(row, 0, None, book.fmt(border=1))
        book.text(sheet, row, 1, year.team.name, book.fmt(bold=True, border=1))
        for col, label in enumerate(labels, start=2):
            team = year.quarters[label]
            share = None if team is None else team.carried_share
            text = "–" if team is None else f"{'–' if share is None else f'{share:.0%}'} · {len(team.plans)}"
            book.text(sheet, row, col, text, book.fmt(border=1, align="center"))
        for person in year.people() if printed else ():
            row += 1
            sheet.write_blank(row, 0, None, book.fmt(border=1))
            book.text(sheet, row, 1, person.name, book.fmt(border=1, indent=1))
            for col, label in enumerate(labels, start=2):
                assessed = year.assessed(label, person.id)
                score = None if assessed is None else assessed.score
                write_score(book, sheet, row, col, score, aspirational_grade(review.quarters[0], score))
    row += 1
    sheet.write_string(row, 1, _t(book, "people_legend"), book.fmt(italic=True))
    return row


def _team_chart(
    book: ReportBook, *, title: str, sheet_name: str, header_row: int, first: int, names: Sequence[str],
    last_points: Sequence[tuple[int, float] | None], quarters: int,
) -> object:  # fmt: skip
    """A line per team over the quarters, for a black-and-white printer: each line its own dash, marker and
    grey, and named at its last point instead of in a legend. The values are the table's cells above."""
    width = sum(_column_pixels(w) for w in YEAR_WIDTHS) - 4
    height = CHART_ROWS * 20
    font = {"name": "Calibri", "size": CHART_POINTS}
    label_room = max(text_pixels(name, font_size=CHART_POINTS, bold=True) for name in names) + 30
    plot_width = 1 - PLOT_LEFT - min(label_room / width, 0.4)
    spacing = 1.15 * CHART_POINTS * 1.3 / 0.75 / (height * PLOT_HEIGHT)  # a label's height, in scores
    positions = label_positions(last_points, spacing=spacing)
    chart = book.workbook.add_chart({"type": "line"})
    for index, (style, point, position) in enumerate(zip(LINE_STYLES, last_points, positions)):
        row = header_row + 1 + first + index
        series = {
            "name": [sheet_name, row, 1],
            "categories": [sheet_name, header_row, 2, header_row, 1 + quarters],
            "values": [sheet_name, row, 2, row, 1 + quarters],
            "line": {"color": style.colour, "width": LINE_WIDTH_POINTS, "dash_type": style.dash},
            "marker": {"type": style.marker, "size": 10, "fill": {"color": style.colour},
                       "border": {"color": style.colour, "width": 2}},
        }  # fmt: skip
        if point is not None:
            series["data_labels"] = {
                "series_name": True, "position": position, "font": font | {"bold": True, "color": "#000000"},
                "custom": [{"delete": True}] * point[0],  # only the last point is named
            }  # fmt: skip
        chart.add_series(series)
    chart.set_legend({"none": True})
    chart.set_chartarea({"border": {"none": True}})  # a frame at the page's top edge also prints on the page before
    chart.set_title({"name": title, "name_font": {"name": "Calibri", "size": CHART_TITLE_POINTS, "bold": True}})
    chart.set_x_axis({"num_font": font, "line": {"color": "#000000", "width": 1.25}})
    gridlines = {"visible": True, "line": {"color": "#BFBFBF", "width": 0.75}}  # lighter than any team's line
    chart.set_y_axis({"min": 0, "max": 1, "major_unit": 0.2, "num_format": "0.0", "num_font": font,
                      "line": {"none": True}, "major_gridlines": gridlines})  # fmt: skip
    chart.set_plotarea({"layout": {"x": PLOT_LEFT, "y": PLOT_TOP, "width": plot_width, "height": PLOT_HEIGHT}})
    chart.set_size({"width": width, "height": height})
    return chart


def _column_pixels(width: float) -> int:
    """A column of Excel `width` in pixels, as XlsxWriter places charts over it."""
    return int(width * 7 + 0.5) + 5


def _key_results_sheet(book: ReportBook, review: YearReview, header: str) -> None:
    sheet = book.workbook.add_worksheet(_t(book, "kr_sheet"))
    labels = review.labels
    row = write_title(book, sheet, _t(book, "kr_title"))
    book.columns(sheet, [7, 36, 10] + [10] * len(labels) + [10, 10, 11])  # one page wide at 100 %
    write_header_row(book, sheet, row, [_t(book, "id"), _t(book, "key_result"), _t(book, "target"),
                                        *(_t(book, "quarter_fed", quarter=label) for label in labels),
                                        _t(book, "total"), _t(book, "of_target"), _t(book, "leadership")])  # fmt: skip
    header_row = row
    number = book.fmt(border=1, num_format="#,##0.##")
    share_col = 3 + len(labels) + 1
    for item in review.key_results():
        kr = item.key_result
        row += 1
        book.text(sheet, row, 0, kr.id, book.fmt(bold=True, border=1))
        book.text(sheet, row, 1, f"{kr.title}" + (f" ({kr.unit})" if kr.unit else ""),
                  book.fmt(text_wrap=True, border=1))  # fmt: skip
        values = [kr.target, *(item.fed[label] for label in labels), item.total]
        for col, value in enumerate(values, start=2):
            if value is None:
                book.text(sheet, row, col, "–", book.fmt(border=1, align="center"))
            else:
                sheet.write_number(row, col, value, number)
        if item.share_of_target is not None:
            sheet.write_number(row, share_col, item.share_of_target, book.fmt(border=1, num_format="0%"))
        else:
            book.text(sheet, row, share_col, "–", book.fmt(border=1, align="center"))
        leadership = item.leadership
        if leadership is None:
            book.text(sheet, row, share_col + 1, "–", book.fmt(border=1, align="center"))
        else:
            sheet.write_number(row, share_col + 1, leadership, number)
    book.fit_rows(sheet)
    _set_up_page(sheet, header, repeat_to=header_row, last_cell=(row, share_col + 1))


def _gaps_sheet(book: ReportBook, review: YearReview, header: str) -> None:
    sheet = book.workbook.add_worksheet(_t(book, "gaps_sheet"))
    row = write_title(book, sheet, _t(book, "gaps_title"))
    book.columns(sheet, [10, 22, 17, 18, 66])  # one page wide at 100 %
    write_header_row(book, sheet, row, ["", _t(book, "code"), _t(book, "where"), _t(book, "quarters"),
                                        _t(book, "message")])  # fmt: skip
    header_row = row
    gaps = review.persisting_gaps()
    for gap in gaps:
        row += 1
        cell = book.fmt(text_wrap=True, border=1)
        book.text(sheet, row, 0, SEVERITY_WORDS[str(gap.severity)](book.lang), book.fmt(bold=True, border=1))
        for col, text in enumerate([str(gap.code), gap.where, ", ".join(gap.quarters), gap.text(book.lang)], start=1):
            book.text(sheet, row, col, text, cell)
    if not gaps:
        row += 1
        sheet.write_string(row, 0, _t(book, "none"), book.fmt())
    book.fit_rows(sheet)
    _set_up_page(sheet, header, repeat_to=header_row, last_cell=(row, 4))
