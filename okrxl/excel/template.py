"""The look and the words of the workbooks: `templates/okr_template.xlsx`.

The template is a style and text source, not a workbook that is copied: okrxl reads its colours,
fonts, column widths, labels and instruction text with openpyxl, then writes every workbook fresh
with XlsxWriter. That keeps generated files byte-deterministic and full-featured (openpyxl's
load-and-save would drop cached values, x14 formats and validations), and it lets an admin change
the template in Excel without being able to break the structure okrxl reads back.

`DEFAULT` is the built-in template; `write_template` writes it as the committed file, and
`read_template` reads an edited copy (`okrxl generate --template FILE`).
"""

from __future__ import annotations

import colorsys
import datetime as dt
import re
import warnings
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path

from okrxl.core.problems import FileError, TemplateError, XlsxError
from okrxl.excel.files import guard_xlsx
from okrxl.excel.layout import Lang, Words
from okrxl.excel.xlsx import MAX_TEMPLATE_MARKUP, check_markup

STYLE_NAMES = ("title", "header", "objective", "key_result", "formula", "green", "yellow", "red")
SHEET_README, SHEET_STYLES, SHEET_LABELS, SHEET_INSTRUCTIONS = "Read me", "Styles", "Labels", "Instructions"


@dataclass(frozen=True, slots=True, kw_only=True)
class CellStyle:
    fill: str | None = None
    """Background as `#RRGGBB`, or None for none."""
    font_color: str = "#000000"
    bold: bool = False
    font_name: str = "Calibri"
    font_size: float = 11

    def xlsxwriter(self) -> dict:
        fmt = {"font_color": self.font_color, "bold": self.bold, "font_name": self.font_name,
               "font_size": self.font_size}  # fmt: skip
        if self.fill:
            fmt |= {"bg_color": self.fill, "pattern": 1}
        return fmt


@dataclass(frozen=True, slots=True, kw_only=True)
class Template:
    labels: dict[str, Words]
    """Column headers (by column key) and other texts (titles, captions) by key."""
    widths: dict[str, float]
    """Column widths by column key, in Excel's character units."""
    instructions: dict[str, tuple[Words, ...]]
    """Paragraphs of the instruction sheets: `team` and `strategy`."""
    styles: dict[str, CellStyle] = field(default_factory=dict)

    def label(self, key: str, lang: Lang) -> str:
        return self.labels[key](lang)


FIELD = re.compile(r"\{(\w+)\}")
"""A field of a label, filled in from the workbook: `{company}`."""
OPTIONAL = re.compile(r"\[([^\[\]]*)\]")
"""A part of a label left out when a field in it is empty: `Settings[ of {company}]`."""


def fill(label: str, **values: object) -> str:
    """`label` with its fields filled in from `values`, and its [optional] parts only where each of their
    fields has a value: a title never says "Settings of " before the company has a name."""
    given = {name: str(value).strip() for name, value in values.items()}

    def optional(match: re.Match) -> str:
        return "" if any(given.get(name) == "" for name in FIELD.findall(match[1])) else match[1]

    return FIELD.sub(lambda m: given.get(m[1], m[0]), OPTIONAL.sub(optional, label))


