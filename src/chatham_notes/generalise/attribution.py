"""Which words go with each finding when it is generalised.

A name rarely stands alone: "Dr Amina Diallo (UNODC), head of research at
UNODC, said" must become "A participant said", not "Dr A participant (an
organisation), head of research…". This module grows each finding into a
`Unit`: the span of text one placeholder replaces, with titles, parentheses,
affiliations joined by "of/from/de", appositions, articles, contact labels.

The word lists are in `models/wording/patterns.yaml`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from ..model import Kind, Mention, Segment
from ..resources import read_list, read_yaml
from .typography import sentence_span

_PERSONISH = (Kind.PERSON, Kind.ROLE)
_POSSESSIVES = frozenset({"our", "their", "its", "his", "her", "notre", "nos", "votre", "leur"})
_PRIORITY = {Kind.PERSON: 0, Kind.ROLE: 1, Kind.AFFILIATION: 2, Kind.PLACE: 3}
_STOP_IN_APPOSITION = {
    "said", "says", "argued", "noted", "asked", "added", "stressed", "is", "was", "are", "were", "has",
    "have", "had", "will", "would", "can", "could", "should", "did", "does", "est", "était", "ont",
    "sont", "avait", "sera", "dit", "souligné", "indiqué", "who", "which", "qui", "que", "and", "but",
    "or", "et", "mais", "ou", "whose", "dont", "where", "when", "où", "quand", "if", "si",
    # a pronoun opens a clause of its own: "Je suis X, je modère pour le ministère"
    "je", "j", "nous", "il", "elle", "ils", "elles", "on", "i", "we", "he", "she", "they", "you", "vous", "tu",
}


@dataclass(frozen=True)
class Unit:
    """A span of a string that one placeholder replaces.

    Attributes:
        start, end: offsets into the string.
        kind: the finding's kind (PERSON, ROLE, AFFILIATION, PLACE or a contact).
        party_id: the party of the person or organisation, if known.
        mention_ids: the findings it covers.
        text: the finding's own text (for an identity key when there is no party).
        possessive: followed by "'s" (absorbed).
        prefix: text written before the placeholder ("de " where "du" was absorbed).
        suffix: text written after it (the country kept from "(Party, Uruguay)").
        back_reference: "as X said earlier": never "another participant".
    """

    start: int
    end: int
    kind: Kind
    party_id: str | None = None
    mention_ids: tuple[str, ...] = ()
    text: str = ""
    possessive: bool = False
    prefix: str = ""
    suffix: str = ""
    back_reference: bool = False
    parties: tuple[str, ...] = field(default=())


def _alternation(words: Sequence[str]) -> str:
    """A regex alternation of literal words, longest first (so "de l'" wins over "de")."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _kinds_of_body() -> set[str]:
    """The organisation words of detection, in lower case ("coopérative", "association")."""
    from ..detect.lexicon import org_words

    return {w.lower() for w in org_words() if len(w) > 4}


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    """The compiled patterns of patterns.yaml."""
    data = read_yaml("wording", "patterns.yaml")
    titles = _alternation(data["titles"])
    articles = _alternation(data["articles"])
    labels = _alternation(data["contact_labels"])
    preps = _alternation(data["contact_prepositions"])
    return {
        "titles": re.compile(rf"(?:(?<![\w.])(?:{titles})\s+)+$"),
        "article": re.compile(rf"(?<![\w'’])(?:{articles})\s*$", re.I),
        "contraction": re.compile(rf"(?<!\w)({_alternation(list(data['contractions']))})\s+$", re.I),  # « qu'au »
        "joiner": re.compile(rf"\s*,?\s*(?:{_alternation(data['joiners'])})\s*$", re.I),
        "role_word": re.compile(rf"(?<![\w-])(?:{_alternation(data['role_words'])})s?(?![\w-])", re.I),
        "role_before": re.compile(
            rf"(?:(?<![\w'’])(?:{articles})\s*)?(?<![\w-])(?:{_alternation(data['role_words'])})\s+$", re.I),
        "identifying": re.compile(rf"(?<![\w'’])(?:{_alternation(data['role_determiners'])})\s*"
                                  rf"(?P<role>{_alternation(data['identifying_roles'])})(?![\w-])", re.I),
        "contact_left": re.compile(
            rf"(?:(?<![\w-])(?:{labels})(?:\s+(?:address|number|adresse|numéro))?\s*\.?\s*(?::|=|is|est)?\s*)?"
            rf"(?:(?<![\w-])(?:{preps})\s+)?$", re.I),
        "separator": re.compile(rf"^\s*(?:{_alternation(data['contact_separators'])})?\s*"
                                rf"(?:(?<![\w-])(?:{labels})\s*\.?\s*:?\s*)?(?:(?<![\w-])(?:{preps})\s+)?$", re.I),
        "generic": re.compile(rf"(?<![\w'’])(?:{_alternation(data['generic_people'])})(?![\w-])", re.I),
        "role_of": re.compile(rf"(?<![\w-])(?:{_alternation(data['role_words'])})\s*"
                              rf"(?:{_alternation(data['joiners'])})\s*$", re.I),
        "role_after": re.compile(rf"\s+(?:{_alternation(data['role_words'])})(?![\w-])", re.I),
        "back": re.compile(rf"(?<![\w-])(?:{_alternation(data['back_reference'])})\s+$", re.I),
        # « la coopérative Tifawt », "the cooperative Tifawt": the kind of body goes with its name
        "kind_before": re.compile(rf"(?<![\w'’-])(?:{_alternation(sorted(_kinds_of_body()))})\s+$"),
        "place_left": re.compile(r"(?<![\w-])(?:based\s+)?(?:in|from|at|à|au|en|de|basée?\s+à)\s+$|(?<![\w-])d['’]$",
                                 re.I),
    }


