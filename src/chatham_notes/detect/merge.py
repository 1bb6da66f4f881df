"""Overlapping findings become one: the most reliable wins, the longest absorbs what it contains.

"Hanoi Medical University" is one AFFILIATION even though spaCy sees a place in it; a
roster name inside a spaCy ORG stays a person; a role description absorbs its organisation.
Merging is O(n log n) in the number of hits of a block (see `intervals`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import replace

from ..model import Field, Kind
from .intervals import DisjointSpans
from .gazetteer import place_tier
from .lexicon import is_common_word, is_first_name, is_given_name, is_org_word, keep_terms, title_alternation, title_words
from .sources import Source
from .text import FIRST_PERSON, WORD, Hit, fold

def priority(hit: Hit) -> int:
    return Source.of(hit.detector).priority


def _firm(hit: Hit) -> bool:
    return Source.of(hit.detector).firm


def _absorbs(outer: Hit, inner: Hit) -> bool:
    """Whether `outer`, containing `inner`, should replace it."""
    if inner.kind.is_contact or outer.kind.is_contact:
        return False
    if outer.kind is inner.kind and _firm(inner) and not _firm(outer):
        return False  # a roster name inside a wider spaCy guess: keep the roster's bounds
    if outer.kind is Kind.ROLE:
        return not (inner.kind is Kind.PERSON and _firm(inner))
    if outer.kind is Kind.AFFILIATION:
        if inner.kind is Kind.PERSON and not _names_a_body(outer.text):
            return False  # spaCy's ORG "Dear Dr Young" holds a person, not a body named after one
        return inner.kind is Kind.AFFILIATION or (inner.kind in (Kind.PERSON, Kind.PLACE) and not _firm(inner))
    return outer.kind is inner.kind


def _names_a_body(text: str) -> bool:
    """Whether an organisation's name says it is a body ("Kwame Nkrumah University", "Gates
    Foundation"): a word for a kind of body, or an acronym."""
    return any(is_org_word(w) or is_org_word(w.capitalize()) or (w.isupper() and len(w) > 1)
               for w in (m.group() for m in WORD.finditer(text)))


