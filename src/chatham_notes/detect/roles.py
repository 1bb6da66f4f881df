"""Quasi-identifiers: identifying role descriptions ("the moderator", « la directrice de l'ONG »,
"a private-sector speaker", "the WHO focal point") and places tied to a person ("our colleague
in Abidjan": the PLACE finding is "in Abidjan"). The organisation in a role's tail ("the
representative of Penal Reform International") is an AFFILIATION finding of its own.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Field, Kind
from ..resources import read_yaml
from .gazetteer import place_tier
from .lexicon import cues, is_org_word, keep_terms, role_nouns
from .sources import Source
from .text import WORD, Hit

_STOP = r"(?:that|who|which|whose|when|and|but|to|about|because|as|if|said|qui|que|dont|et|mais|a|has|had|is|was|will|est|était|pour|sur)"
_CAP_WORD = r"(?:[A-ZÀ-Þ][\w&’'\-]*)"


def _alts(items) -> str:
    return "|".join(re.escape(x) for x in sorted(set(items), key=len, reverse=True))


def _both(spec: dict, name: str) -> list[str]:
    return spec[name]["en"] + spec[name]["fr"]


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    dets = read_yaml("detect", "determiners.yaml")
    det, indef = _alts(dets["en"] + dets["fr"]), _alts(_both(dets, "indefinite"))
    preps = _alts(_both(dets, "tail_prepositions"))
    unique = _alts(role_nouns("en", "unique") + role_nouns("fr", "unique"))
    generic = _alts(role_nouns("en", "generic") + role_nouns("fr", "generic"))
    verbs = _alts(cues("en", "after") + cues("fr", "after"))
    # A tail: preposition, optional determiner, up to four words (stopping at verbs and clauses).
    word = rf"(?!(?:{verbs}|{_STOP})\b)(?![a-z]{{2,}}ed\b)[\w’'\-&]+"  # no English past tense
    art = r"(?:(?:the|an?|la|le|les|une?)\s+|l['’]\s*)"
    # a whole preposition: « de » is no start of « demande » (an elided « d' » needs no space)
    prep = rf"(?:{preps})(?:(?<=['’])\s*|\s+)"
    tail = rf"(?P<tail{{n}}>\s+{prep}{art}?{word}(?:\s+(?:(?:of|at|de|du|des|à)\s+{art}?)?{word}){{0,3}})"
    noun = rf"(?:(?i:{unique})|(?i:{generic}))(?!\w)"
    qualifier = rf"(?:(?i:{_alts(dets['sector_modifiers'])})|{_CAP_WORD}(?:\s+{_CAP_WORD}){{0,2}})"
    t1, t2, t3, t4, t5 = (tail.replace("{n}", str(n)) for n in range(1, 6))  # one group name each
    role = re.compile(
        rf"(?<!\w)(?:(?i:{det})\s*(?:(?i:{unique})(?!\w){t1}?|(?i:{generic})(?!\w){t2}|{qualifier}\s+{noun}{t3}?)"
        rf"|(?i:{indef})\s+(?:{noun}{t4}|{qualifier}\s+{noun}{t5}?))", re.UNICODE)
    place_spec = read_yaml("detect", "place_cues.yaml")
    nouns = _alts(place_spec["en"]["nouns"] + place_spec["fr"]["nouns"])
    place_preps = _alts(place_spec["en"]["prepositions"] + place_spec["fr"]["prepositions"])
    place = re.compile(
        rf"(?<!\w)(?i:{nouns})\s+(?P<place>(?:{place_preps})\s*(?![A-Z]{{2,}}\b)[A-ZÀ-Ý][\w\-’']+(?:[\s\-][A-ZÀ-Ý][\w\-’']+)*)")
    return role, place, _only_pattern(word, unique, generic)


def _only_pattern(word: str, unique: str, generic: str) -> re.Pattern[str]:
    """ "the only pharmacist on the panel", « le seul juge présent », « la seule participante
    scandinave »: a unique person in the room, or a person noun with a qualifier."""
    spec = read_yaml("detect", "determiners.yaml")
    only = _alts(spec["only"]["en"] + spec["only"]["fr"])
    where = _alts(spec["only_places"]["en"] + spec["only_places"]["fr"])
    present = _alts(spec["only_present"])
    rooms = _alts(spec["only_rooms"])
    noun = rf"(?!(?:{where}|{present})\b){word}"
    person = rf"(?i:{unique}|{generic}|{_alts(spec['only_people'])})(?!\w)"
    in_room = (rf"{noun}(?:\s+{noun}){{0,2}}?(?:\s+(?i:{present})\b|\s+(?i:{where})\s+"
               rf"(?:(?:the|this|our|la|le|les|l['’]|cette|ce)\s*)?(?i:{rooms})\b)")
    qualified = rf"(?:{noun}\s+){{0,2}}?{person}(?:\s+(?!(?:{where})\b)(?=[a-zà-ÿ]){noun})?"
    return re.compile(rf"(?<!\w)(?i:{only})\s+(?:{in_room}|{qualified})")


def _is_org(text: str) -> bool:
    """A tail's capitalised run that names an organisation (a cue word, an acronym, a name) rather
    than a place ("from Makerere University", "of Penal Reform International", not "from Ghana")."""
    words = [w.group() for w in WORD.finditer(text)]
    if len(words) == 1 and is_org_word(words[0]):
        return False  # a bare "ONG", "Ministry": the role says no more than a sector
    return bool(words) and not place_tier(text) and text not in keep_terms() and (
        any(is_org_word(w) or w.isupper() and len(w) > 1 for w in words)
        or all(w[0].isupper() for w in words))


_TAIL_ORG = re.compile(r"(?:[A-ZÀ-Þ][\w&’'\-]*)(?:\s+(?:(?:of|for|on|and|de|du|des|la|pour|et|l['’]|d['’])\s*)*"
                       r"[A-ZÀ-Þ][\w&’'\-]*)*")


def _tail_findings(text: str, m: re.Match[str], block_id: str, field: Field) -> tuple[int, list[Hit]]:
    """The end of the role, and what its tail holds: an organisation (AFFILIATION), or only a place
    ("a participant from Ghana": a PLACE, the noun alone a role only if it identifies alone)."""
    tail = next((g for g in ("tail1", "tail2", "tail3", "tail4", "tail5") if m.group(g)), None)
    if tail is None:
        return m.end(), []
    start = m.start(tail)
    org = _TAIL_ORG.search(text, start, m.end())
    if org is None:
        return m.end(), []
    found = org.group()
    if _is_org(found):
        return m.end(), [Hit(block_id, field, org.start(), org.end(), found, Kind.AFFILIATION, Source.CUE_ORG, 0.75)]
    if place_tier(found) and org.end() == m.end():
        at = start + len(m.group(tail)) - len(m.group(tail).lstrip())
        return -1, [Hit(block_id, field, at, m.end(), text[at:m.end()], Kind.PLACE, Source.PLACE, 0.6)]
    return m.end(), []


def find_roles(text: str, block_id: str, field: Field = Field.TEXT) -> list[Hit]:
    """ROLE descriptions, PLACE findings and the organisations inside role tails in `text`."""
    role, place, only = _patterns()
    places = [Hit(block_id, field, m.start("place"), m.end("place"), m.group("place"), Kind.PLACE, Source.PLACE, 0.6)
              for m in place.finditer(text) if not _is_org(m.group("place").split(None, 1)[-1])
              or place_tier(m.group("place").split(None, 1)[-1])]
    out, extra = [], []
    for m in role.finditer(text):
        end, found = _tail_findings(text, m, block_id, field)
        for p in places:  # "our colleague in Abidjan": the place is the finding, the rest is generic
            if m.start() < p.start and p.end == end:
                end = -1
        if end > 0 and (after := re.match(r"[ \t]+([A-ZÀ-Þ][\w’'\-]*)", text[end:])) and is_org_word(after.group(1)):
            end = -1  # "the WHO Expert Committee on…": a role noun inside a body's name is no role
        if end > 0:
            out.append(Hit(block_id, field, m.start(), end, text[m.start():end], Kind.ROLE, Source.ROLE, 0.7))
        extra += [f for f in found if f.kind is Kind.AFFILIATION or not any(p.start == f.start for p in places)]
    out += [Hit(block_id, field, m.start(), m.end(), m.group(), Kind.ROLE, Source.ROLE, 0.7) for m in only.finditer(text)]
    return out + places + extra
