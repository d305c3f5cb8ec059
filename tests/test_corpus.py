"""Differential corpus test: okrxl's reader gives the cell values openpyxl and python-calamine give, on
Excel-made workbooks (tests/files/corpus/, a curated subset of ../shared/corpus; tools/corpus_check.py
runs the whole set)."""

import importlib.util
import sys
from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "files" / "corpus"
FILES = sorted(CORPUS.glob("*.xlsx"))
TOOLS = Path(__file__).parent.parent / "tools"


@pytest.fixture(scope="module")
def corpus_check():
    spec = importlib.util.spec_from_file_location("corpus_check", TOOLS / "corpus_check.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["corpus_check"] = module
    spec.loader.exec_module(module)
    return module


def test_the_curated_corpus_is_small_and_licensed():
    assert 30 <= len(FILES) <= 60
    assert sum(p.stat().st_size for p in FILES) < 1_000_000
    assert (CORPUS / "LICENSE.txt").exists() and (CORPUS / "README.md").exists()


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_an_excel_made_workbook_reads_as_openpyxl_and_calamine_read_it(corpus_check, path):
    assert corpus_check.compare(path) == []


def test_the_oracles_are_there_so_the_corpus_test_compares_something():
    pytest.importorskip("python_calamine", reason="python-calamine is in the test extra")
    import openpyxl  # noqa: F401
