"""Roster recogniser and name variants: every form, in English and French, and the common-word rules."""

from __future__ import annotations

import pytest

from chatham_notes.detect import roster_needles
from chatham_notes.detect.roster_match import RosterMatcher
from chatham_notes.detect.text import AMBIGUOUS
from chatham_notes.detect.variants import initials_forms
from chatham_notes.model import Field, Kind, Participant, Roster, Sector

ROSTER = Roster((
    Participant("p1", "Amina Mensah", affiliation="UNODC", sector=Sector.INTERNATIONAL),
    Participant("p2", "Nguyễn Thị Lan", affiliation="Hanoi Medical University", sector=Sector.ACADEMIA),
    Participant("p3", "Rose Grand", affiliation="PAS", sector=Sector.CIVIL_SOCIETY),
    Participant("p4", "Jean-Claude Gomis", aliases=("JC",)),
    Participant("p5", "Paul Me"),
    Participant("p6", "Sophie Petit"),
    Participant("p7", "Sophie Lord"),
))


@pytest.fixture(scope="module")
def matcher() -> RosterMatcher:
    return RosterMatcher(ROSTER)


def found(matcher: RosterMatcher, text: str, field: Field = Field.TEXT) -> list[tuple[str, str | None]]:
    return [(h.text, h.key) for h in matcher.find(text, "b", field)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Amina Mensah opened the session.", [("Amina Mensah", "r:p1")]),
    ("Then Mensah's point was taken up.", [("Mensah", "r:p1")]),
    ("Selon MENSAH, la réduction des risques marche.", [("MENSAH", "r:p1")]),
    ("nguyen thi lan présente les données.", [("nguyen thi lan", "r:p2")]),
    ("Dr Nguyễn answered.", [("Nguyễn", "r:p2")]),
    ("AM and A.M. agreed, at 10 AM.", [("AM", "r:p1"), ("A.M.", "r:p1")]),
    ("J.-C. et JCG puis Jean Claude Gomis.", [("J.-C.", "r:p4"), ("JCG", "r:p4"), ("Jean Claude Gomis", "r:p4")]),
    ("Mensha replied quickly.", [("Mensha", "r:p1")]),
    ("Les chercheurs de l'ONUDC et de UNODC.", [("ONUDC", "ra:p1"), ("UNODC", "ra:p1")]),
])
def test_name_forms(matcher: RosterMatcher, text: str, expected: list) -> None:
    got = found(matcher, text)
    for item in expected:
        assert item in got


@pytest.mark.parametrize("text", [
    "Prices rose sharply in 2023.",
    "Un grand merci aux organisateurs.",
    "Grand merci à tous.",
    "Me Dupont, avocate, a plaidé.",
    "Ce n'est pas facile.",
    "Il est petit, le budget.",
    "The House of Lords debated it.",
])
def test_common_words_are_not_names(matcher: RosterMatcher, text: str) -> None:
    assert found(matcher, text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Ms Grand noted the gap.", "Grand"),
    ("The data, Grand said, are thin.", "Grand"),
    ("We then heard from Rose about it.", "Rose"),
    ("Rose Grand a rappelé les chiffres.", "Rose Grand"),
    ("Paul Me agreed.", "Paul Me"),
    ("Mme Petit a souligné le point.", "Petit"),
    ("Le réseau PAS a répondu.", "PAS"),
])
def test_common_word_names_in_naming_contexts(matcher: RosterMatcher, text: str, expected: str) -> None:
    assert expected in [t for t, _ in found(matcher, text)]


def test_speaker_label_common_word_matches(matcher: RosterMatcher) -> None:
    assert found(matcher, "Grand", Field.SPEAKER) == [("Grand", "r:p3")]


def test_fuzzy_does_not_fire_on_ordinary_words(matcher: RosterMatcher) -> None:
    assert found(matcher, "Mentions of mensal reports and Gomez.") == []


