"""The forms under which a roster participant or their organisation may be written.

`name_variants` lists every form the roster recogniser looks for; `roster_needles`
gives the same strings to the leak checker. A person's form that two participants
share ("Sophie", "MK") is kept, marked `shared`: it still names someone, only not
one participant in particular.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from enum import StrEnum

from ..model import Kind, Participant, Roster
from .lexicon import acronym_skip_words, is_common_word, known_orgs, name_particles



class Form(StrEnum):
    """How a variant relates to the name; the recogniser applies a different rule to each."""

    FULL = "full"  # several words: the full name, an alias, first + last
    PART = "part"  # one word: the first name or the surname alone
    INITIALS = "initials"  # AM, A.M., JCG, J.-C.: matched case-sensitively
    ORG = "org"  # an affiliation's name or alias
    ACRONYM = "acronym"  # an affiliation's acronym: upper case only if it is an ordinary word


@dataclass(frozen=True)
class Variant:
    text: str
    form: Form
    kind: Kind
    participant_id: str
    alias: bool = False  # a one-word alias the roster gives ("Meg"): matched as written
    shared: bool = False  # a person's form several participants share: a person, but not which one


def _words(name: str) -> list[str]:
    return [w for w in re.split(r"\s+", name.strip()) if w]


def _name_parts(name: str) -> list[str]:
    """Words of a name that can stand alone: no particles, no one-letter initials."""
    return [w for w in _words(name) if w.lower() not in name_particles() and len(w.strip(".")) > 1]


def initials_forms(name: str) -> set[str]:
    """Initials as rapporteurs write them: AM, A.M., A. M.; JCG, J.-C. G., J-C, J.-C."""
    words = [w for w in _words(name) if w.lower() not in name_particles()]
    if len(words) < 2:
        return set()
    groups = [[p[0].upper() for p in w.split("-") if p] for w in words]
    flat = "".join("".join(g) for g in groups)
    forms = {flat, ".".join(flat) + ".", ". ".join(flat) + "."}
    # The first letter of each word: "WJ" for Wilner Jean-Baptiste; first and last for three
    # words or more: "FK" for Fatima Zahra Kettani.
    forms |= {"".join(g[0] for g in groups), groups[0][0] + groups[-1][0]}
    for i, group in enumerate(groups):
        if len(group) > 1:  # a hyphenated given name: J-C, J.-C., JC
            forms |= {"-".join(group), ".-".join(group) + ".", "".join(group)}
            rest = "".join("".join(g) for g in groups[i + 1:])
            if rest:
                forms |= {"-".join(group) + rest, ".-".join(group) + ". " + ". ".join(rest) + "."}
    forms |= {_unaccented(f) for f in forms}  # "EG" for Émilie Gauthier: rapporteurs drop accents
    return {f for f in forms if len(f.replace(".", "").replace(" ", "").replace("-", "")) >= 2}


_ARTICLES = frozenset({"les", "la", "le", "the"})


def acronyms_of(name: str) -> set[str]:
    """The acronyms an organisation's name is likely written as: the initials of its words
    without function words ("Asian Development Bank" -> ADB, « Institut de recherche pour le
    développement » -> IRD), and, for five initials or more, with one inner initial left out
    (« Agence nationale de réglementation des activités relatives au cannabis » -> ANRAC).
    Two letters only for a two-word name or one with its article: two-letter initials name too
    many things."""
    words = [re.sub(r"^[ldLD]['’]", "", w) for w in re.findall(r"[^\W\d_][\w'’]*", name)]
    if len(words) > 2 and words[0].lower() in ("groupe", "group"):  # « groupe Les Républicains » is LR
        return acronyms_of(" ".join(words[1:]))
    letters = _unaccented("".join(w[0] for w in words if w and w.lower() not in acronym_skip_words())).upper()
    every = _unaccented("".join(w[0] for w in words if w)).upper()
    if words and words[0].lower() in _ARTICLES:
        if len(words) <= 3:
            return {every}  # a party's name with its article: "LR" for Les Républicains, "LFI"
        words = words[1:]  # "The Centre for Human Rights…": CHR…, the article aside
    if not letters.isalpha():
        return set()
    forms = set()
    # "of", "de" written small: "MoPH" for the Ministry of Public Health, "MdM" for Médecins du
    # Monde, and in capitals ("MOPH")
    small = {"of": "o", "de": "d", "du": "d", "des": "d"}
    with_small = "".join(small.get(w.lower(), "" if w.lower() in acronym_skip_words() else _unaccented(w[0]).upper())
                         for w in words if w)
    if len(with_small) >= 3 and any(c.islower() for c in with_small[1:-1]):
        forms |= {with_small, with_small.upper()}
    if len(letters) < 2 or len(letters) == 2 and len(words) != 2:
        return forms  # two letters only for a two-word name: "RN" for Rassemblement national
    forms.add(letters)
    # a hyphen where the name skips a word: "GI-TOC" for Global Initiative against Transnational…
    groups, current = [], ""
    for w in words:
        if w and w.lower() in acronym_skip_words():
            groups, current = (groups + [current] if current else groups), ""
        elif w:
            current += _unaccented(w[0]).upper()
    groups += [current] if current else []
    if len(groups) > 1 and all(len(g) > 1 for g in groups):
        forms.add("-".join(groups))
    if len(letters) >= 5:
        forms |= {letters[:i] + letters[i + 1:] for i in range(1, len(letters) - 1)}
    if len(letters) >= 3 and len(words[0]) > 2 and words[0][1].isalpha():  # "KEMRI": Kenya Medical Research Institute
        forms.add(_unaccented(words[0][:2]).upper() + letters[1:])
    if (last := re.search(r"[^\W\d_]+(?:-[^\W\d_]+)+\s*$", name)) and len(letters) >= 3:
        parts = "".join(_unaccented(p[0]).upper() for p in last.group().strip().split("-"))
        if letters.endswith(parts) and len(letters) > len(parts):  # « …de la Nouvelle-Calédonie » -> "ASS-NC"
            forms.add(letters[:-len(parts)] + "-" + parts)
    return forms


def _unaccented(text: str) -> str:
    """`text` without combining accents, case kept ("ÉG" -> "EG")."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _spelling_variants(text: str) -> set[str]:
    """Hyphen and spacing variants: Jean-Claude, Jean Claude, JeanClaude."""
    out = {text}
    if "-" in text:
        out |= {text.replace("-", " "), text.replace("-", "")}
    return out