def _piece(text: str, hit: Hit, start: int, end: int) -> Hit | None:
    """The part start:end of a trimmed hit, if it still holds a word that is not ordinary."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    words = [w.group() for w in WORD.finditer(text[start:end])]
    if not words or all(is_common_word(w) for w in words):
        return None
    return replace(hit, start=start, end=end, text=text[start:end])


def _merge_group(text: str, hits: list[Hit]) -> list[Hit]:
    """Resolves the overlaps of one block field in O(n log n) for n hits.

    Hits are taken most reliable first. The accepted ones never overlap each other, so
    those a new hit overlaps are found by position (`DisjointSpans`), not by a scan of all.
    """
    accepted: DisjointSpans[Hit] = DisjointSpans(max([len(text)] + [h.end for h in hits]))
    for h in sorted(hits, key=lambda x: (-priority(x), -(x.end - x.start), x.start)):
        removed, added = _resolve(text, h, accepted.overlapping(h.start, h.end))
        for a in removed:
            accepted.remove(a)
        for a in added:
            accepted.add(a)
    result = accepted.in_order()
    return sorted(result + _nested_affiliations(text, hits, result), key=lambda x: x.start)


def _resolve(text: str, h: Hit, overlaps: list[Hit]) -> tuple[list[Hit], list[Hit]]:
    """What hit `h` does to the accepted hits it overlaps (oldest first): (removed, added)."""
    if not overlaps:
        return [], [h]
    if _coordinates_people(text, overlaps):
        return [], _pieces_between(text, h, overlaps)  # "Ms Ndip and Me Ngwa": two people, not one
    best = overlaps[0]
    if all(h.start <= a.start and a.end <= h.end and h.end - h.start > a.end - a.start and _absorbs(h, a)
           for a in overlaps):
        keep = best if best.kind is h.kind else h  # same kind: the reliable one's party and detector
        return overlaps, [replace(keep, start=h.start, end=h.end, text=h.text)]
    if all(a.kind is h.kind and h.kind in (Kind.PERSON, Kind.AFFILIATION) for a in overlaps) and \
            not any(_firm(a) for a in overlaps):
        start = min([h.start] + [a.start for a in overlaps])
        end = max([h.end] + [a.end for a in overlaps])
        return overlaps, [replace(best, start=start, end=end, text=text[start:end])]
    return [], _pieces_between(text, h, overlaps)


_COORDINATOR = re.compile(r"\s*(?:,|;|and|et|&|\+|/|or|ou)\s*", re.I)


def _coordinates_people(text: str, overlaps: list[Hit]) -> bool:
    """Whether accepted person findings a wider guess covers are coordinated ("X and Y")."""
    people = sorted((a for a in overlaps if a.kind is Kind.PERSON), key=lambda a: a.start)
    return any(_COORDINATOR.fullmatch(text, a.end, b.start) for a, b in zip(people, people[1:]))


def _pieces_between(text: str, h: Hit, overlaps: list[Hit]) -> list[Hit]:
    """The parts of `h` that no accepted hit covers, if they still hold a word that is not ordinary."""
    out = []
    pos = h.start
    for s, e in sorted((a.start, a.end) for a in overlaps) + [(h.end, h.end)]:
        if s > pos:
            piece = _piece(text, h, pos, min(s, h.end))
            if piece:
                out.append(piece)
        pos = max(pos, e)
    return out


def _nested_affiliations(text: str, hits: list[Hit], accepted: list[Hit]) -> list[Hit]:
    """Organisations inside a role ("the head of research at UNODC") are findings of their own too."""
    roles = sorted((a for a in accepted if a.kind is Kind.ROLE and a.end > a.start), key=lambda r: r.start)
    starts = [r.start for r in roles]

    def inside_role(h: Hit) -> bool:
        i = bisect_right(starts, h.start) - 1  # roles never overlap: only this one can hold h
        return i >= 0 and h.end <= roles[i].end and roles[i].end - roles[i].start > h.end - h.start

    inner = [h for h in hits if h.kind is Kind.AFFILIATION and roles and inside_role(h)]
    return _merge_group(text, inner) if inner else []


def merge(hits: list[Hit], texts: dict[tuple[str, Field], str]) -> list[Hit]:
    """Resolves overlaps within each block field; returns hits in reading order."""
    groups: dict[tuple[str, Field], list[Hit]] = defaultdict(list)
    for h in hits:
        groups[(h.block_id, h.field)].append(h)
    out = []
    for key, group in groups.items():
        out += _merge_group(texts[key], group)
    return out


_TITLE_RE = None


def extend_titles(hit: Hit, text: str) -> Hit:
    """Takes a title written before a person's name into the finding: "Dr Mensah", « Mme Traoré »."""
    global _TITLE_RE
    if hit.kind is not Kind.PERSON:
        return hit
    if _TITLE_RE is None:
        _TITLE_RE = re.compile(rf"(?:(?<=[^\w.])|^)(?:{title_alternation()})\s*$")
    m = _TITLE_RE.search(text, max(0, hit.start - 20), hit.start)
    if not m or m.start() == hit.start:
        return hit
    return replace(hit, start=m.start(), text=text[m.start():hit.end])


_WORD_BEFORE = re.compile(r"(?:^|(?<=[\s(\[\"“«]))([A-ZÀ-ÞĀ-ỹ][a-zà-ÿā-ỹ'’\-]+) $")


def extend_name_parts(hit: Hit, text: str, known: frozenset[str] = frozenset()) -> Hit:
    """Takes a capitalised name part written right before a person's name into the finding, when
    it is no ordinary word, title, place or content term: "Nguyễn Thị Hoa" when spaCy found
    "Thị Hoa". An ordinary word joins too if `known` holds it (folded): a speaker's label or a
    roster name says it names someone ("Pita Tuimavave" after the label "Pita:"). (Left alone,
    the part would stay beside the placeholder.)"""
    if hit.kind is not Kind.PERSON:
        return hit
    for _ in range(2):
        m = _WORD_BEFORE.search(text, max(0, hit.start - 30), hit.start)
        if not m:
            return hit
        word, first = m.group(1), WORD.match(hit.text)
        if is_common_word(word) and not is_given_name(word) and fold(word) not in known \
                or FIRST_PERSON.fullmatch(word) or word in title_words() or word in keep_terms() or place_tier(word):
            return hit
        if first and is_first_name(first.group()) and not is_first_name(word):
            return hit  # "Manuel Bautista" is whole: what comes before is no part of it
        hit = replace(hit, start=m.start(1), text=text[m.start(1):hit.end])
    return hit
