"""The command line, through click's runner and through the installed console script."""

import json
import pathlib
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from okrxl import __version__
from okrxl.cli import cli
from okrxl.core.status import review_quarter, status_document
from okrxl.demo import example


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_demo_prints_each_team_with_scores_statuses_and_then_the_gaps(tmp_path):
    result = run("demo", str(tmp_path / "demo"), "--no-pdf")  # Swedish: the demo's default language
    assert result.exit_code == 0
    out = result.output.split("\n\nskrev ")[0]
    lines = out.splitlines()
    # 15 February is 45 days after 1 January, and 31 March 89: 45 / 89 = 51% of the quarter.
    assert (
        lines[0] == "Digital Posthantering AB · 2027-Q1 (2027-01-01 till 2027-03-31) · per 2027-02-15, 51% av kvartalet"
    )
    # A team's score is the mean of its objectives', an objective's the mean of its key results'.
    assert "Marknad (marketing), ledare Mats: poäng 0,48 gul, i riskzonen" in lines  # (0.675 + 0.25 + 0.52) / 3
    assert "Försäljning (sales), ledare Fredrika: poäng 0,51 gul, släpar efter" in lines  # (0.4625 + 0.5667) / 2
    assert "Produktion (production), ledare Pernilla: poäng 0,38 röd, i riskzonen" in lines  # (0.2714 + 0.4926) / 2
    kr_line = next(line for line in lines if line.strip().startswith("O2.1  30% minskning"))
    assert kr_line.split()[-6:] == ["33,6", "h", "0,28", "röd", "i", "riskzonen"]  # (48 - 44) / (48 - 33.6)
    assert "Luckor (14)" in lines  # the story's 11 and three of the initiatives (docs/example.md)
    assert any(line.startswith("  varning placeholder-target   S2.2            'Rullande 3-månaders NPS på X' har "
                               "inget mål än") for line in lines)  # fmt: skip
    assert lines[-1] == "Andel som stödjer strategin 100% · täckning 100%"


def test_demo_in_english_prints_each_team_with_scores_statuses_and_then_the_gaps(tmp_path):
    result = run("demo", str(tmp_path / "demo"), "--lang", "en", "--no-pdf")
    assert result.exit_code == 0
    out = result.output.split("\n\nwritten ")[0]
    assert out.startswith("Digital Posthantering AB · 2027-Q1 (2027-01-01 to 2027-03-31) · as of 2027-02-15")
    assert "Marketing (marketing), lead Mats: score 0.48 yellow, at risk" in out
    assert "Sales (sales), lead Fredrika: score 0.51 yellow, behind" in out
    assert "Production (production), lead Pernilla: score 0.38 red, at risk" in out
    kr_line = next(line for line in out.splitlines() if line.strip().startswith("O2.1  30% shorter"))
    assert kr_line.split()[-5:] == ["h", "0.28", "red", "at", "risk"]
    assert "Gaps (14)" in out
    assert "warning placeholder-target   S2.2" in out
    assert out.rstrip().endswith("Aligned share 100% · coverage 100%")


def test_demo_in_english_at_an_early_date_shows_not_started(tmp_path):
    result = run("demo", str(tmp_path), "--lang", "en", "--as-of", "2027-01-03", "--no-pdf")
    assert result.exit_code == 0
    assert "Marketing (marketing), lead Mats: score 0.00 red, not started" in result.output
    assert "Launch the translated website by 15 Feb" in result.output


def test_demo_writes_the_example_files_and_the_report_and_refuses_to_overwrite_them(tmp_path):
    result = CliRunner().invoke(cli, ["demo", str(tmp_path)])
    written = ["strategy.xlsx", "2027-Q1/marketing.xlsx", "2027-Q1/sales.xlsx", "2027-Q1/production.xlsx",
               "report-2027-Q1.xlsx"] + (["report-2027-Q1.pdf"] if shutil.which("soffice") else [])  # fmt: skip
    lines = [line for line in result.output.splitlines() if line.startswith("skrev ")]  # Swedish: "written"
    assert [line.split(str(tmp_path) + "/")[1] for line in lines] == written
    before = {name: (tmp_path / name).read_bytes() for name in written}
    again = CliRunner().invoke(cli, ["demo", str(tmp_path), "--as-of", "2027-03-01"])
    assert again.exit_code == 1
    assert again.output.count("(--force skriver över den)") == len(written)
    assert {name: (tmp_path / name).read_bytes() for name in written} == before
    forced = CliRunner().invoke(cli, ["demo", str(tmp_path), "--as-of", "2027-03-01", "--force", "--no-pdf"])
    assert forced.exit_code == 0 and forced.output.count("skrev över ") == 5


