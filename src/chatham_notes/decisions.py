"""The reviewer's decisions: keep a false positive, remove a miss, and make it stick.

A decisions file is YAML (`.yaml`, `.yml`) or TOML (`.toml`) with two lists,
`keep` and `remove`. Each entry names a finding by its id, or a term by its text::

    # decisions.yaml
    keep:
      - {id: F-1a2b3c4d}          # this finding is a false positive: leave it in
      - {text: "Bolivia"}         # never remove this term, anywhere
    remove:
      - {text: "Kofi", kind: person}   # a miss: remove it everywhere
      - {id: C-9f8e7d6c}          # this candidate does identify someone

The same in TOML::

    [[keep]]
    id = "F-1a2b3c4d"
    [[remove]]
    text = "Kofi"
    kind = "person"

Rules:
- `id` is a finding id (`F-…`, a `Mention.id`) or a candidate id (`C-…`, a `Candidate.id`),
  as the report shows them. A bare string is accepted too: `keep: [F-1a2b3c4d, Bolivia]`.
- `kind` (optional, for `text`) is one of person, affiliation, email, phone, url, handle,
  role, place. A removed term without a kind takes the kind of an existing finding with
  the same text, else person. A kept term with a kind only keeps findings of that kind.
- `note` (optional) is free text for the reviewer; it is ignored.
- Keeping a finding drops it (its text stays in the summary). Keeping a candidate marks
  it reviewed. Removing a term adds a finding (detector "reviewer", score 1.0) on every
  whole-word, case-, accent- and hyphen-insensitive occurrence in the block texts and
  speaker labels; a term of three letters or fewer, or a common word, matches only as
  written or in capitals (as in the leak check). Removing a candidate turns it, and every
  candidate with the same text, into a finding.
- Removals win over keeps. Decisions that match nothing (an id gone stale after the
  notes changed) are reported, never an error.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal, overload

import yaml

from .errors import InputError
from .model import Candidate, Detection, Field, Kind, Mention, Party
from .matching import TermMatcher, fold, lower

Action = Literal["keep", "remove"]
_ID = re.compile(r"^[FC]-[0-9a-f]{8}$")
_ENTRY_KEYS = {"id", "text", "kind", "note"}


@dataclass(frozen=True)
class Decision:
    """One entry of a decisions file: a finding id or a term, kept or removed."""

    action: Action
    id: str | None = None
    text: str | None = None
    kind: Kind | None = None

    @property
    def key(self) -> str:
        """How the report names it: the id, or the term (confidential) and its kind."""
        if self.id:
            return self.id
        return f"text {self.text!r}" + (f" ({self.kind})" if self.kind else "")


@dataclass(frozen=True)
class Decisions:
    """A reviewer's decisions file, read."""

    keep: tuple[Decision, ...] = ()
    remove: tuple[Decision, ...] = ()
    source: str | None = None

    def __bool__(self) -> bool:
        return bool(self.keep or self.remove)


@dataclass(frozen=True)
class AppliedDecision:
    """A decision and how many findings or candidates it changed (or confirmed)."""

    decision: Decision
    count: int


@dataclass(frozen=True)
class DecisionOutcome:
    """What applying decisions did.

    Attributes:
        applied: decisions that matched something, with counts.
        unmatched: decisions that matched nothing (stale ids, absent terms).
        kept: mentions dropped because the reviewer kept them.
        added: mentions the reviewer's removals added.
        reviewed: (candidate id, "keep") for candidates the reviewer confirmed, and
            (candidate id, "remove") for candidates turned into mentions.
    """

    applied: tuple[AppliedDecision, ...] = ()
    unmatched: tuple[Decision, ...] = ()
    kept: tuple[Mention, ...] = ()
    added: tuple[Mention, ...] = ()
    reviewed: tuple[tuple[str, str], ...] = ()
    kept_candidates: tuple[Candidate, ...] = ()


