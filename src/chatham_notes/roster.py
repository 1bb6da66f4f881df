"""Roster files (CSV or YAML) and a draft roster extracted from a programme.

CSV columns: name,aliases,affiliation,affiliation_aliases,category,role (aliases split
on `|`), delimiter `,` or `;`, UTF-8 (BOM or not) or Windows-1252. Only `name` is required.
Categories and roles are matched against `models/sectors.yaml` and `models/roles.yaml`.
Error messages name lines, never people: they go to stderr.
"""

from __future__ import annotations

import csv
import io
import re
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

import yaml
from unidecode import unidecode

from .errors import InputError
from .ingest.encoding import read_text_file
from .model import Participant, Role, Roster, Sector
from .resources import read_yaml

COLUMNS = ("name", "aliases", "affiliation", "affiliation_aliases", "category", "role")
_COLUMN_ALIASES = {
    "nom": "name", "participant": "name", "alias": "aliases", "organisation": "affiliation",
    "organization": "affiliation", "institution": "affiliation", "affiliation_alias": "affiliation_aliases",
    "categorie": "category", "sector": "category", "secteur": "category", "fonction": "role",
}


def _key(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form used to compare labels."""
    folded = unidecode(str(text)).casefold().replace("*", "").replace("’", "'")
    return re.sub(r"[^a-z0-9']+", " ", folded).strip()


@lru_cache(maxsize=1)
def _sector_table() -> dict[str, Sector]:
    table: dict[str, Sector] = {}
    for value, langs in read_yaml("sectors.yaml").items():
        sector = Sector(value)
        table[_key(value)] = sector
        for term in [t for terms in langs.values() for t in terms]:
            table[_key(term)] = sector
    return table


@lru_cache(maxsize=1)
def _role_terms() -> list[tuple[str, Role]]:
    """(folded term, role), longest terms first so that "co-chair" wins over "chair"."""
    terms = []
    for value, langs in read_yaml("roles.yaml").items():
        role = Role(value)
        terms.append((_key(value), role))
        terms += [(_key(t), role) for ts in langs.values() for t in ts]
    return sorted(terms, key=lambda item: -len(item[0]))


def sector_labels() -> str:
    """The six categories as `english / french` pairs, for error messages."""
    data = read_yaml("sectors.yaml")
    return "; ".join(f"{v['en'][0]} / {v['fr'][0]}" for v in data.values())


def parse_sector(value: str) -> Sector | None:
    """A category string in English or French -> Sector; None if it is not one."""
    return _sector_table().get(_key(value))


def parse_role(value: str | None) -> Role:
    """A free-text role in English or French -> Role; PARTICIPANT if nothing is recognised."""
    if not value or not value.strip():
        return Role.PARTICIPANT
    key = _key(value)
    for candidate in (key, re.sub(r"s\b", "", key)):  # plural "speakers", "intervenants"
        for term, role in _role_terms():
            if candidate == term:
                return role
    for term, role in _role_terms():
        if re.search(rf"\b{re.escape(term)}\b", key):
            return role
    return Role.PARTICIPANT


def read_roster(path: str | Path) -> Roster:
    """Read a roster from .csv (also .txt/.tsv) or .yaml/.yml.

    Raises:
        InputError: missing name column, a row without a name, duplicate names,
            an unknown category, or an unreadable file.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".tsv", ".txt", ".yaml", ".yml"):
        raise InputError(path, f"unsupported roster type '{suffix or '(none)'}'", "use .csv or .yaml")
    text = read_text_file(path)
    rows = _yaml_rows(text, path) if suffix in (".yaml", ".yml") else _csv_rows(text, path)
    return Roster(participants=_participants(rows, path), source=str(path))


def _csv_rows(text: str, path: Path) -> list[tuple[int, dict[str, Any]]]:
    header = text.lstrip("\ufeff").split("\n", 1)[0]
    try:
        delimiter = csv.Sniffer().sniff(header, delimiters=",;\t").delimiter
    except csv.Error:
        delimiter = max(",;\t", key=header.count)
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=delimiter)
    columns = [_column(c) for c in next(reader, [])]
    if "name" not in columns:
        raise InputError(path, "the roster has no 'name' column", "the first line must name the columns: "
                         + ",".join(COLUMNS))
    rows = []
    for cells in reader:
        line = reader.line_num
        if any(c.strip() for c in cells):
            rows.append((line, {col: cell for col, cell in zip(columns, cells)}))
    return rows


def _column(header: str) -> str:
    key = _key(header).replace(" ", "_")
    return _COLUMN_ALIASES.get(key, key)


def _yaml_rows(text: str, path: Path) -> list[tuple[int, dict[str, Any]]]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError(path, f"malformed YAML{f' on line {mark.line + 1}' if mark else ''}") from None
    if isinstance(data, dict) and "participants" in data:
        data = data["participants"]
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise InputError(path, "a YAML roster must be a list of entries with a 'name' (or {participants: [...]})")
    return [(n, {_column(str(k)): v for k, v in item.items()}) for n, item in enumerate(data, start=1)]


def _split(value: Any) -> tuple[str, ...]:
    items = value if isinstance(value, list) else str(value or "").split("|")
    return tuple(s for s in (str(i).strip() for i in items) if s)


def _participants(rows: list[tuple[int, dict[str, Any]]], path: Path) -> tuple[Participant, ...]:
    seen: dict[str, int] = {}
    people = []
    where = "line" if path.suffix.lower() not in (".yaml", ".yml") else "entry"
    for line, row in rows:
        name = str(row.get("name") or "").strip()
        if not name:
            raise InputError(path, f"{where} {line} has no name")
        key = _key(name)
        if key in seen:
            raise InputError(path, f"{where} {line} repeats the name on {where} {seen[key]}",
                             "merge the two entries, or tell them apart")
        seen[key] = line
        category = str(row.get("category") or "").strip()
        sector = parse_sector(category) if category else None
        if category and sector is None:
            raise InputError(path, f"{where} {line}: unknown category '{category}'", "allowed: " + sector_labels())
        people.append(Participant(
            id=f"R{len(people) + 1}", name=name, aliases=_split(row.get("aliases")),
            affiliation=str(row.get("affiliation") or "").strip() or None,
            affiliation_aliases=_split(row.get("affiliation_aliases")),
            sector=sector, role=parse_role(str(row.get("role") or "")),
        ))
    return tuple(people)


def write_roster_csv(roster: Roster, stream: IO[str]) -> None:
    """Write a roster as CSV (comma, the columns above), e.g. a draft for the organiser."""
    labels = {Sector(k): v["en"][0] for k, v in read_yaml("sectors.yaml").items()}
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(COLUMNS)
    for p in roster.participants:
        writer.writerow([p.name, "|".join(p.aliases), p.affiliation or "", "|".join(p.affiliation_aliases),
                         labels[p.sector] if p.sector else "", p.role.value])


def extract_roster(path: str | Path) -> Roster:
    """A draft roster from a programme or agenda (.txt, .md, .docx): names, affiliations, roles.

    See `programme.py` for the lines it understands.
    """
    from .ingest.programme import extract_participants

    return Roster(participants=extract_participants(Path(path)), source=str(path))
