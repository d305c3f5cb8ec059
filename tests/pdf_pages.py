"""Printed pages measured the way a person checks them: every word on every page of a PDF, with its box from
`pdftotext -bbox-layout`, its size in points, and the page's header and footer.

A word's box there runs from the font's ascent to its descent: 1.3 times the font size for Carlito
(Calibri's metrics; measured 14.30 pt for 11 pt text), so the size is the box's height / 1.3. LibreOffice
sets the lines of a wrapped cell 1.015 sizes apart, so the boxes of two lines of one cell overlap; two words
overlap here when the middle band of their boxes, one font size high, does.
"""

import dataclasses
import os
import shutil
import subprocess
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from defusedxml.ElementTree import fromstring

BOX = 1.3
"""A word box's height over its font size, for Carlito."""
SIZE_SLACK = 0.05
"""Points a measured size may fall short of the font's: the boxes' coordinates are rounded, and 11 pt text
measures 10.99999 pt."""
HEADER_BAND, FOOTER_BAND = 45, 40
"""Points from the top and the bottom edge of a page that hold its header and its footer."""
PART_GAP = 8
"""Points between two words of a header line that part its left, centre and right parts (a space is ~3)."""
NS = "{http://www.w3.org/1999/xhtml}"


def require_tool(name: str, package: str = "poppler-utils") -> None:
    """Skip the test when `name` is not installed, except in CI, where its absence is a failure."""
    if shutil.which(name) is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{name} is missing in CI: .ci/run installs {package}")
        pytest.skip(f"{name} is not installed: apt-get install {package}")


@dataclasses.dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def points(self) -> float:
        return (self.y1 - self.y0) / BOX

    def overlaps(self, other: "Word") -> bool:
        """Whether the two words' middle bands, one font size high, cross by more than half a point."""
        middle, other_middle = (self.y0 + self.y1) / 2, (other.y0 + other.y1) / 2
        dy = min(middle + self.points / 2, other_middle + other.points / 2) - max(
            middle - self.points / 2, other_middle - other.points / 2
        )
        dx = min(self.x1, other.x1) - max(self.x0, other.x0)
        return dx > 0.5 and dy > 0.5


@dataclasses.dataclass(frozen=True)
class Page:
    number: int
    """From 1, in the PDF's order."""
    width: float
    height: float
    """In points."""
    words: tuple[Word, ...]
    """In pdftotext's reading order: a wrapped cell's lines one after the other."""

    @property
    def size(self) -> tuple[int, int]:
        """(width, height) in whole points: (842, 595) is A4 landscape, (595, 842) A4 portrait."""
        return round(self.width), round(self.height)

    def band(self, *, header: bool) -> list[Word]:
        """The words of the header (or the footer), in the page's top (bottom) margin."""
        return [w for w in self.words if (w.y1 < HEADER_BAND if header else w.y0 > self.height - FOOTER_BAND)]

    @property
    def header_parts(self) -> list[list[Word]]:
        """The header's parts: on each of its lines, the runs of words that a gap wider than a space parts."""
        parts: list[list[Word]] = []
        for first, *rest in lines(self.band(header=True)):
            part = [first]
            for word in rest:
                if word.x0 - part[-1].x1 > PART_GAP:
                    parts.append(part)
                    part = []
                part.append(word)
            parts.append(part)
        return parts

    @property
    def header_text(self) -> str:
        """Every word of the header, line by line and left to right."""
        return " ".join(w.text for line in lines(self.band(header=True)) for w in line)

    @property
    def header_centre(self) -> str:
        """The header's centre part: the one across (or else nearest) the middle of the page."""
        middle = self.width / 2

        def distance(part: list[Word]) -> tuple[float, float]:
            return max(part[0].x0 - middle, middle - part[-1].x1, 0), abs((part[0].x0 + part[-1].x1) / 2 - middle)

        parts = self.header_parts
        return " ".join(w.text for w in min(parts, key=distance)) if parts else ""

    @property
    def header_right(self) -> list[Word]:
        """The header's right part: the word ending nearest the page's right edge, and the words just left
        of it on its line (a wider gap parts the header's left part from its right)."""
        band = self.band(header=True)
        last = max(band, key=lambda w: w.x1)
        line = sorted((w for w in band if abs(w.y0 - last.y0) < 1), key=lambda w: w.x1, reverse=True)
        right = line[:1]
        for word in line[1:]:
            if right[-1].x0 - word.x1 > PART_GAP:
                break
            right.append(word)
        return right[::-1]

    @property
    def header_left(self) -> str:
        return " ".join(w.text for w in self.band(header=True) if w not in self.header_right)

    @property
    def footer(self) -> str:
        return " ".join(w.text for w in self.band(header=False))

    @property
    def sheet(self) -> str:
        """The sheet's name, where the team and strategy workbooks print it: the header's right part."""
        return " ".join(w.text for w in self.header_right)

    @property
    def body(self) -> list[Word]:
        return [w for w in self.words if w.y1 >= HEADER_BAND and w.y0 <= self.height - FOOTER_BAND]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.body)

    @property
    def first_line(self) -> str:
        top = min(self.body, key=lambda w: w.y0)
        return " ".join(w.text for w in sorted(self.body, key=lambda w: w.x0) if w.y0 < top.y1 - top.points / 2)

    @property
    def outside(self) -> list[Word]:
        """The words that do not lie wholly inside the page."""
        return [w for w in self.words if w.x0 < 0 or w.y0 < 0 or w.x1 > self.width or w.y1 > self.height]


def read_pdf(path: Path) -> list[Page]:
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(path), "-"], capture_output=True, text=True, check=True)
    pages = []
    for number, page in enumerate(fromstring(xml.stdout).iter(NS + "page"), start=1):
        words = tuple(
            Word(w.text, *(float(w.get(k)) for k in ("xMin", "yMin", "xMax", "yMax"))) for w in page.iter(NS + "word")
        )
        pages.append(Page(number, float(page.get("width")), float(page.get("height")), words))
    return pages


def lines(words: Iterable[Word]) -> list[list[Word]]:
    """The words in lines from the top, each left to right: a word joins the line whose first word's middle
    lies within its box's middle band."""
    found: list[list[Word]] = []
    for word in sorted(words, key=lambda w: ((w.y0 + w.y1) / 2, w.x0)):
        middle = (word.y0 + word.y1) / 2
        if found and abs(middle - (found[-1][0].y0 + found[-1][0].y1) / 2) < word.points / 2:
            found[-1].append(word)
        else:
            found.append([word])
    return [sorted(line, key=lambda w: w.x0) for line in found]


def overlapping(words: Iterable[Word]) -> Iterator[tuple[Word, Word]]:
    """The pairs of words that overlap: each word against the words that start left of its end."""
    ordered = sorted(words, key=lambda w: w.x0)
    for index, word in enumerate(ordered):
        for other in ordered[index + 1 :]:
            if other.x0 >= word.x1:
                break
            if word.overlaps(other):
                yield word, other
