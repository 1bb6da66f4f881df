"""The mechanical checker of issue 12: defects counted in a redacted document.

Run: `.venv/bin/python bench/defects.py [--details]` redacts (through `pipeline`, no
subprocess) every bundled sample (`samples/`, with `samples/roster.csv`) and every gold note
(`tests/gold/goldset.py` SETS, with its own roster) twice: as the annotated blocks the gold
loader reads (one block per line; rows `tuning/…`), and as the plain file a rapporteur hands
in, read by ingest like `redact FILE` (markup stripped; rows `tuning-file/…`), so that what
ingest does to the lines is measured too. It prints, per defect kind, the count per
file and the total. `--details` adds every defect's location with the offending words (a name
fragment is shown as `[name]`: nothing original reaches the terminal).

`count_defects(original, redacted, context)` is the library function; the generic phrases it
looks for come from the tool's own wording tables (`models/wording/en.yaml`, `fr.yaml`), so
the checker follows the wording when it changes. The defect kinds:

- **doubled** (doubled generic phrase): two generic phrases of the tool's wording in the same
  label or text, separated only by white space, punctuation, a determiner or a coordinating
  conjunction ("a participant the participant", « une organisation (une organisation) »,
  "another participant, another participant", "another participant and another participant",
  "two participants and another participant"; a group's number is matched in digits or words,
  an apostrophe straight or curly: "another participant’s and another participant’s"). Two
  different pseudonyms ("Participant A and Participant B", with `--pseudonyms`) are no double.
- **fragment** (leftover name fragment): a capitalised token directly next to a generic
  phrase (only white space between) that is a word of a found person's name, or a title
  (Dr, Mme…), e.g. "Dr a participant", "a participant Diallo".
- **language** (placeholder in the wrong language): an English-only generic phrase in a
  sentence that is French, or a French-only one in an English sentence. A sentence's language
  is the block's rendering language; in a block the notes wrote in both languages, the
  sentence's own detected language.
- **lowercase** (lower-case start): a label, a block's text (after any bullet, numbering,
  timestamp or `EN:`/`FR:` tag) or a sentence that begins with a generic phrase in lower case.
- **run** (run of same opener): four or more consecutive blocks that open with the same
  generic phrase or the same label (counted once per run).
- **heading** (heading turned label): a block the input read as a speaker turn although its
  line was a heading, a title or a section marker: the label is a section marker
  ("Session 2", « Séance 3 »…), or the label is not a found person and what follows it is a
  title (at most 12 words, no sentence punctuation at its end).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

from chatham_notes.model import Block, BlockKind, Field, Kind, Lang  # noqa: E402
from chatham_notes.resources import read_yaml  # noqa: E402

KINDS = ("doubled", "fragment", "language", "lowercase", "run", "heading")
RUN_LENGTH = 4
_GAP = re.compile(r"[\s,;:()\[\]«»\"“”'’/–—-]*(?:(?:the|a|an|and|or|le|la|les|l['’]|un|une|et|ou)"
                  r"[\s,;:()\[\]«»\"“”'’/–—-]*)?", re.I)
_LEAD = re.compile(r"^(?:\s*(?:[-*+•·▪◦‣–]|\d{1,3}[.)]|[a-z]\)|#{1,6})\s+|\s*\[?\(?\d{1,2}[:h.]\d{2}(?::\d{2})?"
                   r"\]?\)?\s*[-–—:]?\s*|\s*(?:EN|FR)\s*:\s*|\s*[«\"“(\[]\s*)*")
_SENTENCE = re.compile(r"[.!?…]+[»\"”)]?\s+")
_ABBREVIATION = re.compile(r"(?:^|[\s(])(?:e\.g|i\.e|cf|vs|no|pp|p|Dr|Mr|Ms|Mrs|St|M|[A-Z])\.\s+$", re.I)
_SECTION = re.compile(r"^(?:session|séance|seance|part|partie|panel|day|jour|atelier|workshop|module|item|point|"
                      r"section|chapter|chapitre|round|tour|table ronde|breakout|groupe|group)\s+"
                      r"(?:\d+|[IVXLC]+|[A-Z]|one|two|three|four|five|un|deux|trois|quatre|cinq)\b", re.I)
_TITLES = ("Dr", "Dr.", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Prof", "Prof.", "Professor", "M.", "Mme",
           "Mlle", "Monsieur", "Madame", "Pr", "Pr.", "Me", "Sir", "Dame", "Ambassador", "Ambassadeur",
           "Ambassadrice", "H.E.", "S.E.")


@dataclass(frozen=True)
class Redacted:
    """One block as `redact` wrote it (`pipeline.RedactedBlock` has these attributes)."""

    block_id: str
    label: str | None
    text: str
    lang: Lang = Lang.EN


@dataclass(frozen=True)
class Context:
    """What the checker knows of the findings.

    Attributes:
        person_words: the words of every found person's name (any case).
        found_speakers: ids of the blocks whose speaker label holds a found person.
    """

    person_words: frozenset[str] = frozenset()
    found_speakers: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Defect:
    """One defect: its kind, the block it is in, and the words at fault (names masked)."""

    kind: str
    block_id: str
    excerpt: str


@dataclass(frozen=True)
class Phrases:
    """The generic phrases of the wording: one regex per language, and each phrase's languages."""

    pattern: re.Pattern[str]
    english: re.Pattern[str]
    french: re.Pattern[str]


