#!/usr/bin/env python3
"""okrxl at scale: generate, consolidate, memory and start-up against the floor for the same work.

    python benchmarks/bench.py --teams 100 [--keep DIR] [--repeat K] [--jobs J]

Makes a strategy with N teams (team-0001 ...) and N filled team workbooks (5 objectives x 4 key
results x 7 check-ins each, Swedish and English text), then measures in the same run:

1. `okrxl generate` of the N workbooks, against XlsxWriter writing the same cells bare;
2. `okrxl consolidate` of the N workbooks (report included), against the floor for the same I/O
   (python-calamine reading every cell + XlsxWriter writing the report's cells bare), and
   `pandas.read_excel(engine="openpyxl")` of the same files against okrxl;
3. the peak RSS of `okrxl consolidate` at N and at N/10 (each a fresh child process);
4. `okrxl --help` wall time (median of 5).

It prints a markdown table and writes it to benchmarks/RESULTS.md (one section per N, kept across
runs). Only the standard library, okrxl, XlsxWriter, python-calamine and pandas are used; the okrxl
commands run as the real console script beside `sys.executable`. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

QUARTER = "2027-Q1"
AS_OF = "2027-02-15"
SEED = 20270215
LANG = "sv"
MARKER = ".okrxl-bench"
"""A file in a --keep folder that says this script made it (so a later run may clear it)."""
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
PACKAGES = ("okrxl", "openpyxl", "XlsxWriter", "pandas", "python-calamine")

# Targets (from the issue): (label, comparison, limit).
TARGET_GENERATE = 2.0  # okrxl generate <= 2x bare XlsxWriter
TARGET_CONSOLIDATE = 2.0  # okrxl consolidate <= 2x the floor
TARGET_PANDAS = 2.0  # pandas read_excel(openpyxl) >= 2x okrxl consolidate
TARGET_MEMORY = 1.5  # peak RSS at N <= 1.5x peak RSS at N/10
TARGET_HELP = 0.25  # okrxl --help < 0.25 s

OBJECTIVES_PER_TEAM = 5
KEY_RESULTS_PER_OBJECTIVE = 4


# --- the data: a strategy and its teams' filled-in quarter, built from okrxl.core.model ------------------

FIRST_NAMES = (
    "Anna", "Erik", "Maria", "Lars", "Karin", "Johan", "Sara", "Anders", "Eva", "Mikael", "Lena", "Per",
    "Emma", "Ahmed", "Fredrika", "Jonas", "Ingrid", "Magnus", "Sofia", "Fatima", "Oskar", "Linnea", "Pernilla",
    "Mats", "Vilma", "Björn", "Åsa", "Göran", "Elin", "Hugo", "Nils", "Maja", "Ali", "Helena", "Kristoffer",
)  # fmt: skip
DEPARTMENTS = (
    "Kundservice", "Försäljning", "Marknad", "Produktion", "Logistik", "Ekonomi", "HR", "IT-drift",
    "Produktutveckling", "Inköp", "Kvalitet", "Digitala kanaler", "Partnerförsäljning", "Lager", "Data & Analys",
    "Customer Success", "Platform", "Growth", "Säkerhet", "Juridik",
)  # fmt: skip
REGIONS = ("Norr", "Syd", "Väst", "Öst", "Mitt", "Stockholm", "Göteborg", "Malmö", "Oslo", "Helsingfors",
           "Köpenhamn", "Nordics")  # fmt: skip
THINGS_SV = ("självbetjäningsportalen", "fakturaflödet", "kundresan", "onboardingen av nya kunder", "lagerhanteringen",
             "leveransprecisionen", "den digitala brevlådan", "partnernätverket i Norge", "supportprocessen",
             "prissättningen", "rapporteringen till ledningen", "API-plattformen")  # fmt: skip
THINGS_EN = ("the self-service portal", "the invoicing flow", "the customer journey", "customer onboarding",
             "the warehouse process", "delivery precision", "the digital mailbox", "our partner network in Norway",
             "the support process", "pricing", "management reporting", "the API platform")  # fmt: skip
OBJECTIVE_TITLES = (
    ("Gör {thing} så enkel att kunderna väljer den själva", "Make {thing} so simple that customers choose it"),
    ("Bygg en skalbar grund för {thing} inför tillväxten i {region}", "Build a scalable base for {thing} in {region}"),
    ("Stärk relationen till våra befintliga kunder i {region}", "Strengthen relations with customers in {region}"),
    ("Leverera branschens bästa upplevelse genom {thing}", "Deliver the industry's best experience through {thing}"),
    ("Minska friktionen i {thing} för både kunder och kollegor", "Remove the friction in {thing} for everyone"),
    ("Etablera oss som förstahandsval i {region}", "Become the first choice in {region}"),
    ("Få kontroll på kostnaderna i {thing}", "Get the costs of {thing} under control"),
    ("Lansera {thing} i {region} med hög kvalitet från dag ett", "Launch {thing} in {region}, right from day one"),
    ("Skapa en arbetsplats där folk stannar och rekommenderar oss", "Make a workplace people stay at and recommend"),
    ("Automatisera bort det manuella arbetet i {thing}", "Automate away the manual work in {thing}"),
)  # fmt: skip
NOTES = (
    ("Väntar på leverantören, ny tidplan kommer i nästa vecka", "Waiting for the supplier; new timeline next week"),
    ("Bra fart efter kampanjen, men sommaren blir tuffare", "Good pace after the campaign, summer will be harder"),
    ("Två i teamet sjuka i perioden", "Two people in the team were off sick"),
    ("Behöver beslut från ledningsgruppen om budget", "Needs a budget decision from the leadership team"),
    ("Piloten i Oslo gick bättre än väntat", "The Oslo pilot went better than expected"),
    ("Datakällan byttes, siffran är inte helt jämförbar", "The data source changed; not quite comparable"),
    ("Klart före plan", "Done ahead of plan"),
    ("Beroende av IT-drift för releasen", "Depends on IT operations for the release"),
)  # fmt: skip
COMMENTS = (
    ("Mäts i BI-rapporten varje måndag", "Measured in the BI report every Monday"),
    ("Se Confluence-sidan för definitionen", "See the wiki page for the definition"),
    ("Avstämt med ekonomi", "Agreed with finance"),
    ("Räknas per kalendermånad", "Counted per calendar month"),
)  # fmt: skip


def _pick(rng: random.Random, pair: tuple[str, str]) -> tuple[str, bool]:
    """The Swedish text most of the time, the English one sometimes (as mixed companies write)."""
    english = rng.random() < 0.3
    return pair[1 if english else 0], english


def _round(value: float, step: float) -> float:
    return round(round(value / step) * step, 4)


def make_strategy(n_teams: int, seed: int = SEED):
    """The company's strategy for 2027 with `n_teams` teams (team-0001 ...) and 5 strategic objectives."""
    import okrxl.core.model as m

    rng = random.Random(f"{seed}-strategy-{n_teams}")
    names: set[str] = set()
    teams = []
    for index in range(1, n_teams + 1):
        name = f"{rng.choice(DEPARTMENTS)} {rng.choice(REGIONS)}"
        if name in names:
            name = f"{name} {index}"
        names.add(name)
        teams.append(m.Team(id=f"team-{index:04d}", name=name, lead=rng.choice(FIRST_NAMES)))
    q1 = (dt.date(2027, 1, 18), dt.date(2027, 2, 1), dt.date(2027, 2, 15))

    def kr(id_, title, kind, unit, baseline, target, values, commitment=m.Commitment.ASPIRATIONAL):
        return m.KeyResult(
            id=id_, title=title, kind=kind, unit=unit, baseline=baseline, target=target, commitment=commitment,
            owner=rng.choice(FIRST_NAMES),
            check_ins=tuple(m.CheckIn(date=d, value=v) for d, v in zip(q1, values)),
        )  # fmt: skip

    K = m.KeyResultKind
    objectives = (
        ("S1", "Kommande år vårt starkaste tillväxtår någonsin", (
            kr("S1.1", "120 MSEK i försäljning till nya kunder", K.INCREASE, "MSEK", 0, 120, (4, 9, 15),
               m.Commitment.COMMITTED),
            kr("S1.2", "Öka värdet av befintliga kunder med 20%", K.PERCENT, "%", 0, 20, (0.5, 1.2, 2.0)),
            kr("S1.3", "400 nya kunder i Norden", K.COUNT, "kunder", None, 400, (12, 30, 51)),
        )),
        ("S2", "Leverera branschens bästa upplevelse", (
            kr("S2.1", "Sänk churn från 15% till 5%", K.DECREASE, "%", 15, 5, (15, 14.5, 14)),
            kr("S2.2", "NPS över 45 rullande tre månader", K.INCREASE, "NPS", 22, 45, (23, 25, 27)),
        )),
        ("S3", "Marknadstest i Norge och Finland", (
            kr("S3.1", "60 nya kunder i Norge och Finland innan året är slut", K.COUNT, "kunder", None, 60, (1, 3, 6)),
            kr("S3.2", "3 validerade säljstrategier för den nordiska marknaden", K.COUNT, "strategier", None, 3,
               (0, 0, 1)),
        )),
        ("S4", "Lönsam tillväxt: varje ny krona ska bära sig", (
            kr("S4.1", "Rörelsemarginal från 6% till 11%", K.INCREASE, "%", 6, 11, (6.1, 6.4, 6.9),
               m.Commitment.COMMITTED),
            kr("S4.2", "Kostnad per hanterat brev ned från 4,20 till 3,10 kr", K.DECREASE, "kr", 4.2, 3.1,
               (4.15, 4.1, 4.02)),
        )),
        ("S5", "En arbetsplats där de bästa vill vara", (
            kr("S5.1", "eNPS från 12 till 35", K.INCREASE, "eNPS", 12, 35, (12, 15, 19)),
            kr("S5.2", "Personalomsättning under 8%", K.DECREASE, "%", 14, 8, (13.8, 13.1, 12.9)),
        )),
    )  # fmt: skip
    return m.Strategy(
        company="Nordisk Posthantering AB",
        vision="Snabb och miljövänlig kommunikation genom pappersfri post i hela Norden",
        mission="Att vara den föredragna partnern i digitalisering av kommunikation för företag och myndigheter",
        year=2027,
        teams=tuple(teams),
        objectives=tuple(
            m.Objective(id=id_, title=title, owner=rng.choice(FIRST_NAMES), key_results=krs)
            for id_, title, krs in objectives
        ),
    )


