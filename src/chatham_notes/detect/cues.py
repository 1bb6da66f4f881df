"""Names and organisations without a roster: spaCy entities checked against lexicons, titles,
attribution cues ("priya said", « selon Mme Traoré »), first names, organisation cue words
and known acronyms.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..matching import UPPER
from ..model import Field, Kind
from ..resources import read_list, read_yaml
from .gazetteer import place_tier
from .lexicon import (
    all_titles,
    cues,
    is_first_name,
    is_given_name,
    stop_words,
    is_common_word,
    keep_terms,
    known_orgs,
    name_particles,
    org_cues,
    is_org_word,
    org_words,
    title_words,
)
from .ner import Entity
from .sources import Source
from .text import FIRST_PERSON, WORD, Hit, sentence_initial

_CAP = rf"[{UPPER}][\w’'\-]*[\w]|[{UPPER}]\.?"
_PARTICLE = r"(?:de|van|von|der|den|da|dos|du|al|el|bin|ben|ibn|le|la)"
# "Samira al-Khatib", "Omar el-Amin": a particle joins the next part with a space or a hyphen
NAME_RUN = rf"(?:{_CAP})(?:\s+(?:{_PARTICLE}(?:\s+|-))?(?:{_CAP})){{0,3}}"
_LOWER_NAME = r"[a-zà-ÿ][a-zà-ÿ]{2,}"
_ORG_RUN = (r"[A-ZÀ-Þ][\w&'’\-]*(?:\s+(?:(?:of|for|on|the|and|de|du|des|la|le|pour|sur|et|d['’]|l['’])\s*)*"
            r"[A-ZÀ-Þ][\w&'’\-]*){0,8}")
# Between a name and its verb: "(observer)", "from the Thai Office of ...", " - ".
BETWEEN = (rf"(?:\s*\([^()\n]{{1,120}}\))?(?:\s+(?:from|of|at|de|du|d['’])\s*(?:the\s+|la\s+|le\s+|l['’])?{_ORG_RUN})?"
            r"(?:\s+[-–—])?")
DETERMINER_BEFORE = re.compile(r"(?i:\b(?:a|an|the|this|that|our|their|my|his|her|each|every|another|one|un|une|le|la|"
                                r"les|des|du|de|ce|cette|notre|votre|leur|son|sa|ses|chaque|autre)\s+|\b[ld]['’])$")
_SPACED_DASH = re.compile(r"\s[-–—]\s")
_SESSION_LABEL = re.compile(r"(?i:(?:working\s+)?group|groupe(?:\s+de\s+travail)?|breakout(?:\s+group)?|session|séance|"
                            r"atelier|workshop|panel|table\s+ronde|round\s*table)\s+(?:[A-Z]|\d{1,2})")
_CHEZ = re.compile(r"\b(?i:chez)\s+(?P<name>[A-ZÀ-Þ][\w&’'\-]+(?:\s+[A-ZÀ-Þ][\w&’'\-]+){0,3})")
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|à|au|aux|en|dans)\s+$")
# "At Doi Tung, opium poppy was replaced…": what spaCy alone calls a person after "in"/"at" is a
# place (not « à », which addresses people: « merci à Amina »)
_LOCATIVE_BEFORE = re.compile(r"\b(?i:in|at|near|en|dans)\s+$")
# "compared this with Tumaco, where...", « l'exemple de Doi Tung, en Thaïlande »: a locality.
_PLACE_AFTER = re.compile(r",\s+(?:where|où)\b|,\s+(?:in|en|au|aux)\s+(?P<place>[A-ZÀ-Þ][\w’'\-]*(?:\s+[A-ZÀ-Þ][\w’'\-]*)?)")


def _locality(text: str, end: int) -> bool:
    """Whether the name ending at `end` is followed by ", where" or ", in <country>": a place."""
    m = _PLACE_AFTER.match(text, end)
    return bool(m) and (m.group("place") is None or place_tier(m.group("place")) == "strong")
# Organisation heads that rapporteurs write in lower case: « ministère de la Justice ».
_LOWER_ORG_HEADS = ("ministry", "ministère", "ministere", "university", "université", "institute", "institut",
                    "agency", "agence", "department", "département", "direction générale", "secrétariat d'état",
                    "barreau", "tribunal", "cour")
_CONNECTORS = frozenset("of for on the and de du des la le pour sur en et & d' l' für di del y".split())


def alternation(items: tuple[str, ...] | frozenset[str]) -> str:
    """A regex alternation of `items`, longest first; an apostrophe matches either ' or ’."""
    return "|".join(re.escape(x).replace("'", "['’]") for x in sorted(items, key=len, reverse=True))


