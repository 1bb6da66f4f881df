"""The detection stage's word lists, loaded once from `models/` (see `resources.py`).

`is_common_word` answers "is this capitalised word also an ordinary word?", which
decides where a surname such as Rose, Grand or Petit may be matched, and lets the
leak checker tell "prices rose" from a leaked "Rose".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from unidecode import unidecode

from ..model import Lang, Sector
from ..resources import read_list, read_yaml

_LANGS = ("en", "fr")
_SPLIT = re.compile(r"\s+")
_EDGE = re.compile(r"^[^\w]+|[^\w]+$")
_ELISION = re.compile(r"^(?:[dljnmtsc]|qu|jusqu|lorsqu|puisqu)['’](?=\w)")


@lru_cache(maxsize=None)
def common_words(lang: str) -> frozenset[str]:
    """The ordinary lower-case words of `lang` ("en" or "fr"), plus the project's additions."""
    words = set(read_list(lang, "common_words.txt"))
    words.update(w.lower() for w in read_list("detect", "common_name_words.txt"))
    return frozenset(words)


def _langs(lang: Lang | str | None) -> tuple[str, ...]:
    if lang in ("en", "fr"):
        return (str(lang),)
    return _LANGS  # None, mixed or unknown: an ordinary word in either language


@lru_cache(maxsize=65536)
def is_common_word(word: str, lang: Lang | str | None = None) -> bool:
    """Whether `word` is also an ordinary word in English or French (or in `lang` only).

    Case- and edge-punctuation-insensitive; a possessive "'s" is ignored; a multi-word or
    is common only if every word is; a hyphenated word must be listed whole ("peut-être"
    is, "Jean-Pierre" is not). Names that are only names
    (Diallo, Thomas, Kim) are not common words; Rose, Grand, Young, Petit, Hope, Lord,
    Me and Bonjour are.

    Args:
        word: the word as written, e.g. "Rose" or "rose".
        lang: restrict to one language; None, MIXED or UNKNOWN accept either.

    Returns:
        True if the word (each of its parts) is an ordinary word.
    """
    text = re.sub(r"['\u2019]s$", "", word.strip())
    parts = [_ELISION.sub("", _EDGE.sub("", p).lower()) for p in _SPLIT.split(text)]  # "d'accord" -> "accord"
    parts = [p for p in parts if p]
    if not parts or any(not p.replace("-", "").isalpha() for p in parts):
        return False
    langs = _langs(lang)
    # « riviere » in notes typed without accents is the word « rivière »; not a word written with
    # its own accents (« Lê Văn Đức » is no « le van duc ») nor a given name (« clemence »)
    return all(any(p in common_words(code) or p.isascii() and p in _common_unaccented(code) and not is_given_name(p)
                   for code in langs) for p in parts)


@lru_cache(maxsize=None)
def _common_unaccented(lang: str) -> frozenset[str]:
    return frozenset(unidecode(w) for w in common_words(lang))


def _lines(lang: str, name: str) -> tuple[str, ...]:
    return read_list(lang, name) if lang in _LANGS else read_list("en", name) + read_list("fr", name)


@lru_cache(maxsize=None)
def titles(lang: str) -> tuple[str, ...]:
    """Honorifics written before a name ("Dr", "Mme", "Me"), longest first."""
    return tuple(sorted(set(_lines(lang, "titles.txt")), key=len, reverse=True))


@lru_cache(maxsize=1)
def all_titles() -> tuple[str, ...]:
    """The titles of both languages, longest first."""
    return tuple(sorted(set(titles("en") + titles("fr")), key=len, reverse=True))


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """Titles without their final full stop ("Dr", "Mme", "M"): a word that is a title."""
    return frozenset(t.rstrip(".") for t in all_titles())


@lru_cache(maxsize=1)
def title_alternation() -> str:
    """A regex alternation of every title, longest first (build patterns around it, not a copy)."""
    return "|".join(re.escape(t) for t in all_titles())


@lru_cache(maxsize=1)
def name_particles() -> frozenset[str]:
    """Lower-case words that sit inside a personal name ("van", "de la", "bin"): models/detect."""
    return frozenset(w.lower() for w in read_list("detect", "name_particles.txt"))


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """English and French stop words (spaCy's, as models/detect/stop_words.txt lists them):
    pronouns, determiners, conjunctions, auxiliaries."""
    return frozenset(read_list("detect", "stop_words.txt"))


@lru_cache(maxsize=1)
def acronym_skip_words() -> frozenset[str]:
    """Function words an organisation's acronym skips ("of", « pour le »): models/detect."""
    return frozenset(read_list("detect", "acronym_skip_words.txt"))


