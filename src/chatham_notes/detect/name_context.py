"""Where an ordinary word names a person: the one rule detection and the leak check share.

A surname or given name that is also a word ("Summer", "Bishop", « Lebon », « Sage »,
"Grace") is removed where it names the person and kept where it is plainly the word
("prices rose in summer", « un homme sage »). The same function decides both in the notes
(the roster recogniser, the propagation of a party's forms) and in a finished document (the
leak check), so that what the rewrite kept as a word is never reported as a leak, and what
the leak check would call a name was removed.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Field
from .cues import BETWEEN, DETERMINER_BEFORE, alternation
from .lexicon import all_titles, cues, org_words, title_alternation
from .text import WORD, is_capitalised

# A sentence, bullet, quotation or turn starts after these; unlike `text.sentence_initial`,
# a semicolon does not start a sentence ("…amendments; Grace declined to commit"), and a
# bracketed marker does ("[Awaiting translation] Bonjour à tous").
_SENTENCE_END = re.compile(r"(?:^|[.!?:\n•*\-–—\"«(\[\]]|\d\.)\s*$")
_COORDINATED = r"(?:\s+(?:and|et|&)\s+[\w'’.\-]+(?:\s+[\w'’.\-]+)?)?"


@lru_cache(maxsize=1)
def _title_before_regex() -> re.Pattern[str]:
    return re.compile(rf"(?:^|[\s(])(?:{title_alternation()})\s*$")


@lru_cache(maxsize=1)
def _lower_title_before_regex() -> re.Pattern[str]:
    """A short title in lower case, as quick notes type it: "m. riviere", "dr sage", "mme lebon"."""
    short = sorted({t.lower() for t in all_titles() if len(t.rstrip(".")) <= 4 and t.rstrip(".") not in ("Me", "Amb")},
                   key=len, reverse=True)
    return re.compile(rf"(?:^|[\s(])(?:{'|'.join(re.escape(t) for t in short)})\s+$")


@lru_cache(maxsize=1)
def _cue_after_regex() -> re.Pattern[str]:
    """An attribution verb after a name, maybe after a coordinated name or an aside:
    "Petit (observer) asked", "Tom from UNODC stressed", "Summer and Bell agreed"."""
    alts = alternation(cues("en", "after") + cues("fr", "after"))
    return re.compile(rf"(?:['’]s)?{_COORDINATED}{BETWEEN}\s+(?:{alts})\b")  # used with .match(text, end)


def space_before(text: str, start: int) -> int:
    """Where the run of spaces that ends at `start` begins."""
    while start > 0 and text[start - 1].isspace():
        start -= 1
    return start


def title_before(text: str, start: int) -> bool:
    """Whether a title ends just before `start` ("Dr ", « Mme »): reads only the few characters
    the longest title needs, after the spaces, so a long block costs no more than a short one."""
    end = space_before(text, start)
    return bool(_title_before_regex().search(text, max(0, end - len(all_titles()[0]) - 1), start))


def cue_after(text: str, end: int) -> bool:
    """Whether an attribution verb follows the name that ends at `end`."""
    return bool(_cue_after_regex().match(text, end))


def starts_sentence(text: str, start: int) -> bool:
    """Whether the word at `start` begins a sentence, a bullet, a quotation or a turn."""
    return bool(_SENTENCE_END.search(text[max(0, start - 6):start])) if start else True


def names_person(text: str, start: int, end: int, field: Field = Field.TEXT) -> bool:
    """Whether the ordinary word text[start:end] names a person there.

    It does as a speaker label (or a line or bullet that starts "Frost: …"); after a title ("Dr Rose", « M. Lebon »); as the subject of an
    attribution verb ("Bishop said", "rose asked"); with a possessive ("Rose's point"); as a
    vocative at the start of a sentence ("Grace, you had a question?"); and capitalised inside
    a sentence ("as Summer noted", "thanks, Grace") or alone in brackets ("(Banks)") unless a
    capitalised word follows, which makes it part of another name ("the Summer School").
    Otherwise it is the word.
    """
    if field is Field.SPEAKER:
        return True
    surface = text[start:end]
    if not is_capitalised(surface):  # "meg asked about...": a subject of an attribution verb
        if re.fullmatch(r"(?:[-•*→>]\s*)?", text[:start].strip()) and re.match(r"\s?:\s", text[end:end + 3]):
            return True  # a label in quick notes: "- cook: 34 licensed farmers so far"
        if _lower_title_before_regex().search(text, max(0, start - 8), start):
            return True  # "m. riviere", "dr sage"
        return cue_after(text, end) and not DETERMINER_BEFORE.search(text, max(0, start - 30), start)
    after = text[end:end + 40]
    if surface == "Me" and re.match(r"\s+[A-ZÀ-Ý]", after):
        return False  # « Me Dupont »: the French title Maître
    if title_before(text, start) or cue_after(text, end):
        return True
    if (before := re.search(r"(?<![\w'’-])(?:[ldLD]['’])?([\w-]+)\s+$", text[max(0, start - 40):start])) and (
            before.group(1) in org_words()):
        return False  # "l'Institut Pasteur", "Hôpital Lebon": a body's name, not the person
    if re.search(r"\(\s*$", text[max(0, start - 3):start]) and re.match(r"\s*\)", after):
        return True  # alone in brackets, as a name is after what it said: "blended finance (Banks)"
    initial = starts_sentence(text, start)
    if re.match(r"['’]s\b", after) or initial and re.match(r",\s|\s?:\s", after):
        return True  # "Rose's point about sequencing", vocative "Grace, you had a question?", label "- Frost: …"
    next_word = WORD.match(after.lstrip())
    return not initial and not (next_word and is_capitalised(next_word.group()))
