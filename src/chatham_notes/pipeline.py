"""The library API: the whole pipeline, stage by stage. The CLI is a thin layer over it.

    read notes (+ roster) -> detect -> apply reviewer decisions -> generalise
        -> translate -> assemble the summary -> render .docx -> leak check -> rename

Heavy modules (spaCy, Presidio, python-docx) are imported inside the functions
that need them, so that `chatham-notes --help` starts instantly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError, LeakError
from .generalise.typography import NBSP
from .model import (
    Block,
    BlockKind,
    Detection,
    GeneralisedBlock,
    Lang,
    Leak,
    Level,
    NoteDocument,
    Roster,
)

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".docx", ".vtt", ".srt")

# Progress callback: (stage name, done, total). The CLI shows it as a bar on a terminal.
Progress = Callable[[str, int, int], None]


def _no_progress(stage: str, done: int, total: int) -> None:
    return None


@dataclass(frozen=True)
class Options:
    """Settings shared by `summarise` and `redact`; recorded in the report."""

    level: Level = Level.PARTICIPANT
    k: int = 3
    pseudonyms: bool = False
    translator: str = "none"
    layout: str = "side-by-side"
    title: str | None = None
    title_fr: str | None = None
    date: str | None = None
    place: str | None = None


@dataclass(frozen=True)
class Analysis:
    """Everything known about the inputs once they are generalised."""

    documents: tuple[NoteDocument, ...]
    roster: Roster
    detections: tuple[Detection, ...]
    generalised: tuple[tuple[GeneralisedBlock, ...], ...]
    decisions_outcome: object | None = None  # decisions.DecisionOutcome


@dataclass(frozen=True)
class SummariseResult:
    """What `summarise` wrote and found."""

    output: Path | None
    analysis: Analysis
    leaks: tuple[Leak, ...] = ()
    pending_translation: int = 0
    reports: tuple[Path, ...] = field(default_factory=tuple)


def expand_inputs(paths: Sequence[str | Path]) -> list[Path]:
    """Expand folders into their supported note files (sorted), keep files as given."""
    result: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() in SUPPORTED_SUFFIXES)
            if not found:
                raise InputError(path, "is a folder with no notes in it", "supported: " + " ".join(SUPPORTED_SUFFIXES))
            result.extend(found)
        else:
            result.append(path)
    return result


def load_roster(path: str | Path | None) -> Roster:
    """Read the roster file, or an empty roster."""
    if path is None:
        return Roster()
    from .roster import read_roster

    return read_roster(path)


def read_documents(paths: Sequence[str | Path], progress: Progress = _no_progress) -> tuple[NoteDocument, ...]:
    """Read every note file; the first unreadable one stops the run with an InputError."""
    from .ingest import read_notes

    files = expand_inputs(paths)
    documents = []
    for index, path in enumerate(files):
        documents.append(read_notes(path))
        progress("read", index + 1, len(files))
    return tuple(documents)


def analyse(
    documents: Sequence[NoteDocument],
    roster: Roster,
    options: Options,
    decisions_path: str | Path | None = None,
    progress: Progress = _no_progress,
) -> Analysis:
    """Detect, apply the reviewer's decisions, and generalise."""
    from .decisions import apply_decisions, read_decisions
    from .detect import Detector
    from .generalise import GeneraliseOptions, generalise_many

    decisions = read_decisions(decisions_path) if decisions_path else None
    progress("detect", 0, len(documents))
    detections = list(Detector(roster).detect_many(documents))
    progress("detect", len(documents), len(documents))
    outcome = None
    if decisions is not None:
        detections, outcome = apply_decisions(detections, decisions)
    generalised = generalise_many(
        detections, roster, GeneraliseOptions(level=options.level, k=options.k, pseudonyms=options.pseudonyms)
    )
    return Analysis(tuple(documents), roster, tuple(detections), tuple(generalised), outcome)


def session_date(documents: Sequence[NoteDocument], options: Options) -> str | None:
    """The meeting's date: the option, else the first front matter that has one."""
    if options.date:
        return options.date
    return next((d.metadata.date for d in documents if d.metadata.date), None)


