"""Language of a block of notes: English, French, mixed, or unknown — offline, with lingua.

The detector is restricted to English and French (the only languages of the output)
and built once, lazily. Short or language-less text (a name, a date, "OK") returns the
caller's default, usually the document's dominant language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from .model import Lang
from .resources import read_yaml

MIN_WORDS = 3  # fewer alphabetic words than this: too short to tell
MIN_WORDS_MIXED = 8  # a block must be this long before it can be called mixed
MIN_MINORITY_WORDS = 4  # the minority language needs this many words...
MIN_MINORITY_SHARE = 0.2  # ...and this share of the words, else it is noise (a name, a title)
MIN_SEGMENT_CONFIDENCE = 0.8  # a minority segment must be clearly in its language on its own
MIN_CONFIDENCE = 0.7  # below this, a block's language is too uncertain: use the default
MIN_SHORT_CONFIDENCE = 0.85  # a sentence of one or two words is called only when lingua is this sure

_TO_LANG = {Language.ENGLISH: Lang.EN, Language.FRENCH: Lang.FR}
_NOISE = re.compile(r"https?://\S+|www\.\S+|\S+@\S+|\d[\d\s.,:/%-]*", re.UNICODE)
_WORD = re.compile(r"[^\W\d_]{2,}", re.UNICODE)
# a word with a letter outside English and French spelling (ư, ắ, ł, ñ…): a name, not language evidence
_FOREIGN = re.compile(r"\w*[^\W\d_a-zA-ZàâäæçéèêëîïôöœùûüÿÀÂÄÆÇÉÈÊËÎÏÔÖŒÙÛÜŸ]\w*", re.UNICODE)


@lru_cache(maxsize=1)
def _function_words() -> tuple[int, frozenset[str], frozenset[str]]:
    data = read_yaml("language", "function_words.yaml")
    return int(data["decisive"]), frozenset(data["en"]), frozenset(data["fr"])


_TOKEN = re.compile(r"[^\W\d_]+", re.UNICODE)


def _plainly(clean: str) -> Lang | None:
    """EN or FR when the text's function words leave no doubt (enough of one language's, none of
    the other's), else None: lingua decides. Most texts of a note are this plain, and lingua's
    models take a third of a second to load."""
    decisive, en, fr = _function_words()
    n_en = n_fr = 0
    for token in _TOKEN.findall(clean):
        if len(token) > 1 and token.isupper():
            continue  # "UN", "ONU": acronyms, not the French article "un"
        word = token.lower()
        n_en += word in en
        n_fr += word in fr
        if n_en and n_fr:
            return None
    if n_en >= decisive:
        return Lang.EN
    if n_fr >= decisive:
        return Lang.FR
    return None


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(Language.ENGLISH, Language.FRENCH).build()


def _clean(text: str) -> str:
    """Drop URLs, e-mail addresses and figures, and words spelt with letters neither English nor
    French uses ("Trần Khắc Hưng"): they carry no evidence of either language."""
    return re.sub(r"\s+", " ", _FOREIGN.sub(" ", _NOISE.sub(" ", text))).strip()


def detect_language(text: str, default: Lang = Lang.UNKNOWN) -> Lang:
    """The language of `text`: EN, FR, MIXED (both substantially present) or `default`.

    Args:
        text: a block's text (without its speaker label).
        default: returned when the text is too short or has no detectable language.
    """
    return detect_languages([text], default)[0]


def detect_languages(texts: Sequence[str], default: Lang = Lang.UNKNOWN) -> list[Lang]:
    """`detect_language` of each text, with lingua's parallel calls (one pass for a whole note)."""
    cleans = [_clean(t) for t in texts]
    counts = [len(_WORD.findall(c)) for c in cleans]
    plain = {i: lang for i, c in enumerate(cleans) if counts[i] >= MIN_WORDS and (lang := _plainly(c))}
    if len(plain) == sum(n >= MIN_WORDS for n in counts):  # lingua is not needed (nor loaded)
        return [plain.get(i, default) for i in range(len(texts))]
    detector = _detector()
    long = [i for i, n in enumerate(counts) if n >= MIN_WORDS_MIXED and i not in plain]
    segments = detector.detect_multiple_languages_in_parallel_of([cleans[i] for i in long])
    mixed = {i for i, found in zip(long, segments, strict=True) if _is_mixed(detector, cleans[i], found, counts[i])}
    rest = [i for i, n in enumerate(counts) if n >= MIN_WORDS and i not in mixed and i not in plain]
    best = dict(zip(rest, detector.compute_language_confidence_values_in_parallel([cleans[i] for i in rest]), strict=True))
    out = []
    for i in range(len(texts)):
        if i in plain:
            out.append(plain[i])
        elif i in mixed:
            out.append(Lang.MIXED)
        elif i not in best or best[i][0].value < MIN_CONFIDENCE:
            # too short or too uncertain to call: the caller's default (the document's language) is a better bet
            out.append(default)
        else:
            out.append(_TO_LANG.get(best[i][0].language, default))
    return out


