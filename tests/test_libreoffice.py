"""The live formulas against a real recalculation by LibreOffice, and LibreOffice re-saves read back."""

import datetime as dt

import pytest
from sheets import open_workbook, table_rows

from okrxl.core.model import CheckIn, Commitment, KeyResult, KeyResultKind, Objective, Side, TeamQuarter
from okrxl.core.scoring import assess_objective, assess_team
from okrxl.demo import example
from okrxl.excel import layout
from okrxl.excel.template import DEFAULT
from okrxl.excel.workbook_reader import read_team_workbook
from okrxl.excel.workbook_writer import write_team_workbook

K = KeyResultKind


def _kr(local_id, kind, *values, **fields):
    dates = example.QUARTER.check_in_dates()
    check_ins = tuple(CheckIn(date=d, value=v) for d, v in zip(dates, values) if v is not None)
    return KeyResult(id=local_id, title=f"Result {local_id} of 10", kind=kind, check_ins=check_ins, **fields)


def every_kind_plan() -> TeamQuarter:
    """One key result per kind and edge: decreasing, beyond target, below baseline, placeholder, maintain..."""
    team = example.dpab_strategy().teams[2]
    return TeamQuarter(
        team=team,
        quarter=example.QUARTER,
        objectives=(
            Objective(
                id="O1",
                title="Metrics",
                owner="A",
                aligned_to=("S2",),
                key_results=(
                    _kr("O1.1", K.DECREASE, 15, 13, 12, baseline=15, target=5),  # churn 15 -> 5 at 12: 0.3
                    _kr("O1.2", K.INCREASE, 1, 5, baseline=0, target=4, weight=2),  # beyond target: 1.0
                    _kr("O1.3", K.INCREASE, 8, baseline=10, target=20),  # below baseline: 0.0
                    _kr("O1.4", K.COUNT, 2, 6, target=10, commitment=Commitment.COMMITTED),
                    _kr("O1.5", K.PERCENT, 97.4, 97.6, baseline=97.2, target=100),
                ),
            ),  # fmt: skip
            Objective(
                id="O2",
                title="Milestones",
                owner="A",
                aligned_to=("S1",),
                key_results=(
                    _kr("O2.1", K.MILESTONE, 0.2, 0.5, due=dt.date(2027, 3, 15)),
                    _kr("O2.2", K.MILESTONE, 0.5, 0.9, due=dt.date(2027, 2, 1)),  # overdue on 15 Feb
                    _kr("O2.3", K.BINARY, 0, 0, 1),
                    _kr("O2.4", K.MILESTONE, due=dt.date(2027, 3, 1)),  # nothing yet: at-risk after t = 0.25
                ),
            ),  # fmt: skip
            Objective(
                id="O3",
                title="Thresholds and gaps",
                owner="A",
                weight=3,
                aligned_to=("S3",),
                key_results=(
                    _kr("O3.1", K.MAINTAIN, 96, 94, 97, 95, target=95),  # 3 of 4 kept
                    _kr("O3.2", K.MAINTAIN, 1, 3, target=2, side=Side.AT_MOST),  # 1 of 2 kept
                    _kr("O3.3", K.INCREASE, 3),  # placeholder target: unscored
                    _kr("O3.4", K.DECREASE, 12, target=5),  # no baseline: unscored
                ),
            ),  # fmt: skip
        ),
    )


@pytest.fixture(scope="module")
def recalculated(tmp_path_factory, libreoffice):
    """The demo's workbooks and the every-kind workbook, written with TODAY() fixed at the example's date."""
    folder = tmp_path_factory.mktemp("recalc")
    strategy = example.dpab_strategy()
    plans = [*example.dpab_teams(), every_kind_plan()]
    paths = []
    for index, plan in enumerate(plans):
        path = folder / f"{index}-{plan.team.id}.xlsx"
        write_team_workbook(
            path, strategy=strategy, team=plan.team, quarter=example.QUARTER, template=DEFAULT, lang="sv",
            plan=plan, as_of=example.AS_OF, formula_today=example.AS_OF,
        )  # fmt: skip
        paths.append(path)
    outputs = libreoffice.convert(paths, folder / "out")
    return list(zip(plans, paths, outputs))


def _python_values(plan):
    period = example.QUARTER.period()
    method = example.dpab_strategy().method
    values = {}
    for objective in plan.objectives:
        assessed = assess_objective(objective, period=period, as_of=example.AS_OF, method=method)
        values[objective.id] = (assessed.score, assessed.status)
        for kr, kr_assessed in zip(objective.key_results, assessed.key_results):
            values[kr.id] = (kr_assessed.score, kr_assessed.status)
    return values


def test_libreoffice_recalculates_every_score_and_status_as_okrxl_does(recalculated):
    compared = 0
    for plan, _, output in recalculated:
        sheet = open_workbook(output, data_only=True)[layout.SHEET_OKRS.sv]
        expected = _python_values(plan)
        for row in table_rows(sheet, layout.TABLE_OKRS):
            if row["id"] not in expected:
                assert row["score"] in (None, "") and row["status"] in (None, ""), row
                continue
            score, status = expected[row["id"]]
            where = f"{plan.team.id} {row['id']}"
            if score is None:
                assert row["score"] in (None, ""), where
            else:
                assert row["score"] == pytest.approx(score, abs=1e-9), where
            assert row["status"] == layout.STATUS_WORDS[status].sv, where
            compared += 1
        team_score = assess_team(plan, period=example.QUARTER.period(), as_of=example.AS_OF,
                                 method=example.dpab_strategy().method).score  # fmt: skip
        assert sheet["C2"].value == pytest.approx(team_score, abs=1e-9)
    assert compared == 10 + 7 + 7 + 3 + 13  # every objective and key result of the four plans


def test_the_every_kind_plan_covers_every_status_but_not_started(recalculated):
    plan = recalculated[-1][0]
    statuses = {status for score, status in _python_values(plan).values()}
    assert {s.value for s in statuses} >= {"done", "on-track", "behind", "at-risk", "overdue", "unscored"}


def test_cached_values_equal_libreoffices_recalculation(recalculated):
    """A viewer that does not recalculate shows okrxl's own numbers, which are LibreOffice's."""
    for _, path, output in recalculated:
        cached = table_rows(open_workbook(path, data_only=True)[layout.SHEET_OKRS.sv], layout.TABLE_OKRS)
        fresh = table_rows(open_workbook(output, data_only=True)[layout.SHEET_OKRS.sv], layout.TABLE_OKRS)
        for before, after in zip(cached, fresh):
            for key in ("current", "score", "status"):
                if isinstance(before[key], float):
                    assert after[key] == pytest.approx(before[key], abs=1e-9), (path.name, before["id"], key)
                else:
                    assert (before[key] or None) == (after[key] or None), (path.name, before["id"], key)


def test_a_libreoffice_resave_reads_back_identical(recalculated):
    strategy = example.dpab_strategy()
    for plan, path, output in recalculated:
        original, resaved = read_team_workbook(path, strategy), read_team_workbook(output, strategy)
        assert resaved.problems == () and original.problems == ()
        assert resaved.plan == original.plan == plan
