"""Every file okrxl writes: it replaces only its own earlier output of the same kind, never a file that
appeared meanwhile, and a file system's refusal is one line naming the path and what to do."""

import errno
import json
import os
import shutil
import subprocess

import pytest
from click.testing import CliRunner

import okrxl.excel.files
from okrxl.cli import cli
from okrxl.core.problems import OutputError
from okrxl.excel.files import Outcome, OutputKind, output_kind, printable, write_atomically


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo's files, a year review of its quarter and the status and review documents."""
    folder = tmp_path_factory.mktemp("demo")
    assert run("demo", folder, "--no-pdf").exit_code == 0
    assert run("review", folder, "--year", "2027", "--json", folder / "review.json").exit_code == 0
    assert run("consolidate", folder / "2027-Q1", "--json", folder / "status.json").exit_code == 0
    return folder


def copy(source, target):
    shutil.copy(source, target)
    return target.read_bytes()


def consolidate(demo, *args):
    return run("consolidate", demo / "2027-Q1", "--as-of", "2027-02-15", *args)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("report-2027-Q1.xlsx", OutputKind.REPORT),
        ("review-2027.xlsx", OutputKind.REVIEW),
        ("status.json", OutputKind.STATUS_JSON),
        ("review.json", OutputKind.REVIEW_JSON),
        ("strategy.xlsx", None),
        ("2027-Q1/sales.xlsx", None),
        ("2027-Q1", None),
    ],
    ids=["report", "review", "status json", "review json", "strategy", "team workbook", "folder"],
)
def test_okrxl_knows_its_own_outputs_by_their_content(demo, name, kind):
    assert output_kind(demo / name) is kind


def test_json_to_the_strategy_leaves_the_strategy_as_it_is(demo, tmp_path):
    before = copy(demo / "strategy.xlsx", tmp_path / "strategy.xlsx")
    result = consolidate(demo, "-o", tmp_path / "r.xlsx", "--json", tmp_path / "strategy.xlsx")
    assert result.exit_code == 1
    assert (
        f"hoppade över {tmp_path}/strategy.xlsx: den finns och är inget tidigare statusdokument från okrxl; "
        "inget ändrades (--force skriver över den)" in result.output  # the demo's strategy is Swedish
    )
    assert (tmp_path / "strategy.xlsx").read_bytes() == before


def test_a_report_is_not_written_over_a_year_review(demo, tmp_path):
    before = copy(demo / "review-2027.xlsx", tmp_path / "review-2027.xlsx")
    result = consolidate(demo, "-o", tmp_path / "review-2027.xlsx")
    assert result.exit_code == 1 and "är ingen tidigare rapport från okrxl;" in result.output
    assert (tmp_path / "review-2027.xlsx").read_bytes() == before
    assert consolidate(demo, "-o", tmp_path / "review-2027.xlsx", "--force").exit_code == 0
    assert output_kind(tmp_path / "review-2027.xlsx") is OutputKind.REPORT


def test_a_year_review_is_not_written_over_a_report(demo, tmp_path):
    before = copy(demo / "report-2027-Q1.xlsx", tmp_path / "report-2027-Q1.xlsx")
    result = run("review", demo, "--year", "2027", "-o", tmp_path / "report-2027-Q1.xlsx")
    assert result.exit_code == 1 and "är ingen tidigare årsgenomgång från okrxl;" in result.output
    assert (tmp_path / "report-2027-Q1.xlsx").read_bytes() == before


@pytest.mark.parametrize(
    ("existing", "exit_code", "said"),
    [
        ("status.json", 0, "skrev över"),
        ("review.json", 1, "är inget tidigare statusdokument från okrxl"),
        (None, 1, "är inget tidigare statusdokument från okrxl"),
    ],
    ids=["an earlier status document", "a review document", "other JSON"],
)
def test_json_replaces_only_an_earlier_document_of_its_schema(demo, tmp_path, existing, exit_code, said):
    target = tmp_path / "out.json"
    if existing:
        copy(demo / existing, target)
    else:
        target.write_text('{"budget": 1200}\n', encoding="utf-8")
    before = target.read_bytes()
    result = consolidate(demo, "-o", tmp_path / "r.xlsx", "--json", target)
    assert result.exit_code == exit_code and said in result.output
    assert (target.read_bytes() == before) is (exit_code == 1)
    assert consolidate(demo, "-o", tmp_path / "r.xlsx", "--json", target, "--force").exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["schema"] == "okrxl.status/4"