def _templates(table: dict) -> list[str]:
    """Every person and organisation phrase template of one wording table."""
    out = []
    for name in ("participant", "participant_sector", "another", "another_sector", "pseudonym",
                 "pseudonym_sector", "organisation"):
        out += [v for v in table.get(name, {}).values() if isinstance(v, str)]
    for sector in table["sectors"].values():
        out += [sector["default"], sector["possessive"]]
    out += [v for v in table.get("group", {}).values() if isinstance(v, str)]
    out.append(table["pronoun"]["subject"])
    if "turn" in table:
        out += [v for v in table["turn"].values() if isinstance(v, str)]
    return out


@lru_cache(maxsize=1)
def _number_words() -> str:
    """2 to 99 in digits or in words of either language, as `wording.spell_number` writes
    them (a group's {n}); one alternation for both, so a template with {n} that is the same in
    both tables (a turn's label) stays language-neutral."""
    from chatham_notes.generalise.wording import spell_number

    words = {spell_number(n, lang, feminine=f) for n in range(2, 100) for f in (False, True)
             for lang in (Lang.EN, Lang.FR)}
    return r"(?:\d+|" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


def _regex(template: str, table: dict) -> str:
    """A template as a regex: {letter}, {from}, {short}, {n} become alternations; an
    apostrophe matches a straight or a curly one."""
    sectors = table["sectors"].values()
    fills = {
        "letter": "[A-Z]{1,2}", "n": _number_words(),
        "from": "(?:" + "|".join(re.escape(s["from"]) for s in sectors) + ")",
        "short": "(?:" + "|".join(re.escape(s["short"]) for s in sectors) + ")",
    }
    parts = re.split(r"(\{\w+\})", template)
    return "".join(fills[p[1:-1]] if p.startswith("{") else re.escape(p).replace("'", "['’]") for p in parts)


def _compile(regexes: Iterable[str]) -> re.Pattern[str]:
    ordered = sorted(set(regexes), key=len, reverse=True)
    return re.compile(r"(?<![\w'’·])(?:" + "|".join(ordered) + r")(?![\w·])", re.I)


@lru_cache(maxsize=1)
def phrases() -> Phrases:
    """The generic phrases of both wording tables (a phrase in both tables has no language)."""
    tables = {lang: read_yaml("wording", f"{lang}.yaml") for lang in ("en", "fr")}
    regexes = {lang: {_regex(t, table) for t in _templates(table)} for lang, table in tables.items()}
    shared = regexes["en"] & regexes["fr"]
    return Phrases(_compile(regexes["en"] | regexes["fr"]), _compile(regexes["en"] - shared),
                   _compile(regexes["fr"] - shared))


_PSEUDONYM = re.compile(r"Participant(?:·e)?\s+([A-Z]{1,2})\b")


def _distinct_pseudonyms(a: str, b: str) -> bool:
    """"Participant A and Participant B" (`--pseudonyms`) names two people on purpose: no double."""
    first, second = _PSEUDONYM.match(a), _PSEUDONYM.match(b)
    return bool(first and second and first.group(1) != second.group(1))


def _doubled(block_id: str, text: str) -> list[Defect]:
    matches = list(phrases().pattern.finditer(text))
    return [Defect("doubled", block_id, text[a.start():b.end()]) for a, b in zip(matches, matches[1:])
            if _GAP.fullmatch(text[a.end():b.start()]) and not _distinct_pseudonyms(a.group(), b.group())]


