"""The jobs okrxl does, as Python functions; the CLI is a thin layer over these.

Each function takes paths and settings as keyword arguments and returns what it wrote; errors
that stop a job are `OkrxlError`s whose message says what to do.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from okrxl.core.changes import Seen, previous_check_in
from okrxl.core.model import Lang, Quarter, Strategy, Team, TeamQuarter
from okrxl.core.problems import CellRef, OkrxlError, Severity
from okrxl.core.rollover import roll_over
from okrxl.core.scoring import assess_team, elapsed_share
from okrxl.core.status import QuarterStatus, review_quarter, status_document
from okrxl.core.words import Words
from okrxl.demo import example as dpab
from okrxl.demo.example_year import dpab_year, dpab_year_people, dpab_year_strategy
from okrxl.excel.files import Outcome, OutputKind, WriteResult, write_atomically
from okrxl.excel.folder import FolderReading, find_strategy, read_folder, read_strategy_file, read_team_file
from okrxl.excel.pool import in_parallel, worker_pool
from okrxl.excel.report_reader import read_seen, report_as_of
from okrxl.excel.template import DEFAULT, Template, read_template
from okrxl.excel.workbook_writer import write_personal_workbook, write_strategy_workbook, write_team_workbook
from okrxl.outputs.pdf import convert_to_pdf, soffice
from okrxl.outputs.report import (
    DATA_COLUMNS,
    INITIATIVE_COLUMNS,
    PERSONAL_COLUMNS,
    ReportSources,
    initiative_rows,
    key_result_rows,
    personal_rows,
    write_report,
)
from okrxl.outputs.year_review import YearReview, write_review


def load_template(template_path: Path | None) -> Template:
    """The template an admin passed, or the built-in one."""

    return DEFAULT if template_path is None else read_template(Path(template_path))


def init_strategy(
    path: Path, *, lang: Lang = "sv", example: bool = False, template_path: Path | None = None, force: bool = False
) -> WriteResult:
    """Write a strategy workbook for the leadership to fill in; `example` fills it with DPAB's strategy."""

    template = load_template(template_path)
    if example:
        strategy = dpab.dpab_strategy(lang)
    else:
        strategy = Strategy(company="", vision="", mission="", year=dt.date.today().year + 1)
    return write_atomically(
        Path(path), lambda p: write_strategy_workbook(p, strategy=strategy, template=template, lang=lang), force=force
    )


def strategy_lang(path: Path) -> Lang:
    """The language a strategy workbook is written in (Swedish when it cannot be told)."""

    try:
        return read_strategy_file(Path(path)).lang
    except OkrxlError:
        return "sv"


def quarter_lang(folder: Path, strategy_path: Path | None = None) -> Lang:
    """The language of the strategy a quarter's folder is read with (beside it or in the folder above, as
    the folder's reading finds it); English when there is none."""
    path = Path(strategy_path) if strategy_path is not None else find_strategy([Path(folder)])
    return strategy_lang(path) if path is not None and path.is_file() else "en"


def read_strategy(path: Path):
    """The strategy of a strategy workbook; raises OkrxlError listing the errors that make it unusable."""

    reading = read_strategy_file(Path(path))
    if reading.has_errors:
        errors = [p for p in reading.problems if p.severity is Severity.ERROR]
        listed = Words(*("\n".join(f"  {p.said(lang)}" for p in errors) for lang in ("sv", "en")))
        if not errors:
            listed = Words("  (året saknas)", "  (the year is missing)")
        name = Path(path).name
        raise OkrxlError(Words(f"{name}: rätta först de här cellerna:\n{listed.sv}",
                               f"{name}: fix these cells first:\n{listed.en}"))  # fmt: skip
    return reading


def generate(
    strategy_path: Path,
    *,
    quarter: Quarter,
    out_dir: Path | None = None,
    team_ids: Sequence[str] = (),
    template_path: Path | None = None,
    lang: Lang | None = None,
    force: bool = False,
) -> list[WriteResult]:
    """One workbook per team for `quarter`, in `out_dir/<quarter>/<team-id>.xlsx`.

    `out_dir` defaults to the strategy's folder and `lang` to the strategy workbook's language.
    """

    reading = read_strategy(strategy_path)
    strategy = reading.strategy
    teams = _chosen_teams(strategy, Path(strategy_path), quarter, team_ids)
    template = load_template(template_path)
    folder = _quarter_folder(strategy_path, out_dir, quarter)
    jobs = [
        TeamJob(
            path=folder / f"{team.id}.xlsx",
            strategy=strategy,
            team=team,
            quarter=quarter,
            template=template,
            lang=lang or reading.lang,
            force=force,
        )  # fmt: skip
        for team in teams
    ]
    return run_jobs(write_team_job, jobs)


