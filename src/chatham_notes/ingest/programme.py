"""Programme / agenda -> draft roster entries (names, affiliations, roles).

Understands the lines a workshop invitation is made of:
- role lines: `Moderator: Jane Doe, Org` / `Modératrice : Jane Doe (Org)`;
- role headings: `Comité d'organisation :`, `Speakers:` (the lines after them get that role);
- person lines, usually bulleted: `o Jane Doe, Department, Org` (a panellist by default),
  several on one line separated by `;`. A line ending with `,` or an open `(` continues.
The affiliation is the last comma part that looks like an organisation, or all after the name.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from babel import Locale
from gender_guesser.detector import Detector

from ..errors import InputError
from ..matching import key as match_key
from ..model import BlockKind, Participant, Role
from ..resources import read_list
from .encoding import read_text_file
from .speakers import is_name_like

_BULLET = re.compile(r"^(?:[^\w(«\"“'‘]+|o\s+)+")
_ROLE_LINE = re.compile(r"^(?P<label>[^:：,;()]{2,50}?)[ \t\u00a0\u202f]?[:：](?!//)\s*(?P<rest>.*)$")
_PARENS = re.compile(r"^(?P<name>[^,(]+?)\s*\((?P<aff>[^()]+)\)\s*(?P<tail>.*)$")
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9&]{1,}\b")
SUPPORTED = (".txt", ".md", ".markdown", ".docx")


def extract_participants(path: Path) -> tuple[Participant, ...]:
    """Draft participants found in a programme, in order of first appearance, without duplicates."""
    if path.suffix.lower() not in SUPPORTED:
        raise InputError(path, f"unsupported programme type '{path.suffix or '(none)'}'",
                         "supported: " + ", ".join(SUPPORTED))
    found: dict[str, Participant] = {}
    context: Role | None = None
    for entry in _join_continuations(_lines(path)):
        body, bulleted = _strip_bullet(entry)
        role_line = _role_line(body)
        if role_line is not None:
            role, rest = role_line
            context = None if rest else role
            for part in filter(None, (p.strip() for p in rest.split(";"))):
                _add(found, _person(part), role)
            continue
        people = [_person(part) for part in body.split(";") if part.strip()]
        people = [p for p in people if p and (bulleted or context or p[2])]
        if not people:
            context = None  # an ordinary line ends a role heading's list
        for person in people:
            _add(found, person, context or Role.PANELLIST)
    return tuple(p for p in found.values())


def _lines(path: Path) -> list[str]:
    if path.suffix.lower() != ".docx":
        return read_text_file(path).split("\n")
    from . import read_notes  # a .docx programme: its paragraphs and cells are the lines

    lines = []
    for block in read_notes(path).blocks:
        if block.kind is BlockKind.TURN and block.speaker is not None:
            aff = f" ({block.speaker.affiliation})" if block.speaker.affiliation else ""
            lines.append(f"{block.speaker.name}{aff}: {block.text}")
        else:
            lines.append(block.text)
    return lines


def _join_continuations(lines: list[str]) -> list[str]:
    """Join a line ending with `,` or with an unclosed `(` to the next (at most 3 lines),
    and a line starting in lower case to the one before it (a wrapped line)."""
    entries: list[str] = []
    pending, joined = "", 0
    for line in (raw.strip() for raw in lines):
        if not line:
            continue
        if not pending and entries and line[0].islower() and not _strip_bullet(line)[1]:
            entries[-1] = f"{entries[-1]} {line}"
            continue
        pending = f"{pending} {line}".strip() if pending else line
        open_paren = pending.count("(") > pending.count(")")
        if (pending.endswith(",") or open_paren) and joined < 2:
            joined += 1
            continue
        entries.append(pending)
        pending, joined = "", 0
    if pending:
        entries.append(pending)
    return entries


def _strip_bullet(line: str) -> tuple[str, bool]:
    body = _BULLET.sub("", line).strip()
    return body, body != line.strip()


def _role_line(body: str) -> tuple[Role, str] | None:
    """`Moderator: ...` -> (MODERATOR, rest); None when the label is not a role word."""
    from ..roster import parse_role  # roster imports ingest: import late

    m = _ROLE_LINE.match(body)
    if m is None or len(m.group("label").split()) > 4:
        return None
    role = parse_role(m.group("label"))
    return (role, m.group("rest").strip(" ;.")) if role is not Role.PARTICIPANT else None


def _person(text: str) -> tuple[str, str | None, bool] | None:
    """(name, affiliation, first name known) for `Name, ..., Org` or `Name (Org)`, else None."""
    text = _strip_honorifics(text.strip(" ;.\t"))
    m = _PARENS.match(text)
    if m and not m.group("tail"):
        name, affiliation = m.group("name").strip(), m.group("aff").strip()
    else:
        name, _, rest = text.partition(",")
        name, affiliation = name.strip(), _affiliation(rest)
    if not _is_person(name):
        return None
    return name, affiliation, _known_first_name(name)


def _strip_honorifics(text: str) -> str:
    titles = {t.casefold() for t in read_list("ingest", "honorifics.txt")}
    words = text.split()
    while len(words) > 2 and words[0].casefold() in titles:
        words = words[1:]
    return " ".join(words)


def _is_person(name: str) -> bool:
    words = name.split()
    if not 2 <= len(words) <= 5 or not is_name_like(name) or _country(name):
        return False
    org = _org_words()
    return not any(w.strip(".,()").casefold() in org for w in words)


def _affiliation(rest: str) -> str | None:
    parts = [p.strip(" ;.—–-") for p in rest.split(",")]
    parts = [p for p in parts if p]
    for part in reversed(parts):
        if not _country(part) and (_ACRONYM.search(part) or part[0].isupper()
                                   or any(w.casefold() in _org_words() for w in part.split())):
            return part
    return ", ".join(parts) or None


def _add(found: dict[str, Participant], person: tuple[str, str | None, bool] | None, role: Role) -> None:
    if person is None:
        return
    key = match_key(person[0])
    if key not in found:
        found[key] = Participant(id=f"R{len(found) + 1}", name=person[0], affiliation=person[1], role=role)


@lru_cache(maxsize=1)
def _org_words() -> frozenset[str]:
    return frozenset(w.casefold() for w in read_list("ingest", "org_words.txt"))


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    names = set()
    for locale in ("en", "fr"):
        names.update(_fold(n) for n in Locale.parse(locale).territories.values())
    return frozenset(names)


def _fold(text: str) -> str:
    return re.sub(r"[^a-z]", "", match_key(text))


def _country(text: str) -> bool:
    return _fold(text) in _countries()


@lru_cache(maxsize=1)
def _genders() -> Detector:
    return Detector(case_sensitive=False)


def _known_first_name(name: str) -> bool:
    """A person line without a bullet or a role heading needs a known first name."""
    first = name.split()[0].split("-")[0]
    return _genders().get_gender(first) != "unknown"
