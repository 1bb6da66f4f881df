"""A participants list names people: each item of "Present: A (X), B (Y), C" is a person, with
their organisation in brackets or after "de"/"from", whatever the case the rapporteur typed
it in (« presents : jp kabongo (min. sante rdc), aline mukendi-tshala (delegation ue) »).

The list's opener is one of `models/detect/list_openers.txt`, at the start of a line, before a
colon. An item is a person when its name part is one to four words, none a digit, not the
rapporteur themselves ("moi", "myself"), not a place, an organisation word or a role alone.
"""

from __future__ import annotations

import re
from functools import lru_cache

from unidecode import unidecode

from ..model import Field, Kind
from ..resources import read_list
from .gazetteer import place_tier
from .lexicon import is_org_word, keep_terms, role_nouns, stop_words, title_words
from .sources import Source
from .text import Hit

_ITEM_SPLIT = re.compile(r"\s*[,;]\s*(?![^()]*\))|\s+(?:and|et|&)\s+(?![^()]*\))")
_SEMICOLONS = re.compile(r"\s*;\s*(?![^()]*\))|\s*,?\s+(?:and|et|&)\s+(?![^()]*\))")
_NAME_END = re.compile(r"\s*\(|\s+(?:de|du|des|d['’]|from|of|at|with|for|pour|–|—|-)\s+|\s*[–—:=/]\s*|$")
_SELF = frozenset({"moi", "me", "myself", "moi-meme", "et moi", "and me", "rapporteur", "rapporteure", "rapporteuse",
                   "etc", "etc.", "others", "autres"})


@lru_cache(maxsize=1)
def _opener() -> re.Pattern[str]:
    words = sorted(read_list("detect", "list_openers.txt"), key=len, reverse=True)
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"^[\s\-–—•*]*(?:{alternation})\s*:\s*", re.IGNORECASE | re.MULTILINE)


@lru_cache(maxsize=1)
def _roles() -> frozenset[str]:
    return frozenset(unidecode(n).casefold() for lang in ("en", "fr") for which in ("unique", "generic")
                     for n in role_nouns(lang, which))


def list_people(text: str, block_id: str, field: Field = Field.TEXT) -> list[Hit]:
    """The people (and their bracketed or "de …" organisations) of the participants lists in `text`."""
    out: list[Hit] = []
    folded = unidecode(text) if len(unidecode(text)) == len(text) else None
    if folded is None:  # a character that folds to several: match the text itself
        folded = text
    for m in _opener().finditer(folded):
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        position, found = m.end(), []
        line = text[m.end():line_end]
        # "PRICE, Marcia (Hon.) – People's National Party, Chair; McFARLANE, …": semicolons (and a
        # last "and") part the items, a comma may be inside one
        split = _SEMICOLONS if ";" in line else _ITEM_SPLIT
        for item in split.split(line):
            start = text.index(item, position) if item else position
            position = start + len(item)
            found.append(_item(text, start, start + len(item), block_id, field))
        # where names are capitalised, a lower-case item is a role after a name ("…, corapporteure ;")
        capitalised = any(hits and hits[0].text[:1].isupper() for hits in found)
        out += [h for hits in found if hits and (hits[0].text[:1].isupper() or not capitalised) for h in hits]
    return out


def _item(text: str, start: int, end: int, block_id: str, field: Field) -> list[Hit]:
    if lead := re.match(r"(?:(?:and|et|&)\s+|[+*•·]\s*)", text[start:end]):  # ", and Dr Leota …", "+ kila"
        start += lead.end()
    item = text[start:end].rstrip(". ")
    name_end = _NAME_END.search(item)
    name = item[:name_end.start()].strip() if name_end else item
    words = name.split()
    while words and words[0].rstrip(".") in title_words():
        words = words[1:]  # the title stays outside: detection extends a name over its title
    if not _is_name(words):
        return []
    offset = start + item.index(words[0])
    name = " ".join(words)
    if text[offset:offset + len(name)] != name:
        return []
    hits = [Hit(block_id, field, offset, offset + len(name), name, Kind.PERSON, Source.LIST, 0.8)]
    rest = item[len(item[:name_end.start()]) if name_end else len(item):]
    aff = re.match(r"\s*(?:\((?P<title>[^()]*)\)\s*)?(?:\(\s*(?P<paren>[^()]+?)\s*\)"
                   r"|(?:de|du|des|d['’]|from|of|at|with|for|pour)\s+(?:the\s+)?(?P<after>[^()]+)|[–—-]\s+(?P<dash>[^()]+))", rest)
    if aff and aff.group("title") is not None and not _only_titles(aff.group("title")):
        aff = None  # "(Hon.)" after an inverted name is a title; anything else in brackets is the body
    if aff:
        group = next(g for g in ("paren", "after", "dash") if aff.group(g))
        inner = aff.group(group).split(",")[0].strip()
        if inner and not place_tier(inner) and unidecode(inner).casefold() not in _roles():
            at = start + len(item) - len(rest) + aff.start(group)
            hits.append(Hit(block_id, field, at, at + len(inner), inner, Kind.AFFILIATION, Source.CUE_PAREN, 0.8))
    return hits


def _only_titles(text: str) -> bool:
    """ "Hon.", "Senator Dr": the titles of "PRICE, Marcia (Hon.)"."""
    words = text.split()
    return bool(words) and all(w.rstrip(".") in title_words() for w in words)


def _is_name(words: list[str]) -> bool:
    if not 1 <= len(words) <= 4:
        return False
    plain = [unidecode(w).casefold().strip(".,") for w in words]
    if " ".join(plain) in _SELF or any(any(c.isdigit() for c in w) for w in words):
        return False
    if len(words) == 1 and words[0].isupper() and len(words[0]) > 1:
        return False  # "UNODC": an acronym alone is a body (a surname in capitals comes with a given name)
    if all(w in stop_words() for w in plain) or plain[0] in stop_words() and len(words) == 1:
        return False
    joined = " ".join(words)
    return not (place_tier(joined) or joined in keep_terms() or any(is_org_word(w, any_case=True) for w in words)
                or " ".join(plain) in _roles() or len(joined) < 2)
