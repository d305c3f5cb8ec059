"""Hostile and broken files: each gives one clear line naming the file and what to do, a non-zero
exit, no traceback, and leaves the other files (and itself) untouched."""

import shutil
import zipfile

import pytest
from click.testing import CliRunner

from okrxl.cli import cli
from okrxl.excel.files import MAX_TOTAL_BYTES
from okrxl.excel.folder import read_folder


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo")
    assert CliRunner().invoke(cli, ["demo", str(folder), "--no-pdf"]).exit_code == 0
    return folder


def _rewrite(source, target, replace=None, add=None):
    """Copy an xlsx member by member, replacing or adding members."""
    replace, add = replace or {}, add or {}
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info.filename)
            new.writestr(info.filename, replace.get(info.filename, lambda d: d)(data))
        for name, data in add.items():
            new.writestr(name, data)


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">]>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>&lol6;</t></si></sst>"""


def make_csv(good, path):
    path.write_text("Id;Objective\nO1;Sell more\n", encoding="utf-8")


def make_pdf(good, path):
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")


def make_truncated(good, path):
    path.write_bytes(good.read_bytes()[: good.stat().st_size // 2])


def make_xls(good, path):
    # An OLE2 compound file: what an old .xls (and a password-protected .xlsx) is.
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)


def make_xlsm(good, path):
    _rewrite(good, path, replace={
        "[Content_Types].xml": lambda d: d.replace(
            b"spreadsheetml.sheet.main+xml", b"sheet.macroEnabled.main+xml"),
    }, add={"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0 not really VBA"})  # fmt: skip


def make_xml_bomb(good, path):
    _rewrite(good, path, replace={"xl/sharedStrings.xml": lambda d: BILLION_LAUGHS})


def make_zip_bomb(good, path):
    # 2 MB of one repeated character packs to a few KB: a ratio far beyond any real workbook.
    _rewrite(good, path, add={"xl/media/padding.bin": b"A" * 2_000_000})


def make_huge(good, path):
    # Declared sizes above the limit are refused before any XML is parsed.
    with zipfile.ZipFile(good) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info.filename, old.read(info.filename))
        chunk = b"<row/>" * 1_000_000
        for index in range(MAX_TOTAL_BYTES // len(chunk) + 1):
            new.writestr(f"xl/worksheets/extra{index}.xml", chunk)


def make_missing_sheet(good, path):
    import openpyxl

    workbook = openpyxl.load_workbook(good)
    workbook["OKR"].title = "Våra mål"
    workbook.save(path)


def make_wrong_schema(good, path):
    import openpyxl

    workbook = openpyxl.load_workbook(good)
    sheet = workbook["okrxl"]
    next(row for row in sheet.iter_rows(min_row=2) if row[0].value == "schema")[1].value = "7"
    workbook.save(path)


def make_foreign_xlsx(good, path):
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "Budget 2027"
    workbook.save(path)


def make_lost_table(good, path):
    import openpyxl

    workbook = openpyxl.load_workbook(good)
    del workbook["OKR"].tables["okrs"]
    workbook.save(path)


def make_huge_table(good, path):
    import openpyxl

    workbook = openpyxl.load_workbook(good)
    workbook["OKR"].tables["okrs"].ref = "A4:AC60000"
    workbook.save(path)


HOSTILE = [
    ("csv-renamed", make_csv, "unreadable", "not an Excel workbook (.xlsx); save it from your spreadsheet app as .xlsx"),
    ("pdf-renamed", make_pdf, "unreadable", "not an Excel workbook (.xlsx)"),
    ("truncated", make_truncated, "unreadable", "the file is damaged (truncated or not a complete .xlsx)"),
    ("old-xls", make_xls, "unreadable", "an old .xls file or a password-protected workbook; save it as an Excel "
                                        "workbook (.xlsx) without a password"),
    ("macros", make_xlsm, "macros", "a macro-enabled workbook; okrxl never runs or keeps macros, save it as .xlsx"),
    ("xml-bomb", make_xml_bomb, "unreadable", "cannot read the workbook"),
    ("zip-bomb", make_zip_bomb, "unreadable", "part xl/media/padding.bin unpacks to 2 MB"),
    ("huge", make_huge, "unreadable", "more than okrxl reads"),
    ("renamed-sheet", make_missing_sheet, "not-okrxl", "no sheet 'OKRs' or 'OKR'"),
    ("wrong-schema", make_wrong_schema, "wrong-schema", "made for okrxl workbook schema 7, this okrxl reads schema 1"),
    ("foreign", make_foreign_xlsx, "not-okrxl", "not an okrxl workbook (no sheet 'okrxl')"),
    ("huge-table", make_huge_table, "unreadable", "spans 59996 rows and 29 columns; okrxl reads at most 2000 rows"),
    ("lost-table", make_lost_table, "not-okrxl", "sheet 'OKR' has lost its table 'okrs'"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "make", "code", "message"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_a_hostile_file_is_one_clear_error_and_the_others_still_read(demo, tmp_path, name, make, code, message):
    folder = tmp_path / "2027-Q1"
    shutil.copytree(demo / "2027-Q1", folder)
    shutil.copy(demo / "strategy.xlsx", tmp_path / "strategy.xlsx")
    bad = folder / f"{name}.xlsx"
    make(folder / "sales.xlsx", bad)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}

    result = CliRunner().invoke(cli, ["check", str(folder), "--lang", "en"])

    assert result.exit_code == 1
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)
    line = next(line for line in result.output.splitlines() if line.startswith(f"  error   {code}:"))
    assert message in line
    assert f"{bad}: 1 error (unreadable)" in result.output
    reading = read_folder([folder])
    assert sorted(p.team.id for p in reading.plans) == ["marketing", "production", "sales"]
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_a_file_okrxl_fails_on_is_reported_and_the_others_still_read(demo, tmp_path, monkeypatch):
    import okrxl.excel.folder

    folder = tmp_path / "2027-Q1"
    shutil.copytree(demo / "2027-Q1", folder)
    shutil.copy(demo / "strategy.xlsx", tmp_path / "strategy.xlsx")
    real = okrxl.excel.folder.read_team_workbook

    def fails_on_sales(path, strategy=None):
        if path.name == "sales.xlsx":
            raise IndexError("an okrxl bug")
        return real(path, strategy)

    monkeypatch.setattr(okrxl.excel.folder, "read_team_workbook", fails_on_sales)
    reading = read_folder([folder])
    sales = next(f for f in reading.files if f.path.name == "sales.xlsx")
    assert [(p.code, p.message.split(";")[0]) for p in sales.problems] == [
        ("internal-error", "okrxl failed on this file (IndexError: an okrxl bug)")
    ]
    assert sorted(p.team.id for p in reading.plans) == ["marketing", "production"]


# --- budgets: files at the reader's limits are answered within 2 s and 256 MiB, beyond them refused ---

SHEET_META = "xl/worksheets/sheet6.xml"  # the demo workbooks' hidden sheet 'okrxl', read before any other
META_ROWS = b"</sheetData>"


def _into_meta(xml: bytes):
    """A change that puts `xml` (rows) at the end of the hidden meta sheet's data."""
    return {SHEET_META: lambda d: d.replace(META_ROWS, xml + META_ROWS)}


def _cells(count, width=200):
    rows = (
        b'<row r="%d">' % (row + 2000) + b"".join(b'<c r="%s%d"><v>1</v></c>' % (column, row + 2000)
                                               for column in _COLUMNS[:width]) + b"</row>"
        for row in range(count // width)
    )  # fmt: skip
    return b"".join(rows)


_COLUMNS = [a + b for a in (b"", b"A", b"B") for b in (bytes([c]) for c in range(65, 91))][:200]


def make_rows_987000(good, path):
    _rewrite(good, path, replace=_into_meta(b"".join(b'<row r="%d"/>' % (r + 1000) for r in range(987_000))))


def make_rows_just_under_the_limit(good, path):
    _rewrite(good, path, replace=_into_meta(b"".join(b'<row r="%d"/>' % (r + 1000) for r in range(240_000))))


def make_cells_at_the_limit(good, path):
    # 130,000 number cells, 7 of MAX_MARKUP each: just under it with the rest of the workbook.
    _rewrite(good, path, replace=_into_meta(_cells(130_000)))


def make_one_cell_at_xfd1048576(good, path):
    _rewrite(
        good, path, replace=_into_meta(b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>')
    )


def make_row_beyond_the_grid(good, path):
    _rewrite(good, path, replace=_into_meta(b'<row r="99999999999"><c t="inlineStr"><is><t>x</t></is></c></row>'))


def make_deep_rich_text(good, path):
    # Runs nested 140,000 deep inside one shared string: parsed once, joined in linear time.
    depth = 140_000  # 1 MB: parts up to 1 MB may pack better than 200:1
    item = b"<si>" + b"<r>" * depth + b"<t>x</t>" + b"</r>" * depth + b"</si>"
    _rewrite(good, path, replace={"xl/sharedStrings.xml": lambda d: d.replace(b"</sst>", item + b"</sst>")})


def make_many_attributes(good, path):
    attributes = b" ".join(b'a%d="1"' % index for index in range(320_000))
    _rewrite(
        good, path, replace={"xl/styles.xml": lambda d: d.replace(b"<numFmts", b"<x " + attributes + b"/><numFmts", 1)}
    )


def make_long_shared_string(good, path):
    # One 29 MB string: within MAX_PART_BYTES and packed 4:1, so no zip-bomb ratio either.
    import random

    text = bytes(random.Random(1).choices(b"ACGT", k=29_000_000))
    _rewrite(
        good,
        path,
        replace={"xl/sharedStrings.xml": lambda d: d.replace(b"</sst>", b"<si><t>" + text + b"</t></si></sst>")},
    )


def make_many_members(good, path):
    # 2,000 empty members; the zip's end record says so before zipfile reads its directory.
    _rewrite(good, path, add={f"xl/media/empty{index}.bin": b"" for index in range(2_000)})


BUDGET = [
    ("987000-rows", make_rows_987000, "sheet 'okrxl' is too big to read: 987,037 rows"),
    ("cells-at-the-limit", make_cells_at_the_limit, None),
    ("rows-at-the-limit", make_rows_just_under_the_limit, None),
    ("xfd1048576", make_one_cell_at_xfd1048576, None),
    ("row-beyond-the-grid", make_row_beyond_the_grid, "outside Excel's rows 1 to 1048576"),
    ("deep-rich-text", make_deep_rich_text, None),
    ("many-attributes", make_many_attributes, None),
    ("long-shared-string", make_long_shared_string, None),
    ("many-members", make_many_members, "a package of 2,021 parts, more than okrxl reads (500)"),
]  # fmt: skip

MEASURE = """
import json, sys, time
from pathlib import Path
from okrxl.core.problems import FileError
from okrxl.excel.workbook_reader import read_team_workbook
start = time.perf_counter()
try:
    read_team_workbook(Path(sys.argv[1]))
    outcome = "read"
except FileError as error:
    outcome = str(error)
# VmHWM, not ru_maxrss: after a fork that starts from the parent's (pytest's) size.
peak_kib = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(json.dumps({"seconds": time.perf_counter() - start, "outcome": outcome, "mib": peak_kib / 1024}))
"""


@pytest.mark.parametrize(("name", "make", "refusal"), BUDGET, ids=[b[0] for b in BUDGET])
def test_a_file_at_or_over_the_limits_is_answered_within_2_s_and_256_mib(demo, tmp_path, name, make, refusal):
    import json
    import subprocess
    import sys

    path = tmp_path / f"{name}.xlsx"
    make(demo / "2027-Q1" / "sales.xlsx", path)
    done = subprocess.run([sys.executable, "-c", MEASURE, str(path)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    measured = json.loads(done.stdout)
    if refusal is None:
        assert measured["outcome"] == "read" or "not an okrxl" not in measured["outcome"], measured
    else:
        assert measured["outcome"].startswith(f"{path.name}: ") and refusal in measured["outcome"], measured
        assert "\n" not in measured["outcome"]
        if "too big" in refusal or "more than" in refusal:  # saving a file over the limits again would not help
            assert "save it again" not in measured["outcome"]
    assert measured["seconds"] < 2.0 and measured["mib"] < 256, measured
