"""What people type into cells, turned into values, or a clear reason why not.

Pure functions of a cell's raw value (as openpyxl gives it) and its number format. Each returns
the value or raises `CellValueError`, whose text (Swedish and English) says what was found and what
would be valid; the readers turn it into a `Problem` with the cell's address. See docs/cells.md.
"""

from __future__ import annotations

import datetime as dt
import re

from okrxl.core.model import MAX_NUMBER
from okrxl.core.problems import CellValueError, ProblemCode
from okrxl.core.words import Words, decimal
from okrxl.excel.layout import DONE_WORDS, NOT_DONE_WORDS, PLACEHOLDER_WORDS

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u2007']")
_PLAIN = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")
_GROUPED_COMMA_DECIMAL = re.compile(r"^[+-]?\d{1,3}(?:\.\d{3})+,\d+$")  # 1.234,5
_GROUPED_DOT_DECIMAL = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+\.\d+$")  # 1,234.5
_GROUPED_ONLY = re.compile(r"^[+-]?\d{1,3}(?:([.,])\d{3})(?:\1\d{3})+$")  # 1.234.567 or 1,234,567
_AMBIGUOUS = re.compile(r"^[+-]?[1-9]\d{0,2}[.,]\d{3}$")  # 1.234 or 1,234: thousands or decimals?


def clean_text(raw) -> str | None:
    """Text with surrounding space removed and line ends as `\\n`; None for an empty cell.

    openpyxl does not decode the `_xHHHH_` escapes writers use for control characters.
    """
    if raw is None:
        return None
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    text = _ESCAPE.sub(lambda m: chr(int(m[1], 16)), str(raw)).replace("\r\n", "\n").replace("\r", "\n").strip()
    return text or None


_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
"""OOXML's escape for characters XML cannot hold (`_x000D_` is a carriage return); openpyxl leaves it in."""


PERCENT_CELL_LIMIT = 10
"""A number in a percent cell up to this (1000 %) is the percent it shows; above it, what was typed."""
PERCENT_UNITS = frozenset({
    "procent", "percent", "pct", "procentenheter", "procentenhet", "andel", "pp", "p.p.", "percentage",
    "percentage points", "prozent", "pourcentage", "pourcent",
})  # fmt: skip
"""Unit words (besides any unit with a `%` in it) that put a key result on the percent-point scale."""


def is_percent_format(number_format: str | None) -> bool:
    """The number format shows a percent: a `%` outside quotes and backslash escapes."""
    if not number_format:
        return False
    return "%" in re.sub(r'"[^"]*"|\\.', "", number_format)


def unit_means_percent(unit: str | None) -> bool:
    """`%`, `procent`, `Percentage  points`...: the unit puts a key result on the percent-point scale."""
    if unit is None:
        return False
    word = " ".join(unit.casefold().split())
    return "%" in word or word in PERCENT_UNITS


def is_typed_as_percent(raw, number_format: str | None = None) -> bool:
    """A number in a percent-formatted cell, or text ending in `%`: a value typed as a percent."""
    if isinstance(raw, bool):
        return False
    if isinstance(raw, int | float):
        return is_percent_format(number_format)
    text = clean_text(raw) if isinstance(raw, str) else None
    return text is not None and text.endswith("%")


def percent_points_of(fraction: float) -> float:
    """0.07 -> 7.0: a percent cell's number as the percent it shows, to 10 significant digits."""
    return float(f"{fraction * 100:.10g}")


def is_ambiguous_fraction(value: float, *, baseline: float | None, target: float | None) -> bool:
    """A plain value strictly between -1 and 1 beside a baseline and target (those set) of 1 or more.

    On the percent-point scale 0.15 beside 10 and 20 is far more likely a mistyped 15 % than 0.15 %.
    """
    others = [v for v in (baseline, target) if v is not None]
    return 0 < abs(value) < 1 and bool(others) and all(abs(v) >= 1 for v in others)