def name_variants(participant: Participant) -> list[Variant]:
    """Every form of a participant's name and affiliation the roster recogniser matches."""
    pid = participant.id
    out: list[Variant] = []
    for name in (participant.name, *participant.aliases):
        parts = _name_parts(name)
        multi = len(_words(name)) > 1
        alias = name is not participant.name and not multi
        for text in _spelling_variants(name.strip()):
            out.append(Variant(text, Form.FULL if multi else Form.PART, Kind.PERSON, pid, alias))
        if len(parts) >= 2:
            first, last = parts[0], parts[-1]
            out.append(Variant(f"{first} {last}", Form.FULL, Kind.PERSON, pid))
            out.append(Variant(f"{first[0]}. {last}", Form.FULL, Kind.PERSON, pid))
            out.append(Variant(f"{first} {last[0]}.", Form.FULL, Kind.PERSON, pid))  # "Grace R."
            out.append(Variant(f"{last} {first[0]}.", Form.FULL, Kind.PERSON, pid))  # "Yao K."
            out.append(Variant(f"{last} {first}", Form.FULL, Kind.PERSON, pid))
            for part in {first, last}:
                out += [Variant(t, Form.PART, Kind.PERSON, pid) for t in _spelling_variants(part)]
            out += _middle_variants(first, parts[1:-1], pid)
            out += _particle_surnames(name, pid)
        out += [Variant(t, Form.INITIALS, Kind.PERSON, pid) for t in initials_forms(name)]
    out += _affiliation_variants(participant)
    return _dedupe(out)


