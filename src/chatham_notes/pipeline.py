"""The library API: the whole pipeline, stage by stage. The CLI is a thin layer over it.

    read notes (+ roster) -> detect -> apply reviewer decisions -> generalise
        -> translate -> assemble the summary -> render .docx -> leak check -> rename

Heavy modules (spaCy, Presidio, python-docx) are imported inside the functions
that need them, so that `chatham-notes --help` starts instantly.
"""

from __future__ import annotations

import dataclasses
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
    translated: int = 0
    rejections: tuple = ()  # xliff.Rejection: translations that were not used
    xliff: tuple[Path, ...] = ()
    xliff_removed: tuple[Path, ...] = ()  # an earlier run's exports, for a direction with nothing to export now


@dataclass(frozen=True)
class TranslationOutcome:
    """How the blocks that needed translating fared, for the report and the CLI.

    Attributes:
        by: (who translated, how many blocks), e.g. (("xliff", 60), ("memory", 5)).
        pending: blocks still awaiting translation.
        rejections: translation files or units that were not used (`xliff.Rejection`).
    """

    by: tuple[tuple[str, int], ...] = ()
    pending: int = 0
    rejections: tuple = ()

    @property
    def translated(self) -> int:
        return sum(count for _, count in self.by)


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


def bilingual_parts(analysis: Analysis, translator: str | object) -> list[tuple[tuple[str, str], tuple]]:
    """Translate each document's generalised blocks: one ((title EN, title FR), blocks) per file.

    Args:
        analysis: the generalised documents.
        translator: a backend's name ("none", "argos", "pairs") or a backend.
    """
    from .translate import get_translator, make_bilingual

    translator = get_translator(translator) if isinstance(translator, str) else translator
    parts = []
    names = document_names(analysis.documents)
    for document, blocks, name in zip(analysis.documents, analysis.generalised, names, strict=True):
        title = document.metadata.title or Path(document.source).stem.replace("-", " ").replace("_", " ")
        parts.append(((title, document.metadata.title_fr or title), make_bilingual(blocks, translator, name)))
    return parts


def document_names(documents: Sequence[NoteDocument]) -> list[str]:
    """Each document's name for a translator (XLIFF `<file original>`): unique within the run, stable.

    The file's name, as the report shows it; two notes of the same name from different folders
    get their path below the folder they share ("day1/notes.md", "day2/notes.md"), and the same
    file given twice a number ("notes.md#2").
    """
    import os

    names = [Path(d.source).name for d in documents]
    result = list(names)
    for name in set(names):
        clashing = [i for i, n in enumerate(names) if n == name]
        if len(clashing) < 2:
            continue
        paths = [Path(os.path.abspath(documents[i].source)) for i in clashing]
        common = Path(os.path.commonpath([str(p.parent) for p in paths]))
        for i, path in zip(clashing, paths, strict=True):
            result[i] = path.relative_to(common).as_posix()
    seen: dict[str, int] = {}
    for i, name in enumerate(result):
        seen[name] = seen.get(name, 0) + 1
        if seen[name] > 1:
            result[i] = f"{name}#{seen[name]}"
    return result


def summarise(
    notes: Sequence[str | Path],
    output: str | Path,
    *,
    roster: str | Path | None = None,
    options: Options = Options(),
    decisions: str | Path | None = None,
    report_html: str | Path | None = None,
    report_json: str | Path | None = None,
    translations: Sequence[str | Path] = (),
    memory: Sequence[str | Path] = (),
    xliff_out: str | Path | None = None,
    progress: Progress = _no_progress,
) -> SummariseResult:
    """Write the shareable bilingual .docx summary of `notes`, fail-closed.

    Args:
        translations: XLIFF 1.2 files a translator sent back: their units fill blocks by id.
        memory: earlier XLIFF files (e.g. a previous event's): exact matches of a source are reused.
        xliff_out: write the blocks still awaiting translation as XLIFF 1.2, one file per
            direction (`summary.xlf` -> `summary.en-fr.xlf`, `summary.fr-en.xlf`). Any file
            already at those paths (an earlier run's) is removed first, so that after the run
            they hold this run's exports or nothing: a refused or failed run, or a direction
            with nothing awaiting translation, leaves no file there.

    Raises:
        InputError: a note, roster or decisions file cannot be used (nothing is written).
        OutputError: an output path cannot be written (checked before any work).
        LeakError: the rendered summary still names someone; the .docx is not written
            under `output`, the reports (if asked) list the leaks.
    """
    from .safeio import check_writable

    output = Path(output)
    for path in (output, report_html, report_json, *_xliff_paths(xliff_out)):
        if path is not None:
            check_writable(Path(path))
    removed = _clear_exports(xliff_out, translations, memory)
    analysis = analyse(read_documents(notes, progress), load_roster(roster), options, decisions, progress)
    result = write_summary(analysis, output, options=options, decisions=decisions, report_html=report_html,
                           report_json=report_json, translations=translations, memory=memory, xliff_out=xliff_out,
                           progress=progress)
    gone = tuple(path for path in removed if path not in result.xliff)
    return dataclasses.replace(result, xliff_removed=gone)


