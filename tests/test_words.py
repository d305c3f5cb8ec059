"""Words the admin reads that could mislead: plurals, hints, next steps, what a folder holds (issue 14)."""

import dataclasses

from click.testing import CliRunner
from sheets import open_workbook

from okrxl.cli import cli
from okrxl.core.alignment import reads_like_activity
from okrxl.core.model import KeyResult, KeyResultKind
from okrxl.outputs.summary import counted


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_a_yes_no_key_result_states_a_result_and_is_no_activity():
    buddy = KeyResult(id="O1.1", title="Every new hire has an onboarding buddy", kind=KeyResultKind.BINARY)
    assert not reads_like_activity(buddy)
    assert reads_like_activity(dataclasses.replace(buddy, kind=KeyResultKind.COUNT, target=3.0))  # no number
    assert reads_like_activity(dataclasses.replace(buddy, title="Hold a buddy lunch"))  # an activity verb


def test_counts_take_the_singular_for_one():
    assert [counted(n, "error") for n in (0, 1, 2)] == ["0 errors", "1 error", "2 errors"]


def test_a_folder_of_quarter_folders_says_which_to_consolidate(tmp_path):
    assert run("demo", tmp_path, "--no-pdf").exit_code == 0
    result = run("consolidate", tmp_path, "--lang", "en")
    assert result.exit_code == 1
    assert result.output.strip() == (
        f"okrxl: error: no team workbook in {tmp_path}, but quarter folders with workbooks in it: 2027-Q1; "
        f"run e.g. `okrxl consolidate {tmp_path / '2027-Q1'}`"
    )
    said = run("consolidate", tmp_path)  # in the language of the strategy beside it, Swedish
    assert said.output.strip() == (
        f"okrxl: fel: ingen teamarbetsbok i {tmp_path}, men kvartalsmappar med arbetsböcker i den: 2027-Q1; "
        f"kör t.ex. `okrxl consolidate {tmp_path / '2027-Q1'}`"
    )


def test_a_year_of_two_digits_is_refused_as_a_year():
    result = run("review", ".", "--year", "27")
    assert result.exit_code == 2 and "27 is not in the range 1900<=x<=9999" in result.output


def test_init_and_generate_say_the_admins_next_step(tmp_path):
    init = run("init", tmp_path / "strategy.xlsx", "--example", "dpab", "--lang", "en")
    assert init.output.splitlines()[-1] == (
        f"next: the leadership fills in {tmp_path / 'strategy.xlsx'} (settings, teams, strategic OKRs); then "
        f"`okrxl generate {tmp_path / 'strategy.xlsx'} --quarter <year>-Q1` makes the teams' workbooks"
    )
    generate = run("generate", tmp_path / "strategy.xlsx", "--quarter", "2027-Q1")
    quarter = tmp_path / "2027-Q1"
    assert generate.output.splitlines()[-1] == (
        f"next: send each team its workbook; when they come back, `okrxl check {quarter}` names what okrxl "
        f"cannot read, and `okrxl consolidate {quarter}` makes the report"
    )
    again = run("generate", tmp_path / "strategy.xlsx", "--quarter", "2027-Q1")
    assert again.exit_code == 1 and "next:" not in again.output  # nothing was written: no next step yet


def test_the_force_option_says_what_it_does_for_every_command():
    assert "Overwrite files that exist, whatever they hold." in run("template", "--help").output


def test_a_consolidation_before_the_quarter_says_so_instead_of_passing_zeros_off_as_results(tmp_path):
    assert run("demo", tmp_path, "--no-pdf", "--lang", "en").exit_code == 0
    early = run("consolidate", tmp_path / "2027-Q1", "--as-of", "2026-12-01", "-o", tmp_path / "early.xlsx")
    said = ("2027-Q1 has not started on 2026-12-01 (it starts 2027-01-01): the scores are no results yet; run okrxl "
            "consolidate with --as-of a date in the quarter")  # fmt: skip
    assert said in early.output
    assert open_workbook(tmp_path / "early.xlsx")["Overview"]["A3"].value == said  # on the page, under the date
    late = run("consolidate", tmp_path / "2027-Q1", "--as-of", "2027-04-02", "-o", tmp_path / "late.xlsx")
    assert "2027-Q1 is over (it ended 2027-03-31): these are its final scores" in late.output
    assert open_workbook(tmp_path / "late.xlsx")["Overview"]["A3"].value.startswith("2027-Q1 is over")
    during = run("consolidate", tmp_path / "2027-Q1", "--as-of", "2027-02-15", "-o", tmp_path / "mid.xlsx")
    assert "has not started" not in during.output and "is over" not in during.output
    assert open_workbook(tmp_path / "mid.xlsx")["Overview"]["A3"].value is None


