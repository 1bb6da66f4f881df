"""Content that must not become a finding: places, months, currencies and the keep terms.

Countries, continents and world regions come from babel's CLDR territory names in English
and French; regions, short forms and cities from `models/detect/places.txt`,
`cities.txt` and `world_cities.txt` (GeoNames' towns, built by `cities_build.py`); months from babel; currency codes from babel's current currencies.

Three tiers say how strong a contrary cue must be to keep a finding inside such a span:

- "keep": a keep term ("Chatham House Rule", "CND"): only the roster, a speaker label, or
  the parentheses after a person's name ("Name (ECOWAS)");
- "strong": countries, regions, months, currencies: also a title ("Ms June");
- "weak": cities, some of which are given names (Florence) or surnames (Rivas): also an
  attribution cue, or another form of a person found elsewhere in the note.
"""

from __future__ import annotations

import re
from functools import lru_cache

import ahocorasick

from ..model import Field, Kind
from ..resources import read_list
from .intervals import Coverage
from .lexicon import keep_terms
from .sources import Source
from .text import Hit, at_word_edges, fold

_NOT_PLACES = {"001", "ZZ", "QO", "EU", "EZ", "UN"}  # world, unknown, unions: not places
_OVERRIDE = {"keep": ("cue:paren",), "content": ("cue:title", "cue:paren"), "strong": ("cue:title",),
             # a town's name that is also a found person's surname ("Tomás Rivas" … "Rivas :") is theirs
             "weak": ("cue:title", "cue:after", "cue:before", "cue:aside", "propagated", "list")}
_RANK = {"keep": 4, "content": 3, "strong": 2, "weak": 1}
# French heads that open an instrument's name (« Règles de Bangkok »); not « Rapport de M. X ».
_FR_HEADS = ("Règles", "Protocole", "Déclaration", "Traité", "Charte", "Convention", "Résolution", "Principes",
             "Stratégie", "Pacte", "Accord", "Accords", "Loi")


def _territories() -> set[str]:
    from babel import Locale

    out: set[str] = set()
    for lang in ("en", "fr"):
        for code, name in Locale(lang).territories.items():
            if code in _NOT_PLACES:
                continue
            for part in re.split(r"\s*[()]\s*|\s+-\s+", name):  # "Myanmar (Burma)", "Congo - Kinshasa"
                if len(part) > 2 and part[0].isupper() and not part.startswith("R.A.S."):
                    out |= _written_out(part.strip())
    return out


def _written_out(name: str) -> set[str]:
    """A territory's CLDR name as notes write it in full too: "St. Vincent & Grenadines" is
    "Saint Vincent and the Grenadines", "St Kitts and Nevis"."""
    forms = {name}
    if "St." in name:
        forms |= {name.replace("St.", "Saint"), name.replace("St.", "St")}
    if " & " in name:
        forms |= {f.replace(" & ", " and ") for f in forms} | {f.replace(" & ", " and the ") for f in forms}
    return forms


def _months_and_currencies() -> set[str]:
    from babel import Locale

    out = {"FCFA", "CFA"}
    for lang in ("en", "fr"):
        locale = Locale(lang)
        for context in ("format", "stand-alone"):
            out |= {m.capitalize() for m in locale.months[context]["wide"].values()}
    out |= _current_currencies()
    return out


def _current_currencies() -> set[str]:
    """The codes of the currencies some territory uses today (babel's CLDR), not withdrawn ones:
    "IEP" (the Irish pound) is an institute's acronym in today's notes, not money."""
    import datetime

    from babel import Locale
    from babel.numbers import get_territory_currencies

    day = datetime.date(2025, 1, 1)  # fixed, so that detection does not change with the calendar
    return {code for territory in Locale("en").territories for code in get_territory_currencies(territory, day)}


@lru_cache(maxsize=1)
def tiers() -> dict[str, str]:
    """Folded name -> tier, for places, months and currencies."""
    table = {fold(n): "weak" for n in (*read_list("detect", "world_cities.txt"), *read_list("detect", "cities.txt"))}
    strong = _territories() | set(read_list("detect", "places.txt")) | _months_and_currencies()
    table.update({fold(n): "strong" for n in strong})
    return table


def place_tier(text: str) -> str | None:
    """The tier of `text` if it is a place, month or currency as a whole, else None."""
    stripped = re.sub(r"['’]s$", "", text.strip())
    return tiers().get(fold(stripped)) if stripped[:1].isupper() else None