def prepare_summary(analysis: Analysis, options: Options = Options(), translator: str | object | None = None):
    """Translate and assemble the summary of an analysis: (Summary, the translated parts).

    `translator`: a backend, or its name; by default the one `options` names.
    """
    from .summary import build_summary

    parts = bilingual_parts(analysis, options.translator if translator is None else translator)
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
    return summary, parts


def write_summary(
    analysis: Analysis,
    output: str | Path,
    *,
    options: Options = Options(),
    decisions: str | Path | None = None,
    report_html: str | Path | None = None,
    report_json: str | Path | None = None,
    translations: Sequence[str | Path] = (),
    memory: Sequence[str | Path] = (),
    xliff_out: str | Path | None = None,
    progress: Progress = _no_progress,
) -> SummariseResult:
    """Translate, render, leak-check and write the summary of an analysis (see `summarise`)."""
    from .render import render_docx
    from .safeio import atomic_output
    from .verify import leak_check

    output = Path(output)
    removed = _clear_exports(xliff_out, translations, memory)
    needles = analysis_needles(analysis)
    translator = _translator(options.translator, translations, memory, needles, analysis.documents)
    summary, parts = prepare_summary(analysis, options, translator)
    outcome = _outcome(parts, translator)
    exports = _xliff_exports(parts, analysis, xliff_out, needles)
    pending = tuple(b for _, blocks in parts for b in blocks if b.pending)
    checked = "the rendered summary"
    try:
        if exports_leaks := _exports_leaks(exports, needles):
            checked = "the XLIFF export"
            raise LeakError(exports_leaks)
        with atomic_output(output) as tmp:
            render_docx(summary, tmp, layout=options.layout)
            progress("verify", 0, 1)
            leaks = tuple(leak_check(tmp, needles))
            progress("verify", 1, 1)
            if leaks:
                raise LeakError(leaks)
    except LeakError as error:
        # the reviewer needs the leaks listed; any other failure leaves no report claiming a verdict
        if report_html is None and report_json is None:
            report_html = output.with_name(output.stem + "-report.html")
        reports = _write_reports(analysis, options, error.leaks, pending, report_html, report_json, None, decisions,
                                 outcome)
        raise LeakError(error.leaks, _refusal(output, error.leaks, reports[0], checked)) from None
    written = _write_exports(exports)
    reports = _write_reports(analysis, options, (), pending, report_html, report_json, output, decisions, outcome)
    return SummariseResult(output, analysis, (), len(pending), reports, outcome.translated, outcome.rejections,
                           written, tuple(path for path in removed if path not in written))


def _translator(name: str, translations: Sequence[str | Path], memory: Sequence[str | Path], needles,
                documents: Sequence[NoteDocument] = ()):
    """The named backend, behind the returned XLIFF units and the memory when there are any."""
    from .translate import get_translator

    base = get_translator(name)
    if not translations and not memory:
        return base
    from .xliff import XliffTranslator, load_units

    units, rejections = load_units(translations)
    remembered, memory_rejections = load_units(memory)
    names = document_names(documents)
    return XliffTranslator(units, remembered, needles, base, rejections + memory_rejections, names)


def _outcome(parts, translator) -> TranslationOutcome:
    """Who translated how many blocks, how many are pending, and what was refused."""
    from collections import Counter

    blocks = [b for _, bs in parts for b in bs]
    by = Counter(b.translated_by for b in blocks if b.translated_by)
    rejections = translator.finish() if hasattr(translator, "finish") else ()
    return TranslationOutcome(tuple(sorted(by.items())), sum(b.pending for b in blocks), tuple(rejections))


def _xliff_paths(xliff_out: str | Path | None) -> list[Path]:
    if xliff_out is None:
        return []
    from .xliff import direction_path

    return [direction_path(Path(xliff_out), source, target) for source, target in ((Lang.EN, Lang.FR), (Lang.FR, Lang.EN))]


