"""Entity-level protection on the written summary, beside mention-level recall.

Run: `.venv/bin/python bench/protection.py [--set parties|fresh|holdout|tuning|all] [--details]`

For each annotated case the whole pipeline runs (detect, generalise, translate with `none`,
render the .docx, leak check), exactly as `summarise` does. Then:

- **refusals**: cases where the leak check refused to write the summary (the target is 0);
- **entity protection**: the gold spans are grouped into entities (`[[TN|person@nasser]]`
  and `[[Tariq|person@nasser]]` are one person; a span without a key is its own entity).
  An entity is *protected* only if none of its gold forms survives anywhere in the rendered
  .docx (every XML part: body, headers, footers, properties), matched as a whole word, case
  and accents as written. A refused summary is scored on the .docx it would have written.
  A form that is also written as a must-keep term of the case ("summer" the season) is not
  looked for: its survival says nothing;
- **content kept**: the share of must-keep terms that are still in the source-language text
  of the summary, counted per occurrence;
- **mention recall**: the existing overlap recall of `detection_quality.py` on the same run.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "gold"))
sys.path.insert(0, str(ROOT / "bench"))

from detection_quality import KIND_TYPE, Pred, score  # noqa: E402
from goldset import SETS, GoldCase, load_cases, plain_note  # noqa: E402

from chatham_notes.errors import LeakError  # noqa: E402
from chatham_notes.model import Field, Kind, Lang, Roster  # noqa: E402
from chatham_notes.pipeline import Options, analyse, prepare_summary, write_summary  # noqa: E402

ENTITY_KINDS = ("person", "affiliation")


@dataclass
class CaseResult:
    """What one case gave: refusal, entities protected or not, content kept, mentions."""

    name: str
    roster: bool
    refused: bool = False
    leaks: Counter = field(default_factory=Counter)
    entities: dict[tuple[str, str], bool] = field(default_factory=dict)  # (kind, key) -> protected
    survivors: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    keep_total: int = 0
    keep_kept: int = 0
    dropped: list[str] = field(default_factory=list)
    predictions: list[Pred] = field(default_factory=list)


def _occurrences(form: str, text: str) -> int:
    return len(re.findall(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text))


def _source_text(analysis) -> str:
    from chatham_notes.generalise.wording import render_segments

    lines = []
    for block in analysis.generalised[0]:
        lang = Lang.FR if block.block.lang == Lang.FR else Lang.EN
        label = render_segments(block.label, lang) + ": " if block.label is not None else ""
        lines.append(label + render_segments(block.segments, lang))
    return "\n".join(lines)


def run_case(case: GoldCase, workdir: Path, case_file: Path | None = None) -> CaseResult:
    """Summarise one case and score what the .docx holds.

    With `case_file`, the summary is the one `summarise` writes from the note as a file (its
    markup stripped): ingest decides blocks, labels, timestamps and languages. Mention recall
    needs gold offsets, so it is always measured on the gold loader's blocks.
    """
    from chatham_notes.detect import Detector
    from chatham_notes.pipeline import read_documents
    from chatham_notes.render import render_docx
    from chatham_notes.verify import document_text

    result = CaseResult(case.name, case.roster is not None)
    roster = case.roster or Roster()
    document = case.document
    if case_file is not None:
        note = workdir / f"{case.name}.txt"
        note.write_text(plain_note(case_file), encoding="utf-8")
        document = read_documents([note])[0]
    analysis = analyse([document], roster, Options())
    output = workdir / f"{case.name}.docx"
    try:
        write_summary(analysis, output)
    except LeakError as error:
        result.refused = True
        result.leaks = Counter(str(leak.kind) for leak in error.leaks)
        summary, _ = prepare_summary(analysis)
        render_docx(summary, output)
    written = document_text(output)
    keep_texts = {k.text for k in case.keeps}
    forms: dict[tuple[str, str], set[str]] = defaultdict(set)
    for span in case.spans:
        if span.kind in ENTITY_KINDS:
            forms[(span.kind, span.entity)].add(span.text)
    for entity, texts in forms.items():
        alive = sorted(t for t in texts if t not in keep_texts and _occurrences(t, written))
        result.entities[entity] = not alive
        if alive:
            result.survivors[entity] = alive
    source = _source_text(analysis)
    wanted = Counter(k.text for k in case.keeps)
    for term, count in wanted.items():
        kept = min(count, _occurrences(term, source))
        result.keep_total += count
        result.keep_kept += kept
        if kept < count:
            result.dropped.append(term)
    detection = analysis.detections[0] if case_file is None else next(iter(Detector(roster).detect_many([case.document])))
    result.predictions = [
        Pred(m.block_id, Field(m.field), m.start, m.end, KIND_TYPE.get(Kind(m.kind)), m.text, m.detector)
        for m in detection.mentions
    ]
    return result


def _rate(num: int, den: int) -> str:
    return f"{num / den:.3f} ({num}/{den})" if den else "n/a"


def summarise_results(results: list[CaseResult], cases: list[GoldCase]) -> dict[str, dict[str, str]]:
    """Rows of the table: per group (roster, no_roster, all) the figures."""
    recall = score(cases, {r.name: r.predictions for r in results})["groups"]
    table: dict[str, dict[str, str]] = {}
    for group in ("roster", "no_roster", "all"):
        chosen = [r for r in results if group == "all" or r.roster == (group == "roster")]
        row = {"cases": str(len(chosen)), "refusals": str(sum(r.refused for r in chosen))}
        for kind in ENTITY_KINDS:
            flags = [ok for r in chosen for (k, _), ok in r.entities.items() if k == kind]
            row[f"{kind}s protected"] = _rate(sum(flags), len(flags))
            types = recall[group]["all"]["types"][kind]
            row[f"{kind} mention recall"] = _rate(types["hit"], types["gold"])
        row["content kept"] = _rate(sum(r.keep_kept for r in chosen), sum(r.keep_total for r in chosen))
        table[group] = row
    return table


def main(argv: list[str] | None = None) -> int:
    """Run every case of a set and print the table (and, with --details, what survived)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", dest="which", choices=(*SETS, "all"), default="parties")
    parser.add_argument("--details", action="store_true", help="list survivors, refusals and dropped terms")
    parser.add_argument("--blocks", action="store_true",
                        help="summarise the gold loader's blocks (one per line, the header's language) "
                             "instead of the note read as a file, as `summarise` reads it")
    args = parser.parse_args(argv)
    names = list(SETS) if args.which == "all" else [args.which]
    files = sorted(p for name in names for p in (SETS[name] / "cases").glob("*.txt"))
    cases = [c for name in names for c in load_cases(SETS[name] / "cases")]
    by_name = {p.stem: p for p in files}
    with tempfile.TemporaryDirectory() as tmp:
        results = [run_case(case, Path(tmp), None if args.blocks else by_name[case.name]) for case in cases]
    table = summarise_results(results, cases)
    read = "the gold loader's blocks" if args.blocks else "each note read as a file"
    print(f"Entity-level protection on the written summary, set {args.which}: {len(cases)} cases, {read}\n")
    columns = list(table["all"])
    print(f"{'':22}" + "".join(f"{g:>24}" for g in table))
    for column in columns:
        print(f"{column:22}" + "".join(f"{table[g][column]:>24}" for g in table))
    if args.details:
        print()
        for r in results:
            if r.refused:
                print(f"{r.name}: REFUSED ({', '.join(f'{n} {k}' for k, n in sorted(r.leaks.items()))})")
            for (kind, key), alive in sorted(r.survivors.items()):
                print(f"{r.name}: {kind} {key!r} survives as {alive}")
            if r.dropped:
                print(f"{r.name}: content dropped {r.dropped}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
