"""Small text helpers shared by the recognisers: folding, word edges, sentence starts."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..matching import fold_same_length as fold
from ..model import Field, Kind

__all__ = ["fold"]  # detection's keys: the shared same-length fold


def is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def at_word_edges(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] neither starts nor ends inside a word."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (is_word_char(before) and is_word_char(text[start])) and not (
        is_word_char(after) and is_word_char(text[end - 1])
    )


_SENTENCE_END = re.compile(r"(?:^|[.!?:;\n•*\-–—\"«(\[]|\d\.)\s*$")


def sentence_initial(text: str, start: int) -> bool:
    """Whether the word at `start` begins a sentence, a bullet or a quotation."""
    return bool(_SENTENCE_END.search(text[max(0, start - 6):start])) if start else True


# "I", "I'm", "I'll": capitalised, yet never a word of a name.
FIRST_PERSON = re.compile(r"I(?:['’](?:m|ll|ve|d))?")


def is_capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper()


WORD = re.compile(r"[^\W\d_](?:[\w'’\-]*[^\W_])?")


AMBIGUOUS = "r?"  # the key of a roster form two participants share: "Sophie" when two Sophies attend


@dataclass(frozen=True)
class Hit:
    """A finding before merging and linking.

    `key` says which party the hit belongs to: "r:<participant id>" for a roster person,
    "ra:<participant id>" for a roster person's affiliation, "o:<canonical name>" for a
    known organisation, "n:<folded name>" for a discovered person, `AMBIGUOUS` for a roster
    form several participants share (a person, tied to no party), None when linking decides.
    """

    block_id: str
    field: Field
    start: int
    end: int
    text: str
    kind: Kind
    detector: str
    score: float
    key: str | None = None
