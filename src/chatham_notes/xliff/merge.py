"""The XLIFF translator backend: returned units by id, then memory, then a fallback."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path

from ..errors import TranslationFileError
from ..model import Lang
from ..translate import Answer, Request, Translator
from ..verify import Needles, leak_check_text
from .read import canonical, read_xliff
from .units import TOKEN, Rejection, Unit, ctype


def code_problem(target: str, count: int) -> str | None:
    """What is wrong with a translation's codes, or None when each of the `count` codes is there once."""
    found = [int(n) for n in TOKEN.findall(target)]
    expected = list(range(1, count + 1))
    if sorted(found) == expected:
        return None
    missing = [n for n in expected if n not in found]
    doubled = sorted({n for n in found if found.count(n) > 1})
    invented = sorted({n for n in found if n not in expected})
    what = [f"code {n} deleted" for n in missing] + [f"code {n} duplicated" for n in doubled]
    what += [f"code {n} invented" for n in invented]
    return "inline codes changed (" + ", ".join(what) + "); not used"


class _MatchedOnce(Needles):
    """The same needles, their matcher built once for every translation checked (not once per unit)."""

    @functools.cached_property
    def _matcher(self):
        return Needles.matcher(self)

    def matcher(self):
        return self._matcher


class XliffTranslator:
    """Answers from returned XLIFF units by (notes file, block id), then from memory, then a fallback.

    Attributes:
        rejections: what was refused so far (grows as blocks are translated; see `finish`).
    """

    name = "xliff"

    def __init__(self, units: Sequence[Unit], memory: Sequence[Unit], needles: Needles,
                 fallback: Translator, rejections: Sequence[Rejection] = (), documents: Sequence[str] = ()) -> None:
        """Index the units.

        Args:
            units: units of the translation files given for this run (`read_xliff`).
            memory: units of earlier files, used for exact matches of their source.
            needles: what a translation must not contain (`verify.needles_for`).
            fallback: the backend for blocks no unit answers (`none` leaves them pending).
            rejections: problems already found (files that could not be read).
            documents: the names of this run's notes files; a unit for any other is "for another document".
        """
        self._units = {(u.document, u.source_lang, u.target_lang, u.id): u for u in units}
        # units of these notes are memory too: a block whose id moved (a bullet added above it) keeps its translation
        own = [u for u in units if u.document in set(documents)]
        self._memory = {_memory_key(u.source_lang, u.target_lang, u.source, u.codes): u
                        for u in (*memory, *own) if u.target is not None and u.problem is None}
        self._needles = _MatchedOnce(needles.items)
        self.fallback = fallback
        self.rejections: list[Rejection] = list(rejections)
        self._problems: dict[tuple[str, str, str, str], Rejection] = {}  # by unit key, until `finish`
        self._used: set[tuple[str, str, str, str]] = set()  # matched a block by id
        self._reused: set[tuple[str, str, str, str]] = set()  # answered a block as memory
        self._documents: set[str] = set(documents)

    @property
    def pairs(self) -> bool:
        """Whether `EN:`/`FR:` pairs are aligned first (as the fallback says)."""
        return bool(getattr(self.fallback, "pairs", False))

    def translate(self, texts: Sequence[str], source: Lang, target: Lang) -> list[str]:
        """Plain texts go to the fallback backend."""
        return self.fallback.translate(texts, source, target)

    def translate_blocks(self, requests: Sequence[Request]) -> list[Answer | None]:
        """Answer each request from its unit, else from memory, else from the fallback (or None)."""
        answers = [self._answer(request) for request in requests]
        if getattr(self.fallback, "translates", True):
            todo = [i for i, answer in enumerate(answers) if answer is None]
            for source in (Lang.EN, Lang.FR):
                batch = [i for i in todo if requests[i].source is source]
                if batch:
                    outputs = self.fallback.translate([requests[i].text for i in batch], source,
                                                      requests[batch[0]].target)
                    for i, output in zip(batch, outputs, strict=True):
                        answers[i] = Answer(output, self.fallback.name)
        return answers

    def _answer(self, request: Request) -> Answer | None:
        self._documents.add(request.document)
        key = (request.document, str(request.source), str(request.target), request.block_id)
        unit = self._units.get(key)
        if unit is not None:
            self._used.add(key)
            answer, problem = self._checked(unit, request, "xliff")
            if answer is not None:
                return answer
            if problem is not None:
                self._problems[key] = Rejection(unit.file, unit.id, problem)
        codes = tuple(ctype(h) for h in request.holders)
        remembered = self._memory.get(_memory_key(str(request.source), str(request.target),
                                                  canonical(request.text), codes))
        answer = self._checked(remembered, request, "memory")[0] if remembered else None
        if answer is not None:
            self._reused.add((remembered.document, remembered.source_lang, remembered.target_lang, remembered.id))
        return answer

    def _checked(self, unit: Unit, request: Request, origin: str) -> tuple[Answer | None, str | None]:
        """The unit's target as an answer when it may be used, else what is wrong with it (None: no target)."""
        if unit.target is None:
            return None, None
        problem = unit.problem
        if problem is None and unit.source != canonical(request.text):
            problem = "its source changed since the export; not used"
        problem = problem or code_problem(unit.target, len(request.holders))
        if problem is None:
            leaks = leak_check_text(TOKEN.sub(" ", unit.target), self._needles)
            if leaks:
                kinds = ", ".join(sorted({leak.kind.value for leak in leaks}))
                problem = f"the translation names someone ({kinds}); not used"
        return (Answer(unit.target, origin), None) if problem is None else (None, problem)

    def finish(self) -> tuple[Rejection, ...]:
        """Every rejection, with the units that matched no block awaiting translation.

        A unit refused for its block but whose translation filled another (its block moved) is not reported.
        """
        self.rejections.extend(r for key, r in self._problems.items() if key not in self._reused)
        others: dict[tuple[str, str], int] = {}
        for key, unit in self._units.items():
            if key in self._used or key in self._reused or unit.target is None:
                continue
            if unit.document not in self._documents:
                others[(unit.file, unit.document)] = others.get((unit.file, unit.document), 0) + 1
            else:
                self.rejections.append(Rejection(unit.file, unit.id, "matches no block awaiting translation "
                                                 "(the notes may have changed); not used", foreign=True))
        for (file, _), count in others.items():
            self.rejections.append(Rejection(file, "", f"{count} unit(s) are for another document "
                                             "(its <file original> is none of these notes); not used"))
        return tuple(self.rejections)


def _memory_key(source: str, target: str, text: str, codes: tuple[str, ...]) -> tuple[str, str, str, tuple[str, ...]]:
    return (source, target, text, codes)


def load_units(paths: Sequence[str | Path]) -> tuple[list[Unit], list[Rejection]]:
    """The units of every readable file, and a rejection for each file that is not."""
    units: list[Unit] = []
    rejections: list[Rejection] = []
    for path in paths:
        try:
            units.extend(read_xliff(Path(path)))
        except TranslationFileError as error:
            rejections.append(Rejection(Path(path).name, "", error.problem))
    return units, rejections
