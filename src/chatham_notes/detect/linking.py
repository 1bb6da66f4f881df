"""Document-level linking: a string once known to name someone is found everywhere, and every
mention is tied to one party (a roster entry, a discovered person, an organisation).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

import ahocorasick
from rapidfuzz import process
from rapidfuzz.distance import OSA

from ..model import Field, Kind, Party, Roster, Sector
from ..resources import read_yaml
from .gazetteer import inside_content_name, place_tier
from .lexicon import all_titles, is_common_word, is_first_name, is_given_name, is_org_word, keep_terms, known_orgs, name_particles, stop_words
from .name_context import names_person
from .sources import Source
from .text import AMBIGUOUS, WORD, Hit, at_word_edges, fold, is_capitalised
from .variants import acronyms_of, initials_forms


def _strip_title(text: str) -> str:
    low = text.lower()  # "m. kanouté" in informal notes
    for t in all_titles():
        if low.startswith((t.lower() + " ", t.lower() + "\u00a0")):
            return text[len(t):].strip()
    return re.sub(r"['’]s$", "", text.strip())


@dataclass(frozen=True)
class PartyForm:
    """One way a party is written: what propagation looks for, and the leak check after it."""

    text: str
    kind: Kind
    party_key: str
    exact: str | None = None  # initials: matched as written (or in any case if they are no word)
    ordinary: bool = False  # also an ordinary word: a mention only where `names_person` says so


_ELISION = re.compile(r"^(?i:[ld]['’])")


def party_forms(book: PartyBook, hits: Iterable[Hit]) -> dict[str, PartyForm]:
    """Folded form -> PartyForm for every discovered person and organisation.

    A person's forms: the name as found (without title or possessive), each given-name and
    surname part, the initials. An organisation's: its name as found and, for a known
    organisation, its names and acronyms in both languages. Roster parties are left to the
    roster recogniser, which already looks for all of their forms. A form two parties share
    goes to the first (people before organisations: a person's initials beat an ORG guess).
    """
    out: dict[str, PartyForm] = {}

    def add(text: str, form: PartyForm) -> None:
        bare = _ELISION.sub("", text)  # « l'OICS » is the content term OICS: never a party's form
        if text and text not in keep_terms() and bare not in keep_terms():
            out.setdefault(fold(text), form)

    for h in sorted(hits, key=lambda x: x.kind is not Kind.PERSON):
        if h.kind not in (Kind.PERSON, Kind.AFFILIATION) or Source.of(h.detector) in (Source.ROSTER, Source.ROSTER_FUZZY) \
                or not Source.of(h.detector).needle:
            continue  # every finding that will be removed, weak or firm, whose text is a needle
        key = book.key(h)
        if not key:
            continue
        if h.kind is Kind.AFFILIATION:
            add(h.text, PartyForm(h.text, Kind.AFFILIATION, key, ordinary=is_common_word(h.text)))
            if " " in h.text.strip():  # "ADB" for the Asian Development Bank: as written, in capitals
                for acronym in acronyms_of(h.text):
                    add(acronym, PartyForm(acronym, Kind.AFFILIATION, key, exact=acronym))
            for org in known_orgs():
                if key == "o:" + org.canonical:
                    for name in org.forms:  # "WHO" as written, not "who"; "Amnesty" as a name, not the word
                        add(name, PartyForm(name, Kind.AFFILIATION, key,
                                            exact=name if org.upper_only and name.isupper() else None,
                                            ordinary=" " not in name and is_common_word(name)))
            continue
        name = _strip_title(h.text)
        if _initials_like(name):  # "PMB:" as a label: initials, found as written or in any case, dotted or not
            letters = [c for c in name if c.isalpha()]
            for form in {name, "".join(letters), ".".join(letters) + ".", ". ".join(letters) + "."}:
                add(form, PartyForm(form, Kind.PERSON, key, exact=form))
            continue
        add(name, PartyForm(name, Kind.PERSON, key, ordinary=is_common_word(name)))
        if len(name.split()) > 1:
            for form in initials_forms(name):
                add(form, PartyForm(form, Kind.PERSON, key, exact=form))
                if name.islower():  # "s. grant" in quick notes is "s.g." there, not only "S.G."
                    add(form.lower(), PartyForm(form.lower(), Kind.PERSON, key, exact=form.lower()))
            for word in (w.group() for w in WORD.finditer(name)):
                # "Mukendi-Tshala" is also written "Mukendi": each part of a hyphenated name is a form
                parts = [word] + ([p for p in word.split("-") if len(p) >= 4] if "-" in word else [])
                for part in parts:
                    initials = len(part) == 2 and not set(part.lower()) & set("aeiouy")  # "jp" of "jp kabongo"
                    if (len(part) >= 3 or initials) and part.lower() not in name_particles() \
                            and part.lower() not in _function_words():
                        add(part, PartyForm(part, Kind.PERSON, key, ordinary=is_common_word(part)))
    book.remember_forms(out)
    return out


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    """Words no name part can be, whatever a finding's span held ("and" in "Ms X and Me Y")."""
    return frozenset(w for w in stop_words() if not is_given_name(w))


def _initials_like(name: str) -> bool:
    """Whether a one-word name is written like initials: "PMB", "J.-C.", "MdlC"."""
    letters = [c for c in name if c.isalpha()]
    return " " not in name and 2 <= len(letters) <= 5 and sum(c.isupper() for c in letters) >= len(letters) - 1 \
        and letters[0].isupper()


def propagate(book: PartyBook, hits: list[Hit], texts: dict[tuple[str, Field], str]) -> list[Hit]:
    """A mention, tied to its party, for every other occurrence of a party's form, in every
    block and field (labels, table cells, headers, footers, footnotes, comments)."""
    forms = party_forms(book, hits)
    if not forms:
        return references(book, hits, texts)  # a roster's organisations are named again too
    automaton = ahocorasick.Automaton()
    for key, value in forms.items():
        automaton.add_word(key, (key, value))
    automaton.make_automaton()
    taken: dict[tuple[str, Field], set[tuple[int, int, Kind]]] = {}
    for h in hits:
        taken.setdefault((h.block_id, h.field), set()).add((h.start, h.end, h.kind))
    out, words = [], []
    for (block_id, field), text in texts.items():
        for end, (key, form) in automaton.iter(fold(text)):
            start = end + 1 - len(key)
            surface = text[start:end + 1]
            if (start, end + 1, form.kind) in taken.get((block_id, field), ()) or not at_word_edges(text, start, end + 1):
                continue
            hit = Hit(block_id, field, start, end + 1, surface, form.kind, Source.PROPAGATED, 0.7, form.party_key)
            if _names_party(text, start, end + 1, key, form, field):
                out.append(hit)
            elif form.kind is Kind.PERSON and not form.exact:
                words.append(hit)  # left as a word here, unless coordinated with a name: "Prasad + losa"
    out += _coordinated(words, hits + out, texts)
    out += _fuzzy_links(forms, texts, hits + out)
    return out + references(book, hits, texts)


def references(book: PartyBook, hits: list[Hit], texts: dict[tuple[str, Field], str]) -> list[Hit]:
    """ "the Ministry", « l'Agence », "the Forum Secretariat" where a participant's organisation is
    the note's only one with that head (`_reference_heads`): the definite article and the head,
    followed by no name of its own ("the Ministry of Finance" is another body)."""
    heads: dict[str, set[str]] = {}  # folded reference -> party keys
    named = {(h.text, key) for h in hits if h.kind is Kind.AFFILIATION and (key := book.key(h))}
    named |= book.roster_organisations_of(hits)  # "M. Diarra demande au ministère": his, from the roster
    guessed: dict[str, set[str]] = {}  # the same, guessed from an acronym alone
    names: dict[str, set[str]] = {}
    for text, key in named:
        names.setdefault(key, set()).update((text, *book.names_of(key)))  # "MoHS" in the note, its name in the roster
    for key, known in names.items():
        spelt = any(not _is_acronym(name) for name in known)  # "PRI" is Penal Reform International: no guess
        for name in known:
            if _is_acronym(name) and spelt:
                continue
            for head in _reference_heads(name):
                (guessed if _is_acronym(name) else heads).setdefault(head, set()).add(key)
    unique = {head: next(iter(keys)) for head, keys in heads.items() if len(keys) == 1}
    unique |= {head: next(iter(keys)) for head, keys in guessed.items() if len(keys) == 1 and head not in heads}
    if not unique:
        return []
    pattern = _reference_pattern(tuple(sorted(unique)))
    taken = _spans_by_field(hits)
    out = []
    for where, text in texts.items():
        for m in pattern.finditer(fold(text)):
            start, end = m.span("head")
            surface = text[start:end]
            after = text[end:end + 40]
            if re.match(r"\s+(?:de\s+)?[A-ZÀ-Ý]|\s+de\s+(?![\w’'-]+(?:er|ir|oir|re)\b)", after) \
                    or text[m.start()] in "tT" and not surface[:1].isupper():
                continue  # "the Ministry Working Group", « l'Université de médecine »: another body; "the
                # ministry" in lower case is the English word; « au ministère de transmettre » is theirs
            if any(s < end and start < e for s, e in taken.get(where, ())):
                continue
            out.append(Hit(where[0], where[1], start, end, surface, Kind.AFFILIATION, Source.REFERENCE, 0.6,
                           unique[m.group("head")]))
    return out


_PREPOSITIONS = frozenset({"of", "for", "on", "de", "du", "des", "del", "della", "do", "da", "pour", "sur", "d"})


def _reference_heads(name: str) -> set[str]:
    """What an article can stand before to name `name` again, folded: its organisation words and
    its head (the word before its first "of"/"de", else its last: "Defensoría del Pueblo",
    "T&T Judiciary"), each with the words before it ("the Forum Secretariat") and in the
    languages notes quote (`org_heads.yaml`: "Instituto de …" is "the Institute")."""
    words = [w.group() for w in WORD.finditer(fold(name))]
    if _is_acronym(name):
        return _acronym_heads(name)  # weaker: `references` takes them only where no name has the head
    if len(words) < 2 and not (words and is_org_word(words[0], any_case=True)):
        return set()
    cut = next((i for i, w in enumerate(words) if w in _PREPOSITIONS and i > 0), len(words))
    positions = {cut - 1} | {i for i, w in enumerate(words) if is_org_word(w, any_case=True)}
    out = set()
    for i in positions:
        if len(words[i]) < 4 or words[i] in stop_words() or words[i].isdigit():
            continue
        out |= {" ".join(words[j:i + 1]) for j in range(max(0, i - 2), i + 1)
                if not any(w in _PREPOSITIONS for w in words[j:i])}
        out |= _cognates().get(words[i], set())
    if member := _GROUP_MEMBERS.match(fold(name)):  # « groupe Socialistes… » -> « les Socialistes »
        word = member.group(1)
        out |= {word, word + "s", word.removesuffix("s")}
    return out


def _is_acronym(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return " " not in name.strip() and 3 <= len(letters) <= 7 and sum(c.isupper() for c in letters) >= len(letters) - 1


def _acronym_heads(acronym: str) -> set[str]:
    """The heads an acronym's body may be called by when the note never spells it out: a kind
    of body whose initial is the acronym's last letter, where English puts the head ("UNAFEI":
    "the Institute"), or its first, where French does (FOSREF: « la Fondation »)."""
    letters = [c.lower() for c in acronym if c.isalpha()]
    return {word for group in read_yaml("detect", "org_heads.yaml") for word in group
            if word[0] in (letters[0], letters[-1])}


@lru_cache(maxsize=1)
def _cognates() -> dict[str, set[str]]:
    return {word: set(group) for group in read_yaml("detect", "org_heads.yaml") for word in group}


# A parliamentary or party group named after its members: « groupe Écologiste et social », "the Green group"
_GROUP_MEMBERS = re.compile(r"(?:groupe|group|parti|party)\s+(?:des\s+|les\s+|of\s+(?:the\s+)?)?([a-z][\w-]{3,})")


@lru_cache(maxsize=64)
def _reference_pattern(heads: tuple[str, ...]) -> re.Pattern[str]:
    """Over folded text: an article (or « au », « des »: « au barreau », « des Républicains »), a
    folded head word, and no "of"/"de" after it."""
    alternation = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
    # an article, « au »/« des » (« qu'au barreau »), or a possessive: "Dr Rich's Foundation", "our Institute"
    return re.compile(rf"(?:(?<![\w'’])(?:the\s+|les?\s+|la\s+|l['’]\s*)|(?<!\w)(?:au|aux|du|des)\s+"
                      rf"|['’]s\s+|(?<![\w'’])(?:our|my|their|his|her|notre|mon|ma|leur|son|sa)\s+)"
                      rf"(?P<head>{alternation})(?![\w'’-])"
                      rf"(?!\s+(?:of|for|on|pour)\b|\s+(?:de\s+la|de\s+l['’]|du|des|d['’])\s*)")


_AND = re.compile(r"\s*(?:,|and|et|&|\+|/|vs\.?|v\.|versus|contre)\s*")


def _coordinated(words: list[Hit], people: list[Hit], texts: dict[tuple[str, Field], str]) -> list[Hit]:
    """The forms of people that were left as words (ordinary words, short lower-case ones) but
    that stand in coordination with a person's mention: "Bishop and Frost to co-draft",
    « Lebon et Mme Petit », "Prasad + losa to share"."""
    edges: dict[tuple[str, Field], tuple[set[int], set[int]]] = {}
    for h in people:
        if h.kind is Kind.PERSON:
            starts, ends = edges.setdefault((h.block_id, h.field), (set(), set()))
            starts.add(h.start)
            ends.add(h.end)
    out = []
    for w in words:
        starts, ends = edges.get((w.block_id, w.field), ((), ()))
        text = texts[(w.block_id, w.field)]
        after = _AND.match(text, w.end)
        before = any(e in ends and _AND.fullmatch(text, e, w.start) for e in range(max(0, w.start - 8), w.start))
        if after and after.end() in starts or before:
            out.append(w)
    return out


def _names_party(text: str, start: int, end: int, key: str, form: PartyForm, field: Field) -> bool:
    """Whether this occurrence of a party's form names the party (see `PartyForm`)."""
    surface = text[start:end]
    if form.exact:
        return surface == form.exact or surface.upper() == form.exact.upper() and not is_common_word(surface)
    if form.ordinary and form.kind is Kind.PERSON:
        return names_person(text, start, end, field)
    if form.ordinary:  # an organisation named with words ("Release", "Liberal Democrats"): as the leak
        return " " in key or surface == form.text or surface.isupper()  # check matches it
    if " " not in key and not is_capitalised(surface) and form.kind is Kind.PERSON and len(key) < 5 \
            and not is_first_name(key) and not form.text.islower():
        return False  # short lower-case words, unless a given name that is no word ("kadi") or the
    # note writes the name itself in lower case ("+ kila from igat hope" … "kila: png has no ost")
    return not (form.kind is Kind.PERSON and inside_content_name(text, start, end))  # "Nelson Mandela Rules"


def _fuzzy_links(forms: dict[str, PartyForm], texts: dict[tuple[str, Field], str], known: list[Hit]) -> list[Hit]:
    """Misspelt or lower-case single words one edit from a discovered person's name ("priya" for
    "pria", "Lapoint" for "LAPOINTE"): same first letter, not an ordinary word or a place."""
    names = {k: v for k, v in forms.items()
             if v.kind is Kind.PERSON and " " not in k and len(k) >= 4 and not v.exact and not v.ordinary}
    if not names:
        return []
    taken = _spans_by_field(known)
    out = []
    for where, text in texts.items():
        for m in WORD.finditer(text):
            word = m.group()
            if len(word) < 4 or is_common_word(word) or place_tier(word) or word in keep_terms() or any(
                    s < m.end() and m.start() < e for s, e in taken.get(where, ())):
                continue
            match = process.extractOne(fold(word), names.keys(), scorer=OSA.distance,
                                       score_cutoff=1 if len(word) < 8 else 2)
            if match and match[0][0] == fold(word)[0] and match[1] > 0:
                out.append(Hit(where[0], where[1], m.start(), m.end(), word, Kind.PERSON, Source.PROPAGATED_FUZZY, 0.65,
                               names[match[0]].party_key or _owner(match[0], known)))
    return out


_SHORT = r"[A-Z][A-Za-z]{0,3}(?:-?[A-Z][A-Za-z]{0,3}){1,4}\+?"  # ANRS, MoPH, GI-TOC, APN+
_SHORT_AFTER = re.compile(rf"\s*\(\s*(?P<short>{_SHORT})\s*\)")
_LONG_AFTER = re.compile(r"\s*\(\s*(?P<long>[^()]{8,160}?)\s*\)")
_LONG_WORD = re.compile(r"(?<![\w'’-])[^\W\d_][\w'’-]*")  # whole words, even from a window's middle


def acronym_pairs(book: PartyBook, hits: list[Hit], texts: dict[tuple[str, Field], str]) -> list[Hit]:
    """An organisation written with its acronym beside it makes both forms one party:
    « l'ANRS (Agence nationale de recherches sur le sida…) » and "Penal Reform International (PRI)".

    The long form is the one whose initials spell the short form (`acronyms_of`, in the way of
    Schwartz and Hearst's definitions); before a "(PRI)", it is the fewest words back from the
    parenthesis that do, which also mends a name cut short ("Agence nationale de réglementation
    des activités relatives" for « … relatives au cannabis (ANRAC) »)."""
    out = []
    for h in hits:
        if h.kind is not Kind.AFFILIATION:
            continue
        text = texts[(h.block_id, h.field)]
        if (m := _LONG_AFTER.match(text, h.end)) and re.fullmatch(_SHORT, h.text) and _spells(h.text, m.group("long")):
            start, long = m.start("long"), m.group("long")
            book.alias(long, h.text, book.key(h))
            out.append(Hit(h.block_id, h.field, start, start + len(long), long, Kind.AFFILIATION, Source.CUE_PAREN, 0.8))
        elif m := _SHORT_AFTER.match(text, end := _name_end(text, h.end)):
            short = m.group("short")
            words = list(_LONG_WORD.finditer(text, max(0, end - 200), end))
            for first in range(len(words) - 1, -1, -1):
                long = text[words[first].start():end]
                if _spells(short, long):
                    key = book.key(replace(h, text=long, start=words[first].start()))
                    book.alias(short, long, key)
                    out.append(Hit(h.block_id, h.field, m.start("short"), m.end("short"), short, Kind.AFFILIATION,
                                   Source.CUE_PAREN, 0.8))
                    if words[first].start() < h.start or end > h.end:
                        book.alias(long, long, key)
                        out.append(Hit(h.block_id, h.field, words[first].start(), end, long, Kind.AFFILIATION,
                                       Source.CUE_PAREN, 0.8))
                    break
    return out


def expansions(book: PartyBook, guesses: list[Hit], hits: list[Hit], texts: dict[tuple[str, Field], str]) -> list[Hit]:
    """The organisation guesses set aside as content whose initials spell an acronym found as a
    participant's organisation: "Centre for Human Rights and Democracy in Africa" written after
    "Comfort Ndip (CHRDA)" is CHRDA, one party with it. A guess cut short ("… and Democracy")
    takes the next few words that complete the acronym ("in Africa")."""
    acronyms: dict[str, str] = {}
    for h in hits:
        if h.kind is Kind.AFFILIATION and (key := book.key(h)):
            for word in h.text.split():  # "CHN Nouakchott", "UNDP Senegal": the acronym of a name
                if re.fullmatch(_SHORT, word) and (word == h.text or len(word) >= 3):
                    acronyms.setdefault(_letters(word), key)
    if not acronyms:
        return []
    out = []
    for g in guesses:
        if g.kind is not Kind.AFFILIATION or " " not in g.text.strip():
            continue
        text = texts[(g.block_id, g.field)]
        ends = [g.end] + [g.end + m.end() for m in re.finditer(r"\s+[\w'’-]+", text[g.end:g.end + 40])][:4]
        for end in ends:
            long = text[g.start:end]
            spelt = {_letters(a) for a in acronyms_of(long)} & acronyms.keys()
            if spelt:
                book.alias(long, long, acronyms[min(spelt)])
                out.append(replace(g, end=end, text=long, detector=Source.CUE_PAREN.value, score=max(g.score, 0.75),
                                   key=None))
                break
    return out


def _name_end(text: str, end: int) -> int:
    """Where a name cut short ends before "(ACRONYM)": up to three more words (« …relatives au
    cannabis (ANRAC) », "…Living with HIV (APN+)"), else `end`; `_spells` then checks them."""
    m = re.match(r"(?:\s+[\w'’-]+){1,3}(?=\s*\(\s*" + _SHORT + r"\s*\))", text[end:end + 60])
    return end + m.end() if m else end


def _spells(short: str, long: str) -> bool:
    """Whether the initials of `long` spell the acronym `short` (hyphens and case aside)."""
    bare = _letters(short)
    if " " not in long.strip():
        return False
    forms = {_letters(a) for a in acronyms_of(long)}
    # or the initials of the name's first words: ANRS for « Agence nationale de recherches sur le sida
    # et les hépatites virales », whose last words came after the acronym
    return bare in forms or len(bare) >= 3 and any(f.startswith(bare) for f in forms)


def _spans_by_field(hits: Iterable[Hit]) -> dict[tuple[str, Field], list[tuple[int, int]]]:
    """(start, end) of the findings of each block field: where a new finding must not overlap."""
    taken: dict[tuple[str, Field], list[tuple[int, int]]] = {}
    for h in hits:
        taken.setdefault((h.block_id, h.field), []).append((h.start, h.end))
    return taken


def _letters(acronym: str) -> str:
    """An acronym's letters in capitals: "APN+" and "GI-TOC" compare as APN and GITOC."""
    return re.sub(r"[^A-Za-z]", "", acronym).upper()


def _owner(name: str, hits: list[Hit]) -> str:
    """The discovered person a folded name or surname belongs to: "n:" and their full folded name."""
    for h in hits:
        full = fold(_strip_title(h.text))
        if h.kind is Kind.PERSON and (full == name or name in full.split()):
            return h.key or "n:" + full
    return "n:" + name


class PartyBook:
    """Gives each person and organisation one party id, in order of first appearance."""

    def __init__(self, roster: Roster | None) -> None:
        self.roster = {p.id: p for p in (roster.participants if roster else ())}
        self.parties: dict[str, Party] = {}
        self._org_forms = {fold(f): org.canonical for org in known_orgs() for f in org.forms}
        self._roster_orgs: dict[str, str] = {}
        for p in self.roster.values():
            for name in (p.affiliation, *p.affiliation_aliases):
                if name:
                    self._roster_orgs[fold(name)] = self._org_key_of(p.id)
        self._people: dict[str, str] = {}  # folded single word / initials -> discovered person key
        self._forms: dict[str, set[str]] = {}  # party key -> the forms propagation looked for
        self._aliases: dict[str, str] = {}  # folded organisation form -> the party key of its other form

    def alias(self, form: str, other: str, key: str | None) -> None:
        """`form` names the organisation party of `other` (whose key is `key`)."""
        if key:
            self._aliases[fold(form)] = key
            self._aliases.setdefault(fold(other), key)

    def remember_forms(self, forms: dict[str, PartyForm]) -> None:
        """Keeps the forms propagation looked for, so that each party carries them."""
        for form in forms.values():
            self._forms.setdefault(form.party_key, set()).add(form.text)

    def names_of(self, key: str) -> list[str]:
        """The folded names the roster or the lexicon gives an organisation party ("MoHS" in the
        note: "Ministry of Health and Sanitation"; "ANRS": « Agence nationale de recherches… »)."""
        known = [fold(f) for org in known_orgs() if key == "o:" + org.canonical for f in org.forms]
        return [name for name, org_key in self._roster_orgs.items() if org_key == key] + known

    def roster_organisations_of(self, hits: Iterable[Hit]) -> set[tuple[str, str]]:
        """(name, party key) of the organisations of the roster people these findings name."""
        ids = {h.key[2:] for h in hits if h.kind is Kind.PERSON and h.key and h.key.startswith("r:")}
        return {(self.roster[i].affiliation, self._org_key_of(i)) for i in ids
                if i in self.roster and self.roster[i].affiliation}

    def forms_of(self, key: str) -> set[str]:
        """The forms of a party that propagation looked for (its mentions add theirs)."""
        return self._forms.get(key, set())

    def _org_key_of(self, participant_id: str) -> str:
        p = self.roster[participant_id]
        aff = fold(p.affiliation or p.name)
        return "o:" + self._org_forms.get(aff, aff)

    def learn_people(self, hits: Iterable[Hit]) -> None:
        """Registers discovered multi-word names so that surnames and initials link to them."""
        counts: dict[str, set[str]] = {}
        for h in hits:
            name = _strip_title(h.text)
            if h.kind is Kind.PERSON and not (h.key or "").startswith("r:") and len(name.split()) > 1:
                key = "n:" + fold(name)
                for form in [fold(w.group()) for w in WORD.finditer(name)] + sorted(initials_forms(name)):
                    counts.setdefault(form, set()).add(key)
        self._people = {form: next(iter(keys)) for form, keys in counts.items() if len(keys) == 1}

    def _near(self, name: str) -> str | None:
        """The discovered person a misspelt surname belongs to ("lapoint" -> "Bernard LAPOINTE")."""
        if len(name) < 4 or " " in name:
            return None
        forms = [f for f in self._people if len(f) >= 4 and f[0] == name[0]]
        match = process.extractOne(name, forms, scorer=OSA.distance, score_cutoff=1 if len(name) < 8 else 2)
        return self._people[match[0]] if match else None

    def key(self, h: Hit) -> str | None:
        """The party key of a hit; None for a roster form two participants share (no party)."""
        if h.kind is Kind.PERSON:
            if h.key == AMBIGUOUS:
                return None
            if h.key and h.key.startswith(("r:", "n:")):
                return h.key
            name = _strip_title(h.text)
            if len(name.split()) > 1:
                return "n:" + fold(name)
            return self._people.get(name) or self._people.get(fold(name)) or self._near(fold(name)) \
                or "n:" + fold(name)
        if h.kind is Kind.AFFILIATION:
            if h.key and h.key.startswith("ra:"):
                return self._org_key_of(h.key[3:])
            if h.key and h.key.startswith("o:"):
                return h.key  # a form propagated for its party ("IEP" for the Instituto de Estudios Peruanos)
            folded = fold(h.text)
            if folded in self._aliases:
                return self._aliases[folded]
            if folded in self._org_forms:
                return "o:" + self._org_forms[folded]
            return self._roster_orgs.get(folded, "o:" + folded)
        return None

    def party_id(self, key: str, h: Hit) -> str:
        """The party id of a key, creating the party on first sight."""
        if key in self.parties:
            return self.parties[key].id
        if key.startswith("r:"):
            p = self.roster[key[2:]]
            aff = self.party_id(self._org_key_of(p.id), h) if p.affiliation else None
            party = Party(self._next("P"), Kind.PERSON, p.name, p.id, p.sector, p.role, aff)
        elif key.startswith("n:"):
            party = Party(self._next("P"), Kind.PERSON, _strip_title(h.text))
        else:
            party = Party(self._next("O"), Kind.AFFILIATION, self._org_label(key, h), sector=self._org_sector(key))
        self.parties[key] = party
        return party.id

    def _next(self, prefix: str) -> str:
        return f"{prefix}{sum(p.id.startswith(prefix) for p in self.parties.values()) + 1}"

    def _org_label(self, key: str, h: Hit) -> str:
        for p in self.roster.values():
            if p.affiliation and self._org_key_of(p.id) == key:
                return p.affiliation
        return key[2:] if any(key[2:] == o.canonical for o in known_orgs()) else h.text

    def _org_sector(self, key: str) -> Sector | None:
        for p in self.roster.values():
            if p.affiliation and p.sector and self._org_key_of(p.id) == key:
                return p.sector
        return next((o.sector for o in known_orgs() if o.canonical == key[2:]), None)

    def set_affiliation(self, person_id: str, org_id: str) -> None:
        """Records a discovered person's organisation (from "Name (ORG):" labels)."""
        for key, party in self.parties.items():
            if party.id == person_id and party.affiliation_id is None:
                self.parties[key] = replace(party, affiliation_id=org_id)
