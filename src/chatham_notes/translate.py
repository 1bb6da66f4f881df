"""Translation stage: generalised blocks -> `BilingualBlock`s in English and French.

Three backends sit behind one small interface (`Translator`), and a fourth,
`xliff.XliffTranslator`, answers block by block (`translate_blocks`) from the
translations an organiser's translator sent back as XLIFF:
- `none`: nothing is translated; the other language holds the original text,
  marked as awaiting translation;
- `argos`: Argos Translate, offline, when its en<->fr packages are installed
  (never downloaded here);
- `pairs`: the rapporteur wrote both versions (`EN:` / `FR:` paragraphs).

A block written in both languages (a MIXED block, or one with a sentence clearly
in the other language) is translated sentence by sentence: each column keeps
the sentences already in its language and asks for the others, each its own
`Request` with the unit id `block id.n` (its n-th sentence).

Only text whose names are already removed reaches a translator: each
`Placeholder` is replaced by an opaque token (`⟦1⟧`) and rendered afterwards in
each language by `wording.render_segments`. Speaker labels, the tool's headings
and the notice are never sent.
"""

from __future__ import annotations

import importlib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Protocol, runtime_checkable

from .errors import ConfigurationError
from .generalise.wording import render_segments
from .model import BilingualBlock, BlockKind, GeneralisedBlock, Lang, Placeholder, Request, Run, Segment
from .summary import recognise_section

_TOKEN = re.compile(r"⟦\s*(\d+)\s*⟧")  # a translator may pad the token with spaces
_PAIR_PREFIX = re.compile(r"^\s*(?:\[(EN|FR)\]|(EN|FR)\s*:)\s*")
_ARGOS_HOW = (
    "pip install 'chatham-notes[argos]', then install the packages from files with "
    "`argospm install` or argostranslate.package.install_from_path(PATH)"
)
_ARGOS_HINT = f"the 'argos' translator needs Argos Translate and its en->fr and fr->en packages: {_ARGOS_HOW}"


@runtime_checkable
class Translator(Protocol):
    """A translator backend: translates plain strings between English and French."""

    name: str

    def translate(self, texts: Sequence[str], source: Lang, target: Lang) -> list[str]:
        """Translate each text from `source` to `target`, one output per input."""
        ...


class NoneTranslator:
    """No translation: the other language keeps the original text, marked pending."""

    name = "none"
    translates = False

    def translate(self, texts: Sequence[str], source: Lang, target: Lang) -> list[str]:
        """Return the texts unchanged."""
        return list(texts)


class PairsTranslator(NoneTranslator):
    """The rapporteur wrote both versions: `make_bilingual` aligns `EN:`/`FR:` pairs."""

    name = "pairs"
    pairs = True


class ArgosTranslator:
    """Argos Translate, offline, with its installed en<->fr packages."""

    name = "argos"

    def __init__(self, module: ModuleType | None = None) -> None:
        """Find the installed en->fr and fr->en translations.

        Args:
            module: the `argostranslate.translate` module (tests pass a fake one).

        Raises:
            ConfigurationError: Argos Translate or one of its en<->fr packages is missing.
        """
        module = module or _import_argos()
        languages = {lang.code: lang for lang in module.get_installed_languages()}
        en, fr = languages.get("en"), languages.get("fr")
        self._translations = {}
        missing = []
        for pair, source, target in (("en->fr", en, fr), ("fr->en", fr, en)):
            found = source.get_translation(target) if source and target else None
            if found is None:
                missing.append(pair)
            else:
                self._translations[(source.code, target.code)] = found
        if missing:
            raise ConfigurationError(
                f"the 'argos' translator lacks its {' and '.join(missing)} language package"
                f"{'s' if len(missing) > 1 else ''}: {_ARGOS_HOW}")

    def translate(self, texts: Sequence[str], source: Lang, target: Lang) -> list[str]:
        """Translate each text with the installed Argos package."""
        translation = self._translations[(str(source), str(target))]
        return [translation.translate(text) if text.strip() else text for text in texts]


def _import_argos() -> ModuleType:
    """Import `argostranslate.translate` lazily: it is an optional extra."""
    try:
        return importlib.import_module("argostranslate.translate")
    except ImportError as exc:
        raise ConfigurationError(_ARGOS_HINT) from exc


@dataclass(frozen=True)
class Answer:
    """A backend's translation of one `Request`, in tokens, and who wrote it ("xliff", "memory"...)."""

    text: str
    origin: str


@runtime_checkable
class BlockTranslator(Protocol):
    """A backend that sees which block it translates and may leave some pending."""

    name: str

    def translate_blocks(self, requests: Sequence[Request]) -> list[Answer | None]:
        """One answer per request; None leaves the block awaiting translation."""
        ...


