"""Places, months, currencies and keep terms veto person and organisation guesses (both languages)."""

from __future__ import annotations

import pytest

from chatham_notes.detect.gazetteer import place_tier, protected_spans, veto
from chatham_notes.detect.text import Hit
from chatham_notes.model import Field, Kind


@pytest.mark.parametrize(("name", "tier"), [
    ("Kenya", "strong"), ("Pérou", "strong"), ("Viet Nam", "strong"), ("Guinea-Bissau", "strong"),
    ("Guinée-Bissau", "strong"), ("Asia", "strong"), ("Asie", "strong"), ("Côte d'Ivoire", "strong"),
    ("June", "strong"), ("Juin", "strong"), ("EUR", "strong"), ("Shan State", "strong"),
    ("Lomé", "weak"), ("Hô Chi Minh-Ville", "weak"), ("Bogotá", "weak"), ("Accra", "weak"),
])
def test_places_months_currencies(name: str, tier: str) -> None:
    assert place_tier(name) == tier


@pytest.mark.parametrize("name", ["Amina", "Okafor", "kenya", "Hanoi Medical University", "Priya Raman"])
def test_not_places(name: str) -> None:
    assert place_tier(name) is None


def _hit(text: str, word: str, kind: Kind, detector: str) -> Hit:
    start = text.index(word)
    return Hit("b", Field.TEXT, start, start + len(word), word, kind, detector, 0.8)


@pytest.mark.parametrize(("text", "word", "kind", "detector"), [
    ("Khat is legal in Kenya.", "Kenya", Kind.PERSON, "firstname"),
    ("Au Pérou, la coca recule.", "Pérou", Kind.PERSON, "spacy"),
    ("Shan State saw a rise.", "Shan", Kind.PERSON, "firstname"),
    ("The figures come out in June.", "June", Kind.PERSON, "propagated"),
    ("Budget: EUR 45,000.", "EUR", Kind.AFFILIATION, "spacy"),
    ("a rappelé la règle de Chatham House.", "Chatham", Kind.PERSON, "spacy"),
    ("the port of Lomé", "Lomé", Kind.PERSON, "spacy"),
])
def test_guesses_inside_protected_spans_are_vetoed(text: str, word: str, kind: Kind, detector: str) -> None:
    assert veto([_hit(text, word, kind, detector)], {("b", Field.TEXT): text}) == []


@pytest.mark.parametrize(("text", "word", "kind", "detector"), [
    ("Ms June Okafor said so.", "June", Kind.PERSON, "cue:title"),
    ("Florence said the data were late.", "Florence", Kind.PERSON, "cue:after"),
    ("Kenya Diallo opened.", "Kenya", Kind.PERSON, "roster"),
    ("She works at Hanoi Medical University.", "Hanoi Medical University", Kind.AFFILIATION, "cue:org"),
])
def test_cues_roster_and_wider_names_survive(text: str, word: str, kind: Kind, detector: str) -> None:
    hit = _hit(text, word, kind, detector)
    assert veto([hit], {("b", Field.TEXT): text}) == [hit]


def test_protected_spans_need_a_capital_except_keep_terms() -> None:
    text = "prices in turkey and Turkey; the CND met"
    assert [text[s:e] for s, e, _ in protected_spans(text)] == ["Turkey", "CND"]


@pytest.mark.parametrize(("text", "word", "kind", "detector"), [
    ("Les saisies d'Abidjan ont doublé.", "d'Abidjan", Kind.AFFILIATION, "spacy"),  # elided « d' » before a place
    ("data cover Kenya and Tanzania", "Kenya and Tanzania", Kind.AFFILIATION, "spacy"),  # two places, one span
    ("les chiffres du Mali et du Niger", "Mali et du Niger", Kind.AFFILIATION, "spacy"),
    ("please send it on Telegram tonight", "Telegram", Kind.AFFILIATION, "spacy"),  # an app, not an organisation
    ("we met on Zoom", "Zoom", Kind.PERSON, "spacy"),
    ("the Sandra Vukovic Principles apply", "Sandra Vukovic", Kind.PERSON, "propagated"),  # inside a named instrument
    ("selon les Règles de Lisbonne Ouest", "Lisbonne Ouest", Kind.PERSON, "spacy"),
    ("the Inter-American Commission on Human Rights ruled", "Inter-American Commission on Human Rights",
     Kind.AFFILIATION, "cue:org"),  # a body discussed as content
    ("le Fonds mondial finance la phase 3", "Fonds mondial", Kind.AFFILIATION, "lexicon"),
])
def test_content_places_apps_instruments_and_bodies_are_vetoed(text: str, word: str, kind: Kind, detector: str) -> None:
    assert veto([_hit(text, word, kind, detector)], {("b", Field.TEXT): text}) == []


@pytest.mark.parametrize(("text", "word", "kind", "detector"), [
    ("Kenya Diallo and Tanzania", "Kenya Diallo", Kind.PERSON, "spacy"),  # one part is no place
    ("Rapport de Mme Okonjo Bello", "Mme Okonjo Bello", Kind.PERSON, "cue:title"),  # a report by a person
])
def test_partly_protected_or_titled_names_survive(text: str, word: str, kind: Kind, detector: str) -> None:
    hit = _hit(text, word, kind, detector)
    assert veto([hit], {("b", Field.TEXT): text}) == [hit]
