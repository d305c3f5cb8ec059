"""Reading a set of workbooks together: the strategy, the teams' files of one quarter, and what is
wrong between them (a missing team, two files for one team, a file of another quarter).

One broken file never stops the others from being read: it becomes a result with its message.
"""

from __future__ import annotations

import collections
import datetime as dt
import xml.parsers.expat
import zipfile
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import ParseError

from okrxl.core.alignment import Gap, GapCode, find_gaps, latest_scheduled_check_in, link_gaps, personal_gaps
from okrxl.core.model import Quarter, Strategy, TeamQuarter, plan_of
from okrxl.core.personal import assess_people
from okrxl.core.problems import CellRef, FileError, ModelError, OkrxlError, Problem, ProblemCode, Severity
from okrxl.core.scoring import assess_quarter
from okrxl.core.words import Words
from okrxl.excel.files import guard_xlsx
from okrxl.excel.layout import SHEET_SETTINGS, strategy_fingerprint
from okrxl.excel.pool import in_parallel, worker_pool
from okrxl.excel.workbook_reader import StrategyReading, TeamReading, read_strategy_workbook, read_team_workbook
from okrxl.excel.xlsx import Workbook

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
STRATEGY_NAMES = ("strategy.xlsx", "strategi.xlsx")
OTHER_FORMATS = {
    ".xls": Words(
        "en Excel 97-2003-arbetsbok (.xls): öppna den i Excel eller LibreOffice och spara den som Excel-arbetsbok "
        "(.xlsx)",
        "an Excel 97-2003 workbook (.xls): open it in Excel or LibreOffice and save it as Excel Workbook (.xlsx)",
    ),
    ".xlsb": Words(
        "en binär Excel-arbetsbok (.xlsb): öppna den i Excel och spara den som Excel-arbetsbok (.xlsx)",
        "an Excel binary workbook (.xlsb): open it in Excel and save it as Excel Workbook (.xlsx)",
    ),
    ".ods": Words(
        "ett OpenDocument-kalkylblad (.ods): öppna det i LibreOffice och spara det som Excel 2007-365 (.xlsx), "
        "välj sedan Använd Excel 2007-365!",
        "an OpenDocument spreadsheet (.ods): open it in LibreOffice and save it as Excel 2007-365 (.xlsx), "
        "then choose Use Excel 2007-365!",
    ),
    ".fods": Words(
        "ett platt OpenDocument-kalkylblad (.fods): öppna det i LibreOffice och spara det som Excel 2007-365 (.xlsx)",
        "a flat OpenDocument spreadsheet (.fods): open it in LibreOffice and save it as Excel 2007-365 (.xlsx)",
    ),
    ".numbers": Words(
        "en Apple Numbers-fil: välj Arkiv > Exportera till > Excel i Numbers och spara .xlsx-filen",
        "an Apple Numbers file: in Numbers, choose File > Export To > Excel and save the .xlsx",
    ),
    ".csv": Words(
        "en CSV-fil, som rymmer ett enda blad utan tabellen okrxl läser: fyll i teamets egen arbetsbok och spara "
        "den som Excel-arbetsbok (.xlsx)",
        "a CSV file, which holds one sheet without the table okrxl reads: fill in the team's own workbook "
        "and save it as Excel Workbook (.xlsx)",
    ),
}
"""Spreadsheet files okrxl does not read, and how to save each as .xlsx (docs/check.md)."""
ALWAYS_A_WORKBOOK = (".xls", ".xlsb", ".ods", ".fods", ".numbers")
"""Formats that are named as an error wherever they are; a CSV only when it is named after a team."""


@dataclass(frozen=True, slots=True, kw_only=True)
class FileResult:
    """One file and what okrxl made of it."""

    path: Path
    kind: str
    """`team`, `personal` (a person's own workbook, METHOD.md "Personal OKRs"), `strategy`, or `unreadable`."""
    problems: tuple[Problem, ...] = ()
    team: TeamReading | None = None
    """The reading of a team or personal workbook (also when it was left out, e.g. of another quarter)."""
    used: bool = False
    """True when its plan is part of the quarter okrxl reports on."""

    @property
    def errors(self) -> int:
        return sum(p.severity is Severity.ERROR for p in self.problems)

    @property
    def warnings(self) -> int:
        return sum(p.severity is Severity.WARNING for p in self.problems)

    @property
    def verdict(self) -> str:
        return "errors" if self.errors else "warnings" if self.warnings else "ok"