# key: (sv, en, width or None). Column keys are layout.py's; the rest are captions.
_LABELS: dict[str, tuple[str, str, float | None]] = {
    "id": ("Id", "Id", 7),
    "title": ("Objective / key result", "Objective / key result", 40),
    "kind": ("Typ", "Kind", 12),
    "commitment": ("Åtagande", "Commitment", 12),
    "aligned_to": ("Stödjer", "Aligned to", 18),
    "also_aligned_to": ("Stödjer också", "Also aligned to", 16),
    "feeds": ("Bidrar till", "Feeds", 18),
    "owner": ("Ansvarig", "Owner", 10),
    "unit": ("Enhet", "Unit", 7),
    "baseline": ("Utgångsläge", "Baseline", 11),
    "target": ("Mål", "Target", 8),
    "due": ("Klart senast", "Due", 10),
    "weight": ("Vikt", "Weight", 7),
    "depends_on": ("Beroende av", "Depends on", 15),
    "needed_by": ("Behövs senast", "Needed by", 11),
    "check_ins": ("Avstämning", "Check-in", 9),
    "confidence": ("Lagets bedömning", "Confidence", 11),
    "carried": ("Överfört från", "Carried from", 14),
    "note": ("Kommentar till avstämning", "Check-in note", 24),
    "current": ("Nuvärde", "Current", 9),
    "score": ("Poäng", "Score", 7),
    "status": ("Status", "Status", 11),
    "miss_reason": ("Orsak om missat", "Reason if missed", 20),
    "comment": ("Kommentar", "Comment", 24),
    "kind_no": ("Typnr", "Kind no.", 6),
    "kr_score": ("KR-poäng", "KR score", 6),
    "kr_status": ("KR-status", "KR status", 6),
    "name": ("Namn", "Name", 24),
    "lead": ("Ledare", "Lead", 18),
    "team": ("Team", "Team", 18),
    "setting": ("Inställning", "Setting", 42),
    "value": ("Värde", "Value", 60),
    "okrs_title": ("OKR för {team}, {quarter}", "OKRs of {team}, {quarter}"),
    "team_score": ("Lagets poäng", "Team score"),
    "strategy_title": ("Strategi {year}[ för {company}]", "Strategy {year}[ of {company}]"),
    "strategic_okrs_title": ("Strategiska OKR {year}[ för {company}]", "Strategic OKRs {year}[ of {company}]"),
    "teams_title": ("Team[ på {company}]", "Teams[ of {company}]"),
    "settings_title": ("Inställningar[ för {company}]", "Settings[ of {company}]"),
    "people_title": ("Personer[ på {company}]", "People[ of {company}]"),
    "people_note": (
        "Här står vilka som sätter personliga OKR, och i vilket team (teamets id). Listan används bara när "
        "Personliga OKR är ja under Inställningar. Varje persons arbetsbok blir <kvartal>/<team-id>/<person-id>.xlsx.",
        "Who sets personal OKRs, and in which team (the team's id). The list is only used when Personal OKRs is "
        "yes in Settings. Each person's workbook is <quarter>/<team-id>/<person-id>.xlsx.",
    ),
    "strategy_header": ("OKR-strategi", "OKR strategy"),
    "vision": ("Vision", "Vision"),
    "mission": ("Mission", "Mission"),
    "read_only": (
        "Skrivskyddad kopia av strategin. Ändras av ledningen.",
        "Read-only copy of the strategy. The leadership changes it.",
    ),
    "footer": ("Sida &P av &N", "Page &P of &N"),
    "last_quarter_title": ("{team}: så slutade {quarter}", "{team}: how {quarter} ended"),
    "last_quarter_note": (
        "Det som inte blev klart är överfört till OKR-fliken, med förra kvartalets poäng. Det som blev klart "
        "står bara här.",
        "What was not done is carried over to the OKR sheet, with last quarter's score. What was done is only "
        "listed here.",
    ),
    "outcome": ("Utfall", "Outcome"),
    "carried_over": ("överfört", "carried over"),
    "initiative": ("Initiativ", "Initiative", 40),
    "serves": ("Driver key result", "Serves key result", 14),
    "state": ("Läge", "State", 12),
    "initiative_note": ("Anteckning", "Note", 30),
    "initiatives_title": ("Initiativ för {team}, {quarter}", "Initiatives of {team}, {quarter}"),
    "serves_hint": (
        "Välj ett key result i listan, eller skriv flera: O1.1, O2.2",
        "Pick a key result from the list, or type several: O1.1, O2.2",
    ),
    # A person's own workbook (METHOD.md, "Personal OKRs"): these replace the team's labels of the same key
    # without "personal_".
    "personal_okrs_title": ("OKR för {person} i {team}, {quarter}", "OKRs of {person} in {team}, {quarter}"),
    "personal_team_score": ("Personlig poäng", "Personal score"),
    "personal_initiatives_title": (
        "Initiativ för {person} i {team}, {quarter}",
        "Initiatives of {person} in {team}, {quarter}",
    ),
    "team_okrs_read_only": (
        "Skrivskyddad kopia av teamets OKR: dina objectives stödjer dem. Teamet ändrar dem i sin egen arbetsbok.",
        "Read-only copy of the team's OKRs: your objectives are aligned to them. The team changes them in its "
        "own workbook.",
    ),
}
_LABELS = {k: (v if len(v) == 3 else (*v, None)) for k, v in _LABELS.items()}

_INSTRUCTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "team": (
        ("Så fyller ni i er OKR-arbetsbok", "How to fill in your OKR workbook"),
        (
            "1. Skriv lagets objectives på raderna O1, O2 … och deras key results på raderna O1.1, O1.2 …. "
            "Högst fem objectives, två till fem key results på varje. Tomma rader hoppas över.",
            "1. Write the team's objectives on the rows O1, O2 … and their key results on the rows O1.1, O1.2 …. "
            "At most five objectives, two to five key results each. Empty rows are skipped.",
        ),
        (
            "2. Välj i listan vilket strategiskt objective varje objective stödjer (kolumnen Stödjer). "
            "Ett objective som inte stödjer strategin hör inte hemma här.",
            "2. Pick from the list which strategic objective each objective serves (the Aligned to column). "
            "An objective that serves no part of the strategy does not belong here.",
        ),
        (
            "3. Skriv resultat, inte aktiviteter: ”10 000 visningar av vårt innehåll”, inte ”skriva fem blogginlägg”. "
            "Ett key result har en siffra eller ett datum.",
            "3. Write results, not activities: “10,000 views of our content”, not “write five blog posts”. "
            "A key result has a number or a date.",
        ),
        (
            "4. Typ: öka eller minska (ett mått från utgångsläge till mål), antal, procent, milstolpe "
            "(klart ett visst datum), ja/nej, behåll minst/högst (håll ett värde på rätt sida om en gräns).",
            "4. Kind: increase or decrease (a measure from baseline to target), count, percent, milestone "
            "(done by a date), binary (done or not), maintain at least/at most (keep a value on the right side "
            "of a threshold).",
        ),
        (
            "5. Åtagande: ett åtagande ska nås till 100 %. Ett ambitiöst key result är en sträckning där "
            "ungefär 70 % är bra. Är målet inte känt än, skriv X: det räknas inte förrän det är satt.",
            "5. Commitment: a committed key result must reach 100 %. An aspirational one is a stretch where "
            "about 70 % is good. If the target is not known yet, write X: it does not count until it is set.",
        ),
        (
            "6. Varannan vecka: skriv dagens värde i avstämningskolumnen med dagens datum. För en milstolpe "
            "skriv hur stor andel som är klar (40 %) eller ”klar”. Välj lagets bedömning och skriv en kort kommentar.",
            "6. Every second week: write today's value in the check-in column of today's date. For a milestone "
            "write the share done (40 %) or “done”. Choose the team's confidence and write a short note.",
        ),
        (
            "7. Beroenden: behöver ni ett annat lags key result, skriv dess id (t.ex. marketing.O1.2) under "
            "Beroende av och när ni behöver det.",
            "7. Dependencies: if you need another team's key result, write its id (e.g. marketing.O1.2) under "
            "Depends on, and when you need it.",
        ),
        (
            "8. Initiativ: på fliken Initiativ skriver ni vad laget gör för att flytta sina key results, ett "
            "initiativ per rad. Initiativ ändrar aldrig poängen.",
            "8. Initiatives: on the Initiatives sheet, write what the team does to move its key results, one "
            "initiative a row. Initiatives never change a score.",
        ),
        (
            "Poäng, nuvärde och status räknas ut av arbetsboken. Fliken Strategi visar företagets strategi. "
            "Byt inte namn på flikar eller rubriker: okrxl läser arbetsboken med dem.",
            "Score, current and status are worked out by the workbook. The Strategy sheet shows the company's "
            "strategy. Do not rename sheets or headers: okrxl reads the workbook by them.",
        ),
    ),
    "personal": (
        ("Så fyller du i dina personliga OKR", "How to fill in your personal OKRs"),
        (
            "1. Skriv dina objectives på raderna O1, O2 … och deras key results på raderna O1.1, O1.2 …. "
            "Högst fem objectives, två till fem key results på varje. Tomma rader hoppas över.",
            "1. Write your objectives on the rows O1, O2 … and their key results on the rows O1.1, O1.2 …. "
            "At most five objectives, two to five key results each. Empty rows are skipped.",
        ),
        (
            "2. Välj i listan vilket av teamets objectives varje objective stödjer (kolumnen Stödjer), och gärna "
            "vilket av teamets key results ett key result bidrar till (Bidrar till). Fliken Teamets OKR visar dem.",
            "2. Pick from the list which of the team's objectives each objective serves (the Aligned to column), "
            "and where it fits, which of the team's key results a key result feeds (Feeds). The Team OKRs sheet "
            "shows them.",
        ),
        (
            "3. Skriv resultat, inte aktiviteter, och välj typ och åtagande som teamet gör: ett key result har "
            "en siffra eller ett datum. Är målet inte känt än, skriv X.",
            "3. Write results, not activities, and choose the kind and the commitment as the team does: a key "
            "result has a number or a date. If the target is not known yet, write X.",
        ),
        (
            "4. Vid varje avstämning: skriv dagens värde i avstämningskolumnen med dagens datum (för en milstolpe "
            "andelen klar, 40 %, eller ”klar”), välj din bedömning och skriv en kort kommentar.",
            "4. At every check-in: write today's value in the check-in column of today's date (for a milestone "
            "the share done, 40 %, or “done”), choose your confidence and write a short note.",
        ),
        (
            "5. Initiativ: på fliken Initiativ skriver du vad du gör för att flytta dina key results.",
            "5. Initiatives: on the Initiatives sheet, write what you do to move your key results.",
        ),
        (
            "Dina personliga OKR ändrar aldrig teamets poäng. Poäng, nuvärde och status räknas ut av arbetsboken. "
            "Byt inte namn på flikar eller rubriker: okrxl läser arbetsboken med dem.",
            "Your personal OKRs never change the team's score. Score, current and status are worked out by the "
            "workbook. Do not rename sheets or headers: okrxl reads the workbook by them.",
        ),
    ),
    "strategy": (
        ("Så fyller ledningen i strategin", "How the leadership fills in the strategy"),
        (
            "1. Inställningar: företagets namn, vision, mission, år och metodens gränser. Standardvärdena "
            "följer metoden och kan lämnas som de är.",
            "1. Settings: the company's name, vision, mission, year and the method's thresholds. The defaults "
            "follow the method and can be left as they are.",
        ),
        (
            "2. Team: ett kort id (små bokstäver, används i filnamn), namn och ledare för varje team.",
            "2. Teams: a short id (lower case, used in file names), the name and the lead of each team.",
        ),
        (
            "3. Strategiska OKR: objectives på raderna S1, S2 … och deras key results på S1.1, S1.2 …, med typ, "
            "åtagande, enhet, utgångsläge, mål och ansvarig. Ett mål som inte är känt än skrivs X.",
            "3. Strategic OKRs: objectives on the rows S1, S2 … and their key results on S1.1, S1.2 …, with "
            "kind, commitment, unit, baseline, target and owner. A target not known yet is written X.",
        ),
        (
            "4. Varannan vecka: skriv de strategiska key resultens värden i avstämningskolumnerna.",
            "4. Every second week: record the strategic key results' values in the check-in columns.",
        ),
        (
            "Skapa sedan lagens arbetsböcker: okrxl generate strategi.xlsx --quarter 2027-Q1",
            "Then make the teams' workbooks: okrxl generate strategy.xlsx --quarter 2027-Q1",
        ),
    ),
    "initiatives": (
        (
            "Ett initiativ är arbete laget gör för att flytta ett eller flera av sina key results: en kampanj, ett "
            "projekt, en åtgärd. Skriv ett initiativ per rad och välj i kolumnen Driver key result vilket key "
            "result det driver (skriv flera med komma: O1.1, O2.2). Initiativ ändrar aldrig poängen: den kommer "
            "bara från key resultens värden.",
            "An initiative is work the team does to move one or more of its key results: a campaign, a project, "
            "a fix. Write one initiative a row and pick in the Serves key result column which key result it "
            "serves (type several with commas: O1.1, O2.2). Initiatives never change a score: that comes from the "
            "key results' values only.",
        ),
    ),
}

