"""Ties between an organisation and a participant (detect/ties.py), and the weak guesses they promote."""

from __future__ import annotations

import pytest

from chatham_notes.detect import Detector
from chatham_notes.detect.sources import Source
from chatham_notes.detect.text import Hit
from chatham_notes.detect.ties import tied_guesses, tied_organisations
from chatham_notes.model import Block, BlockKind, Field, Kind, Lang, Location, Metadata, NoteDocument


def _hit(text: str, part: str, kind: Kind, source: Source = Source.SPACY) -> Hit:
    start = text.index(part)
    return Hit("b", Field.TEXT, start, start + len(part), part, kind, source, 0.7)


@pytest.mark.parametrize(("text", "person", "org", "tied"), [
    ("Hamid Qureshi, UNDP, asked about courts.", "Hamid Qureshi", "UNDP", True),
    ("Priya Menon = Health Canada, confirmed from badge.", "Priya Menon", "Health Canada", True),
    ("Kofi Boateng – WADPN – works on alerts.", "Kofi Boateng", "WADPN", True),
    ("Je m'appelle Abdoulaye Sylla, de l'association Espace Confiance.", "Abdoulaye Sylla", "Espace Confiance", True),
    ("Hi all, I'm Dr Emeka Nwosu from Yaba Hospital.", "Dr Emeka Nwosu", "Yaba Hospital", True),
    ("Mme Fofana, directrice de programme à AIDES, intervient.", "Mme Fofana", "AIDES", True),
    # no link between them: the organisation is content
    ("Tom Reyes and UNDP staff met in Manila.", "Tom Reyes", "UNDP", False),
    ("Tom Reyes quoted the UNDP report.", "Tom Reyes", "UNDP", False),
])
def test_an_organisation_is_tied_by_what_joins_it_to_a_name(text, person, org, tied) -> None:
    hits = [_hit(text, person, Kind.PERSON), _hit(text, org, Kind.AFFILIATION)]
    keys = tied_organisations(hits, {("b", Field.TEXT): text}, lambda h: h.text)
    assert (org in keys) is tied


def test_a_weak_guess_is_promoted_only_when_tied() -> None:
    text = "Priya Menon = Health Canada; the Health Canada data were old."
    person = _hit(text, "Priya Menon", Kind.PERSON)
    first = _hit(text, "Health Canada", Kind.AFFILIATION)
    second_start = text.index("Health Canada", first.end)
    second = Hit("b", Field.TEXT, second_start, second_start + 13, "Health Canada", Kind.AFFILIATION, Source.SPACY, 0.4)
    promoted = tied_guesses([first, second], [person], {("b", Field.TEXT): text})
    assert [(h.start, h.score >= 0.7) for h in promoted] == [(first.start, True)]


def test_a_tied_organisation_is_removed_everywhere_in_the_note() -> None:
    lines = ["Marta Lindgren, Nordic Harm Reduction Alliance — runs the van",
             "The Nordic Harm Reduction Alliance budget was cut in 2024."]
    doc = NoteDocument("notes.md", Metadata(), tuple(
        Block(f"b{i}", BlockKind.BULLET, line, Lang.EN, Location("notes.md")) for i, line in enumerate(lines)))
    det = Detector().detect(doc)
    orgs = [m for m in det.mentions if m.kind is Kind.AFFILIATION]
    assert {m.block_id for m in orgs} == {b.id for b in doc.blocks}


def test_detection_folds_letters_without_a_decomposition_as_the_leak_check_does() -> None:
    from chatham_notes.matching import fold, fold_same_length

    for name in ("Đức", "Łukasz", "Ørsted"):
        assert fold_same_length(name) == fold(name)[0].lower()
