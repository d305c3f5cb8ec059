"""The team sheet's live formulas: Current, Score and Status as okrxl computes them, or `?`.

A team looks at its own sheet between two meetings, and what the sheet shows must be what the
report will show. These formulas follow okrxl.core.scoring and the reading rules of okrxl.excel.cells for
every entry a formula can read exactly: numbers, cells formatted as percent, done and not-done
words, placeholder targets, real dates, check-in headers as dates or ISO text, the newest-dated
check-in wherever its column stands. For an entry only okrxl can read (text where a number or a
date belongs, an implausible date, a row okrxl refuses, a row without an id, a row the sheet's
formulas do not reach) the sheet shows the marker `?` and "run okrxl check" instead of a number.
docs/workbooks.md lists each case; tests/test_sheet_agrees.py checks the formulas against
okrxl in LibreOffice.

Every builder takes the cells it needs as A1 references and returns formula text without the
leading `=`. Only Excel 2007 functions are used (no LET, no _xlfn), and no IF inside an array
expression, so the formulas work in Excel, LibreOffice and Google Sheets alike.

The helpers a formula needs live in hidden places: one row above the table header holds each
check-in column's date as okrxl reads it (`header_date`), hidden columns right of the table hold
each check-in value, the baseline and the target as okrxl reads them (`check_in_value`,
`baseline_value`, `target_value`) and the newest usable check-in date
(`newest_date`); two hidden table columns mirror each key result's score and status, so that an
objective's formulas can gather its key results by id without referring to their own cells.
"""

from __future__ import annotations

import datetime as dt

from okrxl.core.model import Lang, Method, Period
from okrxl.core.scoring import TOLERANCE, Status
from okrxl.excel import layout
from okrxl.excel.cells import PERCENT_CELL_LIMIT, PLAUSIBLE_DAYS

MARKER = "?"
"""What Current and Score show where only okrxl can read the entry."""
EPSILON = f"{TOLERANCE:.9f}"
TODAY = layout.NAME_TODAY
ELAPSED = layout.NAME_ELAPSED
PERIOD_END = layout.NAME_PERIOD_END
UNSURE = layout.NAME_UNSURE

_EXCEL_EPOCH = dt.date(1899, 12, 30)


def date(day: dt.date) -> str:
    """A date in a formula: DATE(y,m,d), right in the 1900 and the 1904 date system alike."""
    return f"DATE({day.year},{day.month},{day.day})"


def serial(day: dt.date) -> int:
    """Excel's serial number of a date (1900 date system)."""
    return (day - _EXCEL_EPOCH).days


def _array(words) -> str:
    """An array constant of words: {"ja","klar",...}."""
    return "{" + ",".join(f'"{w}"' for w in sorted(words)) + "}"


NAME_DONE, NAME_NOT_DONE, NAME_PLACEHOLDERS = "okrxl_done", "okrxl_not_done", "okrxl_placeholders"
NAME_SAID_BEHIND, NAME_SAID_AT_RISK = "okrxl_said_behind", "okrxl_said_at_risk"


def word_names() -> list[tuple[str, str]]:
    """(defined name, array constant) of the word lists the formulas compare with, in lower case."""
    # The words okrxl.excel.workbook_reader reads to each confidence: the dropdown's, the enum values, older words.
    said = {c: {*(w.casefold() for w in words), c.value} for c, words in layout.CONFIDENCE_WORDS.items()}
    for word, confidence in layout.OLDER_CONFIDENCE_WORDS.items():
        said[confidence].add(word)
    return [
        (NAME_DONE, _array(layout.DONE_WORDS)),
        (NAME_NOT_DONE, _array(layout.NOT_DONE_WORDS)),
        (NAME_PLACEHOLDERS, _array(layout.PLACEHOLDER_WORDS)),
        (NAME_SAID_BEHIND, _array(said[layout.Confidence.BEHIND])),
        (NAME_SAID_AT_RISK, _array(said[layout.Confidence.AT_RISK])),
    ]


def _is_percent_cell(cell: str) -> str:
    return f'LEFT(CELL("format",{cell}),1)="P"'


def _is_word(cell: str, name: str) -> str:
    """The cell's text, in any case and spacing, is one of the words behind the defined name."""
    return f"OR(LOWER(TRIM({cell}))={name})"


def _percent_points(cell: str) -> str:
    """The percent a percent cell shows, rounded to 10 significant digits as okrxl.excel.cells.percent_points_of."""
    return f"IF({cell}=0,0,ROUND({cell}*100,7-INT(LOG10(ABS({cell})))))"


