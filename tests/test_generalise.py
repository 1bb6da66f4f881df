"""The annotated attribution sentences (tests/data/attributions/{en,fr}.yaml), rendered and compared.

Each case is generalised from a fake detection (see test_generalise_fake) and
rendered in the case's language; the output must match the expectation exactly
or one of its listed alternatives, and must not contain any marked original.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from chatham_notes.generalise import GeneraliseOptions, generalise
from chatham_notes.model import GeneralisedBlock, Lang, Level
from chatham_notes.generalise.wording import render_segments
from test_generalise_fake import make_detection, make_parties, make_roster

DATA = Path(__file__).resolve().parent / "data" / "attributions"


def _load(name: str) -> dict[str, Any]:
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


def _cases() -> list[Any]:
    params = []
    for name in ("en.yaml", "fr.yaml"):
        data = _load(name)
        for case in data["cases"]:
            params.append(pytest.param(data, case, id=f"{data['lang']}-{case['id']}"))
    return params


def _options(case: dict[str, Any]) -> GeneraliseOptions:
    given = dict(case.get("options") or {})
    if "level" in given:
        given["level"] = Level(given["level"])
    return GeneraliseOptions(**given)


def _blocks(case: dict[str, Any]) -> list[dict[str, Any]]:
    if "blocks" in case:
        return case["blocks"]
    return [{"text": case["text"], **({"kind": case["kind"]} if "kind" in case else {})}]


def _render(block: GeneralisedBlock, lang: Lang) -> str:
    text = render_segments(block.segments, lang)
    if block.label is None:
        return text
    return f"{render_segments(block.label, lang)} | {text}"


def generalised_case(data: dict[str, Any], case: dict[str, Any]) -> tuple[list[str], Lang]:
    """The case's blocks, generalised and rendered in the case's language."""
    lang = Lang(data["lang"])
    parties = make_parties(data["parties"])
    marks = {**data["marks"], **(case.get("marks") or {})}
    roster = make_roster(case["roster"] if "roster" in case else data["roster"])
    detection = make_detection(_blocks(case), marks, parties, lang)
    return [_render(b, lang) for b in generalise(detection, roster, _options(case))], lang


@pytest.mark.parametrize(("data", "case"), _cases())
def test_attribution_sentence(data: dict[str, Any], case: dict[str, Any]) -> None:
    rendered, _ = generalised_case(data, case)
    expected = case["expect"] if "blocks" in case else [case["expect"]]
    for got, want in zip(rendered, expected, strict=True):
        alternatives = want if isinstance(want, list) else [want]
        assert got in alternatives, f"got {got!r}, want one of {alternatives!r}"


@pytest.mark.parametrize(("data", "case"), _cases())
def test_no_marked_original_survives(data: dict[str, Any], case: dict[str, Any]) -> None:
    rendered, _ = generalised_case(data, case)
    marks = {**data["marks"], **(case.get("marks") or {})}
    for needle in marks:
        for got in rendered:
            assert not re.search(rf"(?<![\w@]){re.escape(needle)}(?![\w@])", got), needle


@pytest.mark.parametrize("name", ["en.yaml", "fr.yaml"])
def test_each_language_has_at_least_60_sentences(name: str) -> None:
    assert len(_load(name)["cases"]) >= 60
