"""okrxl: run a company's OKR cycle in Excel.

The pure core (no files, no clock): :mod:`okrxl.core.model`, :mod:`okrxl.core.scoring`,
:mod:`okrxl.core.alignment` and :mod:`okrxl.core.status`. The jobs, as functions: :func:`consolidate`,
:func:`generate`, :func:`init_strategy`, :func:`write_demo` (from :mod:`okrxl.jobs`, imported on
first use so that `import okrxl` and `okrxl --help` stay fast).
"""

_API = ("consolidate", "Consolidation", "generate", "init_strategy", "read_strategy", "write_demo")

__all__ = ["__version__", *_API]


def __getattr__(name: str):
    if name == "__version__":  # the version lives where okrxl writes it into workbooks
        from okrxl.excel.book import __version__

        return __version__
    if name in _API:
        from okrxl import jobs

        return getattr(jobs, name)
    raise AttributeError(f"module 'okrxl' has no attribute {name!r}")
