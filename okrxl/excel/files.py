"""Files on disk: the safety checks before a workbook is parsed, and atomic, non-destructive writes."""

from __future__ import annotations

import enum
import errno
import os
import re
import stat
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from okrxl.core.problems import FileError, OkrxlError, OutputError, ProblemCode, XlsxError
from okrxl.core.words import Words

# Limits checked on the file and its zip directory before any XML is parsed (a zip bomb declares its
# sizes there; zipfile never unpacks more than a member declares). The XML parsed is bounded in
# okrxl.excel.xlsx (MAX_MARKUP, MAX_PART_BYTES, Excel's grid). Together: any file within them is answered
# within 2 s and 256 MiB (tests/test_hostile.py measures the worst cases). See docs/check.md, "Limits".
MAX_FILE_BYTES = 20_000_000
MAX_MEMBERS = 500  # read from the zip's end record first: 20 MB of empty members would cost zipfile 1 s
MAX_TOTAL_BYTES = 40_000_000  # unpacked; an okrxl team workbook unpacks to about 0.3 MB
MAX_MEMBER_BYTES = 30_000_000
MAX_RATIO = 200  # uncompressed / compressed, for members over 1 MB; real okrxl files stay under 30


def guard_xlsx(path: Path) -> None:
    """Refuse files that are not plain xlsx packages, or whose declared sizes are out of bounds.

    Each check reads only what the ones before it bounded: the file's type and size (os.stat; a FIFO
    would block any open), its first bytes, the zip's end record (its member count), the zip
    directory (the declared sizes), and only then `[Content_Types].xml`.
    """
    from okrxl.excel.xlsx import is_workbook_type, read_content_types  # start-up: the CLI imports this module

    name = path.name
    damaged = Words(
        f"{name}: filen är skadad (avkortad eller ingen hel .xlsx); spara eller skicka den igen",
        f"{name}: the file is damaged (truncated or not a complete .xlsx); save or send it again",
    )
    not_xlsx = Words(f"{name}: ingen Excel-arbetsbok (.xlsx); spara den som .xlsx från ditt kalkylprogram",
                     f"{name}: not an Excel workbook (.xlsx); save it from your spreadsheet app as .xlsx")  # fmt: skip
    try:
        status = os.stat(path)
    except (OSError, ValueError) as error:
        raise FileError(_cannot_open(name, getattr(error, "strerror", None) or error)) from None
    if not stat.S_ISREG(status.st_mode):
        if stat.S_ISDIR(status.st_mode):
            what = Words("en mapp", "a folder")
        else:
            what = Words("en pipe eller en enhet", "a pipe or a device")
        raise FileError(Words(f"{name}: ingen fil utan {what.sv}; okrxl läser .xlsx-filer",
                              f"{name}: not a file but {what.en}; okrxl reads .xlsx files"))  # fmt: skip
    if status.st_size > MAX_FILE_BYTES:
        size, most = f"{status.st_size / 1e6:.0f}", f"{MAX_FILE_BYTES / 1e6:.0f}"
        raise FileError(Words(f"{name}: {size} MB är mer än okrxl läser ({most} MB)",
                              f"{name}: {size} MB is more than okrxl reads ({most} MB)"))  # fmt: skip
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
            members = _zip_member_count(handle, status.st_size)
    except OSError as error:
        raise FileError(_cannot_open(name, error.strerror or error)) from None
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise FileError(Words(
            f"{name}: det här är en gammal .xls-fil eller en lösenordsskyddad arbetsbok; "
            "spara den som Excel-arbetsbok (.xlsx) utan lösenord",
            f"{name}: this is an old .xls file or a password-protected workbook; "
            "save it as an Excel workbook (.xlsx) without a password",
        ))  # fmt: skip
    if not head.startswith(b"PK"):
        raise FileError(not_xlsx)
    if members is not None and members > MAX_MEMBERS:
        parts = f"{members:,}"
        raise FileError(
            Words(
                f"{name}: ett paket med {parts.replace(',', ' ')} delar, fler än okrxl läser ({MAX_MEMBERS})",
                f"{name}: a package of {parts} parts, more than okrxl reads ({MAX_MEMBERS})",
            )
        )
    try:
        with zipfile.ZipFile(path) as package:
            infos = package.infolist()
            _check_declared_sizes(name, infos)
            content_types = read_content_types(package)
    except FileError:
        raise
    except XlsxError as error:
        raise FileError(
            Words(
                f"{name}: arbetsboken går inte att läsa ({error.text.sv}); spara eller skicka den igen",
                f"{name}: cannot read the workbook ({error.text.en}); save or send it again",
            )
        ) from None
    except Exception:  # zipfile raises many types on a damaged directory (BadZipFile, ValueError, ...)
        raise FileError(damaged) from None
    types = content_types.all()
    if not any(is_workbook_type(t) for t in types):
        raise FileError(not_xlsx)
    if any("macroEnabled" in t for t in types) or any(i.filename.lower().endswith("vbaproject.bin") for i in infos):
        raise FileError(Words(
            f"{name}: en makroaktiverad arbetsbok; okrxl kör eller behåller aldrig makron, spara den som .xlsx",
            f"{name}: a macro-enabled workbook; okrxl never runs or keeps macros, save it as .xlsx",
        ), code=ProblemCode.MACROS)  # fmt: skip