def created_timestamp(date: str | None) -> str:
    """Document-properties timestamp: the session date at noon UTC, or a fixed epoch.

    Never the current time: the same inputs must give byte-identical output.
    """
    try:
        day = dt.date.fromisoformat(date) if date else dt.date(2000, 1, 1)
    except ValueError:
        day = dt.date(2000, 1, 1)
    return f"{day.isoformat()}T12:00:00Z"


def bilingual_parts(analysis: Analysis, translator_name: str) -> list[tuple[tuple[str, str], tuple]]:
    """Translate each document's generalised blocks: one ((title EN, title FR), blocks) per file."""
    from .translate import get_translator, make_bilingual

    translator = get_translator(translator_name)
    parts = []
    for document, blocks in zip(analysis.documents, analysis.generalised, strict=True):
        title = document.metadata.title or Path(document.source).stem.replace("-", " ").replace("_", " ")
        parts.append(((title, document.metadata.title_fr or title), make_bilingual(blocks, translator)))
    return parts


def summarise(
    notes: Sequence[str | Path],
    output: str | Path,
    *,
    roster: str | Path | None = None,
    options: Options = Options(),
    decisions: str | Path | None = None,
    report_html: str | Path | None = None,
    report_json: str | Path | None = None,
    progress: Progress = _no_progress,
) -> SummariseResult:
    """Write the shareable bilingual .docx summary of `notes`, fail-closed.

    Raises:
        InputError: a note, roster or decisions file cannot be used (nothing is written).
        OutputError: an output path cannot be written (checked before any work).
        LeakError: the rendered summary still names someone; the .docx is not written
            under `output`, the reports (if asked) list the leaks.
    """
    from .safeio import atomic_output, check_writable

    output = Path(output)
    for path in (output, report_html, report_json):
        if path is not None:
            check_writable(Path(path))
    from .render import render_docx
    from .summary import build_summary
    from .verify import leak_check, needles_for

    analysis = analyse(read_documents(notes, progress), load_roster(roster), options, decisions, progress)
    parts = bilingual_parts(analysis, options.translator)
    date = session_date(analysis.documents, options)
    summary = build_summary(
        parts,
        title_en=options.title or _first(analysis, "title") or "Meeting summary",
        title_fr=options.title_fr or _first(analysis, "title_fr") or options.title or _first(analysis, "title") or "Synthèse de la réunion",
        date=date,
        place=options.place or _first(analysis, "place"),
        level=options.level,
        k=options.k,
        translator=options.translator,
        created=created_timestamp(date),
    )
    pending = tuple(b for _, blocks in parts for b in blocks if b.pending)
    needles = needles_for(analysis.roster, analysis.detections)
    try:
        with atomic_output(output) as tmp:
            render_docx(summary, tmp, layout=options.layout)
            progress("verify", 0, 1)
            leaks = tuple(leak_check(tmp, needles))
            progress("verify", 1, 1)
            if leaks:
                raise LeakError(leaks, f"{output}: {len(leaks)} leak(s) found in the rendered summary; it was not written")
    except LeakError as error:
        # the reviewer needs the leaks listed; any other failure leaves no report claiming a verdict
        _write_reports(analysis, options, error.leaks, pending, report_html, report_json, None, decisions)
        raise
    reports = _write_reports(analysis, options, (), pending, report_html, report_json, output, decisions)
    return SummariseResult(output, analysis, (), len(pending), reports)


def _first(analysis: Analysis, attribute: str) -> str | None:
    return next((getattr(d.metadata, attribute) for d in analysis.documents if getattr(d.metadata, attribute)), None)


def _write_reports(analysis, options, leaks, pending, report_html, report_json, output, decisions=None) -> tuple[Path, ...]:
    """Write the confidential report(s) the user asked for."""
    if report_html is None and report_json is None:
        return ()
    from .report import build_report, write_html_report, write_json_report

    report = build_report(analysis=analysis, options=options, leaks=leaks, pending=pending, output=output,
                          decisions_path=decisions)
    written = []
    if report_html is not None:
        write_html_report(report, Path(report_html))
        written.append(Path(report_html))
    if report_json is not None:
        write_json_report(report, Path(report_json))
        written.append(Path(report_json))
    return tuple(written)