def contractions() -> dict[str, str]:
    """French preposition+article contractions: {"du": "de ", ...}."""
    return dict(read_yaml("wording", "patterns.yaml")["contractions"])


def contact_words() -> frozenset[str]:
    """The words of contact labels and prepositions ("e-mail", « tél. », "at"), case-folded."""
    data = read_yaml("wording", "patterns.yaml")
    return frozenset(w.casefold() for w in (*data["contact_labels"], *data["contact_prepositions"]))


def list_words() -> tuple[str, ...]:
    """Words a participants list may hold besides its names."""
    return tuple(read_yaml("wording", "patterns.yaml")["list_words"])


def outside(text: str, spans: Sequence[Unit] | Sequence[Any]) -> str:
    """The words of `text` outside the spans (units, cuts: anything with `start` and `end`, in
    order), the gaps joined by spaces."""
    rest, position = [], 0
    for span in spans:
        rest.append(text[position:span.start])
        position = span.end
    rest.append(text[position:])
    return " ".join(rest)


def base_units(text: str, mentions: Sequence[Mention]) -> list[Unit]:
    """One unit per mention, plus identifying roles the detector did not flag; overlaps merged."""
    units = [Unit(m.start, m.end, m.kind, m.party_id, (m.id,), m.text) for m in mentions]
    for match in _patterns()["identifying"].finditer(text):
        start, end = match.span("role")
        if not any(u.start < match.end() and match.start() < u.end for u in units):
            units.append(Unit(start, end, Kind.ROLE, None, (), match.group("role")))
    for match in _patterns()["generic"].finditer(text):
        if not any(u.start < match.end() and match.start() < u.end for u in units):
            units.append(Unit(match.start(), match.end(), Kind.ROLE, None, (), match.group()))
    units.sort(key=lambda u: (u.start, -u.end))
    merged: list[Unit] = []
    for unit in units:
        if merged and unit.start < merged[-1].end:
            merged[-1] = _union(merged[-1], unit)
        else:
            merged.append(unit)
    return merged


def _union(a: Unit, b: Unit) -> Unit:
    """Two overlapping units as one; the more telling kind and the person's party win."""
    first, second = sorted((a, b), key=lambda u: _PRIORITY.get(u.kind, 4))
    return replace(first, start=min(a.start, b.start), end=max(a.end, b.end),
                   party_id=first.party_id or second.party_id,
                   mention_ids=a.mention_ids + b.mention_ids)


def _absorb(unit: Unit, units: list[Unit], j: int, end: int) -> tuple[Unit, int]:
    """Extend `unit` to `end`, taking in the findings that start before it."""
    ids = unit.mention_ids
    while j < len(units) and units[j].start < end:
        ids += units[j].mention_ids
        end = max(end, units[j].end)
        j += 1
    return replace(unit, end=end, mention_ids=ids), j


