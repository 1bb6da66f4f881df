"""Names and organisations without a roster: spaCy entities checked against lexicons, titles,
attribution cues ("priya said", « selon Mme Traoré »), first names, organisation cue words
and known acronyms.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Field, Kind
from .lexicon import cues, first_names, is_common_word, keep_terms, known_orgs, org_cues, titles
from .ner import Entity
from .text import WORD, Hit, sentence_initial

_CAP = r"[A-ZÀ-ÖØ-Þ][\w’'\-]*[\w]|[A-ZÀ-ÖØ-Þ]\.?"
_PARTICLE = r"(?:de|van|von|der|den|da|dos|du|al|el|bin|ben|ibn|le|la)"
NAME_RUN = rf"(?:{_CAP})(?:\s+(?:{_PARTICLE}\s+)?(?:{_CAP})){{0,3}}"
_LOWER_NAME = r"[a-zà-ÿ][a-zà-ÿ\-]{2,}"


def _alts(items: tuple[str, ...] | frozenset[str]) -> str:
    return "|".join(re.escape(x) for x in sorted(items, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    all_titles = titles("en") + titles("fr")
    after = cues("en", "after") + cues("fr", "after")
    before = cues("en", "before") + cues("fr", "before")
    return {
        "title": re.compile(rf"(?<![\w.])(?:{_alts(all_titles)})(?!\w)\s*(?P<name>{NAME_RUN})"),
        "after": re.compile(rf"(?<![\w'’])(?P<name>{NAME_RUN}|{_LOWER_NAME})(?:['’]s)?\s+(?:{_alts(after)})\b"),
        "before": re.compile(rf"\b(?i:{_alts(before)})\s+(?:(?:{_alts(all_titles)})\s+)?(?P<name>{NAME_RUN})"),
        "org": re.compile(rf"(?P<name>(?:{_CAP})(?:\s+(?:(?:of|for|on|the|de|du|des|la|le|pour|sur|en)\s+)*"
                          rf"(?:l['’])?(?:{_CAP}|&)){{0,7}})"),
        "acronym": re.compile(r"(?<![\w&])[A-Z][A-Za-z]?[A-Z0-9&]{1,8}s?(?![\w&])"),
    }


def _clean_name(text: str, start: int, whole: str, caps_ok: bool = False) -> tuple[int, int] | None:
    """Trims a name run: possessive, then leading/trailing words that are ordinary or titles."""
    words = [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]
    title_words = {t.rstrip(".") for t in titles("en") + titles("fr")}
    while words and ((is_common_word(words[0][2]) and not caps_ok) or words[0][2].rstrip(".") in title_words):
        words.pop(0)
    while words and is_common_word(words[-1][2]) and len(words) > 1 and not caps_ok:
        words.pop()
    if not words or not caps_ok and all(is_common_word(w) or w.isupper() and len(w) > 1 for _, _, w in words):
        return None
    if any(w in keep_terms() or _known_org_form(w) for _, _, w in words):
        return None
    end = words[-1][1]
    if whole[start + end - 2:start + end] in ("'s", "’s") and end - 2 > words[-1][0]:
        end -= 2
    return start + words[0][0], start + end


def _known_org_form(text: str) -> bool:
    return any(text == f for org in known_orgs() for f in org.forms)


def cue_people(text: str, block_id: str, field: Field = Field.TEXT) -> list[Hit]:
    """People named after a title, before an attribution verb or after a "selon"-type cue."""
    out = []
    for name, score in (("title", 0.9), ("after", 0.8), ("before", 0.8)):
        for m in _patterns()[name].finditer(text):
            span = _clean_name(m.group("name"), m.start("name"), text, caps_ok=name == "title")
            if span is None:
                continue
            start, end = span
            word = text[start:end]
            if name == "after" and word.islower() and word not in first_names() and len(word) < 4:
                continue
            out.append(Hit(block_id, field, start, end, word, Kind.PERSON, f"cue:{name}", score))
    return out


def first_name_people(text: str, block_id: str, field: Field = Field.TEXT) -> list[Hit]:
    """A capitalised known first name (not an ordinary word), with a following capitalised word."""
    out = []
    names = first_names()
    for m in re.finditer(NAME_RUN, text):
        words = [(w.start(), w.end(), w.group()) for w in WORD.finditer(m.group())]
        if not words or words[0][2].lower() not in names:
            continue
        end = words[-1][1] if len(words) > 1 and not is_common_word(words[1][2]) else words[0][1]
        if len(words) == 1 and sentence_initial(text, m.start()) and len(text) > end + m.start() + 20:
            score = 0.6
        else:
            score = 0.75
        out.append(Hit(block_id, field, m.start(), m.start() + end, text[m.start():m.start() + end],
                       Kind.PERSON, "firstname", score))
    return out


def entity_people(text: str, ents: list[Entity], block_id: str) -> tuple[list[Hit], list[Hit]]:
    """spaCy PERSON entities, trimmed; returns (hits, low-confidence ones for review)."""
    hits, low = [], []
    for e in ents:
        if e.label != "PERSON":
            continue
        span = _clean_name(e.text, e.start, text)
        if span is None:
            if any(c.isupper() for c in e.text) and not _known_org_form(e.text) and e.text not in keep_terms():
                low.append(Hit(block_id, Field.TEXT, e.start, e.end, e.text, Kind.PERSON, "spacy", 0.4))
            continue
        hits.append(Hit(block_id, Field.TEXT, span[0], span[1], text[span[0]:span[1]], Kind.PERSON, "spacy", 0.85))
    return hits, low


def entity_orgs(text: str, ents: list[Entity], block_id: str) -> tuple[list[Hit], list[Hit]]:
    """spaCy ORG entities that are organisations, not content terms; (hits, low-confidence)."""
    hits, low = [], []
    for e in ents:
        if e.label != "ORG":
            continue
        start, surface = e.start, e.text
        lead = re.match(r"(?:the|la|le|les|l['’])\s*", surface, re.IGNORECASE)
        if lead:
            start, surface = start + lead.end(), surface[lead.end():]
        tail = re.search(r"(?:\s+[a-zà-ÿ][\w'’\-]*)+$", surface)  # "Hanoi Medical University will host"
        if tail:
            surface = surface[:tail.start()]
        words = [w.group() for w in WORD.finditer(surface)]
        if not words or surface in keep_terms() or all(w in keep_terms() or is_common_word(w) and not w.isupper()
                                                       for w in words):
            if surface and surface not in keep_terms() and surface[0].isupper():
                low.append(Hit(block_id, Field.TEXT, start, start + len(surface), surface, Kind.AFFILIATION, "spacy", 0.4))
            continue
        hits.append(Hit(block_id, Field.TEXT, start, start + len(surface), surface, Kind.AFFILIATION, "spacy", 0.7))
    return hits, low


def cue_orgs(text: str, block_id: str, field: Field = Field.TEXT) -> list[Hit]:
    """Capitalised phrases that contain an organisation cue word (University, Ministère...)."""
    cue_words = org_cues("en") | org_cues("fr")
    out = []
    for m in _patterns()["org"].finditer(text):
        phrase = m.group("name")
        words = [w.group() for w in WORD.finditer(phrase)]
        if len(words) < 2 or not any(w in cue_words for w in words) or phrase in keep_terms():
            continue
        lead = re.match(r"(?:The|Le|La|Les|L['’])\s*", phrase)
        start = m.start("name") + (lead.end() if lead else 0)
        out.append(Hit(block_id, field, start, m.end("name"), text[start:m.end("name")], Kind.AFFILIATION,
                       "cue:org", 0.8))
    return out


@lru_cache(maxsize=1)
def _org_regexes() -> tuple[tuple[re.Pattern[str], dict[str, str]], ...]:
    """Two alternations over the lexicon's forms: case-sensitive ones and the others."""
    exact, loose = {}, {}
    for org in known_orgs():
        for form in org.forms:
            if org.upper_only or form.isupper() or is_common_word(form):
                exact[form] = org.canonical
            else:
                loose[form.casefold()] = org.canonical
    return tuple(
        (re.compile(rf"(?<![\w&])(?:{_alts(tuple(table))})(?![\w&])", flags), table)
        for table, flags in ((exact, 0), (loose, re.IGNORECASE)) if table
    )


def acronym_orgs(text: str, block_id: str, field: Field = Field.TEXT) -> tuple[list[Hit], list[Hit]]:
    """Known organisations of the lexicon (any form), and unknown acronyms for review."""
    hits, low = [], []
    for regex, table in _org_regexes():
        for m in regex.finditer(text):
            canonical = table.get(m.group()) or table.get(m.group().casefold())
            if canonical:
                hits.append(Hit(block_id, field, m.start(), m.end(), m.group(), Kind.AFFILIATION, "lexicon", 0.9,
                                f"o:{canonical}"))
    known = {h.text for h in hits}
    for m in _patterns()["acronym"].finditer(text):
        word = m.group()
        if word not in known and word not in keep_terms() and word.rstrip("s") not in keep_terms() and sum(
                c.isupper() for c in word) >= 2:
            low.append(Hit(block_id, field, m.start(), m.end(), word, Kind.AFFILIATION, "acronym", 0.5))
    return hits, low
