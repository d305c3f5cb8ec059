"""Gaps between the teams' plans and the strategy, on small plans built by hand.

Every plan is for 2024-Q1: 1 January to 31 March, 90 days from first to last day (a leap
year), so on 15 February exactly half the quarter has passed (t = 0.5). The helpers build a
strategy and two team plans with nothing wrong in them; each test changes one thing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from okrxl.core.alignment import Gap, GapCode, alignment_shares, find_gaps, link_gaps, missed_check_ins
from okrxl.core.model import (
    CheckIn,
    Commitment,
    Confidence,
    Dependency,
    Initiative,
    KeyResult,
    KeyResultKind,
    Method,
    Objective,
    Quarter,
    Strategy,
    Team,
    TeamQuarter,
)
from okrxl.core.problems import Severity
from okrxl.core.scoring import assess_quarter
from okrxl.core.words import Words

QUARTER = Quarter(2024, 1)
MID_QUARTER = dt.date(2024, 2, 15)
CHECKED_IN = dt.date(2024, 2, 12)
"""The newest check-in of every key result unless a test says otherwise: fresh at MID_QUARTER."""
LAST_DAY = dt.date(2024, 3, 31)
AFTER_QUARTER = dt.date(2024, 4, 5)


def check_in(value: float, *, on: dt.date = CHECKED_IN, confidence: Confidence | None = None):
    return (CheckIn(date=on, value=value, confidence=confidence),)


def key_result(local_id: str, **changes) -> KeyResult:
    """A count key result with nothing wrong at MID_QUARTER: owned, half way to 10, on track."""
    fields = dict(
        title="Vinn 10 nya kunder", kind=KeyResultKind.COUNT, target=10.0, owner="Ann", check_ins=check_in(5.0)
    )
    return KeyResult(id=local_id, **(fields | changes))


def objective(local_id: str, *key_results: KeyResult, **changes) -> Objective:
    fields = dict(title="Fler nöjda kunder", owner="Ann", aligned_to=("S1",))
    return Objective(id=local_id, key_results=key_results, **(fields | changes))


def team_plan(team_id: str, *objectives: Objective) -> TeamQuarter:
    return TeamQuarter(team=Team(id=team_id, name=team_id.title()), quarter=QUARTER, objectives=objectives)


def alpha_plan(*, o1: dict | None = None, **o1_1_changes) -> TeamQuarter:
    """Alpha's O1 serves S1; O1.1 feeds S1.1, O1.2 feeds S1.2. `o1` changes O1, the rest O1.1."""
    first = replace(key_result("O1.1", feeds="S1.1"), **o1_1_changes)
    return team_plan("alpha", replace(objective("O1", first, key_result("O1.2", feeds="S1.2")), **(o1 or {})))


def beta_plan(*, o1: dict | None = None, **o1_1_changes) -> TeamQuarter:
    """Beta's O1 serves S2; O1.1 feeds S2.1, O1.2 feeds S2.2. `o1` changes O1, the rest O1.1."""
    first = replace(key_result("O1.1", feeds="S2.1"), **o1_1_changes)
    o1_default = objective("O1", first, key_result("O1.2", feeds="S2.2"), aligned_to=("S2",))
    return team_plan("beta", replace(o1_default, **(o1 or {})))


def company_strategy(*, s1: dict | None = None, **s1_1_changes) -> Strategy:
    """Two strategic objectives with two key results each. `s1` changes S1, the rest S1.1."""

    def strategic(kr_id: str, title: str) -> KeyResult:
        return KeyResult(id=kr_id, title=title, kind=KeyResultKind.INCREASE, target=20.0, owner="Eva")

    s1_1 = replace(strategic("S1.1", "Omsättning 20 MSEK"), **s1_1_changes)
    s1_key_results = (s1_1, strategic("S1.2", "20 nya kunder"))
    s1_default = Objective(id="S1", title="Växa lönsamt", owner="Eva", key_results=s1_key_results)
    return Strategy(
        company="Exempel AB",
        vision="Enkla OKR för alla",
        mission="Vi gör mål mätbara",
        year=2024,
        teams=(Team(id="alpha", name="Alpha"), Team(id="beta", name="Beta")),
        objectives=(
            replace(s1_default, **(s1 or {})),
            Objective(
                id="S2",
                title="Nöjda kunder",
                owner="Eva",
                key_results=(strategic("S2.1", "NPS 20"), strategic("S2.2", "20 recensioner")),
            ),
        ),
    )