def read_decisions(path: Path | str) -> Decisions:
    """Read a YAML or TOML decisions file.

    Raises:
        InputError: the file is missing, unparsable, or an entry is malformed.
    """
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, "cannot read the decisions file", type(exc).__name__) from None
    data = _parse(path, raw)
    if data is None:
        return Decisions(source=path.name)
    if not isinstance(data, dict):
        raise InputError(path, "a decisions file holds `keep` and `remove` lists", "see the format in the docs")
    unknown = sorted(set(data) - {"keep", "remove", "version"})
    if unknown:
        raise InputError(path, f"unknown key {unknown[0]!r}", "only `keep` and `remove` are allowed")
    keep = tuple(_entry(path, "keep", i, e) for i, e in enumerate(_as_list(path, data, "keep")))
    remove = tuple(_entry(path, "remove", i, e) for i, e in enumerate(_as_list(path, data, "remove")))
    return Decisions(keep, remove, path.name)


def _parse(path: Path, raw: str) -> Any:
    try:
        if path.suffix.lower() == ".toml":
            return tomllib.loads(raw)
        return yaml.safe_load(raw)
    except (tomllib.TOMLDecodeError, yaml.YAMLError) as exc:
        where = getattr(exc, "problem_mark", None)
        line = f"line {where.line + 1}" if where is not None else str(exc).split("\n")[0]
        raise InputError(path, "not valid YAML/TOML", line) from None


def _as_list(path: Path, data: dict, action: str) -> list:
    value = data.get(action) or []
    if not isinstance(value, list):
        raise InputError(path, f"`{action}` must be a list of entries", "e.g. - {id: F-1a2b3c4d}")
    return value


def _entry(path: Path, action: Action, index: int, entry: Any) -> Decision:
    """One entry: {id: ...}, {text: ..., kind: ...}, or a bare id or term."""
    where = f"{action} entry {index + 1}"
    if isinstance(entry, str):
        entry = {"id": entry} if _ID.match(entry.strip()) else {"text": entry}
    if not isinstance(entry, dict) or not entry:
        raise InputError(path, f"{where} is not an id or a term", "e.g. {id: F-1a2b3c4d} or {text: Bolivia}")
    unknown = sorted(set(entry) - _ENTRY_KEYS)
    if unknown:
        raise InputError(path, f"{where}: unknown key {unknown[0]!r}", "use id, text, kind or note")
    ident, text = entry.get("id"), entry.get("text")
    if (ident is None) == (text is None):
        raise InputError(path, f"{where} needs exactly one of `id` or `text`")
    if ident is not None and not (isinstance(ident, str) and _ID.match(ident.strip())):
        raise InputError(path, f"{where}: {ident!r} is not a finding id", "ids look like F-1a2b3c4d or C-1a2b3c4d")
    if text is not None and (not isinstance(text, (str, int, float)) or not str(text).strip()):
        raise InputError(path, f"{where}: `text` must be a non-empty string")
    return Decision(action, ident.strip() if ident else None, str(text).strip() if text is not None else None,
                    _kind(path, where, entry.get("kind")))


def _kind(path: Path, where: str, value: Any) -> Kind | None:
    if value is None:
        return None
    try:
        return Kind(str(value).strip().lower())
    except ValueError:
        allowed = ", ".join(k.value for k in Kind)
        raise InputError(path, f"{where}: unknown kind {value!r}", f"use one of {allowed}") from None


@overload
def apply_decisions(detection: Detection, decisions: Decisions) -> tuple[Detection, DecisionOutcome]: ...
@overload
def apply_decisions(
    detection: Sequence[Detection], decisions: Decisions
) -> tuple[list[Detection], DecisionOutcome]: ...


def apply_decisions(detection, decisions):
    """Apply a reviewer's decisions to one document's detection (or to each of several).

    Keeps are applied first, then removals, so that a removal always wins. The result
    depends only on the inputs: the same detection and decisions give the same output.

    Args:
        detection: one Detection, or a sequence of them (one per note file); with a
            sequence the result is a list and one merged outcome, in which a decision
            is unmatched only if it matched in no document.
        decisions: the reviewer's decisions.
    """
    if not isinstance(detection, Detection):
        results = [apply_decisions(d, decisions) for d in detection]
        return [d for d, _ in results], merge_outcomes([o for _, o in results])
    state = _State(detection)
    for decision in decisions.keep:
        state.record(decision, state.keep_id(decision.id) if decision.id else state.keep_text(decision))
    for decision in decisions.remove:
        state.record(decision, state.remove_id(decision.id) if decision.id else state.remove_text(decision))
    return state.result()


