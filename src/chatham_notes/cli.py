"""The `chatham-notes` command line: parse options, call `pipeline`, map errors to exit codes.

Exit codes: 0 success; 1 a leak or review failure; 2 bad usage or unreadable input.
Errors are one line on stderr; `--debug` shows the traceback as well.
"""

from __future__ import annotations

import functools
import json
import sys
from pathlib import Path

import click

from . import __version__
from .errors import ChathamError
from .model import Level

EXIT_LEAK = 1
EXIT_INPUT = 2


class CliError(click.ClickException):
    """A one-line error with the exit code of the library error behind it."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def handle_errors(command):
    """Turn library errors into one line on stderr and the right exit code."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        debug = click.get_current_context().find_root().params.get("debug", False)
        try:
            return command(*args, **kwargs)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise  # already a clean message and exit code
        except ChathamError as error:
            if debug:
                raise
            raise CliError(str(error), error.exit_code) from None
        except KeyboardInterrupt:
            click.echo("Interrupted; no output was written.", err=True)
            sys.exit(130)
        except OSError as error:  # e.g. a disk full while writing: still one line
            if debug:
                raise
            raise CliError(f"{error.filename or ''}: {error.strerror or error}".lstrip(": "), EXIT_INPUT) from None
        except Exception as error:  # a bug: still one line, and no text that could hold a name
            if debug:
                raise
            raise CliError(
                f"unexpected {type(error).__name__} while processing; nothing was written "
                "(run with --debug for details, and please report it)", EXIT_INPUT
            ) from None

    return wrapper