def test_demo_in_the_current_folder_writes_okrxl_demo(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run("demo", "--no-pdf").exit_code == 0
    assert (tmp_path / "okrxl-demo" / "2027-Q1" / "sales.xlsx").is_file()


def test_demo_json_prints_the_status_document():
    result = run("demo", "--json", "--as-of", "2027-03-01")
    expected = status_document(
        review_quarter(
            example.dpab_strategy(),
            example.dpab_teams(),
            quarter=example.QUARTER,
            as_of=example.AS_OF.replace(month=3, day=1),
            since=example.AS_OF,  # the check-in before the newest (1 March) is 15 February
        )
    )
    assert json.loads(result.output) == expected
    assert expected["since"] == "2027-02-15" and expected["changes"]
    assert "Produktkatalog på norska" in result.output  # not escaped to \u00e5


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["demo", "--as-of", "15/2"], "expected a date like 2027-02-15, got '15/2'"),
        (["demo", "--lang", "de"], "'de' is not one of 'sv', 'en'"),
        (["nosuch"], "No such command 'nosuch'"),
    ],
)
def test_wrong_usage_exits_2_with_a_message(args, message):
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert message in result.output


def test_version_is_the_packages():
    assert run("--version").output == f"okrxl, version {__version__}\n"


def test_the_installed_command_runs_the_demo():
    # The console script sits beside the interpreter that runs the tests (a venv's bin/).
    command = shutil.which("okrxl", path=str(pathlib.Path(sys.executable).parent))
    assert command, "okrxl is not installed in this environment: pip install -e .[test]"
    done = subprocess.run([command, "demo", "--json"], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout)["schema"] == "okrxl.status/4"
    assert (
        subprocess.run([command, "--version"], capture_output=True, text=True).stdout
        == f"okrxl, version {__version__}\n"
    )


def _collector_is_on(_job) -> bool:
    import gc

    return gc.isenabled()


@pytest.mark.parametrize("count", [3, 60], ids=["in this process", "in a process pool"])
def test_workbooks_are_written_with_the_cycle_collector_on_though_the_command_turned_it_off(count):
    """`okrxl` turns the collector off (okrxl.cli.main); writing many workbooks turns it back on,
    or XlsxWriter's reference cycles would hold 0.4 MiB a workbook until the command ends."""
    import gc

    from okrxl.jobs import run_jobs

    gc.disable()
    try:
        assert run_jobs(_collector_is_on, list(range(count))) == [True] * count
        assert not gc.isenabled()  # as the caller had it
    finally:
        gc.enable()


@pytest.mark.parametrize(("locale", "expected"), [
    ("sv_SE.UTF-8", "okrxl: fel: ingen användbar strategi för {folder}:\n  ingen strategi hittades"),
    ("en_GB.UTF-8", "okrxl: error: no usable strategy for {folder}:\n  no strategy found"),
    ("C.UTF-8", "okrxl: error: no usable strategy for {folder}:\n  no strategy found"),
])  # fmt: skip
def test_an_error_before_any_strategy_is_read_speaks_the_locales_language(tmp_path, locale, expected):
    folder = tmp_path / "2027-Q1"
    folder.mkdir()
    env = {"LC_ALL": None, "LC_MESSAGES": None, "LANG": locale}
    result = CliRunner().invoke(cli, ["consolidate", str(folder)], env=env)
    assert result.exit_code == 1 and result.output.startswith(expected.format(folder=folder)), result.output