def _cannot_open(name: str, why) -> Words:
    return Words(f"{name}: filen går inte att öppna ({why})", f"{name}: cannot open it ({why})")


def _check_declared_sizes(name: str, infos: list[zipfile.ZipInfo]) -> None:
    total = sum(info.file_size for info in infos)
    if len(infos) > MAX_MEMBERS or total > MAX_TOTAL_BYTES:
        size = f"{total / 1e6:.0f}"
        raise FileError(
            Words(
                f"{name}: packas upp till {size} MB i {len(infos)} delar, mer än okrxl läser",
                f"{name}: unpacks to {size} MB in {len(infos)} parts, more than okrxl reads",
            )
        )
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > MAX_MEMBER_BYTES or (info.file_size > 1_000_000 and ratio > MAX_RATIO):
            size = f"{info.file_size / 1e6:.0f}"
            raise FileError(Words(
                f"{name}: delen {info.filename} packas upp till {size} MB ({ratio:.0f} gånger sin packade storlek); "
                "okrxl läser inte sådana filer",
                f"{name}: part {info.filename} unpacks to {size} MB ({ratio:.0f} times its packed size); "
                "okrxl does not read such files",
            ))  # fmt: skip


def _zip_member_count(handle, size: int) -> int | None:
    """The member count a zip's end record declares (its last 22 to 65,557 bytes); None when there is none.

    zipfile reads the whole directory into objects before anyone can count them: 20 MB of empty
    members is 230,000 of them, a second and 140 MB. A Zip64 count (0xFFFF here) counts as too many.
    """
    tail_size = min(size, 65_557)
    handle.seek(size - tail_size)
    tail = handle.read(tail_size)
    end = tail.rfind(b"PK\x05\x06")
    if end < 0 or end + 22 > len(tail):
        return None  # not a zip at all, or a truncated one: zipfile says which
    count = int.from_bytes(tail[end + 10 : end + 12], "little")
    return MAX_MEMBERS + 1 if count == 0xFFFF else count


class Outcome(enum.StrEnum):
    WRITTEN = "written"
    OVERWRITTEN = "overwritten"
    SKIPPED = "skipped"


class OutputKind(enum.StrEnum):
    """The outputs okrxl replaces without --force, when the file there is its own earlier output of that kind.

    Workbooks that people fill in or edit (strategy, team workbooks, templates) are not among them:
    okrxl never replaces those without --force, not even its own.
    """

    REPORT = "report"
    """A report workbook: custom document property `okrxl-report` holding a quarter (`2027-Q1`)."""
    REVIEW = "year review"
    """A year-review workbook: custom document property `okrxl-report` holding `review 2027`."""
    REPORT_PDF = "report PDF"
    """A report printed by LibreOffice: a PDF whose document title is `OKR 2027-Q1`."""
    REVIEW_PDF = "year review PDF"
    """A year review printed by LibreOffice: a PDF whose document title is `OKR 2027`."""
    STATUS_JSON = "status document"
    """JSON that starts with `{"schema": "okrxl.status/` (any version)."""
    REVIEW_JSON = "review document"
    """JSON that starts with `{"schema": "okrxl.review/1"`."""


NOT_EARLIER = {
    OutputKind.REPORT: Words("ingen tidigare rapport", "not an earlier okrxl report"),
    OutputKind.REVIEW: Words("ingen tidigare årsgenomgång", "not an earlier okrxl year review"),
    OutputKind.REPORT_PDF: Words("ingen tidigare rapport-PDF", "not an earlier okrxl report PDF"),
    OutputKind.REVIEW_PDF: Words("ingen tidigare årsgenomgångs-PDF", "not an earlier okrxl year review PDF"),
    OutputKind.STATUS_JSON: Words("inget tidigare statusdokument", "not an earlier okrxl status document"),
    OutputKind.REVIEW_JSON: Words("inget tidigare årsgenomgångsdokument", "not an earlier okrxl review document"),
}
"""Why an existing file is kept: not okrxl's own earlier output of the kind (Swedish: from okrxl)."""
EXISTS = Words("den finns redan", "it exists")


