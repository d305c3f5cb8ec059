"""The `okrxl` command: a thin click layer over the library.

Library errors (`OkrxlError`) become a one-line message and exit code 1 here, in one place.
Heavy libraries are imported inside the commands so that `okrxl --help` starts fast.
"""

from __future__ import annotations

import datetime as dt
import json
import sys

import click

from okrxl import __version__


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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="okrxl")
def cli() -> None:
    """Run a company's OKR cycle in Excel.

    \b
    Try it:  okrxl demo
    """


@cli.command()
@click.option("--as-of", type=ISO_DATE, help="Date to score and pace at [default: the example's own, 2027-02-15].")
@click.option("--lang", type=LANG, default="sv", show_default=True, help="Language of the example's titles.")
@click.option("--json", "as_json", is_flag=True, help="Print the status document (okrxl.status/1) instead.")
def demo(as_of: dt.date | None, lang: str, as_json: bool) -> None:
    """Show the built-in example company, DPAB, in its first quarter.

    \b
    Examples:
      okrxl demo
      okrxl demo --lang en --as-of 2027-01-10
      okrxl demo --json > status.json
    """
    from okrxl import example
    from okrxl.status import review_quarter, status_document
    from okrxl.summary import render_summary

    status = review_quarter(
        example.dpab_strategy(lang),
        example.dpab_teams(lang),
        quarter=example.QUARTER,
        as_of=as_of or example.AS_OF,
    )
    if as_json:
        click.echo(json.dumps(status_document(status), ensure_ascii=False, indent=2))
    else:
        click.echo(render_summary(status), nl=False)


def main() -> None:
    """Console entry point."""
    from okrxl.problems import OkrxlError

    try:
        cli.main(standalone_mode=True)
    except OkrxlError as error:  # pragma: no cover - exercised through the subprocess tests
        click.echo(f"okrxl: error: {error}", err=True)
        sys.exit(1)
