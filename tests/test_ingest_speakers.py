"""Speaker-label parsing: every label form in English and French, and the look-alikes that are not labels."""

from __future__ import annotations

import pytest

from chatham_notes.ingest.speakers import is_name_like, parse_label, split_voice
from chatham_notes.model import Speaker


@pytest.mark.parametrize(
    ("line", "name", "affiliation", "rest"),
    [
        ("Jane Doe: we agree.", "Jane Doe", None, "we agree."),
        ("Amina (UNODC): the data are scarce.", "Amina", "UNODC", "the data are scarce."),
        ("**Jane Doe** — prices rose.", "Jane Doe", None, "prices rose."),
        ("**Jane Doe**: thanks.", "Jane Doe", None, "thanks."),
        ("**Jane Doe:** thanks.", "Jane Doe", None, "thanks."),
        ("**AM (UNODC):** yes.", "AM", "UNODC", "yes."),
        ("**Jean Roe** (WHO): indeed.", "Jean Roe", "WHO", "indeed."),
        ("AM (UNODC): the branch agrees.", "AM", "UNODC", "the branch agrees."),
        ("JCG (Malongo): coffee prices.", "JCG", "Malongo", "coffee prices."),
        ("Q (Médecins du Monde): how?", "Q", "Médecins du Monde", "how?"),
        ("Dr. Diallo: welcome.", "Dr. Diallo", None, "welcome."),
        ("Dr Diallo (WHO): welcome.", "Dr Diallo", "WHO", "welcome."),
        ("Mme NGUYEN : oui, tout à fait.", "Mme NGUYEN", None, "oui, tout à fait."),
        ("Mme NGUYEN\u00a0: oui.", "Mme NGUYEN", None, "oui."),
        ("M. GUÉRIN (Malongo) : merci.", "M. GUÉRIN", "Malongo", "merci."),
        ("Jane Doe — text here", "Jane Doe", None, "text here"),
        ("Jane Doe – text here", "Jane Doe", None, "text here"),
        ("J.-C. Guérin: d'accord.", "J.-C. Guérin", None, "d'accord."),
        ("A.M.: noted.", "A.M.", None, "noted."),
        ("Jean de la Fontaine: une fable.", "Jean de la Fontaine", None, "une fable."),
        ("Nguyễn Thị Hoa: in Hanoi.", "Nguyễn Thị Hoa", None, "in Hanoi."),
        ("Jane Doe:", "Jane Doe", None, ""),
        # A timestamp before the label stays, at the start of what was said.
        ("[00:12:03] MB: we start.", "MB", None, "[00:12:03] we start."),
        ("[00:00:03] WJ : Bonjour.", "WJ", None, "[00:00:03] Bonjour."),
        ("00:14 – Kofi Asante (NDCA): yes.", "Kofi Asante", "NDCA", "00:14 yes."),
        ("(01:02:03) AM: noted.", "AM", None, "(01:02:03) noted."),
    ],
)
def test_label_forms(line: str, name: str, affiliation: str | None, rest: str) -> None:
    assert parse_label(line) == (Speaker(name, affiliation), rest)


@pytest.mark.parametrize(
    "line",
    [
        "Note: this is not a speaker.",
        "Key messages: three points.",
        "Moderator: Jane Doe, Global Initiative",
        "Modératrice : Jane Doe",
        "Objectives:",
        "Objectifs :",
        "Recommandations : deux pistes",
        "https://example.org/page",
        "16h: opening",
        "10:30 coffee break",
        "Reappraising the problems to tackle — Ajuster la problématisation",
        "the UNODC colleague: said so",
        "EN: The meeting opened.",
        "FR : La séance est ouverte.",
        "Prochaine réunion : mardi",
        "This sentence has far too many words to be a label: really.",
        "Contact: a.b@example.org",
        "Session 2: health",
        "[10:30] Coffee break",
        "09:00 – Session 1: opening",
        "[00:05:00] Note: the sound dropped.",
        "Andes: coca growers earn three times more.",  # a place opens a topic, not a turn
    ],
)
def test_not_labels(line: str) -> None:
    assert parse_label(line) is None


def test_a_language_marker_with_an_affiliation_is_a_speaker_and_the_note_keeps_it_one() -> None:
    from chatham_notes.ingest.speakers import speaking_lead_ins

    assert parse_label("FR (ministère de la Santé) : bonjour.") == (Speaker("FR", "ministère de la Santé"), "bonjour.")
    lines = ["FR (ministère de la Santé) : bonjour.", "FR : merci."]
    assert speaking_lead_ins(lines) == {"fr"}
    assert parse_label("FR : merci.", speaking_lead_ins(lines)) == (Speaker("FR"), "merci.")
    assert parse_label("FR : merci.") is None


def test_name_like() -> None:
    assert is_name_like("Jean-Claude Guérin")
    assert is_name_like("A.M.")
    assert not is_name_like("priya")
    assert not is_name_like("Key Messages")


def test_voice_with_affiliation() -> None:
    assert split_voice("Jane Doe (UNODC)") == Speaker("Jane Doe", "UNODC")
    assert split_voice(" Jane Doe ") == Speaker("Jane Doe")
