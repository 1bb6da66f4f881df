"""The detection stage's entry point: `Detector(roster).detect(doc)` / `.detect_many(docs)`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from ..model import Block, BlockKind, Candidate, Detection, Field, Kind, Lang, Mention, NoteDocument, Party, Roster
from . import cues, ner
from .contacts import find_contacts
from .gazetteer import protected_spans, veto
from .intervals import Coverage
from .lexicon import generic_labels, is_common_word, keep_terms, role_nouns, title_words
from .linking import PartyBook, propagate
from .merge import extend_titles, merge
from .roles import find_roles
from .roster_match import RosterMatcher
from .sources import Source
from .text import WORD, Hit, sentence_initial
from .ties import contact_names, paren_affiliations, tied_organisations

_NOT_NAMES = {"GPE", "LOC", "DATE", "TIME", "NORP", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY",
              "EVENT", "LAW", "LANGUAGE", "FAC", "PRODUCT", "WORK_OF_ART", "MISC"}


def block_languages(block: Block, default: str) -> tuple[str, ...]:
    """The pipelines a block is read with: its own language, both for MIXED, else the document's."""
    if block.lang is Lang.EN or block.lang is Lang.FR:
        return (block.lang.value,)
    if block.lang is Lang.MIXED:
        return ("en", "fr")
    return (default,)


def _document_language(doc: NoteDocument) -> str:
    if doc.metadata.language in (Lang.EN, Lang.FR):
        return doc.metadata.language.value
    counts = Counter(b.lang for b in doc.blocks if b.lang in (Lang.EN, Lang.FR))
    return counts.most_common(1)[0][0].value if counts else "en"


class Detector:
    """Finds people, organisations, contacts and quasi-identifiers, linked to parties.

    Builds nothing heavy here: spaCy pipelines are loaded on first use, once per process,
    and only for the languages of the blocks analysed.
    """

    def __init__(self, roster: Roster | None = None) -> None:
        self.roster = roster
        self._matcher: RosterMatcher | None = None

    @property
    def matcher(self) -> RosterMatcher:
        if self._matcher is None:
            self._matcher = RosterMatcher(self.roster)
        return self._matcher

    def detect(self, doc: NoteDocument) -> Detection:
        """The findings of one document."""
        return self.detect_many([doc])[0]

    def detect_many(self, docs: Sequence[NoteDocument]) -> list[Detection]:
        """The findings of several documents, with parties linked across all of them."""
        langs = [_document_language(d) for d in docs]
        keyed = [(f"{i}\x1f{b.id}", b, langs[i]) for i, d in enumerate(docs) for b in d.blocks]
        texts = _texts(keyed)
        ents = _entities(keyed)
        hits, low = [], []
        for key, block, _ in keyed:
            h, weak = self._block_hits(key, block, ents.get(key, []))
            hits += h
            low += weak
        hits = veto([extend_titles(h, texts[(h.block_id, h.field)]) for h in hits], texts)
        hits = merge(hits, texts)
        book = PartyBook(self.roster)
        for _ in range(2):  # the second pass propagates what the first one tied (an aside after a propagated name)
            hits = merge(hits + veto(paren_affiliations(hits, texts), texts), texts)
            book.learn_people(hits)
            hits, untied = _keep_tied_organisations(hits, texts, book)
            hits = merge(hits + veto(propagate(book, hits, texts), texts), texts)
        low += untied
        return self._detections(docs, keyed, hits, low, texts, ents, book)

    def _block_hits(self, key: str, block: Block, ents: list[ner.Entity]) -> tuple[list[Hit], list[Hit]]:
        text = block.text
        contacts = find_contacts(text, key)
        hits = self.matcher.find(text, key) + contacts + find_roles(text, key) + contact_names(text, contacts, key)
        hits += cues.cue_people(text, key) + cues.first_name_people(text, key) + cues.cue_orgs(text, key)
        people, low_people = cues.entity_people(text, ents, key)
        orgs, low_orgs = cues.entity_orgs(text, ents, key)
        known, acronyms = cues.acronym_orgs(text, key)
        hits += people + orgs + known
        hits += _label_hits(self.matcher, key, block)
        return hits, low_people + low_orgs + acronyms

    def _detections(self, docs, keyed, hits, low, texts, ents, book: PartyBook) -> list[Detection]:
        book.learn_people(hits)
        order = {key: n for n, (key, _, _) in enumerate(keyed)}
        hits.sort(key=lambda h: (order[h.block_id], h.field is not Field.SPEAKER, h.start))
        mentions: list[list[Mention]] = [[] for _ in docs]
        for h in hits:
            party_key = book.key(h)
            party = book.party_id(party_key, h) if party_key else None
            doc_index, block_id = h.block_id.split("\x1f", 1)
            mentions[int(doc_index)].append(Mention(block_id, h.start, h.end, h.text, h.kind, h.detector,
                                                    round(h.score, 2), party, h.field))
        _label_affiliations(book, mentions, docs)
        parties = _with_forms(book, mentions)
        out = []
        for i, doc in enumerate(docs):
            used = {m.party_id for m in mentions[i] if m.party_id}
            used |= {p.affiliation_id for p in parties if p.id in used and p.affiliation_id}
            cands = _candidates(i, doc, keyed, hits, low, texts, ents)
            out.append(Detection(doc, tuple(mentions[i]), tuple(p for p in parties if p.id in used), tuple(cands)))
        return out