def test_since_after_as_of_is_a_usage_error_not_a_silently_missing_page(tmp_path):
    assert run("demo", tmp_path, "--no-pdf").exit_code == 0
    result = run("consolidate", tmp_path / "2027-Q1", "--as-of", "2027-02-15", "--since", "2027-03-01")
    assert result.exit_code == 2
    assert "--since 2027-03-01 is not before --as-of 2027-02-15" in result.output


def test_a_rollover_before_the_quarter_ends_says_what_it_carries(tmp_path):
    import datetime as dt

    from okrxl.jobs import rollover

    assert run("demo", tmp_path, "--no-pdf", "--lang", "en").exit_code == 0
    said = []
    rollover(tmp_path / "2027-Q1", to=__import__("okrxl.core.model").core.model.Quarter(2027, 2),
             out_dir=tmp_path / "next", today=dt.date(2027, 2, 15), warn=said.append)  # fmt: skip
    assert said == [
        "2027-Q1 ends on 2027-03-31 and is 51% through on 2027-02-15: what is not done is carried over with the "
        "values reported so far; run the rollover again with --force after 2027-03-31 to carry the final ones"
    ]
    rollover(tmp_path / "2027-Q1", to=__import__("okrxl.core.model").core.model.Quarter(2027, 2),
             out_dir=tmp_path / "after", today=dt.date(2027, 4, 2), warn=said.append)  # fmt: skip
    assert len(said) == 1  # after the quarter: nothing to say


def test_each_meeting_keeps_its_report_and_the_next_measures_the_changes_from_it(tmp_path):
    import json

    assert run("demo", tmp_path, "--no-pdf").exit_code == 0
    quarter = tmp_path / "2027-Q1"
    first = run("consolidate", quarter, "--as-of", "2027-02-01")
    second = run("consolidate", quarter, "--as-of", "2027-02-15", "--json", tmp_path / "status.json")
    assert first.output.splitlines()[-1] == f"skrev {tmp_path.resolve()}/report-2027-Q1-2027-02-01.xlsx"
    assert f"skrev {tmp_path.resolve()}/report-2027-Q1-2027-02-15.xlsx" in second.output
    assert (tmp_path / "report-2027-Q1-2027-02-01.xlsx").exists()  # the earlier meeting's report is kept
    assert json.loads((tmp_path / "status.json").read_text(encoding="utf-8"))["since"] == "2027-02-01"
    # reports dated after as-of (02-15, 03-01) are no earlier meeting: the changes are measured from 02-01
    (tmp_path / "report-2027-Q1-2027-03-01.xlsx").write_bytes(b"")
    third = run("consolidate", quarter, "--as-of", "2027-02-10", "--json", "-")
    assert json.loads(third.stdout)["since"] == "2027-02-01"


def test_the_year_review_after_a_rollover_leaves_out_the_quarter_nobody_has_touched(tmp_path):
    from okrxl.jobs import review_year

    assert run("demo", tmp_path, "--no-pdf", "--lang", "en").exit_code == 0
    assert run("rollover", tmp_path / "2027-Q1", "--to", "2027-Q2").exit_code == 0
    review = review_year(tmp_path, year=2027)
    assert (review.labels, review.untouched) == (["2027-Q1"], ("2027-Q2",))
    assert all(set(quarters) == {"2027-Q1"} for quarters in review.team_scores().values())
    result = run("review", tmp_path, "--year", "2027", "-o", tmp_path / "review.xlsx")
    assert result.exit_code == 0, result.output
    assert "note: 2027-Q2 is left out: no team has checked in yet" in result.output
