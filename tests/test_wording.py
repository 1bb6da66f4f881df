"""Placeholders rendered in English and French, in context, and the other generated phrases."""

from __future__ import annotations

import pytest

from chatham_notes.model import Lang, Placeholder, PlaceholderKind, Sector
from chatham_notes.generalise.typography import NBSP
from chatham_notes.generalise.wording import phrase, placeholder_text, render_segments, spell_number

P = PlaceholderKind


def holder(kind: PlaceholderKind, **kw: object) -> Placeholder:
    return Placeholder(kind, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(("segments", "en", "fr"), [
    ([holder(P.PARTICIPANT), " said so."], "A participant said so.", "Une personne participante said so."),
    (["Selon ", holder(P.PARTICIPANT), "."], "Selon a participant.", "Selon une personne participante."),
    (["Le point de ", holder(P.ANOTHER), "."], "Le point de another participant.",
     "Le point d'une autre personne participante."),
    (["Prices rose. ", holder(P.ANOTHER), " agreed."], "Prices rose. Another participant agreed.",
     "Prices rose. Une autre personne participante agreed."),
    ([holder(P.PARTICIPANT, form="possessive"), " point"], "A participant's point", "Une personne participante point"),
    (["x", holder(P.CONTACT), " y"], "x y", "x y"),
])
def test_placeholders_in_context(segments: list, en: str, fr: str) -> None:
    assert render_segments(segments, Lang.EN) == en
    assert render_segments(segments, Lang.FR) == fr


@pytest.mark.parametrize(("sector", "en", "fr"), [
    (Sector.INTERNATIONAL, "a participant from an international organisation",
     "une personne participante issue d'une organisation internationale"),
    (Sector.CIVIL_SOCIETY, "a participant from a civil society organisation",
     "une personne participante issue de la société civile"),
    (Sector.ACADEMIA, "a participant from an academic institution", "une personne participante issue du milieu universitaire"),
    (Sector.PRIVATE, "a participant from a private company", "une personne participante issue d'une entreprise privée"),
    (Sector.GOVERNMENT, "a participant from a government body",
     "une personne participante issue d'une administration publique"),
    (Sector.FOUNDATION, "a participant from a foundation", "une personne participante issue d'une fondation"),
])
def test_every_sector_has_wording_in_both_languages(sector: Sector, en: str, fr: str) -> None:
    assert placeholder_text(holder(P.PARTICIPANT, sector=sector), Lang.EN) == en
    assert placeholder_text(holder(P.PARTICIPANT, sector=sector), Lang.FR) == fr
    for lang in (Lang.EN, Lang.FR):
        assert placeholder_text(holder(P.ORGANISATION, sector=sector), lang)
        assert placeholder_text(holder(P.ANOTHER, sector=sector, form="label"), lang)[0].isupper()


def test_organisation_without_sector() -> None:
    assert render_segments(["Funding from ", holder(P.ORGANISATION), "."], Lang.EN) == "Funding from an organisation."
    assert render_segments(["Un rapport de ", holder(P.ORGANISATION), "."], Lang.FR) == "Un rapport d'une organisation."


def test_french_contraction_with_a_phrase_starting_with_le() -> None:
    assert render_segments(["Au lieu de ", holder(P.PRONOUN, form="possessive_pronoun"), "."], Lang.FR) == \
        "Au lieu du sien."


def test_doubled_article_left_by_a_translation_is_dropped() -> None:
    assert render_segments(["the ", holder(P.PARTICIPANT), " said"], Lang.EN) == "A participant said"
    assert render_segments(["Selon la ", holder(P.PARTICIPANT), "."], Lang.FR) == "Selon une personne participante."


def test_pronouns() -> None:
    assert render_segments([holder(P.PRONOUN, form="subject"), " argue."], Lang.EN) == "They argue."
    assert render_segments(["and ", holder(P.PRONOUN, form="possessive"), " team"], Lang.EN) == "and their team"
    assert render_segments(["selon ", holder(P.PRONOUN, form="object")], Lang.FR) == "selon cette personne"


def test_pseudonyms() -> None:
    a = holder(P.PARTICIPANT, pseudonym="Participant A")
    assert render_segments(["I agree with ", a, "."], Lang.EN) == "I agree with Participant A."
    assert render_segments(["Je suis d'accord avec ", a, "."], Lang.FR) == "Je suis d'accord avec Participant·e A."


def test_attendance() -> None:
    holder23 = holder(P.ATTENDANCE, count=23, sectors=5)
    assert render_segments([holder23], Lang.EN) == "Twenty-three participants from five sectors took part."
    assert render_segments([holder23], Lang.FR) == "Vingt-trois personnes de cinq secteurs y ont pris part."
    assert render_segments([holder(P.ATTENDANCE, count=21, sectors=1)], Lang.FR) == \
        "Vingt et une personnes d'un même secteur y ont pris part."
    assert render_segments([holder(P.ATTENDANCE, count=1)], Lang.EN) == "One participant took part."
    assert render_segments([holder(P.ATTENDANCE, count=140, sectors=6)], Lang.EN) == \
        "140 participants from six sectors took part."


@pytest.mark.parametrize(("n", "en", "fr"), [
    (0, "zero", "zéro"), (1, "one", "une"), (17, "seventeen", "dix-sept"), (21, "twenty-one", "vingt et une"),
    (70, "seventy", "soixante-dix"), (71, "seventy-one", "soixante et onze"), (80, "eighty", "quatre-vingts"),
    (81, "eighty-one", "quatre-vingt-une"), (99, "ninety-nine", "quatre-vingt-dix-neuf"), (100, "100", "100"),
])
def test_spell_number(n: int, en: str, fr: str) -> None:
    assert spell_number(n, Lang.EN) == en
    assert spell_number(n, Lang.FR, feminine=True) == fr


def test_phrases_in_both_languages() -> None:
    assert "3" in phrase("level.sector", Lang.EN, k=3)
    assert phrase("level.participant", Lang.FR).startswith(f"Les attributions sont généralisées en «{NBSP}une")
    assert "Participant·e A" in phrase("pseudonyms", Lang.FR)
    with pytest.raises(KeyError):
        phrase("no.such.phrase", Lang.EN)


def test_only_english_and_french() -> None:
    with pytest.raises(ValueError):
        render_segments(["x"], Lang.MIXED)


@pytest.mark.parametrize(("segments", "expected"), [
    ([holder(P.PARTICIPANT), " said prices rose. Selon ", holder(P.ANOTHER), ", les prix ont baissé depuis."],
     "A participant said prices rose. Selon une autre personne participante, les prix ont baissé depuis."),
    (["Pour ", holder(P.PARTICIPANT), ", le modèle fonctionne bien. ", holder(P.ANOTHER), " disagreed with that view."],
     "Pour une personne participante, le modèle fonctionne bien. Another participant disagreed with that view."),
    (["Yes. ", holder(P.PARTICIPANT), " agreed."], "Yes. A participant agreed."),
])
def test_a_mixed_block_renders_each_sentence_in_its_language(segments, expected):
    from chatham_notes.generalise.wording import render_by_sentence
    from chatham_notes.language import detect_language

    assert render_by_sentence(segments, Lang.EN, detect_language) == expected