def pdf_with_info(title: str, producer: str = "LibreOffice 7.4") -> bytes:
    def utf16(text):
        return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"

    info = f"<</Title{utf16(title)}\n/Creator{utf16('Calc')}\n/Producer{utf16(producer)}\n>>"
    return b"%PDF-1.6\n%\xe4\n1 0 obj\n" + info.encode() + b"\nendobj\ntrailer\n<</Info 1 0 R>>\n%%EOF\n"


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (pdf_with_info("OKR 2027-Q1"), OutputKind.REPORT_PDF),
        (pdf_with_info("OKR 2027"), OutputKind.REVIEW_PDF),
        (pdf_with_info("Budget 2027"), None),
        (pdf_with_info("OKR 2027-Q1", producer="Microsoft Word"), None),
        (b"%PDF-1.4\n%%EOF\n", None),
    ],
    ids=["report", "review", "another title", "another producer", "no information"],
)
def test_a_pdf_is_okrxls_when_libreoffice_printed_an_okrxl_title(tmp_path, content, kind):
    (tmp_path / "x.pdf").write_bytes(content)
    assert output_kind(tmp_path / "x.pdf") is kind


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_the_report_pdf_is_replaced_and_a_pdf_of_another_kind_is_not(demo, tmp_path):
    report = tmp_path / "report.xlsx"
    assert consolidate(demo, "-o", report, "--pdf").exit_code == 0
    assert output_kind(tmp_path / "report.pdf") is OutputKind.REPORT_PDF
    again = consolidate(demo, "-o", report, "--pdf")
    assert again.exit_code == 0 and f"skrev över {tmp_path}/report.pdf" in again.output
    (tmp_path / "report.pdf").write_bytes(pdf_with_info("OKR 2027"))
    assert "är ingen tidigare rapport-PDF från okrxl" in consolidate(demo, "-o", report, "--pdf").output


def test_a_file_that_appears_while_okrxl_writes_is_not_replaced(tmp_path):
    target = tmp_path / "report.xlsx"

    def write_while_someone_saves(temp):
        temp.write_bytes(b"okrxl's")
        target.write_bytes(b"someone's")

    result = write_atomically(target, write_while_someone_saves, force=False)
    assert result.outcome is Outcome.SKIPPED and "appeared while okrxl wrote it" in result.message
    assert target.read_bytes() == b"someone's"
    assert [p.name for p in tmp_path.iterdir()] == ["report.xlsx"]  # no temp file left
    target.unlink()
    forced = write_atomically(target, write_while_someone_saves, force=True)
    assert forced.outcome is Outcome.OVERWRITTEN and target.read_bytes() == b"okrxl's"


def test_without_hard_links_the_name_is_claimed_before_the_file_is_moved_in(tmp_path, monkeypatch):
    def no_links(*_):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(okrxl.excel.files.os, "link", no_links)
    assert write_atomically(tmp_path / "a.json", lambda p: p.write_text("new"), force=False).outcome is Outcome.WRITTEN
    assert (tmp_path / "a.json").read_text() == "new"

    def racing(temp):
        temp.write_text("okrxl's")
        (tmp_path / "b.json").write_text("someone's")

    assert write_atomically(tmp_path / "b.json", racing, force=False).outcome is Outcome.SKIPPED
    assert (tmp_path / "b.json").read_text() == "someone's"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "b.json"]


def test_a_full_disk_is_one_line_and_leaves_nothing(tmp_path):
    def write_to_a_full_disk(temp):
        with open("/dev/full", "wb") as full:  # a real ENOSPC
            full.write(b"x" * 100_000)
            full.flush()

    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    with pytest.raises(OutputError) as raised:
        write_atomically(tmp_path / "out.json", write_to_a_full_disk, force=False)
    assert str(raised.value) == (
        f"{tmp_path}/out.json: the disk is full (No space left on device); free some space and run okrxl again"
    )
    assert list(tmp_path.iterdir()) == []