_STYLES: dict[str, CellStyle] = {
    "title": CellStyle(font_color="#1F3864", bold=True, font_size=16),
    "header": CellStyle(fill="#1F3864", font_color="#FFFFFF", bold=True),
    "objective": CellStyle(fill="#D9E2F3", bold=True),
    "key_result": CellStyle(),
    "formula": CellStyle(fill="#F2F2F2"),
    "green": CellStyle(fill="#C6EFCE", font_color="#006100"),
    "yellow": CellStyle(fill="#FFEB9C", font_color="#9C5700"),
    "red": CellStyle(fill="#FFC7CE", font_color="#9C0006"),
}

DEFAULT = Template(
    labels={k: Words(sv, en) for k, (sv, en, _) in _LABELS.items()},
    widths={k: w for k, (_, _, w) in _LABELS.items() if w is not None},
    instructions={part: tuple(Words(sv, en) for sv, en in rows) for part, rows in _INSTRUCTIONS.items()},
    styles=_STYLES,
)


def bundled_template_path() -> Path:
    """The committed `templates/okr_template.xlsx`, as installed with the package."""
    return Path(str(resources.files("okrxl.templates").joinpath("okr_template.xlsx")))


# --- writing the template -------------------------------------------------------------------------


def write_template(path: Path, template: Template = DEFAULT) -> None:
    """Write `template` as an xlsx an admin can edit; deterministic bytes."""
    import xlsxwriter  # 55 ms: imported when a workbook is written, not at start-up

    workbook = xlsxwriter.Workbook(
        str(path), {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
    )
    workbook.set_properties({"title": "okrxl template", "created": dt.datetime(2026, 1, 1)})
    bold = workbook.add_format({"bold": True})
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})

    readme = workbook.add_worksheet(SHEET_README)
    readme.set_column(0, 0, 110, wrap)
    for row, line in enumerate(_README_LINES):
        readme.write_string(row, 0, line, bold if row == 0 else wrap)

    styles = workbook.add_worksheet(SHEET_STYLES)
    styles.set_column(0, 0, 16)
    styles.set_column(1, 1, 34)
    styles.write_string(0, 0, "style", bold)
    styles.write_string(0, 1, "sample: change its fill, font and colour", bold)
    for row, name in enumerate(STYLE_NAMES, start=1):
        styles.write_string(row, 0, name)
        styles.write_string(row, 1, f"{name} / exempel", workbook.add_format(template.styles[name].xlsxwriter()))

    labels = workbook.add_worksheet(SHEET_LABELS)
    for col, (header, width) in enumerate([("key", 20), ("sv", 60), ("en", 60), ("width", 8)]):
        labels.write_string(0, col, header, bold)
        labels.set_column(col, col, width)
    for row, (key, words) in enumerate(template.labels.items(), start=1):
        labels.write_string(row, 0, key)
        labels.write_string(row, 1, words.sv)
        labels.write_string(row, 2, words.en)
        if key in template.widths:
            labels.write_number(row, 3, template.widths[key])

    instructions = workbook.add_worksheet(SHEET_INSTRUCTIONS)
    for col, (header, width) in enumerate([("part", 10), ("sv", 80), ("en", 80)]):
        instructions.write_string(0, col, header, bold)
        instructions.set_column(col, col, width, wrap if col else None)
    row = 1
    for part, paragraphs in template.instructions.items():
        for words in paragraphs:
            instructions.write_string(row, 0, part)
            instructions.write_string(row, 1, words.sv, wrap)
            instructions.write_string(row, 2, words.en, wrap)
            row += 1
    workbook.close()


