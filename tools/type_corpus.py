#!/usr/bin/python3
"""Type into okrxl team workbooks in LibreOffice, as a person does, and save them as xlsx.

The files in tests/files/typed/ are made by this script (see tests/files/README.md). Run it with
Debian's python3, which has `uno`; it does not import okrxl. tools/make_corpus.sh makes the input
workbooks with okrxl and then runs it:

    /usr/bin/python3 tools/type_corpus.py INPUTS OUT [NAME ...]

INPUTS holds `sv/`, `en/` (the output of `okrxl generate`), `demo/` (of `okrxl demo`) and `year-sv/`, `year-en/`
(`okrxl demo --year`, with empty personal workbooks of Q4 from `okrxl generate --personal`).

How a cell is typed: `cell.FormulaLocal = text`, which goes through LibreOffice's locale-aware
input parser as the keyboard does ("4,5" is 4.5 in sv-SE and the text '4,5' in en-US; "97,6 %"
is 0.976 formatted as percent). Selecting the cell and dispatching `.uno:EnterString` gives the
same cell (measured on every text typed here, in both locales), but LibreOffice 7.4 headless
aborts about a second after an EnterString (a scheduler task in vcl::Window::GetCursor), so it is
not used. `cell.setFormula(text)` is no substitute: it always parses as en-US. The locale is
LibreOffice's "Locale setting" (`ooSetupSystemLocale`), changed per step while soffice runs. A
date typed without a year gets the year of the day it is typed, so soffice runs under `faketime`
at the scenario's date. "Pasted" text is put with `setString`, which skips the input parser;
neither way is stopped by the dropdowns' validation. Rows and columns are inserted and deleted
as whole sheet rows and columns, and a sort sorts the table's cells with its header row, as
Data > Sort does. The saved file's "modified" time and zip entry times are set to 09:00 on the
scenario's date, so that a scenario gives the same bytes each time from the same inputs.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.sheet.CellFlags import DATETIME, FORMULA, STRING, VALUE

# --- steps --------------------------------------------------------------------------------------
# A row is named by the id in its Id cell ("O1.2"), or by an id and an offset ("O1.2+1" is the
# row just below O1.2's, e.g. an inserted row with no id yet); `HEADER` is the table's header row.
# A column is named by its header text as it stands when the step runs.


@dataclass(frozen=True)
class Type:
    """Type each text into a cell and press Enter, with LibreOffice's locale set to `locale`."""

    locale: str
    cells: tuple[tuple[str, str, str], ...]  # (row, header, text)


@dataclass(frozen=True)
class Paste:
    """Put text into cells as a paste does: no input parsing, no validation."""

    cells: tuple[tuple[str, str, str], ...]


@dataclass(frozen=True)
class Clear:
    """Select cells and press Delete."""

    cells: tuple[tuple[str, str], ...]  # (row, header)


@dataclass(frozen=True)
class InsertRow:
    """Insert a whole row just below a row (Sheet > Insert Rows > Rows Below)."""

    below: str


@dataclass(frozen=True)
class CopyRow:
    """Copy a whole row and insert the copy just below it (Copy, then Insert Copied Cells)."""

    row: str


@dataclass(frozen=True)
class DeleteRow:
    """Delete a whole row."""

    row: str


@dataclass(frozen=True)
class DeleteColumn:
    """Delete a whole sheet column, found by its header (Sheet > Delete Columns)."""

    header: str


@dataclass(frozen=True)
class SortTable:
    """Select the table and sort it by one column (Data > Sort), descending unless said otherwise."""

    header: str
    ascending: bool = False


@dataclass(frozen=True)
class UseTable:
    """Go to another sheet's table (click its tab): the steps after it type there."""

    sheets: tuple[str, ...]  # the sheet's names in either language
    table: str


@dataclass(frozen=True)
class Scenario:
    source: str
    """The input workbook, relative to INPUTS."""
    steps: tuple = ()
    today: str = "2027-01-11"
    """The date it is typed on (the quarter's kick-off workshop)."""


SV, EN, DE, FR = "sv-SE", "en-US", "de-DE", "fr-FR"
TITLE, KIND, COMMITMENT, ALIGNED, UNIT = "Objective / key result", "Typ", "Åtagande", "Stödjer", "Enhet"
BASE, TARGET, DUE, CONF, NOTE = "Utgångsläge", "Mål", "Klart senast", "Lagets bedömning", "Kommentar till avstämning"
OWNER = "Ansvarig"
HEADER = "header"
JAN4, JAN18, FEB1, FEB15 = "2027-01-04", "2027-01-18", "2027-02-01", "2027-02-15"


def rows(*cells):
    return tuple(cells)


