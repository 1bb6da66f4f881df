"""Quasi-identifiers: identifying role descriptions ("the moderator", « la directrice de l'ONG »)
and places tied to a person ("our colleague in Abidjan": the PLACE finding is "in Abidjan").
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Field, Kind
from ..resources import read_yaml
from .lexicon import cues, role_nouns
from .text import Hit

_STOP = r"(?:that|who|which|whose|when|and|but|to|about|because|as|if|said|qui|que|dont|et|mais|a|has|had|is|was|will|est|était|pour|sur)"


def _alts(items) -> str:
    return "|".join(re.escape(x) for x in sorted(set(items), key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    dets = read_yaml("detect", "determiners.yaml")
    det = _alts(dets["en"] + dets["fr"])
    preps = _alts(dets["tail_prepositions"]["en"] + dets["tail_prepositions"]["fr"])
    unique = _alts(role_nouns("en", "unique") + role_nouns("fr", "unique"))
    generic = _alts(role_nouns("en", "generic") + role_nouns("fr", "generic"))
    verbs = _alts(cues("en", "after") + cues("fr", "after"))
    # A tail: preposition, optional determiner, up to four words (stopping at verbs and clauses).
    word = rf"(?!(?:{verbs}|{_STOP})\b)(?![a-z]{{2,}}ed\b)[\w’'\-&]+"  # no English past tense
    tail = rf"(?:\s+(?:{preps})\s*(?:(?:the|l['’]|la|le|les)\s*)?{word}(?:\s+(?:(?:of|at|de|du|des|à)\s+(?:the\s+|l['’]|la\s+)?)?{word}){{0,3}})"
    role = re.compile(
        rf"(?<!\w)(?i:{det})\s*(?:(?i:{unique})(?!\w){tail}?|(?i:{generic})(?!\w){tail})", re.UNICODE)
    place_spec = read_yaml("detect", "place_cues.yaml")
    nouns = _alts(place_spec["en"]["nouns"] + place_spec["fr"]["nouns"])
    place_preps = _alts(place_spec["en"]["prepositions"] + place_spec["fr"]["prepositions"])
    place = re.compile(
        rf"(?<!\w)(?i:{nouns})\s+(?P<place>(?:{place_preps})\s*(?![A-Z]{{2,}}\b)[A-ZÀ-Ý][\w\-’']+(?:[\s\-][A-ZÀ-Ý][\w\-’']+)*)")
    return role, place, _only_pattern(word)


def _only_pattern(word: str) -> re.Pattern[str]:
    """ "the only pharmacist on the panel", « le seul juge présent »: a unique person in the room."""
    spec = read_yaml("detect", "determiners.yaml")
    only = _alts(spec["only"]["en"] + spec["only"]["fr"])
    where = _alts(spec["only_places"]["en"] + spec["only_places"]["fr"])
    present = _alts(spec["only_present"])
    rooms = _alts(spec["only_rooms"])
    noun = rf"(?!(?:{where}|{present})\b){word}"
    return re.compile(rf"(?<!\w)(?i:{only})\s+{noun}(?:\s+{noun}){{0,2}}?"
                      rf"(?:\s+(?i:{present})\b|\s+(?i:{where})\s+(?:(?:the|this|our|la|le|les|l['’]|cette|ce)\s*)?(?i:{rooms})\b)")


def find_roles(text: str, block_id: str, field: Field = Field.TEXT) -> list[Hit]:
    """ROLE descriptions and PLACE findings in `text`."""
    role, place, only = _patterns()
    places = [Hit(block_id, field, m.start("place"), m.end("place"), m.group("place"), Kind.PLACE, "place", 0.6)
              for m in place.finditer(text)]
    out = []
    for m in role.finditer(text):
        end = m.end()
        for p in places:  # "our colleague in Abidjan": the place is the finding, the rest is generic
            if m.start() < p.start and p.end == end:
                end = -1
        if end > 0:
            out.append(Hit(block_id, field, m.start(), end, text[m.start():end], Kind.ROLE, "role", 0.7))
    out += [Hit(block_id, field, m.start(), m.end(), m.group(), Kind.ROLE, "role", 0.7) for m in only.finditer(text)]
    return out + places
