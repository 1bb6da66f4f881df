"""Merging overlapping findings: the O(n log n) sweep gives exactly what the old quadratic scan gave,
on the samples and on random hits, and a single block of 2,000 sentences is detected."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chatham_notes.detect import Detector
from chatham_notes.detect import detector as detector_module
from chatham_notes.detect import merge as merge_module
from chatham_notes.detect.intervals import Coverage, DisjointSpans, PositionSet
from chatham_notes.detect.text import Hit
from chatham_notes.ingest import read_notes
from chatham_notes.model import (
    Block,
    BlockKind,
    Field,
    Kind,
    Lang,
    Location,
    Metadata,
    NoteDocument,
)
from chatham_notes.roster import read_roster

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
NOTES = ["en-session-bullets.md", "fr-compte-rendu.md", "mixed-notes.txt", "pairs-notes.md",
         "panel-transcript.vtt", "workshop-notes.docx"]


# --------------------------------------------------------------------------- the old algorithm, as it was

def _old_merge_group(text: str, hits: list[Hit]) -> list[Hit]:
    """The quadratic merge this module replaced (a scan of every accepted hit for each new one)."""
    priority, absorbs, piece_of = merge_module.priority, merge_module._absorbs, merge_module._piece
    accepted: list[Hit] = []
    for h in sorted(hits, key=lambda x: (-priority(x), -(x.end - x.start), x.start)):
        overlaps = [a for a in accepted if a.start < h.end and h.start < a.end]
        if not overlaps:
            accepted.append(h)
        elif all(h.start <= a.start and a.end <= h.end and h.end - h.start > a.end - a.start and absorbs(h, a)
                 for a in overlaps):
            best = overlaps[0]
            accepted = [a for a in accepted if a not in overlaps]
            keep = best if best.kind is h.kind else h
            accepted.append(replace(keep, start=h.start, end=h.end, text=h.text))
        elif all(a.kind is h.kind and h.kind in (Kind.PERSON, Kind.AFFILIATION) for a in overlaps) and \
                not any(merge_module._firm(a) for a in overlaps):
            start = min([h.start] + [a.start for a in overlaps])
            end = max([h.end] + [a.end for a in overlaps])
            best = overlaps[0]
            accepted = [a for a in accepted if a not in overlaps]
            accepted.append(replace(best, start=start, end=end, text=text[start:end]))
        else:
            pos = h.start
            for s, e in sorted((a.start, a.end) for a in overlaps) + [(h.end, h.end)]:
                if s > pos:
                    piece = piece_of(text, h, pos, min(s, h.end))
                    if piece:
                        accepted.append(piece)
                pos = max(pos, e)
    roles = [a for a in accepted if a.kind is Kind.ROLE]
    inner = [h for h in hits if h.kind is Kind.AFFILIATION and any(
        r.start <= h.start and h.end <= r.end and r.end - r.start > h.end - h.start for r in roles)]
    return sorted(accepted + (_old_merge_group(text, inner) if inner else []), key=lambda x: x.start)


def _old_merge(hits, texts):
    groups: dict = {}
    for h in hits:
        groups.setdefault((h.block_id, h.field), []).append(h)
    return [m for key, group in groups.items() for m in _old_merge_group(texts[key], group)]


# --------------------------------------------------------------------------- same results

@pytest.mark.slow
def test_merge_gives_the_old_results_on_the_samples(monkeypatch) -> None:
    calls = []
    real = detector_module.merge

    def recording(hits, texts):
        calls.append((list(hits), texts))
        return real(hits, texts)

    monkeypatch.setattr(detector_module, "merge", recording)
    detector = Detector(read_roster(SAMPLES / "roster.csv"))
    detector.detect_many([read_notes(SAMPLES / name) for name in NOTES if (SAMPLES / name).exists()])
    assert len(calls) >= 3 and sum(len(h) for h, _ in calls) > 100
    for hits, texts in calls:
        assert merge_module.merge(hits, texts) == _old_merge(hits, texts)


KINDS = [Kind.PERSON, Kind.AFFILIATION, Kind.ROLE, Kind.EMAIL, Kind.PLACE]
DETECTORS = ["roster", "label", "presidio:EmailRecognizer", "spacy", "cue:after", "cue:org", "role", "propagated",
             "firstname", "place", "lexicon"]
TEXT = ("Dr Amina Mensah of the Hanoi Medical University and the head of research at UNODC met Rose Grand, "
        "Kwame Boateng (WHO) and the moderator in Abidjan; amina@example.org wrote to the Ministry of Health. ") * 3


def _random_hits(rng: random.Random, n: int, empty: bool = False) -> list[Hit]:
    hits = []
    for _ in range(n):
        start = rng.randrange(len(TEXT) - 1)
        end = start if empty and rng.random() < 0.1 else min(len(TEXT), start + rng.randint(1, 60))
        hits.append(Hit("b", Field.TEXT, start, end, TEXT[start:end], rng.choice(KINDS), rng.choice(DETECTORS),
                        rng.random(), rng.choice([None, "r:p1", "o:UNODC"])))
    return hits


@settings(max_examples=150, deadline=None)
@given(seed=st.integers(0, 10**9), n=st.integers(0, 80), empty=st.booleans())
def test_merge_gives_the_old_results_on_random_hits(seed: int, n: int, empty: bool) -> None:
    hits = _random_hits(random.Random(seed), n, empty)
    texts = {("b", Field.TEXT): TEXT}
    assert merge_module.merge(hits, texts) == _old_merge(hits, texts)


# --------------------------------------------------------------------------- the interval structures

def test_position_set_predecessor_and_successor() -> None:
    rng = random.Random(4)
    for size in (1, 2, 5, 64, 200):
        positions, present = PositionSet(size), set()
        for _ in range(500):
            x = rng.randrange(size)
            (positions.add if rng.random() < 0.6 else positions.discard)(x)
            present = present | {x} if x in positions else present - {x}
            q = rng.randrange(-1, size + 2)
            assert positions.predecessor(q) == max((p for p in present if p <= q), default=None)
            assert positions.successor(q) == min((p for p in present if p >= q), default=None)


def test_disjoint_spans_find_overlaps_oldest_first() -> None:
    spans = DisjointSpans(100)
    a, b, c = (Hit("b", Field.TEXT, s, e, "x" * (e - s), Kind.PERSON, "roster", 1.0) for s, e in
               ((40, 50), (10, 20), (60, 61)))
    for span in (a, b, c):
        spans.add(span)
    assert spans.overlapping(15, 45) == [a, b]  # a was accepted first
    assert spans.overlapping(20, 40) == []
    assert spans.overlapping(60, 60) == []  # an empty span at an edge overlaps nothing
    spans.remove(a)
    assert spans.in_order() == [b, c]


def test_coverage_answers_as_a_scan_of_every_span_would() -> None:
    rng = random.Random(7)
    for _ in range(50):
        spans = [(s, s + rng.randint(0, 15), n) for n, s in enumerate(rng.randrange(100) for _ in range(rng.randint(0, 20)))]
        index = Coverage(spans)
        for _ in range(40):
            start = rng.randrange(-2, 110)
            end = start + rng.randint(0, 12)
            assert index.overlaps(start, end) == any(s < end and start < e for s, e, _ in spans)
            assert index.holds(start) == any(s <= start < e for s, e, _ in spans)
            assert sorted(index.containing(start, end)) == sorted(n for s, e, n in spans if s <= start and end <= e)


# --------------------------------------------------------------------------- scale

def _sentences(n: int) -> str:
    people = ["Amina Mensah", "Kwame Boateng", "Dr Rose Grand", "Jean-Claude Gomis", "Priya Raman", "M. Traoré"]
    orgs = ["UNODC", "the Hanoi Medical University", "WHO", "the Ministry of Health of Ghana"]
    verbs = ["said", "noted", "asked whether", "stressed that", "recalled that"]
    return " ".join(f"{people[i % 6]} ({orgs[i % 4]}) {verbs[i % 5]} funding for harm reduction in Accra fell by "
                    f"{i % 90}% in {2000 + i % 25}." for i in range(n))


@pytest.mark.slow
def test_a_single_block_of_two_thousand_sentences_is_detected() -> None:
    text = _sentences(2000)
    assert text.count(". ") >= 1999 and len(text) > 100_000
    doc = NoteDocument("big.md", Metadata(), (Block("b1", BlockKind.PARAGRAPH, text, Lang.EN, Location("big.md")),))
    det = Detector().detect(doc)
    people = [m for m in det.mentions if m.kind is Kind.PERSON]
    assert len(people) >= 1900
    assert {m.text for m in people} >= {"Amina Mensah", "Kwame Boateng", "Priya Raman"}
    assert det.mentions[-1].start > len(text) - 200  # found to the very end