@dataclass(frozen=True, slots=True, kw_only=True)
class FolderReading:
    strategy: Strategy | None
    strategy_path: Path | None
    strategy_reading: StrategyReading | None
    quarter: Quarter | None
    """The quarter of the team workbooks (the most common one where they differ)."""
    files: tuple[FileResult, ...]
    gaps: tuple[Gap, ...]
    """Gaps found between the files: `missing-team`."""
    notes: tuple[Words, ...]
    """What was left out or could not be judged, beside the files' problems."""

    @property
    def plans(self) -> tuple[TeamQuarter, ...]:
        """The teams' plans of the quarter, one per team, in the strategy's team order."""
        plans = [f.team.plan for f in self.files if f.kind == "team" and f.used and f.team.plan]
        order = {team.id: index for index, team in enumerate(self.strategy.teams)} if self.strategy else {}
        return tuple(sorted(plans, key=lambda p: order.get(p.team.id, len(order))))

    @property
    def personal_plans(self) -> tuple[TeamQuarter, ...]:
        """The people's own plans of the quarter that are used, one per person, in the strategy's team order,
        then in the order of its People sheet."""
        plans = [f.team.plan for f in self.files if f.kind == "personal" and f.used and f.team.plan]
        teams = {team.id: index for index, team in enumerate(self.strategy.teams)} if self.strategy else {}
        people = {(p.team, p.id): index for index, p in enumerate(self.strategy.people)} if self.strategy else {}
        return tuple(sorted(plans, key=lambda p: (teams.get(p.team.id, len(teams)),
                                                  people.get((p.team.id, p.person.id), len(people)))))  # fmt: skip

    @property
    def has_errors(self) -> bool:
        return any(f.errors for f in self.files)

    @property
    def unused(self) -> tuple[FileResult, ...]:
        """The files whose entries are not in the quarter: unreadable, of another quarter, a second copy."""
        return tuple(f for f in self.files if f.kind == "unreadable" or (f.team and not f.used))


def read_folder(
    paths: Sequence[Path], *, strategy_path: Path | None = None, progress: Callable[[Path], None] | None = None
) -> FolderReading:
    """Read the workbooks in `paths` (files or folders); find the strategy beside them unless given.

    `progress` is called with each file's path once it has been read.
    """
    notes: list[Words] = []
    files, others = _expand(paths, notes)
    folders = [Path(p) for p in paths if Path(p).is_dir()]
    if strategy_path is None:
        strategy_path = find_strategy(paths, files)
    results: list[FileResult] = []
    strategy: Strategy | None = None
    strategy_reading: StrategyReading | None = None
    if strategy_path is not None:
        strategy_reading, strategy_file = _read_strategy(Path(strategy_path))
        strategy = strategy_reading.strategy if strategy_reading and not strategy_reading.has_errors else None
        if Path(strategy_path).resolve() in {f.resolve() for f in files} or strategy is None:
            results.append(strategy_file)
        if strategy is None:
            notes.append(
                Words(
                    f"strategin {strategy_path} kunde inte läsas: team och länkar kontrolleras inte",
                    f"the strategy {strategy_path} could not be read: teams and links are not checked",
                )
            )
    else:
        notes.append(Words("ingen strategi hittades (strategy.xlsx bredvid filerna eller i mappen ovanför; eller "
                           "--strategy): team och länkar kontrolleras inte",
                           "no strategy found (strategy.xlsx beside the files or in the folder above; or --strategy): "
                           "teams and links are not checked"))  # fmt: skip
    strategy_file_path = Path(strategy_path).resolve() if strategy_path is not None else None
    team_files = [p for p in files if p.resolve() != strategy_file_path]
    for team_folder in _team_folders(folders, strategy) if strategy is not None else ():
        try:
            personal_files, personal_others = _expand([team_folder], notes)
        except FileError as error:  # a folder of people's workbooks okrxl may not list stops nothing else
            notes.append(error.text)
            continue
        team_files, others = team_files + personal_files, others + personal_others
    results += _read_teams(team_files, strategy, progress)
    if strategy is not None and not strategy.method.personal_okrs:
        results = [_personal_off(r) if r.kind == "personal" else r for r in results]
    results, quarter = _choose_quarter(results, strategy)
    results, unread = _mark_duplicates(results)
    results += _other_formats(others, strategy, notes, given={Path(p) for p in paths})
    # A team's folder of people's workbooks (<quarter>/<team>) read alone holds no team workbook to miss.
    quarter_folders = [f for f in folders if not _is_quarter_name(f.resolve().parent.name)]
    gaps = _missing_teams(strategy, results, quarter, unread) if quarter_folders and strategy else ()
    if strategy and quarter:
        results = _with_link_problems(results, strategy)
    return FolderReading(
        strategy=strategy,
        strategy_path=Path(strategy_path) if strategy_path else None,
        strategy_reading=strategy_reading,
        quarter=quarter,
        files=tuple(results),
        gaps=tuple(gaps),
        notes=tuple(notes),
    )


