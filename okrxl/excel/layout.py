"""The workbook contract, imported by both the writers and the readers so they cannot drift apart.

Sheet names, table names, column keys, defined names, the schema version and the fixed
vocabulary (kinds, commitments, confidence, statuses) in both languages. Data is found by table
name plus header text, never by a fixed address. The words a person reads (headers, titles,
instructions) come from the template (:mod:`okrxl.excel.template`); the ones okrxl must understand
when it reads a file back are fixed here, and the reader accepts both languages.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from typing import Literal

from okrxl.core.model import INITIATIVE_STATE_WORDS as INITIATIVE_STATE_WORDS  # the dropdown's words live in the core
from okrxl.core.model import LANGS as LANGS  # the languages live in the core; re-exported for the workbooks
from okrxl.core.model import (
    Carried,
    Commitment,
    Confidence,
    InitiativeState,
    KeyResultKind,
    Lang,
    Quarter,
    Side,
    Strategy,
)
from okrxl.core.scoring import CONFIDENCE_WORDS as CONFIDENCE_WORDS  # the method's words live in the core
from okrxl.core.scoring import STATUS_WORDS as STATUS_WORDS
from okrxl.core.words import Words as Words

SCHEMA_VERSION = 1


# Sheets. The reader finds a sheet by any of its names.
SHEET_INSTRUCTIONS = Words("Instruktioner", "Instructions")
SHEET_OKRS = Words("OKR", "OKRs")
SHEET_INITIATIVES = Words("Initiativ", "Initiatives")
SHEET_STRATEGY = Words("Strategi", "Strategy")
SHEET_SETTINGS = Words("Inställningar", "Settings")
SHEET_TEAMS = Words("Team", "Teams")
SHEET_PEOPLE = Words("Personer", "People")
SHEET_TEAM_OKRS = Words("Teamets OKR", "Team OKRs")
"""In a personal workbook: the team's objectives and key results, read-only, which the person's align to."""
SHEET_STRATEGIC_OKRS = Words("Strategiska OKR", "Strategic OKRs")
SHEET_LISTS = Words("Listor", "Lists")
SHEET_LAST_QUARTER = Words("Förra kvartalet", "Last quarter")
SHEET_META = "okrxl"
"""The hidden sheet with the workbook's metadata: schema, kind of workbook, team, quarter, fingerprint."""

# Tables (Excel ListObjects): names are the same in both languages.
TABLE_OKRS = "okrs"
TABLE_INITIATIVES = "initiatives"
TABLE_SETTINGS = "settings"
TABLE_TEAMS = "teams"
TABLE_PEOPLE = "people"
TABLE_STRATEGIC_OKRS = "strategic_okrs"
TABLE_META = "okrxl_meta"

# Defined names (workbook scope).
NAME_KINDS = "okrxl_kinds"
NAME_COMMITMENTS = "okrxl_commitments"
NAME_CONFIDENCES = "okrxl_confidences"
NAME_OBJECTIVES = "okrxl_objectives"
NAME_KEY_RESULTS = "okrxl_key_results"
NAME_INITIATIVE_STATES = "okrxl_initiative_states"
NAME_TEAM_KEY_RESULTS = "okrxl_team_key_results"
"""The ids of the key results a team has written in its OKR table (formulas on the lists sheet follow it)."""
NAME_TEAM_IDS = "okrxl_team_ids"
"""In the strategy workbook: the id column of the Teams table, the People sheet's team dropdown."""
NAME_PERIOD_START = "okrxl_period_start"
NAME_PERIOD_END = "okrxl_period_end"
NAME_ELAPSED = "okrxl_elapsed"
"""The elapsed share of the quarter at okrxl_today, clamped to [0, 1]: METHOD.md's `t`."""
NAME_UNSURE = "okrxl_unsure"
"""More than 0 when the sheet cannot know how okrxl groups its rows (okrxl.excel.sheet_formulas.unsure)."""
NAME_TODAY = "okrxl_today"
"""`=TODAY()`: the date the status formulas pace against (a fixed date in tests)."""