def find(*plans: TeamQuarter, strategy: Strategy | None = None, as_of: dt.date = MID_QUARTER) -> tuple[Gap, ...]:
    strategy = strategy or company_strategy()
    return find_gaps(strategy, plans, assess_quarter(strategy, plans, quarter=QUARTER, as_of=as_of))


def found(gaps: tuple[Gap, ...], code: GapCode) -> list[tuple[GapCode, str]]:
    return [(g.code, g.where) for g in gaps if g.code == code]


def pairs(code: GapCode, wheres: list[str]) -> list[tuple[GapCode, str]]:
    return [(code, where) for where in wheres]


ALPHA_KR = ["alpha.O1.1"]
"""Where a gap about alpha's first key result is found."""


def test_the_plans_the_helpers_build_have_no_gaps():
    assert find(alpha_plan(), beta_plan()) == ()


# Typed by hand from METHOD.md's table, not taken from the code.
METHOD_SEVERITIES = [
    ("orphan-objective", "warning"),
    ("unknown-link", "error"),
    ("uncovered-strategy", "warning"),
    ("unfed-key-result", "info"),
    ("placeholder-target", "warning"),
    ("missing-baseline", "error"),
    ("missing-owner", "warning"),
    ("too-many-objectives", "warning"),
    ("key-result-count", "warning"),
    ("activity-not-result", "info"),
    ("due-outside-quarter", "warning"),
    ("dependency-late", "warning"),
    ("stale-checkin", "warning"),
    ("confidence-mismatch", "info"),
    ("committed-missed", "warning"),
    ("too-safe", "info"),
    ("missing-team", "warning"),
    ("missed-checkin", "info"),
    ("missing-due-date", "info"),
    ("initiative-unlinked", "warning"),
    ("no-initiative", "info"),
    ("initiative-late", "warning"),
]


@pytest.mark.parametrize(("code", "severity"), METHOD_SEVERITIES, ids=[code for code, _ in METHOD_SEVERITIES])
def test_each_gap_code_has_the_severity_of_the_method_table(code, severity):
    assert GapCode(code).severity is Severity(severity)
    assert Gap(code=GapCode(code), where="x", text=Words("m", "m")).severity is Severity(severity)


def test_the_method_table_lists_every_gap_code():
    assert {code for code, _ in METHOD_SEVERITIES} == {str(code) for code in GapCode}


def test_a_milestone_without_a_due_date_is_due_on_the_quarters_last_day_and_said_at_its_due_cell():
    milestone = dict(kind=KeyResultKind.MILESTONE, target=None, check_ins=())
    gaps = find(alpha_plan(**milestone, title="Katalog tryckt senast 15/3"),
                beta_plan(**milestone, due=dt.date(2024, 2, 15)))  # fmt: skip
    assert [(g.code, g.where, g.field) for g in gaps if g.code is GapCode.MISSING_DUE_DATE] == [
        (GapCode.MISSING_DUE_DATE, "alpha.O1.1", "due"),  # beta's milestone has its due date
    ]
    assert GapCode.MISSING_DUE_DATE.severity is Severity.INFO


def test_gaps_are_sorted_most_severe_first_then_in_the_order_found():
    gaps = find(alpha_plan(o1={"aligned_to": ("S9",)}, owner=None), beta_plan(title="Nöjdare kunder"))
    assert [(g.code, g.where) for g in gaps] == [
        (GapCode.UNKNOWN_LINK, "alpha.O1"),
        (GapCode.UNCOVERED_STRATEGY, "S1"),
        (GapCode.MISSING_OWNER, "alpha.O1.1"),
        (GapCode.ACTIVITY_NOT_RESULT, "beta.O1.1"),
    ]


def test_link_gaps_are_the_error_gaps_that_need_no_scores():
    """What `okrxl check` shows at cells: the same as find_gaps' errors, without scoring anything."""
    alpha = alpha_plan(o1={"aligned_to": ("S9",)}, feeds="S9.9", kind=KeyResultKind.DECREASE, baseline=None,
                       target=5.0, owner=None, check_ins=())  # fmt: skip
    beta = beta_plan(depends_on=(Dependency(key_result_id="alpha.O7.1"),), check_ins=())
    expected = [
        (GapCode.UNKNOWN_LINK, "alpha.O1"),
        (GapCode.UNKNOWN_LINK, "alpha.O1.1"),
        (GapCode.MISSING_BASELINE, "alpha.O1.1"),
        (GapCode.UNKNOWN_LINK, "beta.O1.1"),
    ]
    assert [(g.code, g.where) for g in link_gaps(company_strategy(), [alpha, beta])] == expected
    assert [(g.code, g.where) for g in find(alpha, beta) if g.severity is Severity.ERROR] == expected


