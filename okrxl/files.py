"""Files on disk: the safety checks before a workbook is parsed, and atomic, non-destructive writes."""

from __future__ import annotations

import enum
import os
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from okrxl.problems import OkrxlError

# Limits checked on the zip directory before any XML is parsed (a zip bomb declares its sizes there).
MAX_FILE_BYTES = 20_000_000
MAX_MEMBERS = 500
MAX_TOTAL_BYTES = 40_000_000  # unpacked; an okrxl team workbook unpacks to about 0.3 MB
MAX_MEMBER_BYTES = 30_000_000
MAX_RATIO = 200  # uncompressed / compressed, for members over 1 MB; real okrxl files stay under 30


class FileError(OkrxlError):
    """A file cannot be used at all: not an xlsx, too big, macro-enabled, unreadable."""

    default_code = "unreadable"

    def __init__(self, message: str, *, code: str | None = None):
        super().__init__(message)
        self.code = code or self.default_code
        """Stable, for reports: `unreadable`, `not-okrxl`, `wrong-schema`, `unknown-team`, ..."""


def guard_xlsx(path: Path) -> None:
    """Refuse files that are not plain xlsx packages, or whose declared sizes are out of bounds."""
    name = path.name
    try:
        size = path.stat().st_size
    except OSError as error:
        raise FileError(f"{name}: cannot open it ({error.strerror or error})") from None
    if size > MAX_FILE_BYTES:
        raise FileError(f"{name}: {size / 1e6:.0f} MB is more than okrxl reads ({MAX_FILE_BYTES / 1e6:.0f} MB)")
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise FileError(
            f"{name}: this is an old .xls file or a password-protected workbook; "
            "save it as an Excel workbook (.xlsx) without a password"
        )
    if not head.startswith(b"PK"):
        raise FileError(f"{name}: not an Excel workbook (.xlsx); save it from your spreadsheet app as .xlsx")
    try:
        with zipfile.ZipFile(path) as package:
            infos = package.infolist()
            names = {info.filename for info in infos}
            content_types = package.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
    except (zipfile.BadZipFile, OSError, EOFError):
        raise FileError(
            f"{name}: the file is damaged (truncated or not a complete .xlsx); save or send it again"
        ) from None
    if "xl/workbook.xml" not in names:
        raise FileError(f"{name}: not an Excel workbook (.xlsx); save it from your spreadsheet app as .xlsx")
    if "xl/vbaProject.bin" in names or b"macroEnabled" in content_types:
        raise FileError(
            f"{name}: a macro-enabled workbook; okrxl never runs or keeps macros, save it as .xlsx", code="macros"
        )
    total = sum(info.file_size for info in infos)
    if len(infos) > MAX_MEMBERS or total > MAX_TOTAL_BYTES:
        raise FileError(f"{name}: unpacks to {total / 1e6:.0f} MB in {len(infos)} parts, more than okrxl reads")
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > MAX_MEMBER_BYTES or (info.file_size > 1_000_000 and ratio > MAX_RATIO):
            raise FileError(
                f"{name}: part {info.filename} unpacks to {info.file_size / 1e6:.0f} MB "
                f"({ratio:.0f} times its packed size); okrxl does not read such files"
            )


class Outcome(enum.StrEnum):
    WRITTEN = "written"
    OVERWRITTEN = "overwritten"
    SKIPPED = "skipped"


@dataclass(frozen=True, slots=True)
class WriteResult:
    path: Path
    outcome: Outcome

    @property
    def message(self) -> str:
        if self.outcome is Outcome.SKIPPED:
            return f"skipped {self.path}: it exists; nothing was changed (use --force to overwrite it)"
        return f"{self.outcome} {self.path}"


def write_atomically(path: Path, write: Callable[[Path], None], *, force: bool) -> WriteResult:
    """Call `write(temp_path)` and move the result into place; never replace an existing file unless `force`.

    A failure leaves no partial file: the temp file sits beside the target and is removed.
    """
    existed = path.exists()
    if existed and not force:
        return WriteResult(path, Outcome.SKIPPED)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=path.suffix, dir=path.parent)
    os.close(handle)
    temp = Path(temp_name)
    try:
        write(temp)
        os.chmod(temp, path.stat().st_mode & 0o777 if existed else 0o666 & ~_umask())
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)
    return WriteResult(path, Outcome.OVERWRITTEN if existed else Outcome.WRITTEN)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