# fmt: off
SCENARIOS: dict[str, Scenario] = {
    # A Swedish team fills in an empty workbook from scratch, in Swedish settings.
    "sv_filled_in.xlsx": Scenario("sv/2027-Q1/marketing.xlsx", (
        Type(SV, rows(
            ("O1", TITLE, "Fler kunder i Skåne och Västra Götaland"),
            ("O1", ALIGNED, "S1 – Kommande år vårt starkaste tillväxtår någonsin"),
            ("O1", OWNER, "Åsa"),
            ("O1.1", TITLE, "Minska churn från 15 % till 5 %"),
            ("O1.1", KIND, "minska"), ("O1.1", COMMITMENT, "åtagande"), ("O1.1", UNIT, "%"),
            ("O1.1", BASE, "15"), ("O1.1", TARGET, "5"),
            ("O1.1", JAN4, "14,5"), ("O1.1", JAN18, "12 %"), ("O1.1", CONF, "i fas"),
            ("O1.2", TITLE, "Nå 1 234 nya läsare av nyhetsbrevet"),
            ("O1.2", KIND, "antal"), ("O1.2", UNIT, "läsare"), ("O1.2", TARGET, "1 234"),
            ("O1.2", JAN18, "150"),
            ("O1.3", TITLE, "Höj snittordern till 4,5 MSEK"),
            ("O1.3", KIND, "öka"), ("O1.3", UNIT, "MSEK"), ("O1.3", OWNER, "Örjan"),
            ("O1.3", BASE, "3"), ("O1.3", TARGET, "4,5"), ("O1.3", JAN4, "3,2"), ("O1.3", JAN18, "3,75"),
            ("O2", TITLE, "Branschens nöjdaste kunder"),
            ("O2", ALIGNED, "S2"),
            ("O2.1", TITLE, "Andel brev till rätt mottagare"),
            ("O2.1", KIND, "procent"), ("O2.1", BASE, "96"), ("O2.1", TARGET, "99"),
            ("O2.1", JAN18, "97,6 %"), ("O2.1", CONF, "risk"),
            ("O2.1", NOTE, "Sorteringsmaskinen i Årsta stod still två dagar"),
            ("O2.2", TITLE, "Ny kundportal lanserad"),
            ("O2.2", KIND, "milstolpe"), ("O2.2", COMMITMENT, "åtagande"), ("O2.2", DUE, "15/3"),
            ("O2.2", JAN18, "40 %"), ("O2.2", CONF, "i fas"),
            ("O2.3", TITLE, "Kundhandbok på svenska och norska tryckt"),
            ("O2.3", KIND, "milstolpe"), ("O2.3", DUE, "2027-03-15"),
            ("O2.3", JAN18, "20 %"), ("O2.3", FEB1, "klar"),
        )),
    )),
    # The same kinds of entries in an English workbook, in US settings.
    "en_filled_in.xlsx": Scenario("en/2027-Q1/sales.xlsx", (
        Type(EN, rows(
            ("O1", "Objective / key result", "Win customers in Norway"),
            ("O1", "Aligned to", "S3 – Market test in Norway"),
            ("O1", "Also aligned to", "S1"),
            ("O1.1", "Objective / key result", "Invoicing to new customers reaches 4.5 MSEK"),
            ("O1.1", "Kind", "increase"), ("O1.1", "Commitment", "committed"), ("O1.1", "Unit", "MSEK"),
            ("O1.1", "Baseline", "0"), ("O1.1", "Target", "4.5"), ("O1.1", "Owner", "Fredrika"),
            ("O1.1", "Feeds", "S1.1 – 20 MSEK sales to new customers"),
            ("O1.1", JAN4, "0.6"), ("O1.1", JAN18, "1.25"), ("O1.1", "Confidence", "on track"),
            ("O1.2", "Objective / key result", "Share of quotes won"),
            ("O1.2", "Kind", "percent"), ("O1.2", "Baseline", "10"), ("O1.2", "Target", "30%"),
            ("O1.2", JAN18, "12%"), ("O1.2", "Confidence", "at risk"),
            ("O1.3", "Objective / key result", "Norwegian price list published"),
            ("O1.3", "Kind", "milestone"), ("O1.3", "Due", "15/3"),
            ("O1.3", JAN18, "done"),
            ("O2", "Objective / key result", "Be ready for faster growth"),
            ("O2", "Aligned to", "S1"),
            ("O2.1", "Objective / key result", "Recruit 2 Norwegian sales people"),
            ("O2.1", "Kind", "count"), ("O2.1", "Target", "2"), ("O2.1", "Weight", "2"),
            ("O2.1", "Depends on", "marketing.O1.2"), ("O2.1", "Needed by", "2027-02-15"),
            ("O2.1", JAN18, "1"), ("O2.1", "Check-in note", "One offer signed"),
            ("O2.2", "Objective / key result", "Upselling plan ready"),
            ("O2.2", "Kind", "milestone"), ("O2.2", "Due", "2027-02-26"),
            ("O2.2", JAN4, "50%"), ("O2.2", JAN18, "x"),
            ("O2.3", "Objective / key result", "Complaints per week at most 4.5"),
            ("O2.3", "Kind", "maintain at most"), ("O2.3", "Target", "4.5"),
            ("O2.3", JAN4, "4"), ("O2.3", JAN18, "5"), ("O2.3", "Confidence", "off track"),
            ("O2.4", "Objective / key result", "Reach 1,234 decision makers"),
            ("O2.4", "Kind", "count"), ("O2.4", "Target", "1,234"), ("O2.4", "Due", "3/15/2027"),
            ("O2.4", JAN18, "150"),
        )),
    )),
    # Rows inserted inside the table: one with a new id, one where nobody typed an id.
    "sv_inserted_rows.xlsx": Scenario("sv/2027-Q1/production.xlsx", (
        Type(SV, rows(
            ("O1", TITLE, "Felfri hantering av all post"), ("O1", ALIGNED, "S2"),
            ("O1.1", TITLE, "Rätt mottagare"), ("O1.1", KIND, "procent"),
            ("O1.1", BASE, "97,2"), ("O1.1", TARGET, "100"), ("O1.1", JAN18, "97,4"),
            ("O1.2", TITLE, "All post hanteras"), ("O1.2", KIND, "procent"),
            ("O1.2", BASE, "99,5"), ("O1.2", TARGET, "100"), ("O1.2", JAN18, "99,6"),
            ("O1.3", TITLE, "Kortare hanteringstid per brev"), ("O1.3", KIND, "minska"), ("O1.3", UNIT, "h"),
            ("O1.3", BASE, "48"), ("O1.3", TARGET, "33,6"), ("O1.3", JAN18, "46"),
            ("O2", TITLE, "Överträffa kundernas förväntningar"), ("O2", ALIGNED, "S2"),
            ("O2.1", TITLE, "NPS-basvärde från 100 kunder"), ("O2.1", KIND, "antal"),
            ("O2.1", TARGET, "100"), ("O2.1", JAN18, "30"),
            ("O2.2", TITLE, "Volymrapport till de 25 största kunderna"), ("O2.2", KIND, "milstolpe"),
            ("O2.2", DUE, "2027-02-26"), ("O2.2", JAN18, "50 %"),
        )),
        InsertRow(below="O1.2"),
        Type(SV, rows(
            ("O1.2+1", "Id", "O1.6"), ("O1.6", TITLE, "Högst 2 borttappade paket i veckan"),
            ("O1.6", KIND, "behåll högst"), ("O1.6", UNIT, "paket"), ("O1.6", TARGET, "2"),
            ("O1.6", JAN18, "1"),
        )),
        InsertRow(below="O2.2"),
        Type(SV, rows(
            ("O2.2+1", TITLE, "Kundpanel med 12 kunder startad"), ("O2.2+1", KIND, "milstolpe"),
            ("O2.2+1", DUE, "2027-03-31"), ("O2.2+1", JAN18, "x"),
        )),
    )),
    # A deleted row and blank rows between key results; one colleague types in Swedish settings.
    "en_deleted_row.xlsx": Scenario("en/2027-Q1/marketing.xlsx", (
        Type(EN, rows(
            ("O1", "Objective / key result", "Deliver the material for the sales tests in Norway"),
            ("O1", "Aligned to", "S3"),
            ("O1.1", "Objective / key result", "Translated website live"), ("O1.1", "Kind", "milestone"),
            ("O1.1", "Due", "2027-02-15"), ("O1.1", JAN18, "40%"),
            ("O1.2", "Objective / key result", "Norwegian catalogue printed"), ("O1.2", "Kind", "milestone"),
            ("O1.2", "Due", "2027-03-15"),
            ("O1.3", "Objective / key result", "Dropped: trade fair stand"), ("O1.3", "Kind", "binary"),
            ("O1.4", "Objective / key result", "Reach 1000 decision makers"), ("O1.4", "Kind", "count"),
            ("O1.4", "Target", "1000"), ("O1.4", JAN18, "150"),
            ("O2", "Objective / key result", "Stronger ties with existing customers"), ("O2", "Aligned to", "S2"),
            ("O2.1", "Objective / key result", "Newsletter open rate"), ("O2.1", "Kind", "increase"),
            ("O2.1", "Unit", "%"), ("O2.1", "Baseline", "42"), ("O2.1", "Target", "60"),
            ("O2.4", "Objective / key result", "Event attendance"), ("O2.4", "Kind", "percent"),
            ("O2.4", "Target", "10"),
        )),
        DeleteRow("O1.3"),
        Clear(rows(("O2.3", "Id"))),
        Type(SV, rows(("O2.1", JAN18, "48,5"), ("O2.4", JAN18, "2,5"))),
    )),
    # A sixth objective typed just below the table, after O5.5.
    "en_objective_6.xlsx": Scenario("en/2027-Q1/production.xlsx", (
        Type(EN, rows(
            ("O1", "Objective / key result", "Flawless handling"), ("O1", "Aligned to", "S2"),
            ("O1.1", "Objective / key result", "Mail reaches the right recipient"), ("O1.1", "Kind", "percent"),
            ("O1.1", "Baseline", "97.2"), ("O1.1", "Target", "100"), ("O1.1", JAN18, "97.4"),
            ("O1.2", "Objective / key result", "No letter lost"), ("O1.2", "Kind", "binary"),
        )),
        InsertRow(below="O5.5"),
        InsertRow(below="O5.5"),
        InsertRow(below="O5.5"),
        Type(EN, rows(
            ("O5.5+1", "Id", "O6"), ("O6", "Objective / key result", "Handle Norwegian mail"),
            ("O6", "Aligned to", "S3"),
            ("O5.5+2", "Id", "O6.1"), ("O6.1", "Objective / key result", "Norwegian sorting rules documented"),
            ("O6.1", "Kind", "milestone"), ("O6.1", "Due", "2027-03-01"), ("O6.1", JAN18, "25%"),
            ("O5.5+3", "Id", "O6.2"), ("O6.2", "Objective / key result", "Norwegian letters handled per day"),
            ("O6.2", "Kind", "increase"), ("O6.2", "Baseline", "0"), ("O6.2", "Target", "500"),
            ("O6.2", JAN18, "120"),
        )),
    )),
    # Text pasted over dropdown cells, and a number that is ambiguous in Swedish settings.
    "sv_pasted_over_validation.xlsx": Scenario("sv/2027-Q1/sales.xlsx", (
        Type(SV, rows(
            ("O1", TITLE, "Aggressiv försäljningstillväxt"), ("O1", ALIGNED, "S1"),
            ("O1.1", TITLE, "Fakturering nya kunder 4 MSEK"), ("O1.1", KIND, "öka"), ("O1.1", UNIT, "MSEK"),
            ("O1.1", TARGET, "4"), ("O1.1", JAN18, "0,6"),
            ("O1.2", TITLE, "Merförsäljning till befintliga kunder"), ("O1.2", UNIT, "kr"),
            ("O1.2", TARGET, "2000"),
            ("O1.3", TITLE, "Antal offerter"), ("O1.3", KIND, "antal"), ("O1.3", BASE, "1.234"),
            ("O1.3", TARGET, "2000"),
        )),
        Paste(rows(
            ("O1.2", KIND, "Bananas"), ("O1.1", CONF, "maybe"), ("O1.3", JAN18, "ungefär hälften"),
        )),
    )),
    # A row copied to make a new key result, its id left as it was.
    "sv_copied_row.xlsx": Scenario("sv/2027-Q1/marketing.xlsx", (
        Type(SV, rows(
            ("O1", TITLE, "Leverera materialet för säljtesterna i Norge"), ("O1", ALIGNED, "S3"),
            ("O1.1", TITLE, "Översatt hemsida lanserad"), ("O1.1", KIND, "milstolpe"),
            ("O1.1", DUE, "2027-02-15"), ("O1.1", JAN18, "40 %"),
            ("O1.2", TITLE, "Norsk produktkatalog tryckt"), ("O1.2", KIND, "milstolpe"),
            ("O1.2", DUE, "2027-03-15"), ("O1.2", JAN18, "10 %"),
        )),
        CopyRow("O1.2"),
        Type(SV, rows(("O1.2+1", TITLE, "Norsk prislista tryckt"))),
    )),
    # Dates typed without a year at a kick-off held in December, before the quarter's year.
    "sv_typed_in_december.xlsx": Scenario("sv/2027-Q1/sales.xlsx", (
        Type(SV, rows(
            ("O1", TITLE, "Försäljning i Norge"), ("O1", ALIGNED, "S3"),
            ("O1.1", TITLE, "Norsk prislista klar"), ("O1.1", KIND, "milstolpe"), ("O1.1", DUE, "15/3"),
            ("O1.2", TITLE, "Två norska säljare anställda"), ("O1.2", KIND, "antal"), ("O1.2", TARGET, "2"),
            ("O1.2", "Beroende av", "marketing.O1.2"), ("O1.2", "Behövs senast", "1/2"),
        )),
    ), today="2026-12-14"),
    # Percent cells typed over: LibreOffice keeps the percent format and stores "97,8" as 97.8 (9780 %).
    "sv_retyped_percent_cells.xlsx": Scenario("sv/2027-Q1/production.xlsx", (
        Type(SV, rows(
            ("O1", TITLE, "Felfri hantering"), ("O1", ALIGNED, "S2"),
            ("O1.1", TITLE, "Rätt mottagare"), ("O1.1", KIND, "procent"), ("O1.1", BASE, "97,2"),
            ("O1.1", TARGET, "99 %"), ("O1.1", JAN18, "97,6 %"),
            ("O1.2", TITLE, "Ny sorteringsmaskin i drift"), ("O1.2", KIND, "milstolpe"), ("O1.2", DUE, "2027-03-31"),
            ("O1.2", JAN18, "40 %"),
        )),
        Type(SV, rows(("O1.1", TARGET, "99,5"), ("O1.1", JAN18, "97,8"), ("O1.2", JAN18, "60"))),
        InsertRow(below="O1.2"),
        Type(SV, rows(
            ("O1.2+1", "Id", "O1.6"), ("O1.6", TITLE, "Personalen utbildad"), ("O1.6", KIND, "milstolpe"),
            ("O1.6", DUE, "2027-03-31"), ("O1.6", JAN18, "25"),
        )),
    )),
    # Done words, yes/no words and percents typed every accepted way, and percent-like units (issue 11).
    "sv_values_as_meant.xlsx": Scenario("sv/2027-Q1/marketing.xlsx", (
        Type(SV, rows(
            ("O1", TITLE, "Kundportalen i drift"), ("O1", ALIGNED, "S2"),
            ("O1.1", TITLE, "Ny kundportal lanserad"), ("O1.1", KIND, "milstolpe"), ("O1.1", DUE, "2027-03-15"),
            ("O1.1", JAN4, "40 %"), ("O1.1", JAN18, "klar"),
            ("O1.2", TITLE, "Avtal med tryckeriet underskrivet"), ("O1.2", KIND, "ja/nej"),
            ("O1.2", JAN4, "nej"), ("O1.2", JAN18, "ja"),
            ("O1.3", TITLE, "Kundhandbok tryckt"), ("O1.3", KIND, "milstolpe"), ("O1.3", DUE, "2027-03-31"),
            ("O1.3", JAN18, "150 %"),
            ("O2", TITLE, "Fler kunder stannar"), ("O2", ALIGNED, "S1"),
            ("O2.1", TITLE, "Andel offerter som vinns"), ("O2.1", KIND, "procent"),
            ("O2.1", BASE, "10"), ("O2.1", TARGET, "20"), ("O2.1", JAN18, "15%"),
            ("O2.2", TITLE, "Andel nöjda kunder"), ("O2.2", KIND, "procent"),
            ("O2.2", BASE, "80"), ("O2.2", TARGET, "100"), ("O2.2", JAN18, "105 %"),
            ("O2.3", TITLE, "Svarsfrekvens i kundenkäten"), ("O2.3", KIND, "procent"),
            ("O2.3", BASE, "90"), ("O2.3", TARGET, "120 %"), ("O2.3", JAN18, "95"),
            ("O2.4", TITLE, "Reklamationer högst 7 %"), ("O2.4", KIND, "behåll högst"),
            ("O2.4", TARGET, "7"), ("O2.4", JAN18, "7%"),
            ("O2.5", TITLE, "Andel återkommande kunder"), ("O2.5", KIND, "procent"),
            ("O2.5", BASE, "7"), ("O2.5", TARGET, "7 %"),
            ("O3", TITLE, "Rätt siffror i rapporterna"), ("O3", ALIGNED, "S2"),
            ("O3.1", TITLE, "Andel kampanjer med uppföljning"), ("O3.1", KIND, "procent"),
            ("O3.1", BASE, "10"), ("O3.1", TARGET, "20"), ("O3.1", JAN18, "0,15"),
            ("O3.2", TITLE, "Färre studsande utskick"), ("O3.2", KIND, "minska"), ("O3.2", UNIT, "procent"),
            ("O3.2", BASE, "20"), ("O3.2", TARGET, "10"), ("O3.2", JAN18, "12 %"),
            ("O3.3", TITLE, "Fler öppnade nyhetsbrev"), ("O3.3", KIND, "öka"), ("O3.3", UNIT, "andel"),
            ("O3.3", BASE, "40 %"), ("O3.3", TARGET, "60 %"), ("O3.3", JAN18, "45"),
        )),
    )),
    # The same entries in an English workbook, in US settings.
    "en_values_as_meant.xlsx": Scenario("en/2027-Q1/marketing.xlsx", (
        Type(EN, rows(
            ("O1", "Objective / key result", "Customer portal in service"), ("O1", "Aligned to", "S2"),
            ("O1.1", "Objective / key result", "New customer portal launched"), ("O1.1", "Kind", "milestone"),
            ("O1.1", "Due", "2027-03-15"), ("O1.1", JAN4, "40%"), ("O1.1", JAN18, "done"),
            ("O1.2", "Objective / key result", "Contract with the printer signed"), ("O1.2", "Kind", "binary"),
            ("O1.2", JAN4, "no"), ("O1.2", JAN18, "yes"),
            ("O1.3", "Objective / key result", "Customer handbook printed"), ("O1.3", "Kind", "milestone"),
            ("O1.3", "Due", "2027-03-31"), ("O1.3", JAN18, "150%"),
            ("O2", "Objective / key result", "More customers stay"), ("O2", "Aligned to", "S1"),
            ("O2.1", "Objective / key result", "Share of quotes won"), ("O2.1", "Kind", "percent"),
            ("O2.1", "Baseline", "10"), ("O2.1", "Target", "20"), ("O2.1", JAN18, "15%"),
            ("O2.2", "Objective / key result", "Share of satisfied customers"), ("O2.2", "Kind", "percent"),
            ("O2.2", "Baseline", "80"), ("O2.2", "Target", "100"), ("O2.2", JAN18, "105 %"),
            ("O2.3", "Objective / key result", "Survey response rate"), ("O2.3", "Kind", "percent"),
            ("O2.3", "Baseline", "90"), ("O2.3", "Target", "120%"), ("O2.3", JAN18, "95"),
            ("O2.4", "Objective / key result", "Complaints at most 7 %"), ("O2.4", "Kind", "maintain at most"),
            ("O2.4", "Target", "7"), ("O2.4", JAN18, "7%"),
            ("O2.5", "Objective / key result", "Share of returning customers"), ("O2.5", "Kind", "percent"),
            ("O2.5", "Baseline", "7"), ("O2.5", "Target", "7 %"),
            ("O3", "Objective / key result", "Right numbers in the reports"), ("O3", "Aligned to", "S2"),
            ("O3.1", "Objective / key result", "Share of campaigns followed up"), ("O3.1", "Kind", "percent"),
            ("O3.1", "Baseline", "10"), ("O3.1", "Target", "20"), ("O3.1", JAN18, "0.15"),
            ("O3.2", "Objective / key result", "Fewer bounced mailings"), ("O3.2", "Kind", "decrease"),
            ("O3.2", "Unit", "pct"), ("O3.2", "Baseline", "20"), ("O3.2", "Target", "10"), ("O3.2", JAN18, "12%"),
            ("O3.3", "Objective / key result", "More newsletters opened"), ("O3.3", "Kind", "increase"),
            ("O3.3", "Unit", "percentage points"), ("O3.3", "Baseline", "40%"), ("O3.3", "Target", "60%"),
            ("O3.3", JAN18, "45"),
        )),
    )),
    # Check-in headers retyped: an earlier date right of a later one, and a date that stays text.
    "en_check_in_headers.xlsx": Scenario("en/2027-Q1/sales.xlsx", (
        Type(EN, rows(
            ("O1", "Objective / key result", "Grow in Norway"), ("O1", "Aligned to", "S3"),
            ("O1.1", "Objective / key result", "Norwegian customers"), ("O1.1", "Kind", "increase"),
            ("O1.1", "Baseline", "0"), ("O1.1", "Target", "20"),
            ("O1.1", JAN4, "2"), ("O1.1", JAN18, "5"), ("O1.1", FEB1, "6"),
            ("O1.2", "Objective / key result", "Meetings with Norwegian buyers"), ("O1.2", "Kind", "count"),
            ("O1.2", "Target", "30"), ("O1.2", JAN18, "8"), ("O1.2", FEB15, "12"),
            ("O1.3", "Objective / key result", "Average order"), ("O1.3", "Kind", "increase"),
            ("O1.3", "Unit", "MSEK"), ("O1.3", "Baseline", "3"), ("O1.3", "Target", "4,5"),
            ("O1.4", "Objective / key result", "Norwegian price list published"), ("O1.4", "Kind", "milestone"),
            ("O1.4", "Due", "15/3"), ("O1.4", JAN18, "50%"),
            ("O1.5", "Objective / key result", "Resellers signed"), ("O1.5", "Kind", "increase"),
            ("O1.5", "Baseline", "10"), ("O1.5", "Target", "5"),
            (HEADER, FEB1, "2027-01-11"),
            (HEADER, FEB15, "15 feb"),
            (HEADER, "2027-03-01", "1 mar"),
        )),
    )),
    # Dates that Swedish settings turn into other dates: the day is taken as a year.
    "sv_mangled_dates.xlsx": Scenario("sv/2027-Q1/production.xlsx", (
        Type(SV, rows(
            ("O1", TITLE, "Norsk post"), ("O1", ALIGNED, "S3"),
            ("O1.1", TITLE, "Norska sorteringsregler dokumenterade"), ("O1.1", KIND, "milstolpe"),
            ("O1.1", DUE, "31/2"),
            ("O1.2", TITLE, "Norsk kundtjänst öppen"), ("O1.2", KIND, "milstolpe"), ("O1.2", DUE, "15 feb"),
            ("O1.3", TITLE, "Ny sorteringsmaskin i drift"), ("O1.3", KIND, "milstolpe"), ("O1.3", DUE, "15-2-27"),
            ("O1.4", TITLE, "Norska brev per dag"), ("O1.4", KIND, "antal"), ("O1.4", TARGET, "500"),
            ("O1.4", "Beroende av", "sales.O1.1"), ("O1.4", "Behövs senast", "15 feb"),
            ("O1.5", TITLE, "Norsk prislista tryckt"), ("O1.5", KIND, "milstolpe"), ("O1.5", DUE, "15/3"),
        )),
    )),
    # The unused "reason if missed" column deleted.
    "sv_deleted_column.xlsx": Scenario("sv/2027-Q1/sales.xlsx", (
        Type(SV, rows(
            ("O1", TITLE, "Försäljning i Norge"), ("O1", ALIGNED, "S3"),
            ("O1.1", TITLE, "Fakturering nya kunder 4 MSEK"), ("O1.1", KIND, "öka"), ("O1.1", UNIT, "MSEK"),
            ("O1.1", COMMITMENT, "åtagande"), ("O1.1", TARGET, "4"), ("O1.1", JAN18, "0,6"),
            ("O1.1", "Kommentar", "Två stora kunder väntar på budget"),
            ("O1.2", TITLE, "Norsk prislista klar"), ("O1.2", KIND, "milstolpe"), ("O1.2", DUE, "2027-03-15"),
            ("O1.2", JAN18, "30 %"),
        )),
        DeleteColumn("Orsak om missat"),
    )),
    # A required column deleted: the workbook cannot be read, and okrxl says which column.
    "en_deleted_kind_column.xlsx": Scenario("en/2027-Q1/sales.xlsx", (
        Type(EN, rows(
            ("O1", "Objective / key result", "Grow in Norway"), ("O1", "Aligned to", "S3"),
            ("O1.1", "Objective / key result", "Norwegian customers"), ("O1.1", "Kind", "count"),
            ("O1.1", "Target", "20"),
        )),
        DeleteColumn("Kind"),
    )),
    # Notes typed into rows of their own: one in the title column, one only in the comment column.
    "sv_note_rows.xlsx": Scenario("sv/2027-Q1/marketing.xlsx", (
        Type(SV, rows(
            ("O1", TITLE, "Fler kunder i Skåne"), ("O1", ALIGNED, "S1"),
            ("O1.1", TITLE, "Nya kunder i Skåne"), ("O1.1", KIND, "antal"), ("O1.1", TARGET, "40"),
            ("O1.1", JAN18, "6"),
            ("O1.2", TITLE, "Mässmonter i Malmö klar"), ("O1.2", KIND, "milstolpe"), ("O1.2", DUE, "2027-03-01"),
            ("O2", TITLE, "Branschens nöjdaste kunder"), ("O2", ALIGNED, "S2"),
            ("O2.1", TITLE, "Andel nöjda kunder"), ("O2.1", KIND, "procent"), ("O2.1", BASE, "80"),
            ("O2.1", TARGET, "90"), ("O2.1", JAN18, "82"),
        )),
        InsertRow(below="O1.2"),
        Type(SV, rows(("O1.2+1", TITLE, "Obs: budgeten för mässan beslutas i februari"),)),
        InsertRow(below="O2.1"),
        Type(SV, rows(("O2.1+1", "Kommentar", "Fråga Örjan om siffrorna från Årsta"),)),
    )),
    # The table sorted by its title column, Z to A: key results leave their objectives.
    "en_sorted_table.xlsx": Scenario("en/2027-Q1/production.xlsx", (
        Type(EN, rows(
            ("O1", "Objective / key result", "Flawless handling"), ("O1", "Aligned to", "S2"),
            ("O1.1", "Objective / key result", "Mail reaches the right recipient"), ("O1.1", "Kind", "percent"),
            ("O1.1", "Baseline", "97.2"), ("O1.1", "Target", "100"), ("O1.1", JAN18, "97.4"),
            ("O1.2", "Objective / key result", "All parcels tracked"), ("O1.2", "Kind", "binary"),
            ("O2", "Objective / key result", "Delighted customers"), ("O2", "Aligned to", "S2"),
            ("O2.1", "Objective / key result", "NPS baseline from 100 customers"), ("O2.1", "Kind", "count"),
            ("O2.1", "Target", "100"), ("O2.1", JAN18, "30"),
            ("O2.2", "Objective / key result", "Volume report to the 25 largest customers"),
            ("O2.2", "Kind", "milestone"), ("O2.2", "Due", "2027-02-26"), ("O2.2", JAN18, "50%"),
        )),
        SortTable("Objective / key result"),
    )),
    # Decimal commas, percents, thousands and dates typed in German settings into an English workbook.
    "en_typed_in_german_settings.xlsx": Scenario("en/2027-Q1/marketing.xlsx", (
        Type(DE, rows(
            ("O1", "Objective / key result", "Stronger ties with existing customers"), ("O1", "Aligned to", "S2"),
            ("O1.1", "Objective / key result", "Average order 4.5 MSEK"), ("O1.1", "Kind", "increase"),
            ("O1.1", "Unit", "MSEK"), ("O1.1", "Baseline", "3"), ("O1.1", "Target", "4,5"),
            ("O1.1", JAN4, "3,2"), ("O1.1", JAN18, "3,75"),
            ("O1.2", "Objective / key result", "Churn from 15 % to 5 %"), ("O1.2", "Kind", "decrease"),
            ("O1.2", "Unit", "%"), ("O1.2", "Baseline", "15"), ("O1.2", "Target", "5"), ("O1.2", JAN18, "12 %"),
            ("O1.3", "Objective / key result", "Letters to the right recipient"), ("O1.3", "Kind", "percent"),
            ("O1.3", "Baseline", "96"), ("O1.3", "Target", "99"), ("O1.3", JAN18, "97,6 %"),
            ("O1.4", "Objective / key result", "Newsletter readers"), ("O1.4", "Kind", "count"),
            ("O1.4", "Target", "1.234"), ("O1.4", JAN18, "150"),
            ("O1.5", "Objective / key result", "Customer portal launched"), ("O1.5", "Kind", "milestone"),
            ("O1.5", "Due", "15.03.2027"), ("O1.5", JAN18, "40 %"),
        )),
    )),
    # The same in French settings into a Swedish workbook.
    "sv_typed_in_french_settings.xlsx": Scenario("sv/2027-Q1/production.xlsx", (
        Type(FR, rows(
            ("O1", TITLE, "Nöjdare kunder"), ("O1", ALIGNED, "S2"),
            ("O1.1", TITLE, "Snittorder 4,5 MSEK"), ("O1.1", KIND, "öka"),
            ("O1.1", UNIT, "MSEK"), ("O1.1", BASE, "3"), ("O1.1", TARGET, "4,5"),
            ("O1.1", JAN4, "3,2"), ("O1.1", JAN18, "3,75"),
            ("O1.2", TITLE, "Churn från 15 % till 5 %"), ("O1.2", KIND, "minska"),
            ("O1.2", UNIT, "%"), ("O1.2", BASE, "15"), ("O1.2", TARGET, "5"), ("O1.2", JAN18, "12 %"),
            ("O1.3", TITLE, "Brev till rätt mottagare"), ("O1.3", KIND, "procent"),
            ("O1.3", BASE, "96"), ("O1.3", TARGET, "99"), ("O1.3", JAN18, "97,6 %"),
            ("O1.4", TITLE, "Läsare av nyhetsbrevet"), ("O1.4", KIND, "antal"),
            ("O1.4", TARGET, "1 234"), ("O1.4", JAN18, "150"),
            ("O1.5", TITLE, "Kundportal lanserad"), ("O1.5", KIND, "milstolpe"),
            ("O1.5", DUE, "15/03/2027"), ("O1.5", JAN18, "40 %"),
        )),
    )),
    # The demo's workbooks, opened and saved by LibreOffice with nothing typed.
    "demo_marketing_resaved.xlsx": Scenario("demo/2027-Q1/marketing.xlsx"),
    "demo_sales_resaved.xlsx": Scenario("demo/2027-Q1/sales.xlsx"),
    "demo_production_resaved.xlsx": Scenario("demo/2027-Q1/production.xlsx"),
    # A Swedish team writes its initiatives on the Initiatives sheet, typed in Swedish settings on 11 January:
    # "15/3" becomes 2027-03-15; "Pågår" and "klar" in any case; two key results typed with a semicolon.
    "sv_initiatives.xlsx": Scenario("sv/2027-Q1/sales.xlsx", (
        Type(SV, rows(
            ("O1", TITLE, "Växa i Norge"), ("O1", ALIGNED, "S3"), ("O1", OWNER, "Fredrika"),
            ("O1.1", TITLE, "3 nya norska kunder"), ("O1.1", KIND, "antal"), ("O1.1", TARGET, "3"),
            ("O1.2", TITLE, "2 norska säljare anställda"), ("O1.2", KIND, "antal"), ("O1.2", TARGET, "2"),
        )),
        UseTable(("Initiativ", "Initiatives"), "initiatives"),
        Type(SV, rows(
            ("I1", "Initiativ", "Annonsera säljtjänster i Norge"), ("I1", "Ansvarig", "Fredrika"),
            ("I1", "Driver key result", "O1.2"), ("I1", "Läge", "Pågår"), ("I1", "Klart senast", "15/3"),
            ("I2", "Initiativ", "Mässa i Oslo"), ("I2", "Driver key result", "O1.1; O1.2"),
            ("I2", "Läge", "klar"), ("I2", "Klart senast", "2027-02-20"),
            ("I3", "Initiativ", "Kundträffar"), ("I3", "Driver key result", "O1"), ("I3", "Läge", "kanske"),
        )),
    )),
    # The same in English settings: "3/15" is month first there; "In progress" in its own case.
    "en_initiatives.xlsx": Scenario("en/2027-Q1/sales.xlsx", (
        Type(EN, rows(
            ("O1", "Objective / key result", "Grow in Norway"), ("O1", "Aligned to", "S3"), ("O1", "Owner", "Fredrika"),
            ("O1.1", "Objective / key result", "3 new Norwegian customers"), ("O1.1", "Kind", "count"),
            ("O1.1", "Target", "3"),
        )),
        UseTable(("Initiativ", "Initiatives"), "initiatives"),
        Type(EN, rows(
            ("I1", "Initiative", "Visit prospects in Oslo"), ("I1", "Owner", "Fredrika"),
            ("I1", "Serves key result", "O1.1"), ("I1", "State", "In progress"), ("I1", "Due", "3/15"),
            ("I2", "Initiative", "A Norwegian price list"), ("I2", "State", "planned"),
        )),
    )),
    # Personal OKRs (the example year's Q4 trial in Marketing): Lina fills in her empty personal workbook in
    # Swedish settings on 6 October 2027. Her O1 is aligned to the team's O1 with the dropdown's text, her O2 to
    # "O7", which the team does not have (`unknown-link` at that cell); "1,5" and "20 %" as values, "15/12"
    # a due date in 2027.
    "sv_personal.xlsx": Scenario("year-sv/2027-Q4/marketing/lina.xlsx", (
        Type(SV, rows(
            ("O1", TITLE, "Norska kunder berättar om oss"),
            ("O1", ALIGNED, "O1 – De norska säljarna får de leads de behöver"),
            ("O1.1", TITLE, "2 kundberättelser i norsk branschpress"), ("O1.1", KIND, "antal"),
            ("O1.1", TARGET, "2"), ("O1.1", "2027-10-04", "1"), ("O1.1", CONF, "i fas"),
            ("O1.2", TITLE, "3 kundfilmer på webbplatsen"), ("O1.2", KIND, "antal"), ("O1.2", TARGET, "3"),
            ("O1.2", "2027-10-04", "1,5"),
            ("O2", TITLE, "Lär mig norska"), ("O2", ALIGNED, "O7"),
            ("O2.1", TITLE, "Klara B1-provet i norska senast 15/12"), ("O2.1", KIND, "milstolpe"),
            ("O2.1", DUE, "15/12"), ("O2.1", "2027-10-04", "20 %"),
        )),
    ), today="2027-10-06"),
    # The same in English settings: Johan's workbook, aligned to a plain "O2"; "12/15" month first; "done".
    "en_personal.xlsx": Scenario("year-en/2027-Q4/marketing/johan.xlsx", (
        Type(EN, rows(
            ("O1", "Objective / key result", "Listen to our customers"), ("O1", "Aligned to", "O2"),
            ("O1.1", "Objective / key result", "200 customers answer the survey"), ("O1.1", "Kind", "count"),
            ("O1.1", "Target", "200"), ("O1.1", "2027-10-04", "40"),
            ("O1.2", "Objective / key result", "Survey results presented by 12/15"), ("O1.2", "Kind", "milestone"),
            ("O1.2", "Due", "12/15"), ("O1.2", "2027-10-04", "done"),
        )),
    ), today="2027-10-06"),
}
# fmt: on