def get_translator(name: str) -> Translator:
    """The translator backend called `name`: "none", "argos" or "pairs".

    Raises:
        ConfigurationError: unknown name, or Argos Translate / its packages missing.
    """
    if name == "none":
        return NoneTranslator()
    if name == "pairs":
        return PairsTranslator()
    if name == "argos":
        return ArgosTranslator()
    raise ConfigurationError(f"unknown translator {name!r} (choose none, argos or pairs)")


def _render(segments: Sequence[Segment], lang: Lang) -> str:
    """Placeholders rendered in `lang`."""
    return render_segments(tuple(segments), lang)


def _other(lang: Lang) -> Lang:
    return Lang.FR if lang is Lang.EN else Lang.EN


def protect(segments: Sequence[Segment]) -> tuple[str, tuple[Placeholder, ...]]:
    """The segments as one string with each placeholder replaced by an opaque token.

    Returns:
        The string ("⟦1⟧ said that…") and the placeholders, token n being index n-1.
    """
    parts: list[str] = []
    holders: list[Placeholder] = []
    for segment in segments:
        if isinstance(segment, Placeholder):
            holders.append(segment)
            parts.append(f"⟦{len(holders)}⟧")
        else:
            parts.append(segment)
    return "".join(parts), tuple(holders)


def restore(text: str, holders: Sequence[Placeholder]) -> tuple[Segment, ...] | None:
    """Split a translated string back into segments on its tokens.

    Returns:
        The segments, or None when the translator lost, duplicated or invented a token.
    """
    found = [int(n) for n in _TOKEN.findall(text)]
    if sorted(found) != list(range(1, len(holders) + 1)):
        return None
    segments: list[Segment] = []
    for index, piece in enumerate(_TOKEN.split(text)):
        if index % 2:
            segments.append(holders[int(piece) - 1])
        elif piece:
            segments.append(piece)
    return tuple(segments)


def _en_fr(first_lang: Lang, first: str, second: str) -> tuple[str, str]:
    """(English, French) from a text in `first_lang` and its counterpart in the other language."""
    return (first, second) if first_lang is Lang.EN else (second, first)


def _majority(blocks: Sequence[GeneralisedBlock]) -> Lang:
    """The language most blocks are written in; English when there is no clear one."""
    counts = Counter(b.block.lang for b in blocks if b.block.lang in (Lang.EN, Lang.FR))
    return Lang.FR if counts[Lang.FR] > counts[Lang.EN] else Lang.EN


def _has_text(segments: Sequence[Segment]) -> bool:
    return any(isinstance(s, str) and s.strip() for s in segments)


def _kept(blocks: Sequence[GeneralisedBlock]) -> list[GeneralisedBlock]:
    """Blocks to show: removed ones only when something stands in their place."""
    return [b for b in blocks if not b.removed_reason or any(
        isinstance(s, Placeholder) or s.strip() for s in b.segments)]


@dataclass(frozen=True)
class _Job:
    """One block to make bilingual, with the language it is written in.

    `sentences` is set for a block written in both languages: each sentence's segments
    and language (EN, FR, or MIXED when the sentence itself switches).
    """

    item: GeneralisedBlock
    source: Lang
    sentences: tuple[tuple[tuple[Segment, ...], Lang], ...] = ()


def _base(job: _Job, en: str, fr: str, pending: bool, origin: str = "", **more) -> BilingualBlock:
    """A BilingualBlock with the block's kind, level and label in both languages."""
    block, label = job.item.block, job.item.label
    return BilingualBlock(
        block_id=block.id,
        kind=block.kind,
        en=en,
        fr=fr,
        source_lang=Lang.MIXED if job.sentences else job.source,
        level=block.level,
        label_en=_render(label, Lang.EN) if label is not None else None,
        label_fr=_render(label, Lang.FR) if label is not None else None,
        pending=pending,
        translated_by=origin,
        **more,
    )


def _direct(job: _Job) -> BilingualBlock | None:
    """Blocks that need no translator: only placeholders, or a recognised section heading."""
    segments = job.item.segments
    if not _has_text(segments):
        return _base(job, _render(segments, Lang.EN), _render(segments, Lang.FR), False)
    if job.item.block.kind is BlockKind.HEADING:
        known = recognise_section(_render(segments, job.source))
        if known:
            return _base(job, known[0], known[1], False)
    return None


def _where(item: GeneralisedBlock, sentence: int = 0, mixed: bool = False) -> str:
    """Where a text is, for a human translator: "notes.md, line 4 (turn; ...)"."""
    kind = item.block.kind.value.replace("_", " ")
    turn = "; the speaker label is written by the tool" if item.label is not None else ""
    if not sentence:
        return f"{item.block.location} ({kind}{turn})"
    both = "; this sentence mixes English and French: translate all of it" if mixed else ""
    return f"{item.block.location}, sentence {sentence} ({kind} written in English and French{turn}{both})"