@dataclass(frozen=True, slots=True)
class WriteResult:
    path: Path
    outcome: Outcome
    why: Words = EXISTS
    """For a skipped file: why it was not written."""

    @property
    def text(self) -> Words:
        """What the terminal says of the file, in both languages."""
        shown = str(self.path)  # the CLI escapes what it prints
        if self.outcome is Outcome.SKIPPED:
            return Words(
                f"hoppade över {shown}: {self.why.sv}; inget ändrades (--force skriver över den)",
                f"skipped {shown}: {self.why.en}; nothing was changed (use --force to overwrite it)",
            )
        if self.outcome is Outcome.OVERWRITTEN:
            return Words(f"skrev över {shown}", f"overwritten {shown}")
        return Words(f"skrev {shown}", f"written {shown}")

    @property
    def message(self) -> str:
        """The English of `text`."""
        return self.text.en


def write_atomically(
    path: Path, write: Callable[[Path], None], *, force: bool, replaces: OutputKind | None = None
) -> WriteResult:
    """Call `write(temp_path)` and move the result into place, never over a file okrxl may not replace.

    An existing file is replaced with `force`, or when it is okrxl's own earlier output of the kind
    `replaces` (`output_kind`). A file that appears at `path` while okrxl writes is not replaced
    without `force` either: the new file is linked into place, which fails when the name is taken.
    A failure leaves no partial file: the temp file sits beside the target and is removed. Failures
    of the file system (a full disk, a read-only folder, a name too long) raise OutputError, whose
    message names the path and what to do.
    """
    path = Path(path)
    existed = _target_exists(path)
    if existed and not force and (replaces is None or output_kind(path) is not replaces):
        why = EXISTS if replaces is None else Words(f"den finns och är {NOT_EARLIER[replaces].sv} från okrxl",
                                                    f"it exists and is {NOT_EARLIER[replaces].en}")  # fmt: skip
        return WriteResult(path, Outcome.SKIPPED, why)
    _make_folder(path)
    stage = "folder"
    temp: Path | None = None
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.stem[:40]}-", suffix=path.suffix, dir=path.parent)
        os.close(handle)
        temp = Path(temp_name)
        stage = "write"
        write(temp)
        stage = "publish"
        os.chmod(temp, _mode_of(path) if existed else 0o666 & ~_umask())
        if existed:
            os.replace(temp, path)
        elif not _link_new(temp, path):
            if not force:
                why = Words("en fil med det namnet dök upp medan okrxl skrev den",
                            "a file of that name appeared while okrxl wrote it")  # fmt: skip
                return WriteResult(path, Outcome.SKIPPED, why)
            os.replace(temp, path)
            existed = True
    except OkrxlError:
        raise
    except Exception as error:
        os_error = _os_error(error)
        if os_error is None:
            raise
        raise OutputError(_write_failure(path, os_error, stage=stage, replacing=existed)) from None
    finally:
        if temp is not None:
            _remove(temp)
    return WriteResult(path, Outcome.OVERWRITTEN if existed else Outcome.WRITTEN)


def output_kind(path: Path) -> OutputKind | None:
    """Which of okrxl's replaceable outputs the file at `path` is, read from its content; None for any other file.

    Only a regular file is opened (a FIFO would block), and only a few kilobytes of it are read.
    """
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
        with open(path, "rb") as handle:
            head = handle.read(256)
            if head.startswith(b"PK"):
                return _workbook_kind(path)
            if head.startswith(b"%PDF-"):
                handle.seek(max(os.fstat(handle.fileno()).st_size - PDF_TAIL, 0))
                return _pdf_kind(handle.read(PDF_TAIL))
    except (OSError, zipfile.BadZipFile, EOFError, ValueError):
        return None
    match = re.match(rb'\s*\{\s*"schema"\s*:\s*"okrxl\.(status|review)/', head)
    if match is None:
        return None
    return OutputKind.STATUS_JSON if match[1] == b"status" else OutputKind.REVIEW_JSON


REPORT_PROPERTY = "okrxl-report"
"""The custom document property that marks okrxl's reports and year reviews (set by okrxl.outputs), so
that okrxl may replace them without --force."""