def _expand(paths: Iterable[Path], notes: list[Words]) -> tuple[list[Path], list[Path]]:
    """The workbooks to read, and the spreadsheet files in other formats (OTHER_FORMATS) to name."""
    files: list[Path] = []
    others: list[Path] = []
    for path in map(Path, paths):
        if not path.is_dir():
            (others if path.suffix.lower() in OTHER_FORMATS else files).append(path)
            continue
        try:
            children = sorted(path.iterdir())
        except OSError as error:
            why = error.strerror or error
            raise FileError(
                Words(
                    f"{path}: okrxl kan inte lista mappen ({why}); be om läsrätt till den",
                    f"{path}: okrxl cannot list this folder ({why}); ask for read access to it",
                )
            ) from None
        for child in children:
            suffix = child.suffix.lower()
            if child.name.startswith("~$"):
                notes.append(
                    Words(
                        f"hoppade över {child}: Excels låsfil (arbetsboken är öppen i Excel)",
                        f"ignored {child}: Excel's lock file (the workbook is open in Excel)",
                    )
                )
            elif child.name.startswith(".") or (suffix not in WORKBOOK_SUFFIXES and suffix not in OTHER_FORMATS):
                continue
            elif child.is_file():
                (files if suffix in WORKBOOK_SUFFIXES else others).append(child)
            elif not child.is_dir():
                notes.append(
                    Words(
                        f"hoppade över {child}: ingen vanlig fil (en trasig länk, en pipe eller en enhet)",
                        f"ignored {child}: not a regular file (a broken link, a pipe or a device)",
                    )
                )
    return files, others


def _team_folders(folders: Sequence[Path], strategy: Strategy) -> list[Path]:
    """The subfolders of `folders` named after a team of the strategy (any case): where its people's own
    workbooks are (`2027-Q1/marketing/anna.xlsx`). Other subfolders are not read."""
    teams = {team.id.casefold() for team in strategy.teams}
    return [child for folder in folders for child in sorted(folder.iterdir())
            if child.name.casefold() in teams and child.is_dir()]  # fmt: skip


def find_strategy(paths: Sequence[Path], files: Sequence[Path] = ()) -> Path | None:
    """The strategy workbook a reading of `paths` uses: by name beside them or in the folder above (two above
    for a quarter's team folder of people's workbooks), else one of `files` that is a strategy workbook."""
    for path in map(Path, paths):
        folder = path if path.is_dir() else path.parent
        candidates = [folder, folder.parent]
        if _is_quarter_name(folder.parent.name):  # a team's folder of people's workbooks: <root>/<quarter>/<team>
            candidates.append(folder.parent.parent)
        for candidate in candidates:
            for name in STRATEGY_NAMES:
                if (candidate / name).is_file():
                    return candidate / name
    return next((f for f in files if _looks_like_strategy(f)), None)


def _is_quarter_name(name: str) -> bool:
    try:
        Quarter.parse(name)
    except ModelError:
        return False
    return True


def _looks_like_strategy(path: Path) -> bool:
    """A look at the sheet names, without reading the sheets."""
    try:
        guard_xlsx(path)
        workbook = Workbook(path)
    except (OkrxlError, OSError):
        return False
    try:
        return any(name in workbook.sheetnames for name in SHEET_SETTINGS)
    finally:
        workbook.close()


def _read_strategy(path: Path) -> tuple[StrategyReading | None, FileResult]:
    try:
        reading = read_strategy_file(path)
    except OkrxlError as error:
        return None, _unreadable(path, error)
    return reading, FileResult(path=path, kind="strategy", problems=reading.problems)