def ambiguous_fraction_text(value: float, *, baseline: float | None, target: float | None) -> Words:
    """What the `ambiguous-fraction` warning says: how the value was read, and what to write for the percent."""
    named = [
        (name, decimal(number, "g"))
        for name, number in ((Words("utgångsvärde", "baseline"), baseline), (Words("mål", "target"), target))
        if number is not None
    ]
    shown, meant = decimal(value, "g"), decimal(percent_points_of(value), "g")
    return Words(
        f"{shown.sv} bredvid {' och '.join(f'ett {name.sv} på {number.sv}' for name, number in named)} "
        f"(procentenheter) läses som {shown.sv} %; menade du {meant.sv} %, skriv {meant.sv}",
        f"{value:g} beside {' and '.join(f'a {name.en} of {number.en}' for name, number in named)} "
        f"(percent points) is read as {value:g} %; if you meant {meant.en} %, write {meant.en}",
    )


def read_number(
    raw, number_format: str | None = None, *, percent_points: bool = False, notes: list | None = None
) -> float | None:
    """A number from a number, or from text as people type it (`4,5`, `1 234`, `15 %`).

    With `percent_points`, the value is in percent points: a cell formatted as percent holding
    0.15 (what Excel stores for `15%`) is 15, and so is the text `15%`. A number in a percent cell
    is the percent it shows, rounded to 10 significant digits so that 7 % is 7 and not
    7.000000000000001, up to 1000 %; a percent cell holding more than 10 (LibreOffice keeps a typed
    `97,8` over a `97,6 %` cell as 97.8, shown 9780 %) is read as the points it shows were meant to
    be, with a note appended to `notes`. Without `percent_points`, text ending in `%` is a fraction
    (`40 %` is 0.4), as the strategy's settings need.
    """
    if raw is None:
        return None
    if isinstance(raw, bool | dt.date | dt.time | dt.timedelta):
        shown = show_value(raw)
        raise CellValueError(
            ProblemCode.NOT_A_NUMBER,
            Words(f"{shown.sv} är inget tal; skriv ett tal", f"expected a number, got {shown.en}"),
        )
    if isinstance(raw, int | float):
        value = _bounded(float(raw), raw)
        if not (percent_points and is_percent_format(number_format)):
            return value
        if abs(value) > PERCENT_CELL_LIMIT:
            _note(notes, value, Words("{value} %", "{value} %").format(value=decimal(value, "g")))
            return value
        return percent_points_of(value)
    text = clean_text(raw)
    if text is None:
        return None
    percent = text.endswith("%")
    body = _SPACES.sub("", text.rstrip("%")).replace("−", "-")
    value = _parse_number_text(body)
    if value is not None:
        value = _bounded(value, raw)
    if value is None:
        shown = show_value(raw)
        raise CellValueError(ProblemCode.NOT_A_NUMBER, Words(
            f"{shown.sv} är inget tal; skriv t.ex. 4,5 (4.5 om datorn har engelska inställningar)",
            f"expected a number, got {shown.en}; write e.g. 4.5 (4,5 in Swedish settings)",
        ))  # fmt: skip
    if percent and not percent_points:
        return value / 100
    return value


def _bounded(value: float, raw) -> float:
    if not abs(value) <= MAX_NUMBER:  # also infinity and NaN
        shown, most = show_value(raw), decimal(MAX_NUMBER, "g")
        raise CellValueError(ProblemCode.NUMBER_TOO_LARGE, Words(
            f"{shown.sv} är större än okrxl läser (högst {most.sv} till beloppet); skriv det tal du menar",
            f"{shown.en} is beyond what okrxl reads (at most {most.en} in size); write the number you mean",
        ))  # fmt: skip
    return value