def make_plan(strategy, index: int, seed: int = SEED):
    """Team `index`'s (1-based) quarter: 5 objectives x 4 key results, a check-in at each of the 7 dates."""
    import okrxl.core.model as m

    K = m.KeyResultKind
    rng = random.Random(f"{seed}-team-{index}")
    team = strategy.teams[index - 1]
    quarter = m.Quarter.parse(QUARTER)
    dates = quarter.check_in_dates(first_month=strategy.first_month, cadence_weeks=strategy.method.cadence_weeks)
    period = quarter.period(strategy.first_month)
    strategic = {o.id: [kr.id for kr in o.key_results] for o in strategy.objectives}
    region = team.name.split()[-1] if not team.name.split()[-1].isdigit() else rng.choice(REGIONS)

    def key_result(kr_id: str, aligned: tuple[str, ...]) -> m.KeyResult:
        english = rng.random() < 0.3
        t = (lambda sv, en: en) if english else (lambda sv, en: sv)  # noqa: E731

        def g(number: float) -> str:  # a number as the team would type it: 10,5 in Swedish
            return f"{number:g}" if english else f"{number:g}".replace(".", ",")

        kind = rng.choices(
            (K.INCREASE, K.COUNT, K.PERCENT, K.MILESTONE, K.DECREASE, K.MAINTAIN, K.BINARY),
            weights=(30, 20, 15, 20, 10, 3, 2),
        )[0]
        thing = rng.choice(THINGS_EN if english else THINGS_SV)
        progress_end = rng.uniform(0.45, 1.25)
        shape = rng.uniform(0.6, 1.4)
        fractions = [progress_end * ((i + 1) / len(dates)) ** shape for i in range(len(dates))]
        unit = baseline = target = due = None
        side = m.Side.AT_LEAST
        if kind is K.INCREASE:
            unit, baseline, step, metric = rng.choice((
                ("MSEK", 0.0, 0.1, t("intäkterna via", "revenue through")),
                ("%", float(round(rng.uniform(20, 60))), 0.1, t("andelen ärenden lösta i", "share of cases solved in")),
                ("NPS", float(round(rng.uniform(5, 30))), 1.0, t("NPS för", "NPS of")),
                ("kSEK/kund", float(round(rng.uniform(40, 90))), 0.5, t("snittordervärdet i", "order value in")),
            ))  # fmt: skip
            target = baseline + (rng.choice((1.5, 2, 2.5, 3, 4, 6)) if unit == "MSEK" else round(rng.uniform(8, 25)))
            if unit == "%":
                target = min(target, 99.0)
            title = t(f"Öka {metric} {thing} från {g(baseline)} till {g(target)} {unit}",
                      f"Grow {metric} {thing} from {g(baseline)} to {g(target)} {unit}")  # fmt: skip
            values = [_round(baseline + (target - baseline) * f + rng.gauss(0, 0.02) * target, step) for f in fractions]
        elif kind is K.COUNT:
            unit = rng.choice(t(("kunder", "leads", "säljare", "avtal", "integrationer"),
                                ("customers", "leads", "sales people", "contracts", "integrations")))  # fmt: skip
            target = float(rng.choice((5, 10, 12, 20, 25, 40, 100, 250, 1000)))
            title = t(f"{g(target)} nya {unit} via {thing} under kvartalet",
                      f"{g(target)} new {unit} through {thing} this quarter")  # fmt: skip
            values = [float(max(0, round(target * f))) for f in fractions]
        elif kind is K.PERCENT:
            unit, target = "%", float(rng.choice((10, 15, 25, 50, 80, 95, 100)))
            title = t(f"{g(target)}% av kunderna använder {thing}", f"{g(target)}% of customers use {thing}")
            values = [_round(min(100.0, target * f), 0.1) for f in fractions]
        elif kind is K.DECREASE:
            unit, baseline, metric = rng.choice((
                ("h", float(rng.choice((24, 36, 48, 72))), t("ledtiden i", "lead time in")),
                ("%", float(rng.randint(8, 20)), t("felandelen i", "error rate in")),
                ("ärenden/vecka", float(rng.randint(80, 400)), t("antalet manuella ärenden i", "manual cases in")),
            ))  # fmt: skip
            target = _round(baseline * rng.uniform(0.5, 0.8), 0.1)
            title = t(f"Minska {metric} {thing} från {g(baseline)} till {g(target)} {unit}",
                      f"Cut {metric} {thing} from {g(baseline)} to {g(target)} {unit}")  # fmt: skip
            values = [_round(baseline - (baseline - target) * f + rng.gauss(0, 0.01) * baseline, 0.1)
                      for f in fractions]  # fmt: skip
        elif kind is K.MILESTONE:
            due = rng.choice((dt.date(2027, 2, 1), dt.date(2027, 2, 28), dt.date(2027, 3, 15), period.end))
            title = t(f"Ny version av {thing} i produktion senast {due.day}/{due.month}",
                      f"New version of {thing} live by {due:%d %b}")  # fmt: skip
            values = [min(1.0, _round(min(1.0, f * 1.1), 0.05)) for f in fractions]
        elif kind is K.MAINTAIN:
            unit, target = "%", float(rng.choice((95, 98, 99.5)))
            side = m.Side.AT_LEAST
            title = t(f"Tillgänglighet för {thing} minst {g(target)}% varje vecka",
                      f"Availability of {thing} at least {g(target)}% every week")  # fmt: skip
            values = [_round(min(100.0, target + rng.uniform(-1, 1.5)), 0.1) for _ in dates]
        else:  # binary
            done_at = rng.randint(2, len(dates) + 2)
            title = t(f"Avtal med partner för {thing} påskrivet (1 st)", f"Partner contract for {thing} signed (1)")
            values = [1.0 if i >= done_at else 0.0 for i in range(len(dates))]
        feeds = None
        if rng.random() < 0.3 and aligned:
            feeds = rng.choice(strategic[aligned[0]])
        depends_on = ()
        if rng.random() < 0.05 and len(strategy.teams) > 1:
            other = rng.choice([t_ for t_ in strategy.teams if t_.id != team.id])
            depends_on = (m.Dependency(
                key_result_id=f"{other.id}.O{rng.randint(1, OBJECTIVES_PER_TEAM)}.{rng.randint(1, 4)}",
                needed_by=rng.choice((dt.date(2027, 2, 15), dt.date(2027, 3, 1))),
            ),)  # fmt: skip
        confidence = rng.choices(tuple(m.Confidence), weights=(6, 3, 1))[0]
        note = rng.choice(NOTES)[1 if english else 0] if rng.random() < 0.5 else None
        check_ins = [m.CheckIn(date=d, value=v) for d, v in zip(dates[:-1], values[:-1])]
        check_ins.append(m.CheckIn(date=dates[-1], value=values[-1], confidence=confidence, note=note))
        return m.KeyResult(
            id=kr_id, title=title, kind=kind, side=side, unit=unit, baseline=baseline, target=target, due=due,
            commitment=m.Commitment.COMMITTED if rng.random() < 0.25 else m.Commitment.ASPIRATIONAL,
            owner=rng.choice(FIRST_NAMES), feeds=feeds, depends_on=depends_on, check_ins=tuple(check_ins),
            comment=rng.choice(COMMENTS)[1 if english else 0] if rng.random() < 0.2 else None,
        )  # fmt: skip

    objectives = []
    for o in range(1, OBJECTIVES_PER_TEAM + 1):
        aligned = tuple(rng.sample(sorted(strategic), 2 if rng.random() < 0.2 else 1))
        pattern, english = _pick(rng, rng.choice(OBJECTIVE_TITLES))
        thing = rng.choice(THINGS_EN if english else THINGS_SV)
        objectives.append(m.Objective(
            id=f"O{o}", title=pattern.format(thing=thing, region=region), owner=rng.choice(FIRST_NAMES),
            aligned_to=aligned,
            key_results=tuple(key_result(f"O{o}.{k}", aligned) for k in range(1, KEY_RESULTS_PER_OBJECTIVE + 1)),
        ))  # fmt: skip
    return m.TeamQuarter(team=team, quarter=quarter, objectives=tuple(objectives))


