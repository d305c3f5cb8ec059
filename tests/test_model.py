"""The model's periods and invariants."""

import datetime as dt

import pytest

from okrxl.core.model import (
    CheckIn,
    KeyResult,
    KeyResultKind,
    Method,
    Objective,
    Quarter,
    Strategy,
    Team,
    TeamQuarter,
    year_period,
)
from okrxl.core.problems import ModelError, OkrxlError


@pytest.mark.parametrize("text", ["2027-Q1", "2027Q1", "2027q1", " 2027-q1 "])
def test_quarters_are_read_in_every_documented_spelling(text):
    assert Quarter.parse(text) == Quarter(2027, 1)


@pytest.mark.parametrize("text", ["2027-Q5", "Q1 2027", "27-Q1", ""])
def test_a_wrong_quarter_names_the_expected_form(text):
    with pytest.raises(ModelError, match="expected e.g. 2027-Q1"):
        Quarter.parse(text)


def test_quarter_names_print_and_advance_across_the_year():
    assert str(Quarter(2027, 4)) == "2027-Q4"
    assert Quarter(2027, 4).next() == Quarter(2028, 1)
    assert Quarter(2027, 1).next() == Quarter(2027, 2)


@pytest.mark.parametrize(
    ("quarter", "first_month", "start", "end"),
    [
        (Quarter(2027, 1), 1, dt.date(2027, 1, 1), dt.date(2027, 3, 31)),
        (Quarter(2027, 4), 1, dt.date(2027, 10, 1), dt.date(2027, 12, 31)),
        (Quarter(2027, 1), 9, dt.date(2027, 9, 1), dt.date(2027, 11, 30)),
        (Quarter(2027, 2), 9, dt.date(2027, 12, 1), dt.date(2028, 2, 29)),  # 2028 is a leap year
        (Quarter(2027, 4), 9, dt.date(2028, 6, 1), dt.date(2028, 8, 31)),
    ],
    ids=["q1", "q4", "broken-year-q1", "broken-year-q2-leap", "broken-year-q4"],
)
def test_quarter_periods_follow_the_first_month_of_the_year(quarter, first_month, start, end):
    period = quarter.period(first_month)
    assert (period.start, period.end) == (start, end)


def test_the_strategic_year_ends_the_day_before_the_next_one_starts():
    assert year_period(2027, 9).end == dt.date(2028, 8, 31)
    assert year_period(2027).end == dt.date(2027, 12, 31)


def test_check_ins_fall_every_second_week_from_the_first_monday():
    # 1 January 2027 is a Friday: the first Monday is 4 January.
    assert Quarter(2027, 1).check_in_dates() == tuple(
        dt.date(2027, m, d) for m, d in [(1, 4), (1, 18), (2, 1), (2, 15), (3, 1), (3, 15), (3, 29)]
    )
    assert len(Quarter(2027, 1).check_in_dates(cadence_weeks=4)) == 4
    assert Quarter(2027, 1).check_in_dates(cadence_weeks=1)[-1] == dt.date(2027, 3, 29)


def test_the_default_method_is_methods_numbers():
    method = Method()
    assert (method.aspirational_yellow, method.aspirational_green, method.committed_yellow) == (0.4, 0.7, 0.7)
    assert method.stale_after == dt.timedelta(days=21)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"cadence_weeks": 3}, "cadence must be 1, 2 or 4 weeks, got 3"),
        ({"aspirational_yellow": 0.8}, "aspirational thresholds"),
        ({"committed_yellow": 1.0}, "committed yellow"),
        ({"min_key_results": 6}, "limits"),
    ],
)
def test_bad_method_settings_are_refused(fields, message):
    with pytest.raises(ModelError, match=message):
        Method(**fields)


def test_model_errors_are_okrxl_errors_and_value_errors():
    with pytest.raises(OkrxlError):
        Quarter.parse("nope")
    assert issubclass(ModelError, ValueError)


@pytest.mark.parametrize("team_id", ["Marketing", "mar keting", "", "-x"])
def test_team_ids_are_slugs(team_id):
    with pytest.raises(ModelError, match="id must be lower-case"):
        Team(id=team_id, name="Marketing")


