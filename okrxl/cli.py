"""The `okrxl` command: a thin click layer over the library.

Library errors (`OkrxlError`) become a one-line message and exit code 1 here, in one place.
Each command imports the jobs (okrxl.jobs) and the outputs it needs when it runs: they bring
XlsxWriter, the readers and the report (about 0.15 s), which `okrxl --help` and a mistyped command
need not pay (a target of 0.25 s, benchmarks/README.md). The core and the files layer are imported
here.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import os
import pathlib

import click

from okrxl.core.problems import ModelError, OkrxlError
from okrxl.excel.files import Outcome, OutputKind, printable, printable_json, write_atomically


class _IsoDate(click.ParamType):
    name = "DATE"

    def convert(self, value, param, ctx):
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            self.fail(f"expected a date like 2027-02-15, got {value!r}", param, ctx)


ISO_DATE = _IsoDate()
LANG = click.Choice(["sv", "en"])


def _echo(text: str, *, err: bool = False, nl: bool = True, file=None) -> None:
    """click.echo, with what came from files (paths, names, titles) escaped for the terminal.

    Every line okrxl prints goes through here, so a file name or team name holding an escape
    sequence (ESC, CSI, a bidirectional override) is shown as `\x1b...`, never run by the terminal.
    """

    click.echo(printable(text, lines=True), err=err, nl=nl, file=file)


def _json_text(document: dict) -> str:
    """JSON for the terminal: as json.dumps, but C1 controls, bidirectional overrides and undecodable
    bytes of file names are escaped too (`\u009b`), which stays valid JSON."""

    return printable_json(json.dumps(document, ensure_ascii=False, indent=2))


class _Failure(click.ClickException):
    """An OkrxlError, shown as one clear message and exit code 1."""

    def __init__(self, message: str, lang: str = "en"):
        super().__init__(message)
        self.lang = lang

    def show(self, file=None) -> None:
        _echo(f"okrxl: {'fel' if self.lang == 'sv' else 'error'}: {self.message}", err=True, file=file)


class _Command(click.Command):
    """Maps okrxl's own errors to exit code 1 in one place, in the command's language (`_error_lang`); click's
    usage errors exit 2.

    An OSError that no command turned into a message yet (a folder okrxl may not list) is shown
    as one line with the path, not as a traceback.
    """

    def invoke(self, ctx):

        try:
            return super().invoke(ctx)
        except OkrxlError as error:
            lang = _error_lang(ctx.params)
            raise _Failure(error.text(lang) if error.text else str(error), lang) from None
        except OSError as error:
            where = f"{error.filename}: " if error.filename else ""
            raise _Failure(f"{where}{error.strerror or error}", _error_lang(ctx.params)) from None


def _error_lang(params: dict) -> str:
    """The language of an error's message: `--lang`, else that of the strategy the command reads (when it can
    be read), else the locale's (LC_ALL, LC_MESSAGES, LANG: Swedish for sv_*), else English."""
    if params.get("lang"):
        return params["lang"]
    strategy = params.get("strategy_path") or params.get("strategy_file")
    places = [place for place in (params.get("folder"), *(params.get("paths") or ())) if place]
    if strategy is None and places:
        from okrxl.excel.folder import find_strategy

        strategy = find_strategy([pathlib.Path(place) for place in places])
    if strategy is not None and pathlib.Path(strategy).is_file():
        from okrxl.excel.folder import read_strategy_file

        try:
            return read_strategy_file(pathlib.Path(strategy)).lang
        except OkrxlError:
            pass
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if value := os.environ.get(name):
            return "sv" if value.casefold().startswith("sv") else "en"
    return "en"


class _Group(click.Group):
    command_class = _Command


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="okrxl", prog_name="okrxl")
def cli() -> None:
    """Run a company's OKR cycle in Excel.

    \b
    Try it:  okrxl demo
    """


class _QuarterType(click.ParamType):
    name = "QUARTER"

    def convert(self, value, param, ctx):

        try:
            from okrxl.core.model import Quarter  # the model's classes: 10 ms of start-up

            return value if not isinstance(value, str) else Quarter.parse(value)
        except ModelError:
            self.fail(f"expected a quarter like 2027-Q1, got {value!r}", param, ctx)