def read_strategy_file(path: Path) -> StrategyReading:
    """read_strategy_workbook, whose every failure is an OkrxlError: a FileError when the file cannot be
    read (permission, damaged), else one saying okrxl failed (a bug), never a traceback."""
    try:
        return read_strategy_workbook(path)
    except OkrxlError:
        raise
    except Exception as error:
        raise file_problem(path, error) or OkrxlError(
            f"{path.name}: okrxl failed on the strategy ({type(error).__name__}: {error}); "
            "if it opens in Excel, please report it with the file"
        ) from None


def file_problem(path: Path, error: Exception) -> FileError | None:
    """The FileError for an exception that means the file itself cannot be read; None for anything else (a bug)."""
    name = path.name
    if isinstance(error, FileNotFoundError):
        return FileError(
            Words(
                f"{name}: filen flyttades eller togs bort medan okrxl läste mappen; kör okrxl igen",
                f"{name}: it was moved or removed while okrxl read the folder; run okrxl again",
            )
        )
    if isinstance(error, PermissionError):
        return FileError(
            Words(
                f"{name}: okrxl får inte läsa filen (åtkomst nekad); be om läsrätt eller kopiera den",
                f"{name}: okrxl may not read it (permission denied); ask for read access or copy it",
            )
        )
    if isinstance(error, OSError):
        why = error.strerror or error
        return FileError(Words(f"{name}: filen går inte att läsa ({why}); ligger den i en molnmapp, se till att den "
                               "är nedladdad till den här datorn och kör sedan okrxl igen",
                               f"{name}: cannot read it ({why}); if it is in a cloud folder, make "
                               "sure it is downloaded to this computer, then run okrxl again"))  # fmt: skip
    damaged = (zipfile.BadZipFile, zlib.error, EOFError, ParseError, xml.parsers.expat.ExpatError, UnicodeError)
    if isinstance(error, damaged):
        kind = type(error).__name__
        return FileError(Words(f"{name}: filen är skadad ({kind}); spara eller skicka den igen",
                               f"{name}: the file is damaged ({kind}); save or send it again"))  # fmt: skip
    if isinstance(error, MemoryError | RecursionError):
        return FileError(
            Words(
                f"{name}: för stor eller för djupt nästlad för att okrxl ska kunna läsa den; spara den igen som .xlsx",
                f"{name}: too big or too deeply nested for okrxl to read; save it again as .xlsx",
            )
        )
    return None


def _read_teams(paths: list[Path], strategy: Strategy | None, progress) -> list[FileResult]:
    """Each file's result, in the order of `paths`; in parallel when there are many (okrxl.excel.pool)."""
    if not in_parallel(len(paths)):
        results = []
        for path in paths:
            results.append(_read_team(path, strategy))
            if progress is not None:
                progress(path)
        return results
    # The strategy goes to each worker once, not with every file.
    with worker_pool(initializer=_set_worker_strategy, initargs=(strategy,)) as pool:
        results = []
        for path, result in zip(paths, pool.map(_read_team_in_worker, paths, chunksize=16)):
            results.append(result)
            if progress is not None:
                progress(path)
        return results


_worker_strategy: Strategy | None = None


def _set_worker_strategy(strategy: Strategy | None) -> None:
    global _worker_strategy
    _worker_strategy = strategy


def _read_team_in_worker(path: Path) -> FileResult:
    return _read_team(path, _worker_strategy)


def _read_team(path: Path, strategy: Strategy | None) -> FileResult:
    try:
        reading = read_team_workbook(path, strategy)
    except OkrxlError as error:
        return _unreadable(path, error)
    except Exception as error:  # a file okrxl cannot cope with must not stop the others from being read
        if (file_error := file_problem(path, error)) is not None:
            return _unreadable(path, file_error)
        why = f"{type(error).__name__}: {error}"
        problem = Problem(code=ProblemCode.INTERNAL_ERROR, file=path.name, text=Words(
            f"okrxl misslyckades med den här filen ({why}); de andra filerna lästes. Rapportera gärna felet och "
            "bifoga filen",
            f"okrxl failed on this file ({why}); the other files were read. Please report it with the file",
        ))  # fmt: skip
        return FileResult(path=path, kind="unreadable", problems=(problem,))
    if reading.person_id is None:
        return FileResult(path=path, kind="team", problems=reading.problems, team=reading,
                          used=reading.plan is not None)  # fmt: skip
    known = all(p.code is not ProblemCode.UNKNOWN_PERSON for p in reading.problems)
    return FileResult(path=path, kind="personal", problems=reading.problems, team=reading,
                      used=reading.plan is not None and known)  # fmt: skip