def _parse_number_text(body: str) -> float | None:
    if _AMBIGUOUS.match(body):
        whole, fraction = body.replace(",", "").replace(".", ""), body.replace(",", ".")
        raise CellValueError(ProblemCode.AMBIGUOUS_NUMBER, Words(
            f"{body!r} kan betyda {whole} eller {fraction.replace('.', ',')}; skriv det utan tusentalsavgränsare "
            f"({whole}) eller med fler eller färre decimaler",
            f"{body!r} could mean {whole} or {fraction}; write it without a thousands separator ({whole}) "
            f"or with more or fewer decimals",
        ))  # fmt: skip
    if _PLAIN.match(body):
        return float(body.replace(",", "."))
    if _GROUPED_COMMA_DECIMAL.match(body):
        return float(body.replace(".", "").replace(",", "."))
    if _GROUPED_DOT_DECIMAL.match(body):
        return float(body.replace(",", ""))
    if _GROUPED_ONLY.match(body):
        return float(body.replace(",", "").replace(".", ""))
    return None


def read_target(
    raw, number_format: str | None = None, *, percent_points: bool = False, notes: list | None = None
) -> float | None:
    """A target: a number, or None for a placeholder (`X`, `TBD`, `?`, empty)."""
    text = clean_text(raw) if isinstance(raw, str) else None
    if text is not None and text.casefold() in PLACEHOLDER_WORDS:
        return None
    return read_number(raw, number_format, percent_points=percent_points, notes=notes)


_DAY_FIRST = re.compile(r"^(\d{1,2})\s*[./-]\s*(\d{1,2})(?:\s*[./-]\s*(\d{2}|\d{4}))?\.?$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$")


def read_date(raw, number_format: str | None = None, *, year: int, epoch: dt.datetime | None = None) -> dt.date | None:
    """A date from a real date, ISO text, day-first text (`15/2`, `15.03.2027`) or an Excel serial number.

    A date written without a year (`15/2`) is in `year`.
    """
    if raw is None:
        return None
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        if 20000 <= raw <= 80000:  # 1954 to 2119 as an Excel serial number
            from_epoch = epoch or dt.datetime(1899, 12, 30)
            if from_epoch.year == 1904:
                from_epoch = dt.datetime(1904, 1, 1)
            return (from_epoch + dt.timedelta(days=int(raw))).date()
        shown = show_value(raw)
        raise CellValueError(ProblemCode.NOT_A_DATE, Words(
            f"talet {shown.sv} är inget datum; skriv t.ex. 2027-03-15",
            f"expected a date, got the number {shown.en}; write e.g. 2027-03-15",
        ))  # fmt: skip
    text = clean_text(raw)
    if text is None:
        return None
    try:
        if match := _ISO.match(text):
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        if match := _DAY_FIRST.match(text):
            day, month, year_text = int(match[1]), int(match[2]), match[3]
            full_year = year if year_text is None else int(year_text) + (2000 if len(year_text) == 2 else 0)
            return dt.date(full_year, month, day)
    except ValueError:
        pass
    shown = show_value(raw)
    raise CellValueError(ProblemCode.NOT_A_DATE, Words(
        f"{shown.sv} är inget datum; skriv t.ex. 2027-03-15 eller 15/3",
        f"expected a date, got {shown.en}; write e.g. 2027-03-15 or 15/3",
    ))  # fmt: skip


PLAUSIBLE_DAYS = 366
"""A date further than this from its period is a mistake (an app's misreading), not a value."""


