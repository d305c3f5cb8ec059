"""okrxl: run a company's OKR cycle in Excel.

The pure core (no files, no clock): :mod:`okrxl.model`, :mod:`okrxl.scoring`,
:mod:`okrxl.alignment` and :mod:`okrxl.status`.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("okrxl")
except PackageNotFoundError:  # pragma: no cover - running from a source tree that is not installed
    __version__ = "0.0.0"

__all__ = ["__version__"]