# Metadata keys on the hidden sheet.
META_SCHEMA = "schema"
META_WORKBOOK = "workbook"  # "team" or "strategy"
META_TEAM = "team"
META_PERSON = "person"
"""In a personal workbook: the person's id (the team is META_TEAM)."""
META_QUARTER = "quarter"
META_FINGERPRINT = "strategy_fingerprint"
META_LANG = "lang"
META_HEADER_PREFIX = "header."  # header.<column key> = the header text this workbook uses

WORKBOOK_TEAM = "team"
WORKBOOK_PERSONAL = "personal"
"""A person's own OKRs (METHOD.md, "Personal OKRs"): laid out as a team workbook, aligned to the team's."""
WORKBOOK_STRATEGY = "strategy"


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    """Stable key, used in code, the template and the metadata."""
    role: Literal["text", "number", "date", "choice", "formula", "check-in"]
    input: bool = True
    """False for okrxl's formula cells, which are locked."""


# The team workbook's OKR table, left to right. Check-in columns (one per date) go where CHECK_INS is.
# What a page needs most comes first; the rarer columns follow. Every column up to PRINTED_UNTIL prints.
CHECK_INS = "check_ins"
TEAM_COLUMNS: tuple[Column, ...] = (
    Column("id", "text"),
    Column("title", "text"),
    Column("kind", "choice"),
    Column("commitment", "choice"),
    Column("aligned_to", "choice"),
    Column("owner", "text"),
    Column("unit", "text"),
    Column("baseline", "number"),
    Column("target", "number"),
    Column("due", "date"),
    Column(CHECK_INS, "check-in"),
    Column("current", "formula", input=False),
    Column("score", "formula", input=False),
    Column("status", "formula", input=False),
    Column("confidence", "choice"),
    Column("carried", "text"),
    Column("note", "text"),
    Column("feeds", "choice"),
    Column("also_aligned_to", "choice"),
    Column("weight", "number"),
    Column("depends_on", "text"),
    Column("needed_by", "date"),
    Column("miss_reason", "text"),
    Column("comment", "text"),
    Column("kind_no", "formula", input=False),
    Column("kr_score", "formula", input=False),
    Column("kr_status", "formula", input=False),
)
"""The last three are hidden helpers: `kind_no` the kind as a number 1-8, so that the score and status
formulas stay short; `kr_score` and `kr_status` a key result's score and status again, which an
objective's formulas gather by id (okrxl.excel.sheet_formulas)."""
HIDDEN_KEYS = ("kind_no", "kr_score", "kr_status")
PRINTED_UNTIL = "comment"
PAGE_STARTS = ("kind", CHECK_INS, "carried", "miss_reason")
"""Where a printed page of the OKR table begins when the columns do not fit on one page wide (the id and
the title are on every page): the plan, the check-ins with what they show, the team's view and the links,
the quarter's close. A group that does not fit on a page of its own goes on over the next."""
FORMULA_KEYS = frozenset(c.key for c in TEAM_COLUMNS if not c.input)

# The team workbook's initiatives table, left to right (METHOD.md, "Initiatives"): every column is input.
INITIATIVE_COLUMNS: tuple[Column, ...] = (
    Column("id", "text"),
    Column("title", "text"),
    Column("owner", "text"),
    Column("serves", "choice"),
    Column("state", "choice"),
    Column("due", "date"),
    Column("note", "text"),
    Column("carried", "text"),
)
INITIATIVE_LABELS: dict[str, str] = {
    "id": "id", "title": "initiative", "owner": "owner", "serves": "serves", "state": "state", "due": "due",
    "note": "initiative_note", "carried": "carried",
}  # fmt: skip
"""The template's label (the header a person reads) of each initiative column: the title and the note are
headed otherwise than in the OKR table; the others share its labels."""
INITIATIVE_ROOM = 15
"""Rows a team workbook provisions for initiatives (`I1` ... `I15`); a team may add more below."""

STRATEGIC_COLUMNS: tuple[Column, ...] = (
    Column("id", "text"),
    Column("title", "text"),
    Column("kind", "choice"),
    Column("commitment", "choice"),
    Column("owner", "text"),
    Column("unit", "text"),
    Column("baseline", "number"),
    Column("target", "number"),
    Column("weight", "number"),
    Column(CHECK_INS, "check-in"),
)

