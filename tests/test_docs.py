"""The README and docs/ keep up with the CLI."""

import pathlib
import re

import pytest
from click.testing import CliRunner

from okrxl.cli import cli
from okrxl.core.alignment import GapCode
from okrxl.core.problems import ProblemCode

ROOT = pathlib.Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCS = README + "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").glob("*.md")))


def sh_blocks(text):
    return re.findall(r"^```sh\n(.*?)^```", text, flags=re.S | re.M)


def test_readme_starts_with_install_and_demo_then_the_test_command():
    first, second = sh_blocks(README)[:2]
    assert "pip install -e '.[test]'" in first and first.strip().endswith("okrxl demo")
    assert second.strip() == "python -m pytest"
    assert "readme_block 1" in (ROOT / ".ci" / "run").read_text() and "readme_block 2" in (ROOT / ".ci/run").read_text()


def test_every_command_has_help_with_an_example_and_is_documented():
    for name, command in cli.commands.items():
        result = CliRunner().invoke(cli, [name, "--help"])
        assert result.exit_code == 0
        assert f"okrxl {name}" in result.output, f"`okrxl {name} --help` shows no example"
        assert f"`okrxl {name}" in DOCS, f"okrxl {name} is not in README.md or docs/"
        for option in command.params:
            for flag in option.opts:
                if flag.startswith("--"):
                    assert flag in DOCS, f"okrxl {name} {flag} is not documented"


def test_every_gap_code_and_status_is_documented():
    from okrxl.core.alignment import GapCode
    from okrxl.core.scoring import Status

    method = (ROOT / "docs" / "method.md").read_text(encoding="utf-8")
    schema = (ROOT / "docs" / "status-document.md").read_text(encoding="utf-8")
    assert all(f"`{code}`" in method for code in GapCode)
    assert all(f'"{status}"' in schema for status in Status)


def table_codes(text):
    """`code` -> severity, from the table rows that start `| `code` | error |` (or warning, info)."""
    return dict(re.findall(r"^\| `([a-z-]+)` \| (error|warning|info) \|", text, flags=re.M))


def section(text, heading):
    return text.split(f"\n{heading}\n", 1)[1].split("\n## ", 1)[0]


@pytest.mark.parametrize(
    ("codes", "doc", "heading"),
    [(GapCode, "method.md", "## Gaps"), (ProblemCode, "check.md", "## Problem codes")],
    ids=["gap codes in method.md", "problem codes in check.md"],
)
def test_every_code_is_in_its_docs_table_with_its_severity_and_every_code_there_exists(codes, doc, heading):
    documented = table_codes(section((ROOT / "docs" / doc).read_text(encoding="utf-8"), heading))
    assert documented == {str(code): str(code.severity) for code in codes}


def test_the_codes_cells_md_names_are_problem_or_gap_codes():
    cells = (ROOT / "docs" / "cells.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`([a-z]+(?:-[a-z]+)+)`", cells))
    assert named and named <= {str(code) for code in (*ProblemCode, *GapCode)}


def test_the_error_gaps_that_check_shows_at_cells_are_problem_codes_of_the_same_severity():
    for code in GapCode:
        if code.severity == "error":
            assert ProblemCode(code).severity == "error"
