"""Speaker labels at the start of a line: `Name:`, `Name (Org):`, `**Name** —`, `Mme X :`…

A label is short (at most five words), name-like (capitalised words, initials,
titles, name particles) and not one of the lead-in words of `models/ingest/not_speakers.txt`
("Note:", "Key messages:", "Moderator:"...). Anything else stays text.
"""

from __future__ import annotations

import re
from functools import lru_cache


from ..matching import key
from ..model import Speaker
from ..resources import read_list

MAX_LABEL_WORDS = 5
_SPACE = r"[ \t\u00a0\u202f]"
_AFF = r"(?:" + _SPACE + r"*\((?P<aff>[^()]{1,120})\))?"
_COLON = re.compile(r"^(?P<label>[^:()\n]{1,60}?)" + _AFF + _SPACE + r"?[:：]" + _SPACE + r"*(?P<rest>.*)$", re.S)
_DASH = re.compile(r"^(?P<label>[^:()\n—–]{1,60}?)" + _AFF + _SPACE + r"+[—–]" + _SPACE + r"+(?P<rest>.+)$", re.S)
_BOLD = re.compile(r"^(\*\*|__)(?P<inner>[^*_\n]{1,140}?)\1" + _SPACE + r"*(?P<after>.*)$", re.S)
_AFTER_BOLD = re.compile(r"^" + _AFF.replace("?:", "?:", 1) + _SPACE + r"*(?:[:：]|[—–](?=" + _SPACE + "))" + _SPACE + r"*(?P<rest>.*)$", re.S)
_INNER_AFF = re.compile(r"^(?P<label>[^()]+?)" + _SPACE + r"*\((?P<aff>[^()]{1,120})\)$")
# One word of a name: capitalised word (accents, hyphens, apostrophes), initials (A.M., J.-C., AM).
# A timestamp before a label ("[00:12:03] MB: …", "00:12 – MB: …"): it stays, at the start of the turn's text.
TIMESTAMP = re.compile(r"[\[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?[\])]?")
_STAMPED = re.compile(r"^(?P<stamp>" + TIMESTAMP.pattern + r")(?:" + _SPACE + r"*[—–-])?" + _SPACE + r"+(?=\S)")
_NAME_WORD = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’.\-]*|(?:[A-Z]\.-?)+)$")


@lru_cache(maxsize=1)
def _stop_labels() -> frozenset[str]:
    return frozenset(label_key(item) for item in read_list("ingest", "not_speakers.txt"))


@lru_cache(maxsize=1)
def _particles() -> frozenset[str]:
    from ..detect.lexicon import name_particles

    return name_particles()


def _is_place(label: str) -> bool:
    from ..detect.gazetteer import place_tier

    return place_tier(label) is not None


def label_key(text: str) -> str:
    """Case- and accent-insensitive key with the final full stop dropped."""
    return key(text).strip(" .")


def is_name_like(label: str, known: frozenset[str] = frozenset()) -> bool:
    """True if `label` could be a person's (or an acronym's) speaker label. A lead-in word
    ("Note", "FR") is none, unless `known` (label keys) says the note uses it for a speaker."""
    label = label.strip()
    words = label.split()
    if not words or len(words) > MAX_LABEL_WORDS or len(label) > 60:
        return False
    if any(ch.isdigit() for ch in label) or "/" in label or "@" in label:
        return False
    if label_key(label) in _stop_labels() and label_key(label) not in known:
        return False
    if not _NAME_WORD.match(words[0]):
        return False
    return all(_NAME_WORD.match(w) or w.casefold() in _particles() for w in words[1:])


def _speaker(label: str, affiliation: str | None, known: frozenset[str] = frozenset()) -> Speaker | None:
    label = label.strip().strip("*_").strip()
    inner = _INNER_AFF.match(label)
    if inner and affiliation is None:
        label, affiliation = inner.group("label").strip(), inner.group("aff")
    if affiliation and re.fullmatch(r"[A-Z]{2,4}", label):
        known = known | {label_key(label)}  # "FR (ministère de la Santé)": initials, not the language marker
    if not is_name_like(label, known) or _is_place(label):
        return None  # "2. Andes: …" opens a topic, not a turn
    affiliation = affiliation.strip() if affiliation else None
    return Speaker(name=label, affiliation=affiliation or None)


def _bold_label(line: str, known: frozenset[str] = frozenset()) -> tuple[Speaker, str] | None:
    m = _BOLD.match(line)
    if not m:
        return None
    inner, after = m.group("inner").strip(), m.group("after")
    if re.search(_SPACE + r"?[:：]$", inner) or inner.endswith(("—", "–")):
        speaker = _speaker(inner.rstrip(":： \u00a0\u202f—–"), None, known)
        return (speaker, after.strip()) if speaker else None
    tail = _AFTER_BOLD.match(after)
    if not tail:
        return None
    speaker = _speaker(inner, tail.group("aff"), known)
    return (speaker, tail.group("rest").strip()) if speaker else None


def parse_label(line: str, known: frozenset[str] = frozenset()) -> tuple[Speaker, str] | None:
    """Split a line into a speaker label and what was said, or None if it has no label.

    A section marker or a title ("Session 2: …", "Interpretation: French and Wolof") is
    no label (see `structure`).

    Args:
        line: one line (or the first line of a block), without a bullet marker.
        known: label keys the note uses for speakers although they are lead-in words: "FR"
            after "FR (ministère de la Santé) :" (`speaking_lead_ins`).

    Returns:
        (Speaker, rest) where `rest` is the text after the label (may be empty).
    """
    from .structure import is_structural

    found = _parse_label(line, known)
    return None if found is not None and is_structural(*found) else found


def _parse_label(line: str, known: frozenset[str] = frozenset()) -> tuple[Speaker, str] | None:
    """`parse_label` before the structure check."""
    line = line.strip()
    stamp = _STAMPED.match(line)
    if stamp:
        found = _parse_label(line[stamp.end():], known)
        if found is None:
            return None
        speaker, rest = found
        return speaker, f"{stamp.group('stamp')} {rest}".rstrip()
    if line.startswith(("**", "__")):
        return _bold_label(line, known)
    for pattern in (_COLON, _DASH):
        m = pattern.match(line)
        if m is None:
            continue
        rest = m.group("rest").strip()
        if pattern is _COLON and rest.startswith("//"):
            return None  # a URL scheme, not a label
        speaker = _speaker(m.group("label"), m.group("aff"), known)
        if speaker:
            return speaker, rest
    return None


_INITIALS_ASIDE = re.compile(r"[A-Z]{2,4}\W{0,3}\(")


def speaking_lead_ins(lines: list[str]) -> frozenset[str]:
    """The lead-in words a note uses as a speaker's initials: "FR" where a line reads
    "FR (ministère de la Santé) : …" (a language marker never has an affiliation)."""
    out = set()
    for line in lines:
        if not _INITIALS_ASIDE.search(line[:60]):
            continue  # most lines: no initials before a bracket, no second label parse
        found = _parse_label(re.sub(r"^\s*(?:[-*•+]|\d+[.)])\s+", "", line))
        if found and found[0].affiliation and label_key(found[0].name) in _stop_labels():
            out.add(label_key(found[0].name))
    return frozenset(out)


def split_voice(voice: str) -> Speaker:
    """A transcript voice (`<v Jane Doe (UNODC)>`) as a Speaker; never rejects a voice."""
    inner = _INNER_AFF.match(voice.strip())
    if inner:
        return Speaker(inner.group("label").strip(), inner.group("aff").strip())
    return Speaker(voice.strip())
