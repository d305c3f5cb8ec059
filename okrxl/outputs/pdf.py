"""Printing to PDF through LibreOffice, when it is installed."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from okrxl.core.problems import PdfError

INSTALL_HINT = (
    "--pdf needs LibreOffice: on Debian or Ubuntu `sudo apt-get install --no-install-recommends "
    "libreoffice-calc-nogui`, on macOS `brew install --cask libreoffice`, or open the report in Excel and "
    "print it to PDF"
)


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_pdf(write_xlsx: Callable[[Path], None], pdf_path: Path, *, timeout: float = 300) -> None:
    """Write a workbook with `write_xlsx` into a scratch folder and print it to `pdf_path` with LibreOffice.

    LibreOffice runs with a profile of its own, so a LibreOffice the user has open is not disturbed.
    It exits 0 even when it fails, so the PDF itself is the proof.
    """
    executable = soffice()
    if executable is None:
        raise PdfError(INSTALL_HINT)
    with tempfile.TemporaryDirectory(prefix="okrxl-pdf-") as scratch:
        scratch_path = Path(scratch)
        source = scratch_path / "report.xlsx"
        write_xlsx(source)
        command = [
            executable, f"-env:UserInstallation={(scratch_path / 'profile').as_uri()}", "--headless",
            "--convert-to", "pdf", "--outdir", str(scratch_path), str(source),
        ]  # fmt: skip
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise PdfError(f"LibreOffice did not finish the PDF within {timeout:.0f} s") from None
        produced = scratch_path / "report.pdf"
        if not produced.exists():
            raise PdfError(f"LibreOffice made no PDF: {(done.stderr or done.stdout).strip()[:300]}")
        shutil.move(produced, pdf_path)
