"""Plain-text and Markdown notes: headings (ATX and setext), bullets, paragraphs, speaker turns.

One parser serves .txt and .md: rapporteurs write Markdown-ish text in both.
A line with a speaker label starts a turn; a bullet starts a bullet (or a turn, if its
text starts with a label); a bullet's indented lines continue it.

When does a plain line continue the paragraph or turn above it? Rapporteurs mostly mean
one line = one item (a title, a "Present:" line, one point per line), but some notes are
hard-wrapped prose. So the parser first decides, once per document, whether its lines are
wrapped at a fixed width, then decides per line:

- **The width.** W is the longest line that holds a space (a bare URL does not set it). A
  line was *wrapped* when the first word of the line after it would not have fitted on it
  (`len(line) + 1 + len(next first word) > W`). The document is **hard-wrapped** when W is
  at most 100 columns and at least 3 lines are followed by another non-blank line, of which
  at least half were wrapped in the middle of a sentence (lines that fill the width by
  chance but each end a sentence are items, not wrapped prose).
- **In a hard-wrapped document**, a line continues the one above when that one was wrapped
  (the writer did not end it: the width did).
- **In a document whose paragraphs start with a capital** (most of its first lines, the
  body's first line and each line after a blank one, bullets and headings aside, start with
  an upper-case letter), a line also continues the one above when it visibly does: it starts
  with a lower-case letter and the line above does not end a sentence (`.` `!` `?` `…`, then
  any closing quote or bracket): "The first line / continues here". A writer who starts
  items in lower case ("rémi : pas de fentanyl", "kadi pense que…") gives no such sign, and
  the body's first line, when it does not end a sentence, is the note's title: nothing joins it
  ("Notes rapides – atelier 1 / priya said…").
- Otherwise the line starts a new paragraph: a title line, a "Present:" line, a line after
  one that ends a sentence in a note that is not hard-wrapped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..matching import strip_phrases
from ..model import BlockKind, Location, Metadata, Speaker
from ..resources import read_yaml
from .blocks import RawBlock, clean_text, strip_emphasis
from .frontmatter import build_metadata, split_front_matter
from .speakers import _stop_labels, label_key, parse_label, speaking_lead_ins
from .structure import is_structural

_ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
SIGNATURE = "--"  # an e-mail's signature delimiter ("-- "), not a setext underline: the signature follows
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
        self.participants = False  # under a "Participants" heading: "Name – Organisation" lines are no turns
        self.known: frozenset[str] = frozenset()  # lead-in words this note uses as speakers' initials

    def parse(self, lines: list[str], first_line: int) -> list[RawBlock]:
        self.known = speaking_lead_ins(lines)
        self.width = _wrap_width(lines)
        self.capitalised = _capitalised_paragraphs(lines)
        self.previous = ""  # the line above (as written, right-stripped); "" after a blank line
        title = next((i for i, line in enumerate(lines) if line.strip()), -1)
        for index, (number, line) in enumerate(enumerate(lines, start=first_line)):
            self._line(line, number)
            # the body's first line is a title nothing joins, unless the document is hard-wrapped
            self.previous = "" if not line.strip() or (index == title and not self.width) else line.rstrip()
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
        if stripped == SIGNATURE:
            self._flush()  # its own block: the rewrite removes it with the short lines after it
            self.open = _Open(BlockKind.PARAGRAPH, [stripped], number)
            self._flush()
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
        label = parse_label(strip_emphasis(stripped), self.known) \
            if not stripped.startswith(("http", "www.")) and not self.participants else None
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
        if self.open and self.open.indent < 0 and self.open.kind in (BlockKind.PARAGRAPH, BlockKind.TURN) \
                and continues(self.previous, stripped, self.width, self.capitalised):
            self.open.lines.append(stripped)
            return
        self._flush()
        self.open = _Open(BlockKind.PARAGRAPH, [stripped], number)

    def _heading(self, text: str, level: int, number: int, pseudo: bool = False) -> None:
        self._flush()
        self.list_indents.clear()
        self.participants = is_participants_heading(text)
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
        label = None if self.participants else parse_label(strip_emphasis(text), self.known)
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


@lru_cache(maxsize=1)
def _list_words() -> tuple[str, ...]:
    return tuple(read_yaml("wording", "patterns.yaml")["list_words"])


def is_participants_heading(text: str) -> bool:
    """A heading that says a participants list follows ("Participants / line-up", « Liste des
    participants »): nothing but list words, and at least one."""
    words, found = strip_phrases(text, _list_words(), "·-")
    return found > 0 and not re.search(r"[^\W\d_]", words)


_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")
_MAX_WRAP = 100  # wider than this, lines are not hard-wrapped: they are one item each
_MIN_WRAPPED = 3


def _first_word(line: str) -> str:
    return line.strip().split(maxsplit=1)[0] if line.strip() else ""


def _wrapped(line: str, following: str, width: int) -> bool:
    """Whether `line` ended because the first word of `following` did not fit on it."""
    return len(line.rstrip()) + 1 + len(_first_word(following)) > width


def _wrap_width(lines: Sequence[str]) -> int:
    """The width a hard-wrapped document is wrapped at, or 0 if it is not hard-wrapped."""
    widths = [len(line.rstrip()) for line in lines if " " in line.strip()]
    width = max(widths, default=0)
    if not width or width > _MAX_WRAP:
        return 0
    pairs = [(a, b) for a, b in zip(lines, lines[1:]) if a.strip() and b.strip()]
    wrapped = sum(_wrapped(a, b, width) and not _SENTENCE_END.search(a.rstrip()) for a, b in pairs)
    return width if len(pairs) >= _MIN_WRAPPED and 2 * wrapped >= len(pairs) else 0


def _capitalised_paragraphs(lines: Sequence[str]) -> bool:
    """Whether most paragraphs of the document start with an upper-case letter."""
    starts = [line for before, line in zip([""] + list(lines), lines) if line.strip() and not before.strip()]
    letters = [line.strip()[0] for line in starts
               if line.strip()[0].isalpha() and not _BULLET.match(line) and not _ATX.match(line)]
    upper = sum(c.isupper() for c in letters)
    return upper > 0 and upper >= len(letters) - upper


def continues(previous: str, line: str, width: int = 0, capitalised: bool = True) -> bool:
    """Whether `line` continues the paragraph whose last line was `previous` (the module's rule).

    Args:
        previous: the line above, as written.
        line: this line.
        width: the document's wrap width (`_wrap_width`), 0 when it is not hard-wrapped.
        capitalised: whether the document's paragraphs start with a capital
            (`_capitalised_paragraphs`), so that a lower-case start shows a continuation.
    """
    previous, line = previous.rstrip(), line.strip()
    if not previous or not line:
        return False
    if width and _wrapped(previous, line, width):
        return True
    return capitalised and line[0].islower() and not _SENTENCE_END.search(previous)


def _list_marker(marker: str) -> str:
    """A numbering as written ("1.", "a)"); any other bullet as Markdown's "-"."""
    return marker if marker[0].isdigit() or marker.endswith(")") else "-"


def _finish(text: str) -> str:
    return clean_text(strip_emphasis(text))