_alts = alternation


def _abbreviation(title: str) -> bool:
    """Titles also written in lower case in informal notes: mr, mrs, dr, prof, mme (not "me", "m.")."""
    return (2 <= len(title.rstrip(".")) <= 4 or title == "M.") and title.rstrip(".") not in ("Me", "Amb")


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    titles_both = all_titles()
    after = cues("en", "after") + cues("fr", "after")
    before = [c for c in cues("en", "before") + cues("fr", "before") if not c.endswith(",")]
    # "pour ,": a cue only when a comma follows the name (« pour Amina, le problème »; not « pour Dakar »)
    before_comma = [c.removesuffix(",").strip() for c in cues("en", "before") + cues("fr", "before") if c.endswith(",")]
    return {
        "title": re.compile(rf"(?<![\w.])(?:{_alts(titles_both)})(?!\w)\s*(?P<name>{NAME_RUN})"),
        "after": re.compile(rf"(?<![\w'’\-])(?P<name>{NAME_RUN}|{_LOWER_NAME})(?:['’]s)?{BETWEEN}\s+(?:{_alts(after)})\b"),
        "aside": re.compile(rf"(?<![\w'’\-])(?P<name>{NAME_RUN})\s*\((?:{_ORG_RUN}|[A-ZÀ-Þ][\w&'’\-]*)\)\s*(?:[:,;.]|$|[a-zà-ÿ]{{3,}})"),
        "vocative": re.compile(rf"(?i:(?<![\w'’])(?:{_alts(tuple(_vocative_cues()))}))[,\s]\s*(?P<name>{NAME_RUN})"),
        "lower_title": re.compile(rf"(?<![\w.])(?<!\d\s)(?:{_alts(tuple(t.lower() for t in titles_both if _abbreviation(t)))})"
                                  rf"\s+(?P<name>[a-zà-ÿ][a-zà-ÿ\-]{{2,}})\b"),
        "initials": re.compile(r"(?<![\w.\-])(?P<name>[A-Z]\.(?:\s?-?[A-Z]\.){1,2})(?=\s+[a-zà-ÿ])"),
        "before": re.compile(rf"\b(?:(?i:{_alts(tuple(before))})\s+(?:(?:{_alts(titles_both)})\s+)?(?P<name>{NAME_RUN})"
                             rf"|(?i:{_alts(tuple(before_comma))})\s+(?:(?:{_alts(titles_both)})\s+)?(?P<named>{NAME_RUN})(?=\s*,))"),
        "org": re.compile(rf"(?P<name>(?:{_CAP})(?:\s+(?:(?:of|for|on|the|de|du|des|la|le|pour|sur|en|di|del|y|(?:et|and)(?=\s+(?:de|du|des|of|[A-ZÀ-Þ])))\s+)*"
                          rf"(?:[ld]['’])?(?:{_CAP}|&)){{0,7}})"),
        # « tribunal de grande instance de Thiès », « barreau de Marseille »: up to three lower-case words before the name
        # « Observatoire marocain des prisons », « Agence française de développement »: a French body's
        # name is its capitalised head, then lower-case adjectives and a « de » complement
        "french_org": re.compile(rf"(?:(?<=[ldLD]['’])|(?<![\w’']))(?P<name>(?:{_alts(tuple(w for w in org_cues('fr') if w[:1].isupper()))})"
                                 rf"(?P<words>(?:\s+(?!(?:de|des|du|d['’]|la|le|les|et|en|pour|sur|a|à|au|aux)\b)[a-zà-ÿ][\w’'\-]+){{1,2}}(?:\s+(?:de\s+la|de\s+l['’]|des|du|de|d['’])\s*"
                                 rf"[a-zà-ÿ][\w’'\-]+)?))"),
        "lower_org": re.compile(rf"(?<![\w’'])(?P<name>(?:{_alts(_LOWER_ORG_HEADS)})(?P<between>(?:\s+[a-zà-ÿ'’]+){{0,3}}?)"
                                rf"\s+(?:of\s+(?:the\s+)?|de\s+la\s+|de\s+l['’]|de\s+|du\s+|des\s+|d['’])"
                                rf"[A-ZÀ-Þ][\w’'\-]*(?:\s+(?:(?:and|et|of|de|la|du|des|l['’])\s*)+[A-ZÀ-Þ][\w’'\-]*){{0,4}})"),
        # « la coopérative Tifawt », « l'association Espace Confiance »: a kind of body in lower case, then its name
        "named_org": re.compile(rf"(?:(?<=[ldLD]['’])|(?<![\w’']))(?P<name>(?:{_alts(tuple(sorted({w.lower() for w in org_words() if len(w) > 4})))})"
                                rf"\s+(?-i:[A-ZÀ-Þ][\w’'\-]+)(?:\s+(?-i:[A-ZÀ-Þ][\w’'\-]+)){{0,3}})"),
        "acronym": re.compile(r"(?<![\w&])[A-Z][A-Za-z]?[A-Z0-9&]{1,8}s?(?![\w&])"),
    }