QUARTER = _QuarterType()
XLSX_PATH = click.Path(dir_okay=False, path_type=pathlib.Path)


def _strategy_option(default: str):
    """`--strategy FILE`, with where it is looked for by default."""
    return click.option(
        "--strategy",
        "strategy_path",
        type=click.Path(exists=True, dir_okay=False, path_type=pathlib.Path),
        help=f"The strategy workbook [default: {default}].",
    )


TEMPLATE = click.option(
    "--template",
    "template_path",
    type=click.Path(exists=True, dir_okay=False, path_type=pathlib.Path),
    help="An edited copy of templates/okr_template.xlsx for the look and the words.",
)
FORCE = click.option("--force", is_flag=True, help="Overwrite files that exist, whatever they hold.")


def _report_writes(results, *, err: bool = False, next_step=None, lang: str = "en") -> None:
    """Print what was written and skipped, and the admin's next step when all was written; exit 1 when
    anything was skipped."""
    for result in results:
        _echo(result.text(lang), err=err or result.outcome is Outcome.SKIPPED)
    if any(r.outcome is Outcome.SKIPPED for r in results):
        raise SystemExit(1)
    if next_step and results:
        _echo(("nästa steg: " if lang == "sv" else "next: ") + next_step)


def _json_output(document: dict, json_path: str, *, force: bool) -> list:
    """`--json -` prints the document; `--json FILE` writes it to FILE and says so.

    FILE is replaced when it is okrxl's own earlier document of the same schema, else only with --force.
    """
    if json_path == "-":
        click.echo(_json_text(document))
        return []

    text = json.dumps(document, ensure_ascii=False, indent=2)
    kind = OutputKind.REVIEW_JSON if document.get("schema", "").startswith("okrxl.review/") else OutputKind.STATUS_JSON
    write_json = lambda p: p.write_text(text + "\n", encoding="utf-8", errors="backslashreplace")  # noqa: E731
    return [write_atomically(pathlib.Path(json_path), write_json, force=force, replaces=kind)]


@cli.command()
@click.argument("directory", required=False, type=click.Path(file_okay=False, path_type=pathlib.Path))
@click.option("--as-of", type=ISO_DATE, help="Date to score and pace at [default: the example's own, 2027-02-15].")
@click.option("--lang", type=LANG, default="sv", show_default=True, help="Language of the example's titles.")
@click.option("--json", "as_json", is_flag=True, help="Print the status document (okrxl.status/4) only; write nothing.")
@click.option("--pdf/--no-pdf", default=True, show_default=True, help="Print the report to PDF (needs LibreOffice).")
@click.option("--year", "whole_year", is_flag=True, help="The whole example year: four quarters and the year review.")
@FORCE
def demo(directory, as_of: dt.date | None, lang: str, as_json: bool, pdf: bool, whole_year: bool, force: bool) -> None:
    """Run the whole job on the built-in example company, DPAB, in its first quarter.

    Writes DIRECTORY/strategy.xlsx and DIRECTORY/2027-Q1/<team>.xlsx (default ./okrxl-demo), filled
    in as the teams would have typed them, consolidates them into DIRECTORY/report-2027-Q1.xlsx (and
    .pdf when LibreOffice is installed), and prints each team's scores and the gaps. Nothing is
    written when one of these files exists, unless --force.

    With --year it writes the whole example year instead: four quarters of team workbooks, each
    quarter's report, and the year review (okrxl review).

    \b
    Examples:
      okrxl demo
      okrxl demo /tmp/dpab --lang en --as-of 2027-01-10
      okrxl demo --json > status.json
      okrxl demo /tmp/dpab-year --year
    """

    if whole_year:
        from okrxl.jobs import write_demo_year
        from okrxl.outputs.summary import render_year

        results, review = write_demo_year(directory or pathlib.Path("okrxl-demo-year"), lang=lang, force=force,
                                          pdf=pdf)  # fmt: skip
        if review is not None:
            _echo(render_year(review, review.lang))
        _report_writes(results, lang=lang)
        return

    if as_json:
        from okrxl.core.status import review_quarter, status_document
        from okrxl.demo import example
        from okrxl.jobs import last_meeting

        strategy, as_of = example.dpab_strategy(lang), as_of or example.AS_OF
        status = review_quarter(strategy, example.dpab_teams(lang), quarter=example.QUARTER, as_of=as_of,
                                since=last_meeting(strategy, example.QUARTER, as_of))  # fmt: skip
        click.echo(_json_text(status_document(status)))
        return
    from okrxl.jobs import write_demo
    from okrxl.outputs.pdf import soffice
    from okrxl.outputs.summary import render_summary

    folder = directory or pathlib.Path("okrxl-demo")
    results, consolidated = write_demo(folder, lang=lang, as_of=as_of, force=force, pdf=pdf)
    if consolidated is not None:
        _echo(render_summary(consolidated.status, consolidated.lang))
    _report_writes(results, lang=lang)
    if pdf and soffice() is None:
        _echo("no PDF: LibreOffice is not installed (apt-get install libreoffice-calc-nogui)")


