"""Folding and multi-pattern matching, shared by detection, decisions and the leak check.

One fold for every stage: `fold(text)` drops accents (NFKD, then unidecode for letters such
as đ or ß), turns full-width and other compatibility forms into plain letters, every dash
and run of spaces into one space, every apostrophe into ', and removes invisible characters;
it keeps the case and returns the offsets back into `text`. `key(text)` is the folded,
lower-cased form used to compare two strings. `TermMatcher` finds many terms at once, as
whole words, in one Aho-Corasick pass.

Short terms and common words need care: a term of three letters or fewer (initials,
acronyms) or an ordinary word ("Rose", "Summer") matches only as written or in capitals,
so "prices rose" is not the surname Rose and "am" is not the initials AM.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Generic, TypeVar

import ahocorasick
from unidecode import unidecode

T = TypeVar("T")

_DASHES = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2015\u2212")
_INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
_APOSTROPHES = frozenset("\u2019\u2018\u02bc\u2032")


# The capital letters of a regex class: ASCII, Latin-1 and Latin Extended (Đ, Ł, Š, Ž, Ō…), which
# "[A-ZÀ-Þ]" misses ("Lê Văn Đức", "Łukasz Wróbel")
UPPER = "A-ZÀ-ÖØ-Þ" + "".join(c for c in map(chr, range(0x100, 0x250)) if c.isupper())

# What joins a name to the organisation written right after it, in apposition: "Hamid Qureshi,
# UNDP", "Priya Menon = Health Canada", "Kofi Boateng – WADPN", "Ana / Fiocruz" (a hyphen only
# with a space after it: "Ndiaye-Sarr" is one name). Detection ties with it; the rewrite joins.
APPOSITION_SEPARATOR = r"\s*(?:,|=|/|[–—]|-(?=\s))\s*"


def fold(text: str) -> tuple[str, Sequence[int]]:
    """Fold text for matching: no accents, one space for any run of spaces or hyphens.

    Returns:
        The folded text (case kept) and, indexable by each of its characters, the index
        of the original character it comes from.
    """
    mapped = text.translate(_FOLD_TABLE)
    if len(mapped) != len(text) or _FOLD_TABLE.irregular(text):
        return _fold_slowly(text)  # a character folds to several (œ -> oe) or to none (soft hyphen)
    runs = [m.span() for m in _SPACE_RUN.finditer(mapped)]
    folded = _SPACE_RUN.sub(" ", mapped)
    return folded, _RunOffsets(runs, len(folded))


class _RunOffsets:
    """Folded index -> original index when folding only collapsed runs of spaces.

    Computed on demand from the runs (a list of every offset would cost a Python int per
    character: gigabytes for a long document).
    """

    def __init__(self, runs: list[tuple[int, int]], length: int) -> None:
        self._length = length
        self._starts: list[int] = []  # folded index of the first character after each run
        self._shifts: list[int] = []  # characters dropped up to and including that run
        dropped = 0
        for start, end in runs:
            self._starts.append(start + 1 - dropped)
            dropped += end - start - 1
            self._shifts.append(dropped)

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, index: int) -> int:
        if index < 0:
            index += self._length
        k = bisect.bisect_right(self._starts, index)
        return index + (self._shifts[k - 1] if k else 0)


class _FoldTable(dict):
    """str.translate table, filled on first sight of each character (C speed after that).

    It also knows the characters that do not fold to exactly one character, so that
    `fold` can tell, at C speed, when the cheap offset map does not apply.
    """

    def __init__(self) -> None:
        super().__init__()
        self._irregular: set[str] = set()
        self._pattern: re.Pattern[str] | None = None

    def irregular(self, text: str) -> bool:
        """Whether `text` (already translated once, so known to the table) holds such a character."""
        if not self._irregular:
            return False
        if self._pattern is None:
            self._pattern = re.compile("[" + "".join(re.escape(c) for c in sorted(self._irregular)) + "]")
        return self._pattern.search(text) is not None

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if char in _INVISIBLE:
            value = ""
        elif char in _DASHES or char.isspace():
            value = " "
        elif char in _APOSTROPHES:
            value = "'"
        elif char.isascii():
            value = char
        else:
            value = _fold_char(char)
        if len(value) != 1:
            self._irregular.add(char)
            self._pattern = None
        self[code] = value
        return value


_FOLD_TABLE = _FoldTable()
_SPACE_RUN = re.compile(" {2,}")


def _fold_slowly(text: str) -> tuple[str, list[int]]:
    """`fold`, character by character, for text whose folding changes its length."""
    out: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        piece = _FOLD_TABLE[ord(char)]
        if piece == " " and out and out[-1] == " ":
            continue  # a run of spaces/hyphens is one space
        out.extend(piece)
        offsets.extend([index] * len(piece))
    return "".join(out), offsets


def _fold_char(char: str) -> str:
    """One non-ASCII character without its accents (đ -> d, œ -> oe, ễ -> e)."""
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    if base.isascii() or not char.isalpha():
        return base or char
    return unidecode(char).strip() or char


def lower(folded: str) -> str:
    """Lower-case that keeps the length, so that the offset map stays valid."""
    lowered = folded.lower()
    if len(lowered) == len(folded):  # str.lower only ever lengthens (İ -> i̇)
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in folded)


def is_common_word(word: str) -> bool:
    """Whether a word is an ordinary word too, in English or French (detection's lexicon)."""
    from .detect.lexicon import is_common_word as lexicon_common

    return bool(lexicon_common(word))


def needs_care(term: str) -> bool:
    """Whether a term matches only as written: three letters or fewer, or a common word."""
    folded = fold(term.strip())[0]
    letters = sum(c.isalnum() for c in folded)
    return letters <= 3 or (" " not in folded and is_common_word(term.strip()))


class TermMatcher(Generic[T]):
    """Finds whole-word occurrences of many terms at once (Aho-Corasick over folded text)."""

    def __init__(self, terms: Iterable[tuple[str, T]]) -> None:
        self._loose = ahocorasick.Automaton()
        self._strict = ahocorasick.Automaton()
        for term, payload in terms:
            folded = fold(term.strip())[0].strip()
            if not folded:
                continue
            if needs_care(term):
                for form in {folded, folded.upper()}:
                    self._add(self._strict, form, payload)
            else:
                self._add(self._loose, lower(folded), payload)
        for automaton in (self._loose, self._strict):
            if len(automaton):
                automaton.make_automaton()

    @staticmethod
    def _add(automaton: ahocorasick.Automaton, key: str, payload: T) -> None:
        if key in automaton:
            automaton.get(key)[1].append(payload)
        else:
            automaton.add_word(key, (len(key), [payload]))

    def find(self, text: str) -> list[tuple[int, int, T]]:
        """Every whole-word match as (start, end, payload), offsets into `text`, sorted."""
        folded, offsets = fold(text)
        found: list[tuple[int, int, T]] = []
        for automaton, haystack in ((self._loose, lower(folded)), (self._strict, folded)):
            if not len(automaton):
                continue
            for last, (length, payloads) in automaton.iter(haystack):
                start = last - length + 1
                if is_word(folded, start, last + 1):
                    span = (offsets[start], offsets[last] + 1)
                    found.extend((span[0], span[1], p) for p in payloads)
        return sorted(found, key=lambda m: (m[0], -m[1]))


def is_word(folded: str, start: int, end: int) -> bool:
    before = folded[start - 1] if start > 0 else " "
    after = folded[end] if end < len(folded) else " "
    return not before.isalnum() and not after.isalnum()


def key(text: str) -> str:
    """The form two strings are compared by: folded, lower case, outer spaces stripped."""
    return lower(fold(text)[0]).strip()


_DASH_CHARS = "\u2010\u2011\u2012\u2013\u2014\u2212"
_QUOTE_CHARS = "\u2019\u2018\u02bc`\u00b4"


@lru_cache(maxsize=4096)
def _fold_char_in_place(char: str) -> str:
    if char in _DASH_CHARS:
        return "-"
    if char in _QUOTE_CHARS:
        return "'"
    if char.isspace():
        return " "
    low = char.lower()
    if len(low) != 1:
        return char
    if low.isascii():
        return low
    # the same letters as `fold` (đ -> d, ł -> l, full-width forms), where that is one character:
    # detection's keys and the leak check must agree on "Duc" for "Đức"
    base = _fold_char(low)
    return base.lower() if len(base) == 1 and base.isalnum() else low


def fold_same_length(text: str) -> str:
    """Lower case without accents, with one kind of dash, apostrophe and space (detection's keys).

    The result has exactly the length of `text`, so offsets found in it are offsets in `text`.
    """
    return "".join(_fold_char_in_place(c) for c in text)


def strip_phrases(text: str, phrases: Iterable[str], joiners: str = "") -> tuple[str, int]:
    """`text` in lower case with every whole occurrence of `phrases` blanked out (longest first),
    and how many there were: what is left says whether a line holds anything else ("Participants
    / line-up", "Dear …, dear …,"). `joiners`: characters that, like letters, bind a word to
    the next (a phrase inside "participant·e·s" is no phrase)."""
    words, found = text.casefold(), 0
    edge = rf"\w{re.escape(joiners)}" if joiners else r"\w"
    for phrase in sorted({p.casefold() for p in phrases}, key=len, reverse=True):
        words, n = re.subn(rf"(?<![{edge}]){re.escape(phrase)}(?![{edge}])", " ", words)
        found += n
    return words, found