def _clean_name(text: str, start: int, whole: str, caps_ok: bool = False, vouched: bool = False) -> tuple[int, int] | None:
    """Trims a name run: possessive, then leading/trailing words that are ordinary or titles.

    `vouched`: something says a person is named here (spaCy's PERSON, a speech verb), so a
    given name before a capitalised word is a full name even if both are words ("Tom Winter").
    """
    words = [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]
    caps_ok = caps_ok or vouched and len(words) > 1 and _given_then_name(words[0][2], words[1][2], vouched=True)
    while words and ((is_common_word(words[0][2]) and not caps_ok and not _given_before_name(words))
                     or words[0][2].rstrip(".") in title_words() or FIRST_PERSON.fullmatch(words[0][2])
                     or words[0][2].lower() in _one_word_vocative_cues()):  # "Dear Dr Young"
        words.pop(0)
    caps_ok = caps_ok or _given_before_name(words)  # "Grace Rose said": a given name and a surname
    while words and is_common_word(words[-1][2]) and len(words) > 1 and not caps_ok:
        words.pop()
    if not words or not caps_ok and all(is_common_word(w) or w.isupper() and len(w) > 1 for _, _, w in words):
        return None
    if any(w in keep_terms() or _known_org_form(w) or re.sub(r"^[ld]['’]", "", w) in keep_terms() for _, _, w in words):
        return None  # « l'OICS » is the content term OICS
    end = words[-1][1]
    if whole[start + end - 2:start + end] in ("'s", "’s") and end - 2 > words[-1][0]:
        end -= 2
    return start + words[0][0], start + end


def _given_before_name(words: list[tuple[int, int, str]]) -> bool:
    """ "Grace Okafor", "Nathan Winter", "Moussa Diop": a capitalised given name before a capitalised
    name; one of the two at least is no ordinary word (or the second is a given name too)."""
    return len(words) > 1 and _given_then_name(words[0][2], words[1][2])


def _given_then_name(first: str, second: str, vouched: bool = False) -> bool:
    """A given name, then a surname: both capitalised (LAPOINTE, not an acronym such as UN), and not
    both ordinary words ("Tom Winter") unless something vouches for a person (spaCy, a speech verb)."""
    acronym = second.isupper() and len(second) <= 3
    return is_given_name(first) and first[:1].isupper() and second[:1].isupper() and not acronym and (
        vouched or not is_common_word(second) or not is_common_word(first) or is_given_name(second))


def _known_org_form(text: str) -> bool:
    return any(text == f for org in known_orgs() for f in org.forms)


def cue_people(text: str, block_id: str, field: Field = Field.TEXT) -> list[Hit]:
    """People named after a title, before an attribution verb or after a "selon"-type cue."""
    out = []
    for name, score in (("title", 0.9), ("after", 0.8), ("before", 0.8)):
        for m in _patterns()[name].finditer(text):
            group = "named" if "named" in m.re.groupindex and m.group("named") else "name"
            span = _clean_name(m.group(group), m.start(group), text, caps_ok=name == "title", vouched=name == "after")
            if span is None:
                continue
            start, end = span
            word = text[start:end]
            if name == "title" and DETERMINER_BEFORE.search(text, max(0, m.start() - 30), m.start()) and all(
                    is_common_word(w.group()) for w in WORD.finditer(word)):
                continue  # "the General Law of Coca": a title word naming a thing, not a person
            if name == "after" and word.islower() and not is_first_name(word) and (
                    len(word) < 4 or DETERMINER_BEFORE.search(text, max(0, start - 30), start)):
                continue  # "une participante de MdM demande" is a noun, "priya said" a name
            if name == "after" and _PLACE_BEFORE.search(text, max(0, start - 30), start):
                continue  # "our colleague in Abidjan described": a place, not the speaker
            out.append(Hit(block_id, field, start, end, word, Kind.PERSON, Source(f"cue:{name}"), score))
    return out + _lower_title_people(text, block_id, field) + _initials_people(text, block_id, field)


