"""The jobs okrxl does, as Python functions; the CLI is a thin layer over these.

Each function takes paths and settings as keyword arguments and returns what it wrote; errors
that stop a job are `OkrxlError`s whose message says what to do.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from okrxl.files import WriteResult, write_atomically
from okrxl.layout import Lang
from okrxl.model import Quarter, Strategy
from okrxl.problems import OkrxlError, Severity
from okrxl.template import Template


def load_template(template_path: Path | None) -> Template:
    """The template an admin passed, or the built-in one."""
    from okrxl.template import DEFAULT, read_template

    return DEFAULT if template_path is None else read_template(Path(template_path))


def init_strategy(
    path: Path, *, lang: Lang = "sv", example: bool = False, template_path: Path | None = None, force: bool = False
) -> WriteResult:
    """Write a strategy workbook for the leadership to fill in; `example` fills it with DPAB's strategy."""
    from okrxl import example as dpab
    from okrxl.workbook_writer import write_strategy_workbook

    template = load_template(template_path)
    if example:
        strategy = dpab.dpab_strategy(lang)
    else:
        strategy = Strategy(company="", vision="", mission="", year=dt.date.today().year + 1)
    return write_atomically(
        Path(path), lambda p: write_strategy_workbook(p, strategy=strategy, template=template, lang=lang), force=force
    )


def read_strategy(path: Path):
    """The strategy of a strategy workbook; raises OkrxlError listing the errors that make it unusable."""
    from okrxl.workbook_reader import read_strategy_workbook

    reading = read_strategy_workbook(Path(path))
    errors = [p for p in reading.problems if p.severity is Severity.ERROR]
    if reading.strategy is None or errors:
        listed = "\n".join(f"  {p}" for p in errors) or "  (the year is missing)"
        raise OkrxlError(f"{Path(path).name}: fix these cells first:\n{listed}")
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
    from okrxl.workbook_writer import write_team_workbook

    reading = read_strategy(strategy_path)
    strategy = reading.strategy
    if quarter.year != strategy.year:
        raise OkrxlError(f"{quarter} is not in the strategy's year {strategy.year}; "
                         f"use a quarter of {strategy.year} or a strategy for {quarter.year}")  # fmt: skip
    known = {team.id: team for team in strategy.teams}
    unknown = [team_id for team_id in team_ids if team_id not in known]
    if unknown:
        raise OkrxlError(f"no team {', '.join(map(repr, unknown))} in the strategy; teams are {', '.join(known)}")
    if not known:
        raise OkrxlError(f"{Path(strategy_path).name}: the strategy lists no teams; add them on its Teams sheet")
    template = load_template(template_path)
    folder = Path(out_dir) if out_dir is not None else Path(strategy_path).parent
    results = []
    for team in strategy.teams:
        if team_ids and team.id not in team_ids:
            continue
        target = folder / str(quarter) / f"{team.id}.xlsx"
        results.append(
            write_atomically(
                target,
                lambda p, team=team: write_team_workbook(
                    p, strategy=strategy, team=team, quarter=quarter, template=template,
                    lang=lang or reading.lang,
                ),
                force=force,
            )
        )  # fmt: skip
    return results


def write_demo(
    out_dir: Path, *, lang: Lang = "sv", as_of: dt.date | None = None, force: bool = False
) -> list[WriteResult]:
    """The built-in example as files: `strategy.xlsx` and the teams' filled-in `2027-Q1/<team>.xlsx`."""
    from okrxl import example
    from okrxl.template import DEFAULT
    from okrxl.workbook_writer import write_strategy_workbook, write_team_workbook

    out_dir = Path(out_dir)
    strategy = example.dpab_strategy(lang)
    results = [
        write_atomically(
            out_dir / "strategy.xlsx",
            lambda p: write_strategy_workbook(p, strategy=strategy, template=DEFAULT, lang=lang),
            force=force,
        )
    ]
    for plan in example.dpab_teams(lang):
        results.append(
            write_atomically(
                out_dir / str(example.QUARTER) / f"{plan.team.id}.xlsx",
                lambda p, plan=plan: write_team_workbook(
                    p, strategy=strategy, team=plan.team, quarter=example.QUARTER, template=DEFAULT, lang=lang,
                    plan=plan, as_of=as_of or example.AS_OF,
                ),
                force=force,
            )
        )  # fmt: skip
    return results