def _fragments(block_id: str, text: str, context: Context) -> list[Defect]:
    names = {w.casefold() for w in context.person_words} | {t.casefold() for t in _TITLES}
    out = []
    for match in phrases().pattern.finditer(text):
        before = re.search(r"([\w.'’-]+)[ \t\u00a0]+$", text[:match.start()])
        after = re.match(r"[ \t\u00a0]+([\w'’-]+)", text[match.end():])
        for token in (before.group(1) if before else "", after.group(1) if after else ""):
            if token[:1].isupper() and token.casefold() in names:
                out.append(Defect("fragment", block_id, f"{match.group()} next to [name]"))
    return out


def _sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) for each sentence of `text`."""
    out, start = [], 0
    for end in _SENTENCE.finditer(text):
        if _ABBREVIATION.search(text[:end.end()]):
            continue
        out.append((start, text[start:end.end()]))
        start = end.end()
    if start < len(text):
        out.append((start, text[start:]))
    return out


def _sentence_lang(sentence: str, default: Lang, mixed: bool) -> Lang:
    """The language a sentence's placeholders should be in."""
    if not mixed:
        return default
    from chatham_notes.language import detect_language

    bare = phrases().pattern.sub(" ", sentence)
    found = detect_language(bare, default) if len(bare.split()) >= 4 else default
    return found if found in (Lang.EN, Lang.FR) else default


def _language(block_id: str, text: str, lang: Lang, mixed: bool) -> list[Defect]:
    out = []
    for _, sentence in _sentences(text):
        if not phrases().pattern.search(sentence):
            continue
        expected = _sentence_lang(sentence, lang, mixed)
        wrong = phrases().french if expected == Lang.EN else phrases().english
        out += [Defect("language", block_id, m.group()) for m in wrong.finditer(sentence)]
    return out


def _lowercase(block_id: str, label: str | None, text: str) -> list[Defect]:
    starts = [label or ""] + [s for _, s in _sentences(text)]
    out = []
    for start in starts:
        rest = start[_LEAD.match(start).end():]
        match = phrases().pattern.match(rest)
        if match and match.group()[:1].islower():
            out.append(Defect("lowercase", block_id, match.group()))
    return out


def opener(block: Redacted) -> str | None:
    """What a block opens with: its label, else the generic phrase its text starts with."""
    if block.label:
        return block.label.casefold()
    rest = block.text[_LEAD.match(block.text).end():]
    match = phrases().pattern.match(rest)
    return match.group().casefold() if match else None


def _runs(redacted: Sequence[Redacted]) -> list[Defect]:
    out, run = [], []
    for block in list(redacted) + [Redacted("", None, "")]:
        current = opener(block)
        if run and current is not None and current == opener(run[-1]):
            run.append(block)
            continue
        if len(run) >= RUN_LENGTH:
            out.append(Defect("run", run[0].block_id, f"{len(run)} blocks open with {opener(run[0])!r}"))
        run = [block] if current is not None else []
    return out


def heading_like(block: Block, found_speaker: bool) -> bool:
    """Whether a turn of the input was in fact a heading, a title or a section marker."""
    if block.kind != BlockKind.TURN or block.speaker is None:
        return False
    if _SECTION.match(block.speaker.name):
        return True
    words = block.text.split()
    return not found_speaker and len(words) <= 12 and not re.search(r"[.!?…;»\"”)]\s*$", block.text)


def count_defects(original: Sequence[Block], redacted: Sequence[Redacted],
                  context: Context = Context()) -> list[Defect]:
    """Every defect of one redacted document.

    Args:
        original: the document's blocks, as ingest read them.
        redacted: its blocks as `redact` wrote them (removed blocks absent).
        context: the found people's name words and the blocks whose speaker is a found person.

    Returns:
        The defects, in document order within each kind.
    """
    blocks = {b.id: b for b in original}
    out: list[Defect] = []
    for item in redacted:
        source = blocks.get(item.block_id)
        mixed = source is not None and source.lang == Lang.MIXED
        for part in (item.label or "", item.text):
            out += _doubled(item.block_id, part) + _fragments(item.block_id, part, context)
        out += _language(item.block_id, item.label or "", item.lang, False)
        out += _language(item.block_id, item.text, item.lang, mixed)
        out += _lowercase(item.block_id, item.label, item.text)
        if source is not None and item.label and heading_like(source, item.block_id in context.found_speakers):
            out.append(Defect("heading", item.block_id, f"label {item.label!r}"))
    return out + _runs(redacted)


