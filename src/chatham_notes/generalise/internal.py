"""The rapporteur's internal lines: distribution warnings, notes to self, sign-offs, contact blocks.

They are for the rapporteur, not for the readers of the summary: a sentence that holds a
distribution warning ("do not circulate", « ne pas diffuser », "to be cleaned") or that opens
with a note to self ("note to self:", "TODO", « NB pour moi ») or names who took the notes
("Notes taken by …") is cut; a block that opens
with a sign-off ("Best, Amina", « Cordialement, ») is removed with the short lines after it;
a block that only gives contact details is removed. Each cut is recorded so the report lists
it ("removed internal line") with its location: nothing disappears silently.

The phrase lists are in `models/generalise/internal_lines.yaml`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..ingest.text import SIGNATURE
from ..model import Kind
from ..resources import read_yaml
from ..matching import strip_phrases
from .attribution import Unit, contact_words, outside
from .typography import ends_with_abbreviation

DISTRIBUTION = "distribution warning"
NOTE_TO_SELF = "note to self"
AUTHORSHIP = "who took the notes"
SIGN_OFF = "sign-off"
CONTACT_BLOCK = "contact block"
GREETING = "greeting"
PREFIX = "removed internal line"

# a sentence ends at a stop before a space or the end, not inside "nadege.ekotto@…" or "2.5"
_SENTENCE = re.compile(r"(?:[^.!?…]|[.!?…]+(?![»\"”)]*(?:\s|$)))*(?:[.!?…]+[»\"”)]*|$)\s*")
_OPENING = r"^[\s\-–—•*(\[]*(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s*)?[\s\-–—(\[]*"


@dataclass(frozen=True)
class Cut:
    """A span of a block's text that is the rapporteur's, not the meeting's."""

    start: int
    end: int
    reason: str


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    return read_yaml("generalise", "internal_lines.yaml")


_CONTRACTED = re.compile(r"\b(do|does|is|are|was|must|should)\\s\+not\b")


def _alternation(phrases: Sequence[str]) -> str:
    """The phrases as a regex, "do not" also written "don't" ("Please don't forward this")."""
    escaped = (re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))
    return "|".join(_CONTRACTED.sub(lambda m: rf"(?:{m.group(1)}\s+not|{m.group(1)}n['’]t)", e) for e in escaped)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    data = _data()
    return {
        "distribution": re.compile(rf"(?<![\w'’])(?:{_alternation(data['distribution_warnings'])})(?![\w'’])", re.I),
        "self": re.compile(rf"[—–(\[,;:]\s*(?:{_alternation(data['notes_to_self'])})(?![\w'’])", re.I),
        "self_start": re.compile(rf"{_OPENING}(?:{_alternation(data['notes_to_self'])})(?![\w'’])", re.I),
        "authorship": re.compile(rf"{_OPENING}(?:{_alternation(data['authorship'])})\s*:?\s*"
                                 r"(?!(?:the|la|le|les)\b|l['’])(?=(?-i:[A-ZÀ-Ý]))", re.I),
        "closing": re.compile(rf"{_OPENING}(?:{_alternation(data['closings'])})\s+(?-i:[A-ZÀ-Ý])", re.I),
        "sign_off": re.compile(rf"{_OPENING}(?:{_alternation(data['sign_offs'])})\s*(?:[,!.–—-]|$)", re.I),
    }


