"""The detection stage's word lists, loaded once from `models/` (see `resources.py`).

`is_common_word` answers "is this capitalised word also an ordinary word?", which
decides where a surname such as Rose, Grand or Petit may be matched, and lets the
leak checker tell "prices rose" from a leaked "Rose".
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Lang
from ..resources import read_list

_LANGS = ("en", "fr")
_SPLIT = re.compile(r"\s+")
_EDGE = re.compile(r"^[^\w]+|[^\w]+$")


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
    parts = [_EDGE.sub("", p).lower() for p in _SPLIT.split(text)]
    parts = [p for p in parts if p]
    if not parts or any(not p.replace("-", "").isalpha() for p in parts):
        return False
    langs = _langs(lang)
    return all(any(p in common_words(code) for code in langs) for p in parts)
