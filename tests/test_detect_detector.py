"""Detector end to end with the real spaCy pipelines: labels, linking, parties, merging, languages."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from chatham_notes.detect import Detector
from chatham_notes.model import (Block, BlockKind, Detection, Field, Kind, Lang, Location, Metadata, NoteDocument,
                                 Participant, Roster, Sector, Speaker)

pytestmark = pytest.mark.slow
LOC = Location("notes.md")
ROSTER = Roster((
    Participant("p1", "Amina Mensah", affiliation="UNODC", sector=Sector.INTERNATIONAL),
    Participant("p2", "Nguyễn Thị Lan", affiliation="Hanoi Medical University", sector=Sector.ACADEMIA),
    Participant("p3", "Rose Grand", affiliation="PAS", sector=Sector.CIVIL_SOCIETY),
))


def doc(*blocks: Block, source: str = "notes.md") -> NoteDocument:
    return NoteDocument(source, Metadata(), blocks)


def para(bid: str, text: str, lang: Lang = Lang.EN) -> Block:
    return Block(bid, BlockKind.PARAGRAPH, text, lang, LOC)


def turn(bid: str, name: str, aff: str | None, text: str, lang: Lang = Lang.EN) -> Block:
    return Block(bid, BlockKind.TURN, text, lang, LOC, Speaker(name, aff))


def texts(det: Detection, kind: Kind | None = None) -> list[str]:
    return [m.text for m in det.mentions if kind is None or m.kind is kind]


@pytest.fixture(scope="module")
def with_roster() -> Detection:
    return Detector(ROSTER).detect(doc(
        turn("b1", "Amina", "UNODC", "Thanks. Prices rose in 2023 and Dr Okafor said the CND and INCB must act on SDG 3."),
        para("b2", "Selon Mme GRAND, un grand merci à nguyen thi lan et à l'ONUDC.", Lang.FR),
        para("b3", "AM agreed with Lan; the PAS network was not pas mal. Hanoi Medical University will host.",
             Lang.MIXED),
        turn("b4", "Q", "Coalition PLUS", "What about naloxone in Abidjan?"),
    ))


def test_roster_mentions_link_to_participants(with_roster: Detection) -> None:
    by_text = {m.text: m for m in with_roster.mentions}
    assert by_text["Amina"].field is Field.SPEAKER
    p1 = with_roster.party(by_text["Amina"].party_id)
    assert p1.participant_id == "p1" and by_text["AM"].party_id == p1.id
    assert by_text["nguyen thi lan"].party_id == by_text["Lan"].party_id
    assert by_text["Mme GRAND"].kind is Kind.PERSON
    org = with_roster.party(p1.affiliation_id)
    assert org.sector is Sector.INTERNATIONAL and by_text["ONUDC"].party_id == org.id
    assert by_text["UNODC"].party_id == org.id


def test_content_and_common_words_stay(with_roster: Detection) -> None:
    found = " | ".join(texts(with_roster))
    for term in ("CND", "INCB", "SDG", "rose", "grand merci", "pas mal", "naloxone", "2023"):
        assert term not in found.split(" | ")
    assert "Abidjan" not in found


def test_generic_label_keeps_affiliation(with_roster: Detection) -> None:
    b4 = [m for m in with_roster.mentions if m.block_id == "b4"]
    assert [(m.field, m.text) for m in b4] == [(Field.SPEAKER_AFFILIATION, "Coalition PLUS")]


def test_place_inside_affiliation_goes_with_it(with_roster: Detection) -> None:
    assert "Hanoi Medical University" in texts(with_roster, Kind.AFFILIATION)
    assert "Hanoi" not in texts(with_roster)


def test_title_is_part_of_the_mention(with_roster: Detection) -> None:
    assert "Dr Okafor" in texts(with_roster, Kind.PERSON)


def test_discovered_names_are_linked_across_blocks_and_documents() -> None:
    d1 = doc(para("a1", "Kwame Boateng said harm reduction works."), para("a2", "KB then added a caveat."))
    d2 = doc(para("c1", "Boateng a rappelé les chiffres.", Lang.FR), source="other.md")
    det1, det2 = Detector().detect_many([d1, d2])
    ids = {m.text: m.party_id for m in det1.mentions + det2.mentions if m.kind is Kind.PERSON}
    assert ids["Kwame Boateng"] == ids["KB"] == ids["Boateng"] == "P1"


def test_party_ids_are_stable_and_in_order_of_appearance() -> None:
    d = doc(turn("t1", "Priya Raman", "IDPC", "Hello."), para("t2", "Dr Okafor and Priya Raman disagreed."))
    first, second = Detector().detect(d), Detector().detect(d)
    assert [(m.id, m.party_id) for m in first.mentions] == [(m.id, m.party_id) for m in second.mentions]
    person = first.party("P1")
    assert person.label == "Priya Raman" and first.party(person.affiliation_id).label == "IDPC"


def test_unknown_capitalised_words_are_found_or_listed_for_review() -> None:
    det = Detector().detect(doc(para("x1", "The team met the Zorblax group and discussed naloxone with Qwertyn.")))
    flagged = texts(det) + [c.text for c in det.candidates]
    assert "Zorblax" in flagged and "Qwertyn" in flagged
    assert "naloxone" not in flagged


def test_only_languages_present_are_loaded() -> None:
    code = textwrap.dedent("""
        from chatham_notes.detect import Detector
        from chatham_notes.detect.ner import loaded_languages
        from chatham_notes.model import *
        d = NoteDocument("n", Metadata(), (Block("b", BlockKind.PARAGRAPH, "Amina Diallo spoke.", Lang.EN, Location("n")),))
        assert loaded_languages() == ()
        Detector().detect(d)
        print(",".join(loaded_languages()))
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "en"
    assert "Amina" not in out.stderr