@cli.command()
@click.argument("strategy_file", metavar="STRATEGY.xlsx", type=XLSX_PATH)
@click.option("--lang", type=LANG, default="sv", show_default=True, help="Language of the workbook.")
@click.option("--example", type=click.Choice(["dpab"]), help="Fill it with a built-in example's strategy.")
@TEMPLATE
@FORCE
def init(strategy_file: pathlib.Path, lang: str, example: str | None, template_path, force: bool) -> None:
    """Write a strategy workbook for the leadership to fill in.

    Settings (company, vision, mission, year, the method's thresholds), teams, and the strategic
    OKRs with a check-in column for every second week of the year.

    \b
    Examples:
      okrxl init strategy.xlsx
      okrxl init strategy.xlsx --example dpab --lang en
    """
    from okrxl.core.words import Words
    from okrxl.jobs import init_strategy

    result = init_strategy(strategy_file, lang=lang, example=example == "dpab", template_path=template_path,
                           force=force)  # fmt: skip
    next_step = Words(f"ledningen fyller i {strategy_file} (inställningar, team, strategiska OKR); sedan gör "
                      f"`okrxl generate {strategy_file} --quarter <år>-Q1` teamens arbetsböcker",
                      f"the leadership fills in {strategy_file} (settings, teams, strategic OKRs); then "
                      f"`okrxl generate {strategy_file} --quarter <year>-Q1` makes the teams' workbooks")  # fmt: skip
    _report_writes([result], next_step=next_step(lang), lang=lang)


@cli.command()
@click.argument("strategy_file", metavar="STRATEGY.xlsx", type=click.Path(exists=True, dir_okay=False,
                                                                         path_type=pathlib.Path))  # fmt: skip
@click.option("--quarter", type=QUARTER, required=True, help="The quarter, e.g. 2027-Q1.")
@click.option("-o", "--out", "out_dir", type=click.Path(file_okay=False, path_type=pathlib.Path),
              help="Folder to write QUARTER/<team>.xlsx in [default: the strategy's folder].")  # fmt: skip
@click.option("--team", "team_ids", multiple=True, metavar="ID", help="Only this team (repeatable).")
@click.option("--personal", is_flag=True,
              help="Write the people's own workbooks, QUARTER/<team>/<person>.xlsx, not the teams'.")  # fmt: skip
@click.option("--lang", type=LANG, help="Language of the workbooks [default: the strategy workbook's].")
@TEMPLATE
@FORCE
def generate(strategy_file, quarter, out_dir, team_ids, personal, lang, template_path, force) -> None:
    """Write one OKR workbook per team for a quarter, from the strategy workbook.

    Each has the instructions, the team's OKR table with dropdowns, check-in columns and live
    scores, and the strategy read-only. Existing workbooks are never overwritten without --force.

    With --personal (personal OKRs set to yes in the strategy's Settings) it writes one workbook per
    person of the strategy's People sheet instead, QUARTER/<team>/<person>.xlsx, laid out like the
    team's, whose objectives align to the team's objectives: run it once the teams have filled in
    their own workbooks, QUARTER/<team>.xlsx. A team without objectives yet is skipped and named.

    \b
    Examples:
      okrxl generate strategy.xlsx --quarter 2027-Q1
      okrxl generate strategy.xlsx --quarter 2027-Q2 -o okr --team sales --team marketing
      okrxl generate strategy.xlsx --quarter 2027-Q1 --personal
    """
    from okrxl.core.words import Words
    from okrxl.jobs import generate as generate_workbooks
    from okrxl.jobs import strategy_lang

    if personal:
        _generate_personal(strategy_file, quarter=quarter, out_dir=out_dir, team_ids=team_ids, lang=lang,
                           template_path=template_path, force=force)  # fmt: skip
        return
    results = generate_workbooks(strategy_file, quarter=quarter, out_dir=out_dir, team_ids=team_ids,
                                 template_path=template_path, lang=lang, force=force)  # fmt: skip
    folder = results[0].path.parent if results else quarter
    said = lang or strategy_lang(strategy_file)
    next_step = Words(f"skicka varje team dess arbetsbok; när de kommer tillbaka visar `okrxl check {folder}` vad "
                      f"okrxl inte kan läsa, och `okrxl consolidate {folder}` gör rapporten",
                      f"send each team its workbook; when they come back, `okrxl check {folder}` names what okrxl "
                      f"cannot read, and `okrxl consolidate {folder}` makes the report")  # fmt: skip
    _report_writes(results, next_step=next_step(said), lang=said)