@lru_cache(maxsize=1)
def _one_word_vocative_cues() -> frozenset[str]:
    """"Dear", "Thanks", « Merci »: words that greet or address, never part of a name."""
    return frozenset(c.lower().rstrip(",") for c in _vocative_cues() if " " not in c)


@lru_cache(maxsize=1)
def _vocative_cues() -> tuple[str, ...]:
    return tuple(read_yaml("detect", "vocative_cues.yaml")["before"])


def vocative_people(text: str, block_id: str, field: Field = Field.TEXT) -> list[Hit]:
    """A person addressed or given the floor: "Thanks, Solveig", « Merci Mariam », "I have Tariq,
    then Bea", « la parole est à Kouassi ». Not a title, an acronym or an ordinary word that is
    no given name ("Thanks Everyone"); places and content terms are vetoed later, like any finding."""
    out = []
    for m in _patterns()["vocative"].finditer(text):
        words = [w.group() for w in WORD.finditer(m.group("name"))][:3]
        first = words[0]
        if first.rstrip(".") in title_words() or any(w.isupper() and len(w) > 1 for w in words) or \
                is_common_word(first) and not is_given_name(first) or m.group("name") in keep_terms():
            continue
        if len(words) > 1 and not _given_then_name(first, words[1]) and is_common_word(words[1]):
            words = words[:1]  # "Thanks Tariq Good point": the name is the first word
        start = m.start("name")
        end = start + m.group("name").index(words[-1]) + len(words[-1])
        out.append(Hit(block_id, field, start, end, text[start:end], Kind.PERSON, Source.CUE_VOCATIVE, 0.75))
    return out


def aside_people(text: str, block_id: str, field: Field) -> list[Hit]:
    """A name before an aside that holds an organisation, then a verb or a colon:
    "Aïssatou Ndiaye (CNLS) présente…", "Tom Winter (Release) opened…". Two or three
    capitalised words, none an organisation word, either no ordinary word or a given name first."""
    out = []
    for m in _patterns()["aside"].finditer(text):
        words = [w.group() for w in WORD.finditer(m.group("name"))]
        if not 2 <= len(words) <= 3 or any(is_org_word(w) or w.isupper() for w in words):
            continue
        if any(is_common_word(w) for w in words) and not _given_then_name(words[0], words[1], vouched=True):
            continue
        if words[0].rstrip(".") in title_words() or m.group("name") in keep_terms():
            continue
        out.append(Hit(block_id, field, m.start("name"), m.end("name"), m.group("name"), Kind.PERSON, Source.CUE_ASIDE, 0.8))
    return out + _quick_note_aside(text, block_id, field)


# Quick notes typed in lower case: "- ravinesh (fiji police) – seizures up", "losa f. (usp) – one survey".
_QUICK_ASIDE = re.compile(r"^(?:[-•*]\s+)?(?:[a-zà-ÿ]+\s?:\s+|[→>]\s*)?"  # "chair: marlon cook (mohwe)"
                          r"(?P<name>[a-zà-ÿ][\w'’-]{2,}(?:\s+[a-zà-ÿ][\w'’-]{2,})?(?:\s+[a-z]\.)?)"
                          r"\s*\((?P<aff>[a-zà-ÿ][^()]{1,60})\)\s*(?:[–—:,-]|(?=[a-zà-ÿ]{3,}))")
_QUICK_BODY_WORDS = frozenset({"min.", "min", "dept", "dept.", "assoc.", "assoc", "coop", "co-op", "ngo", "uni", "univ."})