TEAMS_COLUMNS: tuple[Column, ...] = (Column("id", "text"), Column("name", "text"), Column("lead", "text"))
PEOPLE_COLUMNS: tuple[Column, ...] = (Column("id", "text"), Column("name", "text"), Column("team", "text"))
"""The strategy's People sheet: who may set personal OKRs, and in which team (its id)."""

# The settings of a strategy workbook, in order: key, and the label a person reads.
SETTINGS: tuple[tuple[str, Words], ...] = (
    ("company", Words("Företag", "Company")),
    ("vision", Words("Vision", "Vision")),
    ("mission", Words("Mission", "Mission")),
    ("year", Words("År", "Year")),
    ("first_month", Words("Årets första månad (1-12)", "First month of the year (1-12)")),
    ("cadence_weeks", Words("Veckor mellan avstämningar (1, 2 eller 4)", "Weeks between check-ins (1, 2 or 4)")),
    ("aspirational_yellow", Words("Ambitiös: gul från", "Aspirational: yellow from")),
    ("aspirational_green", Words("Ambitiös: grön från", "Aspirational: green from")),
    ("committed_yellow", Words("Åtagande: gul från", "Committed: yellow from")),
    ("behind_share", Words("Efter: andel av förväntat", "Behind: share of expected")),
    ("not_started_share", Words("Ej påbörjad: andel av perioden", "Not started: share of the period")),
    ("stale_cadences", Words("Inaktuell efter (avstämningar)", "Stale after (check-ins)")),
    ("max_objectives", Words("Högst antal objectives", "Most objectives")),
    ("min_key_results", Words("Minst antal key results", "Fewest key results")),
    ("max_key_results", Words("Högst antal key results", "Most key results")),
    ("personal_okrs", Words("Personliga OKR (ja/nej)", "Personal OKRs (yes/no)")),
    ("print_personal_scores", Words("Skriv ut personliga poäng (ja/nej)", "Print personal scores (yes/no)")),
)
YES_WORDS = frozenset({"ja", "yes", "j", "y", "sant", "true", "på", "on", "1", "x", "✓"})
NO_WORDS = frozenset({"nej", "no", "n", "falskt", "false", "av", "off", "0", "-"})
"""What a yes/no setting is read as, in lower case (an empty cell is no); okrxl writes ja/nej or yes/no."""
BOOLEAN_SETTINGS = ("personal_okrs", "print_personal_scores")