@dataclass(frozen=True)
class RedactedBlock:
    """One block of `redact` output."""

    block_id: str
    location: str
    label: str | None
    text: str
    lang: Lang = Lang.EN
    markup: str = ""  # the note's own heading or list marker, indented: "## ", "  - ", "1. "

    @property
    def line(self) -> str:
        """The block as one line: its markup, then `Label: text` with French spacing before the colon."""
        if not self.label:
            return self.markup + self.text
        return f"{self.markup}{self.label}{NBSP if self.lang is Lang.FR else ''}: {self.text}"


def redact(
    note: str | Path,
    *,
    roster: str | Path | None = None,
    options: Options = Options(),
    decisions: str | Path | None = None,
    raw_placeholders: bool = False,
    report_html: str | Path | None = None,
    report_json: str | Path | None = None,
    progress: Progress = _no_progress,
) -> tuple[Analysis, list[RedactedBlock]]:
    """Redact one note file in its own language(s); no translation, no .docx.

    The report(s), if asked, list the findings (no leak check: nothing shareable is written).
    """
    from .safeio import check_writable

    for path in (report_html, report_json):
        if path is not None:
            check_writable(Path(path))
    analysis = analyse(read_documents([note], progress), load_roster(roster), options, decisions, progress)
    rendered = redacted_blocks(analysis, raw_placeholders=raw_placeholders)
    _write_reports(analysis, options, (), 0, report_html, report_json, None, decisions)
    return analysis, rendered


def redacted_blocks(analysis: Analysis, document: int = 0, raw_placeholders: bool = False) -> list[RedactedBlock]:
    """One analysed document's blocks as `redact` prints them, each in its own language.

    Args:
        analysis: the result of `analyse`.
        document: which of its documents.
        raw_placeholders: typed holes (`[PERSON]`) instead of wording.
    """
    from .generalise.wording import render_by_sentence, render_segments
    from .language import detect_language

    rendered = []
    for block in analysis.generalised[document]:
        lang = Lang.FR if block.block.lang == Lang.FR else Lang.EN
        render = (lambda segs: raw_segments(segs)) if raw_placeholders else (lambda segs: render_segments(segs, lang))
        if block.block.lang == Lang.MIXED and not raw_placeholders:  # each sentence in its own language
            render = lambda segs: render_by_sentence(segs, Lang.EN, detect_language)  # noqa: E731
        if block.removed_reason and not block.segments:
            continue
        label = render(block.label) if block.label is not None else None
        rendered.append(RedactedBlock(block.block.id, str(block.block.location), label, render(block.segments), lang,
                                      markup(block.block)))
    return rendered


def markup(block: Block) -> str:
    """The Markdown that keeps a block's structure in text output: "## " for a heading, "  - " for a list item."""
    if not block.marker:
        return ""
    if block.kind is BlockKind.HEADING:
        return block.marker + " "
    return "  " * block.level + block.marker + " "


def raw_segments(segments) -> str:
    """Segments with typed placeholders shown as `[PERSON]`, `[AFFILIATION:academia]`..."""
    out = []
    for seg in segments:
        if isinstance(seg, str):
            out.append(seg)
        else:
            kind = (seg.source_kind or seg.kind).upper()
            out.append(f"[{kind}{':' + seg.sector if seg.sector else ''}]")
    return "".join(out)


def check(
    file: str | Path,
    *,
    roster: str | Path | None = None,
    notes: Sequence[str | Path] = (),
    decisions: str | Path | None = None,
) -> list[Leak]:
    """Leak-check any .docx, .txt or .md file against the roster and the notes' findings."""
    path = Path(file)
    if not path.is_file():
        raise InputError(path, "no such file" if not path.exists() else "is not a file")
    if roster is None and not notes:
        raise InputError(path, "nothing to check against", "give --roster and/or --notes")
    from .verify import leak_check, needles_for

    roster_obj = load_roster(roster)
    detections: tuple[Detection, ...] = ()
    if notes:
        detections = analyse(read_documents(notes), roster_obj, Options(), decisions).detections
    return leak_check(path, needles_for(roster_obj, detections))