def _chosen_teams(strategy: Strategy, strategy_path: Path, quarter: Quarter, team_ids: Sequence[str]) -> list[Team]:
    """The strategy's teams to make workbooks for (`team_ids`, else all) in `quarter`, which must be of its year."""
    if quarter.year != strategy.year:
        raise OkrxlError(Words(f"{quarter} ligger inte i strategins år {strategy.year}; välj ett kvartal av "
                               f"{strategy.year} eller en strategi för {quarter.year}",
                               f"{quarter} is not in the strategy's year {strategy.year}; "
                               f"use a quarter of {strategy.year} or a strategy for {quarter.year}"))  # fmt: skip
    known = {team.id: team for team in strategy.teams}
    unknown = [team_id for team_id in team_ids if team_id not in known]
    if unknown:
        names, teams = ", ".join(map(repr, unknown)), ", ".join(known)
        raise OkrxlError(Words(f"inget team {names} i strategin; teamen är {teams}",
                               f"no team {names} in the strategy; teams are {teams}"))  # fmt: skip
    if not known:
        raise OkrxlError(
            Words(
                f"{strategy_path.name}: strategin listar inga team; lägg till dem på bladet Team",
                f"{strategy_path.name}: the strategy lists no teams; add them on its Teams sheet",
            )
        )
    return [team for team in strategy.teams if not team_ids or team.id in team_ids]


def _quarter_folder(strategy_path: Path, out_dir: Path | None, quarter: Quarter) -> Path:
    """Where a quarter's workbooks go: `out_dir/<quarter>/`, by default beside the strategy."""
    return (Path(out_dir) if out_dir is not None else Path(strategy_path).parent) / str(quarter)


@dataclass(frozen=True, slots=True, kw_only=True)
class PersonalWorkbooks:
    """What `okrxl generate --personal` did."""

    results: tuple[WriteResult, ...]
    """Each listed person's workbook, written or skipped (it exists, and no `force`)."""
    skipped_teams: tuple[Words, ...]
    """For each team whose people got no workbook: which file to fill in first."""
    notes: tuple[Words, ...]
    """Team workbooks with errors, whose objectives were used as far as okrxl could read them."""
    lang: Lang
    """The language the workbooks are in: the strategy workbook's unless asked otherwise."""


def generate_personal(
    strategy_path: Path,
    *,
    quarter: Quarter,
    out_dir: Path | None = None,
    team_ids: Sequence[str] = (),
    template_path: Path | None = None,
    lang: Lang | None = None,
    force: bool = False,
) -> PersonalWorkbooks:
    """One workbook per person of the strategy's People sheet for `quarter` (METHOD.md, "Personal OKRs"), in
    `out_dir/<quarter>/<team-id>/<person-id>.xlsx`, whose dropdowns list the objectives of the team's workbook of
    the quarter, `out_dir/<quarter>/<team-id>.xlsx` (as `generate` lays them out): the team fills in its own
    objectives first. A team whose workbook is missing or has no objectives yet is skipped and named; the
    others still get theirs. Raises OkrxlError when the strategy has personal OKRs switched off or lists nobody.
    """

    reading = read_strategy(strategy_path)
    strategy, language = reading.strategy, lang or reading.lang
    teams = _chosen_teams(strategy, Path(strategy_path), quarter, team_ids)
    name = Path(strategy_path).name
    if not strategy.method.personal_okrs:
        raise OkrxlError(Words(
            f"personliga OKR är avstängda i {name}: sätt 'Personliga OKR' till ja på bladet Inställningar och "
            "lista personerna på bladet Personer, kör sedan generate --personal igen",
            f"personal OKRs are off in {name}: set 'Personal OKRs' to yes on its Settings sheet and list the "
            "people on its People sheet, then run generate --personal again",
        ))  # fmt: skip
    teams = [team for team in teams if strategy.people_of(team.id)]
    if not teams:
        nobody = Words(f"{name} listar ingen person (i de teamen); lägg till dem på bladet Personer",
                       f"{name} lists no people (in those teams); add them on its People sheet")  # fmt: skip
        raise OkrxlError(nobody)
    template = load_template(template_path)
    folder = _quarter_folder(strategy_path, out_dir, quarter)
    jobs, skipped, notes = [], [], []
    for team in teams:
        people = strategy.people_of(team.id)
        team_plan, said = _team_plan_of(folder / f"{team.id}.xlsx", strategy, quarter)
        if team_plan is None:
            ids = ", ".join(person.id for person in people)
            skipped.append(Words(
                f"hoppade över personerna i team {team.id} ({ids}): {said.sv}; fyll i teamets objectives först och "
                "kör sedan generate --personal igen",
                f"skipped the people of team {team.id} ({ids}): {said.en}; fill in the team's objectives first, "
                "then run generate --personal again",
            ))  # fmt: skip
            continue
        notes += [said] if said else []
        jobs += [TeamJob(path=folder / team.id / f"{person.id}.xlsx", strategy=strategy, team=team, person=person,
                         team_plan=team_plan, quarter=quarter, template=template, lang=language, force=force)
                 for person in people]  # fmt: skip
    return PersonalWorkbooks(results=tuple(run_jobs(write_team_job, jobs)), skipped_teams=tuple(skipped),
                             notes=tuple(notes), lang=language)  # fmt: skip


