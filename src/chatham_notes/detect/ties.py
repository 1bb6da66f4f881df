"""Findings tied to a person already found: "Name (Organisation)", "Name, d'Organisation," and
names spelt in a contact.

- "Ana Quispe (Universidad Mayor de San Andrés)": what a person's parentheses hold, when it
  is capitalised and is not a place, a role or a rapporteur's aside ("(sp?)", "(observer)"),
  is their affiliation, even a body that is otherwise content ("Name (ECOWAS)").
- "Emeka Obiora posts as @emeka_drugpolicy; his blog is www.emekaobiora.com": a capitalised
  pair of words that a contact of the same block spells is a person.
"""

from __future__ import annotations

import re

from unidecode import unidecode

from ..model import Field, Kind
from .cues import NAME_RUN
from .gazetteer import place_tier
from .lexicon import is_common_word, org_cues, role_nouns
from .text import WORD, Hit

_PARENS = re.compile(r"\s*\((?P<inner>[^()\n]{2,80})\)")
# "M. Thierry Vauclair, d'Enabel, a souligné": an organisation in an apposition after the name.
_APPOSITION = re.compile(r",\s*(?:from|of|at|with|de|du|des|de\s+la|de\s+l['’]|d['’]|chez)\s*(?:the\s+)?"
                         r"(?P<inner>[A-ZÀ-Þ][\w&’'\-]*(?:\s+(?:(?:of|for|on|and|de|du|des|la|pour|et|[ld]['’])\s*)*"
                         r"[A-ZÀ-Þ][\w&’'\-]*){0,6})\s*(?=[,;)])")


def _is_role(text: str) -> bool:
    nouns = {n.casefold() for lang in ("en", "fr") for which in ("unique", "generic") for n in role_nouns(lang, which)}
    return text.casefold() in nouns


def _names_an_organisation(inner: str, words: list[str]) -> bool:
    """Whether a person's aside can name their organisation: capitalised, or led by an organisation
    word in lower case as French writes it (« groupe Horizons », « ministère de la Santé »), and
    not one ordinary word alone ("(Online)"); several capitalised ordinary words may be a name
    ("Liberal Democrats", "Open Society")."""
    cue_words = {w.casefold() for w in org_cues("en") | org_cues("fr")}
    if not (inner[0].isupper() or words[0].casefold() in cue_words and any(w[0].isupper() for w in words[1:])):
        return False
    if any(w.casefold() in cue_words or w.isupper() for w in words):
        return True
    capitalised = [w for w in words if w[0].isupper()]
    return not all(is_common_word(w) for w in words) or len(capitalised) >= 2


def paren_affiliations(hits: list[Hit], texts: dict[tuple[str, Field], str]) -> list[Hit]:
    """The organisation in parentheses right after a person's name."""
    out = []
    for h in hits:
        if h.kind is not Kind.PERSON:
            continue
        m = _PARENS.match(texts[(h.block_id, h.field)], h.end) or _APPOSITION.match(texts[(h.block_id, h.field)], h.end)
        if not m:
            continue
        inner = m.group("inner").strip()
        words = [w.group() for w in WORD.finditer(inner)]
        if not words or not _names_an_organisation(inner, words) or place_tier(inner) or _is_role(inner):
            continue
        start = m.start("inner") + m.group("inner").index(inner)
        out.append(Hit(h.block_id, h.field, start, start + len(inner), inner, Kind.AFFILIATION, "cue:paren", 0.8))
    return out


def contact_names(text: str, contacts: list[Hit], block_id: str, field: Field = Field.TEXT) -> list[Hit]:
    """Capitalised two- or three-word names every word of which a contact of the block spells."""
    spelt = " ".join(unidecode(h.text).casefold() for h in contacts if h.kind.is_contact)
    if not spelt:
        return []
    out = []
    for m in re.finditer(NAME_RUN, text):
        words = [w.group() for w in WORD.finditer(m.group())]
        if 2 <= len(words) <= 3 and all(len(w) >= 3 and not is_common_word(w) and unidecode(w).casefold() in spelt
                                        for w in words):
            out.append(Hit(block_id, field, m.start(), m.end(), m.group(), Kind.PERSON, "cue:contact", 0.75))
    return out