@lru_cache(maxsize=None)
def cues(lang: str, where: str) -> tuple[str, ...]:
    """Attribution cues `where`="after" a name ("said") or "before" it ("according to")."""
    return tuple(sorted(set(_lines(lang, f"cues_{where}.txt")), key=len, reverse=True))


@lru_cache(maxsize=None)
def org_cues(lang: str) -> frozenset[str]:
    """Words that make a capitalised phrase an organisation ("University", "Ministère")."""
    return frozenset(_lines(lang, "org_cues.txt"))


@lru_cache(maxsize=1)
def org_words() -> frozenset[str]:
    """`org_cues` of both languages: notes mix them ("Université Cheikh Anta Diop" in English)."""
    return org_cues("en") | org_cues("fr")


@lru_cache(maxsize=1)
def _org_words_folded() -> tuple[frozenset[str], frozenset[str]]:
    """(the organisation words without accents, the same in lower case)."""
    plain = frozenset(unidecode(w) for w in org_words())
    return plain, frozenset(w.casefold() for w in plain)


def is_org_word(word: str, any_case: bool = False) -> bool:
    """Whether `word` is an organisation word of either language, accents aside: the lists cannot
    hold every language's spelling ("Agència" is "Agencia", « Ecole » is « École »).
    `any_case`: in lower case too, as French writes a kind of body (« ministère », « tribunal »)."""
    plain, lower = _org_words_folded()
    bare = unidecode(word)
    return bare in plain or any_case and bare.casefold() in lower


@lru_cache(maxsize=None)
def role_nouns(lang: str, which: str) -> tuple[str, ...]:
    """Role nouns, `which`="unique" (identify alone) or "generic" (need a tail), longest first."""
    return tuple(sorted(set(_lines(lang, f"roles_{which}.txt")), key=len, reverse=True))


@lru_cache(maxsize=1)
def keep_terms() -> frozenset[str]:
    """Content terms that must stay (CND, INCB, Agenda 2030...), as written."""
    return frozenset(read_list("detect", "keep_terms.txt"))


@lru_cache(maxsize=1)
def generic_labels() -> frozenset[str]:
    """Speaker labels that name nobody ("Q", "Question"), folded to lower case."""
    return frozenset(x.lower() for x in read_list("detect", "generic_labels.txt"))


@dataclass(frozen=True)
class KnownOrg:
    """An organisation of the acronym lexicon: its forms in both languages and its sector."""

    canonical: str
    forms: tuple[str, ...]
    sector: Sector | None
    upper_only: bool = False


@lru_cache(maxsize=1)
def known_orgs() -> tuple[KnownOrg, ...]:
    """The organisations of models/detect/acronyms.yaml."""
    entries = read_yaml("detect", "acronyms.yaml") or []
    return tuple(
        KnownOrg(str(e["forms"][0]), tuple(str(f) for f in e["forms"]),
                 Sector(e["sector"]) if e.get("sector") else None, bool(e.get("upper_only")))
        for e in entries
    )


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Every given name (lower case, three letters or more) of gender-guesser's dictionary,
    ordinary words included ("victor", "grace"): for use next to another name-like word only.

    Read from `models/detect/given_names.txt` (built by `names_build.py`) on first use, with
    `given_names_extra.txt`: names the dictionary lacks ("comfort", "sione").
    """
    return frozenset(read_list("detect", "given_names.txt")) | frozenset(read_list("detect", "given_names_extra.txt"))


def is_given_name(word: str) -> bool:
    """`word` is a given name of `given_names`, in any case, with or without its accents ("Élise");
    a hyphenated one if each part is ("Fleur-Ange")."""
    return _in_names(word.lower(), given_names())


def is_first_name(word: str) -> bool:
    """`word` is a given name that is no ordinary word (`first_names`), in any case and accents;
    a hyphenated one if each part is a given name: "Fleur-Ange" is no ordinary word."""
    word = word.lower()
    return _in_names(word, first_names()) or "-" in word and _in_names(word, given_names())


def _in_names(word: str, names: frozenset[str]) -> bool:
    if word in names or _fold(word) in names:
        return True
    parts = word.split("-")
    return len(parts) > 1 and all(p and (p in names or _fold(p) in names) for p in parts)


def _fold(word: str) -> str:
    from .text import fold

    return fold(word)


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Given names (lower case) that are not ordinary words, used only as a lexicon."""
    ordinary = common_words("en") | common_words("fr")

    def is_ordinary(name: str) -> bool:
        if name.islower() and name.replace("-", "").isalpha():
            return name in ordinary  # what `is_common_word` comes to for a plain name: a look-up
        return is_common_word(name)

    return frozenset(n for n in given_names() if not is_ordinary(n))