def merge_outcomes(outcomes: Sequence[DecisionOutcome]) -> DecisionOutcome:
    """One outcome for several documents: a decision is unmatched only if it matched nowhere."""
    counts: dict[Decision, int] = {}
    unmatched: list[Decision] = []
    for outcome in outcomes:
        for applied in outcome.applied:
            counts[applied.decision] = counts.get(applied.decision, 0) + applied.count
        unmatched.extend(d for d in outcome.unmatched if d not in unmatched)
    return DecisionOutcome(
        applied=tuple(AppliedDecision(d, n) for d, n in counts.items()),
        unmatched=tuple(d for d in unmatched if d not in counts),
        kept=tuple(m for o in outcomes for m in o.kept),
        added=tuple(m for o in outcomes for m in o.added),
        reviewed=tuple(r for o in outcomes for r in o.reviewed),
        kept_candidates=tuple(c for o in outcomes for c in o.kept_candidates),
    )


def field_text(detection: Detection, block_id: str, which: Field) -> str:
    """The string a mention's offsets refer to: the block's text or its speaker label."""
    block = detection.document.block(block_id)
    if which == Field.TEXT:
        return block.text
    if block.speaker is None:
        return ""
    return (block.speaker.name if which == Field.SPEAKER else block.speaker.affiliation) or ""


