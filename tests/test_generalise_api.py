"""The generalisation stage's public API: options, block mapping, lists, documents of one summary."""

from __future__ import annotations

import dataclasses

import pytest

from chatham_notes.generalise import GeneraliseOptions, generalise, generalise_many
from chatham_notes.model import Lang, Level, Placeholder, PlaceholderKind, Sector
from chatham_notes.generalise.wording import render_segments
from test_generalise_fake import make_detection, make_parties, make_roster

PARTIES = make_parties({
    "P1": {"label": "Amina Diallo", "sector": "academia"},
    "P2": {"label": "Ben Carter", "sector": "academia"},
    "P3": {"label": "Lan Nguyen", "sector": "private_sector"},
    "O1": {"label": "Kestrel Institute", "sector": "academia"},
})
MARKS = {"Amina Diallo": "P1", "Amina": "P1", "Ben Carter": "P2", "Ben": "P2", "Lan": "P3",
         "Kestrel Institute": "O1", "amina@example.org": "email"}


def _holders(blocks) -> list[Placeholder]:
    return [s for b in blocks for s in (*b.segments, *(b.label or ())) if isinstance(s, Placeholder)]


def test_options_are_frozen_with_documented_defaults() -> None:
    options = GeneraliseOptions()
    assert (options.level, options.k, options.pseudonyms) == (Level.PARTICIPANT, 3, False)
    with pytest.raises(dataclasses.FrozenInstanceError):
        options.k = 1  # type: ignore[misc]


def test_one_generalised_block_per_block_in_order() -> None:
    blocks = [{"text": "Intro.", "kind": "heading"}, {"text": "Amina said so."},
              {"text": "Hi.", "speaker": "Ben"}, {"text": "No names here."}]
    result = generalise(make_detection(blocks, MARKS, PARTIES, Lang.EN), None, GeneraliseOptions())
    assert [b.block.id for b in result] == ["b1", "b2", "b3", "b4"]
    assert [b.label is not None for b in result] == [False, False, True, False]
    assert result[3].segments == ("No names here.",)


def test_k_fallback_two_people_of_one_sector_give_no_sector() -> None:
    """Two academics (no roster: the people found) and k = 3: no sector; k = 2: the sector."""
    detection = make_detection([{"text": "Amina said so."}], MARKS, PARTIES, Lang.EN)
    at_three = _holders(generalise(detection, None, GeneraliseOptions(level=Level.SECTOR, k=3)))
    at_two = _holders(generalise(detection, None, GeneraliseOptions(level=Level.SECTOR, k=2)))
    assert [h.sector for h in at_three] == [None]
    assert [h.sector for h in at_two] == [Sector.ACADEMIA]


def test_roster_counts_win_over_the_people_found() -> None:
    detection = make_detection([{"text": "Lan said so."}], MARKS, PARTIES, Lang.EN)
    roster = make_roster({"private_sector": 3})
    holders = _holders(generalise(detection, roster, GeneraliseOptions(level=Level.SECTOR)))
    assert holders[0].sector == Sector.PRIVATE


def test_placeholders_carry_their_findings() -> None:
    detection = make_detection([{"text": "Amina (amina@example.org) said so."}], MARKS, PARTIES, Lang.EN)
    holders = _holders(generalise(detection, None, GeneraliseOptions()))
    found = {m.id for m in detection.mentions}
    assert {i for h in holders for i in h.mention_ids} == found
    assert holders[0].source_kind is not None


def test_participants_list_becomes_one_attendance_sentence_per_section() -> None:
    blocks = [{"text": "Participants: Amina Diallo, Ben Carter", "kind": "bullet", "section": "h1"},
              {"text": "Lan", "kind": "table_cell", "section": "h1"},
              {"text": "Amina Diallo", "kind": "bullet", "section": "h2"}]
    result = generalise(make_detection(blocks, MARKS, PARTIES, Lang.EN), None, GeneraliseOptions())
    assert [b.removed_reason for b in result] == ["participants list"] * 3
    assert [len(b.segments) for b in result] == [1, 0, 1]
    first = result[0].segments[0]
    assert isinstance(first, Placeholder) and first.kind == PlaceholderKind.ATTENDANCE
    assert (first.count, first.sectors) == (3, 2)
    assert render_segments(result[0].segments, Lang.FR) == "Trois personnes de deux secteurs y ont pris part."