def test_a_full_disk_while_the_report_is_written_is_one_line_and_exit_1(demo, tmp_path, monkeypatch):
    from xlsxwriter.exceptions import FileCreateError

    import okrxl.jobs

    def full(*_args, **_kwargs):
        raise FileCreateError(OSError(errno.ENOSPC, "No space left on device"))

    monkeypatch.setattr(okrxl.jobs, "write_report", full)
    result = consolidate(demo, "-o", tmp_path / "r.xlsx", "--lang", "en")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output.splitlines()[-1] == (
        f"okrxl: error: {tmp_path}/r.xlsx: the disk is full (No space left on device); "
        "free some space and run okrxl again"
    )
    assert list(tmp_path.iterdir()) == []


def immutable(path, on: bool) -> bool:
    """chattr +i (as root on ext4 this works for real); False where it cannot be done."""
    if shutil.which("chattr") is None:
        return False
    done = subprocess.run(["chattr", "+i" if on else "-i", str(path)], capture_output=True)
    return done.returncode == 0


def test_a_read_only_output_folder_is_one_line_and_exit_1(demo, tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    if os.geteuid() == 0:
        if not immutable(folder, True):
            pytest.skip("root, and chattr +i is not possible here")
    else:
        folder.chmod(0o555)
    try:
        result = consolidate(demo, "-o", folder / "r.xlsx", "--lang", "en")
    finally:
        immutable(folder, False) if os.geteuid() == 0 else folder.chmod(0o755)
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == (
        f"okrxl: error: {folder}/r.xlsx: okrxl may not write in {folder} (permission denied); "
        "write the file to a folder you may change"
    )


def test_a_read_only_disk_is_one_line(tmp_path, monkeypatch):
    def read_only(*_args, **_kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(okrxl.excel.files.tempfile, "mkstemp", read_only)
    with pytest.raises(OutputError, match=f"^{tmp_path}/r.json: {tmp_path} is on a read-only disk; write the"):
        write_atomically(tmp_path / "r.json", lambda p: p.write_text("x"), force=False)


def test_an_immutable_report_is_one_line_and_kept(demo, tmp_path):
    report = tmp_path / "r.xlsx"
    assert consolidate(demo, "-o", report).exit_code == 0
    before = report.read_bytes()
    if not immutable(report, True):
        pytest.skip("chattr +i is not possible here")
    try:
        result = consolidate(demo, "-o", report, "--lang", "en")
    finally:
        immutable(report, False)
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == (
        f"okrxl: error: {report}: okrxl may not replace it (permission denied: it is read-only, locked or "
        "open in another app such as Excel); close it or write to another file"
    )
    assert report.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["r.xlsx"]


def test_a_report_locked_by_another_app_is_one_line(demo, tmp_path, monkeypatch):
    report = tmp_path / "r.xlsx"
    assert consolidate(demo, "-o", report).exit_code == 0

    def locked(source, target):  # what Windows says while Excel has the file open
        raise PermissionError(errno.EACCES, "Permission denied", str(source), None, str(target))

    monkeypatch.setattr(okrxl.excel.files.os, "replace", locked)
    result = consolidate(demo, "-o", report, "--lang", "en")
    assert result.exit_code == 1 and "okrxl may not replace it (permission denied" in result.output


def test_a_folder_as_the_target_is_one_line(demo, tmp_path):
    (tmp_path / "out.json").mkdir()
    result = consolidate(demo, "-o", tmp_path / "r.xlsx", "--json", tmp_path / "out.json", "--lang", "en")
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == (
        f"okrxl: error: {tmp_path}/out.json: a folder of that name is in the way; okrxl writes a file there: "
        "move the folder away or give another file name"
    )
    (tmp_path / "q" / "2027-Q1" / "sales.xlsx").mkdir(parents=True)
    result = run("generate", demo / "strategy.xlsx", "--quarter", "2027-Q1", "-o", tmp_path / "q", "--force",
                 "--lang", "en")  # fmt: skip
    assert result.exit_code == 1 and "sales.xlsx: a folder of that name is in the way" in result.output


def test_a_quarter_folder_name_that_is_a_file_is_one_line(demo, tmp_path):
    (tmp_path / "2027-Q1").write_text("notes")
    result = run("generate", demo / "strategy.xlsx", "--quarter", "2027-Q1", "-o", tmp_path, "--lang", "en")
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == (
        f"okrxl: error: {tmp_path}/2027-Q1 is a file, not a folder, so okrxl cannot write marketing.xlsx in it; "
        "move the file away"
    )
    assert run("consolidate", tmp_path / "2027-Q1").exit_code == 2  # click: a folder was expected


def test_a_name_too_long_for_the_file_system_is_one_line(tmp_path):
    name = "t" * 300 + ".xlsx"
    result = run("template", tmp_path / name)
    assert result.exit_code == 1
    assert result.output == (
        f"okrxl: error: {tmp_path}/{name}: the name is too long for the file system (305 characters in the file "
        "name); use a shorter name (a team's workbook is named by its team id: shorten the id)\n"
    )


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("\x1b[2J\x1b[31mred.xlsx", "\\x1b[2J\\x1b[31mred.xlsx"),
        ("\x9b31mcsi", "\\x9b31mcsi"),
        ("bell\x07 and\nnew line\r", "bell\\x07 and\\x0anew line\\x0d"),
        ("evil\u202exslx.exe", "evil\\u202exslx.exe"),
        ("bad byte \udcff", "bad byte \\xff"),
        ("Försäljning ✓ 📈", "Försäljning ✓ 📈"),
    ],
    ids=["ESC", "8-bit CSI", "C0 controls", "bidi override", "undecodable byte", "plain text"],
)
def test_printable_escapes_what_a_terminal_would_run(text, shown):
    assert printable(text) == shown


