"""Remake the pictures of the printed report in docs/images/ from the built-in example.

    python tools/report_pictures.py

Needs LibreOffice (soffice) and poppler (pdftoppm, pdftotext): the same tools CI installs. The poster and
a team's page are pictured in colour and in grey (as a black-and-white printer prints them); each meeting
page by its first page.
"""

import datetime as dt
import subprocess
from pathlib import Path

import okrxl

IMAGES = Path(__file__).resolve().parent.parent / "docs" / "images"
SHEETS = {"Marknad": "team-marketing", "Översikt": "overview", "Sedan sist": "changes", "Luckor": "gaps",
          "Samordning": "alignment", "Filer": "files"}  # fmt: skip
"""The page picture of each sheet (by the sheet's name in the page's header); the poster is page 1."""
GREY = ("poster", "team-marketing")


def main() -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        okrxl.write_demo(folder, pdf=False)
        result = okrxl.consolidate(folder / "2027-Q1", as_of=dt.date(2027, 2, 15))
        pdf = folder / "report.pdf"
        result.write_pdf(pdf)
        pages = {"poster": 1}
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
        for number, page in enumerate(text.stdout.split("\f"), start=1):
            header = page.splitlines()[0] if page.strip() else ""
            for sheet, name in SHEETS.items():
                if number > 1 and f"  {sheet}  " in header and name not in pages:
                    pages[name] = number
        IMAGES.mkdir(parents=True, exist_ok=True)
        for name, number in pages.items():
            for grey in (False, True) if name in GREY else (False,):
                out = IMAGES / f"report-{name}{'-grey' if grey else ''}"
                command = ["pdftoppm", "-r", "70", "-png", "-singlefile", "-f", str(number), "-l", str(number)]
                subprocess.run([*command, *(["-gray"] if grey else []), str(pdf), str(out)], check=True)
                print(f"wrote docs/images/{out.name}.png")


if __name__ == "__main__":
    main()
