"""French and English typography of generated text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chatham_notes.model import Lang
from chatham_notes.generalise.typography import NBSP, NNBSP, at_sentence_start, capitalise, clean_orphans, french, tidy


@pytest.mark.parametrize(("raw", "clean"), [
    ("said , that", "said, that"),
    ("the slides () and", "the slides and"),
    ("the slides ( ) and", "the slides and"),
    ("prices rose ,.", "prices rose."),
    ("one,, two", "one, two"),
    ("a ( b ) c", "a (b) c"),
    (", leading comma", "leading comma"),
    ("trailing ,", "trailing"),
    ("wait ...", "wait ..."),
])
def test_clean_orphans(raw: str, clean: str) -> None:
    assert clean_orphans(raw) == clean


@pytest.mark.parametrize(("raw", "typeset"), [
    ("Question: pourquoi?", f"Question{NBSP}: pourquoi{NNBSP}?"),
    ("Question : pourquoi ?", f"Question{NBSP}: pourquoi{NNBSP}?"),
    ("oui; non!", f"oui{NNBSP}; non{NNBSP}!"),
    ('il a dit "non"', f"il a dit «{NBSP}non{NBSP}»"),
    ("« non »", f"«{NBSP}non{NBSP}»"),
    ("à 10:30 précises", "à 10:30 précises"),
    ("vraiment?!", f"vraiment{NNBSP}?!"),
])
def test_french_spacing(raw: str, typeset: str) -> None:
    assert french(raw) == typeset


def test_french_is_idempotent_on_typeset_text() -> None:
    text = f"Note{NBSP}: «{NBSP}oui{NBSP}»{NNBSP}; non{NNBSP}?"
    assert french(text) == text


def test_english_removes_spaces_before_colon_and_converts_guillemets() -> None:
    assert tidy("Note : « yes » ?", Lang.EN) == "Note: “yes”?"


@pytest.mark.parametrize(("before", "starts"), [
    ("", True),
    ("Prices rose. ", True),
    ("Really? ", True),
    ("- ", True),
    ('"', True),
    ("Several speakers, e.g. ", False),
    ("According to ", False),
    ("The point: ", False),
    ("[00:04:40] ", True),  # a turn's text opening with its timestamp
    ("At 10:30 ", False),
])
def test_sentence_start(before: str, starts: bool) -> None:
    assert at_sentence_start(before) is starts


def test_capitalise_skips_leading_punctuation() -> None:
    assert capitalise("d'une personne") == "D'une personne"
    assert capitalise("« une") == "« Une"


@given(st.text(alphabet="ab ,.;:?!()«»\"", max_size=40))
def test_tidy_never_leaves_double_spaces_or_empty_brackets(text: str) -> None:
    for lang in (Lang.EN, Lang.FR):
        out = tidy(text, lang)
        assert "  " not in out and "()" not in out
        assert tidy(out, lang) == out or lang == Lang.FR


def test_a_language_tag_starts_a_sentence():
    from chatham_notes.generalise.typography import at_sentence_start

    assert at_sentence_start("EN: ") and at_sentence_start("FR\u00a0: ") and not at_sentence_start("Chair: ")
