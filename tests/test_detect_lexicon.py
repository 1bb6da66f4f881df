"""is_common_word: ordinary words vs names, in English and French."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from chatham_notes.detect.lexicon import is_common_word
from chatham_notes.model import Lang


@pytest.mark.parametrize(
    "word",
    ["Rose", "Grand", "Young", "Petit", "Hope", "Lord", "Me", "Bonjour", "rose", "grand", "Rose's", "peut-être"],
)
def test_common_words(word: str) -> None:
    assert is_common_word(word)


@pytest.mark.parametrize("word", ["Diallo", "Nguyen", "Okafor", "Priya", "Amina", "Kim", "Thomas", "Jean-Pierre", "", "3D", "x42"])
def test_names_and_non_words_are_not_common(word: str) -> None:
    assert not is_common_word(word)


@pytest.mark.parametrize(
    ("word", "lang", "expected"),
    [("Bonjour", Lang.FR, True), ("young", Lang.EN, True), ("hope", Lang.EN, True), ("Dupont", Lang.FR, False),
     ("grand", Lang.MIXED, True), ("Diallo", None, False)],
)
def test_language_restriction(word: str, lang: Lang | None, expected: bool) -> None:
    assert is_common_word(word, lang) is expected


def test_multiword_is_common_only_if_every_word_is() -> None:
    assert is_common_word("prices rose")
    assert not is_common_word("Amina Rose")


@pytest.mark.parametrize("word", ["d'accord", "l'accord", "qu'elle", "D'ailleurs"])
def test_french_elided_words_are_common(word: str) -> None:
    assert is_common_word(word)


def test_accented_given_names_are_read_in_utf8() -> None:
    from chatham_notes.detect.lexicon import first_names, given_names

    assert {"gaëlle", "gaelle", "clémence", "clemence"} <= given_names()
    assert "d'souza" not in first_names() and not is_common_word("D'Souza")


def test_given_names_file_is_gender_guessers_list_as_built() -> None:
    """models/detect/given_names.txt is names_build.py's output for the installed gender-guesser;
    the lexicon adds the hand-written given_names_extra.txt to it."""
    from chatham_notes.detect.lexicon import given_names
    from chatham_notes.detect.names_build import given_names_from_source
    from chatham_notes.resources import read_list

    assert set(read_list("detect", "given_names.txt")) == given_names_from_source()
    assert given_names() == given_names_from_source() | set(read_list("detect", "given_names_extra.txt"))
    assert {"comfort", "sione"} <= given_names()


def test_first_names_are_the_given_names_that_are_not_ordinary_words() -> None:
    from chatham_notes.detect.lexicon import first_names, given_names

    assert first_names() == {n for n in given_names() if not is_common_word(n)}
    assert {"moussa", "joseph", "grace", "rose"}.isdisjoint(first_names())  # ordinary in a language
    assert {"amina", "priya"} <= first_names()


def test_the_name_lexicons_are_read_only_when_a_block_needs_them() -> None:
    code = textwrap.dedent("""
        from chatham_notes.detect import cues, lexicon
        from chatham_notes.detect.detector import Detector
        cues.first_name_people("all lower case, nothing to look up.", "b")
        assert lexicon.given_names.cache_info().currsize == 0
        assert lexicon.first_names.cache_info().currsize == 0
        cues.first_name_people("Then Amina spoke.", "b")
        assert lexicon.first_names.cache_info().currsize == 1
        import sys
        assert "gender_guesser" not in sys.modules
    """)
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize(("name", "acronym"), [
    ("Asian Development Bank", "ADB"),
    ("Penal Reform International", "PRI"),
    ("Institut de recherche pour le développement", "IRD"),
    ("Université d'État d'Haïti", "UEH"),
    ("Agence nationale de réglementation des activités relatives au cannabis", "ANRAC"),  # one initial left out
    ("Ministry of Public Health", "MoPH"),  # "of" written small
    ("Ministry of Health and Sanitation", "MOHS"),
])
def test_acronyms_of_an_organisation(name: str, acronym: str) -> None:
    from chatham_notes.detect.variants import acronyms_of

    assert acronym in acronyms_of(name)


def test_two_letters_only_for_two_words_or_a_name_with_its_article() -> None:
    from chatham_notes.detect.variants import acronyms_of

    assert acronyms_of("Oxfam") == set()
    assert acronyms_of("Rassemblement national") == {"RN"} and acronyms_of("Les Républicains") == {"LR"}
    assert "MdM" in acronyms_of("Médecins du Monde") and "MM" not in acronyms_of("Médecins du Monde")


def test_given_names_are_found_with_or_without_accents() -> None:
    from chatham_notes.detect.lexicon import is_given_name

    assert is_given_name("Élise") and is_given_name("elise") and not is_given_name("Ministry")


@pytest.mark.parametrize(("short", "long", "spells"), [
    ("ANRS", "Agence nationale de recherches sur le sida et les hépatites virales", True),  # its first words
    ("GI-TOC", "Global Initiative against Transnational Organized Crime", True),
    ("PRI", "Penal Reform International", True),
    ("WHO", "the national drug observatory", False),
    ("ADB", "Bank", False),  # one word is no expansion
])
def test_an_acronym_is_spelt_by_its_expansion(short: str, long: str, spells: bool) -> None:
    from chatham_notes.detect.linking import _spells

    assert _spells(short, long) is spells


def test_stop_words_file_is_spacys_lists_as_built() -> None:
    """models/detect/stop_words.txt is stopwords_build.py's output for the installed spaCy."""
    from chatham_notes.detect.lexicon import stop_words
    from chatham_notes.detect.stopwords_build import stop_words_from_source

    assert stop_words() == stop_words_from_source()