def _workbook_kind(path: Path) -> OutputKind | None:
    with zipfile.ZipFile(path) as package:
        info = next((i for i in package.infolist() if i.filename == "docProps/custom.xml"), None)
        if info is None or info.file_size > 1_000_000:
            return None
        custom = package.read(info).decode("utf-8", "replace")
    match = re.search(rf'name="{REPORT_PROPERTY}"[^>]*>\s*<vt:lpwstr>([^<]*)</vt:lpwstr>', custom)
    if match is None:
        return None
    return OutputKind.REVIEW if match[1].startswith("review ") else OutputKind.REPORT


def _pdf_kind(tail: bytes) -> OutputKind | None:
    """From the document information LibreOffice writes at the end of a PDF: its title and producer."""
    producer = tail.rfind(b"/Producer")
    start, end = tail.rfind(b"<<", 0, producer), tail.find(b">>", producer)
    if producer < 0 or start < 0 or end < 0:
        return None
    info = tail[start:end]
    title = re.search(rb"/Title\s*(<[0-9A-Fa-f\s]*>|\((?:[^()\\]|\\.)*\))", info)
    if b"LibreOffice" not in pdf_text(re.search(rb"/Producer\s*(<[^>]*>|\([^)]*\))", info)[1]) or not title:
        return None
    text = pdf_text(title[1]).decode("utf-8", "replace")
    if re.fullmatch(r"OKR \d{4}-Q[1-4]", text):
        return OutputKind.REPORT_PDF
    if re.fullmatch(r"OKR \d{4}", text):
        return OutputKind.REVIEW_PDF
    return None


PDF_TAIL = 65536
"""How much of a PDF's end okrxl reads for its document information (title, subject, producer)."""


def pdf_tail(path: Path) -> bytes:
    """The last PDF_TAIL bytes of the file at `path`: where LibreOffice writes the document information."""
    with open(path, "rb") as handle:
        handle.seek(max(os.fstat(handle.fileno()).st_size - PDF_TAIL, 0))
        return handle.read(PDF_TAIL)


def pdf_text(token: bytes) -> bytes:
    """A PDF string as UTF-8: `<FEFF...>` (UTF-16) or `(...)` (plain)."""
    if token.startswith(b"<"):
        raw = bytes.fromhex(token[1:-1].decode("ascii", "replace").replace(" ", ""))
        return raw[2:].decode("utf-16-be", "replace").encode() if raw.startswith(b"\xfe\xff") else raw
    return token[1:-1]


