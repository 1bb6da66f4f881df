"""Placeholders -> English or French text, in context, with each language's typography.

The phrases live in `models/wording/en.yaml` and `fr.yaml`; this module only
chooses the phrase for a placeholder (kind, sector, grammatical form, pseudonym)
and joins it to the text around it: a capital at the start of a sentence,
French elision ("de une" -> "d'une") and contraction ("de le" -> "du"), no
doubled article, then `typography.tidy`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from ..model import Lang, Placeholder, PlaceholderKind, Segment
from ..resources import read_yaml
from .typography import at_sentence_start, capitalise, tidy

_ELIDING = re.compile(r"(?:^|(?<=[\s(«“\"']))(de|que|lorsque|puisque|jusque|ne|je|le|la|se)\s+$", re.I)
_CONTRACTING = re.compile(r"(?:^|(?<=[\s(«“\"']))(de|à)\s+$", re.I)
_EN_ARTICLE = re.compile(r"(?:^|(?<=\s))(the|a|an)\s+$", re.I)
_FR_ARTICLE = re.compile(r"(?:^|(?<=\s))(le|la|les|un|une)\s+$|(?:^|(?<=\s))(l['’])$", re.I)
_STARTS_WITH_ARTICLE = re.compile(r"^(?:the|a|an|another|un|une|cette|l['’]autre)\b", re.I)
_VOWEL = "aeiouyàâäéèêëîïôöùûüœæAEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜŒÆ"
_CONTRACTIONS = {("de", "le"): "du", ("de", "les"): "des", ("à", "le"): "au", ("à", "les"): "aux"}


def _table(lang: Lang) -> dict[str, Any]:
    """The phrase table of EN or FR; any other language is a programming error."""
    if lang not in (Lang.EN, Lang.FR):
        raise ValueError(f"wording is written in en or fr, not {lang!r}")
    return read_yaml("wording", f"{Lang(lang).value}.yaml")


def spell_number(n: int, lang: Lang, feminine: bool = False) -> str:
    """A number in words up to 99 ("twenty-three", « vingt et une »); digits above.

    Args:
        n: the number.
        lang: EN or FR.
        feminine: French agreement of "un" with a feminine noun (« vingt et une personnes »).
    """
    numbers = _table(lang)["numbers"]
    units, tens = numbers["units"], numbers["tens"]
    if n < 0 or n > 99:
        return str(n)
    if lang == Lang.EN:
        if n < 20:
            return units[n]
        return tens[n // 10] + (f"-{units[n % 10]}" if n % 10 else "")
    words = _french_number(n, units, tens)
    if feminine and (words == "un" or words.endswith("-un") or words.endswith(" un")):
        words += "e"
    return words


def _french_number(n: int, units: list[str], tens: list[str]) -> str:
    """French numbers below 100: soixante-dix, quatre-vingts, vingt et un."""
    if n < 20:
        return units[n]
    ten, unit = divmod(n, 10)
    if ten in (7, 9):  # 70-79 and 90-99 count on from sixty / eighty
        unit += 10
    base = tens[ten]
    if unit == 0:
        return base + ("s" if ten == 8 else "")
    if unit in (1, 11) and ten < 8:
        return f"{base} et {units[unit]}"
    return f"{base}-{units[unit]}"


def _person_text(holder: Placeholder, table: dict[str, Any]) -> str:
    """A participant, another participant or a pseudonym, with the sector if any."""
    name = "pseudonym" if holder.pseudonym else (
        "another" if holder.kind == PlaceholderKind.ANOTHER else "participant")
    sector = table["sectors"].get(str(holder.sector)) if holder.sector else None
    forms = table[f"{name}_sector" if sector else name]
    template = forms.get(holder.form) or forms["default"]
    letter = (holder.pseudonym or "").split()[-1] if holder.pseudonym else ""
    return template.format(letter=letter, **{"from": (sector or {}).get("from", ""),
                                             "short": (sector or {}).get("short", "")})


def _organisation_text(holder: Placeholder, table: dict[str, Any]) -> str:
    """An affiliation as content: its sector's description, else "an organisation"."""
    forms = table["sectors"].get(str(holder.sector)) if holder.sector else None
    forms = forms or table["organisation"]
    return forms.get(holder.form) or forms["default"]


def _attendance_text(holder: Placeholder, lang: Lang, table: dict[str, Any]) -> str:
    """"Twenty-three participants from five sectors took part." in `lang`."""
    forms = table["attendance"]
    count, sectors = holder.count, holder.sectors
    if count <= 0:
        key = "none"
    elif count == 1:
        key = "one_one" if sectors else "one_none"
    else:
        key = "many_many" if sectors > 1 else ("many_one" if sectors == 1 else "many_none")
    return forms[key].format(n=spell_number(count, lang, feminine=True), s=spell_number(sectors, lang))


def placeholder_text(holder: Placeholder, lang: Lang) -> str:
    """The words for one placeholder, out of context (no capital added, no elision).

    Contacts and other removals are rendered as nothing.
    """
    table = _table(lang)
    kind = holder.kind
    if kind in (PlaceholderKind.PARTICIPANT, PlaceholderKind.ANOTHER):
        return _person_text(holder, table)
    if kind == PlaceholderKind.ORGANISATION:
        return _organisation_text(holder, table)
    if kind == PlaceholderKind.PRONOUN:
        return table["pronoun"].get(holder.form) or table["pronoun"]["subject"]
    if kind == PlaceholderKind.ATTENDANCE:
        return _attendance_text(holder, lang, table)
    if kind == PlaceholderKind.TURN:
        return _turn_text(holder, table)
    if kind == PlaceholderKind.GROUP:
        forms = table["group"]
        template = forms.get(holder.form) or forms["default"]
        return template.format(n=spell_number(holder.count, lang, feminine=True))
    return ""


