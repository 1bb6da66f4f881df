"""Reviewer decisions: reading YAML/TOML, flipping findings, stale ids, determinism.

Every person here is fictional. `make_detection()` builds a small Detection by hand
(the detection stage is tested elsewhere); test_verify and test_report reuse it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from chatham_notes.decisions import Decisions, apply_decisions, read_decisions
from chatham_notes.errors import InputError
from chatham_notes.model import (
    Block,
    BlockKind,
    Candidate,
    Detection,
    Field,
    Kind,
    Lang,
    Location,
    Mention,
    Metadata,
    NoteDocument,
    Party,
    Speaker,
)

REVIEW_DATA = Path(__file__).parent / "data" / "review"

TEXTS = (
    "Kofi Mensah said that prices rose in Bolivia last year.",
    "Mensah argued, and Kofi agreed; the moderator thanked everyone.",
    "Les participants ont parlé de la Bolivie avec Zanele.",
)


def mention(block: Block, word: str, kind: Kind, party: str | None, detector: str = "roster",
            score: float = 1.0, which: Field = Field.TEXT) -> Mention:
    """A mention of the first occurrence of `word` in the block's field."""
    source = block.text if which == Field.TEXT else block.speaker.name
    start = source.index(word)
    return Mention(block.id, start, start + len(word), word, kind, detector, score, party, which)


def make_detection() -> Detection:
    """Three blocks (one a speaker turn), five mentions, two candidates."""
    blocks = tuple(
        Block(f"b{i}", BlockKind.PARAGRAPH, text, Lang.FR if i == 3 else Lang.EN, Location("notes.md", line=2 * i))
        for i, text in enumerate(TEXTS, start=1)
    ) + (
        Block("b4", BlockKind.TURN, "Thank you, Kofi, I agree.", Lang.EN, Location("notes.md", line=8),
              speaker=Speaker("Ama Owusu", "Tamarind Institute")),
    )
    b1, b2, b3, b4 = blocks
    document = NoteDocument("notes.md", Metadata(title="Test"), blocks, sha256="0" * 64, size=200)
    mentions = (
        mention(b1, "Kofi Mensah", Kind.PERSON, "P1"),
        mention(b1, "Bolivia", Kind.PLACE, None, detector="spacy", score=0.61),
        mention(b2, "Mensah", Kind.PERSON, "P1"),
        mention(b2, "the moderator", Kind.ROLE, None, detector="cue", score=0.8),
        mention(b4, "Ama Owusu", Kind.PERSON, "P2", detector="label", which=Field.SPEAKER),
    )
    candidates = (
        Candidate("b3", TEXTS[2].index("Zanele"), TEXTS[2].index("Zanele") + 6, "Zanele", "low-confidence PERSON",
                  score=0.4),
        Candidate("b1", 0, 4, "Kofi", "unknown capitalised word", score=0.2),
    )
    parties = (Party("P1", Kind.PERSON, "Kofi Mensah", "p1"), Party("P2", Kind.PERSON, "Ama Owusu", "p2"))
    return Detection(document, mentions, parties, candidates)


def texts_of(detection: Detection) -> list[str]:
    return [m.text for m in detection.mentions]


def test_read_yaml_format(tmp_path: Path) -> None:
    path = tmp_path / "d.yaml"
    path.write_text('keep:\n  - {id: F-1a2b3c4d}\n  - {text: "Bolivia"}\n'
                    'remove:\n  - {text: "Kofi", kind: person, note: "a miss"}\n  - C-0000abcd\n', encoding="utf-8")
    decisions = read_decisions(path)
    assert [(d.id, d.text) for d in decisions.keep] == [("F-1a2b3c4d", None), (None, "Bolivia")]
    assert [(d.id, d.text, d.kind) for d in decisions.remove] == [(None, "Kofi", Kind.PERSON), ("C-0000abcd", None, None)]


def test_read_toml_format(tmp_path: Path) -> None:
    path = tmp_path / "d.toml"
    path.write_text('[[keep]]\nid = "F-1a2b3c4d"\n\n[[remove]]\ntext = "Zanele"\nkind = "person"\n', encoding="utf-8")
    decisions = read_decisions(path)
    assert decisions.keep[0].id == "F-1a2b3c4d"
    assert decisions.remove[0].text == "Zanele" and decisions.remove[0].kind is Kind.PERSON


def test_bundled_example_reads() -> None:
    decisions = read_decisions(REVIEW_DATA / "decisions-example.yaml")
    assert decisions.keep and decisions.remove


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("keep: [\n", "not valid YAML/TOML"),
        ("- just a list\n", "keep` and `remove"),
        ("keep:\n  - {id: F-123}\n", "not a finding id"),
        ("remove:\n  - {text: Kofi, kind: animal}\n", "unknown kind"),
        ("remove:\n  - {id: F-1a2b3c4d, text: Kofi}\n", "exactly one"),
        ("remove:\n  - {txt: Kofi}\n", "unknown key"),
        ("delete:\n  - Kofi\n", "unknown key"),
        ("keep: Kofi\n", "must be a list"),
    ],
)
def test_malformed_file_names_the_file(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "decisions.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_decisions(path)
    assert "decisions.yaml" in str(info.value) and problem in str(info.value)


def test_missing_file_is_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="nope.yaml"):
        read_decisions(tmp_path / "nope.yaml")