def _grow_left(text: str, unit: Unit) -> Unit:
    """Titles, a role word ("our colleague X"), an article, a contraction before a person or role."""
    pats = _patterns()
    start = unit.start
    if unit.kind == Kind.PERSON:
        if m := pats["titles"].search(text[:start]):
            start = m.start()
        if m := pats["role_before"].search(text[:start]):
            start = m.start()
    if unit.kind == Kind.AFFILIATION and (m := pats["kind_before"].search(text[:start])):
        start = m.start()
    if (m := pats["article"].search(text[:start])) and not (
            unit.kind == Kind.AFFILIATION and m.group().strip().lower() in _POSSESSIVES):
        start = m.start()  # "our Ministry" keeps "our": the speaker's own body stays theirs ("our organisation")
    prefix = ""
    if m := pats["contraction"].search(text[:start]):
        start = m.start()
        prefix = contractions()[m.group(1).lower()]
        prefix = prefix.capitalize() if m.group(1)[0].isupper() else prefix
    back = bool(pats["back"].search(text[:start]))
    return replace(unit, start=start, prefix=prefix, back_reference=back)


def _possessive(text: str, unit: Unit) -> Unit | None:
    """The unit with a following "'s" taken in, or None."""
    if unit.text.endswith(("'s", "’s")):
        return replace(unit, possessive=True)
    if m := re.match(r"['’]s?(?!\w)", text[unit.end:]):
        return replace(unit, end=unit.end + m.end(), possessive=True)
    return None


def _apposition_end(text: str, unit: Unit, units: list[Unit], j: int) -> int | None:
    """End of ", head of research at Y," after a person, or None if what follows is not one."""
    # a dash or a quotation mark ends it: "X, Centre for Y — harm reduction" (what follows is the topic)
    m = re.match(r",\s*([^,;:.()!?\n—–\"“”«»]{1,120}?)\s*(,|(?=[.;:!?\n—–\"“”«»])|$)", text[unit.end:])
    if not m:
        return None
    phrase = m.group(1)
    words = re.findall(r"[\w'’-]+", phrase.lower())
    if not words or len(words) > 14 or any(w in _STOP_IN_APPOSITION for w in words):
        return None
    end = unit.end + m.end(1)
    inside = [u for u in units[j:] if u.start < unit.end + m.end(1)]
    if any(u.kind == Kind.PERSON for u in inside):
        return None  # a list of people, not a description
    if inside or _patterns()["role_word"].search(phrase):
        return end
    return None


@lru_cache(maxsize=1)
def _name_remainder() -> re.Pattern[str]:
    """Capitalised words (or name particles, `models/detect/name_particles.txt`) right after a
    found name, up to a bracket, a comma, a semicolon or a coordinator: the rest of that name
    ("Nguyen" found, "Nguyen Van Long (…)" written)."""
    particles = _alternation([w for w in read_list("detect", "name_particles.txt") if " " not in w])
    coordinators = _alternation(read_yaml("wording", "patterns.yaml")["coordinators"])
    return re.compile(rf"(?:[ \t]+(?:[A-Z][\w'’-]*|(?:{particles})(?=[ \t]+[A-Z]))){{1,3}}"
                      rf"(?=[ \t]*[(,;]|[ \t]+(?:{coordinators})[ \t])")


def _place_in_brackets(text: str, start: int, end: int, units: Sequence[Unit]) -> str | None:
    """The place that ends a person's brackets after a comma, when no finding holds it: the
    country of "(Frente Amplio, Uruguay)" is content, and stays after the placeholder."""
    from ..detect.gazetteer import place_tier

    inner = text[start:end].strip()[1:-1]
    head, comma, place = inner.rpartition(",")
    place = place.strip()
    where = end - 1 - len(inner) + len(head) + 1
    if not comma or not head.strip() or not place_tier(place) or any(u.start < end - 1 and where < u.end for u in units):
        return None
    return place