def _generate_personal(strategy_file, *, quarter, out_dir, team_ids, lang, template_path, force) -> None:
    """`okrxl generate --personal`: the people's workbooks, what was skipped and why; exit 1 when anything was."""
    from okrxl.core.words import Words
    from okrxl.jobs import generate_personal

    done = generate_personal(strategy_file, quarter=quarter, out_dir=out_dir, team_ids=team_ids,
                             template_path=template_path, lang=lang, force=force)  # fmt: skip
    said = done.lang
    for text in done.notes:
        _echo(("obs: " if said == "sv" else "note: ") + text(said), err=True)
    for text in done.skipped_teams:
        _echo(text(said), err=True)
    folder = done.results[0].path.parent.parent if done.results else quarter
    next_step = Words(f"skicka varje person sin arbetsbok; när de kommer tillbaka läser `okrxl check {folder}` dem "
                      "tillsammans med teamens",
                      f"send each person their workbook; when they come back, `okrxl check {folder}` reads them "
                      "with the teams'")  # fmt: skip
    _report_writes(done.results, next_step=next_step(said), lang=said)
    if done.skipped_teams:
        raise SystemExit(1)


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...",
                type=click.Path(exists=True, path_type=pathlib.Path))  # fmt: skip
@_strategy_option("strategy.xlsx beside the files or in the folder above")
@click.option("--json", "as_json", is_flag=True, help="Print the findings as JSON (okrxl.check/1).")
@click.option("--as-of", type=ISO_DATE, help="Date to judge the plans' gaps and missed check-ins at [default: today].")
@click.option("--lang", type=LANG, help="Language of the messages [default: the strategy workbook's].")
def check(paths, strategy_path, as_json: bool, as_of: dt.date | None, lang) -> None:
    """Check team workbooks (files or folders) and say what okrxl cannot read, cell by cell.

    Exit code 0 when no file has errors, 1 when one has. A folder is checked as one quarter: a
    team of the strategy without a workbook, two workbooks of one team and a workbook of another
    quarter are reported too. A folder's subfolders named after a team are read with it: the
    people's own workbooks (generate --personal), each listed after its team's. okrxl never changes
    the files it checks.

    \b
    Examples:
      okrxl check okrxl-demo/2027-Q1
      okrxl check returned/sales.xlsx --strategy strategy.xlsx
      okrxl check okr/2027-Q1 --json > check.json
      okrxl check okr/2027-Q1 --as-of 2027-02-15   # gaps and missed check-ins as of the meeting
      okrxl check okr/2027-Q1 --lang en            # in English, whatever the strategy's language
    """
    from okrxl.excel.folder import check_document, read_folder
    from okrxl.outputs.summary import render_check

    reading = read_folder(paths, strategy_path=strategy_path)
    if as_json:
        click.echo(_json_text(check_document(reading, as_of=as_of)))
    else:
        lang = lang or (reading.strategy_reading.lang if reading.strategy_reading else "en")
        _echo(render_check(reading, as_of=as_of, lang=lang), nl=False)
    if reading.has_errors:
        raise SystemExit(1)


@cli.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=pathlib.Path))
@_strategy_option("strategy.xlsx in FOLDER or the folder above")
@click.option("-o", "--out", "report_path", type=XLSX_PATH,
              help="The report to write [default: report-QUARTER-ASOF.xlsx beside FOLDER].")  # fmt: skip
