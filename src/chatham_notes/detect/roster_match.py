"""The roster recogniser: one Aho-Corasick pass over every name form, plus fuzzy matching.

Matching is case- and accent-insensitive (on `text.fold`), except initials and acronyms
that are ordinary words; a surname that is an ordinary word (Rose, Grand, Me) matches
only where it names the person (see `name_context.names_person`). A form several participants share
is a person all the same, keyed `AMBIGUOUS`: linked to none of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import ahocorasick
from rapidfuzz.distance import OSA

from ..model import Field, Kind, Roster
from .intervals import Coverage
from .lexicon import is_common_word
from .name_context import names_person, space_before
from .sources import Source
from .text import AMBIGUOUS, WORD, Hit, at_word_edges, fold, is_capitalised
from .variants import Form, Variant, roster_variants

_ARTICLE = re.compile(r"(?i:the|a|an|this|that|these|those|le|la|les|un|une|des|ce|cette|ces)")


def _after_number(text: str, start: int) -> bool:
    """Whether a digit, then only spaces, comes before `start` ("10 AM" is a time, not initials)."""
    end = space_before(text, start)
    return end > 0 and text[end - 1].isdecimal()


class RosterMatcher:
    """Finds every roster name form in a text; build once per roster."""

    def __init__(self, roster: Roster | None) -> None:
        self.variants = roster_variants(roster)
        self._automaton = ahocorasick.Automaton()
        table: dict[str, list[Variant]] = {}
        for v in self.variants:
            table.setdefault(fold(v.text), []).append(v)
        for key, vs in table.items():
            self._automaton.add_word(key, (key, vs))
        if table:
            self._automaton.make_automaton()
        self._empty = not table
        self._exact = frozenset(table)  # fuzzy matching leaves these alone, accepted or not
        self._parts = {fold(v.text): v for v in self.variants if v.form is Form.PART and len(v.text) >= 5
                       and " " not in v.text and not is_common_word(v.text) and not v.shared}

    def find(self, text: str, block_id: str, field: Field = Field.TEXT) -> list[Hit]:
        """All roster hits in `text` (exact forms, then fuzzy single words)."""
        if self._empty or not text:
            return []
        folded = fold(text)
        hits = [h for end, (key, vs) in self._automaton.iter(folded)
                for h in self._accept(text, end + 1 - len(key), end + 1, vs, block_id, field)]
        return hits + self._fuzzy(text, folded, hits, block_id, field)

    def _accept(self, text: str, start: int, end: int, variants: list[Variant], block_id: str,
                field: Field) -> Iterable[Hit]:
        if not at_word_edges(text, start, end):
            return []
        surface = text[start:end]
        passing = [v for v in variants if self._rule_ok(text, start, end, surface, v, field)]
        if not passing:
            return []
        v = passing[0]
        score = 1.0 if v.form in (Form.FULL, Form.ORG) else 0.95
        return [Hit(block_id, field, start, end, surface, v.kind, Source.ROSTER, score, _hit_key(v, passing))]

    def _rule_ok(self, text: str, start: int, end: int, surface: str, v: Variant, field: Field) -> bool:
        if v.form is Form.INITIALS:
            return surface == v.text and not _after_number(text, start)
        if v.form is Form.ACRONYM:
            return surface == v.text or (surface.isupper() and surface.upper() == v.text.upper()) or (
                not is_common_word(v.text) and surface.casefold() == v.text.casefold())
        if v.form is Form.PART and is_common_word(v.text):
            if not is_common_word(surface) or v.alias and self._alias_as_written(text, start, end, surface, v):
                return True  # "clemence" for "Clémence": spelt so, it is no ordinary word
            return names_person(text, start, end, field)
        return True

    def _alias_as_written(self, text: str, start: int, end: int, surface: str, v: Variant) -> bool:
        """A roster alias in its own case ("Meg will share...") names the person, unless an article
        follows ("Hope this helps") or a capitalised word makes it part of another name."""
        if surface != v.text or not is_capitalised(surface) or surface == "Me":
            return False
        next_word = WORD.match(text[end:].lstrip())
        return not (next_word and (is_capitalised(next_word.group()) or _ARTICLE.fullmatch(next_word.group())))

    def _fuzzy(self, text: str, folded: str, exact: list[Hit], block_id: str, field: Field) -> list[Hit]:
        """Capitalised words one or two edits (or swaps) away from an unambiguous name (Mensha for Mensah)."""
        if not self._parts:
            return []
        covered = Coverage((h.start, h.end, None) for h in exact)
        out = []
        for m in WORD.finditer(text):
            word = m.group()
            if len(word) < 5 or not is_capitalised(word) or covered.holds(m.start()) or is_common_word(word):
                continue
            key = folded[m.start():m.end()]
            best = self._closest(key)
            if best is not None:
                out.append(Hit(block_id, field, m.start(), m.end(), word, Kind.PERSON, Source.ROSTER_FUZZY, 0.75,
                               f"r:{best.participant_id}"))
        return out

    def _closest(self, key: str) -> Variant | None:
        if key in self._exact:
            return None  # exact forms were handled, or rejected on purpose
        limit = 1 if len(key) < 8 else 2
        for part, v in self._parts.items():
            if part[0] == key[0] and abs(len(part) - len(key)) <= limit and \
                    OSA.distance(part, key, score_cutoff=limit) <= limit:
                return v
        return None


def _hit_key(first: Variant, passing: list[Variant]) -> str:
    """The party key of a hit: its participant's, or `AMBIGUOUS` when the form is shared
    (by the roster, or by two people whose forms fold alike, "Hélène" and "Helene")."""
    if first.kind is not Kind.PERSON:
        return f"ra:{first.participant_id}"
    people = {v.participant_id for v in passing if v.kind is Kind.PERSON}
    if first.shared or len(people) > 1:
        return AMBIGUOUS
    return f"r:{first.participant_id}"
