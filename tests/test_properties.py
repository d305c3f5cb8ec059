"""Properties that hold for any input hypothesis can think of."""

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from okrxl.core.model import CheckIn, KeyResult, KeyResultKind, Objective, TeamQuarter
from okrxl.core.scoring import score_key_result
from okrxl.demo import example
from okrxl.excel.cells import read_date, read_number
from okrxl.excel.template import DEFAULT
from okrxl.excel.workbook_reader import read_team_workbook
from okrxl.excel.workbook_writer import write_team_workbook

TEXT = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=60).filter(lambda s: s.strip())


def as_typed(text: str) -> str:
    """What a title reads back as: without surrounding space, line ends as \\n."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(objective_title=TEXT, kr_title=TEXT, owner=TEXT, note=TEXT)
def test_any_unicode_text_survives_generate_and_read(objective_title, kr_title, owner, note):
    strategy = example.dpab_strategy()
    kr = KeyResult(id="O1.1", title=kr_title, kind=KeyResultKind.COUNT, target=10, owner=owner,
                   check_ins=(CheckIn(date=dt.date(2027, 1, 4), value=3, note=note),))  # fmt: skip
    plan = TeamQuarter(team=strategy.teams[0], quarter=example.QUARTER,
                       objectives=(Objective(id="O1", title=objective_title, aligned_to=("S1",), key_results=(kr,)),))  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "team.xlsx"
        write_team_workbook(path, strategy=strategy, team=plan.team, quarter=example.QUARTER, template=DEFAULT,
                            lang="sv", plan=plan)  # fmt: skip
        reading = read_team_workbook(path, strategy)
    assert reading.problems == ()
    (objective,) = reading.plan.objectives
    (read_kr,) = objective.key_results
    assert (objective.title, read_kr.title, read_kr.owner) == tuple(map(as_typed, (objective_title, kr_title, owner)))
    assert read_kr.check_ins[0].note == as_typed(note)


def _group(digits: str, separator: str) -> str:
    head = len(digits) % 3 or 3
    return separator.join([digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)])


@given(whole=st.integers(0, 10**9), cents=st.integers(0, 99), negative=st.booleans())
def test_every_accepted_spelling_of_a_number_gives_the_same_value(whole, cents, negative):
    sign = "-" if negative else ""
    value = float(f"{sign}{whole}.{cents:02d}")  # what the digits mean, without float arithmetic
    digits, fraction = str(whole), f"{cents:02d}"
    spellings = [f"{sign}{digits}.{fraction}", f"{sign}{digits},{fraction}", f" {sign}{digits},{fraction} "]
    for separator in (" ", "\u00a0", "\u202f"):
        spellings.append(f"{sign}{_group(digits, separator)},{fraction}")
    if whole >= 1000:
        spellings += [f"{sign}{_group(digits, '.')},{fraction}", f"{sign}{_group(digits, ',')}.{fraction}"]
    for spelling in spellings:
        assert read_number(spelling) == value, spelling


@given(points=st.integers(0, 10000).map(lambda n: n / 100))
def test_every_accepted_spelling_of_a_percent_gives_the_same_points(points):
    text = f"{points:g}"
    for spelling, number_format in [(f"{text}%", None), (f"{text} %", None), (text.replace(".", ","), None),
                                    (points / 100, "0.0%"), (points, "General")]:  # fmt: skip
        assert abs(read_number(spelling, number_format, percent_points=True) - points) < 1e-9, spelling


@given(day=st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31)))
def test_every_accepted_spelling_of_a_date_gives_the_same_date(day):
    serial = (day - dt.date(1899, 12, 30)).days
    spellings = [
        day.isoformat(), f"{day.day}/{day.month}", f"{day.day:02d}.{day.month:02d}.{day.year}",
        f"{day.day}.{day.month}.{day.year % 100:02d}", f"{day.day}-{day.month}-{day.year}",
        dt.datetime.combine(day, dt.time()), serial,
    ]  # fmt: skip
    for spelling in spellings:
        assert read_date(spelling, year=day.year) == day, spelling


@given(
    baseline=st.integers(-1000, 1000),
    distance=st.integers(1, 1000),
    falling=st.booleans(),
    currents=st.lists(st.integers(-3000, 3000), min_size=2, max_size=2),
)
def test_scores_stay_in_zero_to_one_and_grow_as_the_value_moves_towards_the_target(
    baseline, distance, falling, currents
):
    target = baseline - distance if falling else baseline + distance
    kind = KeyResultKind.DECREASE if falling else KeyResultKind.INCREASE
    low, high = sorted(currents, reverse=falling)  # `high` is at least as close to the target
    scores = [
        score_key_result(
            KeyResult(
                id="O1.1",
                title="x 1",
                kind=kind,
                baseline=baseline,
                target=target,
                check_ins=(CheckIn(date=dt.date(2027, 1, 4), value=value),),
            ),  # fmt: skip
            dt.date(2027, 2, 1),
        )
        for value in (low, high)
    ]
    assert all(0.0 <= s <= 1.0 for s in scores)
    assert scores[0] <= scores[1]
