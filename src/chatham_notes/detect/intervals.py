"""Disjoint intervals of one text, for merging findings in O(log n) a query.

`PositionSet` is a set of integer positions with predecessor and successor queries
(a binary tree of counts over the text's positions). `DisjointSpans` keeps accepted
findings that never overlap, keyed by start, and finds those overlapping a span in
the order they were accepted. `Coverage` answers overlap and containment questions
about a fixed list of spans that may overlap.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from itertools import accumulate
from typing import Generic, Protocol, TypeVar


class _Span(Protocol):
    start: int
    end: int


S = TypeVar("S", bound=_Span)
T = TypeVar("T")


class PositionSet:
    """A set of positions in [0, size): add, discard, predecessor, successor in O(log size)."""

    def __init__(self, size: int) -> None:
        self._leaves = 1 << max(1, size).bit_length()
        self._count = [0] * (2 * self._leaves)

    def __contains__(self, pos: int) -> bool:
        return bool(self._count[pos + self._leaves])

    def add(self, pos: int) -> None:
        self._update(pos, 1)

    def discard(self, pos: int) -> None:
        self._update(pos, -1)

    def _update(self, pos: int, delta: int) -> None:
        node = pos + self._leaves
        if self._count[node] == (delta > 0):  # already present, or already absent
            return
        while node:
            self._count[node] += delta
            node //= 2

    def predecessor(self, pos: int) -> int | None:
        """The largest position <= pos in the set."""
        if pos < 0:
            return None
        node = min(pos, self._leaves - 1) + self._leaves
        if self._count[node]:
            return node - self._leaves
        while node > 1:
            if node % 2 and self._count[node - 1]:  # a right child: the answer is under its left sibling
                return self._descend(node - 1, rightmost=True)
            node //= 2
        return None

    def successor(self, pos: int) -> int | None:
        """The smallest position >= pos in the set."""
        if pos >= self._leaves:
            return None
        node = max(pos, 0) + self._leaves
        if self._count[node]:
            return node - self._leaves
        while node > 1:
            if node % 2 == 0 and self._count[node + 1]:  # a left child: the answer is under its right sibling
                return self._descend(node + 1, rightmost=False)
            node //= 2
        return None

    def _descend(self, node: int, rightmost: bool) -> int:
        """The rightmost (or leftmost) position under a non-empty node."""
        count = self._count
        while node < self._leaves:
            left, right = 2 * node, 2 * node + 1
            if rightmost:
                node = right if count[right] else left
            else:
                node = left if count[left] else right
        return node - self._leaves


class DisjointSpans(Generic[S]):
    """Spans that do not overlap each other, remembered with the order they were accepted in.

    Empty spans (start == end) overlap nothing at their edges, so they are kept apart in a
    plain list (detectors do not produce them; the list keeps the structure exact if one did).
    """

    def __init__(self, size: int) -> None:
        self._starts = PositionSet(size + 1)
        self._by_start: dict[int, tuple[int, S]] = {}
        self._empty: list[tuple[int, S]] = []
        self._seq = 0

    def add(self, span: S) -> None:
        self._seq += 1
        if span.end <= span.start:
            self._empty.append((self._seq, span))
        else:
            self._by_start[span.start] = (self._seq, span)
            self._starts.add(span.start)

    def remove(self, span: S) -> None:
        if span.end <= span.start:
            self._empty = [(n, s) for n, s in self._empty if s is not span]
        else:
            del self._by_start[span.start]
            self._starts.discard(span.start)

    def overlapping(self, start: int, end: int) -> list[S]:
        """The spans that overlap start:end (a.start < end and start < a.end), oldest first."""
        found = [(n, s) for n, s in self._candidates(start, end) if s.start < end and start < s.end]
        return [s for _, s in sorted(found, key=lambda item: item[0])]

    def _candidates(self, start: int, end: int) -> Iterator[tuple[int, S]]:
        yield from self._empty
        before = self._starts.predecessor(start)  # the only span starting at or before `start` that may reach it
        if before is not None:
            yield self._by_start[before]
        pos = self._starts.successor(start + 1)
        while pos is not None and pos < end:
            yield self._by_start[pos]
            pos = self._starts.successor(pos + 1)

    def in_order(self) -> list[S]:
        """Every span, by start, then by the order they were accepted in."""
        spans = [*self._by_start.values(), *self._empty]
        return [s for _, s in sorted(spans, key=lambda item: (item[1].start, item[0]))]


class Coverage:
    """Fixed spans, which may overlap: does one overlap or hold a position, which contain a span?

    Sorted by start once, with the furthest end reached so far: each question is a binary
    search, not a scan of every span (a block of 100,000 characters has thousands).
    """

    def __init__(self, spans: Iterable[tuple[int, int, T]]) -> None:
        self._spans = sorted(spans, key=lambda span: span[0])
        self._starts = [s for s, _, _ in self._spans]
        self._reach = list(accumulate((e for _, e, _ in self._spans), max))
        self._longest = max((e - s for s, e, _ in self._spans), default=0)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some span has s < end and start < e."""
        i = bisect_left(self._starts, end) - 1
        return i >= 0 and self._reach[i] > start

    def holds(self, pos: int) -> bool:
        """Whether some span has s <= pos < e."""
        i = bisect_right(self._starts, pos) - 1
        return i >= 0 and self._reach[i] > pos

    def containing(self, start: int, end: int) -> list[T]:
        """The payloads of the spans with s <= start and end <= e, in start order."""
        lo = bisect_left(self._starts, start - self._longest)
        hi = bisect_right(self._starts, start)
        return [payload for s, e, payload in self._spans[lo:hi] if end <= e]