def _target_exists(path: Path) -> bool:
    """True when something is at `path`; OutputError when it is a folder or the path cannot be used."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return os.path.lexists(path)  # a dangling symbolic link is not replaced either
    except OSError as error:
        raise OutputError(_write_failure(path, error, stage="folder", replacing=False)) from None
    if stat.S_ISDIR(mode):
        raise OutputError(Words(f"{path}: en mapp med det namnet står i vägen; okrxl skriver en fil där: "
                                "flytta mappen eller ange ett annat filnamn",
                                f"{path}: a folder of that name is in the way; okrxl writes a file there: "
                                "move the folder away or give another file name"))  # fmt: skip
    return True


def _make_folder(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(_write_failure(path, error, stage="folder", replacing=False)) from None


def _link_new(temp: Path, path: Path) -> bool:
    """Give the finished temp file the name `path`, unless that name is taken: False then."""
    try:
        os.link(temp, path)
        return True
    except FileExistsError:
        return False
    except OSError as error:
        if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS, errno.EMLINK):
            raise
    # A file system without hard links (FAT, some network shares): claim the name first, then move
    # the file over the claim. For that moment an empty file is at `path`.
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        return False
    try:
        os.replace(temp, path)
    except OSError:
        path.unlink(missing_ok=True)
        raise
    return True


def _os_error(error: BaseException) -> OSError | None:
    """The OSError behind `error`: itself, or what a library wrapped (XlsxWriter's FileCreateError)."""
    seen = 0
    while error is not None and seen < 5:
        if isinstance(error, OSError):
            return error
        wrapped = next((a for a in getattr(error, "args", ()) if isinstance(a, OSError)), None)
        error = wrapped or error.__cause__
        seen += 1
    return None


def _write_failure(path: Path, error: OSError, *, stage: str, replacing: bool) -> Words:
    """One line: what went wrong writing `path`, and what to do. Nothing was changed."""
    code, folder = error.errno, path.parent
    if code in (errno.ENOSPC, errno.EDQUOT):
        return Words(f"{path}: disken är full ({error.strerror}); frigör utrymme och kör okrxl igen",
                     f"{path}: the disk is full ({error.strerror}); free some space and run okrxl again")  # fmt: skip
    if code == errno.EROFS:
        return Words(
            f"{path}: {folder} ligger på en skrivskyddad disk; skriv filen någon annanstans (ange en annan sökväg)",
            f"{path}: {folder} is on a read-only disk; write the file elsewhere (give another path)",
        )
    if code == errno.ENAMETOOLONG:
        return Words(
            f"{path}: namnet är för långt för filsystemet ({len(path.name)} tecken i filnamnet); använd "
            "ett kortare namn (ett teams arbetsbok heter som teamets id: korta id:t)",
            f"{path}: the name is too long for the file system ({len(path.name)} characters in the file "
            "name); use a shorter name (a team's workbook is named by its team id: shorten the id)",
        )
    if code in (errno.ENOTDIR, errno.EEXIST) and stage == "folder":
        blocker = next((p for p in reversed(path.parents) if p.exists() and not p.is_dir()), folder)
        return Words(
            f"{blocker} är en fil, inte en mapp, så okrxl kan inte skriva {path.name} i den; flytta undan filen",
            f"{blocker} is a file, not a folder, so okrxl cannot write {path.name} in it; move the file away",
        )
    if code == errno.EISDIR:
        return Words(
            f"{path}: en mapp med det namnet står i vägen; flytta mappen eller ange ett annat filnamn",
            f"{path}: a folder of that name is in the way; move the folder away or give another file name",
        )
    if code in (errno.EACCES, errno.EPERM):
        if stage == "publish" and replacing:
            return Words(f"{path}: okrxl får inte ersätta filen (åtkomst nekad: den är skrivskyddad, låst eller "
                         "öppen i ett annat program, t.ex. Excel); stäng den eller skriv till en annan fil",
                         f"{path}: okrxl may not replace it (permission denied: it is read-only, locked or open "
                         "in another app such as Excel); close it or write to another file")  # fmt: skip
        return Words(f"{path}: okrxl får inte skriva i {folder} (åtkomst nekad); skriv filen till en mapp du får "
                     "ändra i",
                     f"{path}: okrxl may not write in {folder} (permission denied); write the file to a folder you "
                     "may change")  # fmt: skip
    why = error.strerror or error
    return Words(
        f"{path}: filen går inte att skriva ({why}); inget ändrades",
        f"{path}: cannot write it ({why}); nothing was changed",
    )


def _remove(temp: Path) -> None:
    """Remove a temp file that was not moved into place; an error then must not hide the first one."""
    try:
        temp.unlink(missing_ok=True)
    except OSError:
        return


def _mode_of(path: Path) -> int:
    try:
        return os.stat(path).st_mode & 0o777
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# C0 and C1 controls (ESC, CSI, BEL, a newline), bidirectional marks and overrides, line separators,
# and the surrogates that stand for bytes of a file name that are not UTF-8.
_OTHER_UNPRINTABLE = "\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff"
_UNPRINTABLE = re.compile(f"[\x00-\x1f{_OTHER_UNPRINTABLE}]")
_UNPRINTABLE_IN_LINES = re.compile(f"[\x00-\x09\x0b-\x1f{_OTHER_UNPRINTABLE}]")


def printable(text: object, *, lines: bool = False) -> str:
    """`str(text)` safe to print on a terminal: control characters (ESC, CSI, a newline in a file name),
    bidirectional overrides and undecodable bytes of a file name are shown escaped, as `\\x1b`,
    `\\u202e` or `\\xff`. With `lines`, newlines are kept (a message of several lines).

    Every path and every name from a file that okrxl prints goes through this (okrxl.cli echoes all
    its output through it).
    """
    pattern = _UNPRINTABLE_IN_LINES if lines else _UNPRINTABLE
    return pattern.sub(_escape, str(text))


_UNPRINTABLE_IN_JSON = re.compile(f"[{_OTHER_UNPRINTABLE}]")


def printable_json(text: str) -> str:
    """JSON text (json.dumps, which escapes C0 controls already) safe to print on a terminal: C1 controls,
    bidirectional overrides and undecodable bytes as `\\u009b`, which is still valid JSON for the same data."""
    return _UNPRINTABLE_IN_JSON.sub(lambda match: f"\\u{ord(match[0]):04x}", text)


def _escape(match: re.Match) -> str:
    code = ord(match[0])
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8 (os.fsdecode's surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