def _quick_note_aside(text: str, block_id: str, field: Field) -> list[Hit]:
    """A line of quick notes that opens with a lower-case name and its body in brackets, then a
    dash, a colon or a verb: the person and the organisation. The name is no ordinary word (or
    starts with a given name: "jonah sterling"); the body is a short acronym that is no word
    ("msf") or holds a word for a kind of body ("fiji police", "tonga health min.")."""
    m = _QUICK_ASIDE.match(text)
    if not m:
        return []
    words = [w.group() for w in WORD.finditer(m.group("name"))]
    if any(w in keep_terms() or place_tier(w.capitalize()) for w in words) or (
            any(is_common_word(w) for w in words if len(w) > 2) and not is_given_name(words[0])):
        return []
    lower_cues = {w.lower() for w in org_words()} | _QUICK_BODY_WORDS
    bodies = []
    for item in re.finditer(r"[^,;]+", m.group("aff")):  # "(sgu, grenada)", "(growers' coop, svg … assoc.)"
        aff = item.group().strip()
        words = aff.split()
        if aff and aff not in keep_terms() and not place_tier(aff.capitalize()) and (
                len(words) == 1 and 2 <= len(aff) <= 6 and aff.isalpha() and not is_common_word(aff)
                or len(words) <= 5 and any(w.lower().strip("'’") in lower_cues for w in words)):
            start = m.start("aff") + item.start() + item.group().index(aff)
            bodies.append(Hit(block_id, field, start, start + len(aff), aff, Kind.AFFILIATION, Source.CUE_PAREN, 0.75))
    if not bodies:
        return []
    return [Hit(block_id, field, m.start("name"), m.end("name"), m.group("name"), Kind.PERSON, Source.CUE_ASIDE, 0.75),
            *bodies]


def _lower_title_people(text: str, block_id: str, field: Field) -> list[Hit]:
    """Informal notes: "mr asante again", "dr okafor said" (title and name in lower case)."""
    out = []
    for m in _patterns()["lower_title"].finditer(text):
        if not is_common_word(m.group("name")):
            out.append(Hit(block_id, field, m.start(), m.end("name"), text[m.start():m.end("name")], Kind.PERSON,
                           Source.CUE_TITLE, 0.8))
    return out


def _initials_people(text: str, block_id: str, field: Field) -> list[Hit]:
    """Dotted initials opening a sentence or a bullet: "A.M. to send the list" (not "10 A.M.", "U.S.")."""
    out = []
    for m in _patterns()["initials"].finditer(text):
        if sentence_initial(text, m.start()) and m.group() not in keep_terms():
            out.append(Hit(block_id, field, m.start(), m.end(), m.group(), Kind.PERSON, Source.CUE_INITIALS, 0.75))
    return out


def first_name_people(text: str, block_id: str, field: Field = Field.TEXT) -> list[Hit]:
    """A capitalised known first name (not an ordinary word), with a following capitalised word."""
    out = []
    for m in re.finditer(NAME_RUN, text):  # the lexicon is read on the first capitalised word, not before
        words = [(w.start(), w.end(), w.group()) for w in WORD.finditer(m.group())]
        digits = next((i for i, w in enumerate(words) if any(ch.isdigit() for ch in w[2])), len(words))
        words = words[:digits]  # "London WC1E 7HT": a postcode is no surname
        if not words or not is_first_name(words[0][2]) or len(words) == 1 and words[0][2].isupper():
            continue  # one word in capitals is an acronym ("ODA rules"), not the given name Oda
        if len(words) == 1 and _PLACE_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            continue  # "crack use in Rio", « à Florence »: a lone given name after "in" is a place
        end = words[-1][1] if len(words) > 1 and _surname_after_first_name(words[1][2]) else words[0][1]
        if len(words) == 1 and sentence_initial(text, m.start()) and len(text) > end + m.start() + 20:
            score = 0.6
        else:
            score = 0.75
        out.append(Hit(block_id, field, m.start(), m.start() + end, text[m.start():m.start() + end],
                       Kind.PERSON, Source.FIRSTNAME, score))
    return out


def _surname_after_first_name(word: str) -> bool:
    """Whether the capitalised word after a first name that is no ordinary word is its surname:
    yes unless it is an ordinary word that opens sentences ("Rivka Gold", not "Rivka We agree")."""
    return not is_common_word(word) or not word.isupper() and word.lower() not in stop_words() \
        and word.rstrip(".") not in title_words()