# --- LibreOffice ----------------------------------------------------------------------------------

XLSX_FILTER = "Calc MS Excel 2007 XML"
OKR_SHEETS = ("OKR", "OKRs")


def props(**values) -> tuple:
    out = []
    for name, value in values.items():
        prop = PropertyValue()
        prop.Name, prop.Value = name, value
        out.append(prop)
    return tuple(out)


class Office:
    """A headless soffice with a profile of its own, at a faked date, reached over a pipe."""

    def __init__(self, today: str):
        self.profile = Path(tempfile.mkdtemp(prefix="okrxl-lo-"))
        pipe = f"okrxl-corpus-{os.getpid()}"
        command = ["soffice", f"-env:UserInstallation={self.profile.as_uri()}", "--headless", "--invisible",
                   "--norestore", "--nologo", f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"]  # fmt: skip
        self.process = subprocess.Popen(
            ["faketime", "-f", f"@{today} 09:00:00", *command], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(150):
            try:
                self.ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:  # not listening yet
                if self.process.poll() is not None:
                    break
                time.sleep(0.2)
        else:
            self.process.kill()
        if not hasattr(self, "ctx"):
            shutil.rmtree(self.profile, ignore_errors=True)
            raise RuntimeError("soffice did not start (are soffice and faketime installed?)")
        smgr = self.ctx.ServiceManager
        self.desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", self.ctx)
        self.config = smgr.createInstanceWithContext("com.sun.star.configuration.ConfigurationProvider", self.ctx)

    def set_locale(self, locale: str) -> None:
        """Tools > Options > Language Settings > Languages > Locale setting."""
        access = self.config.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationUpdateAccess", props(nodepath="/org.openoffice.Setup/L10N")
        )
        access.setPropertyValue("ooSetupSystemLocale", locale)
        access.commitChanges()

    def check_locales(self) -> None:
        """Typing "4,5" gives the number 4.5 in sv-SE, de-DE and fr-FR and the text '4,5' in en-US."""
        doc = self.desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, props(Hidden=True))
        cell = doc.Sheets.getByIndex(0).getCellByPosition(0, 0)
        for locale, expected in ((SV, ("VALUE", 4.5)), (EN, ("TEXT", 0.0)), (DE, ("VALUE", 4.5)), (FR, ("VALUE", 4.5))):
            self.set_locale(locale)
            cell.FormulaLocal = "4,5"
            if (cell.Type.value, cell.Value) != expected:
                raise RuntimeError(f"typing 4,5 in {locale} gave {cell.Type.value} {cell.String!r}")
        doc.close(True)

    def close(self) -> None:
        with contextlib.suppress(Exception):  # the bridge closes while terminating
            self.desktop.terminate()
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