def test_ambiguous_first_name_is_a_person_of_no_participant(matcher: RosterMatcher) -> None:
    assert found(matcher, "Sophie spoke.") == [("Sophie", AMBIGUOUS)]
    assert ("Sophie Petit", "r:p6") in found(matcher, "Sophie Petit spoke.")


@pytest.mark.parametrize(("name", "forms"), [
    ("Amina Mensah", {"AM", "A.M.", "A. M."}),
    ("Jean-Claude Gomis", {"JCG", "J-C", "J.-C.", "J.C.G."}),
])
def test_initials(name: str, forms: set[str]) -> None:
    assert forms <= initials_forms(name)


def test_roster_needles_cover_names_affiliations_and_other_language_acronyms() -> None:
    needles = roster_needles(ROSTER)
    strings = {(s, k, p) for s, k, p in needles}
    assert ("Amina Mensah", Kind.PERSON, "p1") in strings
    assert ("Mensah", Kind.PERSON, "p1") in strings
    assert ("AM", Kind.PERSON, "p1") in strings
    assert ("ONUDC", Kind.AFFILIATION, "p1") in strings
    assert ("Hanoi Medical University", Kind.AFFILIATION, "p2") in strings
    assert {("Sophie", "p6"), ("Sophie", "p7")} <= {(s, p) for s, _, p in needles}  # shared: still a name


@pytest.mark.parametrize(("text", "expected"), [
    ("Rose's point about sequencing was taken up.", ("Rose", "r:p3")),
    ("Grand's remarks were noted.", ("Grand", "r:p3")),
    ("Rose, you had a question in the chat?", ("Rose", "r:p3")),
    ("Petit (observer) asked whether the convention allows this.", ("Petit", "r:p6")),
    ("Petit (observatrice) a demandé la parole.", ("Petit", "r:p6")),
    ("Amina M. - budgets fell by 30 %.", ("Amina M.", "r:p1")),
    ("Mensah A. a répondu.", ("Mensah A.", "r:p1")),
])
def test_common_word_names_at_sentence_start_and_short_forms(matcher: RosterMatcher, text: str, expected) -> None:
    assert expected in found(matcher, text)


@pytest.mark.parametrize("text", ["Prices rose, then fell.", "Rose prices fell.", "Grand merci, vraiment."])
def test_sentence_start_common_words_stay(matcher: RosterMatcher, text: str) -> None:
    assert found(matcher, text) == []


# --------------------------------------------------------------------------- short aliases, informal case, double surnames

INFORMAL = Roster((
    Participant("q1", "Patricia Ochoa Lindqvist", aliases=("Pat",)),
    Participant("q2", "Aimée Kowalczyk", aliases=("Hope",)),
    Participant("q3", "Luiza Pereira da Mota"),
))


@pytest.fixture(scope="module")
def informal() -> RosterMatcher:
    return RosterMatcher(INFORMAL)


@pytest.mark.parametrize(("text", "expected"), [
    ("Ochoa presented the figures.", "Ochoa"),  # the first part of a double surname
    ("Patricia Ochoa opened.", "Patricia Ochoa"),
    ("Pat will share the slides.", "Pat"),  # a roster alias as written, at a sentence start
    ("Pat va partager les diapositives.", "Pat"),
    ("pat asked about prisons", "pat"),  # a common-word alias in lower case before an attribution verb
    ("aimee closing: next call Thursday", "aimee"),  # "aimée" is a word, "aimee" only the name
    ("aimée a conclu la séance", "aimée"),
    ("Selon Pereira, les chiffres baissent.", "Pereira"),
])
def test_aliases_informal_case_and_middle_parts(informal: RosterMatcher, text: str, expected: str) -> None:
    assert expected in [t for t, _ in found(informal, text)]


@pytest.mark.parametrize("text", [
    "Hope this helps the group.",  # an alias before an article is the ordinary word
    "A pat on the back for the team.",
    "the pat asked nothing",
    "Elle est aimée de tous.",
])
def test_common_word_aliases_stay_words(informal: RosterMatcher, text: str) -> None:
    assert found(informal, text) == []


