"""Remake the pictures of the printed report in docs/images/ from the built-in example.

    python tools/report_pictures.py

Needs LibreOffice (soffice) and poppler (pdftoppm): the same tools CI installs.
"""

import datetime as dt
import subprocess
import sys
import tempfile
from pathlib import Path

import okrxl

IMAGES = Path(__file__).resolve().parent.parent / "docs" / "images"
NAMES = ["changes", "overview", "team-marketing", "team-sales", "team-production", "alignment", "gaps", "files"]


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        okrxl.write_demo(folder, pdf=False)
        result = okrxl.consolidate(folder / "2027-Q1", as_of=dt.date(2027, 2, 15))
        result.write_pdf(folder / "report.pdf")
        subprocess.run(["pdftoppm", "-r", "70", "-png", str(folder / "report.pdf"), str(folder / "page")], check=True)
        pages = sorted(folder.glob("page-*.png"))
        if len(pages) != len(NAMES):
            sys.exit(f"expected {len(NAMES)} pages, LibreOffice printed {len(pages)}: update NAMES")
        IMAGES.mkdir(parents=True, exist_ok=True)
        for page, name in zip(pages, NAMES):
            (IMAGES / f"report-{name}.png").write_bytes(page.read_bytes())
            print(f"wrote docs/images/report-{name}.png")


if __name__ == "__main__":
    main()