def context_of(detection) -> Context:
    """The checker's context from a `Detection`."""
    words = {w for m in detection.mentions if m.kind == Kind.PERSON for w in re.findall(r"[\w'’-]{2,}", m.text)}
    speakers = {m.block_id for m in detection.mentions if m.field == Field.SPEAKER and m.kind == Kind.PERSON}
    return Context(frozenset(words), frozenset(speakers))


@dataclass(frozen=True)
class FileResult:
    """The defects of one note."""

    name: str
    defects: tuple[Defect, ...] = field(default_factory=tuple)

    def counts(self) -> Counter:
        return Counter(d.kind for d in self.defects)


def _check_document(name: str, document, roster, options) -> FileResult:
    from chatham_notes import pipeline

    analysis = pipeline.analyse([document], roster, options)
    redacted = [Redacted(b.block_id, b.label, b.text, b.lang) for b in pipeline.redacted_blocks(analysis)]
    return FileResult(name, tuple(count_defects(document.blocks, redacted, context_of(analysis.detections[0]))))


def check_samples(options) -> list[FileResult]:
    """The defects of every bundled sample note, with the bundled roster."""
    from chatham_notes import pipeline

    samples = ROOT / "samples"
    roster = pipeline.load_roster(samples / "roster.csv")
    notes = [p for p in sorted(samples.iterdir()) if p.suffix.lower() in pipeline.SUPPORTED_SUFFIXES]
    return [_check_document(f"samples/{p.name}", pipeline.read_documents([p])[0], roster, options) for p in notes]


def check_gold(options) -> list[FileResult]:
    """The defects of every gold note of every annotated set, each with its own roster."""
    from chatham_notes.model import Roster
    from gold.goldset import SETS, load_cases

    out = []
    for set_name, folder in SETS.items():
        if not (folder / "cases").is_dir():
            continue
        for case in load_cases(folder / "cases"):
            out.append(_check_document(f"{set_name}/{case.name}", case.document, case.roster or Roster(), options))
    return out


def check_gold_files(options) -> list[FileResult]:
    """The defects of every gold note read as the file a rapporteur hands in (`redact FILE`):
    through ingest, which decides the blocks, labels and languages, not the gold loader's
    one block per line."""
    import tempfile

    from chatham_notes import pipeline
    from chatham_notes.model import Roster
    from gold.goldset import SETS, load_case, plain_note

    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for set_name, folder in SETS.items():
            if not (folder / "cases").is_dir():
                continue
            for case_file in sorted((folder / "cases").glob("*.txt")):
                roster = load_case(case_file).roster or Roster()
                note = Path(tmp) / case_file.name
                note.write_text(plain_note(case_file), encoding="utf-8")
                document = pipeline.read_documents([note])[0]
                out.append(_check_document(f"{set_name}-file/{case_file.stem}", document, roster, options))
    return out


def print_table(results: Sequence[FileResult], details: bool = False) -> None:
    """One row per file with a column per defect kind, then the total."""
    width = max([len(r.name) for r in results] + [5])
    print(f"{'file':<{width}}  " + "  ".join(f"{k:>9}" for k in KINDS))
    total: Counter = Counter()
    for result in results:
        counts = result.counts()
        total += counts
        print(f"{result.name:<{width}}  " + "  ".join(f"{counts[k]:>9}" for k in KINDS))
    print(f"{'TOTAL':<{width}}  " + "  ".join(f"{total[k]:>9}" for k in KINDS) + f"   all: {sum(total.values())}")
    if details:
        for result in results:
            for defect in result.defects:
                print(f"{result.name} {defect.block_id} {defect.kind}: {defect.excerpt}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--details", action="store_true", help="list every defect")
    parser.add_argument("--only", choices=("samples", "gold", "gold-files"), help="check only these notes")
    parser.add_argument("--pseudonyms", action="store_true", help="redact with --pseudonyms")
    args = parser.parse_args(argv)
    from chatham_notes.pipeline import Options

    options = Options(pseudonyms=args.pseudonyms)
    results = []
    if args.only in (None, "samples"):
        results += check_samples(options)
    if args.only in (None, "gold"):
        results += check_gold(options)
    if args.only in (None, "gold-files"):
        results += check_gold_files(options)
    print_table(results, args.details)
    return 0


if __name__ == "__main__":
    sys.exit(main())
