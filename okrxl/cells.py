"""What people type into cells, turned into values, or a clear reason why not.

Pure functions of a cell's raw value (as openpyxl gives it) and its number format. Each returns
the value or raises `CellValueError`, whose message says what was found and what would be valid;
the readers turn it into a `Problem` with the cell's address. See docs/cells.md.
"""

from __future__ import annotations

import datetime as dt
import re

from okrxl.layout import DONE_WORDS, NOT_DONE_WORDS, PLACEHOLDER_WORDS

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u2007']")
_PLAIN = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")
_GROUPED_COMMA_DECIMAL = re.compile(r"^[+-]?\d{1,3}(?:\.\d{3})+,\d+$")  # 1.234,5
_GROUPED_DOT_DECIMAL = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+\.\d+$")  # 1,234.5
_GROUPED_ONLY = re.compile(r"^[+-]?\d{1,3}(?:([.,])\d{3})(?:\1\d{3})+$")  # 1.234.567 or 1,234,567
_AMBIGUOUS = re.compile(r"^[+-]?[1-9]\d{0,2}[.,]\d{3}$")  # 1.234 or 1,234: thousands or decimals?


class CellValueError(ValueError):
    """A cell's content cannot be read as what its column needs."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


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


def is_percent_format(number_format: str | None) -> bool:
    return bool(number_format) and "%" in number_format.replace("\\%", "").replace('"%"', "")


def read_number(
    raw, number_format: str | None = None, *, percent_points: bool = False, notes: list | None = None
) -> float | None:
    """A number from a number, or from text as people type it (`4,5`, `1 234`, `15 %`).

    With `percent_points`, the value is in percent points: a cell formatted as percent holding
    0.15 (what Excel stores for `15%`) is 15, and so is the text `15%`. A percent cell holding
    more than 1 (LibreOffice keeps a typed `97,8` as 97.8, shown 9780 %) is read as the points it
    shows were meant to be, with a note appended to `notes`.
    """
    if raw is None:
        return None
    if isinstance(raw, bool | dt.date | dt.time | dt.timedelta):
        raise CellValueError("not-a-number", f"expected a number, got {_show(raw)}")
    if isinstance(raw, int | float):
        value = float(raw)
        if not (percent_points and is_percent_format(number_format)):
            return value
        if abs(value) > 1:
            _note(notes, value, f"{value:g} %")
            return value
        return value * 100
    text = clean_text(raw)
    if text is None:
        return None
    percent = text.endswith("%")
    body = _SPACES.sub("", text.rstrip("%")).replace("−", "-")
    value = _parse_number_text(body)
    if value is None:
        raise CellValueError("not-a-number", f"expected a number, got {_show(raw)}; write e.g. 4 or 4,5")
    if percent and not percent_points:
        return value / 100
    return value


def _parse_number_text(body: str) -> float | None:
    if _AMBIGUOUS.match(body):
        whole, decimal = body.replace(",", "").replace(".", ""), body.replace(",", ".")
        raise CellValueError(
            "ambiguous-number",
            f"{body!r} could mean {whole} or {decimal}; write it without a thousands separator ({whole}) "
            f"or with more or fewer decimals",
        )
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
        raise CellValueError("not-a-date", f"expected a date, got the number {_show(raw)}; write e.g. 2027-03-15")
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
    raise CellValueError("not-a-date", f"expected a date, got {_show(raw)}; write e.g. 2027-03-15 or 15/3")


def _note(notes: list | None, value: float, meant: str) -> None:
    if notes is not None:
        notes.append((
            "ambiguous-percent",
            f"{value:g} in a cell formatted as percent shows as {value * 100:g} %; read as {meant}. "
            f"Type it with a % sign (e.g. {value:g} %) or format the cell as a number",
        ))  # fmt: skip


def read_completion(raw, number_format: str | None = None, *, notes: list | None = None) -> float | None:
    """A milestone's or binary's check-in as a share done in [0, 1]: done words, `40 %`, `0.4` or `40`."""
    if raw is None:
        return None
    if isinstance(raw, bool):
        return 1.0 if raw else 0.0
    if isinstance(raw, str):
        text = clean_text(raw)
        if text is None:
            return None
        word = text.casefold()
        if word in DONE_WORDS:
            return 1.0
        if word in NOT_DONE_WORDS:
            return 0.0
        if not any(ch.isdigit() for ch in word):
            raise CellValueError(
                "not-a-completion",
                f"expected done (ja, klar, yes, done, x) or a share done such as 40 %, got {_show(raw)}",
            )
        value = read_number(raw)
        share = value if text.endswith("%") else (value / 100 if value > 1 else value)
    else:
        value = read_number(raw, number_format)
        share = value if value <= 1 else value / 100
        if value > 1 and is_percent_format(number_format):
            _note(notes, value, f"{value:g} % done")
    if not 0 <= share <= 1:
        raise CellValueError("not-a-completion", f"a share done is between 0 and 100 %, got {_show(raw)}")
    return share


def read_word(raw, vocabulary: dict[str, object], what: str):
    """One of a fixed set of words (either language, any case); None for an empty cell."""
    text = clean_text(raw)
    if text is None:
        return None
    key = " ".join(text.casefold().split())
    if key in vocabulary:
        return vocabulary[key]
    choices = ", ".join(sorted({w for w in vocabulary if w.isascii()} | set(vocabulary))[:12])
    raise CellValueError(f"unknown-{what}", f"expected a {what} ({choices}), got {_show(raw)}")


_CHOICE_ID = re.compile(r"^\s*([A-Za-z][\w.-]*)\s+[–-]\s+")


def read_ids(raw) -> tuple[str, ...]:
    """Ids from a dropdown choice (`S1 – title`) or typed ids (`S1, S3`)."""
    text = clean_text(raw)
    if text is None:
        return ()
    if match := _CHOICE_ID.match(text):
        return (match[1],)
    return tuple(part.strip() for part in re.split(r"[,;\s]+", text) if part.strip())


def _show(raw) -> str:
    if isinstance(raw, dt.datetime):
        return raw.date().isoformat()
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return repr(raw) if isinstance(raw, str) else str(raw)
