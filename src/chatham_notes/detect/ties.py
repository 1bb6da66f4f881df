"""Findings tied to a person already found: "Name (Organisation)", "Name, d'Organisation," and
names spelt in a contact; and which organisations are tied to a participant at all.

- An organisation is an affiliation (removed) only where something ties it to a participant:
  a speaker label's parentheses, a person's aside or apposition, the roster, a role that holds
  it ("the UNODC colleague"), a person or role right before "from/of/de…" and its name, a
  speaker's own words ("I work for UNICEF", « je représente l'ONUDC »), or a speech verb after
  it: in a meeting's notes "UNODC said" is its representative speaking. Once tied anywhere it
  is removed everywhere (propagation); never tied, it is content and goes to review.

- "Ana Quispe (Universidad Mayor de San Andrés)": what a person's parentheses hold, when it
  is capitalised and is not a place, a role or a rapporteur's aside ("(sp?)", "(observer)"),
  is their affiliation, even a body that is otherwise content ("Name (ECOWAS)").
- "Emeka Obiora posts as @emeka_drugpolicy; his blog is www.emekaobiora.com": a capitalised
  pair of words that a contact of the same block spells is a person.
"""

from __future__ import annotations

import re
from dataclasses import replace
from bisect import bisect_left, bisect_right

from unidecode import unidecode

from collections.abc import Callable
from functools import lru_cache

from ..matching import APPOSITION_SEPARATOR
from ..model import Field, Kind
from ..resources import read_yaml
from .cues import NAME_RUN, alternation
from .gazetteer import place_tier
from .lexicon import is_common_word, is_org_word, org_words, role_nouns
from .name_context import cue_after
from .sources import Source
from .text import WORD, Hit
from .variants import acronyms_of

_PARENS = re.compile(r"\s*\((?P<inner>[^()\n]{2,80})\)")
# "M. Thierry Vauclair, d'Enabel, a souligné": an organisation in an apposition after the name.
# "Jonas Okereke = Public Health Scotland", a rapporteur's shorthand, ties the same way.
# "Dr Amani Hope of the Kenya Medical Research Institute, Rangi Parata from Te Whatu Ora": a line-up
# ties without commas; "for" only a body by its kind ("Dr Leota for the Pacific … Assembly").
_APPOSITION = re.compile(r"(?:,\s*(?:from|of|at|with|de|du|des|de\s+la|de\s+l['’]|d['’]|chez)|\s*="
                         r"|\s+(?:from|of|with|(?P<loose>for))(?=\s+(?:the\s+)?[A-ZÀ-Þ]))\s*(?:the\s+)?"
                         r"(?P<inner>[A-ZÀ-Þ][\w&’'\-]*(?:\s+(?:(?:of|for|on|and|de|du|des|la|pour|et|[ld]['’])\s*)*"
                         r"[A-ZÀ-Þ][\w&’'\-]*){0,6})\s*(?=[,;).]|\s[—–-]\s|\s\(|\s(?:and|et)\s|$)")


def _is_role(text: str) -> bool:
    nouns = {n.casefold() for lang in ("en", "fr") for which in ("unique", "generic") for n in role_nouns(lang, which)}
    return text.casefold() in nouns


def _names_an_organisation(inner: str, words: list[str]) -> bool:
    """Whether a person's aside can name their organisation: capitalised, or led by an organisation
    word in lower case as French writes it (« groupe Horizons », « ministère de la Santé »), and
    not one ordinary word alone ("(Online)"); several capitalised ordinary words may be a name
    ("Liberal Democrats", "Open Society")."""
    if not (inner[0].isupper() or is_org_word(words[0], any_case=True) and any(w[0].isupper() for w in words[1:])):
        return False
    if any(is_org_word(w, any_case=True) or w.isupper() for w in words):
        return True
    capitalised = [w for w in words if w[0].isupper()]
    return not all(is_common_word(w) for w in words) or len(capitalised) >= 2


def _before_next_person(m: re.Match[str], starts: list[int]) -> str:
    """The apposition's words up to the next person it runs into, without the "and" before them:
    "Kojo Ansah from Ghana Aids Commission and Dr Ruta Vaitkus" ties only the Commission."""
    inner = m.group("inner")
    if starts:
        inner = re.sub(r"[\s,;]*(?:\b(?:and|et)\s*)?$", "", inner[:min(starts) - m.start("inner")])
    return inner.strip()


def _without_place(inner: str) -> str:
    """ "Unity Labour Party, Saint Vincent and the Grenadines": the body, without the place after
    it (the country is content, the party is the affiliation)."""
    head, comma, tail = inner.rpartition(",")
    return head.strip() if comma and head.strip() and place_tier(tail.strip()) else inner