def test_check_ins_must_be_in_date_order_without_repeats():
    day = dt.date(2027, 1, 4)
    with pytest.raises(ModelError, match=r"key result O1\.1 .*distinct dates in order"):
        KeyResult(
            id="O1.1", title="Reach 10", kind=KeyResultKind.COUNT, target=10,
            check_ins=(CheckIn(date=day, value=1), CheckIn(date=day, value=2)),
        )  # fmt: skip


def test_a_repeated_id_names_the_plan():
    kr = KeyResult(id="O1.1", title="Reach 10", kind=KeyResultKind.COUNT, target=10)
    with pytest.raises(ModelError, match=r"team alpha 2027-Q1: id 'O1' is used twice"):
        TeamQuarter(
            team=Team(id="alpha", name="Alpha"),
            quarter=Quarter(2027, 1),
            objectives=(Objective(id="O1", title="a", key_results=(kr,)), Objective(id="O1", title="b")),
        )
    with pytest.raises(ModelError, match=r"objective O1: id 'O1.1' is used twice"):
        Objective(id="O1", title="a", key_results=(kr, kr))


def test_a_strategy_finds_its_teams_and_names_the_known_ones():
    strategy = Strategy(company="C", vision="V", mission="M", year=2027, teams=(Team(id="alpha", name="Alpha"),))
    assert strategy.team("alpha").name == "Alpha"
    with pytest.raises(ModelError, match="no team 'beta'; teams are alpha"):
        strategy.team("beta")


def test_an_empty_baseline_is_zero_except_for_a_decrease():
    count = KeyResult(id="O1.1", title="Reach 10", kind=KeyResultKind.COUNT, target=10)
    decrease = KeyResult(id="O1.2", title="Down to 5", kind=KeyResultKind.DECREASE, target=5)
    assert (count.effective_baseline, decrease.effective_baseline) == (0.0, None)


def test_plans_survive_the_trip_from_a_worker_process():
    """Worker processes send plans back pickled, by their slots (model._pickled_by_slots)."""
    import pickle

    from okrxl.demo import example, example_year

    plans = [*example.dpab_teams(), *(p for q in example_year.dpab_year().values() for p in q)]
    assert any(kr.carried for p in plans for o in p.objectives for kr in o.key_results)
    assert any(kr.depends_on for p in plans for o in p.objectives for kr in o.key_results)
    assert pickle.loads(pickle.dumps(plans)) == plans


@pytest.mark.parametrize("team_id", ["con", "aux", "nul", "prn", "com1", "lpt9"])
def test_team_ids_that_windows_keeps_for_devices_are_refused(team_id):
    with pytest.raises(ModelError, match=f"no file can be called {team_id}.xlsx there; choose another id"):
        Team(id=team_id, name="X")


def test_team_ids_that_merely_start_like_a_device_name_are_fine():
    assert [Team(id=i, name="X").id for i in ("console", "com10", "auxiliary")] == ["console", "com10", "auxiliary"]


def test_a_team_id_longer_than_40_characters_is_refused_before_it_names_a_file():
    Team(id="a" * 40, name="X")
    with pytest.raises(ModelError, match="at most 40 characters"):
        Team(id="a" * 300, name="X")


@pytest.mark.parametrize("numbers", [{"target": float("inf")}, {"baseline": -1e308}, {"weight": float("nan")},
                                     {"check_ins": "nan"}], ids=["inf target", "huge baseline", "nan weight", "nan value"])  # fmt: skip
def test_a_key_result_holds_only_finite_numbers_of_at_most_1e15(numbers):
    from okrxl.core.model import CheckIn, KeyResult, KeyResultKind

    if numbers.get("check_ins") == "nan":
        numbers = {"check_ins": (CheckIn(date=dt.date(2027, 1, 4), value=float("nan")),)}
    with pytest.raises(ModelError, match="numbers must be finite and at most 1e"):
        KeyResult(**({"id": "O1.1", "title": "Öka till 20", "kind": KeyResultKind.INCREASE, "target": 20.0} | numbers))