def _turn_text(holder: Placeholder, table: dict[str, Any]) -> str:
    """A turn's label: "Intervention 3", with the sector's short name at the `sector` level."""
    sector = table["sectors"].get(str(holder.sector)) if holder.sector else None
    template = table["turn"]["sector" if sector else "label"]
    return template.format(n=holder.count, short=(sector or {}).get("short", ""))


def _join_french(before: str, text: str) -> tuple[str, str]:
    """Elision and contraction where a phrase meets the text before it."""
    first = text.split(" ", 1)[0].lower()
    contracting = _CONTRACTING.search(before)
    if contracting and (contracting.group(1).lower(), first) in _CONTRACTIONS:
        word = _CONTRACTIONS[(contracting.group(1).lower(), first)]
        if contracting.group(1)[0].isupper():
            word = word.capitalize()
        return before[:contracting.start(1)], word + text[len(first):]
    eliding = _ELIDING.search(before)
    if eliding and text[:1] in _VOWEL:
        return before[:eliding.start(1)] + eliding.group(1)[:-1] + "'", text
    return before, text


def _drop_double_article(before: str, text: str, lang: Lang) -> str:
    """"the a participant" (left by a translation) -> "a participant"."""
    if not _STARTS_WITH_ARTICLE.match(text):
        return before
    match = (_EN_ARTICLE if lang == Lang.EN else _FR_ARTICLE).search(before)
    return before[:match.start()] if match else before


# a possessive before an organisation: "Dr Rich's Foundation", "our Institute", « sa Fondation »
_POSSESSOR = re.compile(r"(?:['’]s|(?<![\w'’])(?:our|my|their|his|her|its|notre|votre|leur|mon|ma|son|sa))[ \t\u00a0]+$", re.I)
_INDEFINITE = re.compile(r"(?:an?|une?)\s+", re.I)


def _after_possessor(before: str, holder: Placeholder, text: str, lang: Lang) -> tuple[str, str]:
    """"another participant's an organisation" -> "another participant's organisation"; « sa une
    organisation » -> « son organisation » (« son » before a vowel)."""
    if holder.kind is not PlaceholderKind.ORGANISATION or not _POSSESSOR.search(before) \
            or not (article := _INDEFINITE.match(text)):
        return before, text
    text = text[article.end():]
    if lang == Lang.FR and text[:1] in _VOWEL:
        before = re.sub(r"(?<![\w'’])([sSmM])a([ \t\u00a0]+)$", r"\1on\2", before)
    return before, text


def _join(before: str, holder: Placeholder, text: str, lang: Lang) -> str:
    """`before` followed by the phrase `text` for `holder`, in context."""
    before, text = _after_possessor(before, holder, text, lang)
    before = _drop_double_article(before, text, lang)
    if holder.form == "label" or at_sentence_start(before):
        text = capitalise(text)
    if lang == Lang.FR:
        before, text = _join_french(before, text)
    return before + text


def render_segments(segments: Sequence[Segment], lang: Lang) -> str:
    """Generalised text in English or French: placeholders written in context, typography applied.

    Works on any text around the placeholders, so the translation stage can
    pass translated strings.

    Args:
        segments: strings and `Placeholder`s, in order.
        lang: Lang.EN or Lang.FR.

    Returns:
        The text, tidied (no double spaces or orphan punctuation, French spacing in French).
    """
    _table(lang)
    out, capital = "", False
    for segment in segments:
        if isinstance(segment, str):
            out += capitalise(segment) if capital and at_sentence_start(out) else segment
            capital = False
            continue
        text = placeholder_text(segment, lang)
        if text:
            out = _join(out, segment, text, lang)
        capital = not text and segment.form == "vocative"  # "Priya, you wanted" -> "You wanted"
    return tidy(out, lang)


_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])\s+")


def split_sentences(segments: Sequence[Segment]) -> list[list[Segment]]:
    """The segments cut into sentences (a string is split after . ! ? …); the translation stage
    cuts a mixed block the same way."""
    out: list[list[Segment]] = [[]]
    for segment in segments:
        if not isinstance(segment, str):
            out[-1].append(segment)
            continue
        pieces = _SENTENCE_BREAK.split(segment)
        out[-1].append(pieces[0])
        out += [[piece] for piece in pieces[1:]]
    return [s for s in out if s]


def render_by_sentence(segments: Sequence[Segment], default: Lang,
                       language_of: Callable[[str, Lang], Lang]) -> str:
    """A block written in both languages: each sentence's placeholders in that sentence's language.

    Args:
        segments: strings and placeholders, in order.
        default: the language of a sentence too short to tell (after the first, the one before it).
        language_of: `(text, default) -> Lang`, e.g. `language.detect_language`.
    """
    parts, lang = [], default
    for sentence in split_sentences(segments):
        words = "".join(s for s in sentence if isinstance(s, str))
        found = language_of(words, lang) if len(words.split()) >= 3 else lang
        lang = found if found in (Lang.EN, Lang.FR) else lang
        parts.append(render_segments(sentence, lang))
    return " ".join(p for p in parts if p)


def phrase(key: str, lang: Lang, **kwargs: object) -> str:
    """Another generated text, e.g. phrase("level.sector", Lang.FR, k=3).

    Args:
        key: dotted path under `phrases:` in the wording tables ("level.participant").
        lang: EN or FR.
        kwargs: values for the phrase's {fields}.

    Raises:
        KeyError: no such phrase.
    """
    node: Any = _table(lang)["phrases"]
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            raise KeyError(f"no phrase {key!r} in the {lang} wording")
        node = node[part]
    return tidy(str(node).format(**kwargs), lang)