# The fixed vocabulary. The first word of each is what okrxl writes; all are accepted when read.
KIND_WORDS: dict[str, tuple[KeyResultKind, Side, Words]] = {
    "increase": (KeyResultKind.INCREASE, Side.AT_LEAST, Words("öka", "increase")),
    "decrease": (KeyResultKind.DECREASE, Side.AT_LEAST, Words("minska", "decrease")),
    "count": (KeyResultKind.COUNT, Side.AT_LEAST, Words("antal", "count")),
    "percent": (KeyResultKind.PERCENT, Side.AT_LEAST, Words("procent", "percent")),
    "milestone": (KeyResultKind.MILESTONE, Side.AT_LEAST, Words("milstolpe", "milestone")),
    "binary": (KeyResultKind.BINARY, Side.AT_LEAST, Words("ja/nej", "binary")),
    "maintain-at-least": (KeyResultKind.MAINTAIN, Side.AT_LEAST, Words("behåll minst", "maintain at least")),
    "maintain-at-most": (KeyResultKind.MAINTAIN, Side.AT_MOST, Words("behåll högst", "maintain at most")),
}
COMMITMENT_WORDS: dict[Commitment, Words] = {
    Commitment.ASPIRATIONAL: Words("ambitiös", "aspirational"),
    Commitment.COMMITTED: Words("åtagande", "committed"),
}
OLDER_CONFIDENCE_WORDS: dict[str, Confidence] = {
    "off track": Confidence.AT_RISK,
    "off-track": Confidence.AT_RISK,
    "efter": Confidence.AT_RISK,
    "risk": Confidence.BEHIND,
}
"""The older confidence list (on track / at risk / off track; i fas / risk / efter), still read, in lower case.

Its "at risk" meant behind; that word now means at risk, as in the status words, so it is not listed here.
"""
INITIATIVE_STATE_VOCABULARY: dict[str, InitiativeState] = {
    **{word.casefold(): state for state, words in INITIATIVE_STATE_WORDS.items() for word in words},
    **{state.value: state for state in InitiativeState},
    "planerat": InitiativeState.PLANNED,
    "ongoing": InitiativeState.IN_PROGRESS,
    "påbörjad": InitiativeState.IN_PROGRESS,
    "påbörjat": InitiativeState.IN_PROGRESS,
    "pågående": InitiativeState.IN_PROGRESS,
    "klart": InitiativeState.DONE,
    "avbrutet": InitiativeState.DROPPED,
    "stoppad": InitiativeState.DROPPED,
    "stoppat": InitiativeState.DROPPED,
}
"""The words read as an initiative's state, in lower case with single spaces: the dropdown's in both languages
(planerad / planned, pågår / in progress, klar / done, avbruten / dropped), `in-progress`, and the ones people
type instead."""
UNKNOWN_STATUS = Words("? kör okrxl check", "? run okrxl check")
"""What a Status cell of the team sheet shows where only okrxl can read the entries (okrxl.excel.sheet_formulas)."""
DONE_WORDS = frozenset({"ja", "klar", "klart", "yes", "done", "x", "✓", "true", "sant", "y", "j"})
NOT_DONE_WORDS = frozenset({"nej", "no", "not done", "ej klar", "false", "falskt", "n"})
PLACEHOLDER_WORDS = frozenset({"x", "tbd", "?", "??", "-", "n/a", "tbc", "okänt", "okänd"})


def kind_word(kind: KeyResultKind, side: Side, lang: Lang) -> str:
    for kind_, side_, words in KIND_WORDS.values():
        if kind_ is kind and (kind is not KeyResultKind.MAINTAIN or side_ is side):
            return words(lang)
    raise KeyError(kind)


def carried_text(carried: Carried) -> str:
    """`2027-Q1 O1.2: 0.35`: where a carried-over item came from and its final score there (4 decimals).

    An initiative has no score: `2027-Q1 I2` (see `carried_initiative_text`)."""
    score = "–" if carried.score is None else f"{carried.score:.4f}".rstrip("0").rstrip(".")
    return f"{carried.quarter} {carried.id}: {score}"


def carried_initiative_text(carried: Carried) -> str:
    """`2027-Q1 I2`: the initiative of last quarter a carried-over one is; `parse_carried` reads it back."""
    return f"{carried.quarter} {carried.id}"


_CARRIED = re.compile(r"^\s*(\d{4}\s*-?\s*[qQ][1-4])\s+([A-Za-z]\d+(?:\.\d+)?)\s*(?::\s*([-–]|\d+(?:[.,]\d+)?))?\s*$")


def parse_carried(text: str) -> Carried | None:
    """The inverse of `carried_text`; None when `text` is not of that form."""
    match = _CARRIED.match(text)
    if not match:
        return None
    score = None if match[3] in (None, "-", "–") else float(match[3].replace(",", "."))
    return Carried(quarter=Quarter.parse(match[1]), id=match[2].upper(), score=score)


def choice_label(item_id: str, title: str) -> str:
    """What a dropdown shows for a strategic objective or key result: `S1 – title`."""
    return f"{item_id} – {title}"


def strategy_fingerprint(strategy: Strategy) -> str:
    """12 hex digits that change when the strategy's structure changes, not when check-ins are added."""
    canonical = {
        "company": strategy.company,
        "year": strategy.year,
        "first_month": strategy.first_month,
        "teams": [[t.id, t.name] for t in strategy.teams],
        "objectives": [
            [
                o.id,
                o.title,
                [
                    [kr.id, kr.title, str(kr.kind), None if kr.target is None else float(kr.target)]
                    for kr in o.key_results
                ],
            ]
            for o in strategy.objectives
        ],
    }
    text = json.dumps(canonical, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