def read_team_file(path: Path, strategy: Strategy | None) -> FileResult:
    """One team's or person's workbook, read as a folder's reading reads it: never raises, whatever is wrong
    with the file is in the result's problems."""
    return _read_team(path, strategy)


def _personal_off(result: FileResult) -> FileResult:
    """A person's workbook while the strategy has personal OKRs switched off: named, and not used."""
    problem = Problem(code=ProblemCode.PERSONAL_OFF, file=result.path.name, text=Words(
        "personliga OKR är avstängda under strategins Inställningar, så den här arbetsboken läses inte; sätt "
        "'Personliga OKR' till ja för att läsa den",
        "personal OKRs are off in the strategy's Settings, so this workbook is not read; set 'Personal OKRs' "
        "to yes to read it",
    ))  # fmt: skip
    return _add(result, problem, used=False)


def _unreadable(path: Path, error: OkrxlError) -> FileResult:
    # A FileError says what to do in both languages; any other OkrxlError (a plain one) only in English.
    text = getattr(error, "text", None) or Words(str(error), str(error))
    prefix = f"{path.name}: "
    text = Words(*(part.removeprefix(prefix) for part in text))
    code = error.code if isinstance(error, FileError) else ProblemCode.UNREADABLE
    problem = Problem(code=code, file=path.name, text=text)
    return FileResult(path=path, kind="unreadable", problems=(problem,))


def _add(result: FileResult, *problems: Problem, used: bool | None = None) -> FileResult:
    return FileResult(
        path=result.path,
        kind=result.kind,
        problems=result.problems + problems,
        team=result.team,
        used=result.used if used is None else used,
    )


def _choose_quarter(results: list[FileResult], strategy: Strategy | None) -> tuple[list[FileResult], Quarter | None]:
    """The quarter of the teams' workbooks (of the people's where there are none), and each result with the
    problems of a workbook of another quarter or year, or made from another version of the strategy."""
    teams = [r for r in results if r.kind == "team"] or results
    quarters = collections.Counter(r.team.quarter for r in teams if r.team)
    if not quarters:
        return results, None
    quarter = max(quarters, key=quarters.__getitem__)  # the first of the most common
    fingerprint = _fingerprint(strategy) if strategy else None
    checked = []
    for result in results:
        if result.team and result.team.quarter != quarter:
            problem = Problem(code=ProblemCode.WRONG_QUARTER, file=result.path.name, text=Words(
                f"en arbetsbok för {result.team.quarter}, men de andra är för {quarter}; flytta den till mappen för "
                "sitt kvartal",
                f"a workbook of {result.team.quarter}, but the others are of {quarter}; "
                "move it to its own quarter's folder",
            ))  # fmt: skip
            result = _add(result, problem, used=False)
        elif result.team and strategy and quarter.year != strategy.year:
            problem = Problem(
                code=ProblemCode.WRONG_YEAR,
                file=result.path.name,
                text=Words(
                    f"en arbetsbok för {quarter}, men strategin gäller {strategy.year}",
                    f"a workbook of {quarter}, but the strategy is for {strategy.year}",
                ),
            )
            result = _add(result, problem, used=False)
        elif result.team and strategy and result.team.fingerprint != fingerprint:
            problem = Problem(code=ProblemCode.STRATEGY_CHANGED, file=result.path.name, text=Words(
                "gjord från en annan version av strategin (objectives, key results eller team har ändrats sedan "
                "dess); kontrollera dess kopplingar, eller skapa den på nytt och för över det som skrivits i den",
                "made from another version of the strategy (objectives, key results or teams have "
                "changed since); check its links, or regenerate it and copy the entries over",
            ))  # fmt: skip
            result = _add(result, problem)
        checked.append(result)
    return checked, quarter


def _fingerprint(strategy: Strategy) -> str:
    return strategy_fingerprint(strategy)