def paren_affiliations(hits: list[Hit], texts: dict[tuple[str, Field], str]) -> list[Hit]:
    """The organisation in parentheses right after a person's name: one that names itself as a
    body (`_names_an_organisation`), or a capitalised phrase whose acronym the note writes
    elsewhere (« M. X (Rassemblement national) … le RN déposera »)."""
    out, acronyms = [], None
    people = _PeopleIndex(hits)
    for h in hits:
        if h.kind is not Kind.PERSON:
            continue
        m = _PARENS.match(texts[(h.block_id, h.field)], h.end) or _APPOSITION.match(texts[(h.block_id, h.field)], h.end)
        if not m:
            continue
        inner = _without_place(_before_next_person(m, people.starting_in((h.block_id, h.field), m.span("inner"))))
        words = [w.group() for w in WORD.finditer(inner)]
        if not words or place_tier(inner) or _is_role(inner):
            continue
        if m.groupdict().get("loose") and not any(is_org_word(w) or w.isupper() for w in words):
            continue
        if not _names_an_organisation(inner, words):
            if acronyms is None:
                acronyms = {w for text in texts.values() for w in re.findall(r"\b[A-Z][A-Za-z]?[A-Z]+\b", text)}
            if not (inner[0].isupper() and len(words) > 1 and acronyms_of(inner) & acronyms):
                continue
        start = m.start("inner") + m.group("inner").index(inner)
        out.append(Hit(h.block_id, h.field, start, start + len(inner), inner, Kind.AFFILIATION, Source.CUE_PAREN, 0.8))
    return out


def contact_names(text: str, contacts: list[Hit], block_id: str, field: Field = Field.TEXT) -> list[Hit]:
    """Capitalised two- or three-word names every word of which a contact of the block spells."""
    spelt = " ".join(unidecode(h.text).casefold() for h in contacts if h.kind.is_contact)
    if not spelt:
        return []
    out = []
    for m in re.finditer(NAME_RUN, text):
        words = [w.group() for w in WORD.finditer(m.group())]
        if 2 <= len(words) <= 3 and all(len(w) >= 3 and not is_common_word(w) and unidecode(w).casefold() in spelt
                                        for w in words):
            out.append(Hit(block_id, field, m.start(), m.end(), m.group(), Kind.PERSON, Source.CUE_CONTACT, 0.75))
    return out


_COMMA_BEFORE = re.compile(r"\s*,\s*$")
_TYING_SOURCES = frozenset({Source.CUE_PAREN, Source.ROSTER, Source.LABEL})