@pytest.mark.parametrize(
    ("aligned_to", "expected"),
    [
        pytest.param((), [(GapCode.ORPHAN_OBJECTIVE, "alpha.O1")], id="aligned to nothing"),
        pytest.param(("S2",), [], id="aligned to another strategic objective"),
        pytest.param(("S1", "S2"), [], id="aligned to two"),
    ],
)
def test_a_team_objective_aligned_to_nothing_is_an_orphan(aligned_to, expected):
    assert found(find(alpha_plan(o1={"aligned_to": aligned_to}), beta_plan()), GapCode.ORPHAN_OBJECTIVE) == expected


@pytest.mark.parametrize(
    ("alpha", "where", "known_ids"),
    [
        pytest.param(alpha_plan(o1={"aligned_to": ("S9",)}), "alpha.O1", ["S1", "S2"], id="aligned to"),
        pytest.param(alpha_plan(feeds="S9.9"), "alpha.O1.1", ["S1.1", "S1.2", "S2.1", "S2.2"], id="feeds"),
        pytest.param(
            alpha_plan(depends_on=(Dependency(key_result_id="gamma.O1.1"),)),
            "alpha.O1.1",
            ["teams are alpha, beta"],
            id="depends on a team that does not exist",
        ),
        pytest.param(
            alpha_plan(depends_on=(Dependency(key_result_id="beta.O9.9"),)),
            "alpha.O1.1",
            ["beta.O1.1", "beta.O1.2"],
            id="depends on a key result that does not exist",
        ),
    ],
)
def test_a_link_to_an_id_that_does_not_exist_is_an_unknown_link_naming_the_known_ids(alpha, where, known_ids):
    gaps = find(alpha, beta_plan())
    assert found(gaps, GapCode.UNKNOWN_LINK) == [(GapCode.UNKNOWN_LINK, where)]
    message = next(g.message for g in gaps if g.code == GapCode.UNKNOWN_LINK)
    assert all(known_id in message for known_id in known_ids), message


def test_links_to_ids_that_exist_are_not_unknown():
    needs_beta = (Dependency(key_result_id="beta.O1.1"),)
    alpha = alpha_plan(o1={"aligned_to": ("S1", "S2")}, feeds="S2.1", depends_on=needs_beta)
    assert found(find(alpha, beta_plan()), GapCode.UNKNOWN_LINK) == []


@pytest.mark.parametrize(
    ("beta_aligned_to", "expected"),
    [
        pytest.param(("S1",), [(GapCode.UNCOVERED_STRATEGY, "S2")], id="beta moved to S1"),
        pytest.param(("S2x",), [(GapCode.UNCOVERED_STRATEGY, "S2")], id="beta aligned to a misspelt id"),
        pytest.param(("S1", "S2"), [], id="beta aligned to both"),
    ],
)
def test_a_strategic_objective_no_team_objective_serves_is_uncovered(beta_aligned_to, expected):
    gaps = find(alpha_plan(), beta_plan(o1={"aligned_to": beta_aligned_to}))
    assert found(gaps, GapCode.UNCOVERED_STRATEGY) == expected


def test_a_strategic_key_result_no_team_key_result_feeds_is_unfed():
    assert found(find(alpha_plan(), beta_plan(feeds=None)), GapCode.UNFED_KEY_RESULT) == [
        (GapCode.UNFED_KEY_RESULT, "S2.1")
    ]


def test_a_strategic_key_result_fed_by_another_teams_key_result_is_fed():
    # Alpha now feeds S2.1 instead of S1.1 and beta feeds nothing there: only S1.1 goes unfed.
    gaps = find(alpha_plan(feeds="S2.1"), beta_plan(feeds=None))
    assert found(gaps, GapCode.UNFED_KEY_RESULT) == [(GapCode.UNFED_KEY_RESULT, "S1.1")]


@pytest.mark.parametrize(
    ("strategy", "alpha", "expected"),
    [
        pytest.param(company_strategy(), alpha_plan(target=None), ["alpha.O1.1"], id="team count"),
        pytest.param(
            company_strategy(),
            alpha_plan(kind=KeyResultKind.MAINTAIN, target=None, title="NPS minst 40"),
            ["alpha.O1.1"],
            id="team maintain",
        ),
        pytest.param(company_strategy(target=None), alpha_plan(), ["S1.1"], id="strategic"),
        pytest.param(
            company_strategy(),
            alpha_plan(kind=KeyResultKind.MILESTONE, target=None, due=dt.date(2024, 3, 1), check_ins=check_in(0.5)),
            [],
            id="a milestone needs no target",
        ),
        pytest.param(
            company_strategy(),
            alpha_plan(kind=KeyResultKind.DECREASE, baseline=5.0, target=0.0, title="Sänk klagomål till 0"),
            [],
            id="a target of 0 is set",
        ),
    ],
)
def test_a_target_not_set_yet_is_a_placeholder_target(strategy, alpha, expected):
    gaps = find(alpha, beta_plan(), strategy=strategy)
    assert found(gaps, GapCode.PLACEHOLDER_TARGET) == pairs(GapCode.PLACEHOLDER_TARGET, expected)


