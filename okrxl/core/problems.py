"""What can go wrong, as exceptions (the input is unusable) and as data (the input has flaws)."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class OkrxlError(Exception):
    """Base of every error okrxl raises on purpose; the CLI turns it into a message and an exit code."""


class ModelError(OkrxlError, ValueError):
    """An OKR object would break an invariant; the message names the object."""


class Severity(enum.StrEnum):
    """How much a gap or a problem matters, most severe first."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for the most severe, for sorting."""
        return list(Severity).index(self)


@dataclass(frozen=True, slots=True, order=True)
class CellRef:
    """A cell of a sheet; `str()` is Excel's own notation, which can be pasted into the Name Box."""

    sheet: str
    row: int
    """1-based, as Excel shows it."""
    column: int
    """1-based: A is 1."""

    def __str__(self) -> str:
        return f"'{self.sheet.replace(chr(39), chr(39) * 2)}'!{column_letter(self.column)}{self.row}"


def column_letter(column: int) -> str:
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass(frozen=True, slots=True, kw_only=True)
class Problem:
    """Something in a file that okrxl could not take as it stands: data, not an exception."""

    code: str
    """Stable, e.g. `not-a-number`; listed in docs/cells.md."""
    severity: Severity
    file: str
    """The file's name."""
    cell: CellRef | None = None
    message: str

    def __str__(self) -> str:
        where = f"{self.file} {self.cell}" if self.cell else self.file
        return f"{where}: {self.message}"