def _cut_at_verb(text: str, start: int, end: int, connectors: frozenset[str]) -> int:
    """The end of a spaCy span cut before its first lower-case word that is not a connector.

    "Kim said the opium price in Myanmar" -> "Kim"; "Germany funds treatment in Ghana" -> "Germany".
    """
    if not text[start:start + 1].isupper():
        return end  # an all lower-case span ("priya raman"): nothing tells a verb from a name
    for w in WORD.finditer(text, start, end):
        word = w.group()
        initial = len(word) == 1 and text[w.end():w.end() + 1] == "."  # "ruth o."
        if word[0].islower() and word.lower() not in connectors and not initial and \
                not word.startswith(("l'", "d'", "l’", "d’")):
            return len(text[:w.start()].rstrip(" ,;:-–—"))
    return end


def entity_people(text: str, ents: list[Entity], block_id: str) -> tuple[list[Hit], list[Hit]]:
    """spaCy PERSON entities, trimmed; returns (hits, low-confidence ones for review)."""
    hits, low = [], []
    for e in ents:
        if e.label != "PERSON":
            continue
        end = _cut_at_verb(text, e.start, e.end, name_particles())
        surface = text[e.start:end]
        if any(ch.isdigit() for ch in surface):
            continue  # "London WC1E": an address, no person's name has a digit
        words = surface.split()
        if surface.islower() and 1 < len(words) <= 3 and is_given_name(words[0]) and not any(
                is_common_word(w) and len(w.rstrip(".")) > 1 for w in words[1:]):  # "ruth o.", not "d'accord"
            span: tuple[int, int] | None = (e.start, end)
        else:
            end = e.start + _before_running_words(surface)  # "tb asked whether…": the name is "tb"
            surface = text[e.start:end]
            span = _clean_name(surface, e.start, text, vouched=True) if any(c.isupper() for c in surface) else None
        if span is None or _locality(text, span[1]) or _LOCATIVE_BEFORE.search(text, max(0, span[0] - 8), span[0]) \
                or text[span[1]:span[1] + 1] == "–" or text[span[0] - 1:span[0]] == "–":  # "Hunga Tonga–Hunga Haʻapai": one
            # proper name of a place or an event (a person's double name takes a hyphen, not an en dash)
            if any(c.isupper() for c in surface) and not _known_org_form(surface) and surface not in keep_terms():
                low.append(Hit(block_id, Field.TEXT, e.start, end, surface, Kind.PERSON, Source.SPACY, 0.4))
            continue
        hits.append(Hit(block_id, Field.TEXT, span[0], span[1], text[span[0]:span[1]], Kind.PERSON, Source.SPACY, 0.85))
    return hits, low


def _before_running_words(surface: str) -> int:
    """Where a span's name ends: before its first lower-case word that no name holds (a verb, a
    preposition: "l'OICS devrait s'aligner…" is a clause); a name's later words are capitalised,
    particles ("de", "van") or initials."""
    for m in list(re.finditer(r"\S+", surface))[1:]:
        w = m.group()
        if w[:1].islower() and w.lower() not in name_particles() and not w.startswith(("l'", "d'", "l’", "d’")) \
                and len(w.rstrip(".")) > 1:
            return len(surface[:m.start()].rstrip(" ,;:"))
    return len(surface)


def _looks_like_person(words: list[str]) -> bool:
    """An ORG guess that is a person's name: "Victor Lebrun" (a given name, then non-ordinary words)."""
    return 2 <= len(words) <= 3 and not any(is_org_word(w) or w.isupper() for w in words[1:]) and all(
        _given_then_name(words[0], w) for w in words[1:])