@pytest.mark.parametrize(
    ("strategy", "alpha", "expected"),
    [
        pytest.param(
            company_strategy(),
            alpha_plan(kind=KeyResultKind.DECREASE, baseline=None, target=5.0, title="Churn under 5 %"),
            ["alpha.O1.1"],
            id="team decrease",
        ),
        pytest.param(
            company_strategy(kind=KeyResultKind.DECREASE, baseline=None, target=5.0),
            alpha_plan(),
            ["S1.1"],
            id="strategic decrease",
        ),
        pytest.param(
            company_strategy(),
            alpha_plan(kind=KeyResultKind.DECREASE, baseline=15.0, target=5.0, check_ins=check_in(10.0)),
            [],
            id="decrease with a baseline",
        ),
        pytest.param(company_strategy(), alpha_plan(kind=KeyResultKind.INCREASE, baseline=None), [], id="increase"),
        pytest.param(company_strategy(), alpha_plan(kind=KeyResultKind.COUNT, baseline=None), [], id="count"),
        pytest.param(company_strategy(), alpha_plan(kind=KeyResultKind.PERCENT, baseline=None), [], id="percent"),
    ],
)
def test_only_a_decrease_without_a_baseline_is_missing_its_baseline(strategy, alpha, expected):
    gaps = find(alpha, beta_plan(), strategy=strategy)
    assert found(gaps, GapCode.MISSING_BASELINE) == pairs(GapCode.MISSING_BASELINE, expected)


@pytest.mark.parametrize(
    ("strategy", "alpha", "expected"),
    [
        pytest.param(company_strategy(), alpha_plan(o1={"owner": None}), ["alpha.O1"], id="team objective"),
        pytest.param(company_strategy(), alpha_plan(owner=None), ["alpha.O1.1"], id="team key result"),
        pytest.param(company_strategy(), alpha_plan(owner=""), ["alpha.O1.1"], id="empty owner"),
        pytest.param(company_strategy(owner=None), alpha_plan(), ["S1.1"], id="strategic key result"),
        pytest.param(company_strategy(s1={"owner": None}), alpha_plan(), ["S1"], id="strategic objective"),
        pytest.param(company_strategy(), alpha_plan(), [], id="all owned"),
    ],
)
def test_an_objective_or_key_result_without_an_owner_is_missing_its_owner(strategy, alpha, expected):
    gaps = find(alpha, beta_plan(), strategy=strategy)
    assert found(gaps, GapCode.MISSING_OWNER) == pairs(GapCode.MISSING_OWNER, expected)


@pytest.mark.parametrize(
    ("count", "expected"),
    [(5, []), (6, [(GapCode.TOO_MANY_OBJECTIVES, "alpha")])],
    ids=["5 is fine", "6 is too many"],
)
def test_more_than_five_objectives_in_a_team_are_too_many(count, expected):
    objectives = [objective(f"O{n}", key_result(f"O{n}.1"), key_result(f"O{n}.2")) for n in range(1, count + 1)]
    assert found(find(team_plan("alpha", *objectives), beta_plan()), GapCode.TOO_MANY_OBJECTIVES) == expected


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (0, [(GapCode.KEY_RESULT_COUNT, "alpha.O1")]),
        (1, [(GapCode.KEY_RESULT_COUNT, "alpha.O1")]),
        (2, []),
        (5, []),
        (6, [(GapCode.KEY_RESULT_COUNT, "alpha.O1")]),
    ],
    ids=["none", "1 is too few", "2 is fine", "5 is fine", "6 is too many"],
)
def test_an_objective_needs_two_to_five_key_results(count, expected):
    key_results = tuple(key_result(f"O1.{n}") for n in range(1, count + 1))
    gaps = find(alpha_plan(o1={"key_results": key_results}), beta_plan())
    assert found(gaps, GapCode.KEY_RESULT_COUNT) == expected