@lru_cache(maxsize=1)
def _automata() -> tuple[ahocorasick.Automaton, ahocorasick.Automaton]:
    places = ahocorasick.Automaton()
    for name, tier in tiers().items():
        places.add_word(name, (len(name), tier))
    places.make_automaton()
    keeps = ahocorasick.Automaton()
    for term in keep_terms():
        keeps.add_word(term, (len(term), "keep"))
    keeps.make_automaton()
    return places, keeps


_CAP = r"[A-ZÀ-Þ][\w’'\-]*"
_LINK = r"(?:of|on|for|the|and|against|de|du|des|la|le|sur|contre|et|[dl]['’])"


@lru_cache(maxsize=1)
def _content_names() -> re.Pattern[str]:
    """Named texts and instruments: "Nelson Mandela Rules", "Vienna Declaration", « Règles de Bangkok »,
    « Protocole de Maputo »: a capitalised run ending with, or a French head followed by, a content head."""
    heads = "|".join(re.escape(h) for h in sorted(read_list("detect", "content_heads.txt"), key=len, reverse=True))
    run = rf"{_CAP}(?:\s+(?:{_LINK}\s*)*{_CAP}){{0,5}}"
    fr_run = rf"{_CAP}(?:\s+{_CAP}){{0,2}}"  # « Protocole de Maputo », not a clause after it
    return re.compile(rf"(?<![\w’'])(?:{run}\s+(?:{heads})|(?:{'|'.join(_FR_HEADS)})\s+(?:{_LINK}\s*)+{fr_run})(?![\w’'])")


def inside_content_name(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] lies inside a named text or instrument ("Nelson Mandela Rules")."""
    return any(tier in ("keep", "content") for tier in _protected_index(text).containing(start, end))


@lru_cache(maxsize=256)
def _protected_index(text: str) -> Coverage:
    """`protected_spans` of a text, indexed for containment questions."""
    return Coverage((s, e, tier) for s, e, tier in protected_spans(text))


@lru_cache(maxsize=4096)
def protected_spans(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, tier) of every place, month, currency, keep term and named instrument in `text`."""
    places, keeps = _automata()
    out = [(m.start(), m.end(), "content") for m in _content_names().finditer(text)]
    for automaton, haystack in ((places, fold(text)), (keeps, text)):
        for end, (length, tier) in automaton.iter(haystack):
            start = end + 1 - length
            if at_word_edges(text, start, end + 1) and (tier == "keep" or text[start].isupper()):
                out.append((start, end + 1, tier))
    return tuple(out)


_LEAD = re.compile(r"(?:(?:du|des|de|la|le|les|the|of)\s+|[dlDL]['’])+")  # "d'Accra", "du Niger"
_JOIN = re.compile(r",\s*|\s+(?:and|et|&|or|ou)\s+")


def _vetoed(hit: Hit, spans: Coverage) -> bool:
    if Source.of(hit.detector).firm or hit.kind not in (Kind.PERSON, Kind.AFFILIATION):
        return False
    pieces, pos = [], hit.start
    for m in _JOIN.finditer(hit.text):  # "Norway and Türkiye": two places
        pieces.append((pos, hit.start + m.start()))
        pos = hit.start + m.end()
    pieces.append((pos, hit.end))
    return all(_piece_vetoed(hit, s0 + _lead(hit.text[s0 - hit.start:]), e0, spans) for s0, e0 in pieces)


def _lead(text: str) -> int:
    m = _LEAD.match(text)
    return m.end() if m else 0


def _piece_vetoed(hit: Hit, start: int, end: int, spans: Coverage) -> bool:
    if hit.text[end - hit.start - 2:end - hit.start] in ("'s", "’s"):
        end -= 2  # "how does Taiwan's system…": the place, with its possessive
    inside = spans.containing(start, end)
    if not inside:
        return False
    tier = max(inside, key=_RANK.__getitem__)
    return hit.detector not in _OVERRIDE[tier]


def veto(hits: list[Hit], texts: dict[tuple[str, Field], str]) -> list[Hit]:
    """Drops the person and organisation guesses that lie inside a protected span."""
    return [h for h in hits if not _vetoed(h, _protected_index(texts[(h.block_id, h.field)]))]
