"""Spacing, punctuation and capitals of generated text, in English and French.

Removing a name or a contact leaves traces ("said , that", "()", two spaces);
`tidy` cleans them. French follows the Imprimerie nationale conventions: an
espace insécable (U+00A0) before `:` and inside « guillemets », an espace fine
insécable (U+202F) before `; ? !`.
"""

from __future__ import annotations

import re

from ..ingest.speakers import TIMESTAMP
from ..model import Lang

NBSP = "\u00a0"
NNBSP = "\u202f"
_SPACES = f" \t{NBSP}{NNBSP}"

_MULTI_SPACE = re.compile(r"[ \t]{2,}")
_EMPTY_BRACKETS = re.compile(r"[ \t]*(?:\(\s*[,;:/–—-]*\s*\)|\[\s*[,;:/–—-]*\s*\])")
_SPACE_BEFORE_COMMA = re.compile(rf"[{_SPACES}]+([,.])(?!\.)")
_DOUBLE_COMMA = re.compile(r",(?:\s*,)+")
_COMMA_BEFORE_STOP = re.compile(r"[,;:](?:\s*[,;:])*\s*([.!?)])")
_OPEN_PAREN_SPACE = re.compile(r"([(\[])[ \t]+")
_CLOSE_PAREN_SPACE = re.compile(r"[ \t]+([)\]])")
_LEADING_JUNK = re.compile(r"^[\s,;]+")
_TRAILING_JUNK = re.compile(r"[\s,;]+$")
_STRAIGHT_QUOTES = re.compile(r'"([^"\n]+)"')
_ABBREVIATION = re.compile(r"(?:^|\s)(?:e\.g|i\.e|cf|vs|p|pp|no|ex|approx|resp|env|c\.-à-d)\.$", re.I)
_SENTENCE_END = re.compile(r"(?:^|[.!?…]\s+|^[-–—•*]\s+|^(?:EN|FR)[ \u00a0]?:\s+|\n\s*)$")


def collapse_spaces(text: str) -> str:
    """Runs of spaces or tabs as one space (newlines kept)."""
    return _MULTI_SPACE.sub(" ", text)


def clean_orphans(text: str) -> str:
    """Punctuation left behind by a removal: empty brackets, " ,", ",,", ", ." and stray edges."""
    text = _EMPTY_BRACKETS.sub("", text)
    text = _OPEN_PAREN_SPACE.sub(r"\1", text)
    text = _CLOSE_PAREN_SPACE.sub(r"\1", text)
    text = _DOUBLE_COMMA.sub(",", text)
    text = _COMMA_BEFORE_STOP.sub(r"\1", text)
    text = _SPACE_BEFORE_COMMA.sub(r"\1", text)
    text = _LEADING_JUNK.sub("", text)
    return _TRAILING_JUNK.sub("", text)


def ends_with_abbreviation(before: str) -> bool:
    """Whether the full stop after `before` ends an abbreviation, a title or an initial, not a
    sentence: "e.g.", "M. VERNET", "Dr. Rose", "J. Diallo"."""
    from ..detect.lexicon import title_words

    word = re.search(r"[\w.\-]+$", before)
    if word is None:
        return False
    word = word.group()
    return bool(_ABBREVIATION.search(before + ".")) or word in title_words() or re.fullmatch(r"[A-ZÀ-Ý]", word) is not None


# Where a sentence ends for parsing: a full stop before a capital or a quotation mark, or a line break
_PARSE_STOP = re.compile(r"[.!?](?=\s+[A-ZÀ-Ý«\"“])|\n")


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) of the sentence of `text` that holds start..end, the unit spaCy parses (a
    long block is read at most 400 characters back and 600 on)."""
    # the look-ahead needs the name's first letter: search a little past `start`
    starts = [m.end() for m in _PARSE_STOP.finditer(text, max(0, start - 400), start + 3) if m.end() <= start]
    stop = _PARSE_STOP.search(text, end, end + 600)
    return (starts[-1] if starts else max(0, start - 400)), (stop.end() if stop else min(len(text), end + 600))


def at_sentence_start(before: str) -> bool:
    """Whether text written after `before` starts a sentence (or a list item)."""
    stripped = before.rstrip(_SPACES + "«“\"'(")
    if not stripped.strip() or TIMESTAMP.fullmatch(before.strip()):  # a turn's text may open with its time
        return True
    if stripped.endswith(":") and re.search(r"[«“\"][\s\u00a0\u202f]*$", before):
        return True  # 'Question from the floor: "Abena here…"': a quoted sentence opens
    if _ABBREVIATION.search(stripped):
        return False
    return bool(_SENTENCE_END.search(stripped + " "))  # "- « ", "Prices rose. (": what opens a sentence


def capitalise(text: str) -> str:
    """The first letter in upper case, the rest untouched ("d'une" -> "D'une")."""
    for index, char in enumerate(text):
        if char.isalpha():
            return text[:index] + char.upper() + text[index + 1:]
        if char.isdigit():  # "140 participants": nothing to capitalise
            return text
    return text


def french(text: str) -> str:
    """French spacing: « guillemets », U+00A0 before `:` and `»`, U+202F before `; ? !`."""
    text = _STRAIGHT_QUOTES.sub(lambda m: f"«{NBSP}{m.group(1).strip()}{NBSP}»", text)
    text = re.sub(r"“([^”\n]+)”", lambda m: f"«{NBSP}{m.group(1).strip()}{NBSP}»", text)
    text = re.sub(rf"«[ {NBSP}{NNBSP}]*", f"«{NBSP}", text)
    text = re.sub(rf"[ {NBSP}{NNBSP}]*»", f"{NBSP}»", text)
    # A colon between digits (10:30) or before a slash (https://) is not punctuation.
    text = re.sub(rf"(?<=[^\s\d{NBSP}{NNBSP}])[ {NBSP}{NNBSP}]*:(?=\s|$)", f"{NBSP}:", text)
    text = re.sub(rf"(?<=\d)[ {NBSP}{NNBSP}]+:(?=\s|$)", f"{NBSP}:", text)
    text = re.sub(rf"(?<=\S)[ {NBSP}{NNBSP}]*([;?!])", lambda m: f"{NNBSP}{m.group(1)}", text)
    # "?!" keeps one thin space, before its first mark only.
    return re.sub(rf"([;?!]){NNBSP}(?=[?!])", r"\1", text)


def english(text: str) -> str:
    """English spacing: no space before `: ; ? !`, straight quotes for « »."""
    text = re.sub(rf"[ {NBSP}{NNBSP}]+([:;?!])", r"\1", text)
    text = re.sub(rf"«[ {NBSP}{NNBSP}]*", "“", text)
    return re.sub(rf"[ {NBSP}{NNBSP}]*»", "”", text)


def tidy(text: str, lang: Lang) -> str:
    """All of the above for `lang` (EN or FR): the last step of every rendering."""
    for _ in range(3):  # one clean-up can expose another ("? ( ))")
        before = text
        text = clean_orphans(collapse_spaces(text))
        text = french(text) if lang == Lang.FR else english(text)
        text = collapse_spaces(text).strip()
        if text == before:
            break
    return text