def _sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, trailing spaces included."""
    spans: list[tuple[int, int]] = []
    for match in _SENTENCE.finditer(text):
        if match.end() > match.start():
            previous = text[spans[-1][0]:spans[-1][1]].rstrip() if spans else ""
            if previous.endswith(".") and ends_with_abbreviation(previous[:-1]):
                spans[-1] = (spans[-1][0], match.end())  # "M. VERNET a quitté…" is one sentence
            else:
                spans.append((match.start(), match.end()))
    return spans


def _reason(sentence: str) -> str | None:
    pats = _patterns()
    if pats["distribution"].search(sentence):
        return DISTRIBUTION
    if pats["self_start"].match(sentence) or _self_after_dash(sentence):
        return NOTE_TO_SELF
    if pats["authorship"].match(sentence):
        return AUTHORSHIP
    return None


def _self_after_dash(sentence: str) -> bool:
    """"crosstalk — note to self: ask…": a note to self after a dash, a bracket or a comma."""
    return bool(_patterns()["self"].search(sentence))


def internal_cuts(text: str) -> list[Cut]:
    """The sentences of `text` that are distribution warnings or notes to self. A marker that is a
    sentence of its own ("(rapp.) check with KM…", split at its dot) takes the next one with it."""
    cuts: list[Cut] = []
    carry = None
    for start, end in _sentences(text):
        if carry is not None:
            cuts.append(Cut(carry, end, NOTE_TO_SELF))
            carry = None
            continue
        sentence = text[start:end]
        reason = _reason(sentence)
        if reason == NOTE_TO_SELF and (m := _patterns()["self_start"].match(sentence)) \
                and not re.search(r"\w", sentence[m.end():]):
            carry = start
        elif reason is not None:
            cuts.append(Cut(start, end, reason))
    if carry is not None:
        cuts.append(Cut(carry, len(text), NOTE_TO_SELF))
    return cuts


def is_sign_off(text: str) -> bool:
    """"Best, Amina", « Bien cordialement, » — a short block that opens with a sign-off."""
    if is_signature_delimiter(text):
        return True
    if _patterns()["closing"].match(text) and len(text.split()) <= int(_data()["closing_words"]):
        return True  # « Fait à Rabat, le 3 octobre 2024 – Dr X »
    return bool(_patterns()["sign_off"].match(text)) and len(text.split()) <= int(_data()["sign_off_words"])


def is_signature_delimiter(text: str) -> bool:
    """ "-- ": what follows is an e-mail's signature, whatever its lines hold."""
    return text.strip() == SIGNATURE


def after_sign_off(text: str) -> bool:
    """A short line with no sentence in it (a name, a title, a phone number); its contact details
    do not count ("Rapporteur, Pain Policy Initiative | r.pe@example.org | +44 20 7946 0321")."""
    words = _CONTACT_TOKENS.sub(" ", text).split()
    return len(words) <= 8 and not re.search(r"[.!?…]\s*$", text)


_CONTACT_TOKENS = re.compile(r"\S+@\S+|https?://\S+|www\.\S+|\+?\d[\d\s().-]{5,}\d|[|•·/]")


def sign_off_lines() -> int:
    """How many short lines after a sign-off go with it."""
    return int(_data()["sign_off_lines"])


def is_contact_block(text: str, units: Sequence[Unit]) -> bool:
    """A block with contact details and nothing else but findings and contact words."""
    if not any(u.kind.is_contact for u in units):
        return False
    allowed = {w.casefold() for w in _data()["contact_block_words"]} | contact_words()
    words = re.findall(r"[^\W\d_][\w'’.-]*", outside(text, units).casefold())
    return all(w.strip(".") in allowed or w in allowed for w in words)


def is_greeting(text: str, units: Sequence[Unit]) -> bool:
    """A block of nothing but greetings and the people they address: "Dear Dr Young, dear
    Oyunchimeg," (the names are removed, so the greeting becomes the wording's salutation)."""
    if not any(u.kind in (Kind.PERSON, Kind.ROLE) for u in units):
        return False
    words, greetings = outside(text, units).casefold(), _data()["greetings"]
    opening = "|".join(re.escape(g.casefold()) for g in sorted(greetings, key=len, reverse=True))
    if not re.match(rf"\s*(?:{opening})(?![\w'’])", words):
        return False
    return not re.search(r"[^\W\d_]", strip_phrases(words, greetings, "'’")[0])


def reason_text(reason: str) -> str:
    """The report's wording: "removed internal line: sign-off"."""
    return f"{PREFIX}: {reason}"