_README_LINES = (
    "okrxl template",
    "okrxl takes the look and the words of every workbook it writes from this file. Copy it, change it "
    "in Excel or LibreOffice, and pass it to okrxl: okrxl generate strategy.xlsx --quarter 2027-Q1 "
    "--template my_template.xlsx (okrxl init takes --template too).",
    "Styles: change the fill colour, font, size, boldness or font colour of a sample cell in column B; "
    "every cell of that kind in the workbooks follows.",
    "Labels: the column headers and captions in Swedish (sv) and English (en), and column widths. "
    "Keep the keys in column A as they are; {team}, {person}, {quarter}, {year} and {company} are filled in, and a "
    "part in [brackets] is left out while a field in it is empty. footer: &P is the page, &N the pages.",
    "Instructions: the paragraphs of the instruction sheet, one per row, for the team workbooks (team), "
    "people's own workbooks (personal) and the strategy workbook (strategy), and the text above the team "
    "workbooks' initiatives (initiatives). Add or remove rows as you like.",
    "What cannot be changed here: sheet names and the words okrxl must understand when it reads a "
    "workbook back (kinds, commitments, confidence, an initiative's state).",
)


# --- reading an edited template ------------------------------------------------------------------


def read_template(path: Path) -> Template:
    """Read an edited copy of the template; missing keys keep their defaults."""
    import openpyxl  # 0.17 s: only an edited template is read with it

    guard_xlsx(path)
    try:
        check_markup(path, limit=MAX_TEMPLATE_MARKUP)  # openpyxl parses every part whole: bound that first
    except XlsxError as error:
        raise FileError(Words(f"{path.name}: mallen går inte att läsa ({error.text.sv})",
                              f"{path.name}: cannot read the template ({error.text.en})")) from None  # fmt: skip
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*extension is not supported.*")
        workbook = openpyxl.load_workbook(path, data_only=True, keep_links=False)
    try:
        missing = [s for s in (SHEET_STYLES, SHEET_LABELS, SHEET_INSTRUCTIONS) if s not in workbook.sheetnames]
        if missing:
            raise TemplateError(
                f"{path.name}: no sheet {', '.join(repr(s) for s in missing)}; start from "
                f"templates/okr_template.xlsx (okrxl template FILE writes a fresh copy)"
            )
        theme = _theme_colours(workbook)
        labels, widths = _read_labels(workbook[SHEET_LABELS], path)
        return Template(
            labels=labels,
            widths=widths,
            instructions=_read_instructions(workbook[SHEET_INSTRUCTIONS]),
            styles=_read_styles(workbook[SHEET_STYLES], theme, path),
        )
    finally:
        workbook.close()