def _write_teams(folder: str, n_teams: int, seed: int, indices: list[int]) -> None:
    """Write the filled team workbooks of `indices` into `folder/2027-Q1` (a worker's share)."""
    from okrxl.core.model import Quarter
    from okrxl.excel.template import DEFAULT
    from okrxl.excel.workbook_writer import write_team_workbook

    strategy = make_strategy(n_teams, seed)
    quarter = Quarter.parse(QUARTER)
    as_of = quarter.period(strategy.first_month).end  # the cached scores of a quarter with all 7 check-ins
    for index in indices:
        plan = make_plan(strategy, index, seed)
        write_team_workbook(
            Path(folder) / QUARTER / f"{plan.team.id}.xlsx", strategy=strategy, team=plan.team, quarter=quarter,
            template=DEFAULT, lang=LANG, plan=plan, as_of=as_of,
        )  # fmt: skip


def write_inputs(folder: Path, n_teams: int, *, jobs: int, seed: int = SEED) -> float:
    """`folder/strategy.xlsx` and `folder/2027-Q1/<team>.xlsx`, filled; returns the seconds it took."""
    from okrxl.excel.template import DEFAULT
    from okrxl.excel.workbook_writer import write_strategy_workbook

    start = time.perf_counter()
    (folder / QUARTER).mkdir(parents=True, exist_ok=True)
    write_strategy_workbook(folder / "strategy.xlsx", strategy=make_strategy(n_teams, seed), template=DEFAULT,
                            lang=LANG)  # fmt: skip
    indices = list(range(1, n_teams + 1))
    jobs = max(1, min(jobs, n_teams // 20 or 1))
    if jobs == 1:
        _write_teams(str(folder), n_teams, seed, indices)
    else:
        with ProcessPoolExecutor(jobs) as pool:
            chunks = [indices[i::jobs] for i in range(jobs)]
            for future in [pool.submit(_write_teams, str(folder), n_teams, seed, chunk) for chunk in chunks]:
                future.result()
    return time.perf_counter() - start


# --- running things and timing them ---------------------------------------------------------------


@dataclass
class Run:
    seconds: float
    peak_mib: float | None
    """The command's peak RSS (from wait4: the largest of its process and the children it waited for)."""
    cpu: float | None
    """User + system CPU seconds of the command and the children it waited for (a process pool's workers)."""
    stdout: str
    stderr: str


def _maxrss_mib(maxrss: int) -> float:
    # ru_maxrss is in KiB on Linux and the BSDs, in bytes on macOS.
    return maxrss / (1024 * 1024) if sys.platform == "darwin" else maxrss / 1024


# The measured command runs as a grandchild, under this small launcher. On Linux a process's
# ru_maxrss starts from the high-water RSS of the process it was forked from (exec keeps it), so a
# child of this script would report at least this script's own peak (pandas, the cells read back):
# the launcher is a fresh, small Python whose high-water mark (~10 MB) is far below okrxl's.
LAUNCHER = r"""
import json, os, subprocess, sys, time
argv, out, err = json.loads(sys.argv[1]), sys.argv[2], sys.argv[3]
with open(out, "wb") as o, open(err, "wb") as e:
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=o, stderr=e)
    if hasattr(os, "wait4"):
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode, maxrss = os.waitstatus_to_exitcode(status), usage.ru_maxrss
        cpu = usage.ru_utime + usage.ru_stime
    else:
        proc.wait()
        seconds, maxrss, cpu = time.perf_counter() - start, None, None
print(json.dumps({"seconds": seconds, "returncode": proc.returncode, "maxrss": maxrss, "cpu": cpu}))
"""


def run_child(argv: list[str]) -> Run:
    """Run a command as a fresh process (under LAUNCHER): its wall time and (POSIX) its own peak RSS.

    A command that exits with an error stops the benchmark, with its output.
    """
    import json

    with tempfile.TemporaryDirectory(prefix="okrxl-bench-run-") as folder:
        out, err = Path(folder) / "stdout", Path(folder) / "stderr"
        launched = subprocess.run([sys.executable, "-c", LAUNCHER, json.dumps(argv), str(out), str(err)],
                                  capture_output=True, text=True, check=True)  # fmt: skip
        result = json.loads(launched.stdout)
        stdout, stderr = out.read_text(errors="replace"), err.read_text(errors="replace")
    if result["returncode"] != 0:
        raise SystemExit(f"{' '.join(argv)}\nexited with {result['returncode']}:\n{stdout[-3000:]}\n{stderr[-3000:]}")
    peak = None if result["maxrss"] is None else _maxrss_mib(result["maxrss"])
    return Run(result["seconds"], peak, result["cpu"], stdout, stderr)


def okrxl_script() -> str:
    """The `okrxl` console script installed beside this Python."""
    found = shutil.which("okrxl", path=str(Path(sys.executable).parent))
    if found is None:
        raise SystemExit(f"no okrxl console script beside {sys.executable}; install okrxl into this environment")
    return found


def cpu_of_best(runs: list[Run]) -> float | None:
    """The CPU seconds of the fastest run."""
    return min(runs, key=lambda r: r.seconds).cpu


def timed(function, *args) -> float:
    """Wall time of `function(*args)` in this process, with the benchmark's own objects out of the GC's way.

    The cells read back for the floors are hundreds of thousands of objects; without `gc.freeze()`
    every full collection during a timed floor would walk them, which okrxl's own process never does.
    """
    gc.collect()
    gc.freeze()
    try:
        start = time.perf_counter()
        function(*args)
        return time.perf_counter() - start
    finally:
        gc.unfreeze()


# --- the floors -----------------------------------------------------------------------------------


def read_cells(path: Path) -> list[tuple[str, list[list]]]:
    """Every sheet's cells, with their positions (from A1), as python-calamine gives them. Not timed."""
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_path(str(path))
    try:
        return [(name, workbook.get_sheet_by_name(name).to_python(skip_empty_area=False))
                for name in workbook.sheet_names]  # fmt: skip
    finally:
        workbook.close()


def write_bare(path: Path, sheets: list[tuple[str, list[list]]]) -> None:
    """The same sheets and cell values with XlsxWriter: no formats, validations, formulas or tables."""
    import xlsxwriter

    workbook = xlsxwriter.Workbook(str(path))
    for name, rows in sheets:
        sheet = workbook.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value == "" or value is None:
                    continue
                if isinstance(value, str):
                    sheet.write_string(r, c, value)
                elif isinstance(value, bool):
                    sheet.write_boolean(r, c, value)
                elif isinstance(value, int | float):
                    sheet.write_number(r, c, value)
                elif isinstance(value, dt.date | dt.datetime | dt.time | dt.timedelta):
                    sheet.write_datetime(r, c, value)
                else:
                    sheet.write_string(r, c, str(value))
    workbook.close()


def calamine_read_all(paths: list[Path]) -> int:
    """Read every cell of every sheet of `paths` (the read floor); returns the number of cells."""
    from python_calamine import CalamineWorkbook

    cells = 0
    for path in paths:
        workbook = CalamineWorkbook.from_path(str(path))
        for name in workbook.sheet_names:
            rows = workbook.get_sheet_by_name(name).to_python()
            cells += sum(len(row) for row in rows)
        workbook.close()
    return cells


def pandas_read_all(paths: list[Path]) -> None:
    import pandas as pd

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for path in paths:
            pd.read_excel(path, sheet_name=None, engine="openpyxl")


# --- the run --------------------------------------------------------------------------------------


def prepare_keep(folder: Path) -> Path:
    """A --keep folder: made, or emptied when an earlier run of this script made it; else it must be empty."""
    if folder.exists() and any(folder.iterdir()):
        if not (folder / MARKER).exists():
            raise SystemExit(f"--keep {folder}: the folder is not empty and was not made by bench.py; "
                             "give an empty or new folder")  # fmt: skip
        shutil.rmtree(folder)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / MARKER).write_text("made by okrxl benchmarks/bench.py; a later run may delete this folder's content\n")
    return folder


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def fmt_s(seconds: float) -> str:
    return f"{seconds:.3f} s" if seconds < 10 else f"{seconds:.1f} s"


def fmt_cpu(seconds: float | None) -> str:
    return "n/a" if seconds is None else fmt_s(seconds)


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("yes" if ok else "**no**")


def measure_generate(okrxl: str, strategy: Path, scratch: Path, n: int, repeat: int) -> dict:
    """1. `okrxl generate` of the N team workbooks, and XlsxWriter writing the same cells bare.

    The runs alternate (okrxl, bare, okrxl, bare, ...), so that a slow minute of a shared machine
    slows both sides, not one.
    """

    def generate(k: int) -> Run:
        out = scratch / f"generate-{k}"
        run = run_child([okrxl, "generate", str(strategy), "--quarter", QUARTER, "-o", str(out)])
        if k == 0:
            generated = sorted((out / QUARTER).glob("*.xlsx"))
            if len(generated) != n:
                raise SystemExit(f"okrxl generate wrote {len(generated)} workbooks, expected {n}")
            cells.extend(read_cells(p) for p in generated)  # the reference's input; not timed
        shutil.rmtree(out, ignore_errors=True)
        return run

    def write_all(folder: Path) -> None:
        for index, sheets in enumerate(cells):
            write_bare(folder / f"{index:05d}.xlsx", sheets)

    cells: list[list[tuple[str, list[list]]]] = []
    runs, bare_times = [], []
    for k in range(repeat):
        log(f"1. okrxl generate ({k + 1}/{repeat}) and bare XlsxWriter, same cells ...")
        runs.append(generate(k))
        bare = scratch / f"bare-{k}"
        bare.mkdir()
        bare_times.append(timed(write_all, bare))
        shutil.rmtree(bare, ignore_errors=True)
    return {
        "generate": min(r.seconds for r in runs),
        "cpu": cpu_of_best(runs),
        "bare": min(bare_times),
        "cells_each": sum(v not in ("", None) for _, rows in cells[0] for row in rows for v in row),
    }


def measure_consolidate(okrxl: str, folder: Path, inputs: list[Path], scratch: Path, repeat: int) -> dict:
    """2. `okrxl consolidate` (time and peak RSS), the floor for the same I/O, and pandas.

    Each round runs okrxl, then the floor (python-calamine reading, bare XlsxWriter writing the
    report's cells), then pandas, so that a slow minute of a shared machine slows every side.
    """
    report = folder.parent / f"report-{QUARTER}.xlsx"
    command = [okrxl, "consolidate", str(folder), "--as-of", AS_OF, "-o", str(report)]
    runs, calamine, bare_report, pandas = [], [], [], []
    report_cells: list[tuple[str, list[list]]] = []
    for k in range(repeat):
        log(f"2. okrxl consolidate ({k + 1}/{repeat}), the floor and pandas.read_excel(engine='openpyxl') ...")
        runs.append(run_child(command))
        if k == 0:
            report_cells = read_cells(report)  # the floor's input; not timed
        calamine.append(timed(calamine_read_all, inputs))
        bare_report.append(timed(write_bare, scratch / "bare-report.xlsx", report_cells))
        pandas.append(timed(pandas_read_all, inputs))
    peaks = [r.peak_mib for r in runs if r.peak_mib is not None]
    return {
        "consolidate": min(r.seconds for r in runs),
        "cpu": cpu_of_best(runs),
        "peak": min(peaks) if peaks else None,
        "said": " / ".join(line.strip() for line in runs[-1].stdout.strip().splitlines()[-2:]),
        "calamine": min(calamine),
        "calamine_cells": calamine_read_all(inputs),
        "bare_report": min(bare_report),
        "report_cells": sum(v not in ("", None) for _, rows in report_cells for row in rows for v in row),
        "report_sheets": len(report_cells),
        "pandas": min(pandas),
    }


def measure_small(okrxl: str, folder: Path, repeat: int) -> dict:
    """3. `okrxl consolidate` of the N/10 folder: its peak RSS (and time)."""
    report = folder.parent / f"report-{QUARTER}.xlsx"
    runs = [run_child([okrxl, "consolidate", str(folder), "--as-of", AS_OF, "-o", str(report)]) for _ in range(repeat)]
    peaks = [r.peak_mib for r in runs if r.peak_mib is not None]
    return {"consolidate": min(r.seconds for r in runs), "peak": min(peaks) if peaks else None}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--teams", type=int, required=True, metavar="N", help="number of team workbooks")
    parser.add_argument(
        "--keep", type=Path, metavar="DIR",
        help="leave the files in DIR (strategy.xlsx, 2027-Q1/, tenth/, the reports) instead of a temp dir",
    )  # fmt: skip
    parser.add_argument("--repeat", type=int, default=1, metavar="K", help="take the best of K runs [1]")
    parser.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1,
        help="processes for writing the input workbooks (setup only, not measured) [os.cpu_count()]",
    )  # fmt: skip
    parser.add_argument("--results", type=Path, default=RESULTS, help=f"markdown file to update [{RESULTS}]")
    parser.add_argument("--no-results", action="store_true", help="print the table only")
    args = parser.parse_args(argv)
    if args.teams < 1 or args.repeat < 1 or args.jobs < 1:
        parser.error("--teams, --repeat and --jobs must be at least 1")
    try:
        import pandas  # noqa: F401  (imported before timing: its import is not what is measured)
        import python_calamine  # noqa: F401
        import xlsxwriter  # noqa: F401
    except ImportError as error:
        raise SystemExit(f"bench.py needs {error.name}: pip install python-calamine pandas xlsxwriter") from None

    n, small_n, repeat = args.teams, max(1, args.teams // 10), args.repeat
    load_before = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    okrxl = okrxl_script()
    scratch = Path(tempfile.mkdtemp(prefix="okrxl-bench-"))
    work = prepare_keep(args.keep.resolve()) if args.keep else scratch / "files"
    small = work / "tenth"
    try:
        log(f"setup: strategy.xlsx and {n} filled team workbooks in {work} ...")
        setup_big = write_inputs(work, n, jobs=args.jobs)
        log(f"setup: {fmt_s(setup_big)}; {small_n} more in {small} ...")
        setup_small = write_inputs(small, small_n, jobs=args.jobs)
        log(f"setup: {fmt_s(setup_small)}")
        inputs = [work / "strategy.xlsx", *sorted((work / QUARTER).glob("*.xlsx"))]
        input_bytes = sum(p.stat().st_size for p in inputs)

        gen = measure_generate(okrxl, work / "strategy.xlsx", scratch, n, repeat)
        con = measure_consolidate(okrxl, work / QUARTER, inputs, scratch, repeat)
        log(f"3. okrxl consolidate of {small_n} workbooks (x{repeat}) ...")
        sml = measure_small(okrxl, small / QUARTER, repeat)
        log("4. okrxl --help (x5) ...")
        t_help = statistics.median(run_child([okrxl, "--help"]).seconds for _ in range(5))
        load_after = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    finally:
        shutil.rmtree(scratch, ignore_errors=True)  # with --keep, the kept files are not in it

    floor = con["calamine"] + con["bare_report"]
    r_generate = gen["generate"] / gen["bare"]
    r_consolidate = con["consolidate"] / floor
    r_pandas = con["pandas"] / con["consolidate"]
    r_memory = con["peak"] / sml["peak"] if con["peak"] and sml["peak"] else None
    rows = [
        (f"1. `okrxl generate` of {n} workbooks", fmt_s(gen["generate"]),
         f"bare XlsxWriter, same cells: {fmt_s(gen['bare'])}", f"{r_generate:.2f}x",
         f"<= {TARGET_GENERATE:g}x", verdict(r_generate <= TARGET_GENERATE)),
        (f"2. `okrxl consolidate` of {n} workbooks (report included)", fmt_s(con["consolidate"]),
         f"floor {fmt_s(floor)} (calamine read {fmt_s(con['calamine'])} + bare report {fmt_s(con['bare_report'])})",
         f"{r_consolidate:.2f}x", f"<= {TARGET_CONSOLIDATE:g}x", verdict(r_consolidate <= TARGET_CONSOLIDATE)),
        (f"2. `pandas.read_excel(engine=\"openpyxl\")` of the same {len(inputs)} files", fmt_s(con["pandas"]),
         f"okrxl consolidate: {fmt_s(con['consolidate'])}", f"{r_pandas:.2f}x", f">= {TARGET_PANDAS:g}x",
         verdict(r_pandas >= TARGET_PANDAS)),
        ("3. peak RSS of `okrxl consolidate`",
         f"{con['peak']:.0f} MiB at {n}" if con["peak"] else "n/a",
         f"{sml['peak']:.0f} MiB at {small_n}" if sml["peak"] else "n/a",
         f"{r_memory:.2f}x" if r_memory else "n/a", f"<= {TARGET_MEMORY:g}x",
         verdict(None if r_memory is None else r_memory <= TARGET_MEMORY)),
        ("4. `okrxl --help` (median of 5)", fmt_s(t_help), "", "", f"< {TARGET_HELP:g} s",
         verdict(t_help < TARGET_HELP)),
    ]  # fmt: skip
    table = ["| measurement | okrxl | reference | ratio | target | met |", "|---|---|---|---|---|---|"]
    table += ["| " + " | ".join(row) + " |" for row in rows]
    per_file = 1000 / len(inputs)
    details = [
        f"- setup (not measured): strategy + {n} filled team workbooks in {fmt_s(setup_big)}, {small_n} more in "
        f"{fmt_s(setup_small)} ({args.jobs} processes); inputs {input_bytes / 1e6:.1f} MB, "
        f"{input_bytes / 1e3 / len(inputs):.0f} kB per file",
        f"- per team workbook: generate {1000 * gen['generate'] / n:.1f} ms, bare {1000 * gen['bare'] / n:.1f} ms "
        f"({gen['cells_each']} non-empty cells each); consolidate {1000 * con['consolidate'] / n:.1f} ms; "
        f"calamine read {per_file * con['calamine']:.2f} ms; pandas/openpyxl {per_file * con['pandas']:.1f} ms",
        f"- CPU (user + system, okrxl's processes together): generate {fmt_cpu(gen['cpu'])}, consolidate "
        f"{fmt_cpu(con['cpu'])}; the floors and pandas run in one process (their CPU time is about their wall time)",
        f"- floor: calamine read {con['calamine_cells']} cells (used ranges) of {len(inputs)} files (the teams' and "
        f"the strategy); the report has {con['report_cells']} non-empty cells on {con['report_sheets']} sheets",
        f"- `okrxl consolidate` of {small_n} workbooks: {fmt_s(sml['consolidate'])}; okrxl's start-up "
        f"(`--help`, {fmt_s(t_help)}) is in every command's time, not in the floors",
        f"- consolidate said: {con['said']}",
        f"- 1-minute load average before the run {load_before if load_before is None else f'{load_before:.2f}'}, "
        f"after it {load_after if load_after is None else f'{load_after:.2f}'} (this run alone adds about 1; "
        f"much more means something else competed for the {os.cpu_count()} cores)",
        f"- best of {repeat}; as of {AS_OF}; files: {'kept in ' + str(work) if args.keep else 'temp, deleted'}",
    ]  # fmt: skip
    section = "\n".join([
        f"## {n} teams", "", f"Run {dt.datetime.now():%Y-%m-%d %H:%M}; " + "; ".join(environment_lines()), "",
        *table, "", *details, "",
    ])  # fmt: skip
    print(section)
    if not args.no_results:
        update_results(args.results, n, section)
        log(f"written {args.results}")
    return 0


def environment_lines() -> list[str]:
    versions = []
    for name in PACKAGES:
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} (not installed)")
    import okrxl

    source = Path(okrxl.__file__).resolve().parent.parent
    try:
        git = ["git", "-C", str(source)]
        described = subprocess.run([*git, "describe", "--always"], capture_output=True, text=True, timeout=10)
        # Changes to tracked files make the run "-dirty"; RESULTS.md, which runs write, does not.
        changed = subprocess.run([*git, "status", "--porcelain", "--untracked-files=no", "--", ".",
                                  f":(exclude){RESULTS.relative_to(source).as_posix()}"],
                                 capture_output=True, text=True, timeout=10)  # fmt: skip
        if described.returncode == 0 and described.stdout.strip():
            dirty = "-dirty" if changed.returncode == 0 and changed.stdout.strip() else ""
            versions[0] += f" (git {described.stdout.strip()}{dirty})"
    except (OSError, subprocess.SubprocessError, ValueError):
        pass
    return [
        f"os.cpu_count() {os.cpu_count()}",
        platform.platform(),
        f"Python {platform.python_version()} ({platform.python_implementation()})",
        ", ".join(versions),
    ]


HEADER = """# okrxl benchmark results

Written by `python benchmarks/bench.py --teams N` (see [README.md](README.md)); each run replaces
the section of its N. Times are wall-clock seconds, best of `--repeat`.
"""


def update_results(path: Path, n: int, section: str) -> None:
    """Replace (or add) the section of `n` teams, sections ordered by N."""
    sections: dict[int, str] = {}
    if path.exists():
        for match in re.finditer(r"^## (\d+) teams\n.*?(?=^## \d+ teams\n|\Z)", path.read_text(encoding="utf-8"),
                                 flags=re.S | re.M):  # fmt: skip
            sections[int(match[1])] = match[0].rstrip() + "\n"
    sections[n] = section.rstrip() + "\n"
    body = "\n".join(sections[k] for k in sorted(sections))
    path.write_text(HEADER + "\n" + body, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