class TerminalProgress:
    """A progress line on stderr, shown only on a terminal and without --quiet."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled or total <= 0:
            return
        width = 30
        filled = int(width * done / total)
        click.echo(f"\r{stage:<8} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}", err=True, nl=False)
        if done >= total:
            click.echo("", err=True)


def level_options(command):
    """--level, --k and --pseudonyms: how much an attribution may say."""
    command = click.option(
        "--pseudonyms", is_flag=True, help="Write 'Participant A', 'Participant B'... (lets readers link statements)."
    )(command)
    command = click.option(
        "--k", "k", type=click.IntRange(min=1), default=3, show_default=True,
        help="A sector is named only if at least k participants share it.",
    )(command)
    command = click.option(
        "--level", type=click.Choice([lv.value for lv in Level]), default=Level.PARTICIPANT.value,
        show_default=True, help="participant: no affiliation at all; sector: 'a participant from academia'.",
    )(command)
    return command


def review_options(command):
    """--roster, --decisions, --report, --report-json: shared by summarise and redact."""
    command = click.option("--report-json", type=click.Path(dir_okay=False, path_type=Path),
                           help="Write the redaction report as JSON (confidential).")(command)
    command = click.option("--report", "report_html", type=click.Path(dir_okay=False, path_type=Path),
                           help="Write the redaction report as one HTML file (confidential).")(command)
    command = click.option("--decisions", type=click.Path(path_type=Path),
                           help="A reviewer's decisions file (YAML or TOML): keep or remove findings.")(command)
    command = click.option("--roster", type=click.Path(path_type=Path),
                           help="Participants list: CSV (name,aliases,affiliation,...) or YAML.")(command)
    return command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="chatham-notes")
@click.option("--debug", is_flag=True, help="Show tracebacks of errors.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@click.pass_context
def cli(ctx: click.Context, debug: bool, quiet: bool) -> None:
    """Anonymised bilingual (English/French) summaries of meetings held under the Chatham House Rule.

    Original names never appear on the terminal unless you ask for them;
    the redaction report is where originals live, and it is confidential.
    """
    ctx.obj = {"progress": TerminalProgress(enabled=not quiet)}


def _options(level: str, k: int, pseudonyms: bool, **extra):
    from .pipeline import Options

    return Options(level=Level(level), k=k, pseudonyms=pseudonyms, **extra)


@cli.command()
@click.argument("notes", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The shareable .docx summary to write.")
@review_options
@level_options
@click.option("--layout", type=click.Choice(["side-by-side", "sequential"]), default="side-by-side",
              show_default=True, help="Two columns English | Français, or all English then all French.")
@click.option("--translator", type=click.Choice(["none", "argos", "pairs"]), default="none", show_default=True,
              help="none: mark blocks as awaiting translation; argos: offline Argos Translate; "
                   "pairs: the notes hold both versions as EN:/FR: paragraphs.")
@click.option("--xliff-out", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the blocks awaiting translation as XLIFF 1.2 for a CAT tool, one file per "
                   "direction: FILE.xlf -> FILE.en-fr.xlf, FILE.fr-en.xlf.")
@click.option("--translations", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="An XLIFF file your translator sent back: its units fill the blocks by id. Repeatable.")
@click.option("--memory", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="An earlier XLIFF file (e.g. a previous event's): exact matches are reused. Repeatable.")
@click.option("--title", help="Title in English (default: the notes' front matter).")
@click.option("--title-fr", help="Title in French.")
@click.option("--date", help="Date of the meeting, YYYY-MM-DD.")
@click.option("--place", help="Place of the meeting.")
@click.pass_obj
@handle_errors
def summarise(obj, notes, output, roster, decisions, report_html, report_json, level, k, pseudonyms,
              layout, translator, xliff_out, translations, memory, title, title_fr, date, place) -> None:
    """Write the shareable bilingual Word summary of NOTES (files or folders).

    Several files make one summary, in the order given, each a section.
    The summary is leak-checked before it is written: if any name, initials or
    affiliation survives, nothing is written under OUTPUT and the exit code is 1.
    """
    from .pipeline import summarise as run

    options = _options(level, k, pseudonyms, layout=layout, translator=translator, title=title,
                       title_fr=title_fr, date=date, place=place)
    result = run(notes, output, roster=roster, options=options, decisions=decisions,
                 report_html=report_html, report_json=report_json, translations=translations, memory=memory,
                 xliff_out=xliff_out, progress=obj["progress"])
    if xliff_out is not None and not result.xliff:
        click.echo("No block awaits translation: no XLIFF file written.", err=True)
    for path in result.xliff_removed:
        click.echo(f"Removed {path}: an earlier run's export; nothing awaits translation in its direction now.",
                   err=True)
    _say_written(result)


def _say_written(result) -> None:
    """What was written; the last line counts translated and pending blocks."""
    findings = sum(len(d.mentions) for d in result.analysis.detections)
    click.echo(f"Wrote {result.output} ({findings} findings generalised, 0 leaks).", err=True)
    for path in result.xliff:
        click.echo(f"Wrote {path} (XLIFF 1.2 for your translator: no names in it).", err=True)
    for path in result.reports:
        click.echo(f"Wrote {path} (CONFIDENTIAL: it holds the original names).", err=True)
    for rejection in result.rejections:  # file, unit id and reason: never the text
        click.echo(f"Translation not used: {rejection.terminal}", err=True)
    rejected = f", {len(result.rejections)} translation(s) rejected" if result.rejections else ""
    click.echo(f"{result.translated} block(s) translated, {result.pending_translation} block(s) await "
               f"translation{rejected}.", err=True)


@cli.command()
@click.argument("note", type=click.Path(path_type=Path))
@review_options
@level_options
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: the redacted notes; json: the findings.")
@click.option("--raw-placeholders", is_flag=True, help="Show typed placeholders such as [PERSON] instead of wording.")
@click.option("--show-originals", is_flag=True, help="Include original text in the JSON findings (confidential).")
@click.pass_obj
@handle_errors
def redact(obj, note, roster, decisions, report_html, report_json, level, k, pseudonyms, fmt,
           raw_placeholders, show_originals) -> None:
    """Print NOTE with every finding generalised, in its own language(s)."""
    from .pipeline import redact as run

    analysis, blocks = run(note, roster=roster, options=_options(level, k, pseudonyms), decisions=decisions,
                           raw_placeholders=raw_placeholders, report_html=report_html, report_json=report_json,
                           progress=obj["progress"])
    if fmt == "json":
        click.echo(json.dumps(findings_json(analysis, show_originals), ensure_ascii=False, indent=2))
    else:
        for block in blocks:
            click.echo(block.line)


def findings_json(analysis, show_originals: bool) -> list[dict]:
    """The findings as plain dicts; original text only on request."""
    parties = {p.id: p for d in analysis.detections for p in d.parties}
    rows = []
    for detection in analysis.detections:
        for m in detection.mentions:
            block = detection.document.block(m.block_id)
            party = parties.get(m.party_id) if m.party_id else None
            row = {
                "id": m.id, "block": m.block_id, "location": str(block.location), "field": m.field.value,
                "start": m.start, "end": m.end, "type": m.kind.value,
                "participant": (party.participant_id or party.id) if party else None,
                "detector": m.detector, "score": round(m.score, 3),
            }
            if show_originals:
                row["text"] = m.text
            rows.append(row)
    return rows


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--roster", type=click.Path(path_type=Path), help="Participants list to look for.")
@click.option("--notes", multiple=True, type=click.Path(path_type=Path),
              help="Original notes: every string detection finds in them is looked for too. Repeatable.")
@click.option("--decisions", type=click.Path(path_type=Path), help="A reviewer's decisions file.")
@click.option("--show-originals", is_flag=True, help="Print the leaked strings themselves (confidential).")
@handle_errors
def check(file, roster, notes, decisions, show_originals) -> None:
    """Leak-check FILE (.docx, .xlf, .txt, .md), e.g. a summary a translator edited by hand,
    or the XLIFF file that came back from the translator.

    Exits 0 when clean, 1 with the leaks listed (location and type; the names
    themselves only with --show-originals).
    """
    from .pipeline import check as run

    leaks = run(file, roster=roster, notes=notes, decisions=decisions)
    if not leaks:
        click.echo(f"{file}: clean, no leak found.")
        return
    for leak in leaks:
        what = f" {leak.text!r}" if show_originals else ""
        click.echo(f"{file}: {leak.part}, {leak.location}: {leak.kind.value}{what}")
    raise CliError(f"{file}: {len(leaks)} leak(s) found", EXIT_LEAK)


@cli.group()
def roster() -> None:
    """Participants lists: derive one from a programme, or validate one."""


@roster.command("extract")
@click.argument("programme", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the CSV here instead of standard output.")
@handle_errors
def roster_extract(programme, output) -> None:
    """Derive a draft roster (CSV) from a PROGRAMME or agenda, for the organiser to complete."""
    import io

    from .roster import extract_roster, write_roster_csv

    result = extract_roster(programme)
    buffer = io.StringIO()
    write_roster_csv(result, buffer)
    if output is None:
        click.echo(buffer.getvalue(), nl=False)
    else:
        from .safeio import write_text_atomic

        write_text_atomic(output, buffer.getvalue(), mode=0o600)
        click.echo(f"Wrote {output} ({len(result.participants)} participants; add their sectors).", err=True)


@roster.command("check")
@click.argument("roster_file", type=click.Path(path_type=Path))
@handle_errors
def roster_check(roster_file) -> None:
    """Validate a roster file and count its participants by sector and role."""
    from collections import Counter

    from .roster import read_roster

    result = read_roster(roster_file)
    sectors = Counter(p.sector.value if p.sector else "unknown" for p in result.participants)
    click.echo(f"{roster_file}: {len(result.participants)} participants; "
               + ", ".join(f"{name}: {n}" for name, n in sorted(sectors.items())))


@cli.command()
@click.option("-o", "--output-dir", type=click.Path(file_okay=False, path_type=Path), default=Path("out"),
              show_default=True, help="Folder for the summary and the report.")
@click.option("--layout", type=click.Choice(["side-by-side", "sequential"]), default="side-by-side",
              show_default=True, help="Layout of the summary.")
@click.pass_obj
@handle_errors
def demo(obj, output_dir, layout) -> None:
    """Run the main job on the bundled samples: a bilingual summary and its report.

    The samples' translations come from XLIFF written for the project
    (samples/translations/), as an organiser's translator would send them back.
    """
    from .pipeline import Options, summarise as run
    from .resources import samples_dir

    samples = samples_dir()
    output_dir.mkdir(parents=True, exist_ok=True)
    notes = [samples / name for name in DEMO_NOTES if (samples / name).exists()]
    translations = sorted((samples / "translations").glob("*.xlf"))
    result = run(notes, output_dir / "summary.docx", roster=samples / "roster.csv",
                 options=Options(layout=layout, translator="pairs"),
                 report_html=output_dir / "report.html", report_json=output_dir / "report.json",
                 translations=translations, progress=obj["progress"])
    _say_written(result)


# The bundled notes the demo summarises, in order: one section each.
DEMO_NOTES = (
    "en-session-bullets.md",
    "fr-compte-rendu.md",
    "mixed-notes.txt",
    "panel-transcript.vtt",
    "workshop-notes.docx",
    "pairs-notes.md",
)


def main() -> None:
    cli()