def test_keep_by_id_drops_only_that_finding() -> None:
    detection = make_detection()
    target = detection.mentions[2]  # "Mensah" in b2
    new, outcome = apply_decisions(detection, Decisions(keep=(_d("keep", id=target.id),)))
    assert target.id not in {m.id for m in new.mentions}
    assert texts_of(new) == ["Kofi Mensah", "Bolivia", "the moderator", "Ama Owusu"]
    assert outcome.kept == (target,) and outcome.applied[0].count == 1 and not outcome.unmatched


def test_keep_term_everywhere_and_by_kind() -> None:
    detection = make_detection()
    new, outcome = apply_decisions(detection, Decisions(keep=(_d("keep", text="BOLIVIA"),)))
    assert "Bolivia" not in texts_of(new) and outcome.applied[0].count == 1
    new, outcome = apply_decisions(detection, Decisions(keep=(_d("keep", text="Bolivia", kind=Kind.PERSON),)))
    assert "Bolivia" in texts_of(new) and outcome.unmatched


def test_remove_term_adds_reviewer_mentions_everywhere() -> None:
    detection = make_detection()
    new, outcome = apply_decisions(detection, Decisions(remove=(_d("remove", text="kofi", kind=Kind.PERSON),)))
    added = [m for m in new.mentions if m.detector == "reviewer"]
    # b1's "Kofi" sits inside the "Kofi Mensah" finding already; b2 and b4 get new ones
    assert [(m.block_id, m.text, m.score) for m in added] == [("b2", "Kofi", 1.0), ("b4", "Kofi", 1.0)]
    assert all(m.kind is Kind.PERSON and m.party_id == "P1" for m in added)
    assert outcome.applied[0].count == 3
    # the candidate on b1's "Kofi" is resolved by the finding that covers it
    assert [c.text for c in new.candidates] == ["Zanele"]


def test_remove_term_finds_speaker_labels_and_new_people() -> None:
    detection = make_detection()
    new, _ = apply_decisions(detection, Decisions(remove=(_d("remove", text="Tamarind Institute", kind=Kind.AFFILIATION),)))
    added = [m for m in new.mentions if m.detector == "reviewer"]
    assert [(m.field, m.text) for m in added] == [(Field.SPEAKER_AFFILIATION, "Tamarind Institute")]
    assert added[0].party_id == "O1" and new.party("O1").kind is Kind.AFFILIATION


def test_remove_common_word_only_as_written() -> None:
    detection = make_detection()
    new, outcome = apply_decisions(detection, Decisions(remove=(_d("remove", text="Rose"),)))
    assert "rose" not in texts_of(new) and outcome.unmatched  # "prices rose" stays


def test_remove_candidate_id_makes_a_mention() -> None:
    detection = make_detection()
    zanele = detection.candidates[0]
    new, outcome = apply_decisions(detection, Decisions(remove=(_d("remove", id=zanele.id),)))
    found = [m for m in new.mentions if m.text == "Zanele"]
    assert len(found) == 1 and found[0].detector == "reviewer" and found[0].start == zanele.start
    assert zanele.id not in {c.id for c in new.candidates}
    assert (zanele.id, "remove") in outcome.reviewed


def test_keep_candidate_marks_it_reviewed() -> None:
    detection = make_detection()
    zanele = detection.candidates[0]
    new, outcome = apply_decisions(detection, Decisions(keep=(_d("keep", id=zanele.id),)))
    assert zanele.id not in {c.id for c in new.candidates} and outcome.kept_candidates == (zanele,)
    assert new.mentions == detection.mentions


def test_removal_wins_over_keep() -> None:
    detection = make_detection()
    target = detection.mentions[0]
    new, _ = apply_decisions(detection, Decisions(keep=(_d("keep", id=target.id),), remove=(_d("remove", id=target.id),)))
    assert target in new.mentions


def test_stale_ids_and_absent_terms_are_reported() -> None:
    detection = make_detection()
    stale = (_d("keep", id="F-deadbeef"), _d("remove", id="C-deadbeef"), _d("remove", text="Ngozi"))
    new, outcome = apply_decisions(detection, Decisions(keep=stale[:1], remove=stale[1:]))
    assert new.mentions == detection.mentions
    assert outcome.unmatched == stale and not outcome.applied


def test_same_input_same_output_and_several_documents() -> None:
    decisions = Decisions(keep=(_d("keep", text="Bolivia"),), remove=(_d("remove", text="Kofi"), _d("remove", text="Zanele")))
    first = apply_decisions(make_detection(), decisions)
    second = apply_decisions(make_detection(), decisions)
    assert first == second
    many, merged = apply_decisions([make_detection(), make_detection()], decisions)
    assert many == [first[0], first[0]] and not merged.unmatched
    assert {a.decision.text: a.count for a in merged.applied} == {"Bolivia": 2, "Kofi": 6, "Zanele": 2}


def _d(action: str, **fields):  # a Decision, briefly
    from chatham_notes.decisions import Decision

    return Decision(action, **fields)


def test_a_kept_party_form_is_no_needle_so_the_summary_is_written(tmp_path) -> None:
    """Regression: keeping a text the party book propagated made the leak check refuse (its
    forms were still needles); a reviewer's keep stands everywhere, the check included."""
    from chatham_notes import pipeline

    note = tmp_path / "n.md"
    note.write_text("Farida Haddad (Ipsos): the survey closes in May.\n\nHaddad agreed with the others.\n",
                    encoding="utf-8")
    decisions = tmp_path / "d.yaml"
    decisions.write_text("keep:\n  - text: Haddad\n", encoding="utf-8")
    result = pipeline.summarise([note], tmp_path / "s.docx", decisions=decisions)
    assert result.output.is_file()
    from chatham_notes.verify import document_text

    assert "Haddad" in document_text(result.output) and "Farida" not in document_text(result.output)