def _particle_surnames(name: str, pid: str) -> list[Variant]:
    """The surname with its particles, as "Ms van der Berg" or « M. De Souza » write it: from the
    first particle after the given name to the end, in either case ("van der Berg", "Van der Berg")."""
    words = _words(name)
    at = next((i for i, w in enumerate(words[1:], start=1) if w.lower() in name_particles()), None)
    if at is None or at == len(words) - 1:
        return []
    tail = " ".join(words[at:])
    return [Variant(t, Form.FULL, Kind.PERSON, pid) for t in {tail, tail[0].upper() + tail[1:], tail[0].lower() + tail[1:]}]


def _middle_variants(first: str, middle: list[str], pid: str) -> list[Variant]:
    """Every other part of a multi-part name: "Salas" and "Rodrigo Salas" for "Rodrigo Salas Vera"
    (a double surname), "Thi" for "Nguyen Thi Hoa". Shared parts are dropped by `roster_variants`."""
    out = []
    for part in middle:
        if len(part) >= 3:
            out += [Variant(t, Form.PART, Kind.PERSON, pid) for t in _spelling_variants(part)]
            out.append(Variant(f"{first} {part}", Form.FULL, Kind.PERSON, pid))
    return out


def _affiliation_variants(participant: Participant) -> list[Variant]:
    names = [n for n in (participant.affiliation, *participant.affiliation_aliases) if n and n.strip()]
    # "Federal Ministry of Health (Nigeria)": notes write the name without the roster's qualifier
    names += [bare for n in names if (bare := re.sub(r"\s*\([^()]*\)\s*$", "", n).strip()) and bare != n.strip()]
    for org in known_orgs():  # the other-language forms of a known organisation
        if any(n.strip().casefold() in (f.casefold() for f in org.forms) for n in names):
            names += list(org.forms)
    out = []
    for name in names:
        form = Form.ACRONYM if _looks_like_acronym(name) else Form.ORG
        out += [Variant(t, form, Kind.AFFILIATION, participant.id) for t in _spelling_variants(name.strip())]
    return out


def _looks_like_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return " " not in text.strip() and len(letters) >= 2 and sum(c.isupper() for c in letters) >= len(letters) / 2


def _dedupe(variants: list[Variant]) -> list[Variant]:
    seen: set[tuple[str, Form]] = set()
    out = []
    for v in variants:
        if (v.text, v.form) not in seen and v.text.strip():
            seen.add((v.text, v.form))
            out.append(v)
    return out


def roster_variants(roster: Roster | None) -> list[Variant]:
    """All variants of all participants; a person's form two participants share is marked `shared`.

    Shared forms stay: "Sophie" names a person even when two Sophies attend (the recogniser
    finds it without linking it to either). Shared affiliations are one organisation: unmarked.
    """
    if not roster:
        return []
    variants = [v for p in roster.participants for v in name_variants(p)]
    owners: dict[str, set[str]] = {}
    for v in variants:
        if v.kind is Kind.PERSON:
            owners.setdefault(_owner_key(v.text), set()).add(v.participant_id)
    return [replace(v, shared=True) if v.kind is Kind.PERSON and len(owners[_owner_key(v.text)]) > 1 else v
            for v in variants]


def _owner_key(text: str) -> str:
    """Forms that read the same ("Hélène", "Helene", "HELENE") belong to the same owners."""
    return _unaccented(text).casefold()


def roster_needles(roster: Roster) -> list[tuple[str, Kind, str]]:
    """(string, kind, participant id) for every name form the roster recogniser matches.

    Includes full names, aliases, first name + surname, first names and surnames, initials
    (with and without accents), and affiliation names, aliases and acronyms in both
    languages. Forms two participants share are included, once per participant: they
    name someone all the same. Common-word parts are included too: the leak checker
    decides how to match them (see `lexicon.is_common_word`).
    """
    return [(v.text, v.kind, v.participant_id) for v in roster_variants(roster)]


__all__ = ["Form", "Variant", "initials_forms", "is_common_word", "name_variants", "roster_needles", "roster_variants"]