def test_a_strategic_objective_with_one_key_result_has_too_few():
    strategy = company_strategy(s1={"key_results": (company_strategy().key_result("S1.1"),)})
    assert found(find(alpha_plan(), beta_plan(), strategy=strategy), GapCode.KEY_RESULT_COUNT) == [
        (GapCode.KEY_RESULT_COUNT, "S1")
    ]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param({"title": "Skriv 5 blogginlägg"}, ALPHA_KR, id="Swedish activity verb"),
        pytest.param({"title": "Write 5 blog posts"}, ALPHA_KR, id="English activity verb"),
        pytest.param({"title": "Hålla 4 webbinarier"}, ALPHA_KR, id="Swedish infinitive"),
        pytest.param({"title": "Nöjdare kunder"}, ALPHA_KR, id="no number and no date"),
        pytest.param({"title": "10 000 visningar av vårt innehåll"}, [], id="a number of results"),
        pytest.param(
            {
                "title": "Ny webbplats lanserad",
                "kind": KeyResultKind.MILESTONE,
                "target": None,
                "due": dt.date(2024, 3, 1),
                "check_ins": check_in(0.5),
            },
            [],
            id="a milestone with a due date",
        ),
    ],
)
def test_a_key_result_that_reads_like_an_activity_is_flagged(changes, expected):
    gaps = find(alpha_plan(**changes), beta_plan())
    assert found(gaps, GapCode.ACTIVITY_NOT_RESULT) == pairs(GapCode.ACTIVITY_NOT_RESULT, expected)


@pytest.mark.parametrize(
    ("due", "expected"),
    [
        pytest.param(dt.date(2024, 3, 31), [], id="due on the last day"),
        pytest.param(dt.date(2024, 4, 1), [(GapCode.DUE_OUTSIDE_QUARTER, "alpha.O1.1")], id="due a day later"),
    ],
)
def test_a_milestone_due_after_the_quarter_is_due_outside_it(due, expected):
    alpha = alpha_plan(kind=KeyResultKind.MILESTONE, target=None, due=due, check_ins=check_in(0.5))
    assert found(find(alpha, beta_plan()), GapCode.DUE_OUTSIDE_QUARTER) == expected


BETA_MILESTONE = {"title": "App lanserad", "kind": KeyResultKind.MILESTONE, "target": None, "check_ins": check_in(0.5)}
LATE = [(GapCode.DEPENDENCY_LATE, "alpha.O1.1")]


@pytest.mark.parametrize(
    ("needed_by", "beta_changes", "expected"),
    [
        pytest.param(dt.date(2024, 3, 1), BETA_MILESTONE | {"due": dt.date(2024, 3, 1)}, [], id="due when needed"),
        pytest.param(dt.date(2024, 2, 29), BETA_MILESTONE | {"due": dt.date(2024, 3, 1)}, LATE, id="due a day late"),
        pytest.param(LAST_DAY, {}, [], id="a metric is due at the quarter's end"),
        pytest.param(dt.date(2024, 3, 1), {}, LATE, id="a metric needed before the quarter's end"),
        pytest.param(None, {"check_ins": check_in(1.0)}, LATE, id="on an at-risk key result"),
        pytest.param(None, {"check_ins": check_in(4.0)}, [], id="on a behind key result"),
        pytest.param(None, BETA_MILESTONE | {"due": dt.date(2024, 2, 1)}, LATE, id="on an overdue milestone"),
    ],
)
def test_a_dependency_due_after_it_is_needed_or_in_trouble_is_late(needed_by, beta_changes, expected):
    alpha = alpha_plan(depends_on=(Dependency(key_result_id="beta.O1.1", needed_by=needed_by),))
    assert found(find(alpha, beta_plan(**beta_changes)), GapCode.DEPENDENCY_LATE) == expected


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        pytest.param(dt.date(2024, 2, 15), [], id="21 days"),
        pytest.param(dt.date(2024, 2, 16), [(GapCode.STALE_CHECKIN, "alpha.O1.1")], id="22 days"),
    ],
)
def test_a_key_result_without_a_check_in_for_more_than_21_days_is_stale(as_of, expected):
    alpha = alpha_plan(check_ins=check_in(3.0, on=dt.date(2024, 1, 25)))
    assert found(find(alpha, beta_plan(), as_of=as_of), GapCode.STALE_CHECKIN) == expected


def test_a_done_key_result_is_never_stale():
    alpha = alpha_plan(check_ins=check_in(10.0, on=dt.date(2024, 1, 8)))
    assert found(find(alpha, beta_plan()), GapCode.STALE_CHECKIN) == []


