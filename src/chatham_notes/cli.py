"""The `chatham-notes` command line: parse options, call `pipeline`, map errors to exit codes."""

from __future__ import annotations

import click

from . import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="chatham-notes")
def cli() -> None:
    """Anonymised bilingual summaries of meetings held under the Chatham House Rule."""


def main() -> None:
    cli()
