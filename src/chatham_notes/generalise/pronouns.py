"""Gender-neutral pronouns for generalised people, in English and French.

English: he/she/him/his/her... -> PRONOUN placeholders rendered "they/them/their",
with the verb that follows the subject made plural ("she argues" -> "they argue").
French: subject « il/elle » and tonic « lui/elle » after a preposition -> « cette
personne », except the impersonal « il » (« il faut », « il y a », « il est
important de »); the participle or adjective after « être » then agrees with
« personne » (feminine): « il est venu » -> « cette personne est venue ».

The tables are in `models/wording/pronouns.yaml`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..model import Lang, Placeholder, PlaceholderKind, Segment
from ..resources import read_yaml

_EN_PRONOUN = re.compile(
    r"(?<![\w'’-])(he['’]s|she['’]s|he['’]d|she['’]d|he['’]ll|she['’]ll|himself|herself|hers|her|his|him|he|she)"
    r"(?![\w'’-])", re.I)
_WORD = re.compile(r"\s*([\w'’-]+)")


@lru_cache(maxsize=1)
def _tables() -> dict[str, Any]:
    return read_yaml("wording", "pronouns.yaml")


def _pronoun(form: str) -> Placeholder:
    return Placeholder(PlaceholderKind.PRONOUN, form=form)


def _next_word(text: str) -> str:
    """The word right after (lower case), or "" before punctuation or the end."""
    m = _WORD.match(text)
    return m.group(1).lower() if m else ""


def _english_form(word: str, after: str) -> str:
    """The neutral form of an English pronoun, from the word that follows it."""
    en = _tables()["en"]
    lower = word.lower().replace("’", "'")
    nxt = _next_word(after)
    if lower == "her":
        return "object" if not nxt or nxt in en["her_object_before"] else "possessive"
    if lower == "his":
        return "possessive_pronoun" if not nxt or nxt in en["his_pronoun_before"] else "possessive"
    if lower in ("he's", "she's"):
        return "subject_has" if nxt in en["has_after"] else "subject_is"
    return en["forms"][lower]


def plural_verb(after: str) -> str:
    """`after` with its first verb made to agree with "they" ("also argues" -> "also argue")."""
    en = _tables()["en"]
    position = 0
    for _ in range(3):  # at most two adverbs before the verb
        m = _WORD.match(after, position)
        if not m:
            return after
        word = m.group(1)
        if word.lower() in en["adverbs"] or (word.endswith("ly") and len(word) > 4):
            position = m.end()
            continue
        return after[:m.start(1)] + _plural(word) + after[m.end(1):]
    return after


def _plural(verb: str) -> str:
    """The plural of a third-person-singular verb; anything else unchanged."""
    en = _tables()["en"]
    lower = verb.lower()
    if lower in en["irregular"]:
        return en["irregular"][lower]
    if not verb.isalpha() or not verb.islower() or not verb.endswith("s") or lower in en["not_verbs"]:
        return verb
    if verb.endswith(("ss", "us", "is")):
        return verb
    if verb.endswith("ies") and len(verb) > 4:
        return verb[:-3] + "y"
    if verb.endswith(("sses", "shes", "ches", "xes", "zes", "oes")):
        return verb[:-2]
    return verb[:-1]


def neutralise_english(text: str) -> list[Segment]:
    """English gendered pronouns of `text` as PRONOUN placeholders, verbs agreeing."""
    segments: list[Segment] = []
    while m := _EN_PRONOUN.search(text):
        form = _english_form(m.group(1), text[m.end():])
        segments += [text[:m.start()], _pronoun(form)]
        text = text[m.end():]
        if form == "subject":
            text = plural_verb(text)
    segments.append(text)
    return [s for s in segments if s != ""]


def _impersonal(after: str) -> bool:
    """Whether « il » followed by `after` is impersonal (« il faut », « il est important de »)."""
    fr = _tables()["fr"]
    words = after.strip().lower().replace("’", "'")
    if any(re.match(rf"{re.escape(w)}(?![\w-])", words) for w in fr["impersonal_after"]):
        return True
    for etre in fr["impersonal_etre"]:
        if m := re.match(rf"{re.escape(etre)}\s+", words):
            rest = _skip_adverbs(words[m.end():])
            return any(re.match(rf"{re.escape(a)}(?![\w-])", rest) for a in fr["impersonal_adjectives"])
    return False


def _skip_adverbs(text: str) -> str:
    """`text` without the French adverbs it starts with."""
    adverbs = _tables()["fr"]["adverbes"]
    while (m := _WORD.match(text)) and m.group(1).lower() in adverbs:
        text = text[m.end():].lstrip()
    return text


def feminine_agreement(after: str) -> str:
    """`after` with the participle or adjective after « est/était… » made feminine.

    Used after a subject that is now « une personne participante » or « cette personne ».
    """
    fr = _tables()["fr"]
    etre = "|".join(re.escape(e) for e in sorted(fr["etre"], key=len, reverse=True))
    adverbs = "|".join(re.escape(a) for a in fr["adverbes"])
    m = re.match(rf"\s+(?:(?:ne|n['’])\s*)?(?:{etre})\s+(?:(?:{adverbs})\s+)*([\w-]+)(?![\w'’-])", after, re.I)
    if not m:
        return after
    word = m.group(1)
    return after[:m.start(1)] + _feminine(word) + after[m.end(1):]


def _feminine(word: str) -> str:
    """The feminine of a French participle or adjective; invariable words unchanged."""
    fr = _tables()["fr"]
    lower = word.lower()
    if lower in fr["invariable"] or lower.endswith(("e", "es", "ment")) or not word.islower():
        return word
    for masculine, feminine in fr["feminine_endings"]:
        if lower.endswith(masculine):
            return word[: len(word) - len(masculine)] + feminine
    return word


def neutralise_french(text: str) -> list[Segment]:
    """French « il/elle » (subject) and « lui/elle » (after a preposition) as PRONOUN placeholders."""
    fr = _tables()["fr"]
    preps = "|".join(re.escape(p) for p in sorted(fr["prepositions"], key=len, reverse=True))
    pattern = re.compile(
        rf"(?<![\w-])(?P<prep>(?:{preps})\s+|d['’])(?P<tonic>lui|elle)(?![\w'’-])"
        rf"|(?:(?P<elided>(?<![\w-])(?:qu|lorsqu|puisqu|s)['’])|(?<![\w'’-]))(?P<subject>il|elle)(?![\w'’-])", re.I)
    segments: list[Segment] = []
    position = 0
    while m := pattern.search(text, position):
        if m.group("tonic"):
            prep = "de " if m.group("prep").lower() in ("d'", "d’") else m.group("prep")
            segments += [text[:m.start("prep")] + prep, _pronoun("object")]
        elif m.group("subject").lower() == "il" and _impersonal(text[m.end():]):
            position = m.end()
            continue
        else:
            start = m.start("elided") if m.group("elided") else m.start("subject")
            segments += [text[:start] + _unelide(m.group("elided") or ""), _pronoun("subject")]
        text, position = text[m.end():], 0
        if not m.group("tonic"):
            text = feminine_agreement(text)
    segments.append(text)
    return [s for s in segments if s != ""]


def _unelide(elided: str) -> str:
    """« qu' » -> « que », « s' » (s'il) -> « si »: « cette personne » does not elide."""
    if not elided:
        return ""
    base = elided[:-1]
    return ("si" if base.lower() == "s" else base + "e") + " "


def neutralise(segments: list[Segment], lang: Lang) -> list[Segment]:
    """Neutralise the pronouns in the string parts of `segments` (EN, FR or both for mixed)."""
    out: list[Segment] = []
    for segment in segments:
        if not isinstance(segment, str):
            out.append(segment)
            continue
        parts: list[Segment] = [segment]
        if lang in (Lang.EN, Lang.MIXED, Lang.UNKNOWN):
            parts = [p for s in parts for p in (neutralise_english(s) if isinstance(s, str) else [s])]
        if lang in (Lang.FR, Lang.MIXED, Lang.UNKNOWN):
            parts = [p for s in parts for p in (neutralise_french(s) if isinstance(s, str) else [s])]
        out += parts
    return out