@dataclass(frozen=True, slots=True)
class _Owner:
    """Whose workbook a reading is, to tell two workbooks of one team, or of one person, apart."""

    key: str
    """The plan's id: `marketing`, or `marketing.anna` for a person's."""
    stem: str
    """Where its workbook is when okrxl makes it, without `.xlsx`: the team's id, or `<team>/<person>`."""
    who: Words
    unread: Words
    """What is not read while no workbook of the two is."""

    @classmethod
    def of(cls, reading: TeamReading) -> _Owner:
        team, person = reading.team_id, reading.person_id
        if person is None:
            return cls(team, team, Words(f"team {team}", f"team {team}"),
                       Words("teamet läses inte", "the team is not read"))  # fmt: skip
        return cls(f"{team}.{person}", f"{team}/{person}", Words(f"{person} i team {team}", f"{person} in team {team}"),
                   Words(f"{person}s OKR läses inte", f"{person}'s OKRs are not read"))  # fmt: skip

    def shown(self, path: Path) -> str:
        """The workbook's name as the messages give it: with its folder for a person's (two people's workbooks
        in two teams' folders may have the same name)."""
        return path.name if "/" not in self.stem else f"{path.parent.name}/{path.name}"


def _mark_duplicates(results: list[FileResult]) -> tuple[list[FileResult], dict[str, tuple[str, ...]]]:
    """Two workbooks of one team (a sync client's `marketing (1).xlsx`): the one named `<team-id>.xlsx` is
    read and the others are named as duplicates; with none of that name, none is read. Two of one person
    alike, the one named `<person-id>.xlsx` read.

    Never the first in sort order: that is often the conflict copy. Returns the results and, for each
    team none of whose workbooks is read, their names.
    """
    owners = {id(result): _Owner.of(result.team) for result in results if result.used}
    by_owner: dict[str, list[FileResult]] = collections.defaultdict(list)
    for result in results:
        if result.used:
            by_owner[owners[id(result)].key].append(result)
    winners = {key: _plain_named(owners[id(twins[0])], twins) for key, twins in by_owner.items() if len(twins) > 1}
    marked = []
    for result in results:
        owner = owners.get(id(result))
        twins = by_owner[owner.key] if owner is not None else []
        if len(twins) > 1 and winners[owner.key] is not result:
            who, stem = owner.who, owner.stem
            if winners[owner.key] is not None:
                read = owner.shown(winners[owner.key].path)
                text = Words(f"en andra arbetsbok för {who.sv}: {read} är den som läses; ta bort den här kopian "
                             "eller flytta den ur mappen",
                             f"a second workbook of {who.en}: {read} is the one read; "
                             "remove this copy or move it out of the folder")  # fmt: skip
            else:
                names = [owner.shown(t.path) for t in twins]
                text = Words(f"{' och '.join(names)} är alla arbetsböcker för {who.sv}, och ingen heter "
                             f"{stem}.xlsx: {owner.unread.sv} förrän en av dem tas bort (behåll den rätta som "
                             f"{stem}.xlsx)",
                             f"{' and '.join(names)} are all workbooks of {who.en}, and none "
                             f"is named {stem}.xlsx: {owner.unread.en} until one is removed "
                             f"(keep the right one as {stem}.xlsx)")  # fmt: skip
            problem = Problem(code=ProblemCode.DUPLICATE_TEAM, file=result.path.name, text=text)
            result = _add(result, problem, used=False)
        marked.append(result)
    unread = {key: tuple(t.path.name for t in by_owner[key]) for key, winner in winners.items()
              if winner is None and by_owner[key][0].kind == "team"}  # fmt: skip
    return marked, unread


def _plain_named(owner: _Owner, twins: list[FileResult]) -> FileResult | None:
    """The workbook where okrxl makes it, `<team>.xlsx` or `<team>/<person>.xlsx` (or only differing in case),
    if exactly one is."""
    stem = owner.stem
    for same in (lambda name: name == f"{stem}.xlsx", lambda name: name.casefold() == f"{stem}.xlsx".casefold()):
        named = [t for t in twins if same(owner.shown(t.path))]
        if len(named) == 1:
            return named[0]
    return None