@click.option("--as-of", type=ISO_DATE, help="Date to score and pace at [default: today].")
@click.option(
    "--since",
    type=ISO_DATE,
    help="List what changed since this date [default: the newest meeting report's, "
    "report-QUARTER-DATE.xlsx beside FOLDER; else the check-in before the newest].",
)
@click.option(
    "--json", "json_path", metavar="FILE|-",
    help="Also write the status document (okrxl.status/4); - for stdout. An earlier one is replaced.",
)  # fmt: skip
@click.option("--pdf", is_flag=True, help="Also print the report to PDF beside it (needs LibreOffice).")
@click.option("--lang", type=LANG, help="Language of the report [default: the strategy workbook's].")
@FORCE
def consolidate(folder, strategy_path, report_path, as_of, since, json_path, pdf, lang, force) -> None:
    """Read a quarter's team workbooks and write the report for the noticeboard.

    Reads the strategy and every team workbook in FOLDER, computes scores, pacing and gaps, writes
    the report (overview, a page per team, alignment, gaps, files, data) and prints a summary. A file
    that cannot be read is reported and skipped; exit code 1 then, 0 when every file was read.
    An earlier okrxl report (PDF, status document) is replaced; any other existing file only with
    --force, and a file that appears while okrxl writes is kept.

    \b
    Examples:
      okrxl consolidate okr/2027-Q1
      okrxl consolidate okr/2027-Q1 --as-of 2027-02-15 --pdf
      okrxl consolidate okr/2027-Q1 --json - > status.json
    """
    from okrxl.excel.folder import WORKBOOK_SUFFIXES
    from okrxl.jobs import consolidate as consolidate_folder
    from okrxl.jobs import default_report_path

    day = as_of or dt.date.today()
    if since is not None and since >= day:
        raise click.UsageError(f"--since {since} is not before --as-of {day}: the changes are "
                               "what happened from --since to --as-of")  # fmt: skip

    files = [p for p in folder.iterdir() if p.suffix.lower() in WORKBOOK_SUFFIXES]
    if len(files) > 20 and json_path != "-":
        with click.progressbar(
            length=len(files), label="Reading workbooks", file=click.get_text_stream("stderr")
        ) as bar:
            result = consolidate_folder(folder, strategy_path=strategy_path, as_of=as_of, since=since,
                                        progress=lambda _: bar.update(1))  # fmt: skip
    else:
        result = consolidate_folder(folder, strategy_path=strategy_path, as_of=as_of, since=since)
    report_path = report_path or default_report_path(folder, result.status.quarter, result.status.as_of)
    writes = [result.write_report(report_path, lang=lang, force=force)]
    if pdf:
        gc.collect()  # the report's XlsxWriter objects, before the printed copy is made (see main)
        writes.append(result.write_pdf(report_path.with_suffix(".pdf"), lang=lang, force=force))
    if json_path:
        writes += _json_output(result.document, json_path, force=force)
    if json_path != "-":
        from okrxl.outputs.summary import render_consolidation

        _echo(render_consolidation(result.reading, result.status, lang or result.lang, notes=result.notes), nl=False)
    _report_writes(writes, err=json_path == "-", lang=lang or result.lang)
    if result.reading.unused:
        raise SystemExit(1)


@cli.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=pathlib.Path))
@click.option("--to", "to", type=QUARTER, required=True, help="The next quarter, e.g. 2027-Q2.")
@click.option("-o", "--out", "out_dir", type=click.Path(file_okay=False, path_type=pathlib.Path),
              help="Folder to write TO/<team>.xlsx in [default: beside FOLDER].")  # fmt: skip