def _team_plan_of(path: Path, strategy: Strategy, quarter: Quarter) -> tuple[TeamQuarter | None, Words | None]:
    """The team's plan in its workbook at `path`, for its people's workbooks, and what to say of it: (None, why)
    where it is missing, unreadable, of another quarter or without objectives; (plan, a note) for a workbook with
    errors; else (plan, None)."""
    if not path.is_file():
        return None, Words(f"{path} finns inte", f"{path} does not exist")
    result = read_team_file(path, strategy)
    reading = result.team
    if reading is None or reading.plan is None or reading.person_id is not None:
        problem = result.problems[0].text if result.problems else Words("ingen teamarbetsbok", "not a team workbook")
        return None, Words(f"{path} kan inte läsas ({problem.sv})", f"{path} cannot be read ({problem.en})")
    if reading.quarter != quarter:
        return None, Words(f"{path} är för {reading.quarter}", f"{path} is of {reading.quarter}")
    if not reading.plan.objectives:
        return None, Words(f"{path} har inga objectives än", f"{path} has no objectives yet")
    if not result.errors:
        return reading.plan, None
    return reading.plan, Words(
        f"{path} har fel ({result.errors}; `okrxl check {path}` visar dem): personernas listor tar de objectives "
        "okrxl kunde läsa",
        f"{path} has errors ({result.errors}; `okrxl check {path}` names them): the people's lists hold the "
        "objectives okrxl could read",
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class TeamJob:
    """One team's workbook to write, or with a `person` that person's (it pickles, for a worker process): see
    write_team_workbook and write_personal_workbook."""

    path: Path
    strategy: Strategy
    team: object
    quarter: Quarter
    template: Template
    lang: Lang
    force: bool = False
    plan: object = None
    """The team's (or the person's) plan to fill in, if any."""
    as_of: dt.date | None = None
    previous: tuple | None = None
    """Last quarter's plan and its final assessment, for the "last quarter" sheet."""
    person: object = None
    """Set for a person's workbook."""
    team_plan: object = None
    """For a person's workbook: the team's plan, whose objectives the person's align to."""


def write_team_job(job: TeamJob) -> WriteResult:
    common = dict(strategy=job.strategy, quarter=job.quarter, template=job.template, lang=job.lang, plan=job.plan,
                  as_of=job.as_of, previous=job.previous)  # fmt: skip
    if job.person is not None:
        write = lambda p: write_personal_workbook(p, person=job.person, team_plan=job.team_plan, **common)  # noqa: E731
    else:
        write = lambda p: write_team_workbook(p, team=job.team, **common)  # noqa: E731
    return write_atomically(job.path, write, force=job.force)


def run_jobs(work, jobs: Sequence):
    """`[work(job) for job in jobs]`, in a process pool when there are many jobs and more than one core.

    The jobs write workbooks, and XlsxWriter leaves reference cycles behind, 0.4 MiB a workbook: the
    cycle collector is on while they run (and in the pool's processes), also where the `okrxl`
    command has turned it off.
    """

    collecting = gc.isenabled()
    gc.enable()
    try:
        if not in_parallel(len(jobs)):
            return [work(job) for job in jobs]
        with worker_pool() as pool:
            return list(pool.map(work, jobs, chunksize=8))
    finally:
        if not collecting:
            gc.disable()


def write_demo(
    out_dir: Path, *, lang: Lang = "sv", as_of: dt.date | None = None, force: bool = False, pdf: bool = True
) -> tuple[list[WriteResult], Consolidation | None]:
    """The whole job on the built-in example: `strategy.xlsx`, the teams' filled-in `2027-Q1/<team>.xlsx`,
    then `okrxl consolidate` of those files into `report-2027-Q1.xlsx` (and `.pdf` where LibreOffice is).

    Nothing is written when any of these files exists, unless `force`; the results then say which.
    """

    out_dir = Path(out_dir)
    as_of = as_of or dpab.AS_OF
    strategy = dpab.dpab_strategy(lang)
    quarter_dir = out_dir / str(dpab.QUARTER)
    report = out_dir / f"report-{dpab.QUARTER}.xlsx"
    strategy_path = out_dir / "strategy.xlsx"
    jobs = [
        TeamJob(
            path=quarter_dir / f"{plan.team.id}.xlsx",
            strategy=strategy,
            team=plan.team,
            quarter=dpab.QUARTER,
            template=DEFAULT,
            lang=lang,
            force=force,
            plan=plan,
            as_of=as_of,
        )  # fmt: skip
        for plan in dpab.dpab_teams(lang)
    ]
    targets = [
        strategy_path,
        *(job.path for job in jobs),
        report,
        *([report.with_suffix(".pdf")] if pdf and soffice() else []),
    ]
    existing = [t for t in targets if t.exists()]
    if existing and not force:
        return [WriteResult(t, Outcome.SKIPPED) for t in existing], None
    write_strategy = lambda p: write_strategy_workbook(p, strategy=strategy, template=DEFAULT, lang=lang)  # noqa: E731
    results = [write_atomically(strategy_path, write_strategy, force=force), *run_jobs(write_team_job, jobs)]
    result = consolidate(quarter_dir, as_of=as_of)
    results.append(result.write_report(report, force=force))
    if pdf and soffice():
        results.append(result.write_pdf(report.with_suffix(".pdf"), force=force))
    return results, result


@dataclass(frozen=True, slots=True, kw_only=True)
class Consolidation:
    """A quarter's team workbooks read together and scored: what `okrxl consolidate` reports."""

    reading: FolderReading
    """The files: which were read, their problems, the strategy."""
    status: QuarterStatus
    """Scores, pacing and gaps at the as-of date."""
    lang: Lang
    """The strategy workbook's language: the report's default."""
    notes: tuple[Words, ...] = ()
    """What the person running it should know beyond the files' problems (an earlier report that cannot be read)."""

    @property
    def document(self) -> dict:
        """The `okrxl.status/4` status document (docs/status-document.md)."""

        return status_document(self.status)

    @property
    def sources(self) -> ReportSources:
        return report_sources(self.reading)

    def key_results(self):
        """A pandas DataFrame with one row per team key result and every field (docs/python.md)."""
        import pandas as pd  # 0.3 s to import, and only this method needs it

        frame = pd.DataFrame(key_result_rows(self.status, self.sources), columns=list(DATA_COLUMNS))
        for column in ("due", "last_check_in"):
            frame[column] = pd.to_datetime(frame[column])
        return frame

    def initiatives(self):
        """A pandas DataFrame with one row per initiative of every team (docs/python.md)."""
        import pandas as pd

        frame = pd.DataFrame(initiative_rows(self.status), columns=list(INITIATIVE_COLUMNS))
        frame["due"] = pd.to_datetime(frame["due"])
        return frame

    def people(self):
        """A pandas DataFrame with one row per key result of every person's plan, with every field and the
        person's scores whatever the pages may print (docs/python.md); no rows when personal OKRs are off."""
        import pandas as pd

        frame = pd.DataFrame(personal_rows(self.status, self.sources), columns=list(PERSONAL_COLUMNS))
        for column in ("due", "last_check_in"):
            frame[column] = pd.to_datetime(frame[column])
        return frame

    def write_report(self, path: Path, *, lang: Lang | None = None, force: bool = False) -> WriteResult:
        """Write the report workbook; an earlier okrxl report is replaced, any other file only with `force`.
        A report of a later as-of date is never replaced without `force`: a rerun for an earlier meeting
        does not overwrite the newest one."""

        if (later := self._later_report(Path(path), force)) is not None:
            return later
        return write_atomically(
            Path(path),
            lambda p: write_report(p, self.status, lang=lang or self.lang, sources=self.sources),
            force=force,
            replaces=OutputKind.REPORT,
        )

    def write_pdf(self, path: Path, *, lang: Lang | None = None, force: bool = False) -> WriteResult:
        """The printed pages as PDF, through LibreOffice (`soffice` must be installed); an earlier okrxl
        report PDF is replaced (not one of a later as-of date), any other file only with `force`."""

        if (later := self._later_report(Path(path), force)) is not None:
            return later
        return write_atomically(
            Path(path),
            lambda p: convert_to_pdf(
                lambda xlsx: write_report(
                    xlsx, self.status, lang=lang or self.lang, sources=self.sources, for_print=True
                ),
                p,
            ),  # fmt: skip
            force=force,
            replaces=OutputKind.REPORT_PDF,
        )

    def _later_report(self, path: Path, force: bool) -> WriteResult | None:
        """A skip when `path` holds okrxl's report of a later as-of date than this one."""
        kept = None if force else report_as_of(path)
        if kept is None or kept <= self.status.as_of:
            return None
        why = Words(f"det är rapporten per {kept}, senare än {self.status.as_of}, och ett tidigare mötes rapport "
                    "ersätter den aldrig; skriv till en annan fil med -o",
                    f"it is the report as of {kept}, later than {self.status.as_of}, and an earlier meeting's report "
                    "never replaces it; write to another file with -o")  # fmt: skip
        return WriteResult(path, Outcome.SKIPPED, why)


def report_sources(reading: FolderReading) -> ReportSources:
    """Where each id came from (file and cell), and each file's problems, for the report."""

    locations: dict[str, tuple[str, CellRef | None]] = {}
    rows = {}
    if reading.strategy_reading is not None:
        name = reading.strategy_reading.path.name
        locations |= {item: (name, cell) for item, cell in reading.strategy_reading.locations.items()}
        rows |= reading.strategy_reading.rows
    files = []
    for result in reading.files:
        team = result.team.team_id if result.team else ""
        if result.team and result.team.person_id:
            team = f"{team}.{result.team.person_id}"  # a person's workbook: `marketing.anna`, as its ids qualify
        if result.used:
            locations[team] = (result.path.name, None)
            locations |= {item: (result.path.name, cell) for item, cell in result.team.locations.items()}
            rows |= result.team.rows
        files.append((result.path.name, team, result.verdict, result.problems))
    return ReportSources(locations=locations, files=files, rows=rows)


def consolidate(
    folder: Path | Sequence[Path],
    *,
    strategy_path: Path | None = None,
    as_of: dt.date | None = None,
    since: dt.date | None = None,
    progress=None,
) -> Consolidation:
    """Read a quarter's team workbooks and the strategy, and score, pace and find the gaps at `as_of`.

    `folder` is the quarter's folder (or a list of files and folders); `as_of` defaults to today, and
    `since`, the date the changes are counted from, to the check-in date before the newest one.
    Raises OkrxlError when there is no usable strategy or no team workbook; files that cannot be read
    are in `reading.files` with their problems, and the rest are consolidated.
    """
    reading = read_quarter(folder, strategy_path=strategy_path, progress=progress)
    as_of = as_of or dt.date.today()
    kept = {} if isinstance(folder, Sequence) and not isinstance(folder, str) else \
        meeting_reports(Path(folder), reading.quarter)  # fmt: skip
    if since is None:
        since = max((day for day in kept if day < as_of), default=None)
    seen, notes = None, []
    if since in kept:
        try:
            seen = read_seen(kept[since])
        except OkrxlError as error:
            name = kept[since].name
            why = error.text or Words(str(error), str(error))
            notes.append(Words(f"{name} kan inte läsas ({why.sv}): \"före\" i ändringarna är vad filerna visar för "
                               f"{since}, inte vad rapporten visade",
                               f"{name} cannot be read ({why.en}): the changes' \"before\" is what the files show "
                               f"for {since}, not what that report showed"))  # fmt: skip
    return review(reading, as_of=as_of, since=since, seen=seen, notes=notes)


def _is_quarter_folder(path: Path) -> bool:
    """A folder named like a quarter (`2027-Q1`) that holds a workbook."""
    try:
        Quarter.parse(path.name)
    except OkrxlError:
        return False
    return path.is_dir() and any(path.glob("*.xlsx"))


def read_quarter(folder: Path | Sequence[Path], *, strategy_path: Path | None = None, progress=None) -> FolderReading:
    """The strategy and a quarter's team workbooks; OkrxlError when either is missing."""

    paths = [Path(folder)] if isinstance(folder, str | Path) else [Path(p) for p in folder]
    reading = read_folder(paths, strategy_path=strategy_path, progress=progress)
    if reading.strategy is None:
        problems = [p for f in reading.files if f.kind in ("strategy", "unreadable") for p in f.problems]
        detail = Words(*(
            "\n".join(f"  {p.said(lang)}" for p in problems) or "  " + "; ".join(note(lang) for note in reading.notes)
            for lang in ("sv", "en")
        ))  # fmt: skip
        where = ", ".join(map(str, paths))
        raise OkrxlError(Words(f"ingen användbar strategi för {where}:\n{detail.sv}",
                               f"no usable strategy for {where}:\n{detail.en}"))  # fmt: skip
    if reading.quarter is None:
        quarters = sorted(q for p in paths if p.is_dir() for q in p.iterdir() if _is_quarter_folder(q))
        where = ", ".join(map(str, paths))
        if quarters:
            found = ", ".join(q.name for q in quarters)
            raise OkrxlError(Words(f"ingen teamarbetsbok i {where}, men kvartalsmappar med arbetsböcker i den: "
                                   f"{found}; kör t.ex. `okrxl consolidate {quarters[-1]}`",
                                   f"no team workbook in {where}, but quarter folders with workbooks in it: {found}; "
                                   f"run e.g. `okrxl consolidate {quarters[-1]}`"))  # fmt: skip
        raise OkrxlError(Words(f"ingen teamarbetsbok i {where}; skapa dem med `okrxl generate`",
                               f"no team workbook in {where}; make them with `okrxl generate`"))  # fmt: skip
    return reading


def review(
    reading: FolderReading,
    *,
    as_of: dt.date,
    since: dt.date | None = None,
    seen: Mapping[str, Seen] | None = None,
    notes: Sequence[Words] = (),
) -> Consolidation:
    """Score, pace and find the gaps of what `read_quarter` read, at `as_of`; `seen` is what the report of
    the meeting on `since` showed (`read_seen`)."""

    status = review_quarter(
        reading.strategy,
        reading.plans,
        quarter=reading.quarter,
        as_of=as_of,
        extra_gaps=reading.gaps,
        since=since or last_meeting(reading.strategy, reading.quarter, as_of),
        seen=seen,
        personal=reading.personal_plans,
    )
    lang = reading.strategy_reading.lang if reading.strategy_reading else "sv"
    return Consolidation(reading=reading, status=status, lang=lang, notes=tuple(notes))


def last_meeting(strategy: Strategy, quarter: Quarter, as_of: dt.date) -> dt.date | None:
    """The check-in date before the newest one on or before `as_of`: what `--since` defaults to."""

    return previous_check_in(
        quarter, as_of, first_month=strategy.first_month, cadence_weeks=strategy.method.cadence_weeks
    )


def default_report_path(folder: Path, quarter: Quarter, as_of: dt.date) -> Path:
    """`report-<quarter>-<as-of>.xlsx` beside the quarter's folder: one report per meeting, so that a later
    run never replaces an earlier meeting's report (and a report of an earlier date no later one)."""
    folder = Path(folder)
    return folder.resolve().parent / f"report-{quarter}-{as_of.isoformat()}.xlsx"


def meeting_reports(folder: Path, quarter: Quarter) -> dict[dt.date, Path]:
    """The meeting reports kept beside the quarter's folder (`report-<quarter>-<date>.xlsx`), by date."""
    reports = {}
    for path in Path(folder).resolve().parent.glob(f"report-{quarter}-*.xlsx"):
        try:
            reports[dt.date.fromisoformat(path.stem.removeprefix(f"report-{quarter}-"))] = path
        except ValueError:
            continue
    return reports


def rollover(
    quarter_dir: Path,
    *,
    to: Quarter,
    out_dir: Path | None = None,
    strategy_path: Path | None = None,
    template_path: Path | None = None,
    lang: Lang | None = None,
    force: bool = False,
    today: dt.date | None = None,
    warn=None,
) -> list[WriteResult]:
    """Next quarter's team workbooks from this quarter's (METHOD.md, "Quarter rollover").

    Reads `quarter_dir` at its quarter's last day; what is not done is carried over with its final
    score and, for metrics, its last value as the new baseline; check-ins start empty; what is done
    is listed on the "last quarter" sheet. A team of the strategy without a workbook gets an empty
    one. The old files are only read; new ones go to `out_dir/<to>/` (default: beside the old folder).
    `warn(text)` is told when the old quarter is not over at `today` (default: the clock's date): what
    is carried is then what the teams had reported so far, not the quarter's end.
    """

    quarter_dir = Path(quarter_dir)
    reading = read_quarter(quarter_dir, strategy_path=strategy_path)
    old, strategy = reading.quarter, reading.strategy
    if to <= old:
        raise OkrxlError(Words(f"--to {to} ska komma efter mappens kvartal {old}",
                               f"--to {to} must come after the folder's quarter {old}"))  # fmt: skip
    if to.year != strategy.year:
        raise OkrxlError(Words(f"{to} ligger utanför strategins år {strategy.year}: gör strategin för {to.year} med "
                               f"`okrxl init` och sedan dess första kvartal med `okrxl generate`",
                               f"{to} is outside the strategy's year {strategy.year}: make the strategy for {to.year} "
                               f"with `okrxl init`, then `okrxl generate` its first quarter"))  # fmt: skip
    # Final scores: the assessment at the old quarter's last day.
    period = old.period(strategy.first_month)
    today = today or dt.date.today()
    if warn is not None and today < period.end:
        share = f"{elapsed_share(period, today):.0%}"
        said = lang or (reading.strategy_reading.lang if reading.strategy_reading else "sv")
        warn(Words(f"{old} slutar {period.end} och har bara gått till {share} den {today}: det som inte är klart förs "
                   f"över med de värden som rapporterats hittills; kör överföringen igen med --force efter "
                   f"{period.end} för att föra över de slutliga",
                   f"{old} ends on {period.end} and is {share} through on {today}: what is not done is carried "
                   f"over with the values reported so far; run the rollover again with --force after {period.end} "
                   f"to carry the final ones")(said))  # fmt: skip
    final = review(reading, as_of=period.end)
    template = load_template(template_path)
    folder = (Path(out_dir) if out_dir is not None else quarter_dir.resolve().parent) / str(to)
    assessed_teams = {assessed.plan.team.id: assessed for assessed in final.status.assessment.teams}
    jobs, rolled = [], {}
    for team in strategy.teams:
        assessed = assessed_teams.get(team.id)
        plan = assessed.plan if assessed else None
        rolled[team.id] = roll_over(plan, assessed, to=to, first_month=strategy.first_month) if plan else None
        jobs.append(TeamJob(
            path=folder / f"{team.id}.xlsx", strategy=strategy, team=team, quarter=to, template=template,
            lang=lang or final.lang, force=force, previous=(plan, assessed) if plan else None, plan=rolled[team.id],
        ))  # fmt: skip
    people = final.status.people.assessment.teams if final.status.people else ()
    for assessed in people:  # each person's workbook goes on beside the team's, aligned to what the team carried
        plan, team_plan = assessed.plan, rolled[assessed.plan.team.id]
        team_objectives = [o.id for o in team_plan.objectives] if team_plan else []
        jobs.append(TeamJob(
            path=folder / plan.team.id / f"{plan.person.id}.xlsx", strategy=strategy, team=plan.team,
            person=plan.person, team_plan=team_plan, quarter=to, template=template, lang=lang or final.lang,
            force=force, previous=(plan, assessed),
            plan=roll_over(plan, assessed, to=to, first_month=strategy.first_month, team_objectives=team_objectives),
        ))  # fmt: skip
    return run_jobs(write_team_job, jobs)


def review_year(
    folder: Path, *, year: int, strategy_path: Path | None = None, as_of: dt.date | None = None
) -> YearReview:
    """The quarters of `year` found in `folder` (`<year>-Q1` … `<year>-Q4`), each at its last day.

    With `as_of`, quarters that start after it are left out and a running quarter is taken at `as_of`.
    A quarter whose workbooks hold not one check-in value yet (made by a rollover, untouched) is left
    out too, and named in `untouched`.
    """

    folder = Path(folder)
    statuses, untouched = [], []
    strategy, lang = None, "sv"
    for number in (1, 2, 3, 4):
        quarter_dir = folder / str(Quarter(year, number))
        if not quarter_dir.is_dir():
            continue
        reading = read_quarter(quarter_dir, strategy_path=strategy_path)
        period = reading.quarter.period(reading.strategy.first_month)
        if as_of is not None and period.start > as_of:
            continue
        if not any(c.value is not None for plan in reading.plans for o in plan.objectives
                   for kr in o.key_results for c in kr.check_ins):  # fmt: skip
            untouched.append(str(reading.quarter))
            continue
        reviewed = review(reading, as_of=min(period.end, as_of or period.end))
        statuses.append(reviewed.status)
        strategy, lang = reading.strategy, reviewed.lang
    if not statuses and untouched:
        quarters = ", ".join(untouched)
        raise OkrxlError(Words(f"inget team har stämt av än i {quarters}: det finns inget år att se tillbaka på",
                               f"no team has checked in yet in {quarters}: there is no year to review"))  # fmt: skip
    if not statuses:
        example = folder / f"{year}-Q1"
        raise OkrxlError(Words(f"inga kvartalsmappar för {year} i {folder} (t.ex. {example})",
                               f"no quarter folders of {year} in {folder} (expected e.g. {example})"))  # fmt: skip
    return YearReview(strategy=strategy, quarters=tuple(statuses), lang=lang, untouched=tuple(untouched))


def write_year_review(
    review: YearReview, path: Path, *, lang: Lang | None = None, pdf: bool = False, force: bool = False
) -> list[WriteResult]:
    """The year review workbook, and with `pdf` its printed pages (LibreOffice must be installed).

    An earlier okrxl review is replaced; any other file only with `force`.
    """

    path, lang = Path(path), lang or review.lang
    write = lambda p: write_review(p, review, lang=lang)  # noqa: E731
    results = [write_atomically(path, write, force=force, replaces=OutputKind.REVIEW)]
    if pdf:
        print_review = lambda p: convert_to_pdf(write, p)  # noqa: E731
        results.append(write_atomically(path.with_suffix(".pdf"), print_review, force=force,
                                        replaces=OutputKind.REVIEW_PDF))  # fmt: skip
    return results


def write_demo_year(
    out_dir: Path, *, lang: Lang = "sv", force: bool = False, pdf: bool = True
) -> tuple[list[WriteResult], YearReview | None]:
    """The whole example year: the strategy, every quarter's filled-in team workbooks (from Q2 with the
    "last quarter" sheet rollover makes), each quarter's report graded the day after it ends, and the
    year review (and its PDF where LibreOffice is).

    Nothing is written when any of these files exists, unless `force`; the results then say which.
    """

    out_dir = Path(out_dir)
    strategy = dpab_year_strategy(lang)
    year = dpab_year(lang)
    strategy_path = out_dir / "strategy.xlsx"
    jobs: list[TeamJob] = []
    previous: dict[str, tuple] = {}
    for quarter, plans in year.items():
        period = quarter.period(strategy.first_month)
        for plan in plans:
            jobs.append(TeamJob(
                path=out_dir / str(quarter) / f"{plan.team.id}.xlsx", strategy=strategy, team=plan.team,
                quarter=quarter, template=DEFAULT, lang=lang, force=force, plan=plan, as_of=period.end,
                previous=previous.get(plan.team.id),
            ))  # fmt: skip
            previous[plan.team.id] = (plan, assess_team(plan, period=period, as_of=period.end, method=strategy.method))
    for quarter, plans in dpab_year_people(lang).items():  # Marketing's trial of personal OKRs in Q4
        jobs += [TeamJob(
            path=out_dir / str(quarter) / plan.team.id / f"{plan.person.id}.xlsx", strategy=strategy, team=plan.team,
            person=plan.person, team_plan=next(p for p in year[quarter] if p.team.id == plan.team.id),
            quarter=quarter, template=DEFAULT, lang=lang, force=force, plan=plan,
            as_of=quarter.period(strategy.first_month).end,
        ) for plan in plans]  # fmt: skip
    reports = [out_dir / f"report-{quarter}.xlsx" for quarter in year]
    review_path = out_dir / f"review-{strategy.year}.xlsx"
    targets = [strategy_path, *(job.path for job in jobs), *reports, review_path,
               *([review_path.with_suffix(".pdf")] if pdf and soffice() else [])]  # fmt: skip
    existing = [t for t in targets if t.exists()]
    if existing and not force:
        return [WriteResult(t, Outcome.SKIPPED) for t in existing], None
    write_strategy = lambda p: write_strategy_workbook(p, strategy=strategy, template=DEFAULT, lang=lang)  # noqa: E731
    results = [write_atomically(strategy_path, write_strategy, force=force), *run_jobs(write_team_job, jobs)]
    for quarter, report in zip(year, reports):
        closed = quarter.period(strategy.first_month).end + dt.timedelta(days=1)
        results.append(consolidate(out_dir / str(quarter), as_of=closed).write_report(report, force=force))
    review = review_year(out_dir, year=strategy.year)
    results += write_year_review(review, review_path, lang=lang, pdf=pdf and soffice() is not None, force=force)
    return results, review