class OkrSheet:
    """A sheet of the team's workbook and its table (the OKR table unless a step says another), its cells
    found by header text and by the ids in the Id column."""

    def __init__(self, office: Office, doc, sheets: tuple[str, ...] = OKR_SHEETS, table: str = "okrs"):
        self.office, self.doc, self.table = office, doc, table
        self.sheet = next(doc.Sheets.getByName(n) for n in sheets if doc.Sheets.hasByName(n))
        self.sheet.unprotect("")
        self.header_row = self.area.StartRow

    @property
    def area(self):
        """The table's cells with its header row (LibreOffice calls an Excel table a database range)."""
        return self.doc.DatabaseRanges.getByName(self.table).DataArea

    @property
    def columns(self) -> dict[str, int]:
        """Header text -> 0-based column, as the headers stand now (they can be retyped or deleted)."""
        area = self.area
        return {self._cell(area.StartRow, c).String: c for c in range(area.StartColumn, area.EndColumn + 1)}

    def _cell(self, row: int, col: int):
        return self.sheet.getCellByPosition(col, row)

    def row(self, name: str) -> int:
        """0-based row of `O1.2` or `O1.2+1`; searched below the table too."""
        if name == HEADER:
            return self.header_row
        item_id, _, offset = name.partition("+")
        cursor = self.sheet.createCursor()
        cursor.gotoEndOfUsedArea(False)
        id_col = self.columns["Id"]
        for row in range(self.header_row + 1, cursor.RangeAddress.EndRow + 1):
            if self._cell(row, id_col).String.strip() == item_id:
                return row + int(offset or 0)
        raise KeyError(f"no row with id {item_id!r}")

    def cell(self, row: str, header: str):
        return self._cell(self.row(row), self.columns[header])

    def type(self, row: str, header: str, text: str) -> None:
        self.cell(row, header).FormulaLocal = text

    def sort(self, header: str, *, ascending: bool) -> None:
        area = self.area
        table = self.sheet.getCellRangeByPosition(area.StartColumn, area.StartRow, area.EndColumn, area.EndRow)
        field = uno.createUnoStruct("com.sun.star.table.TableSortField")
        field.Field, field.IsAscending = self.columns[header] - area.StartColumn, ascending
        descriptor = []
        for prop in table.createSortDescriptor():
            if prop.Name == "SortFields":
                prop.Value = uno.Any("[]com.sun.star.table.TableSortField", (field,))
            elif prop.Name == "ContainsHeader":
                prop.Value = True
            descriptor.append(prop)
        uno.invoke(table, "sort", (uno.Any("[]com.sun.star.beans.PropertyValue", tuple(descriptor)),))

    def run(self, step) -> None:
        if isinstance(step, Type):
            self.office.set_locale(step.locale)
            for row, header, text in step.cells:
                self.type(row, header, text)
        elif isinstance(step, Paste):
            for row, header, text in step.cells:
                self.cell(row, header).setString(text)
        elif isinstance(step, Clear):
            for row, header in step.cells:
                self.cell(row, header).clearContents(VALUE | DATETIME | STRING | FORMULA)
        elif isinstance(step, InsertRow):
            self.sheet.Rows.insertByIndex(self.row(step.below) + 1, 1)
        elif isinstance(step, CopyRow):
            row = self.row(step.row)
            self.sheet.Rows.insertByIndex(row + 1, 1)
            source = self.sheet.getCellRangeByPosition(0, row, self.sheet.Columns.Count - 1, row).RangeAddress
            self.sheet.copyRange(self._cell(row + 1, 0).CellAddress, source)
        elif isinstance(step, DeleteRow):
            self.sheet.Rows.removeByIndex(self.row(step.row), 1)
        elif isinstance(step, DeleteColumn):
            self.sheet.Columns.removeByIndex(self.columns[step.header], 1)
        elif isinstance(step, SortTable):
            self.sort(step.header, ascending=step.ascending)
        else:
            raise TypeError(step)


