"""What can go wrong, as exceptions (the input is unusable) and as data (the input has flaws)."""

from __future__ import annotations

import enum


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
