"""okrxl: run a company's OKR cycle in Excel.

The pure core (no files, no clock): :mod:`okrxl.model`, :mod:`okrxl.scoring`,
:mod:`okrxl.alignment` and :mod:`okrxl.status`. The jobs, as functions: :func:`consolidate`,
:func:`generate`, :func:`init_strategy`, :func:`write_demo` (from :mod:`okrxl.api`, imported on
first use so that `import okrxl` and `okrxl --help` stay fast).
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("okrxl")
except PackageNotFoundError:  # pragma: no cover - running from a source tree that is not installed
    __version__ = "0.0.0"

_API = ("consolidate", "Consolidation", "generate", "init_strategy", "read_strategy", "write_demo")

__all__ = ["__version__", *_API]


def __getattr__(name: str):
    if name in _API:
        from okrxl import api

        return getattr(api, name)
    raise AttributeError(f"module 'okrxl' has no attribute {name!r}")