def _job_requests(job: _Job, document: str | None = None) -> list[Request]:
    """What a job asks a translator: the whole block, or each sentence not yet in a column's language."""
    block = job.item.block
    document = document or block.location.file
    if not job.sentences:
        text, holders = protect(job.item.segments)
        return [Request(document, block.id, text, holders, job.source, _other(job.source), _where(job.item))]
    requests = []
    for number, (segments, lang) in enumerate(job.sentences, start=1):
        text, holders = protect(segments)
        for target in (Lang.EN, Lang.FR):
            if lang is not target and _has_text(segments):
                requests.append(Request(document, f"{block.id}.{number}", text, holders,
                                        _other(target), target, _where(job.item, number, lang is Lang.MIXED)))
    return requests


def _ask(requests: Sequence[Request], translator: Translator) -> list[Answer | None]:
    """One answer per request (None: none), in one call per direction for a plain backend."""
    if not requests or not getattr(translator, "translates", True):
        return [None] * len(requests)
    if isinstance(translator, BlockTranslator):
        return list(translator.translate_blocks(list(requests)))
    answers: list[Answer | None] = [None] * len(requests)
    for source in (Lang.EN, Lang.FR):
        batch = [i for i, request in enumerate(requests) if request.source is source]
        if batch:
            outputs = translator.translate([requests[i].text for i in batch], source, _other(source))
            for i, output in zip(batch, outputs, strict=True):
                answers[i] = Answer(output, translator.name)
    return answers


def _restored(request: Request, answer: Answer | None, segments: Sequence[Segment],
              translator: Translator) -> tuple[Segment, ...] | None:
    """The answer's segments; a machine that lost the tokens translates run by run; None: no usable answer."""
    if answer is None:
        return None
    restored = restore(answer.text, request.holders)
    if restored is None:
        # a machine lost the tokens: translate run by run; a human's units were checked already
        machine = getattr(translator, "fallback", None) if isinstance(translator, BlockTranslator) else translator
        if machine is None or answer.origin != machine.name:
            return None
        restored = _piecewise(segments, request.source, machine)
    return restored


def _assemble(job: _Job, requests: Sequence[Request], answers: Sequence[Answer | None],
              translator: Translator) -> BilingualBlock:
    """The job's block from the answers to its requests (`_job_requests`, same order)."""
    if not job.sentences:
        request, answer = requests[0], answers[0]
        segments = _restored(request, answer, job.item.segments, translator)
        if segments is None:
            text = _render(job.item.segments, job.source)
            return _base(job, text, text, True, awaiting=(request,))
        en, fr = _en_fr(job.source, _render(job.item.segments, job.source), _render(segments, _other(job.source)))
        return _base(job, en, fr, False, answer.origin)
    pairs = iter(zip(requests, answers, strict=True))
    runs: dict[Lang, list[Run]] = {Lang.EN: [], Lang.FR: []}
    awaiting: list[Request] = []
    origins: list[str] = []
    for segments, lang in job.sentences:
        for column in (Lang.EN, Lang.FR):
            if lang is column or not _has_text(segments):  # only placeholders: the tool writes them
                runs[column].append(Run(_render(segments, column), column))
                continue
            request, answer = next(pairs)
            restored = _restored(request, answer, segments, translator)
            if restored is None:
                awaiting.append(request)
                runs[column].append(Run(_render(segments, request.source), request.source, pending=True))
            else:
                origins.append(answer.origin)
                runs[column].append(Run(_render(restored, column), column))
    en, fr = (" ".join(run.text for run in runs[lang] if run.text) for lang in (Lang.EN, Lang.FR))
    origin = "" if awaiting else (Counter(origins).most_common(1)[0][0] if origins else "")
    return _base(job, en, fr, bool(awaiting), origin, runs_en=tuple(runs[Lang.EN]), runs_fr=tuple(runs[Lang.FR]),
                 awaiting=tuple(awaiting))


def _piecewise(segments: Sequence[Segment], source: Lang, translator: Translator) -> tuple[Segment, ...]:
    """Fallback when tokens did not survive: translate each text run on its own."""
    runs = [s for s in segments if isinstance(s, str) and s.strip()]
    outputs = iter(translator.translate([r.strip() for r in runs], source, _other(source)))
    return tuple(_keep_spaces(s, next(outputs)) if isinstance(s, str) and s.strip() else s for s in segments)


def _keep_spaces(original: str, translated: str) -> str:
    """The translation with the original run's leading and trailing spaces (they join placeholders)."""
    lead = original[: len(original) - len(original.lstrip())]
    trail = original[len(original.rstrip()):]
    return lead + translated.strip() + trail