def _grow_person(text: str, units: list[Unit], i: int) -> tuple[Unit, int]:
    """A person or role with everything that describes them; returns the unit and the next index."""
    unit, j = _grow_left(text, units[i]), i + 1
    if unit.kind == Kind.PERSON and not unit.possessive and (m := _name_remainder().match(text, unit.end)):
        unit, j = _absorb(unit, units, j, m.end())
    while True:
        if (owned := _possessive(text, unit)) is not None:
            return _absorb(owned, units, j, owned.end)
        rest = text[unit.end:]
        if m := re.match(r"\s*\([^()]{1,100}\)", rest):
            place = _place_in_brackets(text, unit.end + m.start(), unit.end + m.end(), units[j:])
            unit, j = _absorb(unit, units, j, unit.end + m.end())
            unit = replace(unit, suffix=f" ({place})") if place else unit
        elif j < len(units) and units[j].kind == Kind.AFFILIATION and _joined(text[unit.end:units[j].start]):
            comma = "," in text[unit.end:units[j].start]
            unit, j = _absorb(unit, units, j, units[j].end)
            unit = _closing_comma(text, unit) if comma else unit
        elif j < len(units) and _adjacent_person(unit, units[j], text):
            comma = "," in text[unit.end:units[j].start]
            # a name in two parts is the person its last part names (the surname later mentions use)
            party = (units[j].party_id or unit.party_id) if unit.kind == units[j].kind else (
                unit.party_id or units[j].party_id)
            unit = replace(unit, party_id=party, kind=Kind.PERSON)
            unit, j = _absorb(unit, units, j, units[j].end)
            unit = _closing_comma(text, unit) if comma else unit
        elif (end := _apposition_end(text, unit, units, j)) is not None:
            unit, j = _absorb(unit, units, j, end)
            return _closing_comma(text, unit), j
        else:
            return unit, j


def _closing_comma(text: str, unit: Unit) -> Unit:
    """An apposition opened by a comma takes its closing comma when a verb follows ("X, of Y, said")."""
    m = re.match(r",\s+([\w'’-]+)", text[unit.end:])
    if m and (m.group(1).lower() in _verbs_after() or re.fullmatch(r"[a-z]+ed", m.group(1))):
        return replace(unit, end=unit.end + 1)
    return unit


@lru_cache(maxsize=1)
def _verbs_after() -> frozenset[str]:
    return frozenset(w.lower() for w in read_yaml("wording", "patterns.yaml")["verbs_after"])


def _joined(between: str) -> bool:
    """Whether the text between a person and an affiliation joins them ("of", « de l' »)."""
    return bool(between == "" or re.fullmatch(_patterns()["joiner"].pattern, between, re.I))


def _adjacent_person(unit: Unit, nxt: Unit, text: str) -> bool:
    """A role next to a person ("the moderator, Amina," / "Moderator Amina"), or two names
    with nothing but a space between: one person's name that detection found in two parts
    ("Adaeze" + "Rice"), for no noun phrase puts two people side by side without a word."""
    between = text[unit.end:nxt.start]
    if unit.kind == nxt.kind == Kind.PERSON and not unit.possessive:
        return bool(re.fullmatch(r"[ \t\u00a0]+", between))
    if {unit.kind, nxt.kind} != {Kind.PERSON, Kind.ROLE}:
        return False
    return bool(re.fullmatch(r"\s*,?\s*", between))


def _grow_contact(text: str, units: list[Unit], i: int) -> tuple[Unit, int]:
    """A contact with its label, the contacts that follow it, and its parentheses."""
    pats = _patterns()
    unit, j = units[i], i + 1
    if m := pats["contact_left"].search(text[:unit.start]):
        unit = replace(unit, start=m.start())
    while j < len(units) and units[j].kind.is_contact and pats["separator"].match(text[unit.end:units[j].start]):
        unit, j = _absorb(unit, units, j, units[j].end)
    opened = re.search(r"[(\[]\s*$", text[:unit.start])
    closed = re.match(r"\s*[)\]]", text[unit.end:])
    if opened and closed:
        unit = replace(unit, start=opened.start(), end=unit.end + closed.end())
    elif (m := re.search(r",\s*$", text[:unit.start])) and re.match(r"\s*(?:[.;)]|$)", text[unit.end:]):
        unit = replace(unit, start=m.start())
    return unit, j


def _grow_other(text: str, unit: Unit) -> Unit:
    """An affiliation (article, contraction, possessive) or a place (its preposition)."""
    if unit.kind == Kind.PLACE:
        if m := _patterns()["place_left"].search(text[:unit.start]):
            return replace(unit, start=m.start())
        return unit
    grown = _grow_left(text, unit)
    owned = _possessive(text, grown)
    if owned is None and _attributive(text, unit, grown):
        owned = replace(grown, possessive=True)  # "the UNAIDS figures" -> "an IO's figures"
    return owned or grown


_FUNCTION_WORDS = frozenset("and or of in on at to for with by from as than that which who".split())


def _attributive(text: str, unit: Unit, grown: Unit) -> bool:
    """"the UNAIDS figures": an English affiliation used as an adjective before a noun."""
    if not re.fullmatch(r"the\s+", text[grown.start:unit.start], re.I):
        return False
    m = re.match(r"\s+([a-z][a-z-]+)\b", text[unit.end:])
    if not (m and m.group(1) not in _FUNCTION_WORDS and m.group(1) not in _stop_words()
            and m.group(1) not in _verbs_after() and not m.group(1).endswith("ed")):
        return False
    return not (m.group(1).endswith("s") and _is_verb(text, unit.end + m.start(1)))  # "the ODCD funds two clinics"