# --------------------------------------------------------------------------- forms two participants share

SHARED = Roster((
    Participant("s1", "Rose Young", affiliation="Meridian Pharma"),
    Participant("s2", "Rose Martin"),
    Participant("s3", "Moussa Keïta"),
    Participant("s4", "Moussa Diop"),
    Participant("s5", "Émilie Gauthier"),
    Participant("s6", "Eric Gaston"),
    Participant("s7", "Claire Dubois"),
    Participant("s8", "Tomasz Wierzbicki", aliases=("Tom",), affiliation="United Nations Office on Drugs and Crime"),
    Participant("s9", "Joseph Mwangi"),
))


@pytest.fixture(scope="module")
def shared() -> RosterMatcher:
    return RosterMatcher(SHARED)


@pytest.mark.parametrize(("text", "expected"), [
    ("Rose said the figures were old.", ("Rose", AMBIGUOUS)),  # a common word, before a cue
    ("We then heard from Rose about it.", ("Rose", AMBIGUOUS)),  # mid-sentence, capitalised
    ("Moussa s'est demandé si le plan tenait.", ("Moussa", AMBIGUOUS)),
    ("Moussa’s point was taken up.", ("Moussa", AMBIGUOUS)),
    ("Pour EG, le plan manque de moyens.", ("EG", AMBIGUOUS)),  # ÉG and EG: two people
    ("Then Tom from UNODC stressed the gap.", ("Tom", "r:s8")),
    ("Tom from United Nations Office on Drugs and Crime stressed the gap.", ("Tom", "r:s8")),
    ("Claire s’est demandé si le budget suivrait.", ("Claire", "r:s7")),
    ("Joseph from Open Horizons Foundation stressed that funding fell.", ("Joseph", "r:s9")),
])
def test_shared_and_common_word_forms_are_found(shared: RosterMatcher, text: str, expected) -> None:
    assert expected in found(shared, text)


@pytest.mark.parametrize("text", [
    "Prices rose, then fell.",
    "Rose prices fell.",
    "The rose garden was closed.",
    "Il est tout à fait claire.",  # a misspelt adjective, not a name
])
def test_shared_common_words_keep_the_care_rules(shared: RosterMatcher, text: str) -> None:
    assert found(shared, text) == []


def test_shared_forms_are_leak_needles_and_unaccented_initials_too() -> None:
    needles = {(s, p) for s, k, p in roster_needles(SHARED) if k is Kind.PERSON}
    assert {("Rose", "s1"), ("Rose", "s2"), ("Moussa", "s3"), ("Moussa", "s4")} <= needles
    assert {("EG", "s5"), ("ÉG", "s5"), ("EG", "s6")} <= needles


def test_shared_forms_are_not_fuzzy_matched(shared: RosterMatcher) -> None:
    assert found(shared, "Moussi was there.") == []  # a shared name is no participant's to correct to


def test_common_word_first_name_before_a_long_affiliation_aside():
    """Regression (5 MB benchmark note): a common-word first name, then a long affiliation in
    parentheses, then the verb: « Martin (Agence nationale de lutte contre la drogue) estime »."""
    from chatham_notes.detect import Detector
    from chatham_notes.model import Block, BlockKind, Lang, Location, Metadata, NoteDocument, Participant, Roster

    roster = Roster((Participant("R1", "Martin Lord", affiliation="Agence nationale de lutte contre la drogue"),))
    text = "Les données manquent. Martin (Agence nationale de lutte contre la drogue) estime que le prix baisse."
    doc = NoteDocument("n.md", Metadata(), (Block("n:1", BlockKind.PARAGRAPH, text, Lang.FR, Location("n.md")),))
    found = {(m.text, m.kind.value) for m in Detector(roster).detect(doc).mentions}
    assert ("Martin", "person") in found