def _number(cell: str) -> str:
    """A number cell's value in percent points where the cell shows a percent (up to 1000 %)."""
    return f"IF(AND({_is_percent_cell(cell)},ABS({cell})<={PERCENT_CELL_LIMIT}),{_percent_points(cell)},{cell})"


def _completion(cell: str) -> str:
    """A number as a share done: a percent cell shows it (above 1000 %, percent points), another cell holds
    a share up to 1 and percent points above; beyond 100 % it is unreadable (okrxl.excel.cells.read_completion)."""
    percent, limit = _is_percent_cell(cell), PERCENT_CELL_LIMIT
    return (
        f'IF(OR({cell}<0,{cell}>100,AND({percent},{cell}>1,{cell}<={limit})),"{MARKER}",'
        f"IF({cell}<=IF({percent},{limit},1),{cell},{cell}/100))"
    )


def is_completion(kind_no: str) -> str:
    """The row's kind is milestone or binary (kind numbers 5 and 6, layout.KIND_WORDS)."""
    return f"OR({kind_no}=5,{kind_no}=6)"


def check_in_value(cell: str, kind_no: str) -> str:
    """The hidden helper beside each check-in: its value as okrxl reads it for the row's kind;
    "" when empty, `?` when a formula cannot read it."""
    completion = is_completion(kind_no)
    words = f'IF({_is_word(cell, NAME_DONE)},1,IF({_is_word(cell, NAME_NOT_DONE)},0,"{MARKER}"))'
    return (
        f'IF({cell}="","",IF(ISNUMBER({cell}),IF({completion},{_completion(cell)},{_number(cell)}),'
        f'IF({completion},IF(ISLOGICAL({cell}),IF({cell},1,0),{words}),"{MARKER}")))'
    )


def baseline_value(cell: str) -> str:
    """The baseline as okrxl reads it; "" when empty, `?` for text."""
    return f'IF({cell}="","",IF(ISNUMBER({cell}),{_number(cell)},"{MARKER}"))'


def target_value(cell: str) -> str:
    """The target as okrxl reads it; "" when empty or a placeholder (X, TBD, ...), `?` for other text."""
    placeholder = f"AND(ISTEXT({cell}),{_is_word(cell, NAME_PLACEHOLDERS)})"
    return f'IF(OR({cell}="",{placeholder}),"",IF(ISNUMBER({cell}),{_number(cell)},"{MARKER}"))'


def header_date(header: str, earlier: str | None, period: Period) -> str:
    """A check-in column's date: its date serial when used, 0 when dated outside the period (not used),
    -1 when okrxl cannot use it (not a date, implausible, or a second column of the same date).

    `earlier` is the range of the header dates to its left (None for the first check-in column).
    """
    parsed = (
        f"IF(ISNUMBER({header}),INT({header}),"
        f"IFERROR(DATE(VALUE(LEFT({header},4)),VALUE(MID({header},6,2)),VALUE(MID({header},9,2))),-1))"
    )
    start, end = date(period.start), date(period.end)
    duplicate = f"COUNTIF({earlier},{parsed})>0" if earlier else "FALSE"
    return (
        f"IF(OR({parsed}<{start}-{PLAUSIBLE_DAYS},{parsed}>{end}+{PLAUSIBLE_DAYS}),-1,"
        f"IF(OR({parsed}<{start},{parsed}>{end}),0,IF({duplicate},-1,{parsed})))"
    )


def _used(dates: str) -> str:
    """1 for each check-in column okrxl uses at today: dated inside the period, on or before today."""
    return f"({dates}>0)*({dates}<={TODAY})"


def newest_date(dates: str, values: str) -> str:
    """The date of the newest check-in with a value, up to today; 0 when there is none."""
    return f"SUMPRODUCT(MAX({_used(dates)}*ISNUMBER({values})*{dates}))"


def current(*, kind: str, dates: str, values: str, newest: str) -> str:
    """The newest check-in's value; `?` when a check-in that counts cannot be read by a formula."""
    unreadable = f'SUMPRODUCT(({dates}=-1)*({values}<>"")+{_used(dates)}*({values}="{MARKER}"))>0'
    return (
        f'IFERROR(IF({kind}="","",IF({unreadable},"{MARKER}",'
        f'IF({newest}=0,"",INDEX({values},MATCH({newest},{dates},0))))),"{MARKER}")'
    )


