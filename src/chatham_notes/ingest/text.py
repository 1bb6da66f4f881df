"""Plain-text and Markdown notes: headings (ATX and setext), bullets, paragraphs, speaker turns.

One parser serves .txt and .md: rapporteurs write Markdown-ish text in both.
Consecutive lines join into one paragraph; a line with a speaker label starts a turn;
a bullet starts a bullet (or a turn, if its text starts with a label).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..model import BlockKind, Location, Metadata, Speaker
from .blocks import RawBlock, clean_text, strip_emphasis
from .frontmatter import build_metadata, split_front_matter
from .speakers import _stop_labels, label_key, parse_label
from .structure import is_structural

_ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_BULLET = re.compile(r"^(?P<indent>[ \t]*)(?P<marker>[-*+•·▪◦‣–o]|\d{1,3}[.)]|[a-z]\))[ \t]+(?P<text>\S.*)$")
_LEAD_IN = re.compile(r"^(?P<label>[^:：]{1,40}?)[ \t\u00a0\u202f]?[:：]$")


@dataclass
class _Open:
    """The block being built: its kind, lines, and where it started."""

    kind: BlockKind
    lines: list[str]
    line: int
    speaker: object = None
    level: int = 0
    indent: int = -1  # bullet marker's indentation; -1 when not a bullet
    marker: str = ""
    extra: dict = field(default_factory=dict)


def read_markdown(text: str, path: Path) -> tuple[Metadata, list[RawBlock]]:
    """Parse a .txt/.md file's decoded text into metadata and raw blocks."""
    data, used, lines = split_front_matter(text, path)
    fm_lines = text.split("\n")[1:max(used - 1, 0)]
    metadata, extra = build_metadata(data, path, fm_lines)
    return metadata, extra + _Parser(path.name).parse(lines, first_line=used + 1)


def _indent(prefix: str) -> int:
    return len(prefix.expandtabs(4))


class _Parser:
    """Line-by-line state machine over the body of a text file."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.blocks: list[RawBlock] = []
        self.open: _Open | None = None
        self.list_indents: list[int] = []
        self.heading_level = 0

    def parse(self, lines: list[str], first_line: int) -> list[RawBlock]:
        for number, line in enumerate(lines, start=first_line):
            self._line(line, number)
        self._flush()
        return self.blocks

    def _line(self, line: str, number: int) -> None:
        stripped = line.strip()
        if not stripped:
            self._flush()
            return
        if (m := _ATX.match(line)) is not None:
            self._heading(m.group(2), len(m.group(1)), number)
            return
        if self._setext(line):
            return
        if _RULE.match(line):
            self._flush()  # a horizontal rule carries no words
            return
        if (m := _BULLET.match(line)) is not None:
            self._bullet(m, number)
            return
        if self.open and self.open.indent >= 0 and _indent(line[: len(line) - len(line.lstrip())]) > self.open.indent:
            self.open.lines.append(stripped)  # an indented continuation of a bullet
            return
        self._plain(stripped, number)

    def _plain(self, stripped: str, number: int) -> None:
        self.list_indents.clear()
        label = parse_label(strip_emphasis(stripped)) if not stripped.startswith(("http", "www.")) else None
        if label is not None:
            self._flush()
            self.open = _Open(BlockKind.TURN, [label[1]], number, speaker=label[0])
            return
        lead = _LEAD_IN.match(strip_emphasis(stripped))
        if lead and label_key(lead.group("label")) in _stop_labels():
            self._heading(lead.group("label"), self.heading_level + 1, number, pseudo=True)
            return
        if lead and is_structural(Speaker(lead.group("label").strip()), ""):
            self._heading(lead.group("label"), self.heading_level + 1, number, pseudo=True)
            return
        if self.open and self.open.indent < 0 and self.open.kind in (BlockKind.PARAGRAPH, BlockKind.TURN):
            self.open.lines.append(stripped)
            return
        self._flush()
        self.open = _Open(BlockKind.PARAGRAPH, [stripped], number)

    def _heading(self, text: str, level: int, number: int, pseudo: bool = False) -> None:
        self._flush()
        self.list_indents.clear()
        if not pseudo:
            self.heading_level = level
        marker = "" if pseudo else "#" * level
        self.blocks.append(RawBlock(BlockKind.HEADING, _finish(text), self._loc(number), level=level, marker=marker))

    def _setext(self, line: str) -> bool:
        """`Title` + `=====`/`-----`: the open plain paragraph becomes a heading."""
        m = _SETEXT.match(line)
        o = self.open
        if not m or o is None or o.kind is not BlockKind.PARAGRAPH or o.indent >= 0:
            return False
        self.open = None
        self._heading(" ".join(o.lines), 1 if m.group(1)[0] == "=" else 2, o.line)
        return True

    def _bullet(self, m: re.Match[str], number: int) -> None:
        self._flush()
        indent = _indent(m.group("indent"))
        while self.list_indents and self.list_indents[-1] > indent:
            self.list_indents.pop()
        if not self.list_indents or self.list_indents[-1] < indent:
            self.list_indents.append(indent)
        level = len(self.list_indents) - 1
        text, marker = m.group("text"), _list_marker(m.group("marker"))
        label = parse_label(strip_emphasis(text))
        if label is not None:
            self.open = _Open(BlockKind.TURN, [label[1]], number, speaker=label[0], level=level, indent=indent,
                              marker=marker)
        else:
            self.open = _Open(BlockKind.BULLET, [text], number, level=level, indent=indent, marker=marker)

    def _flush(self) -> None:
        o, self.open = self.open, None
        if o is None:
            return
        text = _finish(" ".join(o.lines))
        if text or o.speaker is not None:
            self.blocks.append(RawBlock(o.kind, text, self._loc(o.line), speaker=o.speaker, level=o.level,
                                        marker=o.marker))

    def _loc(self, number: int) -> Location:
        return Location(file=self.file, part="body", line=number)


def _list_marker(marker: str) -> str:
    """A numbering as written ("1.", "a)"); any other bullet as Markdown's "-"."""
    return marker if marker[0].isdigit() or marker.endswith(")") else "-"


def _finish(text: str) -> str:
    return clean_text(strip_emphasis(text))
