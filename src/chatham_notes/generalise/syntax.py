"""Two constructions a placeholder cannot stand in: vocatives and coordinated people.

A name used to address someone ("Thanks, Solveig — next question", "Could you say more,
Joost?", « Merci, Awa. ») says nothing about what was said: the name goes with its comma
("Thanks — next question"). A self-introduction ("I'm Long, I work at Y", « Je m'appelle X,
de Y ») is removed with the clause that names the employer, so what the speaker goes on to
say stays ("Hi, I'm X from Y and I'll moderate" -> "Hi, I'll moderate"); a quotation that
was only the introduction goes with its quotation marks.

An enumeration of people ("Amina and Ben disagreed", "It was Amina, Ben and Lan", a line-up
"Present: A (X), B (Y), C (Z)", « Présents : Mme A (X), présidente ; M. B (Y) ; Mme C »)
becomes one plural phrase with their number ("two participants disagreed", « trois personnes
participantes ») rather than "another participant, another participant and another
participant". An enumeration is two or more units in a row (each already grown over its
title, parenthesised affiliation, "from X" and apposition by `attribution`), separated only
by commas, semicolons or a coordinator ("and", « et », "&"), all different people, none a
possessive; it needs a coordinator before its last member, or at least three members, or a
list that goes on with a coordinator after them ("Amina, Ben and the ministry's delegate":
two names and a comma alone are too often something else, "According to Amina, Ben was wrong"). The
same holds for organisations named as content ("UNDP and UNICEF co-host" -> "two
organisations co-host") when none of them is shown with a sector.

The cue words are in `models/wording/patterns.yaml` (`vocative_before`, `vocative_after`,
`coordinators`, `introduction_before`, `introduction_work`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from ..ingest.speakers import TIMESTAMP
from ..model import Kind
from ..resources import read_yaml
from .attribution import Unit

_PERSONISH = (Kind.PERSON, Kind.ROLE)
_WINDOW = 300  # characters around a name that decide whether it is a vocative


@dataclass(frozen=True)
class Group:
    """Coordinated people: one unit covering them all, and how many they are."""

    unit: Unit
    count: int


def _alternation(words: Sequence[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    data = read_yaml("wording", "patterns.yaml")
    before = _alternation(data["vocative_before"])
    after = _alternation(data["vocative_after"])
    return {
        # "Thanks, X", "Thank you X", « Merci X » (at a sentence or clause start)
        # (a comma too: « Merci Basile, merci Leïla »)
        "before": re.compile(rf"(?:^|(?<=[.!?:;,—–(\[\]\"“«]))\s*(?:{before})(?P<comma>\s*,?\s*)$", re.I),
        # "X, you wanted…", "X, would you…" at a sentence start
        "after": re.compile(rf"^\s*,\s*(?=(?:{after})\b)", re.I),
        "start": re.compile(r"(?:^|[.!?…]\s+|[\"“«]\s*|[—–:]\s+|^\s*" + TIMESTAMP.pattern + r"\s+)$"),
        # ", X?" / ", X." / ", X —" at a sentence end
        "end": re.compile(r"^\s*(?=[?!.]|\s[—–]\s|$)"),
        "comma_before": re.compile(r",\s*$"),
        "and": re.compile(rf"^\s*(?:[,;]\s*)?(?:{_alternation(data['coordinators'])})\s+$", re.I),
        "comma": re.compile(r"^\s*[,;]\s*$"),
        # "A, B and …": the list goes on with a coordinator, so the comma before B enumerates
        "list_goes_on": re.compile(rf"\s*,?\s*(?:{_alternation(data['coordinators'])})\s+\w", re.I),
        # "I'm X" at a clause start, right before the name
        "introduction": re.compile(rf"(?:^|(?<=[.!?:;,—–(\"“«\s]))(?<![\w'’])"
                                   rf"(?P<cue>{_alternation(data['introduction_before'])})\s+$", re.I),
        "work": re.compile(rf"\s*,?\s*(?:and\s+|et\s+)?(?:{_alternation(data['introduction_work'])})"
                           rf"(?:\s+(?:the|l['’]|la|le))?\s*", re.I),
        # "…, from Y" / "…, I work at Y" / « …, de l'association Y » with Y's words capitalised
        "employer": re.compile(rf"\s*,?\s*(?i:(?:and\s+|et\s+)?(?:{_alternation(data['introduction_work'])})|"
                               rf"(?<![\w'’])(?:{_alternation(data['joiners'])}))\s*"
                               r"(?i:(?:the|l['’]|la|le|les)\s*)?(?:[a-zà-ÿ]+\s+)?"
                               r"[A-Z][\w'’&-]*(?:[ \t]+(?:(?:de|du|des|of|the|for|la|le|les|d['’])[ \t]+)*"
                               r"[A-Z][\w'’&-]*)*"),
        "tail": re.compile(rf"\s*,?\s*(?:(?:{_alternation(data['coordinators'])})\s+)?"),
    }


def vocative(text: str, unit: Unit) -> Unit | None:
    """The unit grown over its comma if it is a name used to address someone, else None."""
    if unit.kind not in _PERSONISH or unit.possessive:
        return None
    pats = _patterns()
    window = max(0, unit.start - _WINDOW)  # a long block must not make this quadratic
    before = ("\x00 " if window else "") + text[window:unit.start]
    offset = unit.start - len(before)  # position in `text` of before[0]
    after = text[unit.end:unit.end + _WINDOW]
    if m := pats["before"].search(before):
        start = unit.start - len(m.group("comma"))
        if "," in m.group("comma") and re.match(r"\s*,", after):  # "Thank you, Amina, for…" -> "Thank you for…"
            return replace(unit, start=start, end=unit.end + after.index(",") + 1)
        return replace(unit, start=start)
    if pats["start"].search(before) and (m := pats["after"].match(after)):
        return replace(unit, end=unit.end + m.end())
    if pats["start"].search(before) and (m := re.match(r"\s*,\s*", after)) and _addresses(after[m.end():]):
        return replace(unit, end=unit.end + m.end())  # "Tess, over to you.", "Kerry-Ann, could a bond…?"
    comma = pats["comma_before"].search(before)
    if comma and pats["end"].match(after) and re.search(r"\w", before[:comma.start()].split("\n")[-1]):
        # "Could you say more, X?", "Please, X.", "Coercion is a fair word, X.": a name after a comma at
        # a sentence's end addresses someone (and if it was an apposition, the name goes all the same)
        return replace(unit, start=offset + comma.start())
    return None


_ADDRESS = re.compile(r"(?<![\w'’])(?:you|your|vous|votre|tu|ton|ta|please|s['’]il\s+(?:vous|te)\s+pla[iî]t)(?![\w'’])", re.I)


def _addresses(clause: str) -> bool:
    """Whether a clause speaks to someone: it holds "you", « vous », "please", or it is a
    question ("was that a procurement failure?")."""
    sentence = re.match(r"[^.!?…]*[.!?…]?", clause).group()
    return bool(_ADDRESS.search(sentence)) or sentence.rstrip().endswith("?")


def introduction(text: str, units: Sequence[Unit], i: int) -> tuple[Unit, int] | None:
    """A self-introduction at `units[i]` ("I'm Long, I work at Y", « Je m'appelle X, de Y, et »):
    the unit grown over its cue, the employer clause after it and the punctuation that would be
    left alone, and how many units it takes; or None."""
    unit = units[i]
    if unit.kind not in _PERSONISH or unit.possessive:
        return None
    pats = _patterns()
    window = max(0, unit.start - _WINDOW)
    cue = pats["introduction"].search(text[window:unit.start])
    if cue is None:
        return _bare_introduction(text, units, i)
    start, end, j = window + cue.start("cue"), unit.end, i + 1
    while True:  # "…, I work at Y", "…, de l'association Y": the employer goes with the introduction
        work = pats["work"].match(text, end)
        if work and j < len(units) and units[j].kind == Kind.AFFILIATION and units[j].start == work.end():
            end, j = units[j].end, j + 1
        elif (employer := pats["employer"].match(text, end)) and (j >= len(units) or units[j].start >= employer.end()) \
                and not _ends_with_place(employer.group()):
            end = employer.end()  # an employer detection did not find: capitalised words after "from"
        else:
            break
    tail = pats["tail"].match(text, end)
    opened = re.search(r"[\"“«]\s*$", text[:start])
    closed = re.match(r"\s*[\"”»]\s*(?:[—–-]\s*)?", text[end:])
    if opened and closed:  # a quotation that was only the introduction goes whole
        start, end = opened.start(), end + closed.end()
    elif tail and tail.end() < len(text) and text[tail.end()].isalnum():  # "…, and I'll moderate"
        end = tail.end()
    elif comma := re.search(r",\s*$", text[:start]):  # "Hi, I'm X." -> "Hi."
        start = comma.start()
    elif pats["start"].search(text[:start]) and (stop := re.match(r"\s*[.!?…]+\s*", text[end:])):
        end += stop.end()  # a sentence that was only the introduction goes whole
    return replace(unit, start=start, end=end, mention_ids=tuple(m for u in units[i:j] for m in u.mention_ids)), j - i


def _ends_with_place(phrase: str) -> bool:
    """Whether the capitalised words a phrase ends with are a place ("joining from Dhaka")."""
    from ..detect.gazetteer import place_tier

    name = re.search(r"[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*)*$", phrase.strip())
    return bool(name) and place_tier(name.group()) is not None


def _bare_introduction(text: str, units: Sequence[Unit], i: int) -> tuple[Unit, int] | None:
    """A block that opens with a sentence of nothing but a name and an organisation, then goes on:
    "Faisal Anwar, Nai Zindagi. Different context: …" (a speaker naming themselves). The sentence
    goes whole, as an introduction does; a block that is only a name ("- Amina Diallo") stays."""
    unit = units[i]
    if re.search(r"\w", TIMESTAMP.sub("", text[:unit.start], count=1)):
        return None
    j, end = i + 1, unit.end
    while j < len(units) and units[j].kind in (*_PERSONISH, Kind.AFFILIATION) and re.fullmatch(r"\s*(?:,|[—–-]|\()\s*", text[end:units[j].start]):
        end, j = units[j].end, j + 1
    stop = re.match(r"\s*\)?\s*[.;]\s+(?=\S)", text[end:])
    if j == i + 1 and len(unit.mention_ids) < 2 or stop is None:  # "Tomas Ribeiro (Fiocruz)." is one unit
        return None
    return replace(unit, end=end + stop.end(), mention_ids=tuple(m for u in units[i:j] for m in u.mention_ids)), j - i


def coordinated(text: str, units: Sequence[Unit], i: int,
                kinds: tuple[Kind, ...] = _PERSONISH) -> Group | None:
    """The enumeration of `kinds` (people by default) that starts at `units[i]`, or None.

    See the module docstring for what an enumeration is.
    """
    pats = _patterns()
    if units[i].kind not in kinds or units[i].possessive:
        return None
    separators: list[str] = []
    places: list[str] = []  # "X of UNAFEI in Tokyo, and Y": the member's place, kept after the group
    j = i
    while j + 1 < len(units) and units[j + 1].kind in kinds and not units[j + 1].possessive:
        between = text[units[j].end:units[j + 1].start]
        if (located := _LOCATED.match(between)) and _ends_with_place(located.group("place")):
            places.append(located.group("place"))
            between = between[located.end("place"):]
        if pats["and"].match(between):
            separators.append("and")
        elif pats["comma"].match(between):
            separators.append("comma")
        else:
            break
        j += 1
    if "and" in separators:  # the enumeration ends with the member after its last coordinator
        j = i + len(separators) - separators[::-1].index("and")
    elif len(separators) < 2 and not (separators and pats["list_goes_on"].match(text, units[j].end)):
        return None
    members = units[i:j + 1]
    identities = {u.party_id or u.text.casefold() for u in members}
    if len(identities) != len(members):
        return None
    ids = tuple(m for u in members for m in u.mention_ids)
    suffix = f" ({', '.join(dict.fromkeys(places))})" if places else ""
    return Group(replace(units[i], end=units[j].end, mention_ids=ids, suffix=suffix), len(members))


_LOCATED = re.compile(r"\s+(?:in|from|à|au|en)\s+(?P<place>[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*){0,2})")