def _keep_tied_organisations(hits: list[Hit], texts, book: PartyBook) -> tuple[list[Hit], list[Hit]]:
    """(hits without the organisations tied to no participant, those organisations for review).

    An organisation nobody is tied to is content ("the WHO guidelines"): it stays in the text
    and goes to the reviewer's list, where a decision can still remove it.
    """
    tied = tied_organisations(hits, texts, book.key)
    kept, untied = [], []
    for h in hits:
        if h.kind is Kind.AFFILIATION and book.key(h) not in tied:
            untied.append(replace(h, detector=f"{h.detector}:untied", score=min(h.score, 0.5)))
        else:
            kept.append(h)
    return kept, untied


def _with_forms(book: PartyBook, mentions: list[list[Mention]]) -> list[Party]:
    """Every party with all its forms: what propagation looked for, and each mention's text.

    These are exactly the strings the leak check looks for afterwards (`verify.needles_for`).
    """
    written: dict[str, set[str]] = {}
    for doc_mentions in mentions:
        for m in doc_mentions:
            if m.party_id:
                written.setdefault(m.party_id, set()).add(m.text.strip())
    return [replace(party, forms=tuple(sorted(book.forms_of(key) | written.get(party.id, set()))))
            for key, party in book.parties.items()]


def _texts(keyed) -> dict[tuple[str, Field], str]:
    texts = {}
    for key, block, _ in keyed:
        texts[(key, Field.TEXT)] = block.text
        if block.speaker is not None:
            texts[(key, Field.SPEAKER)] = block.speaker.name
            if block.speaker.affiliation:
                texts[(key, Field.SPEAKER_AFFILIATION)] = block.speaker.affiliation
    return texts


def _entities(keyed) -> dict[str, list[ner.Entity]]:
    """One batched NER pass per language over the blocks read in that language."""
    by_lang: dict[str, list[tuple[str, str]]] = {}
    for key, block, default in keyed:
        if block.text.strip():
            for lang in block_languages(block, default):
                by_lang.setdefault(lang, []).append((key, block.text))
    out: dict[str, list[ner.Entity]] = {}
    for lang, items in sorted(by_lang.items()):
        for (key, _), found in zip(items, ner.entities([t for _, t in items], lang), strict=True):
            out.setdefault(key, []).extend(found)
    return out


def _label_hits(matcher: RosterMatcher, key: str, block: Block) -> list[Hit]:
    """A speaker label always names a person (unless it is "Q", "Question"...), and its affiliation."""
    speaker = block.speaker
    if block.kind is not BlockKind.TURN or speaker is None:
        return []
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
        out.append(Hit(key, Field.SPEAKER_AFFILIATION, start, start + len(aff), aff, kind, "label", 1.0,
                       found[0].key if found else None))
    return out


def _is_role_noun(text: str) -> bool:
    """Whether a label's parentheses hold a role ("moderator", « modératrice ») rather than an organisation."""
    nouns = {n.casefold() for lang in ("en", "fr") for which in ("unique", "generic") for n in role_nouns(lang, which)}
    return text.casefold() in nouns


def _label_affiliations(book: PartyBook, mentions: list[list[Mention]], docs) -> None:
    """"Amina (IDPC):" ties the discovered person Amina to the organisation IDPC."""
    for doc_mentions in mentions:
        by_block: dict[str, dict[Field, str]] = {}
        for m in doc_mentions:
            if m.field is not Field.TEXT and m.party_id:
                by_block.setdefault(m.block_id, {})[m.field] = m.party_id
        for fields in by_block.values():
            if Field.SPEAKER in fields and Field.SPEAKER_AFFILIATION in fields:
                book.set_affiliation(fields[Field.SPEAKER], fields[Field.SPEAKER_AFFILIATION])


def _candidates(doc_index, doc, keyed, hits, low, texts, ents) -> list[Candidate]:
    """Low-confidence findings and unknown capitalised words that no finding covers, for review."""
    prefix = f"{doc_index}\x1f"
    covered: dict[tuple[str, Field], list[tuple[int, int]]] = {}
    for h in hits:
        covered.setdefault((h.block_id, h.field), []).append((h.start, h.end))
    for key, _, _ in keyed:
        if key.startswith(prefix):
            covered.setdefault((key, Field.TEXT), []).extend(
                (e.start, e.end) for e in ents.get(key, []) if e.label in _NOT_NAMES)
            covered[(key, Field.TEXT)].extend((s, e) for s, e, _ in protected_spans(texts[(key, Field.TEXT)]))
    seen, out = set(), []
    index = {where: Coverage((s, e, None) for s, e in spans) for where, spans in covered.items()}

    def add(key: str, field: Field, start: int, end: int, text: str, reason: str, kind: Kind, score: float):
        spans = index.get((key, field))
        if (key, field, start, end) in seen or spans is not None and spans.overlaps(start, end):
            return
        seen.add((key, field, start, end))
        out.append(Candidate(key.split("\x1f", 1)[1], start, end, text, reason, kind, score, field))

    for h in low:
        if h.block_id.startswith(prefix):
            reason = "organisation tied to no participant (kept as content)" if h.detector.endswith(":untied") \
                else f"low-confidence {h.kind.name}"
            add(h.block_id, h.field, h.start, h.end, h.text, reason, h.kind, h.score)
    for key, block, _ in keyed:
        if key.startswith(prefix):
            for m in WORD.finditer(block.text):
                word = m.group()
                if word[0].isupper() and not sentence_initial(block.text, m.start()) and not is_common_word(word) \
                        and word not in keep_terms() and word not in title_words():
                    add(key, Field.TEXT, m.start(), m.end(), word, "unknown capitalised word", Kind.PERSON, 0.3)
    return out
