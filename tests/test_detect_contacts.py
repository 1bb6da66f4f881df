"""Contacts: e-mail, URL, phone (international and French), handles; offline tldextract."""

from __future__ import annotations

import pytest

from chatham_notes.detect.contacts import find_contacts, offline_tldextract
from chatham_notes.model import Kind


@pytest.mark.parametrize(("text", "expected"), [
    ("Write to amina.mensah@unodc.org today.", [("amina.mensah@unodc.org", Kind.EMAIL)]),
    ("Écrire à k.boateng@univ-paris.fr svp.", [("k.boateng@univ-paris.fr", Kind.EMAIL)]),
    ("Call +33 6 12 34 56 78 now.", [("+33 6 12 34 56 78", Kind.PHONE)]),
    ("Appelez le 06 12 34 56 78 ou le 06.12.34.56.78.", [("06 12 34 56 78", Kind.PHONE), ("06.12.34.56.78", Kind.PHONE)]),
    ("UK office: +44 20 7946 0000.", [("+44 20 7946 0000", Kind.PHONE)]),
    ("CV at https://amina.example.org/cv and www.mensah.net.",
     [("https://amina.example.org/cv", Kind.URL), ("www.mensah.net", Kind.URL)]),
    ("Follow @amina_m for updates.", [("@amina_m", Kind.HANDLE)]),
])
def test_contacts(text: str, expected: list) -> None:
    got = [(h.text, h.kind) for h in find_contacts(text, "b")]
    assert got == expected


@pytest.mark.parametrize("text", [
    "In 2030, 1,200 people were reached; SDG 3 and UNGASS 2016.",
    "Meeting at 10 a.m. and 3 p.m., see p.12 and e.g. the table.",
    "Le 12 mars 2024, 45 % des 1 200 personnes.",
])
def test_content_is_not_a_contact(text: str) -> None:
    assert find_contacts(text, "b") == []


def test_tldextract_is_offline(capfd: pytest.CaptureFixture[str]) -> None:
    """Runs under pytest-socket (sockets disabled): must neither raise nor print."""
    assert offline_tldextract()("mail.univ-paris.fr").suffix == "fr"
    find_contacts("contact: a.b@example.co.uk, https://example.org/x", "b")
    out, err = capfd.readouterr()
    assert out == "" and err == ""


# --------------------------------------------------------------------------- names tied to contacts and parentheses


def _person(text: str, name: str):
    from chatham_notes.detect.text import Hit
    from chatham_notes.model import Field, Kind

    start = text.index(name)
    return Hit("b", Field.TEXT, start, start + len(name), name, Kind.PERSON, "cue:title", 0.9)


@pytest.mark.parametrize(("text", "name", "expected"), [
    ("Ana Quispe (Universidad Mayor de San Andrés) explained.", "Ana Quispe", ["Universidad Mayor de San Andrés"]),
    ("Dr Chloé Garnier (Agence française de développement) opened.", "Dr Chloé Garnier",
     ["Agence française de développement"]),
    ("Ruth (ECOWAS) presented the plan.", "Ruth", ["ECOWAS"]),
    ("Petit (observer) asked a question.", "Petit", []),
    ("Asantey (sp?) thinks so.", "Asantey", []),
    ("Mme Diop (Sénégal) a répondu.", "Mme Diop", []),
    ("Ines (moderator) opened.", "Ines", []),
])
def test_parentheses_after_a_person_hold_their_affiliation(text: str, name: str, expected: list[str]) -> None:
    from chatham_notes.detect.ties import paren_affiliations
    from chatham_notes.model import Field

    found = paren_affiliations([_person(text, name)], {("b", Field.TEXT): text})
    assert [h.text for h in found] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Emeka Obiora posts updates as @emeka_drugpolicy; his blog is www.emekaobiora.com.", ["Emeka Obiora"]),
    ("Écrire à Aïssa Koné : aissa.kone@example.org", ["Aïssa Koné"]),
    ("Hanoi Medical University: contact@hmu.edu.vn", []),
])
def test_names_spelt_by_a_contact_are_people(text: str, expected: list[str]) -> None:
    from chatham_notes.detect.contacts import find_contacts
    from chatham_notes.detect.ties import contact_names

    assert [h.text for h in contact_names(text, find_contacts(text, "b"), "b")] == expected


def test_phone_precheck_is_never_stricter_than_the_patterns() -> None:
    import random
    import re

    from chatham_notes.detect.contacts import _PHONE_NEEDS
    from chatham_notes.resources import read_yaml

    patterns = [re.compile(p["regex"], re.IGNORECASE | re.MULTILINE | re.DOTALL) for p in read_yaml("detect", "contacts.yaml")["phone"]]
    rng = random.Random(5)
    for _ in range(50_000):
        text = "".join(rng.choice("0123456789 .-+()") for _ in range(rng.randint(3, 18)))
        if any(p.search(text) for p in patterns):
            assert _PHONE_NEEDS.search(text), text


def test_a_block_without_contacts_does_not_load_presidio() -> None:
    import subprocess
    import sys

    code = ("import sys; from chatham_notes.detect.contacts import find_contacts; "
            "assert find_contacts('From 2023 to 2024, prices rose 12% (1,847 people). See p. 4.', 'b') == []; "
            "assert 'presidio_analyzer' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)