def make(scenario: Scenario, inputs: Path, out: Path) -> None:
    office = Office(scenario.today)
    source = office.profile / "input.xlsx"  # a copy: soffice leaves lock files beside what it opens
    shutil.copyfile(inputs / scenario.source, source)
    try:
        office.check_locales()
        doc = office.desktop.loadComponentFromURL(source.as_uri(), "_blank", 0, props(Hidden=True))
        if scenario.steps:
            okrs = sheet = OkrSheet(office, doc)
            for step in scenario.steps:
                if isinstance(step, UseTable):
                    sheet = OkrSheet(office, doc, step.sheets, step.table)
                else:
                    sheet.run(step)
            okrs.sheet.protect("")  # as it came: protected, without a password (the Initiatives sheet is not)
        doc.storeToURL(out.resolve().as_uri(), props(FilterName=XLSX_FILTER, Overwrite=True))
        doc.close(True)
    finally:
        office.close()
    if not out.exists():
        raise RuntimeError(f"LibreOffice wrote no {out}")
    _pin_save_time(out, scenario.today)


def _pin_save_time(path: Path, today: str) -> None:
    """Stamp the file as saved at 09:00 on `today`, so that the same scenario gives the same bytes.

    The faked clock runs from 09:00:00, so LibreOffice's "modified" date and the zip entries' times
    depend on how many seconds the typing took.
    """
    stamp = tuple(int(part) for part in today.split("-")) + (9, 0, 0)
    with zipfile.ZipFile(path) as original:
        members = [(info, original.read(info)) for info in original.infolist()]
    with zipfile.ZipFile(path, "w") as pinned:
        for info, data in members:
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + f"{today}T09:00:00Z".encode(), data)
            pinned_info = zipfile.ZipInfo(info.filename, date_time=stamp)
            pinned_info.compress_type, pinned_info.external_attr = zipfile.ZIP_DEFLATED, info.external_attr
            pinned.writestr(pinned_info, data)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", type=Path, help="folder with sv/, en/ and demo/ made by okrxl")
    parser.add_argument("out", type=Path, help="where the typed workbooks go (tests/files/typed)")
    parser.add_argument("names", nargs="*", help="only these files (default: all)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for name in args.names or SCENARIOS:
        make(SCENARIOS[name], args.inputs, args.out / name)
        print(f"written {args.out / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
