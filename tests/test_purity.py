"""The pure core imports no Excel library, no pandas, no click, and reads no clock and no file."""

import ast
import pathlib
import subprocess
import sys

import okrxl

CORE = ["model", "scoring", "alignment", "status", "example", "summary", "problems"]
HEAVY = ["openpyxl", "xlsxwriter", "pandas", "click", "calamine", "python_calamine"]


def test_the_core_imports_none_of_the_io_libraries():
    code = (
        "import sys\n"
        + "".join(f"import okrxl.{name}\n" for name in CORE)
        + f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_the_core_reads_no_clock_and_opens_no_file():
    forbidden = {"today", "now", "utcnow", "open", "read_text", "write_text", "time"}
    package = pathlib.Path(okrxl.__file__).parent
    for name in CORE:
        tree = ast.parse((package / f"{name}.py").read_text(encoding="utf-8"))
        called = {
            node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            for node in ast.walk(tree)
            if isinstance(node, ast.Call)
        }
        assert not called & forbidden, f"okrxl/{name}.py calls {called & forbidden}"
