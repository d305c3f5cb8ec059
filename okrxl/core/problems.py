"""What can go wrong, as exceptions (the input is unusable) and as data (the input has flaws).

Every exception okrxl raises on purpose is here, under `OkrxlError`, grouped by the caller's
question: a file that cannot be used at all (`FileError`), a value that cannot be read
(`CellValueError`, `XlsxError`), an object that would break an invariant (`ModelError`), an edited
template (`TemplateError`), the PDF printer (`PdfError`). Flaws that a person can fix in a cell are
`Problem`s with a stable `ProblemCode` (docs/check.md lists every code).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from okrxl.core.words import Words


class Severity(enum.StrEnum):
    """How much a gap or a problem matters, most severe first."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for the most severe, for sorting."""
        return list(Severity).index(self)


class ProblemCode(enum.StrEnum):
    """The stable code of a problem in a file (docs/check.md, "Problem codes"), with its severity."""

    # In a cell (okrxl.excel.cells and the readers).
    NOT_A_NUMBER = "not-a-number"
    NUMBER_TOO_LARGE = "number-too-large"
    AMBIGUOUS_NUMBER = "ambiguous-number"
    NOT_A_DATE = "not-a-date"
    IMPLAUSIBLE_DATE = "implausible-date"
    NOT_A_COMPLETION = "not-a-completion"
    UNKNOWN_KIND = "unknown-kind"
    UNKNOWN_COMMITMENT = "unknown-commitment"
    UNKNOWN_CONFIDENCE = "unknown-confidence"
    UNKNOWN_STATE = "unknown-state"
    """An initiative's state that is not in the list; the initiative is read as planned."""
    MISSING_KIND = "missing-kind"
    BAD_WEIGHT = "bad-weight"
    FORMULA_WITHOUT_VALUE = "formula-without-value"
    FORMULA_IN_CELL = "formula-in-cell"
    AMBIGUOUS_PERCENT = "ambiguous-percent"
    AMBIGUOUS_FRACTION = "ambiguous-fraction"
    DATE_OUTSIDE_QUARTER = "date-outside-quarter"
    BAD_CARRIED = "bad-carried"
    NUMBER_AS_TEXT = "number-as-text"
    DATE_AS_TEXT = "date-as-text"
    # In a row.
    MISSING_TITLE = "missing-title"
    NOTE_ROW = "note-row"
    INFERRED_ID = "inferred-id"
    DUPLICATE_ID = "duplicate-id"
    BAD_ID = "bad-id"
    ORPHAN_KEY_RESULT = "orphan-key-result"
    INVALID_KEY_RESULT = "invalid-key-result"
    INVALID_OBJECTIVE = "invalid-objective"
    UNKNOWN_LINK = "unknown-link"
    """The error gap GapCode.UNKNOWN_LINK, shown at its cell by `okrxl check`."""
    MISSING_BASELINE = "missing-baseline"
    """The error gap GapCode.MISSING_BASELINE, shown at its cell by `okrxl check`."""
    # In a table's header row.
    UNREADABLE_HEADER = "unreadable-header"
    UNKNOWN_COLUMN = "unknown-column"
    CHECK_IN_OUTSIDE_QUARTER = "check-in-outside-quarter"
    DUPLICATE_CHECK_IN_DATE = "duplicate-check-in-date"
    DUPLICATE_COLUMN = "duplicate-column"
    BELOW_TABLE = "below-table"
    # In the strategy workbook.
    BAD_TEAM_ID = "bad-team-id"
    BAD_PERSON = "bad-person"
    """A row of the People sheet that names no person okrxl can use (a bad id, an unknown team, a repeat)."""
    UNKNOWN_SETTING = "unknown-setting"
    MISSING_SETTING = "missing-setting"
    NOT_A_WHOLE_NUMBER = "not-a-whole-number"
    BAD_SETTING = "bad-setting"
    INVALID_STRATEGY = "invalid-strategy"
    INVALID_PLAN = "invalid-plan"
    # A whole file (FileError.code).
    UNREADABLE = "unreadable"
    NOT_XLSX = "not-xlsx"
    MACROS = "macros"
    NOT_OKRXL = "not-okrxl"
    MISSING_COLUMN = "missing-column"
    WRONG_SCHEMA = "wrong-schema"
    UNKNOWN_TEAM = "unknown-team"
    UNKNOWN_PERSON = "unknown-person"
    """A personal workbook of someone the strategy's People sheet does not list in that team."""
    INTERNAL_ERROR = "internal-error"
    CANNOT_WRITE = "cannot-write"
    """An output file okrxl could not write (OutputError); never a problem of a file read."""
    # Between the files of a folder.
    WRONG_QUARTER = "wrong-quarter"
    WRONG_YEAR = "wrong-year"
    DUPLICATE_TEAM = "duplicate-team"
    PERSONAL_OFF = "personal-off"
    """A personal workbook while the strategy has personal OKRs switched off: it is not read."""
    STRATEGY_CHANGED = "strategy-changed"

    @property
    def severity(self) -> Severity:
        return _SEVERITY.get(self, Severity.ERROR)


