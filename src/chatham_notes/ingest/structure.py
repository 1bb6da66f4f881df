"""Lines that look like a speaker label but are the note's structure: section markers, titles.

`Name: text` is a turn only if `Name` can be a person. Two kinds of label cannot:

- a section marker: "Session 2", "Part II", « Séance 3 », "Panel A", "Day one" (the words
  of `models/ingest/section_words.txt` followed by a number, a Roman numeral or a letter);
- a label made only of ordinary words (in the English or French common-word lists, none a
  given name, none in capitals) followed by a title rather than a sentence: "Interpretation:
  French and Wolof", "Harm Reduction Financing: Lessons from Asia", "Background:".
  A label of ordinary words followed by a sentence stays a turn: a surname can be an
  ordinary word ("Bishop: we agree."), and reading a person as a heading would leak them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Speaker
from ..resources import read_list

MAX_TITLE_WORDS = 12
_NUMBER = (r"(?:\d+[a-z]?|[IVXLC]+|[A-Z]|one|two|three|four|five|six|seven|eight|nine|ten|"
           r"un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|first|second|third|premier|première)")
_SENTENCE_END = re.compile(r"[.!?…;»\"”)]\s*$")


@lru_cache(maxsize=1)
def _section() -> re.Pattern[str]:
    words = sorted(read_list("ingest", "section_words.txt"), key=len, reverse=True)
    return re.compile(r"^(?:" + "|".join(re.escape(w) for w in words) + r")\.?\s+" + _NUMBER + r"\b", re.I)


@lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    return frozenset(read_list("en", "common_words.txt")) | frozenset(read_list("fr", "common_words.txt"))


@lru_cache(maxsize=1)
def _given() -> frozenset[str]:
    return frozenset(read_list("detect", "given_names.txt"))


def is_section_marker(label: str) -> bool:
    """"Session 2", "Part II", « Séance 3 », "Breakout B": a section of the meeting, not a person."""
    return bool(_section().match(label.strip()))


def ordinary_words(label: str) -> bool:
    """Whether every word of `label` is an ordinary word, none in capitals, none a given name.

    The given-name list also holds ordinary words ("Harm", "Hope"): a label of three words
    or more may hold one of them ("Harm Reduction Financing").
    """
    words = re.findall(r"[\w'’-]+", label)
    if not words or any(len(w) > 1 and w.isupper() for w in words):
        return False
    folded = [w.casefold() for w in words]
    if any(w not in _common() for w in folded):
        return False
    given = sum(w in _given() for w in folded)
    return given == 0 or (len(words) >= 3 and given == 1)


def is_title(text: str) -> bool:
    """A title rather than a sentence: short, with no sentence punctuation at its end."""
    return len(text.split()) <= MAX_TITLE_WORDS and not _SENTENCE_END.search(text)


def is_structural(speaker: Speaker, rest: str) -> bool:
    """Whether a parsed label `speaker` followed by `rest` is a heading, a title or a marker."""
    if is_section_marker(speaker.name):
        return True
    return speaker.affiliation is None and ordinary_words(speaker.name) and is_title(rest)