def check_plausible_date(day: dt.date, *, start: dt.date, end: dt.date, period_name: Words) -> None:
    """Raise `implausible-date` for a date more than a year before `start` or after `end`.

    Spreadsheet apps take part of what was typed as a year: `31/2` becomes 1931-02-01, `15 feb`
    2015-02-01, `15-2-27` 2015-02-27. The message suggests the date that was most likely meant
    (see `meant_date`), else asks for the date in full.
    """
    window = dt.timedelta(days=PLAUSIBLE_DAYS)
    if start - window <= day <= end + window:
        return
    meant = meant_date(day, start=start, end=end)
    where = Words(
        f"{day.isoformat()} ligger mer än ett år från {period_name.sv} ({start.isoformat()} till {end.isoformat()})",
        f"{day.isoformat()} is more than a year from {period_name.en} ({start.isoformat()} to {end.isoformat()})",
    )
    if meant is not None:
        text = Words(f"{where.sv}: kalkylprogrammet läste det som skrevs som ett annat datum. Menade du "
                     f"{meant.isoformat()}? Skriv det som {meant.isoformat()}",
                     f"{where.en}: the spreadsheet app read what was typed as another date. Did you mean "
                     f"{meant.isoformat()}? Write it as {meant.isoformat()}")  # fmt: skip
    else:
        example = dt.date(end.year, end.month, 15).isoformat()
        text = Words(f"{where.sv}: skriv hela datumet, t.ex. {example}",
                     f"{where.en}: write the date in full, e.g. {example}")  # fmt: skip
    raise CellValueError(ProblemCode.IMPLAUSIBLE_DATE, text)


def meant_date(day: dt.date, *, start: dt.date, end: dt.date) -> dt.date | None:
    """The date an app most likely misread as `day`: its year's last two digits as the day, its
    month, in the period's year (or the year of the period's end, when that is closer); None
    unless that is a real date within a year of the period."""
    window = dt.timedelta(days=PLAUSIBLE_DAYS)
    candidates = []
    for year in dict.fromkeys((start.year, end.year)):
        try:
            candidate = dt.date(year, day.month, day.year % 100)
        except ValueError:
            continue
        if start - window <= candidate <= end + window:
            distance = (start - candidate).days if candidate < start else max((candidate - end).days, 0)
            candidates.append((distance, candidate))
    return min(candidates)[1] if candidates else None


def _note(notes: list | None, value: float, meant: Words) -> None:
    if notes is not None:
        typed, shows = decimal(value, "g"), decimal(value * 100, "g")
        notes.append((
            ProblemCode.AMBIGUOUS_PERCENT,
            Words(f"{typed.sv} i en cell formaterad som procent visas som {shows.sv} %; läst som {meant.sv}. "
                  f"Skriv det med %-tecken (t.ex. {typed.sv} %) eller formatera cellen som tal",
                  f"{typed.en} in a cell formatted as percent shows as {shows.en} %; read as {meant.en}. "
                  f"Type it with a % sign (e.g. {typed.en} %) or format the cell as a number"),
        ))  # fmt: skip


def is_completion_word(raw) -> bool:
    """A done or not-done word (`klar`, `done`, `nej` ...), in any case and spacing."""
    text = clean_text(raw) if isinstance(raw, str) else None
    return text is not None and " ".join(text.casefold().split()) in DONE_WORDS | NOT_DONE_WORDS


def read_completion(raw, number_format: str | None = None, *, notes: list | None = None) -> float | None:
    """A milestone's or binary's check-in as a share done in [0, 1]: done words, `40 %`, `0.4` or `40`.

    A number in a percent cell is the share it shows (`150 %` is 1.5, out of range) up to 10; above
    that it is what was typed in percent points, with a note. A number in any other cell up to 1
    is a share, above 1 percent points.
    """
    if raw is None:
        return None
    if isinstance(raw, bool):
        return 1.0 if raw else 0.0
    if isinstance(raw, str):
        text = clean_text(raw)
        if text is None:
            return None
        word = " ".join(text.casefold().split())
        if word in DONE_WORDS:
            return 1.0
        if word in NOT_DONE_WORDS:
            return 0.0
        if not any(ch.isdigit() for ch in word):
            shown = show_value(raw)
            raise CellValueError(ProblemCode.NOT_A_COMPLETION, Words(
                f"skriv klar (ja, klar, yes, done, x) eller hur stor andel som är klar, t.ex. 40 %; {shown.sv} "
                "går inte att läsa",
                f"expected done (ja, klar, yes, done, x) or a share done such as 40 %, got {shown.en}",
            ))  # fmt: skip
        value = read_number(raw)
        share = value if text.endswith("%") else (value / 100 if value > 1 else value)
        shown = show_value(raw)
    elif isinstance(raw, int | float) and is_percent_format(number_format):
        value = _bounded(float(raw), raw)
        share = value if abs(value) <= PERCENT_CELL_LIMIT else value / 100
        if abs(value) > PERCENT_CELL_LIMIT:
            _note(notes, value, Words("{value} % klart", "{value} % done").format(value=decimal(value, "g")))
        if abs(value) <= PERCENT_CELL_LIMIT:
            shown = Words("{points} %", "{points} %").format(points=decimal(percent_points_of(value), "g"))
        else:
            shown = show_value(raw)
    else:
        value = read_number(raw, number_format)
        share = value if value <= 1 else value / 100
        shown = show_value(raw)
    if not 0 <= share <= 1:
        raise CellValueError(ProblemCode.NOT_A_COMPLETION, Words(
            f"andelen klart ska vara mellan 0 och 100 %, inte {shown.sv}",
            f"a share done is between 0 and 100 %, got {shown.en}",
        ))  # fmt: skip
    return share