def entity_orgs(text: str, ents: list[Entity], block_id: str) -> tuple[list[Hit], list[Hit]]:
    """spaCy ORG entities that are organisations, not content terms; (hits, low-confidence).

    An ORG guess that is a titled or given name becomes a PERSON hit.
    """
    hits, low = [], []
    for e in ents:
        if e.label != "ORG":
            continue
        lead = re.match(r"(?:the|la|le|les)\s+|[ld]['’]\s*", e.text, re.IGNORECASE)  # "d'Accra" is Accra; "lawyer" is no "la"
        start = e.start + (lead.end() if lead else 0)
        if (bracket := text.find("(", start, e.end)) > start:  # "Karim Osei (Ghana Judiciary": two things
            e = replace(e, end=len(text[:bracket].rstrip()), text=text[e.start:len(text[:bracket].rstrip())])
        head = WORD.match(text, start)
        french_style = head is not None and head.group() in org_cues("fr")  # « Agence française de développement »
        end = e.end if french_style else _cut_at_verb(text, start, e.end, _CONNECTORS)
        dash = _SPACED_DASH.search(text, start, end)  # "Groupe de travail B - women": a title's parts
        end = dash.start() if dash else end
        if _SESSION_LABEL.fullmatch(text, start, end):
            continue  # "Working Group B", « Atelier 3 »: a part of the meeting, not an organisation
        words = [(w.start(), w.group()) for w in WORD.finditer(text, start, end)]
        if len(words) > 2 and is_common_word(words[0][1]) and _looks_like_person([w for _, w in words[1:]]):
            start, words = words[1][0], words[1:]  # "Call Victor Lebrun"
        surface, words = text[start:end], [w for _, w in words]
        titled = len(words) > 1 and words[0].rstrip(".") in title_words() and words[1][:1].isupper()  # not "Justice du …"
        if words and (titled or _looks_like_person(words)):
            hits.append(Hit(block_id, Field.TEXT, start, end, surface, Kind.PERSON, Source.SPACY, 0.8))
            continue
        if not words or _is_content(surface, words) or _locality(text, end):
            if surface and surface not in keep_terms() and surface[0].isupper() and not _is_content_head(words):
                low.append(Hit(block_id, Field.TEXT, start, end, surface, Kind.AFFILIATION, Source.SPACY, 0.4))
            continue
        hits.append(Hit(block_id, Field.TEXT, start, end, surface, Kind.AFFILIATION, Source.SPACY, 0.7))
    return hits, low


@lru_cache(maxsize=1)
def _content_heads() -> frozenset[str]:
    return frozenset(read_list("detect", "content_heads.txt"))


def _is_content_head(words: list[str]) -> bool:
    return bool(words) and words[-1] in _content_heads()


def _is_content(surface: str, words: list[str]) -> bool:
    """A content term rather than an organisation: a keep term, ordinary words, a treaty, a bare "NGO"."""
    return surface in keep_terms() or _is_content_head(words) or (len(words) == 1 and is_org_word(words[0])) or all(
        w in keep_terms() or is_common_word(w) and not w.isupper() for w in words)


_OF = re.compile(r"\s+(?:of|from|for|de|du|des|pour)\s+(?:the\s+|la\s+|le\s+|les\s+)?|\s+d['’]|\s+de\s+l['’]")


def _after_person(phrase: str) -> int:
    """Where the organisation starts in "Dr Kwame Asante of Kwame Nkrumah University": after the
    first "of"/"de" when what comes before is a person's name (a title or a given name, no cue word)."""
    m = _OF.search(phrase)
    if not m:
        return 0
    left = [w.group() for w in WORD.finditer(phrase[:m.start()])]
    if left and not any(is_org_word(w) for w in left) and (
            left[0].rstrip(".") in title_words() or len(left) > 1 and is_given_name(left[0])
            or len(left) > 1 and all(w[:1].isupper() and not w.isupper() for w in left)):
        return m.end()  # "Kwesi Asante-Darko of the ECOWAS Commission": two name words, no cue word
    return 0


