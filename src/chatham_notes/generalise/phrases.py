"""A person's whole noun phrase: the appositions and relative clauses that describe them.

An organisation in apposition right after the name ("Kofi Boateng, West Africa Drug Policy
Network — works on alerts", "Name = Org") is the person's affiliation and goes with the name.

"Ruth Okonjo, who has led the Lagos needle exchange since 2015, said…" and « Dr Farida
HADDAD, médecin addictologue au CHU de Nantes, indique… » identify the speaker by what
follows the name as surely as by the name. The rule asks that the speaker not be
identifiable, so at either level the description goes with the name: "A participant
said…", « Une personne participante indique… ». (At the sector level the placeholder
itself says the sector, under the k rule; the job title, employer and city never show.)

Which words describe the person is read from spaCy's dependency parse, and only for the
sentences where a name is followed by a comma and a lower-case word (the cheap test
that every such construction passes): a dependent of the name that is an apposition or a
relative clause (`appos`, `relcl`, `acl:relcl`, `acl`), starting right after that comma.
A relative clause that reports what the person said (« X, qui rappelle que… », "X, who
noted that…") is what was said, and stays. The parse says *whether* a description starts there; the punctuation that closes an
apposition (the next comma, a dash, a bracket or the sentence's end) says where it
ends, because the parse of a long apposition often stops short or runs on into the
rest of the sentence. A description never takes another person's name with it.
What is removed this way is listed in the report, so nothing disappears silently.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..detect.cues import alternation
from ..detect.lexicon import cues
from ..matching import APPOSITION_SEPARATOR
from ..model import Kind, Lang
from .attribution import Unit
from .typography import sentence_span

DESCRIPTION_REASON = "description of a participant"
_DESCRIBING = {"appos", "relcl", "acl:relcl", "acl"}
# ", who…", ", a researcher…", « , médecin… », « , qui… »: a comma, then a lower-case word
# (or a relative pronoun right after the name and its apposition: "X, a researcher at Y who…")
# ", lower-case word" or a relative pronoun; not a pronoun that opens a clause of its own
# ("Je suis X, je modère pour le ministère", "I'm X, we work on…")
_OPENS = re.compile(r"\s*,\s*(?=[a-zà-ÿ])(?!(?:je|j['’]|nous|il|elle|ils|elles|on|i|we|he|she|they|you|vous|tu)\b)"
                    r"|\s+(?=(?:who|whose|qui|dont)\b)")
# what a name's unit may still take (a parenthesis, the rest of the name) before a description opens
_AHEAD = re.compile(r"(?:\s*\([^()\n]{0,60}\)|\s+[A-ZÀ-Þ][\w'’\-]*){0,4}(?:\s*,\s*[a-zà-ÿ]|\s+(?:who|whose|qui|dont)\b)")
_APPOSED = re.compile(APPOSITION_SEPARATOR)  # an organisation in apposition after the name
_STOP = re.compile(r",|;|:|\)|\s[—–-]\s|[.!?](?:\s|$)")  # what closes an apposition
# "who noted that…", « qui rappelle que… »: a relative clause that reports what was said (an
# attribution verb of detection, models/*/cues_after.txt, then what was said); "who chaired" is a role
_STATEMENT = re.compile(rf"(?i:who|which|qui|que)\s+(?:(?:also|then|later|aussi|ensuite|alors)\s+)?"
                        rf"(?:{alternation(cues('en', 'after') + cues('fr', 'after'))})"
                        r"\s*(?::|that|whether|if|how|why|what|que|qu['’]|si|comment|pourquoi)")
_MAX_DESCRIPTION = 200  # characters: longer is not an apposition but the rest of a paragraph


@dataclass(frozen=True)
class Description:
    """Words that describe a participant, removed with their name."""

    start: int
    end: int
    text: str


def with_descriptions(text: str, units: Sequence[Unit], lang: Lang) -> tuple[list[Unit], list[Description]]:
    """`units` with each person's describing apposition or relative clause joined to it, and
    what was joined (for the report). Units that fall inside a description join it too."""
    out, found = list(units), []
    i = 0
    while i < len(out):
        while i + 1 < len(out) and out[i].kind is Kind.PERSON and out[i + 1].kind is Kind.AFFILIATION \
                and _APPOSED.fullmatch(text, out[i].end, out[i + 1].start):  # "Kofi Boateng, WADPN —"
            out[i] = replace(out[i], end=out[i + 1].end, mention_ids=out[i].mention_ids + out[i + 1].mention_ids)
            del out[i + 1]
        unit = out[i]
        opening = _OPENS.match(text, unit.end) if unit.kind is Kind.PERSON and not unit.possessive else None
        span = _description(text, unit, opening.end(), lang) if opening else None
        if span is None:
            if opening and "," in text[unit.start:unit.end]:  # grown over an apposition already:
                out[i] = replace(unit, end=_through_comma(text, unit, unit.end, lang))  # its closing comma too
            i += 1
            continue
        start, end = span
        inside = [u for u in out[i + 1:] if u.start < end]
        if any(u.end > end or u.kind is Kind.PERSON for u in inside):  # another person, or a unit across the end
            i += 1
            continue
        through = _through_comma(text, unit, end, lang)  # "X, who…, said": the closing comma goes too
        ids = unit.mention_ids + tuple(m for u in inside for m in u.mention_ids)
        out[i] = replace(unit, end=through, mention_ids=ids)
        del out[i + 1:i + 1 + len(inside)]
        found.append(Description(start, end, text[start:end]))
        i += 1
    return out, found


def _through_comma(text: str, unit: Unit, end: int, lang: Lang) -> int:
    """`end`, or the end of the comma that closes the apposition there when the sentence goes
    on, unless that comma also closes a phrase put before the verb (« Selon X, directeur…, les
    saisies ont doublé » keeps it: « Selon une personne participante, les saisies… »)."""
    closing = re.match(r"\s*,(?!\s*(?:who|which|whose|qui|que|dont)\b)", text[end:])  # « X, qui rappelle… » keeps it
    if not closing or not text[end + closing.end():].strip() or _fronted(text, unit, lang):
        return end
    return end + closing.end()


def _fronted(text: str, unit: Unit, lang: Lang) -> bool:
    """Whether the person's name sits in a phrase before the sentence's verb, and is not its subject."""
    sentence_start, _, doc, name = _parsed(text, unit, lang)
    roots = [t for t in doc if t.dep_ == "ROOT" and sentence_start + t.idx >= unit.end]
    return bool(name and roots) and not any(t.dep_.startswith("nsubj") for t in name) \
        and not any(t.dep_ == "ROOT" and sentence_start + t.idx < unit.start for t in doc)


def _description(text: str, unit: Unit, start: int, lang: Lang) -> tuple[int, int] | None:
    """(start, end) of the apposition or relative clause that starts at `start` and describes
    the person of `unit`, by the parse of its sentence; None if the parse says otherwise."""
    sentence_start, sentence_end, doc, name = _parsed(text, unit, lang)
    for token in doc:
        if token.dep_ in _DESCRIBING and token.head in name and token not in name \
                and sentence_start + token.left_edge.idx == start:
            stop = _STOP.search(text, start, sentence_end)  # not the subtree's edge: parses of long
            end = stop.start() if stop else sentence_end  # appositions stop short or run on
            end = len(text[:end].rstrip())
            if not re.search(r"\w", text[sentence_start:unit.start]) and not re.search(r"\w", text[end:sentence_end]):
                return None  # "Hung, one more point?": the name and a phrase, no clause: an address
            if token.dep_ != "appos" and _STATEMENT.match(text, start):
                return None  # « X, qui rappelle que… »: what the person said is the content, not who they are
            if token.dep_ == "appos" and _holds_clause(doc, token, start - sentence_start, end - sentence_start):
                return None  # "for X, access to morphine and cannabis are the same": a clause, misparsed
            return (start, end) if 0 < end - start <= _MAX_DESCRIPTION else None
    return None


_CLAUSES = {"ROOT", "ccomp", "advcl", "parataxis", "xcomp"}


def _holds_clause(doc, token, start: int, end: int) -> bool:
    """Whether the sentence's characters start..end hold a clause's verb outside the
    apposition's own words: "access to morphine and cannabis are the same" after "for X," is
    what the person thinks, parsed as an apposition of the name up to "cannabis"."""
    own = set(token.subtree)
    return any(start <= t.idx < end and t not in own and t.dep_ in _CLAUSES for t in doc)


def _parsed(text: str, unit: Unit, lang: Lang):
    """(sentence start, sentence end, the sentence's parse, the tokens of the unit) for the
    sentence that holds `unit` (the same sentence `parse_ahead` parsed, so the parse is cached)."""
    from ..detect.ner import parse

    sentence_start, sentence_end = sentence_span(text, unit.start, unit.end)
    doc = parse(text[sentence_start:sentence_end], _pipeline(lang))
    return sentence_start, sentence_end, doc, [t for t in doc if unit.start <= sentence_start + t.idx < unit.end]


def _pipeline(lang: Lang) -> str:
    """The spaCy pipeline a block is parsed with: French for French, else English."""
    return "fr" if lang is Lang.FR else "en"


def parse_ahead(items: Sequence[tuple[str, Sequence[tuple[int, int]], Lang]]) -> None:
    """Parse, in one batch per language, the sentences `with_descriptions` will ask about: those of
    each (text, person spans, language) where a name is followed by what may open a description."""
    from ..detect.ner import parse_many

    by_lang: dict[str, list[str]] = {}
    for text, spans, lang in items:
        for start, end in spans:
            if _AHEAD.match(text, end):
                s, e = sentence_span(text, start, end)
                by_lang.setdefault(_pipeline(lang), []).append(text[s:e])
    for lang, texts in by_lang.items():
        parse_many(texts, lang)