def test_role_label_nested_affiliation_and_vetoed_places() -> None:
    det = Detector().detect(doc(
        turn("r1", "Ines Valdivia", "moderator", "Welcome; we are under the Chatham House rule."),
        para("r2", "The head of the research branch at UNODC followed online, from Kenya."),
        para("r3", "Notre hôte de l'Université Gaston Berger a proposé un partenariat.", Lang.FR),
        para("r4", "Kenya and Togo were in the sample; the figures come out in June.")))
    kinds = {(m.text, m.kind) for m in det.mentions}
    assert ("moderator", Kind.ROLE) in kinds
    assert ("UNODC", Kind.AFFILIATION) in kinds
    assert ("The head of the research branch at UNODC", Kind.ROLE) in kinds
    assert ("Université Gaston Berger", Kind.AFFILIATION) in kinds
    assert not {"Kenya", "Togo", "June", "Chatham"} & {m.text for m in det.mentions}


def test_misspelt_and_lower_case_names_link_to_a_discovered_person() -> None:
    det = Detector().detect(doc(
        para("f1", "priya? no - pria (spelling unclear) from UNAIDS asked about funding."),
        para("f2", "Bernard LAPOINTE a parlé.", Lang.FR),
        para("f3", "Lapoint (orthographe ?) propose un financement.", Lang.FR),
        para("f4", "Prices in Peru rose; the pricing was unclear.")))
    people = {m.text: m.party_id for m in det.mentions if m.kind is Kind.PERSON}
    assert people["priya"] == people["pria"]
    assert people["Lapoint"] == people["Bernard LAPOINTE"]
    assert not {"Prices", "pricing", "Peru"} & set(people)


# --------------------------------------------------------------------------- informal notes, appositions, instruments


@pytest.fixture(scope="module")
def informal_fr() -> Detection:
    return Detector().detect(doc(
        para("i1", "qqn du PNUD - peut-être m. diabaté - a parlé des génériques", Lang.FR),
        para("i2", "diabate encore : 4 % seulement des usagers sont traités", Lang.FR),
        para("i3", "awa k. envoie le protocole à tout le monde", Lang.FR),
        para("i4", "awa pense que le test coûte trop cher", Lang.FR),
        para("i5", "je suis d'accord avec Ingrid sur ce point", Lang.FR),
    ))


def test_lower_case_title_and_accent_stripped_links(informal_fr: Detection) -> None:
    people = texts(informal_fr, Kind.PERSON)
    assert "m. diabaté" in people and "diabate" in people
    assert "awa" in people
    assert not any("accord" in p for p in people)