def _read_labels(sheet, path: Path) -> tuple[dict[str, Words], dict[str, float]]:
    labels, widths = dict(DEFAULT.labels), dict(DEFAULT.widths)
    for row in sheet.iter_rows(min_row=2):
        key = _text(row[0].value)
        if key not in labels:
            continue
        sv, en = (_text(c.value) if len(row) > i else "" for i, c in ((1, row[1]), (2, row[2])))
        labels[key] = Words(sv or labels[key].sv, en or labels[key].en)
        width = row[3].value if len(row) > 3 else None
        if width not in (None, ""):
            if not isinstance(width, int | float) or not 1 <= width <= 255:
                raise TemplateError(
                    f"{path.name} '{SHEET_LABELS}'!D{row[0].row}: a width is a number from 1 to 255, got {width!r}"
                )
            widths[key] = float(width)
    return labels, widths


def _read_instructions(sheet) -> dict[str, tuple[Words, ...]]:
    parts: dict[str, list[Words]] = {}
    for row in sheet.iter_rows(min_row=2, max_col=3, values_only=True):
        part, sv, en = (_text(v) for v in (*row, None, None, None)[:3])
        if part and (sv or en):
            parts.setdefault(part, []).append(Words(sv or en, en or sv))
    return {part: tuple(parts.get(part) or DEFAULT.instructions[part]) for part in DEFAULT.instructions}