@_strategy_option("strategy.xlsx in FOLDER or the folder above")
@click.option("--lang", type=LANG, help="Language of the workbooks [default: the strategy workbook's].")
@TEMPLATE
@FORCE
def rollover(folder, to, out_dir, strategy_path, lang, template_path, force) -> None:
    """Make next quarter's team workbooks from this quarter's.

    What is not done is carried over, marked with last quarter's id and final score; the new
    baseline of a metric is its last value; check-ins start empty; what is done is listed on the
    "last quarter" sheet. FOLDER is only read; existing workbooks are never overwritten without --force.

    \b
    Examples:
      okrxl rollover okr/2027-Q1 --to 2027-Q2
      okrxl rollover okr/2027-Q1 --to 2027-Q2 -o next --force
    """
    from okrxl.jobs import quarter_lang
    from okrxl.jobs import rollover as roll

    said = lang or quarter_lang(folder, strategy_path)
    note = "obs: " if said == "sv" else "note: "
    _report_writes(roll(folder, to=to, out_dir=out_dir, strategy_path=strategy_path, template_path=template_path,
                        lang=lang, force=force, warn=lambda text: _echo(note + text, err=True)), lang=said)  # fmt: skip


@cli.command("review")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=pathlib.Path))
@click.option("--year", type=click.IntRange(1900, 9999), required=True, help="The strategic year, e.g. 2027.")
@click.option("-o", "--out", "out_path", type=XLSX_PATH, help="The review to write [default: FOLDER/review-YEAR.xlsx].")
@_strategy_option("FOLDER/strategy.xlsx")
@click.option("--as-of", type=ISO_DATE, help="Leave out quarters after this date [default: each quarter at its end].")
@click.option("--json", "json_path", metavar="FILE|-", help="Also write the review as JSON (okrxl.review/1).")
@click.option("--pdf", is_flag=True, help="Also print the review to PDF beside it (needs LibreOffice).")
@click.option("--lang", type=LANG, help="Language of the review [default: the strategy workbook's].")
@FORCE
def review_command(folder, year, out_path, strategy_path, as_of, json_path, pdf, lang, force) -> None:
    """Write the year review: every quarter of the year found in FOLDER side by side.

    FOLDER holds the year's quarter folders (FOLDER/2027-Q1 … FOLDER/2027-Q4, as generate and
    rollover make them). The review shows each team's score per quarter, each strategic objective's
    measured and carried scores, each strategic key result against the sum of what fed it, and the
    gaps that persisted. An earlier okrxl year review (PDF, review document) is replaced; any
    other existing file only with --force.

    \b
    Examples:
      okrxl review okr --year 2027
      okrxl review okr --year 2027 --pdf --json review.json
    """
    from okrxl.core.words import Words
    from okrxl.jobs import review_year, write_year_review
    from okrxl.outputs.year_review import review_document

    result = review_year(folder, year=year, strategy_path=strategy_path, as_of=as_of)
    said = lang or result.lang
    for quarter in result.untouched:
        _echo(Words(f"obs: {quarter} är utelämnat: inget team har stämt av än",
                    f"note: {quarter} is left out: no team has checked in yet")(said), err=True)  # fmt: skip
    writes = write_year_review(result, out_path or folder / f"review-{year}.xlsx", lang=lang, pdf=pdf, force=force)
    if json_path:
        writes += _json_output(review_document(result), json_path, force=force)
    if json_path != "-":
        from okrxl.outputs.summary import render_year

        _echo(render_year(result, said), nl=False)
    _report_writes(writes, err=json_path == "-", lang=said)


@cli.command()
@click.argument("template_file", metavar="TEMPLATE.xlsx", type=XLSX_PATH)
@FORCE
def template(template_file: pathlib.Path, force: bool) -> None:
    """Write a copy of the built-in template, to change the workbooks' look and words.

    Change colours and fonts on its Styles sheet, headers on Labels, the instruction text on
    Instructions; then pass it with --template to init and generate.

    \b
    Examples:
      okrxl template my_template.xlsx
      okrxl generate strategy.xlsx --quarter 2027-Q1 --template my_template.xlsx
    """
    from okrxl.excel.template import write_template

    _report_writes([write_atomically(template_file, write_template, force=force)])


def main() -> None:
    """Console entry point."""
    # A command runs once and exits. Python's cycle collector would walk the million objects a big
    # quarter makes (check-ins, assessments, the report's cells) each time their number grows by a
    # quarter, finding nothing to free until the report is written: at 1000 teams that was a fifth
    # of `okrxl consolidate`'s time (benchmarks/README.md). Reading makes no reference cycles; the
    # XlsxWriter workbook of a report does, and is freed when the process ends. Where many workbooks
    # are written, jobs.run_jobs turns the collector back on.
    gc.disable()
    cli(prog_name="okrxl")