def _other_formats(
    paths: list[Path], strategy: Strategy | None, notes: list[Words], *, given: set[Path]
) -> list[FileResult]:
    """A spreadsheet in another format is named, with how to save it as .xlsx; a CSV found in a folder
    only when it is named after a team of the strategy (else it is a note)."""
    teams = {team.id.casefold() for team in strategy.teams} if strategy else set()
    results = []
    for path in paths:
        suffix = path.suffix.lower()
        if suffix not in ALWAYS_A_WORKBOOK and path.stem.casefold() not in teams and path not in given:
            notes.append(
                Words(
                    f"hoppade över {path}: en CSV-fil, ingen teamarbetsbok",
                    f"ignored {path}: a CSV file, not a team workbook",
                )
            )
            continue
        text = Words(f"okrxl läser bara .xlsx-arbetsböcker; det här är {OTHER_FORMATS[suffix].sv}",
                     f"okrxl reads .xlsx workbooks only; this is {OTHER_FORMATS[suffix].en}")  # fmt: skip
        problem = Problem(code=ProblemCode.NOT_XLSX, file=path.name, text=text)
        results.append(FileResult(path=path, kind="unreadable", problems=(problem,)))
    return results


def _missing_teams(
    strategy: Strategy, results: list[FileResult], quarter: Quarter | None, unread: dict[str, tuple[str, ...]]
) -> list[Gap]:
    present = {r.team.team_id for r in results if r.kind == "team" and r.team.quarter == quarter} - set(unread)
    in_other_formats = collections.defaultdict(list)
    for result in results:
        if result.problems and result.problems[0].code is ProblemCode.NOT_XLSX:
            in_other_formats[result.path.stem.casefold()].append(result.path.name)
    gaps = []
    for team in strategy.teams:
        if team.id in unread:
            names = unread[team.id]
            text = Words(f"team {team.id} ({team.name}) läses inte: {' och '.join(names)} är alla teamets "
                         f"arbetsbok; ta bort alla utom en och döp den till {team.id}.xlsx",
                         f"team {team.id} ({team.name}) is not read: {' and '.join(names)} are all its "
                         f"workbook; remove all but one and name it {team.id}.xlsx")  # fmt: skip
        elif team.id not in present:
            text = Words(f"ingen arbetsbok för team {team.id} ({team.name}) i {quarter or 'det här kvartalet'}",
                         f"no workbook for team {team.id} ({team.name}) in {quarter or 'this quarter'}")  # fmt: skip
            if others := in_other_formats.get(team.id.casefold()):
                text = Words(f"{text.sv}; {', '.join(others)} är ingen .xlsx-arbetsbok: spara den som .xlsx",
                             f"{text.en}; {', '.join(others)} is not an .xlsx workbook: save it as .xlsx")  # fmt: skip
        else:
            continue
        gaps.append(Gap(code=GapCode.MISSING_TEAM, where=team.id, text=text))
    return gaps


def _with_link_problems(results: list[FileResult], strategy: Strategy) -> list[FileResult]:
    """Error gaps of each team's and person's plan (an unknown link, a decrease without baseline) as problems at
    their cells. A person's links are judged against their team's plan, and not while it is not read."""
    team_plans = [r.team.plan for r in results if r.used and r.kind == "team"]
    personal_plans = [r.team.plan for r in results if r.used and r.kind == "personal"]
    by_plan: dict[str, list[Gap]] = collections.defaultdict(list)
    for gap in link_gaps(strategy, team_plans):
        by_plan[plan_of(gap.where)].append(gap)
    for gap in personal_gaps(strategy, team_plans, personal_plans, None):
        if gap.severity is Severity.ERROR:
            by_plan[plan_of(gap.where)].append(gap)
    checked = []
    for result in results:
        gaps = by_plan.get(result.team.plan.plan_id, []) if result.used else []
        problems = [
            Problem(
                code=ProblemCode(gap.code),  # unknown-link or missing-baseline
                file=result.path.name,
                cell=result.team.cell(gap.where, gap.field, holding=gap.linked_id),
                text=gap.text,
            )  # fmt: skip
            for gap in gaps
        ]
        checked.append(_add(result, *problems) if problems else result)
    return checked


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanGap:
    """A gap of one team's or person's plan, at the cell of its workbook that holds or lacks what it is about."""

    gap: Gap
    cell: CellRef | None
    """None for a gap about the whole plan (`too-many-objectives`)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanGaps:
    """The gaps `okrxl check` lists under each team's and person's file, judged at one date."""

    as_of: dt.date
    by_file: dict[Path, tuple[PlanGap, ...]]
    """The gaps of each team or personal file whose plan is read, by the file's path."""
    scheduled: dt.date | None
    """The latest scheduled check-in on or before `as_of`: the one `missed-checkin` is about."""

    def of(self, result: FileResult) -> tuple[PlanGap, ...]:
        return self.by_file.get(result.path, ())