def score(*, kind: str, title: str, kind_no: str, baseline: str, target: str, current: str,
          dates: str, values: str, refused: str) -> str:  # fmt: skip
    """okrxl.core.scoring.score_key_result; "" when unscored; `?` where okrxl refuses the row or reads it otherwise."""
    b, t, c, k = baseline, target, current, kind_no
    # increase, decrease, count, percent: refused when there is nothing to measure or it runs the wrong way
    wrong_way = f"OR({t}=N({b}),AND({k}=1,{t}<N({b})),AND({k}=2,{t}>N({b})))"
    metric = (
        f'IF(OR({b}="{MARKER}",{t}="{MARKER}"),"{MARKER}",IF(OR({t}="",AND({k}=2,{b}="")),"",'
        f'IF({wrong_way},"{MARKER}",IF({c}="",0,MAX(0,MIN(1,({c}-N({b}))/({t}-N({b}))))))))'
    )
    completion = f'IF({c}="",0,{c})'
    counted = f"{_used(dates)}*ISNUMBER({values})"
    kept = f"(({k}=7)*({values}>={t})+({k}=8)*({values}<={t}))"
    maintain = (
        f'IF({t}="{MARKER}","{MARKER}",IF({t}="","",'
        f"IF(SUMPRODUCT({counted})=0,0,SUMPRODUCT({counted}*{kept})/SUMPRODUCT({counted}))))"
    )
    return (
        f'IFERROR(IF({kind}="",IF({title}="","","{MARKER}"),'
        f'IF(OR({k}=0,{title}="",{c}="{MARKER}",{refused}),"{MARKER}",'
        f'IF({k}<=4,{metric},IF({k}<=6,{completion},{maintain})))),"{MARKER}")'
    )


def status_word(status: Status, lang: Lang) -> str:
    return layout.STATUS_WORDS[status](lang)


def unknown_word(lang: Lang) -> str:
    return layout.UNKNOWN_STATUS(lang)


def status(*, kind: str, title: str, kind_no: str, score: str, current: str, due: str, confidence: str,
           dates: str, values: str, method: Method, period: Period, lang: Lang) -> str:  # fmt: skip
    """okrxl.core.scoring.key_result_status against today (the defined name okrxl_today)."""
    word = {s: f'"{status_word(s, lang)}"' for s in Status}
    unknown = f'"{unknown_word(lang)}"'
    s, c, k = score, current, kind_no
    completion = is_completion(k)
    start, end = date(period.start), date(period.end)
    due_unreadable = (
        f'AND({due}<>"",OR(NOT(ISNUMBER({due})),{due}<{start}-{PLAUSIBLE_DAYS},{due}>{end}+{PLAUSIBLE_DAYS}))'
    )
    due_day = f"IF(ISNUMBER({due}),{due},{PERIOD_END})"
    # The confidence belongs to the newest check-in with an entry; one dated after today does not count yet.
    newest_entry = f'SUMPRODUCT(MAX(({dates}>0)*({values}<>"")*{dates}))'
    by_confidence = (
        f"IF({newest_entry}>{TODAY},{word[Status.ON_TRACK]},"
        f"IF({_is_word(confidence, NAME_SAID_BEHIND)},{word[Status.BEHIND]},"
        f"IF({_is_word(confidence, NAME_SAID_AT_RISK)},{word[Status.AT_RISK]},{word[Status.ON_TRACK]})))"
    )
    expected = f"IF({k}>=7,1,{ELAPSED})"
    by_pace = (
        f"IF({s}>={expected}-{EPSILON},{word[Status.ON_TRACK]},"
        f"IF({s}>={method.behind_share}*{expected}-{EPSILON},{word[Status.BEHIND]},{word[Status.AT_RISK]}))"
    )
    silent = f"IF({ELAPSED}<{method.not_started_share},{word[Status.NOT_STARTED]},{word[Status.AT_RISK]})"
    paced = f'IF({c}="",{silent},IF({completion},{by_confidence},{by_pace}))'
    return (
        f'IFERROR(IF({kind}="",IF({title}="","",{unknown}),IF({s}="{MARKER}",{unknown},IF({s}="",{word[Status.UNSCORED]},'
        f"IF(AND({s}>=1-{EPSILON},OR({k}<7,{TODAY}>={PERIOD_END})),{word[Status.DONE]},"
        f"IF(AND({completion},{due_unreadable}),{unknown},"
        f"IF(AND({completion},{TODAY}>{due_day}),{word[Status.OVERDUE]},{paced})))))),{unknown})"
    )


