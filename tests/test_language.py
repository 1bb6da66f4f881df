"""Per-block language detection, offline: English, French, mixed, and short text."""

from __future__ import annotations

import pytest

from chatham_notes.language import detect_language, dominant_language
from chatham_notes.model import Lang


@pytest.mark.parametrize(("text", "lang"), [
    ("The meeting opened with a discussion on coffee prices and harm reduction.", Lang.EN),
    ("Grace Rose said that harm reduction services must be funded before any crop substitution starts.", Lang.EN),
    ("La séance est ouverte par le modérateur, qui rappelle la règle de Chatham House.", Lang.FR),
    ("Selon Mme NGUYEN, le programme de méthadone peut être étendu rapidement.", Lang.FR),
    ("The panel agreed on the main points; ensuite, les participants ont souligné l'importance de la réduction des risques.",
     Lang.MIXED),
    ("Nos coopératives au Myanmar paient un prix garanti. In Bolivia the model is harder because prices rose.",
     Lang.MIXED),
])
def test_detect(text: str, lang: Lang) -> None:
    assert detect_language(text) is lang


def test_names_and_loan_words_do_not_make_a_block_mixed() -> None:
    text = "Methadone treatment in Viet Nam now reaches over 50,000 patients; Nguyen's team trains community workers."
    assert detect_language(text) is Lang.EN


@pytest.mark.parametrize("text", ["", "OK", "Merci beaucoup", "26/04/2021", "https://example.org/a/b", "AM (UNODC)"])
def test_short_text_gets_default(text: str) -> None:
    assert detect_language(text) is Lang.UNKNOWN
    assert detect_language(text, default=Lang.FR) is Lang.FR


def test_dominant_language() -> None:
    blocks = [(Lang.FR, "un deux trois quatre cinq six"), (Lang.EN, "one two"), (Lang.UNKNOWN, "x y z w v u t")]
    assert dominant_language(blocks) is Lang.FR
    assert dominant_language([], default=Lang.EN) is Lang.EN


def test_language_uncertain_block_takes_the_default():
    """Regression: lingua leans French on this English line (0.60); below the confidence bar the
    document's language wins instead of the guess."""
    text = "Chair: Dr Diallo (WHO). Rapporteur's notes, verbatim comments attributed."
    assert detect_language(text, default=Lang.EN) is Lang.EN
    assert detect_language(text) is Lang.UNKNOWN
    # with its function words ("not", "are"), the same line is plainly English: lingua is not asked
    assert detect_language("Chair: Dr Diallo (WHO). Rapporteur's notes, not verbatim; comments are not attributed.") \
        is Lang.EN


@pytest.mark.parametrize(("text", "lang"), [
    ("The prices rose in Dakar.", Lang.EN),
    ("Les prix ont augmenté à Dakar.", Lang.FR),
    ("The UN and the ONU agree.", Lang.EN),  # acronyms are not the French article "un"
    ("Mr de Souza spoke about the data.", None),  # "de": both lists, lingua decides
    ("Prices rose.", None),  # one function word: not enough
])
def test_plain_function_words_decide_without_lingua(text: str, lang: Lang | None) -> None:
    from chatham_notes.language import _clean, _plainly

    assert _plainly(_clean(text)) is lang


def test_a_note_of_plain_texts_never_loads_lingua() -> None:
    import subprocess
    import sys

    code = ("from chatham_notes import language as l; "
            "l.detect_languages(['The prices rose in Dakar, as the data show.', 'Les prix ont augmenté à Dakar.']); "
            "print(l._detector.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "0"


def test_sentence_languages_tell_each_sentence_and_short_ones_by_lingua_or_neighbour():
    from chatham_notes.language import sentence_languages

    sentences = ["Welcome everyone.", "We will start with the research findings, puis nous passerons aux études de cas.",
                 "Les données manquent encore pour l'Afrique de l'Ouest.", "12 %.", "The report links markets to outcomes."]
    assert sentence_languages(sentences, Lang.FR) == [Lang.EN, Lang.MIXED, Lang.FR, Lang.FR, Lang.EN]


def test_a_block_switches_language_only_on_a_clear_sentence_of_three_words():
    from chatham_notes.language import switches_language

    assert switches_language(["Harm reduction first.", "Sans services de réduction des risques, rien ne marche."], Lang.FR)
    assert not switches_language(["OK.", "Les prix de l'eau augmentent fortement dans les villes."], Lang.FR)
    assert not switches_language(["Water prices rose.", "Funding remains the main gap."], Lang.EN)


@pytest.mark.parametrize("text, lang", [
    ("I'm Trần Khắc Hưng, from the provincial health service.", Lang.EN),
    ("Merci. Je suis Đặng Thùy Dương, du ministère de la Santé.", Lang.FR),
])
def test_names_spelt_with_other_letters_do_not_decide_the_language(text: str, lang: Lang) -> None:
    assert detect_language(text, Lang.UNKNOWN) is lang
