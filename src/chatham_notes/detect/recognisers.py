"""The recognisers of one block, as one named, ordered list.

A recogniser has a `name` and `find(block, context)`, which returns what it found: findings
(`Hit`s, each with a score and its source as evidence) and, apart, weak guesses for the
reviewer. A new hard case is a word-list entry, or one more recogniser here, never a
branch inside another recogniser. `Detector(roster, disabled={"vocatives"})` runs without
one (a test can narrow the list; see `detector.STAGES` for the stages after these).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from ..model import Block, BlockKind, Field, Kind
from . import cues
from .contacts import find_contacts
from .lexicon import generic_labels, role_nouns
from .lists import list_people
from .ner import Entity
from .roles import find_roles
from .roster_match import RosterMatcher
from .sources import Source
from .text import Hit
from .ties import contact_names


@dataclass(frozen=True)
class BlockContext:
    """What a recogniser may read besides the block: its key, spaCy's entities, the roster."""

    key: str  # the block's key across all the documents of a run
    entities: list[Entity]
    matcher: RosterMatcher
    contacts: list[Hit] = field(default_factory=list)  # found first: other recognisers read them


@dataclass(frozen=True)
class Found:
    """Findings, and weak guesses that go to the reviewer's list instead."""

    hits: list[Hit] = field(default_factory=list)
    review: list[Hit] = field(default_factory=list)


class Recogniser(Protocol):
    name: str

    def find(self, block: Block, context: BlockContext) -> Found: ...


@dataclass(frozen=True)
class FunctionRecogniser:
    """A recogniser made of a function of (block, context)."""

    name: str
    function: Callable[[Block, BlockContext], Found]

    def find(self, block: Block, context: BlockContext) -> Found:
        return self.function(block, context)


def _pair(result: tuple[list[Hit], list[Hit]]) -> Found:
    return Found(*result)


def label_hits(block: Block, context: BlockContext) -> Found:
    """A speaker label always names a person (unless it is "Q", "Question"...), and its affiliation."""
    speaker, key, matcher = block.speaker, context.key, context.matcher
    if block.kind is not BlockKind.TURN or speaker is None:
        return Found()
    out = []
    name = speaker.name.strip()
    if name and name.rstrip(".:").lower() not in generic_labels():
        start = speaker.name.index(name)
        found = [h for h in matcher.find(speaker.name, key, Field.SPEAKER) if h.kind is Kind.PERSON]
        roster_key = max(found, key=lambda h: h.end - h.start).key if found else None
        out.append(Hit(key, Field.SPEAKER, start, start + len(name), name, Kind.PERSON, Source.LABEL, 1.0, roster_key))
    aff = (speaker.affiliation or "").strip()
    if aff:
        start = speaker.affiliation.index(aff)
        found = [h for h in matcher.find(speaker.affiliation, key, Field.SPEAKER_AFFILIATION)
                 if h.kind is Kind.AFFILIATION]
        kind = Kind.ROLE if not found and _is_role_noun(aff) else Kind.AFFILIATION  # "Ines (moderator):"
        out.append(Hit(key, Field.SPEAKER_AFFILIATION, start, start + len(aff), aff, kind, Source.LABEL, 1.0,
                       found[0].key if found else None))
    return Found(out)


def _is_role_noun(text: str) -> bool:
    """Whether a label's parentheses hold a role ("moderator", « modératrice ») rather than an organisation."""
    nouns = {n.casefold() for lang in ("en", "fr") for which in ("unique", "generic") for n in role_nouns(lang, which)}
    return text.casefold() in nouns


RECOGNISERS: tuple[Recogniser, ...] = (
    FunctionRecogniser("roster", lambda b, c: Found(c.matcher.find(b.text, c.key))),
    FunctionRecogniser("contacts", lambda b, c: Found(c.contacts)),
    FunctionRecogniser("roles", lambda b, c: Found(find_roles(b.text, c.key))),
    FunctionRecogniser("contact-names", lambda b, c: Found(contact_names(b.text, c.contacts, c.key))),
    FunctionRecogniser("cues", lambda b, c: Found(cues.cue_people(b.text, c.key))),
    FunctionRecogniser("asides", lambda b, c: Found(cues.aside_people(b.text, c.key, Field.TEXT))),
    FunctionRecogniser("participants-lists", lambda b, c: Found(list_people(b.text, c.key))),
    FunctionRecogniser("vocatives", lambda b, c: Found(cues.vocative_people(b.text, c.key))),
    FunctionRecogniser("first-names", lambda b, c: Found(cues.first_name_people(b.text, c.key))),
    FunctionRecogniser("organisation-words", lambda b, c: Found(cues.cue_orgs(b.text, c.key))),
    FunctionRecogniser("french-organisation-names", lambda b, c: Found(review=cues.french_org_guesses(b.text, c.key))),
    FunctionRecogniser("spacy-people", lambda b, c: _pair(cues.entity_people(b.text, c.entities, c.key))),
    FunctionRecogniser("spacy-organisations", lambda b, c: _pair(cues.entity_orgs(b.text, c.entities, c.key))),
    FunctionRecogniser("known-organisations", lambda b, c: _pair(cues.acronym_orgs(b.text, c.key))),
    FunctionRecogniser("labels", label_hits),
)


def recognise(block: Block, context: BlockContext, disabled: frozenset[str] = frozenset()) -> Found:
    """Every enabled recogniser's findings on one block, in the list's order."""
    if "contacts" not in disabled:
        context = BlockContext(context.key, context.entities, context.matcher, find_contacts(block.text, context.key))
    hits: list[Hit] = []
    review: list[Hit] = []
    for recogniser in RECOGNISERS:
        if recogniser.name not in disabled:
            found = recogniser.find(block, context)
            hits += found.hits
            review += found.review
    return Found(hits, review)
