"""Contact details: e-mail, URL (Presidio's recognisers), phone and social handles (our patterns).

Presidio's e-mail recogniser validates domains with `tldextract.extract`, which tries
to download the public-suffix list; ours uses an extractor bound to the snapshot
bundled with tldextract, so the network is never touched.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Field, Kind
from ..resources import read_yaml
from .text import Hit

_URL_NEEDS = re.compile(r"^(?:[a-z][a-z0-9+.\-]*://|www\d{0,3}\.)|/", re.IGNORECASE)


@lru_cache(maxsize=1)
def offline_tldextract():
    """A tldextract extractor that only uses its bundled snapshot (no download, no cache dir)."""
    import tldextract

    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)


@lru_cache(maxsize=1)
def recognizers() -> tuple:
    """(kind, recogniser) pairs, built once per process."""
    from presidio_analyzer import Pattern, PatternRecognizer
    from presidio_analyzer.predefined_recognizers import EmailRecognizer, UrlRecognizer

    class OfflineEmailRecognizer(EmailRecognizer):
        def validate_result(self, pattern_text: str) -> bool:
            return offline_tldextract()(pattern_text.rsplit("@", 1)[-1]).fqdn != ""

    spec = read_yaml("detect", "contacts.yaml")

    def patterns(name: str) -> list:
        return [Pattern(p["name"], p["regex"], float(p["score"])) for p in spec[name]]

    return (
        (Kind.EMAIL, OfflineEmailRecognizer()),
        (Kind.URL, UrlRecognizer()),
        (Kind.PHONE, PatternRecognizer(supported_entity="PHONE_NUMBER", patterns=patterns("phone"),
                                       name="PhoneRecognizer")),
        (Kind.HANDLE, PatternRecognizer(supported_entity="HANDLE", patterns=patterns("handle"),
                                        name="HandleRecognizer")),
    )


_KINDS = (Kind.EMAIL, Kind.URL, Kind.PHONE, Kind.HANDLE)  # the order of `recognizers()`
# Something every phone pattern of contacts.yaml contains: "+4", "00 3", "(212)", or six
# digits in pairs ("01 23 45", "555-0199"). A looser test than the patterns, never a stricter one.
_PHONE_NEEDS = re.compile(r"\+\d|00\s?\d|\(\d{3}\)|\d{2}[\s.\-]?\d{2}[\s.\-]?\d{2}")


def _worth_running(kind: Kind, text: str) -> bool:
    """Cheap pre-checks, so that a block (or a whole note) without contacts never loads Presidio."""
    if kind is Kind.EMAIL or kind is Kind.HANDLE:
        return "@" in text
    if kind is Kind.URL:
        return "/" in text or "www" in text.lower()  # what `_URL_NEEDS` asks of any URL kept
    return sum(c.isdigit() for c in text) >= 8 and bool(_PHONE_NEEDS.search(text))


def find_contacts(text: str, block_id: str, field: Field = Field.TEXT) -> list[Hit]:
    """E-mail addresses, URLs, phone numbers and @handles in `text`."""
    wanted = {kind for kind in _KINDS if _worth_running(kind, text)}
    if not wanted:
        return []
    hits: list[Hit] = []
    for kind, recogniser in recognizers():
        if kind not in wanted:
            continue
        for result in recogniser.analyze(text, entities=recogniser.supported_entities, nlp_artifacts=None):
            surface = text[result.start:result.end]
            if kind is Kind.URL and not _URL_NEEDS.search(surface):
                continue  # a bare "p.m" or "S.A" is no URL: ask for a scheme, www. or a path
            hits.append(Hit(block_id, field, result.start, result.end, surface, kind,
                            f"presidio:{recogniser.name}", float(result.score)))
    return hits
