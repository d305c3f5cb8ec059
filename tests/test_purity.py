"""The layers: the pure core imports only the core, reads no clock and opens no file; the workbooks'
layer never imports the outputs; nothing below the jobs imports the jobs or the CLI."""

import ast
import pathlib
import subprocess
import sys

import pytest

import okrxl

PACKAGE = pathlib.Path(okrxl.__file__).parent
HEAVY = ["openpyxl", "xlsxwriter", "pandas", "click", "calamine", "python_calamine"]
# What each layer may import from okrxl: itself and the layers under it.
ALLOWED = {
    "core": {"core"},
    "demo": {"core", "demo"},
    "excel": {"core", "excel"},
    "outputs": {"core", "excel", "outputs"},
}


def _modules(layer: str) -> list[pathlib.Path]:
    return sorted((PACKAGE / layer).glob("*.py"))


def _okrxl_imports(path: pathlib.Path) -> set[str]:
    """The okrxl modules `path` imports, anywhere in it (module level or inside a function)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "okrxl":
            names = [node.module] if node.module != "okrxl" else [f"okrxl.{a.name}" for a in node.names]
            found.update(names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "okrxl")
    return found


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_each_layer_imports_only_itself_and_the_layers_under_it(layer):
    wrong = {
        f"okrxl/{layer}/{path.name} imports {name}"
        for path in _modules(layer)
        for name in _okrxl_imports(path)
        if name.split(".")[1] not in ALLOWED[layer]
    }
    assert wrong == set()


def test_the_package_has_the_four_layers_and_the_jobs_and_cli_on_top():
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert top == ["__init__.py", "cli.py", "jobs.py"]
    assert sorted(p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()) == sorted(ALLOWED)


def test_the_core_the_demo_and_the_summary_import_none_of_the_io_libraries():
    modules = [f"okrxl.core.{p.stem}" for p in _modules("core")] + ["okrxl.demo.example", "okrxl.outputs.summary"]
    code = (
        "import sys\n"
        + "".join(f"import {name}\n" for name in modules)
        + f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_the_core_reads_no_clock_and_opens_no_file():
    forbidden = {"today", "now", "utcnow", "open", "read_text", "write_text", "time"}
    for path in _modules("core"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        called = {
            node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            for node in ast.walk(tree)
            if isinstance(node, ast.Call)
        }
        assert not called & forbidden, f"okrxl/core/{path.name} calls {called & forbidden}"