def _read_styles(sheet, theme: list[str], path: Path) -> dict[str, CellStyle]:
    styles = dict(DEFAULT.styles)
    for row in sheet.iter_rows(min_row=2, max_col=2):
        name = _text(row[0].value)
        if name not in styles or len(row) < 2:
            continue
        cell = row[1]
        where = f"{path.name} '{SHEET_STYLES}'!B{cell.row}"
        fill = None
        if cell.fill is not None and cell.fill.fill_type == "solid":
            fill = _colour(cell.fill.fgColor, theme, where)
        styles[name] = CellStyle(
            fill=fill,
            font_color=_colour(cell.font.color, theme, where) or "#000000",
            bold=bool(cell.font.b),
            font_name=cell.font.name or "Calibri",
            font_size=float(cell.font.sz or 11),
        )
    return styles


def _colour(colour, theme: list[str], where: str) -> str | None:
    """An openpyxl colour as `#RRGGBB`: plain RGB, or a theme colour with its tint applied."""
    if colour is None:
        return None
    if colour.type == "rgb" and isinstance(colour.rgb, str) and re.fullmatch(r"[0-9A-Fa-f]{8}", colour.rgb):
        return "#" + colour.rgb[2:].upper()
    if colour.type == "theme" and colour.theme is not None and colour.theme < len(theme):
        return _tinted(theme[colour.theme], colour.tint or 0.0)
    if colour.type == "indexed" and colour.indexed in (64, 65):  # "system" foreground/background
        return None
    if colour.type == "indexed":
        from openpyxl.styles.colors import COLOR_INDEX

        if colour.indexed < len(COLOR_INDEX):
            return "#" + COLOR_INDEX[colour.indexed][2:]
    raise TemplateError(f"{where}: cannot read its colour ({colour.type}); choose a standard or custom colour")


def _theme_colours(workbook) -> list[str]:
    """The theme's colours in the order cell styles index them (light 1, dark 1, light 2, dark 2, accents)."""
    fallback = ["#FFFFFF", "#000000", "#E7E6E6", "#44546A", "#4472C4", "#ED7D31", "#A5A5A5", "#FFC000",
                "#5B9BD5", "#70AD47", "#0563C1", "#954F72"]  # fmt: skip
    xml = getattr(workbook, "loaded_theme", None)
    if not xml:
        return fallback
    ns = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main"}
    from defusedxml.ElementTree import fromstring

    scheme = fromstring(xml).find(".//a:clrScheme", ns)
    if scheme is None:
        return fallback
    colours = {}
    for child in scheme:
        tag = child.tag.split("}")[1]
        srgb, system = child.find("a:srgbClr", ns), child.find("a:sysClr", ns)
        value = srgb.get("val") if srgb is not None else system.get("lastClr") if system is not None else None
        if value:
            colours[tag] = "#" + value.upper()
    order = ["lt1", "dk1", "lt2", "dk2", "accent1", "accent2", "accent3", "accent4", "accent5", "accent6",
             "hlink", "folHlink"]  # fmt: skip
    return [colours.get(name, default) for name, default in zip(order, fallback)]


def _tinted(hex_colour: str, tint: float) -> str:
    """Excel's tint: towards white (tint > 0) or black (tint < 0) in HLS lightness."""
    r, g, b = (int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    h, lightness, s = colorsys.rgb_to_hls(r, g, b)
    lightness = lightness * (1 + tint) if tint < 0 else lightness * (1 - tint) + tint
    r, g, b = colorsys.hls_to_rgb(h, lightness, s)
    return "#" + "".join(f"{round(c * 255):02X}" for c in (r, g, b))


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def with_styles(template: Template, **styles: CellStyle) -> Template:
    """A copy of `template` with some styles replaced (for tests and scripts)."""
    return replace(template, styles=template.styles | styles)