def test_file_names_with_escape_sequences_reach_the_terminal_escaped(demo, tmp_path):
    quarter = tmp_path / "2027-Q1"
    shutil.copytree(demo / "2027-Q1", quarter)
    shutil.copy(demo / "strategy.xlsx", tmp_path)
    os.rename(quarter / "sales.xlsx", quarter / "sales\x1b[2J\x9b.xlsx")
    (quarter / "\x1b]0;pwned\x07.xlsx").write_bytes(b"not a workbook")
    for command in (["check", quarter], ["consolidate", quarter, "-o", tmp_path / "r.xlsx"]):
        result = run(*command)
        assert "\x1b" not in result.output and "\x9b" not in result.output and "\x07" not in result.output
        assert "\\x1b]0;pwned\\x07.xlsx" in result.output
    printed = run("check", quarter, "--json").output
    assert "\x9b" not in printed and "\\u009b" in printed
    assert "sales\x1b[2J\x9b.xlsx" in {f["file"].rsplit("/", 1)[1] for f in json.loads(printed)["files"]}


def test_an_error_that_no_command_expected_is_one_line_not_a_traceback(demo, monkeypatch):
    import okrxl.jobs

    def unlisted(*_args, **_kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", "/okr/2027-Q1")

    monkeypatch.setattr(okrxl.jobs, "read_quarter", unlisted)
    result = consolidate(demo, "--lang", "en")
    assert result.exit_code == 1 and result.output == "okrxl: error: /okr/2027-Q1: Permission denied\n"
    said = consolidate(demo)  # the demo's strategy is Swedish
    assert said.exit_code == 1 and said.output == "okrxl: fel: /okr/2027-Q1: Permission denied\n"


@pytest.mark.parametrize("schema", ["okrxl.status/1", "okrxl.status/2", "okrxl.status/3", "okrxl.status/4"])
def test_a_status_document_of_any_schema_okrxl_wrote_is_okrxls_own_and_replaced(tmp_path, schema):
    from okrxl.excel.files import Outcome, OutputKind, output_kind, write_atomically

    earlier = tmp_path / "status.json"
    earlier.write_text(f'{{"schema": "{schema}", "quarter": "2027-Q1"}}\n', encoding="utf-8")
    assert output_kind(earlier) is OutputKind.STATUS_JSON
    written = write_atomically(earlier, lambda p: p.write_text("{}"), force=False, replaces=OutputKind.STATUS_JSON)
    assert written.outcome is Outcome.OVERWRITTEN and earlier.read_text() == "{}"