def _is_mixed(detector: LanguageDetector, text: str, found, total: int) -> bool:
    """Whether lingua's segments `found` of `text` hold enough words of each language."""
    counts = {Lang.EN: 0, Lang.FR: 0}
    for result in found:
        lang = _TO_LANG.get(result.language)
        segment = text[result.start_index:result.end_index]
        # lingua splits on names and loan words too; keep segments that stand on their own
        if lang is not None and detector.compute_language_confidence(segment, result.language) >= MIN_SEGMENT_CONFIDENCE:
            counts[lang] += len(_WORD.findall(segment))
    minority = min(counts.values())
    return minority >= MIN_MINORITY_WORDS and minority >= MIN_MINORITY_SHARE * total


def sentence_languages(sentences: Sequence[str], default: Lang) -> list[Lang]:
    """The language of each sentence of a block: EN, FR, or MIXED for a sentence that switches.

    A sentence too short for `detect_language` ("Welcome everyone.", « Merci à tous. ») takes
    lingua's guess when it is sure, else the language of the sentence before it (after it, for
    the first), else `default`.
    """
    found = [detect_language(text, Lang.UNKNOWN) for text in sentences]
    for index, text in enumerate(sentences):
        if found[index] is Lang.UNKNOWN and _WORD.search(_clean(text)):
            language, value = _best(_clean(text))
            if value >= MIN_SHORT_CONFIDENCE:
                found[index] = _TO_LANG.get(language, Lang.UNKNOWN)
    known = [lang if lang in (Lang.EN, Lang.FR) else None for lang in found]
    result = []
    for index, lang in enumerate(found):
        if lang is Lang.UNKNOWN:
            before = next((k for k in reversed(known[:index]) if k), None)
            lang = before or next((k for k in known[index + 1:] if k), None) or default
        result.append(lang)
    return result


def switches_language(sentences: Sequence[str], lang: Lang) -> bool:
    """Whether a block detected as `lang` (EN or FR) holds a sentence clearly in the other language.

    Such a sentence ("Harm reduction first." in a French block) is too short for the block to
    count as mixed, but it is long enough (three words) and sure enough to be told on its own.
    """
    other = Lang.FR if lang is Lang.EN else Lang.EN
    for text in sentences:
        clean = _clean(text)
        if len(_WORD.findall(clean)) < MIN_WORDS:
            continue
        if _plainly(clean) is lang:
            continue
        language, value = _best(clean)
        if _TO_LANG.get(language) is other and value >= MIN_SEGMENT_CONFIDENCE:
            return True
    return False


def prime_sentences(sentences: Iterable[str]) -> None:
    """Compute, in one parallel lingua pass, the confidences `switches_language` will ask for:
    one call a sentence costs several times more on a long summary."""
    todo = sorted({c for c in map(_clean, sentences)
                   if len(_WORD.findall(c)) >= MIN_WORDS and c not in _BEST and _plainly(c) is None})
    if not todo:
        return
    if len(_BEST) + len(todo) > 50_000:
        _BEST.clear()
    for clean, values in zip(todo, _detector().compute_language_confidence_values_in_parallel(todo), strict=True):
        _BEST[clean] = (values[0].language, values[0].value)


def _best(clean: str):
    """(language, confidence) of lingua's best guess for a cleaned text, from the cache if primed."""
    if clean not in _BEST:
        best = _detector().compute_language_confidence_values(clean)[0]
        _BEST[clean] = (best.language, best.value)
    return _BEST[clean]


_BEST: dict[str, tuple] = {}


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