_SEVERITY = {
    ProblemCode.AMBIGUOUS_PERCENT: Severity.WARNING,
    ProblemCode.AMBIGUOUS_FRACTION: Severity.WARNING,
    ProblemCode.DATE_OUTSIDE_QUARTER: Severity.WARNING,
    ProblemCode.BAD_CARRIED: Severity.WARNING,
    ProblemCode.INFERRED_ID: Severity.WARNING,
    ProblemCode.UNKNOWN_COLUMN: Severity.WARNING,
    ProblemCode.CHECK_IN_OUTSIDE_QUARTER: Severity.WARNING,
    ProblemCode.UNKNOWN_SETTING: Severity.WARNING,
    ProblemCode.STRATEGY_CHANGED: Severity.WARNING,
    ProblemCode.PERSONAL_OFF: Severity.WARNING,
    ProblemCode.BAD_PERSON: Severity.WARNING,  # the row is left out; the teams are not held up by it
    ProblemCode.FORMULA_IN_CELL: Severity.INFO,
    ProblemCode.NUMBER_AS_TEXT: Severity.INFO,
    ProblemCode.DATE_AS_TEXT: Severity.INFO,
    ProblemCode.NOTE_ROW: Severity.INFO,
    ProblemCode.BELOW_TABLE: Severity.INFO,
}
"""The codes that are not errors."""


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

    code: ProblemCode
    """Stable, e.g. `not-a-number`; its severity is the problem's."""
    file: str
    """The file's name."""
    cell: CellRef | None = None
    text: Words
    """What a person reads, in both languages (`problem.text(lang)`)."""

    @property
    def severity(self) -> Severity:
        return self.code.severity

    @property
    def message(self) -> str:
        """The text in English: what the JSON documents and exceptions carry."""
        return self.text.en

    def __str__(self) -> str:
        return self.said("en")

    def said(self, lang) -> str:
        """`file cell: text` in `lang`."""
        where = f"{self.file} {self.cell}" if self.cell else self.file
        return f"{where}: {self.text(lang)}"


# --- exceptions ---------------------------------------------------------------------------------


class OkrxlError(Exception):
    """Base of every error okrxl raises on purpose; the CLI turns it into a message and an exit code.

    Made with Words, it says what to do in both languages (`text`); `str(error)` is the English."""

    def __init__(self, text: Words | str = ""):
        super().__init__(text.en if isinstance(text, Words) else text)
        self.text: Words | None = text if isinstance(text, Words) else None
        """The message in both languages, where it was made so."""


class ModelError(OkrxlError, ValueError):
    """An OKR object would break an invariant; the message names the object."""

    def __init__(self, text: Words):
        super().__init__(text.en)
        self.text = text
        """The message in both languages."""


class CellValueError(OkrxlError, ValueError):
    """A cell's content cannot be read as what its column needs; the readers make it a `Problem`."""

    def __init__(self, code: ProblemCode, text: Words):
        super().__init__(text.en)
        self.code = code
        self.text = text
        """The message in both languages."""


class XlsxError(OkrxlError, ValueError):
    """The package is not a readable workbook (a part is missing or its XML is broken)."""

    def __init__(self, text: Words):
        super().__init__(text.en)
        self.text = text
        """The message in both languages."""


class TooBigError(XlsxError):
    """The workbook is beyond one of the reader's budgets; the message says which and its limit."""


class FileError(OkrxlError):
    """A file cannot be used at all: not an xlsx, too big, macro-enabled, unreadable."""

    default_code = ProblemCode.UNREADABLE

    def __init__(self, text: Words, *, code: ProblemCode | None = None):
        super().__init__(text.en)
        self.text = text
        """The message in both languages; `str(error)` is the English."""
        self.code = code or self.default_code
        """Stable, for reports: `unreadable`, `not-okrxl`, `wrong-schema`, `unknown-team`, ..."""


class NotAnOkrxlWorkbook(FileError):
    """The file is an xlsx, but not one okrxl made (or not of the expected kind)."""

    default_code = ProblemCode.NOT_OKRXL


class OutputError(FileError):
    """okrxl could not write an output file: the disk is full, the folder is read-only, a folder is in the way."""

    default_code = ProblemCode.CANNOT_WRITE


class TemplateError(OkrxlError):
    """The template file cannot be used; the message names the cell and the fix."""


class PdfError(OkrxlError):
    """LibreOffice is not installed, or did not print the PDF."""
