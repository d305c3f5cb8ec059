"""The words a person reads, in Swedish and English. Pure.

Every text okrxl shows a person (a gap, a problem, a change, a page, a terminal line) is made in both
languages at once, as `Words(sv, en)`, and the page or terminal picks one by the workbook's language.
The method's own vocabulary (statuses, grades, the team's confidence) is in `okrxl.core.scoring`, beside
what it names; the workbooks' vocabulary is in `okrxl.excel.layout`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # every core module may use Words, so this one imports none of them
    from okrxl.core.model import Lang


@dataclass(frozen=True, slots=True)
class Words:
    """One text in both languages."""

    sv: str
    en: str

    def __call__(self, lang: Lang) -> str:
        return self.sv if lang == "sv" else self.en

    def __iter__(self):
        return iter((self.sv, self.en))

    def __str__(self) -> str:
        return self.en

    def format(self, **values) -> Words:
        """Both texts with `values` filled in; a value that is itself `Words` is filled in its own language."""
        return Words(*(text.format(**_in(values, lang)) for text, lang in ((self.sv, "sv"), (self.en, "en"))))


def _in(values: dict, lang: Lang) -> dict:
    return {key: value(lang) if isinstance(value, Words) else value for key, value in values.items()}


def join(parts, separator: str = ", ") -> Words:
    """`Words` joined in each language."""
    parts = list(parts)
    return Words(separator.join(p.sv for p in parts), separator.join(p.en for p in parts))


def counted(count: int, one: Words, many: Words) -> Words:
    """`1 key result`, `2 key results`: a count with its noun in the right number, in both languages."""
    noun = one if count == 1 else many
    return Words(f"{count} {noun.sv}", f"{count} {noun.en}")


def decimal(number: float, spec: str) -> Words:
    """A number formatted by `spec` (`.2f`, `g`...) with each language's decimal mark: 0,73 and 0.73."""
    text = format(number, spec)
    return Words(text.replace(".", ","), text)


SEVERITY_WORDS: dict[str, Words] = {
    "error": Words("fel", "error"), "warning": Words("varning", "warning"), "info": Words("info", "info"),
}  # fmt: skip
"""A gap's or a problem's severity (okrxl.core.problems.Severity's values), as a page or the terminal says it."""
NOUNS: dict[str, tuple[Words, Words]] = {
    "error": (Words("fel", "error"), Words("fel", "errors")),
    "warning": (Words("varning", "warning"), Words("varningar", "warnings")),
    "gap": (Words("lucka", "gap"), Words("luckor", "gaps")),
    "file": (Words("fil", "file"), Words("filer", "files")),
    "problem": (Words("problem", "problem"), Words("problem", "problems")),
    "team_workbook": (Words("teamarbetsbok", "team workbook"), Words("teamarbetsböcker", "team workbooks")),
}
"""The nouns okrxl counts, singular and plural: `counted(n, *NOUNS["error"])`."""