def test_a_block_of_contacts_only_is_removed() -> None:
    result = generalise(make_detection([{"text": "amina@example.org"}], MARKS, PARTIES, Lang.EN), None,
                        GeneraliseOptions())
    assert result[0].removed_reason and result[0].segments == ()


def test_generalise_many_shares_pseudonyms_and_counts_across_documents() -> None:
    first = make_detection([{"text": "Amina said so."}], MARKS, PARTIES, Lang.EN)
    second = make_detection([{"text": "Ben and Amina agreed."}], MARKS, PARTIES, Lang.EN)
    docs = generalise_many([first, second], None, GeneraliseOptions(pseudonyms=True))
    assert [render_segments(b.segments, Lang.EN) for doc in docs for b in doc] == [
        "Participant A said so.", "Participant B and Participant A agreed."]


def test_each_document_starts_a_new_exchange() -> None:
    first = make_detection([{"text": "Amina said so."}], MARKS, PARTIES, Lang.EN)
    second = make_detection([{"text": "Ben said no."}], MARKS, PARTIES, Lang.EN)
    docs = generalise_many([first, second], None, GeneraliseOptions())
    assert render_segments(docs[1][0].segments, Lang.EN) == "A participant said no."


def test_no_pseudonyms_by_default_so_turns_cannot_be_linked() -> None:
    blocks = [{"text": "One.", "speaker": "Amina"}, {"text": "Two.", "speaker": "Ben"},
              {"text": "Three.", "speaker": "Amina"}]
    result = generalise(make_detection(blocks, MARKS, PARTIES, Lang.EN), None, GeneraliseOptions())
    assert all(h.pseudonym is None for h in _holders(result))
    assert [render_segments(b.label, Lang.EN) for b in result if b.label] == [
        "Intervention 1", "Intervention 2", "Intervention 3"]
    assert [render_segments(b.label, Lang.FR) for b in result if b.label] == [
        "Intervention 1", "Intervention 2", "Intervention 3"]


def test_turns_are_numbered_per_note_and_paragraphs_do_not_count() -> None:
    first = make_detection([{"text": "One.", "speaker": "Amina"}, {"text": "Ben said no."},
                            {"text": "Two.", "speaker": "Ben"}], MARKS, PARTIES, Lang.EN)
    second = make_detection([{"text": "Again.", "speaker": "Amina"}], MARKS, PARTIES, Lang.EN)
    docs = generalise_many([first, second], None, GeneraliseOptions())
    labels = [[render_segments(b.label, Lang.EN) for b in doc if b.label] for doc in docs]
    assert labels == [["Intervention 1", "Intervention 2"], ["Intervention 1"]]


def test_pseudonyms_keep_their_labels() -> None:
    blocks = [{"text": "One.", "speaker": "Amina"}, {"text": "Two.", "speaker": "Ben"},
              {"text": "Three.", "speaker": "Amina"}]
    result = generalise(make_detection(blocks, MARKS, PARTIES, Lang.EN), None, GeneraliseOptions(pseudonyms=True))
    assert [render_segments(b.label, Lang.EN) for b in result if b.label] == [
        "Participant A", "Participant B", "Participant A"]


def test_the_speaker_still_counts_for_another_participant_in_the_text() -> None:
    blocks = [{"text": "I agree with Ben.", "speaker": "Amina"}]
    result = generalise(make_detection(blocks, MARKS, PARTIES, Lang.EN), None, GeneraliseOptions())
    assert render_segments(result[0].segments, Lang.EN) == "I agree with another participant."


@pytest.mark.parametrize("lang, openers", [
    (Lang.EN, ["A participant", "Another participant", "A further participant", "Another participant",
               "A further participant"]),
    (Lang.FR, ["Une personne participante", "Une autre personne participante", "Une autre personne",
               "Une autre personne participante", "Une autre personne"]),
])
def test_a_run_of_another_participant_openers_is_varied(lang, openers) -> None:
    names = ["Amina", "Ben", "Lan", "Amina", "Ben"]
    verb = "said so." if lang == Lang.EN else "le confirme."
    blocks = [{"text": f"{name} {verb}"} for name in names]
    result = generalise(make_detection(blocks, MARKS, PARTIES, lang), None, GeneraliseOptions())
    got = [render_segments(b.segments, lang) for b in result]
    assert [g[:-len(verb) - 1] for g in got] == openers