def _is_verb(text: str, position: int) -> bool:
    """Whether the word at `position` is a verb in its sentence: an object follows it ("funds two
    clinics", "runs a hotline"), or spaCy's English parse says so (the pipelines load no tagger:
    a verb is what has a subject or heads the sentence)."""
    from ..detect.ner import parse

    if re.match(r"[a-z-]+\s+(?:a|an|the|two|three|four|five|\d[\d,.]*|its|their|our|all|some|more|no)\b",
                text[position:]):
        return True
    start, end = sentence_span(text, position, position)
    doc = parse(text[start:end], "en")
    return any(t.idx == position - start and (t.dep_ == "ROOT" or any(c.dep_.startswith("nsubj") for c in t.children))
               for t in doc)


def _stop_words() -> frozenset[str]:
    """Stop words: "the Board but…" is no "Board's"."""
    from ..detect.lexicon import stop_words

    return stop_words()


def _role_of(text: str, unit: Unit) -> Unit:
    """"the UNODC colleague", « la représentante de l'ONUDC »: a person, not the organisation."""
    if m := _patterns()["role_after"].match(text, unit.end):
        return replace(unit, kind=Kind.ROLE, end=m.end())
    if m := _patterns()["role_of"].search(text[:unit.start]):
        return replace(unit, kind=Kind.ROLE, start=m.start())
    return unit


def plan_units(text: str, mentions: Sequence[Mention]) -> list[Unit]:
    """The units of a string: each finding grown over the words that go with it.

    Args:
        text: the string the mentions' offsets refer to.
        mentions: the findings in it.
    """
    units, out, i = base_units(text, mentions), [], 0
    while i < len(units):
        unit = units[i]
        if unit.kind == Kind.AFFILIATION:
            unit = units[i] = _role_of(text, unit)
        if unit.kind in _PERSONISH:
            unit, i = _grow_person(text, units, i)
        elif unit.kind.is_contact:
            unit, i = _grow_contact(text, units, i)
        else:
            unit, i = _grow_other(text, unit), i + 1
        if out and unit.start < out[-1].end:  # grown into the previous one: keep the first
            unit = replace(unit, start=out[-1].end)
        if out and _restates(text, out[-1], unit):  # "Asia Pacific Network… (APN+)": one body, once
            out[-1] = replace(out[-1], end=unit.end + len(_CLOSE.match(text, unit.end).group()),
                              mention_ids=out[-1].mention_ids + unit.mention_ids)
            continue
        out.append(unit)
    return out


_OPEN = re.compile(r"\s*\(\s*")
_CLOSE = re.compile(r"\s*\)")


def _restates(text: str, previous: Unit, unit: Unit) -> bool:
    """Whether `unit` is the same organisation as `previous`, in brackets right after it."""
    return previous.kind is Kind.AFFILIATION and unit.kind is Kind.AFFILIATION and previous.party_id is not None \
        and previous.party_id == unit.party_id and bool(_OPEN.fullmatch(text, previous.end, unit.start)) \
        and bool(_CLOSE.match(text, unit.end))


def build_segments(text: str, units: Sequence[Unit],
                   make: Callable[[Unit, str], Segment | None]) -> list[Segment]:
    """The string with each unit replaced by what `make(unit, text_before)` returns.

    Adjacent strings are merged; a unit for which `make` returns None is dropped.
    """
    segments: list[Segment] = []
    position = 0
    for unit in units:
        before = text[position:unit.start] + unit.prefix
        _append(segments, before)
        holder = make(unit, _joined_text(segments))
        if holder is not None:
            _append(segments, holder)
        _append(segments, unit.suffix)
        position = unit.end
    _append(segments, text[position:])
    return segments


def _joined_text(segments: Sequence[Segment]) -> str:
    """The string parts so far (what a placeholder follows)."""
    return "".join(s if isinstance(s, str) else "\x00" for s in segments)


def _append(segments: list[Segment], item: Segment) -> None:
    """Append, merging two strings in a row and skipping empty strings."""
    if isinstance(item, str):
        if not item:
            return
        if segments and isinstance(segments[-1], str):
            segments[-1] += item
            return
    segments.append(item)
