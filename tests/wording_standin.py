"""A tiny stand-in for `chatham_notes.wording`, for the translate/render tests only.

It renders placeholders crudely but predictably, so that tests can assert on
the text the translation stage produces without depending on the real module.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Sequence

from chatham_notes.model import Lang, Placeholder, PlaceholderKind

_WORDS = {
    PlaceholderKind.PARTICIPANT: {"en": "a participant", "fr": "une personne participante"},
    PlaceholderKind.ANOTHER: {"en": "another participant", "fr": "une autre personne participante"},
    PlaceholderKind.ORGANISATION: {"en": "an organisation", "fr": "une organisation"},
    PlaceholderKind.CONTACT: {"en": "[contact removed]", "fr": "[coordonnées supprimées]"},
    PlaceholderKind.PRONOUN: {"en": "they", "fr": "iel"},
    PlaceholderKind.REMOVED: {"en": "[removed]", "fr": "[supprimé]"},
}


def _placeholder(p: Placeholder, lang: str) -> str:
    if p.kind is PlaceholderKind.ATTENDANCE:
        if lang == "fr":
            return f"{p.count} personnes de {p.sectors} secteurs y ont pris part."
        return f"{p.count} participants from {p.sectors} sectors took part."
    return _WORDS[p.kind][lang]


def render_segments(segments: Sequence[str | Placeholder], lang: Lang) -> str:
    """Join the segments; capitalise the first letter."""
    text = "".join(s if isinstance(s, str) else _placeholder(s, str(lang)) for s in segments)
    text = " ".join(text.split())
    return text[:1].upper() + text[1:]


def phrase(key: str, lang: Lang, **kw: object) -> str:
    """Only the generalisation notes ("level.participant", "level.sector") are known."""
    if not key.startswith("level."):
        raise KeyError(key)
    level, k = key.removeprefix("level."), kw["k"]
    if str(lang) == "fr":
        return f"Attributions généralisées au niveau « {level} » (k\u00a0=\u00a0{k})."
    return f"Attributions generalised at the “{level}” level (k = {k})."


def install(monkeypatch) -> types.ModuleType:
    """Make `chatham_notes.wording` resolve to this stand-in for one test."""
    module = types.ModuleType("chatham_notes.wording")
    module.render_segments = render_segments
    module.phrase = phrase
    monkeypatch.setitem(sys.modules, "chatham_notes.wording", module)
    return module
