"""The data of the XLIFF hand-off: units going out, units coming back, and what was refused."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Placeholder, Request

NS = "urn:oasis:names:tc:xliff:document:1.2"
TOKEN = re.compile(r"⟦(\d+)⟧")


# One text awaiting translation, as it goes out: the translation stage's own request
# (`document` is the `<file original>`, `block_id` the unit's id, `location` the translator's note).
ExportUnit = Request


@dataclass(frozen=True)
class Unit:
    """One `<trans-unit>` read back: its source and target with codes as tokens.

    Attributes:
        file: the XLIFF file's name, for the report.
        document: its `<file original>`.
        codes: the `ctype` of each code of the source, in token order (for memory matches).
        target: the translation in tokens, or None when there is none.
        problem: why the target cannot be used as it stands (None when it can).
    """

    file: str
    document: str
    id: str
    source_lang: str
    target_lang: str
    source: str
    codes: tuple[str, ...]
    target: str | None
    problem: str | None = None


@dataclass(frozen=True)
class Rejection:
    """A translation file, or one of its units, that was not used, and why (no original text).

    Attributes:
        file: the translation file's name.
        unit: the unit's id, "" for the whole file.
        reason: what was wrong; it never quotes the translation.
        foreign: the unit id is not one of ours (the file wrote it): `terminal` leaves it out,
            since a file may hold anything, a name too; the confidential report shows it.
    """

    file: str
    unit: str
    reason: str
    foreign: bool = False

    def __str__(self) -> str:
        return f"{self.file}: {'unit ' + self.unit + ': ' if self.unit else ''}{self.reason}"

    @property
    def terminal(self) -> str:
        """The line to print on the terminal: no string that only the file wrote."""
        unit = "a unit" if self.foreign else (f"unit {self.unit}" if self.unit else "")
        return f"{self.file}: {unit + ': ' if unit else ''}{self.reason}"


def ctype(holder: Placeholder) -> str:
    """The inline code's type: `x-participant`, `x-organisation`... (XLIFF's `x-` extension values)."""
    return f"x-{holder.kind.value}"