def repeated(*, row_id: str, ids_above: str) -> str:
    """TRUE when a row above has the same id: okrxl reads the first and refuses this one."""
    return f"SUMPRODUCT(--({ids_above}={row_id}))>0"


def orphan(*, row_id: str, ids: str, titles: str) -> str:
    """TRUE when the key result's objective (`O1` of `O1.2`) has no row with a title: okrxl refuses the row."""
    parent = f'LEFT({row_id},FIND(".",{row_id})-1)'
    return f'IFERROR(SUMPRODUCT(({ids}={parent})*({titles}<>""))=0,FALSE)'


def kr_score_mirror(score_cell: str) -> str:
    """A key result's score for its objective's formulas; `-` for no score (so an empty mirror means no formula)."""
    return f'IF({score_cell}="","-",{score_cell})'


def _members(ids: str, objective_id: str) -> str:
    """1 for each row whose id is a key result id of the objective (`O1.2` of `O1`), wherever it stands."""
    return f'(LEFT({ids},LEN({objective_id})+1)={objective_id}&".")'


def _weights(weights: str) -> str:
    """A weight cell's weight: empty is 1."""
    return f'({weights}+({weights}=""))'


def objective_score(*, objective_id: str, title: str, ids: str, kinds: str, scores: str, weights: str,
                    repeated: str) -> str:  # fmt: skip
    """The weighted mean of the objective's scored key results (okrxl.core.scoring.assess_objective)."""
    members = _members(ids, objective_id)
    counted = f"{members}*ISNUMBER({scores})*{_weights(weights)}"
    return (
        f'IF({title}="",IF(SUMPRODUCT({members}*({kinds}<>""))>0,"{MARKER}",""),'
        f'IF(OR({UNSURE}>0,{repeated},SUMPRODUCT({members}*({scores}="{MARKER}"))>0),"{MARKER}",'
        f'IFERROR(SUMPRODUCT({counted},{scores})/SUMPRODUCT({counted}),"")))'
    )


def objective_status(*, objective_id: str, title: str, ids: str, kinds: str, statuses: str, repeated: str,
                     lang: Lang) -> str:  # fmt: skip
    """The worst status among the objective's key results (okrxl.core.scoring.worst_status)."""
    members = _members(ids, objective_id)
    unknown = f'"{unknown_word(lang)}"'
    formula = f'"{status_word(Status.UNSCORED, lang)}"'
    for status_ in sorted((s for s in Status if s.rank is not None), key=lambda s: s.rank, reverse=True):
        word = f'"{status_word(status_, lang)}"'
        formula = f"IF(SUMPRODUCT({members}*({statuses}={word}))>0,{word},{formula})"
    return (
        f'IF({title}="",IF(SUMPRODUCT({members}*({kinds}<>""))>0,{unknown},""),'
        f"IF(OR({UNSURE}>0,{repeated},SUMPRODUCT({members}*({statuses}={unknown}))>0),{unknown},{formula}))"
    )


def team_score(*, ids: str, scores: str, weights: str) -> str:
    """The weighted mean of the objective scores (okrxl.core.scoring.assess_team)."""
    objectives = f'ISERROR(FIND(".",{ids}))*({ids}<>"")'
    counted = f"{objectives}*ISNUMBER({scores})*{_weights(weights)}"
    return (
        f'IF(OR({UNSURE}>0,SUMPRODUCT({objectives}*({scores}="{MARKER}"))>0),"{MARKER}",'
        f'IFERROR(SUMPRODUCT({counted},{scores})/SUMPRODUCT({counted}),""))'
    )


def unsure(*, ids: str, kinds: str, mirrors: str, weights: str, last_row: str, below: str) -> str:
    """The defined name okrxl_unsure: more than 0 when the sheet cannot know how okrxl groups its rows.

    It counts key result rows without an id (okrxl gives them one by position), rows with a kind but
    no formulas (inserted rows, which LibreOffice does not fill), weights that are text or negative,
    and entries typed just below the table (okrxl reads them; the table's formulas do not reach them).
    `below` is the range from the table's last row to the row under it, so that a row inserted under
    the table widens it; `last_row` is the table's last row alone.
    """
    return (
        f'SUMPRODUCT(({kinds}<>"")*({ids}=""))+SUMPRODUCT(({kinds}<>"")*({mirrors}=""))'
        f'+SUMPRODUCT(ISTEXT({weights})*1)+COUNTIF({weights},"<0")'
        f"+COUNTA({below})-COUNTA({last_row})"
    )
