"""The detection stage's entry point: `Detector(roster).detect(doc)` / `.detect_many(docs)`."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from ..model import Block, Candidate, Detection, Field, Kind, Lang, Mention, NoteDocument, Party, Roster
from . import ner
from .gazetteer import protected_spans, veto
from .intervals import Coverage
from .lexicon import is_common_word, keep_terms, title_words
from .linking import PartyBook, acronym_pairs, expansions, propagate
from .merge import extend_name_parts, extend_titles, merge
from .recognisers import RECOGNISERS, BlockContext, recognise
from .roster_match import RosterMatcher
from .sources import Source
from .text import WORD, Hit, fold, sentence_initial
from .ties import paren_affiliations, tied_guesses, tied_organisations

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

    def __init__(self, roster: Roster | None = None, disabled: Iterable[str] = ()) -> None:
        """`disabled`: names of recognisers (`recognisers.RECOGNISERS`) or stages (`STAGES`) to skip."""
        self.roster = roster
        self.disabled = frozenset(disabled)
        unknown = self.disabled - set(STAGES) - {r.name for r in RECOGNISERS}
        if unknown:
            raise ValueError(f"no such recogniser or stage: {', '.join(sorted(unknown))}")
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
            found = recognise(block, BlockContext(key, ents.get(key, []), self.matcher), self.disabled)
            hits += found.hits
            low += found.review
        on = {stage: stage not in self.disabled for stage in STAGES}
        known = _firm_name_words(hits)
        extend = (lambda found, t: _extend_names(found, t, known)) if on["titles"] else (lambda found, _: found)
        hits = extend(hits, texts)
        vet = (lambda found: veto(found, texts)) if on["vetoes"] else (lambda found: found)
        hits = merge(vet(hits), texts)
        book = PartyBook(self.roster)
        for _ in range(2):  # the second pass propagates what the first one tied (an aside after a propagated name)
            if on["ties"]:
                hits = merge(hits + vet(paren_affiliations(hits, texts) + tied_guesses(low, hits, texts)), texts)
                hits = merge(hits + acronym_pairs(book, hits, texts) + vet(expansions(book, _first_sight(low), hits, texts)), texts)
            hits = _one_kind_per_name(hits)
            book.learn_people(hits)
            if on["ties"]:
                hits, untied = _keep_tied_organisations(hits, texts, book)
                low += untied
            if on["propagation"]:
                hits = merge(hits + vet(extend(propagate(book, hits, texts), texts)), texts)
        return self._detections(docs, keyed, hits, _first_sight(low), texts, ents, book)

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


# The stages after the recognisers, in order; `Detector(disabled=...)` can skip any of them.
STAGES = (
    "titles",  # a title or a name part before a name joins the finding ("Dr Mensah", "Nguyễn Thị Hoa")
    "vetoes",  # places, months, content terms and named instruments are not names
    "ties",  # a person's aside or apposition is their affiliation; untied organisations are content
    "propagation",  # every form of every party, everywhere (the party book)
)


def _extend_names(hits: list[Hit], texts, known: frozenset[str] = frozenset()) -> list[Hit]:
    """Each person hit with the title or name part written before it: found by a recogniser or
    propagated ("Pita Leota" where only "Leota" was found elsewhere); `known`: the folded words
    of speaker labels and roster names, parts of a name even when they are ordinary words."""
    return [extend_titles(extend_name_parts(h, texts[(h.block_id, h.field)], known), texts[(h.block_id, h.field)])
            for h in hits]


def _firm_name_words(hits: list[Hit]) -> frozenset[str]:
    return frozenset(fold(w.group()) for h in hits if h.kind is Kind.PERSON and Source.of(h.detector).firm
                     for w in WORD.finditer(h.text))


def _first_sight(hits: list[Hit]) -> list[Hit]:
    """Each weak guess once (both passes may set the same organisation aside)."""
    seen, out = set(), []
    for h in hits:
        if (h.block_id, h.field, h.start, h.end, h.kind) not in seen:
            seen.add((h.block_id, h.field, h.start, h.end, h.kind))
            out.append(h)
    return out


_ARTICLE = re.compile(r"(?i:the|la|le|les|[ld]['’])\s*")


def _one_kind_per_name(hits: list[Hit]) -> list[Hit]:
    """A spaCy PERSON guess whose words are an organisation the note names as such elsewhere is
    that organisation: "The Frente Amplio member offered…" after "Cruz (Frente Amplio, Uruguay)"
    (else the book would hold the party's name as a person's, and propagate it as one)."""
    orgs = {fold(h.text) for h in hits if h.kind is Kind.AFFILIATION}
    out = []
    for h in hits:
        if h.kind is Kind.PERSON and Source.of(h.detector) is Source.SPACY:
            lead = _ARTICLE.match(h.text)
            start = h.start + (lead.end() if lead else 0)
            if fold(h.text[start - h.start:]) in orgs:
                h = replace(h, start=start, text=h.text[start - h.start:], kind=Kind.AFFILIATION)
        out.append(h)
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
            if m.party_id and Source.of(m.detector).needle:
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
