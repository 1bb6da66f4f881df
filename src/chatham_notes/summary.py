"""Assemble a `Summary` from the bilingual blocks of one or more note files.

Each input file becomes a section (in the order given); the headings inside a
file start sub-sections. Sections of key messages or recommendations are kept
as such, under their canonical bilingual heading from `models/notice.yaml`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .model import BilingualBlock, BlockKind, Level, Section, Summary
from .resources import read_yaml

_TRAILING = re.compile(r"[\s:;.!?\u00a0\u202f]+$")
_MAX_HEADING_LEVEL = 3


def _normalise(text: str) -> str:
    """Lower-case, single-spaced, without trailing punctuation or a leading number."""
    text = re.sub(r"^\s*(?:\d+[.)]|[IVX]+\.)\s*", "", text)
    return " ".join(_TRAILING.sub("", text).replace("\u00a0", " ").lower().split())


def recognise_section(text: str) -> tuple[str, str] | None:
    """The canonical (English, French) heading if `text` names a section kept as such.

    Args:
        text: a heading as written, in either language ("Key messages:", « Recommandations »).

    Returns:
        ("Key messages", "Messages clés") or ("Recommendations", "Recommandations"), else None.
    """
    wanted = _normalise(text)
    for entry in read_yaml("notice.yaml")["sections"].values():
        if wanted in {_normalise(word) for word in entry["words"]}:
            return entry["en"], entry["fr"]
    return None


def _heading_texts(block: BilingualBlock) -> tuple[str, str]:
    """The heading in both languages: canonical for key sections, else as translated."""
    for text in (block.en, block.fr):
        known = recognise_section(text)
        if known:
            return known
    return block.en, block.fr


def _split_part(
    title: tuple[str, str], blocks: Sequence[BilingualBlock], offset: int
) -> list[Section]:
    """One file's blocks as sections: its title first, then one per heading block.

    Args:
        title: the file's section title in English and French ("" for none).
        blocks: the file's bilingual blocks, in order.
        offset: added to a heading block's level (1 when the file has a title).
    """
    sections: list[Section] = []
    heading = title
    level = 1
    current: list[BilingualBlock] = []
    for block in blocks:
        if block.kind is BlockKind.HEADING:
            if current or heading[0] or heading[1]:
                sections.append(Section(heading[0], heading[1], tuple(current), level))
            heading = _heading_texts(block)
            level = min(max(block.level, 1) + offset, _MAX_HEADING_LEVEL)
            current = []
        else:
            current.append(block)
    if current or heading[0] or heading[1]:
        sections.append(Section(heading[0], heading[1], tuple(current), level))
    return sections


def build_summary(
    parts: Sequence[tuple[str | tuple[str, str], Sequence[BilingualBlock]]],
    *,
    title_en: str,
    title_fr: str,
    date: str | None,
    place: str | None,
    level: Level,
    k: int,
    translator: str,
    created: str,
) -> Summary:
    """Assemble the summary of one meeting from one or more note files.

    Args:
        parts: one (section title, blocks) per input file, in the order given; the title
            is one string for both languages or an (English, French) pair. With a
            single file, its title is not repeated and its headings are level 1.
        title_en, title_fr: the summary's title in each language.
        date: ISO date (YYYY-MM-DD) or as written; None if unknown.
        place: where the meeting took place, or None.
        level, k: how attributions were generalised (shown in the notice).
        translator: the translator backend's name ("none", "argos", "pairs").
        created: ISO timestamp for the document properties (fixed for reproducible output).

    Returns:
        The Summary the renderer writes.
    """
    sections: list[Section] = []
    for title, blocks in parts:
        titles = title if isinstance(title, tuple) else (title, title)
        if len(parts) == 1:
            titles = ("", "")  # one file: the summary's title already heads it
        offset = 1 if any(titles) else 0
        sections.extend(_split_part(titles, blocks, offset))
    return Summary(
        title_en=title_en,
        title_fr=title_fr,
        date=date,
        place=place,
        level=level,
        k=k,
        sections=tuple(sections),
        created=created,
        translator=translator,
    )