_UNKNOWN_WORD = {
    "kind": ProblemCode.UNKNOWN_KIND,
    "commitment": ProblemCode.UNKNOWN_COMMITMENT,
    "confidence": ProblemCode.UNKNOWN_CONFIDENCE,
}
"""The problem of a word that is not in the vocabulary, by what the word names."""
_WHAT_WORDS = {
    "kind": Words("typ", "kind"),
    "commitment": Words("åtagande", "commitment"),
    "confidence": Words("lagets bedömning", "confidence"),
}
"""What the word names, as its column is headed."""


def read_word(raw, vocabulary: dict[str, object], what: str):
    """One of a fixed set of words (either language, any case); None for an empty cell."""
    text = clean_text(raw)
    if text is None:
        return None
    key = " ".join(text.casefold().split())
    if key in vocabulary:
        return vocabulary[key]
    choices = ", ".join(sorted({w for w in vocabulary if w.isascii()} | set(vocabulary))[:12])
    shown = show_value(raw)
    raise CellValueError(_UNKNOWN_WORD[what], Words(
        f"{shown.sv} är inget giltigt val för {_WHAT_WORDS[what].sv}; välj ett av {choices}",
        f"expected a {_WHAT_WORDS[what].en} ({choices}), got {shown.en}",
    ))  # fmt: skip


_CHOICE_ID = re.compile(r"^\s*([A-Za-z][\w.-]*)\s+[–-]\s+")


def read_ids(raw) -> tuple[str, ...]:
    """Ids from a dropdown choice (`S1 – title`) or typed ids (`S1, S3`)."""
    text = clean_text(raw)
    if text is None:
        return ()
    if match := _CHOICE_ID.match(text):
        return (match[1],)
    return tuple(part.strip() for part in re.split(r"[,;\s]+", text) if part.strip())


def show_value(raw) -> Words:
    """A cell's value as a message quotes it: text in quotes, a date as 2027-03-15, a number with each
    language's decimal mark (4,5 and 4.5), a true/false cell as the spreadsheet app shows it."""
    if isinstance(raw, dt.datetime):
        return _same(raw.date().isoformat())
    if isinstance(raw, bool):
        return Words("SANT" if raw else "FALSKT", str(raw))
    if isinstance(raw, float) and raw.is_integer() and abs(raw) <= MAX_NUMBER:
        return _same(str(int(raw)))
    if isinstance(raw, float):  # 4.5, or 1e+300 rather than its 301 digits
        text = str(raw)
        return Words(text.replace(".", ","), text)
    if isinstance(raw, dt.timedelta):
        return Words(str(raw).replace("days", "dagar").replace("day", "dag"), str(raw))
    return _same(repr(raw) if isinstance(raw, str) else str(raw))


def _same(text: str) -> Words:
    """A text that reads the same in both languages (a quoted value, a date)."""
    return Words(text, text)