NOT_CHECKED_GAPS = frozenset({GapCode.DEPENDENCY_LATE})
"""Plan gaps `okrxl check` does not list: they need another team's file to be judged."""


def today() -> dt.date:
    """The date `okrxl check` judges the plans at."""
    return dt.date.today()


def plan_gaps(reading: FolderReading, *, as_of: dt.date | None = None) -> PlanGaps:
    """The gaps of each team's plan that need no other team's file (missing target or owners, no alignment,
    key-result counts, missed check-ins...), at `as_of` (default today); and of each person's plan, judged
    against their team's (okrxl.core.alignment.personal_gaps). Their errors are problems of the
    files already (`unknown-link`, `missing-baseline`), so only warnings and infos are here, and none at a
    cell that has a problem; without a strategy there are none (nothing to judge the plans against)."""
    as_of = as_of or today()
    strategy, quarter = reading.strategy, reading.quarter
    if strategy is None or quarter is None:
        return PlanGaps(as_of=as_of, by_file={}, scheduled=None)
    files = {f.team.plan.plan_id: f for f in reading.files if f.used and f.team and f.team.plan}
    plans = [f.team.plan for f in files.values() if f.kind == "team"]
    personal = [f.team.plan for f in files.values() if f.kind == "personal"]
    assessment = assess_quarter(strategy, plans, quarter=quarter, as_of=as_of)
    gaps = list(find_gaps(strategy, plans, assessment))
    if personal:
        gaps += personal_gaps(strategy, plans, personal, assess_people(strategy, personal, assessment))
    by_file: dict[Path, list[PlanGap]] = {f.path: [] for f in files.values()}
    problem_cells = {f.path: {p.cell for p in f.problems} for f in files.values()}
    for gap in gaps:
        result = files.get(plan_of(gap.where))
        if result is None or gap.severity is Severity.ERROR or gap.code in NOT_CHECKED_GAPS:
            continue  # a gap of the strategy, an error already shown as a problem, or one of two teams
        cell = result.team.cell(gap.where, gap.field, holding=gap.linked_id)
        if cell is not None and cell in problem_cells[result.path]:
            continue  # `about half` in a target cell is an error there, not also a target not set yet
        by_file[result.path].append(PlanGap(gap=gap, cell=cell))
    return PlanGaps(as_of=as_of, by_file={path: tuple(gaps) for path, gaps in by_file.items()},
                    scheduled=latest_scheduled_check_in(strategy, quarter, as_of))  # fmt: skip


def check_document(reading: FolderReading, *, as_of: dt.date | None = None) -> dict:
    """The `okrxl.check/1` JSON document of `okrxl check --json` (docs/check.md); the plans' gaps at `as_of`
    (default today)."""
    gaps = plan_gaps(reading, as_of=as_of)
    return {
        "schema": "okrxl.check/1",
        "strategy": str(reading.strategy_path) if reading.strategy_path else None,
        "quarter": str(reading.quarter) if reading.quarter else None,
        "as_of": gaps.as_of.isoformat(),
        "files": [
            {
                "file": str(result.path),
                "kind": result.kind,
                "team": result.team.team_id if result.team else None,
                "person": result.team.person_id if result.team else None,
                "quarter": str(result.team.quarter) if result.team else None,
                "verdict": result.verdict,
                "problems": [
                    {
                        "code": str(p.code),
                        "severity": str(p.severity),
                        "cell": str(p.cell) if p.cell else None,
                        "message": p.message,
                    }  # fmt: skip
                    for p in result.problems
                ],
                "gaps": [
                    plan_gap.gap.to_json() | {"cell": str(plan_gap.cell) if plan_gap.cell else None}
                    for plan_gap in gaps.of(result)
                ],
            }
            for result in reading.files
        ],
        "folder": [gap.to_json() for gap in reading.gaps],
        "notes": [note.en for note in reading.notes],
    }