@pytest.mark.parametrize(
    ("value", "confidence", "expected"),
    [
        pytest.param(5.0, Confidence.AT_RISK, ALPHA_KR, id="on track, team says at risk"),
        pytest.param(5.0, Confidence.BEHIND, [], id="on track, team says behind"),
        pytest.param(1.0, Confidence.ON_TRACK, ALPHA_KR, id="at risk, team says on track"),
        pytest.param(4.0, Confidence.AT_RISK, [], id="behind, team says at risk"),
        pytest.param(1.0, Confidence.BEHIND, [], id="at risk, team says behind"),
    ],
)
def test_confidence_two_steps_from_the_computed_status_is_a_mismatch(value, confidence, expected):
    alpha = alpha_plan(check_ins=check_in(value, confidence=confidence))
    gaps = find(alpha, beta_plan())
    assert found(gaps, GapCode.CONFIDENCE_MISMATCH) == pairs(GapCode.CONFIDENCE_MISMATCH, expected)


COMMITTED = {"commitment": Commitment.COMMITTED}


@pytest.mark.parametrize(
    ("changes", "as_of", "expected"),
    [
        pytest.param(COMMITTED | {"check_ins": check_in(8.0)}, AFTER_QUARTER, ALPHA_KR, id="missed"),
        pytest.param(COMMITTED | {"check_ins": ()}, AFTER_QUARTER, ALPHA_KR, id="never checked in"),
        pytest.param(COMMITTED | {"check_ins": check_in(10.0)}, AFTER_QUARTER, [], id="reached 1.0"),
        pytest.param(
            COMMITTED | {"check_ins": check_in(8.0), "miss_reason": "Prisplanen blev försenad"},
            AFTER_QUARTER,
            [],
            id="reason written",
        ),
        pytest.param(COMMITTED | {"check_ins": check_in(8.0)}, LAST_DAY, [], id="quarter not over"),
        pytest.param({"check_ins": check_in(8.0)}, AFTER_QUARTER, [], id="aspirational"),
    ],
)
def test_a_committed_key_result_below_one_after_the_quarter_needs_a_reason(changes, as_of, expected):
    gaps = find(alpha_plan(**changes), beta_plan(), as_of=as_of)
    assert found(gaps, GapCode.COMMITTED_MISSED) == pairs(GapCode.COMMITTED_MISSED, expected)


@pytest.mark.parametrize(
    ("changes", "as_of", "expected"),
    [
        pytest.param({"check_ins": check_in(10.0)}, AFTER_QUARTER, ALPHA_KR, id="reached 1.0"),
        pytest.param({"check_ins": check_in(12.0)}, AFTER_QUARTER, ALPHA_KR, id="beyond the target"),
        pytest.param({"check_ins": check_in(9.0)}, AFTER_QUARTER, [], id="reached 0.9"),
        pytest.param({"check_ins": check_in(10.0)}, LAST_DAY, [], id="quarter not over"),
        pytest.param(COMMITTED | {"check_ins": check_in(10.0)}, AFTER_QUARTER, [], id="committed"),
    ],
)
def test_an_aspirational_key_result_at_one_after_the_quarter_may_be_too_safe(changes, as_of, expected):
    gaps = find(alpha_plan(**changes), beta_plan(), as_of=as_of)
    assert found(gaps, GapCode.TOO_SAFE) == pairs(GapCode.TOO_SAFE, expected)


def test_aligned_share_and_coverage_count_only_known_strategic_objectives():
    alpha = team_plan("alpha", objective("O1", aligned_to=("S1",)), objective("O2", aligned_to=("S1", "S9")))
    beta = team_plan("beta", objective("O1", aligned_to=("S1",)), objective("O2", aligned_to=("S9",)))
    # 3 of 4 objectives name a real strategic objective (beta.O2 only an unknown one); only S1 of S1, S2 is carried.
    assert alignment_shares(company_strategy(), [alpha, beta]) == (0.75, 0.5)


def test_alignment_shares_are_none_where_there_is_nothing_to_divide_by():
    assert alignment_shares(company_strategy(), []) == (None, 0.0)
    no_objectives = replace(company_strategy(), objectives=())
    assert alignment_shares(no_objectives, [alpha_plan()]) == (0.0, None)


MILESTONE = {"kind": KeyResultKind.MILESTONE, "target": None, "check_ins": check_in(0.5)}


