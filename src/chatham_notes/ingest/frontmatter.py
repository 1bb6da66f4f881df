"""Optional YAML front matter at the top of .txt/.md notes: title, title_fr, date, place, session, language."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from babel.dates import get_month_names
from unidecode import unidecode

from ..errors import InputError
from ..model import BlockKind, Lang, Location, Metadata
from .blocks import RawBlock, clean_text

_FIELDS = ("title", "title_fr", "date", "place", "session", "language")
_LANGS = {
    "en": Lang.EN, "eng": Lang.EN, "english": Lang.EN, "anglais": Lang.EN,
    "fr": Lang.FR, "fra": Lang.FR, "fre": Lang.FR, "french": Lang.FR, "francais": Lang.FR,
    "mixed": Lang.MIXED, "bilingual": Lang.MIXED, "bilingue": Lang.MIXED, "en+fr": Lang.MIXED,
}
_NUMERIC = ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d.%m.%Y", "%d-%m-%Y", "%Y/%m/%d")


def split_front_matter(text: str, path: Path) -> tuple[dict[str, Any], int, list[str]]:
    """Split `text` into (front matter mapping, number of lines it used, the remaining lines).

    Raises:
        InputError: the front matter is never closed, is not valid YAML or not a mapping.
    """
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, 0, lines
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        raise InputError(path, "malformed front matter: the '---' on line 1 is never closed",
                         "end it with a line '---' or remove it")
    try:
        data = yaml.safe_load("\n".join(lines[1:end]))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" on line {mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise InputError(path, f"malformed front matter{where}: {problem}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError(path, "malformed front matter: expected 'key: value' lines")
    return data, end + 1, lines[end + 1:]


def build_metadata(data: dict[str, Any], path: Path, fm_lines: list[str]) -> tuple[Metadata, list[RawBlock]]:
    """Metadata from the known keys; other keys' values become front-matter blocks (nothing lost)."""
    known: dict[str, Any] = {}
    extra: list[RawBlock] = []
    for key, value in data.items():
        name = str(key).strip().lower()
        if name in _FIELDS:
            known[name] = value
        elif name == "lang":
            known["language"] = value
        else:
            extra.extend(_extra_blocks(str(key), value, path, fm_lines))
    for name in ("title", "title_fr", "place", "session"):
        if isinstance(known.get(name), (dict, list)):
            raise InputError(path, f"malformed front matter: '{name}' must be a single value")
    meta = Metadata(
        title=_text(known.get("title")), title_fr=_text(known.get("title_fr")),
        date=parse_date(known["date"]) if known.get("date") is not None else None,
        place=_text(known.get("place")), session=_text(known.get("session")),
        language=_language(known.get("language"), path),
    )
    return meta, extra


def _text(value: Any) -> str | None:
    return None if value is None else clean_text(str(value)) or None


def _language(value: Any, path: Path) -> Lang | None:
    if value is None:
        return None
    lang = _LANGS.get(unidecode(str(value)).strip().lower())
    if lang is None:
        raise InputError(path, f"malformed front matter: unknown language '{value}'", "use en, fr or mixed")
    return lang


def _extra_blocks(key: str, value: Any, path: Path, fm_lines: list[str]) -> list[RawBlock]:
    """An unknown key's text, as blocks: it may hold names, so it is content to check."""
    line = next((i + 2 for i, text in enumerate(fm_lines) if re.match(rf"\s*{re.escape(key)}\s*:", text)), 1)
    loc = Location(file=path.name, part="front-matter", line=line)
    return [RawBlock(BlockKind.PARAGRAPH, clean_text(s), loc) for s in _strings(value) if clean_text(s)]


def _strings(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, (list, tuple)):
        return [s for v in value for s in _strings(v)]
    return [] if value is None else [str(value)]


@lru_cache(maxsize=1)
def _months() -> dict[str, int]:
    """Month names in English and French, folded (janvier, fevrier, january...)."""
    months: dict[str, int] = {}
    for locale in ("en", "fr"):
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, locale=locale).items():
                months[unidecode(name).lower().rstrip(".")] = number
    return months


def parse_date(value: Any) -> str:
    """An ISO date (YYYY-MM-DD) where `value` can be read as one, else the value as written."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    for fmt in _NUMERIC:
        try:
            return dt.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    folded = unidecode(text).lower().replace(",", " ")
    m = re.fullmatch(r"(?:\w+\s+)??(\d{1,2})(?:er|st|nd|rd|th)?\s+([a-z]+)\.?\s+(\d{4})", folded.strip())
    m2 = re.fullmatch(r"([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\s+(\d{4})", folded.strip())
    parts = (m.group(1), m.group(2), m.group(3)) if m else ((m2.group(2), m2.group(1), m2.group(3)) if m2 else None)
    if parts and parts[1] in _months():
        try:
            return dt.date(int(parts[2]), _months()[parts[1]], int(parts[0])).isoformat()
        except ValueError:
            pass
    return text