def _pair_lang(item: GeneralisedBlock) -> Lang | None:
    """EN or FR when the block starts with an `EN:`/`FR:`/`[EN]`/`[FR]` marker."""
    first = item.segments[0] if item.segments else None
    match = _PAIR_PREFIX.match(first) if isinstance(first, str) else None
    return Lang((match.group(1) or match.group(2)).lower()) if match else None


def _strip_pair(item: GeneralisedBlock) -> tuple[Segment, ...]:
    """The block's segments without their language marker."""
    first, rest = item.segments[0], item.segments[1:]
    stripped = _PAIR_PREFIX.sub("", first, count=1)
    return ((stripped,) if stripped else ()) + tuple(rest)


def _pairs(jobs: Sequence[_Job]) -> dict[int, BilingualBlock | None]:
    """Align adjacent `EN:`/`FR:` blocks; the second of a pair maps to None (merged)."""
    result: dict[int, BilingualBlock | None] = {}
    index = 0
    while index < len(jobs) - 1:
        first, second = jobs[index].item, jobs[index + 1].item
        lang_a, lang_b = _pair_lang(first), _pair_lang(second)
        if lang_a and lang_b and lang_a is not lang_b:
            en, fr = _en_fr(lang_a, _render(_strip_pair(first), lang_a), _render(_strip_pair(second), lang_b))
            result[index] = _base(_Job(first, lang_a), en, fr, False, "pairs")
            result[index + 1] = None
            index += 2
        else:
            index += 1
    return result


def make_bilingual(
    blocks: Sequence[GeneralisedBlock], translator: Translator, document: str | None = None
) -> tuple[BilingualBlock, ...]:
    """Each generalised block in English and French, in order.

    Removed blocks are skipped unless something stands in their place (e.g. an
    attendance sentence). A block's source language is its own; mixed or unknown
    blocks take the majority language of `blocks` (English by default).

    Args:
        blocks: the generalised blocks of one document.
        translator: the backend from `get_translator`.
        document: the document's name in requests (`Request.document`, XLIFF `<file original>`),
            unique within the run (`pipeline.document_names`); by default the blocks' file name.

    Returns:
        The bilingual blocks; `pending` is True where the other language awaits translation.
    """
    kept = _kept(blocks)
    majority = _majority(kept)
    from .language import prime_sentences

    prime_sentences("".join(x for x in sentence if isinstance(x, str))
                    for b in kept if b.block.lang in (Lang.EN, Lang.FR) and b.block.kind is not BlockKind.HEADING
                    for sentence in _sentences(b.segments))
    jobs = [_job(b, majority) for b in kept]
    done: dict[int, BilingualBlock | None] = {}
    if getattr(translator, "pairs", False):
        done.update(_pairs(jobs))
    for index, job in enumerate(jobs):
        if index not in done and (direct := _direct(job)) is not None:
            done[index] = direct
    todo = [i for i in range(len(jobs)) if i not in done]
    asked = {i: _job_requests(jobs[i], document) for i in todo}
    flat = [request for i in todo for request in asked[i]]
    answers = iter(_ask(flat, translator))
    for i in todo:
        done[i] = _assemble(jobs[i], asked[i], [next(answers) for _ in asked[i]], translator)
    return tuple(done[i] for i in range(len(jobs)) if done[i] is not None)


def _job(item: GeneralisedBlock, majority: Lang) -> _Job:
    """The block's job: its language, and its sentences when it is written in both languages."""
    lang = item.block.lang
    source = lang if lang in (Lang.EN, Lang.FR) else majority
    if lang not in (Lang.EN, Lang.FR, Lang.MIXED) or item.block.kind is BlockKind.HEADING:
        return _Job(item, source)
    sentences = _sentences(item.segments)
    if len(sentences) < 2 and lang is not Lang.MIXED:
        return _Job(item, source)
    texts = ["".join(s for s in sentence if isinstance(s, str)) for sentence in sentences]
    from .language import sentence_languages, switches_language

    if lang is not Lang.MIXED and not switches_language(texts, lang):
        return _Job(item, source)
    langs = sentence_languages(texts, source)
    if len(set(langs)) == 1 and langs[0] in (Lang.EN, Lang.FR):
        return _Job(item, source)  # its sentences are in one language after all: a block like any other
    return _Job(item, source, tuple((tuple(sentence), found) for sentence, found in zip(sentences, langs, strict=True)))


def _sentences(segments: Sequence[Segment]) -> list[list[Segment]]:
    """The segments cut into sentences as `wording` renders them, without the empty ones."""
    from .generalise.wording import split_sentences

    return [s for s in split_sentences(segments) if _has_text(s) or any(isinstance(x, Placeholder) for x in s)]
