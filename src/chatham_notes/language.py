"""Language of a block of notes: English, French, mixed, or unknown — offline, with lingua.

The detector is restricted to English and French (the only languages of the output)
and built once, lazily. Short or language-less text (a name, a date, "OK") returns the
caller's default, usually the document's dominant language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from .model import Lang

MIN_WORDS = 3  # fewer alphabetic words than this: too short to tell
MIN_WORDS_MIXED = 8  # a block must be this long before it can be called mixed
MIN_MINORITY_WORDS = 4  # the minority language needs this many words...
MIN_MINORITY_SHARE = 0.2  # ...and this share of the words, else it is noise (a name, a title)
MIN_SEGMENT_CONFIDENCE = 0.8  # a minority segment must be clearly in its language on its own
MIN_CONFIDENCE = 0.7  # below this, a block's language is too uncertain: use the default

_TO_LANG = {Language.ENGLISH: Lang.EN, Language.FRENCH: Lang.FR}
_NOISE = re.compile(r"https?://\S+|www\.\S+|\S+@\S+|\d[\d\s.,:/%-]*", re.UNICODE)
_WORD = re.compile(r"[^\W\d_]{2,}", re.UNICODE)


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(Language.ENGLISH, Language.FRENCH).build()


def _clean(text: str) -> str:
    """Drop URLs, e-mail addresses and figures: they carry no language."""
    return re.sub(r"\s+", " ", _NOISE.sub(" ", text)).strip()


def detect_language(text: str, default: Lang = Lang.UNKNOWN) -> Lang:
    """The language of `text`: EN, FR, MIXED (both substantially present) or `default`.

    Args:
        text: a block's text (without its speaker label).
        default: returned when the text is too short or has no detectable language.
    """
    clean = _clean(text)
    words = _WORD.findall(clean)
    if len(words) < MIN_WORDS:
        return default
    detector = _detector()
    if len(words) >= MIN_WORDS_MIXED and _is_mixed(detector, clean, len(words)):
        return Lang.MIXED
    best = detector.compute_language_confidence_values(clean)[0]
    if best.value < MIN_CONFIDENCE:
        # too uncertain to call: the caller's default (the document's language) is a better bet
        return default
    return _TO_LANG.get(best.language, default)


def _is_mixed(detector: LanguageDetector, text: str, total: int) -> bool:
    counts = {Lang.EN: 0, Lang.FR: 0}
    for result in detector.detect_multiple_languages_of(text):
        lang = _TO_LANG.get(result.language)
        segment = text[result.start_index:result.end_index]
        # lingua splits on names and loan words too; keep segments that stand on their own
        if lang is not None and detector.compute_language_confidence(segment, result.language) >= MIN_SEGMENT_CONFIDENCE:
            counts[lang] += len(_WORD.findall(segment))
    minority = min(counts.values())
    return minority >= MIN_MINORITY_WORDS and minority >= MIN_MINORITY_SHARE * total


def dominant_language(langs_and_texts: Iterable[tuple[Lang, str]], default: Lang = Lang.UNKNOWN) -> Lang:
    """The language most of the words are in (EN or FR), weighting each block by its length.

    A MIXED block counts half for each language; UNKNOWN blocks do not count.
    """
    weight = {Lang.EN: 0.0, Lang.FR: 0.0}
    for lang, text in langs_and_texts:
        n = len(_WORD.findall(text))
        if lang in weight:
            weight[lang] += n
        elif lang is Lang.MIXED:
            weight[Lang.EN] += n / 2
            weight[Lang.FR] += n / 2
    if weight[Lang.EN] == weight[Lang.FR] == 0:
        return default
    return Lang.EN if weight[Lang.EN] >= weight[Lang.FR] else Lang.FR
