"""Hostile and broken files: each gives one clear line naming the file and what to do, a non-zero
exit, no traceback, and leaves the other files (and itself) untouched."""

import shutil
import zipfile

import pytest
from click.testing import CliRunner

from okrxl.cli import cli
from okrxl.files import MAX_TOTAL_BYTES
from okrxl.folder import read_folder


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

    result = CliRunner().invoke(cli, ["check", str(folder)])

    assert result.exit_code == 1
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)
    line = next(line for line in result.output.splitlines() if line.startswith(f"  error   {code}:"))
    assert message in line
    assert f"{bad}: 1 error (unreadable)" in result.output
    reading = read_folder([folder])
    assert sorted(p.team.id for p in reading.plans) == ["marketing", "production", "sales"]
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_a_file_okrxl_fails_on_is_reported_and_the_others_still_read(demo, tmp_path, monkeypatch):
    import okrxl.folder

    folder = tmp_path / "2027-Q1"
    shutil.copytree(demo / "2027-Q1", folder)
    shutil.copy(demo / "strategy.xlsx", tmp_path / "strategy.xlsx")
    real = okrxl.folder.read_team_workbook

    def fails_on_sales(path, strategy=None):
        if path.name == "sales.xlsx":
            raise IndexError("an okrxl bug")
        return real(path, strategy)

    monkeypatch.setattr(okrxl.folder, "read_team_workbook", fails_on_sales)
    reading = read_folder([folder])
    sales = next(f for f in reading.files if f.path.name == "sales.xlsx")
    assert [(p.code, p.message.split(";")[0]) for p in sales.problems] == [
        ("internal-error", "okrxl failed on this file (IndexError: an okrxl bug)")
    ]
    assert sorted(p.team.id for p in reading.plans) == ["marketing", "production"]