@pytest.mark.parametrize(
    ("code", "alpha", "beta", "as_of", "field", "linked_id"),
    [
        pytest.param(GapCode.ORPHAN_OBJECTIVE, alpha_plan(o1={"aligned_to": ()}), beta_plan(), MID_QUARTER,
                     "aligned_to", None, id="orphan-objective: aligned to"),
        pytest.param(GapCode.UNKNOWN_LINK, alpha_plan(o1={"aligned_to": ("S1", "S9")}), beta_plan(), MID_QUARTER,
                     "aligned_to", "S9", id="unknown-link: aligned to, naming the id"),
        pytest.param(GapCode.UNKNOWN_LINK, alpha_plan(feeds="S9.9"), beta_plan(), MID_QUARTER,
                     "feeds", "S9.9", id="unknown-link: feeds"),
        pytest.param(GapCode.UNKNOWN_LINK, alpha_plan(depends_on=(Dependency(key_result_id="beta.O9.9"),)),
                     beta_plan(), MID_QUARTER, "depends_on", "beta.O9.9", id="unknown-link: depends on"),
        pytest.param(GapCode.UNKNOWN_LINK, alpha_plan(depends_on=(Dependency(key_result_id="gamma.O1.1"),)),
                     beta_plan(), MID_QUARTER, "depends_on", "gamma.O1.1", id="unknown-link: another team"),
        pytest.param(GapCode.MISSING_OWNER, alpha_plan(owner=None), beta_plan(), MID_QUARTER,
                     "owner", None, id="missing-owner of a key result"),
        pytest.param(GapCode.MISSING_OWNER, alpha_plan(o1={"owner": None}), beta_plan(), MID_QUARTER,
                     "owner", None, id="missing-owner of an objective"),
        pytest.param(GapCode.PLACEHOLDER_TARGET, alpha_plan(target=None), beta_plan(), MID_QUARTER,
                     "target", None, id="placeholder-target: target"),
        pytest.param(GapCode.MISSING_BASELINE, alpha_plan(kind=KeyResultKind.DECREASE, target=5.0), beta_plan(),
                     MID_QUARTER, "baseline", None, id="missing-baseline: baseline"),
        pytest.param(GapCode.ACTIVITY_NOT_RESULT, alpha_plan(title="Skriv 3 nyhetsbrev"), beta_plan(), MID_QUARTER,
                     "title", None, id="activity-not-result: title"),
        pytest.param(GapCode.DUE_OUTSIDE_QUARTER, alpha_plan(**MILESTONE, due=dt.date(2024, 4, 1)), beta_plan(),
                     MID_QUARTER, "due", None, id="due-outside-quarter: due"),
        pytest.param(GapCode.DEPENDENCY_LATE,
                     alpha_plan(depends_on=(Dependency(key_result_id="beta.O1.1", needed_by=dt.date(2024, 3, 1)),)),
                     beta_plan(), MID_QUARTER, "needed_by", None, id="dependency-late: needed by"),
        pytest.param(GapCode.DEPENDENCY_LATE, alpha_plan(depends_on=(Dependency(key_result_id="beta.O1.1"),)),
                     beta_plan(check_ins=check_in(1.0)), MID_QUARTER, "depends_on", None,
                     id="dependency-late without needed by: depends on"),
        pytest.param(GapCode.STALE_CHECKIN, alpha_plan(check_ins=check_in(3.0, on=dt.date(2024, 1, 25))), beta_plan(),
                     dt.date(2024, 2, 16), "check_ins:2024-01-25", None, id="stale-checkin: the newest value"),
        pytest.param(GapCode.STALE_CHECKIN, alpha_plan(check_ins=()), beta_plan(), MID_QUARTER,
                     "check_ins", None, id="stale-checkin without a value: the first check-in"),
        pytest.param(GapCode.CONFIDENCE_MISMATCH, alpha_plan(check_ins=check_in(1.0, confidence=Confidence.ON_TRACK)),
                     beta_plan(), MID_QUARTER, "confidence", None, id="confidence-mismatch: confidence"),
        pytest.param(GapCode.COMMITTED_MISSED, alpha_plan(**COMMITTED, check_ins=check_in(8.0)), beta_plan(),
                     AFTER_QUARTER, "miss_reason", None, id="committed-missed: reason if missed"),
        pytest.param(GapCode.TOO_SAFE, alpha_plan(check_ins=check_in(10.0)), beta_plan(), AFTER_QUARTER,
                     None, None, id="too-safe: the id"),
        pytest.param(GapCode.KEY_RESULT_COUNT, team_plan("alpha", objective("O1", key_result("O1.1"))), beta_plan(),
                     MID_QUARTER, None, None, id="key-result-count: the id"),
    ],
)  # fmt: skip
def test_each_gap_names_the_field_of_the_cell_that_holds_or_lacks_its_value(code, alpha, beta, as_of, field,
                                                                             linked_id):  # fmt: skip
    gap = next(g for g in find(alpha, beta, as_of=as_of) if g.code == code and g.where.startswith("alpha"))
    assert (gap.field, gap.linked_id) == (field, linked_id)