def _split_at_and(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """ "University of Science and Technology" is one name; "the University and the Ministry" two,
    and so are "Ghana Aids Commission and Dr Ruta Vaitkus"."""
    out = []
    for m in re.finditer(r"\s+(?:and|et|&)\s+", text[start:end]):
        following = WORD.match(text, start + m.end())
        if following and FIRST_PERSON.fullmatch(following.group()):
            return out + [(start, start + m.start())]  # "from the Department of Health and I'll moderate"
        if following and (is_org_word(following.group()) or following.group().rstrip(".") in title_words()):  # "… and Dr Y"
            out.append((start, start + m.start()))
            start += m.end()
    return out + [(start, end)]


def cue_orgs(text: str, block_id: str, field: Field = Field.TEXT) -> list[Hit]:
    """Phrases that contain an organisation cue word (University, Ministère...), capitalised or
    in lower case before "de la"/"of" and a capitalised name (« ministère de la Justice »)."""
    out = []
    for m in _patterns()["org"].finditer(text):
        phrase = m.group("name")
        lead = re.match(r"(?:The|Le|La|Les|L['’])\s*", phrase)
        start = m.start("name") + max(lead.end() if lead else 0, _after_person(phrase))
        for s, e in _split_at_and(text, start, m.end("name")):
            words = [w.group() for w in WORD.finditer(text, s, e)]
            if len(words) >= 2 and any(is_org_word(w) for w in words) and text[s:e] not in keep_terms():
                out.append(Hit(block_id, field, s, e, text[s:e], Kind.AFFILIATION, Source.CUE_ORG, 0.8))
    for m in _CHEZ.finditer(text):  # « chez Enabel »: a company or agency, not « chez Marie »
        name = m.group("name")
        if not place_tier(name) and name not in keep_terms() and not is_given_name(name.split()[0]) \
                and not is_common_word(name):
            out.append(Hit(block_id, field, m.start("name"), m.end("name"), name, Kind.AFFILIATION, Source.CUE_ORG, 0.7))
    for m in _patterns()["named_org"].finditer(text):  # the name, not its kind: "Tifawt" alone is its form too
        kind, name = m.group("name").split(None, 1)
        start = m.end("name") - len(name)
        if not place_tier(name) and name not in keep_terms() and name.split()[0].rstrip(".") not in title_words():
            out.append(Hit(block_id, field, start, m.end("name"), name, Kind.AFFILIATION, Source.CUE_ORG, 0.75))
    for m in _patterns()["lower_org"].finditer(text):
        if any(w in stop_words() and w not in ("de", "d'", "d’") for w in m.group("between").split()):
            continue  # « la cour a dit que de Gaulle… »: a verb, no name
        out.append(Hit(block_id, field, m.start("name"), m.end("name"), m.group("name"), Kind.AFFILIATION,
                       Source.CUE_ORG, 0.75))
    return out


def french_org_guesses(text: str, block_id: str, field: Field = Field.TEXT) -> list[Hit]:
    """« Observatoire marocain des prisons », « Cour suprême »: guesses, not findings. A person, a
    role or a speaker's own words tie them to a participant (`ties.tied_guesses`); a speech verb
    alone does not (« la Cour suprême a déclaré… » is a ruling, not a participant speaking)."""
    out = []
    for m in _patterns()["french_org"].finditer(text):
        words = re.findall(r"[a-zà-ÿ][\w’'\-]*", m.group("words"))
        if words and words[0] not in stop_words() and not any(w in stop_words() for w in words[1:-1]
                                                              if w not in ("de", "des", "du", "la", "d", "l")) \
                and words[-1] not in stop_words():
            out.append(Hit(block_id, field, m.start("name"), m.end("name"), m.group("name"), Kind.AFFILIATION,
                           Source.CUE_ORG, 0.5))
    return out


@lru_cache(maxsize=1)
def _org_regexes() -> tuple[tuple[re.Pattern[str], dict[str, str]], ...]:
    """Two alternations over the lexicon's forms: case-sensitive ones and the others."""
    exact, loose = {}, {}
    for org in known_orgs():
        for form in org.forms:
            if org.upper_only or form.isupper() or is_common_word(form):
                exact[form] = org.canonical
            else:
                loose[form.casefold()] = org.canonical
    return tuple(
        (re.compile(rf"(?<![\w&])(?:{_alts(tuple(table))})(?![\w&])", flags), table)
        for table, flags in ((exact, 0), (loose, re.IGNORECASE)) if table
    )


def acronym_orgs(text: str, block_id: str, field: Field = Field.TEXT) -> tuple[list[Hit], list[Hit]]:
    """Known organisations of the lexicon (any form), and unknown acronyms for review."""
    hits, low = [], []
    for regex, table in _org_regexes():
        for m in regex.finditer(text):
            canonical = table.get(m.group()) or table.get(m.group().casefold())
            if canonical:
                hits.append(Hit(block_id, field, m.start(), m.end(), m.group(), Kind.AFFILIATION, Source.LEXICON, 0.9,
                                f"o:{canonical}"))
    known = {h.text for h in hits}
    for m in _patterns()["acronym"].finditer(text):
        word = m.group()
        if word not in known and word not in keep_terms() and word.rstrip("s") not in keep_terms() and sum(
                c.isupper() for c in word) >= 2:
            low.append(Hit(block_id, field, m.start(), m.end(), word, Kind.AFFILIATION, Source.ACRONYM, 0.5))
    return hits, low