def test_an_apposition_after_a_person_is_their_affiliation() -> None:
    det = Detector().detect(doc(para("a1", "M. Lucien Farrugia, d'Alvéa, a rappelé les chiffres.", Lang.FR),
                                para("a2", "Dr Ines Koller, from Sanovia, presented the pilot.")))
    assert {"Alvéa", "Sanovia"} <= set(texts(det, Kind.AFFILIATION))


def test_a_name_inside_an_instrument_is_not_linked() -> None:
    det = Detector().detect(doc(para("n1", "Dr Winnie Baraka opened the session."),
                                para("n2", "The Winnie Baraka Rules were cited twice.")))
    assert not [m for m in det.mentions if m.block_id == "n2" and m.kind is Kind.PERSON]


def test_roster_alias_and_double_surname_end_to_end() -> None:
    roster = Roster((Participant("r1", "Margarida Souto Ferreira", aliases=("Gui",)),))
    det = Detector(roster).detect(doc(para("r1", "Gui will circulate the list."),
                                      para("r2", "Souto agreed; gui asked about prisons.")))
    assert {"Gui", "Souto", "gui"} <= set(texts(det, Kind.PERSON))


def test_a_shared_first_name_is_a_person_tied_to_no_participant() -> None:
    roster = Roster((
        Participant("s1", "Rose Young", affiliation="Meridian Pharma"),
        Participant("s2", "Rose Martin", affiliation="DPV"),
        Participant("s3", "Émilie Gauthier"),
        Participant("s4", "Eric Gaston"),
    ))
    det = Detector(roster).detect(doc(
        turn("b1", "Rose", None, "Prices rose in 2023. EG had the figures."),
        para("b2", "We then heard from Rose, and Rose Young agreed.", Lang.EN),
    ))
    people = [(m.text, m.party_id) for m in det.mentions if m.kind is Kind.PERSON]
    assert ("Rose", None) in people and ("EG", None) in people
    assert "rose" not in texts(det)  # "prices rose" stays
    full = next(m for m in det.mentions if m.text == "Rose Young")
    assert det.party(full.party_id).participant_id == "s1"
    assert {p.participant_id for p in det.parties if p.kind is Kind.PERSON} == {"s1"}


def test_detect_ner_parallel_split_gives_the_serial_result(monkeypatch):
    """Large inputs are shared between forked workers; the entities are the same, in order."""
    from chatham_notes.detect import ner

    texts = [f"Amina Kebe met Jonas Weber of UNODC in Dakar on day {n}." for n in range(40)]
    serial = ner.entities(texts, "en")
    monkeypatch.setattr(ner, "PARALLEL_MIN_CHARS", 0)
    monkeypatch.setattr(ner, "_worker_count", lambda chars: 2)
    assert ner.entities(texts, "en") == serial
    assert any(e.label == "PERSON" for ents in serial for e in ents)


def test_detector_recognisers_and_stages_can_be_narrowed() -> None:
    """One named, ordered list: a test can switch one recogniser or stage off and see what it did."""
    from chatham_notes.detect.detector import STAGES
    from chatham_notes.detect.recognisers import RECOGNISERS

    note = doc(para("v1", "Ingrid Solberg (Norwegian Directorate of Health) opened the session."),
               para("v2", "Chair: Thanks, Ingrid — next question."))
    def texts(d):
        return {(m.block_id, m.text) for m in d.mentions}

    everything = {r.name for r in RECOGNISERS} | set(STAGES)
    only_vocatives = Detector(disabled=everything - {"vocatives"}).detect(note)
    assert [(m.block_id, m.text, m.detector) for m in only_vocatives.mentions] == [("v2", "Ingrid", "cue:vocative")]
    with_propagation = Detector(disabled=everything - {"vocatives", "propagation"}).detect(note)
    assert ("v1", "Ingrid") in texts(with_propagation)  # the party's form, found again in the other block
    assert ("v2", "Ingrid") in texts(Detector().detect(note))
    assert len({r.name for r in RECOGNISERS}) == len(RECOGNISERS) and "propagation" in STAGES
    with pytest.raises(ValueError):
        Detector(disabled={"no-such-stage"})