@lru_cache(maxsize=1)
def _tie_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(what joins a person or role to their organisation, matched from the end of the name to the
    start of the organisation; what a speaker says of themselves, matched at the end of the text
    before an organisation): "Tom (UNODC", "Tom from the ", "Tom, UNODC", "Tom = UNODC",
    « M. Sylla, de l'association », "I work for ", "someone from ", « une représentante de l' »."""
    cues = read_yaml("detect", "tie_cues.yaml")
    det = r"(?:(?i:the|la|le|les)\s+|(?i:l)['’]\s*)?"
    # « de l'association Espace Confiance », "of the NGO Harm Reduction Now": a kind of body in lower case
    kind = rf"(?:(?i:{alternation(tuple(org_words()))})\s+)?"
    # "pria (spelling unclear) from UNAIDS", « Mme Fofana, directrice de programme à AIDES »
    # "Pita Tuimavave, I look after drugs and security at the …", « Yousra Ben Ali —, chercheuse à l'… »:
    # a speaker's own words about their job, up to seven lower-case words (or "I", « je »)
    aside = r"(?:\s*\([^()\n]{0,40}\)|\s*[—–-]?\s*,\s*(?:(?:[a-zà-ÿ'’\-]+|I|I['’]m)\s+){1,7}?(?=\S))?"
    link = rf"(?i:{alternation(tuple(cues['person']))})"
    # "Hamid Qureshi, UNDP", "Priya Menon = Health Canada", "Kofi Boateng – WADPN": the name right after
    person = re.compile(rf"{aside}\s*,?\s*{link}\s*{det}{kind}|\s*\(\s*{det}|{APPOSITION_SEPARATOR}{det}")
    people = alternation(tuple(cues["people"]))
    own = re.compile(rf"(?i:\b(?:(?:{alternation(tuple(cues['self']))})|(?:{people})\s+(?:{alternation(tuple(cues['person']))}))"
                     rf"\s*{det})$")
    return person, own


def tied_organisations(hits: list[Hit], texts: dict[tuple[str, Field], str],
                       party_key: Callable[[Hit], str | None]) -> set[str]:
    """The party keys of the organisations something ties to a participant (see the module doc)."""
    people = _PeopleIndex(hits)
    return {key for h in hits if h.kind is Kind.AFFILIATION and (key := party_key(h)) and is_tied(h, people, texts)}


class _PeopleIndex:
    """The person and role findings of each block and field, by where they end."""

    def __init__(self, hits: list[Hit]) -> None:
        self.by_where: dict[tuple[str, Field], list[Hit]] = {}
        self.orgs: dict[tuple[str, Field], dict[int, Hit]] = {}  # by end: "Name, Department X, WHO"
        for h in sorted((h for h in hits if h.kind in (Kind.PERSON, Kind.ROLE)), key=lambda h: h.end):
            self.by_where.setdefault((h.block_id, h.field), []).append(h)
        for h in hits:
            if h.kind is Kind.AFFILIATION:
                self.orgs.setdefault((h.block_id, h.field), {})[h.end] = h
        self.ends = {where: [h.end for h in found] for where, found in self.by_where.items()}
        # "o.frost@lshtm.ac.uk": the names of the participants' mail domains, in lower case
        self.domains = {label for h in hits if h.kind is Kind.EMAIL
                        for label in h.text.rpartition("@")[2].casefold().split(".") if len(label) > 2}

    def spelt_by_a_mail_domain(self, org: str) -> bool:
        """Whether a participant's e-mail address is at this organisation: its acronym or its
        one-word name is the domain's ("London School of Hygiene & Tropical Medicine", lshtm.ac.uk)."""
        if not self.domains:
            return False
        names = {a.casefold() for a in acronyms_of(org)} | ({unidecode(org).casefold()} if " " not in org else set())
        return bool(names & self.domains)

    def ending_between(self, where: tuple[str, Field], lo: int, hi: int) -> list[Hit]:
        found, ends = self.by_where.get(where, []), self.ends.get(where, [])
        return found[bisect_left(ends, lo):bisect_right(ends, hi)]

    def starting_in(self, where: tuple[str, Field], span: tuple[int, int]) -> list[int]:
        """Where the people and roles found inside `span` start."""
        return [h.start for h in self.by_where.get(where, []) if span[0] < h.start < span[1]]

    def roles_around(self, where: tuple[str, Field], start: int, end: int) -> bool:
        return any(h.kind is Kind.ROLE and h.start <= start for h in self.ending_between(where, end, end + 200))


def is_tied(org: Hit, people: _PeopleIndex, texts: dict[tuple[str, Field], str], by_verb: bool = True,
            depth: int = 0) -> bool:
    """Whether something ties this organisation finding to a participant where it is written
    (`by_verb`: a speech verb after it counts too, as it does for a firm finding)."""
    if org.field is Field.SPEAKER_AFFILIATION or Source.of(org.detector) in _TYING_SOURCES \
            or (org.key or "").startswith("ra:"):
        return True
    where = (org.block_id, org.field)
    if people.roles_around(where, org.start, org.end):
        return True  # "the UNODC colleague"
    if people.spelt_by_a_mail_domain(org.text):
        return True
    person_link, own_words = _tie_regexes()
    text = texts[where]
    # anchored at each name's end: a search from the left would stop at an earlier, wrong start
    if any(person_link.fullmatch(text, h.end, org.start) for h in people.ending_between(where, org.start - 60, org.start)):
        return True
    before = _COMMA_BEFORE.search(text, max(0, org.start - 4), org.start)  # "Name, Department X, WHO": the
    previous = people.orgs.get(where, {}).get(before.start()) if before else None  # next body in a
    if previous is not None and depth < 3 and is_tied(previous, people, texts, False, depth + 1):  # line-up
        return True
    return bool(own_words.search(text[max(0, org.start - 60):org.start]) or by_verb and cue_after(text, org.end))


def tied_guesses(guesses: list[Hit], hits: list[Hit], texts: dict[tuple[str, Field], str]) -> list[Hit]:
    """The weak organisation guesses that a participant's name, role or own words tie to them
    ("Priya Menon = Health Canada", « Abdoulaye Sylla, de l'association Espace Confiance »), as
    findings: the tie, not the guess, is the evidence."""
    people = _PeopleIndex(hits)
    return [replace(g, score=max(g.score, 0.7)) for g in guesses
            if g.kind is Kind.AFFILIATION and is_tied(g, people, texts, by_verb=False)]