def _clear_exports(xliff_out: str | Path | None, translations: Sequence[str | Path] = (),
                   memory: Sequence[str | Path] = ()) -> tuple[Path, ...]:
    """Remove the files an earlier run exported at `xliff_out`'s paths, before any work.

    A refused or failed run then leaves no export a user could take for this run's, and a
    run writes only the directions that have something awaiting translation.

    Raises:
        OutputError: an export path is also a --translations or --memory file (it would be lost).
    """
    import os

    from .errors import OutputError

    paths = _xliff_paths(xliff_out)
    given = [Path(p) for p in (*translations, *memory) if Path(p).exists()]
    for path in paths:
        for other in given:
            if path.exists() and os.path.samefile(path, other):
                raise OutputError(path, "is also a --translations or --memory file: the export would replace it; "
                                  "give --xliff-out another name")
    removed = []
    for path in paths:
        if path.is_symlink() or path.is_file():
            path.unlink()
            removed.append(path)
    return tuple(removed)


def _xliff_exports(parts, analysis: Analysis, xliff_out: str | Path | None, needles) -> list[tuple[Path, bytes]]:
    """(path, content) of each direction that has blocks awaiting translation."""
    if xliff_out is None:
        return []
    from .xliff import direction_path, export_units, xliff_bytes

    units = export_units(parts)
    exports = []
    for source, target in ((Lang.EN, Lang.FR), (Lang.FR, Lang.EN)):
        if any(u.source is source for u in units):
            exports.append((direction_path(Path(xliff_out), source, target), xliff_bytes(units, source, target)))
    return exports


def _exports_leaks(exports: Sequence[tuple[Path, bytes]], needles) -> tuple[Leak, ...]:
    """The leak check of the XLIFF files, with the same needles as the .docx, before they are written."""
    from .verify import leak_check_text

    return tuple(leak for path, data in exports for leak in leak_check_text(data.decode("utf-8"), needles, path.name))


def _write_exports(exports: Sequence[tuple[Path, bytes]]) -> tuple[Path, ...]:
    """Write the XLIFF files atomically, owner-only; if one cannot be written, none is left."""
    import contextlib

    from .safeio import atomic_output

    written: list[Path] = []
    try:
        for path, data in exports:
            with atomic_output(path, mode=0o600) as tmp:
                tmp.write_bytes(data)
            written.append(path)
    except BaseException:
        for path in written:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
        raise
    return tuple(written)


def _refusal(output: Path, leaks: Sequence[Leak], report: Path, checked: str) -> str:
    """The one line a refused summary gets: how many leaks of which kinds in what, where they are
    listed, the way out. Nothing was written (neither the .docx nor any XLIFF file)."""
    counts: dict[str, int] = {}
    for leak in leaks:
        counts[leak.kind.value] = counts.get(leak.kind.value, 0) + 1
    kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items()))
    return (f"{output}: {len(leaks)} leak(s) in {checked} ({kinds}); nothing was written. "
            f"{report} lists each one with its location; keep or remove them in a decisions file "
            f"and run again with --decisions")


def _first(analysis: Analysis, attribute: str) -> str | None:
    return next((getattr(d.metadata, attribute) for d in analysis.documents if getattr(d.metadata, attribute)), None)


def _write_reports(analysis, options, leaks, pending, report_html, report_json, output, decisions=None,
                   translation=None) -> tuple[Path, ...]:
    """Write the confidential report(s) the user asked for."""
    if report_html is None and report_json is None:
        return ()
    from .report import build_report, write_html_report, write_json_report

    report = build_report(analysis=analysis, options=options, leaks=leaks, pending=pending, output=output,
                          decisions_path=decisions, translation=translation)
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
    """Leak-check any .docx, .xlf/.xliff, .txt or .md file against the roster and the notes' findings."""
    path = Path(file)
    if not path.is_file():
        raise InputError(path, "no such file" if not path.exists() else "is not a file")
    if roster is None and not notes:
        raise InputError(path, "nothing to check against", "give --roster and/or --notes")
    from .verify import leak_check

    roster_obj = load_roster(roster)
    analysis = Analysis((), roster_obj, (), ())
    if notes:
        analysis = analyse(read_documents(notes), roster_obj, Options(), decisions)
    return leak_check(path, analysis_needles(analysis))


def analysis_needles(analysis: Analysis):
    """The leak check's needles for an analysis: the party book's forms, the roster's, the
    reviewer's removals; never a text the reviewer decided to keep."""
    from .verify import needles_for

    outcome = analysis.decisions_outcome
    kept = [m.text for m in outcome.kept] + [c.text for c in outcome.kept_candidates] if outcome else []
    return needles_for(analysis.roster, analysis.detections, kept=kept)