def test_the_check_in_field_is_the_workbooks_check_in_column_key():
    from okrxl.core import alignment
    from okrxl.excel import layout

    assert alignment.CHECK_INS == layout.CHECK_INS


# 2024-Q1 at the default cadence of 2 weeks: the quarter's first Monday is 2024-01-01, so the scheduled
# check-ins are 01-01, 01-15, 01-29, 02-12, 02-26, 03-11 and 03-25 (worked out on a calendar).
@pytest.mark.parametrize(
    ("as_of", "check_ins", "cadence_weeks", "missed_field"),
    [
        pytest.param(MID_QUARTER, [(dt.date(2024, 2, 12), 5.0)], 2, None, id="a-value-on-the-scheduled-date"),
        pytest.param(MID_QUARTER, [(dt.date(2024, 2, 13), 5.0)], 2, None, id="a-value-on-a-date-of-its-own-after-it"),
        pytest.param(MID_QUARTER, [(dt.date(2024, 2, 11), 5.0)], 2, "check_ins:2024-02-12", id="the-day-before"),
        pytest.param(MID_QUARTER, [(dt.date(2024, 2, 12), None)], 2, "check_ins:2024-02-12",
                     id="a-confidence-without-a-value"),
        pytest.param(MID_QUARTER, [(dt.date(2024, 1, 29), 4.0), (dt.date(2024, 2, 16), 5.0)], 2,
                     "check_ins:2024-02-12", id="a-value-dated-after-as-of-does-not-count"),
        pytest.param(MID_QUARTER, [(dt.date(2024, 1, 29), 10.0)], 2, None, id="done-needs-no-more-values"),
        pytest.param(dt.date(2024, 1, 1), [], 2, "check_ins:2024-01-01", id="on-the-first-scheduled-date"),
        pytest.param(dt.date(2023, 12, 31), [], 2, None, id="before-the-first-scheduled-date"),
        pytest.param(AFTER_QUARTER, [(dt.date(2024, 3, 11), 5.0)], 2, "check_ins:2024-03-25",
                     id="after-the-quarter-the-last-scheduled-date"),
        pytest.param(MID_QUARTER, [(dt.date(2024, 1, 29), 5.0)], 4, None, id="every-4-weeks-01-29-is-the-latest"),
        pytest.param(dt.date(2024, 2, 20), [(dt.date(2024, 2, 12), 5.0)], 1, "check_ins:2024-02-19",
                     id="every-week-02-19-is-the-latest"),
    ],
)  # fmt: skip
def test_a_key_result_without_a_value_at_the_latest_scheduled_check_in_missed_it(
    as_of, check_ins, cadence_weeks, missed_field
):
    strategy = replace(company_strategy(), method=Method(cadence_weeks=cadence_weeks))
    values = tuple(CheckIn(date=day, value=value, confidence=Confidence.ON_TRACK) for day, value in check_ins)
    gaps = find(alpha_plan(check_ins=values), beta_plan(), strategy=strategy, as_of=as_of)
    missed = [(g.where, g.field) for g in gaps if g.code is GapCode.MISSED_CHECKIN and g.where == "alpha.O1.1"]
    assert missed == ([("alpha.O1.1", missed_field)] if missed_field else [])


def test_missed_check_ins_are_listed_per_team_as_local_ids_in_plan_order():
    old = check_in(5.0, on=dt.date(2024, 1, 29))
    gaps = find(alpha_plan(check_ins=old), beta_plan(check_ins=old, o1={"title": "Nöjdare"}))
    assert missed_check_ins(gaps) == {"alpha": ("O1.1",), "beta": ("O1.1",)}
    message = next(g.message for g in gaps if g.code is GapCode.MISSED_CHECKIN)
    assert message == "'Vinn 10 nya kunder' has no value at the check-in of 2024-02-12 (the newest is of 2024-01-29)"


def test_a_link_to_a_row_that_could_not_be_read_is_not_judged_again():
    """One broken row is one problem (at the row): a dependency or an initiative naming it is no unknown-link."""
    beta = beta_plan(depends_on=(Dependency(key_result_id="alpha.O1.3"),))
    alpha = replace(alpha_plan(), unread=("O1.3",))
    alpha = replace(alpha, initiatives=(Initiative(id="I1", title="Fix it", serves=("O1.3",)),))
    assert found(find(alpha, beta), GapCode.UNKNOWN_LINK) == []
    unread_nowhere = replace(alpha, unread=())
    assert found(find(unread_nowhere, beta), GapCode.UNKNOWN_LINK) == pairs(
        GapCode.UNKNOWN_LINK, ["alpha.I1", "beta.O1.1"]
    )