class _State:
    """The detection being changed, and what each decision did."""

    def __init__(self, detection: Detection) -> None:
        self.detection = detection
        self.mentions = list(detection.mentions)
        self.candidates = list(detection.candidates)
        self.parties = list(detection.parties)
        self.applied: list[AppliedDecision] = []
        self.unmatched: list[Decision] = []
        self.kept: list[Mention] = []
        self.added: list[Mention] = []
        self.reviewed: list[tuple[str, str]] = []
        self.kept_candidates: list[Candidate] = []

    def record(self, decision: Decision, count: int) -> None:
        if count:
            self.applied.append(AppliedDecision(decision, count))
        else:
            self.unmatched.append(decision)

    def keep_id(self, ident: str) -> int:
        if any(m.id == ident for m in self.mentions):
            self._drop_mentions(lambda m: m.id == ident)
            return 1
        return self._keep_candidates(lambda c: c.id == ident)

    def keep_text(self, decision: Decision) -> int:
        wanted = _same_text(decision.text or "")

        def hit(text: str, kind: Kind) -> bool:
            return wanted(text) and decision.kind in (None, kind)

        count = self._drop_mentions(lambda m: hit(m.text, m.kind))
        return count + self._keep_candidates(lambda c: hit(c.text, c.kind))

    def _drop_mentions(self, test: Any) -> int:
        dropped = [m for m in self.mentions if test(m)]
        self.kept.extend(dropped)
        self.mentions = [m for m in self.mentions if not test(m)]
        return len(dropped)

    def _keep_candidates(self, test: Any) -> int:
        hits = [c for c in self.candidates if test(c)]
        self.kept_candidates.extend(hits)
        self.reviewed.extend((c.id, "keep") for c in hits)
        self.candidates = [c for c in self.candidates if not test(c)]
        return len(hits)

    def remove_id(self, ident: str) -> int:
        if any(m.id == ident for m in self.mentions):
            return 1  # already removed: the reviewer confirms it
        if any(m.id == ident for m in self.kept):
            self.mentions.extend(m for m in self.kept if m.id == ident)
            self.kept = [m for m in self.kept if m.id != ident]
            return 1
        chosen = next((c for c in self.candidates + self.kept_candidates if c.id == ident), None)
        if chosen is None:
            return 0
        same = [c for c in self.candidates + self.kept_candidates if c.text == chosen.text]
        for candidate in same:
            self._add(candidate.block_id, candidate.field, candidate.start, candidate.end, candidate.kind)
            self.reviewed.append((candidate.id, "remove"))
        ids = {c.id for c in same}
        self.candidates = [c for c in self.candidates if c.id not in ids]
        self.kept_candidates = [c for c in self.kept_candidates if c.id not in ids]
        return len(same)

    def remove_text(self, decision: Decision) -> int:
        text = decision.text or ""
        kind = decision.kind or next((m.kind for m in self.mentions + self.kept if _same_text(text)(m.text)), Kind.PERSON)
        matcher = TermMatcher([(text, True)])
        count = 0
        for block in self.detection.document.blocks:
            for which in (Field.TEXT, Field.SPEAKER, Field.SPEAKER_AFFILIATION):
                source = field_text(self.detection, block.id, which)
                for start, end, _ in matcher.find(source) if source else ():
                    count += self._add(block.id, which, start, end, kind)
        return count

    def _add(self, block_id: str, which: Field, start: int, end: int, kind: Kind) -> int:
        """Add a reviewer mention; merge with overlapping mentions so spans never overlap."""
        source = field_text(self.detection, block_id, which)
        same_place = [m for m in self.mentions if m.block_id == block_id and m.field == which]
        covering = next((m for m in same_place if m.start <= start and end <= m.end), None)
        if covering is not None:  # already removed: a candidate on it is resolved too
            self.candidates = [c for c in self.candidates if not _overlaps(c, covering)]
            return 1
        overlapping = [m for m in same_place if m.start < end and start < m.end]
        start = min([start, *(m.start for m in overlapping)])
        end = max([end, *(m.end for m in overlapping)])
        party = next((m.party_id for m in overlapping if m.party_id), None) or self._party_for(source[start:end], kind)
        mention = Mention(block_id, start, end, source[start:end], kind, "reviewer", 1.0, party, which)
        self.mentions = [m for m in self.mentions if m not in overlapping]
        self.mentions.append(mention)
        self.added.append(mention)
        self.candidates = [c for c in self.candidates if not _overlaps(c, mention)]
        return 1

    def _party_for(self, text: str, kind: Kind) -> str | None:
        """The party of a finding with the same text, else a new party for a person or organisation."""
        same = _same_text(text)
        known = next((m.party_id for m in self.mentions if m.party_id and same(m.text)), None)
        if known or kind not in (Kind.PERSON, Kind.AFFILIATION):
            return known
        label = [p.id for p in self.parties if p.kind == kind and same(p.label)] or self._parties_named(text, kind)
        if len(label) == 1:
            return label[0]  # one party has this name, or this word in its name ("Kofi" of Kofi Mensah)
        prefix = "P" if kind == Kind.PERSON else "O"
        numbers = [int(p.id[1:]) for p in self.parties if re.fullmatch(prefix + r"\d+", p.id)]
        party = Party(f"{prefix}{max(numbers, default=0) + 1}", kind, text)
        self.parties.append(party)
        return party.id

    def _parties_named(self, text: str, kind: Kind) -> list[str]:
        words = set(lower(fold(text)[0]).split())
        return [p.id for p in self.parties if p.kind == kind and words <= set(lower(fold(p.label)[0]).split())]

    def result(self) -> tuple[Detection, DecisionOutcome]:
        order = {b.id: i for i, b in enumerate(self.detection.document.blocks)}
        fields = list(Field)

        def key(m: Mention) -> tuple[int, int, int, int]:  # document order, as detection gives it
            return (order.get(m.block_id, len(order)), fields.index(m.field), m.start, m.end)

        reviewed = dict(self.reviewed)  # a removal after a keep of the same candidate wins
        detection = replace(
            self.detection,
            mentions=tuple(sorted(self.mentions, key=key)),
            candidates=tuple(self.candidates),
            parties=tuple(self.parties),
        )
        outcome = DecisionOutcome(
            tuple(self.applied), tuple(self.unmatched), tuple(self.kept), tuple(self.added),
            tuple(reviewed.items()), tuple(c for c in self.kept_candidates if reviewed.get(c.id) == "keep"),
        )
        return detection, outcome


def _same_text(text: str) -> Any:
    """A test for "the same term": equal once case, accents and hyphens are folded."""
    target = fold(text.strip())[0].strip().casefold()
    return lambda other: fold(other.strip())[0].strip().casefold() == target


def _overlaps(candidate: Candidate, mention: Mention) -> bool:
    return (candidate.block_id == mention.block_id and candidate.field == mention.field
            and candidate.start < mention.end and mention.start < candidate.end)
