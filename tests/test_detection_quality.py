"""Detection quality on the annotated gold set (issue 3, "Quality"), and the gold loader itself.

The quality targets are asserted on the real Detector: they fail until it is good enough.
`bench/detection_quality.py` prints the full tables (and the plain-Presidio baseline).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "gold"))

from goldset import CASES_DIR, KINDS, load_case, load_cases, parse_markup  # noqa: E402

from chatham_notes.model import BlockKind, Field, Lang  # noqa: E402


def _load_bench():
    spec = importlib.util.spec_from_file_location("detection_quality", ROOT / "bench" / "detection_quality.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    sys.modules["detection_quality"] = module  # dataclasses need the module registered
    spec.loader.exec_module(module)
    return module


bench = _load_bench()


# --------------------------------------------------------------------------- loader


def test_parse_markup_strips_markup_and_keeps_offsets() -> None:
    text, spans, keeps = parse_markup("[[Dr Rose|person]] of [[HRI|affiliation]] said prices {{rose}} in {{Peru}}.")
    assert text == "Dr Rose of HRI said prices rose in Peru."
    assert [(text[s:e], k) for s, e, k, _ in spans] == [("Dr Rose", "person"), ("HRI", "affiliation")]
    assert [text[s:e] for s, e in keeps] == ["rose", "Peru"]


def test_parse_markup_nested_role_and_affiliation() -> None:
    text, spans, _ = parse_markup("[[the head of research at [[UNODC|affiliation]]|role]] spoke.")
    assert text == "the head of research at UNODC spoke."
    found = {(text[s:e], k) for s, e, k, _ in spans}
    assert found == {("UNODC", "affiliation"), ("the head of research at UNODC", "role")}


def test_parse_markup_entity_keys_group_forms() -> None:
    text, spans, _ = parse_markup("[[TN|person@nasser]] and [[Tariq|person@nasser]] of [[UNICEF|affiliation]].")
    assert [(text[s:e], key) for s, e, _, key in spans] == [("TN", "nasser"), ("Tariq", "nasser"), ("UNICEF", "")]


@pytest.mark.parametrize(
    "bad",
    ["[[Amina|person] said", "{{Peru said", "[[Amina|person]]{{x", "[[ Amina|person]]", "[[{{Peru}}|affiliation]]"],
)
def test_parse_markup_rejects_bad_markup(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_markup(bad)


def test_turn_lines_become_speaker_blocks(tmp_path: Path) -> None:
    case_file = tmp_path / "case.txt"
    case_file.write_text(
        "---\nlang: fr\nroster: none\n---\n"
        "[[Amina Diallo|person]] ([[ONUDC|affiliation]]) : la {{CND}} se réunit à {{Vienne}}.\n"
        "\n"
        "[[DIALLO|person]] ([[ONUDC|affiliation]]) rappelle le contexte.\n",
        encoding="utf-8",
    )
    case = load_case(case_file)
    assert case.lang is Lang.FR and case.roster is None
    turn, paragraph = case.document.blocks
    assert turn.kind is BlockKind.TURN and turn.speaker is not None
    assert (turn.speaker.name, turn.speaker.affiliation) == ("Amina Diallo", "ONUDC")
    assert turn.text == "la CND se réunit à Vienne."
    assert paragraph.kind is BlockKind.PARAGRAPH and paragraph.text == "DIALLO (ONUDC) rappelle le contexte."
    assert paragraph.location.line == 7 and all(b.lang is Lang.FR for b in case.document.blocks)
    by_field = {(s.block_id, s.field, s.text) for s in case.spans}
    assert by_field == {
        ("b1", Field.SPEAKER, "Amina Diallo"),
        ("b1", Field.SPEAKER_AFFILIATION, "ONUDC"),
        ("b2", Field.TEXT, "DIALLO"),
        ("b2", Field.TEXT, "ONUDC"),
    }
    assert [(k.text, turn.text[k.start:k.end]) for k in case.keeps] == [("CND", "CND"), ("Vienne", "Vienne")]


def _field_string(block, field: Field) -> str:
    if field is Field.TEXT:
        return block.text
    assert block.speaker is not None
    return block.speaker.name if field is Field.SPEAKER else (block.speaker.affiliation or "")


def test_every_gold_offset_points_at_its_text() -> None:
    for case in load_cases():
        for span in [*case.spans, *case.keeps]:
            block = case.document.block(span.block_id)
            assert _field_string(block, span.field)[span.start:span.end] == span.text, (case.name, span)


def test_gold_set_covers_what_issue_3_asks() -> None:
    cases = load_cases()
    assert len(cases) >= 24
    for case in cases:
        assert 5 <= len(case.document.blocks) <= 20, case.name
    combos = {(c.lang, c.roster is not None) for c in cases}
    assert combos == {(lang, r) for lang in (Lang.EN, Lang.FR, Lang.MIXED) for r in (True, False)}
    with_roster = sum(c.roster is not None for c in cases)
    assert abs(with_roster - (len(cases) - with_roster)) <= 2
    kinds = {s.kind for c in cases for s in c.spans}
    assert kinds == set(KINDS)
    assert all(c.roster.participants for c in cases if c.roster is not None)
    texts = {s.text for c in cases for s in c.spans}
    for hard in ("AM", "A.M.", "JCG", "J.-C. Guérin", "Dr Rose", "Mme Nguyen", "Pr Guérin", "M. Petit",
                 "Prof. Guérin", "Me Bonjour", "DIALLO", "priya", "Amina Dialo", "Hanoi Medical University",
                 "ONUDC", "OMS", "ONUSIDA", "PAS", "+33 6 12 34 56 78", "06 12 34 56 78",
                 "la directrice de l'ONG", "Our colleague in Abidjan", "The moderator"):
        assert hard in texts, hard
    keeps = {k.text for c in cases for k in c.keeps}
    for term in ("rose", "petit", "CND", "INCB", "UNGASS 2016", "SDG 3", "Agenda 2030", "Bolivia", "coca"):
        assert term in keeps, term
    assert sorted(p.name for p in CASES_DIR.glob("*.txt")) == sorted(f"{c.name}.txt" for c in cases)


# --------------------------------------------------------------------------- scoring


def _oracle(case) -> list:
    return [bench.Pred(s.block_id, s.field, s.start, s.end, s.kind, s.text) for s in case.spans]


def test_score_of_a_perfect_predictor_is_perfect() -> None:
    result = bench.evaluate("oracle", load_cases(), predictor=_oracle)
    overall = result["groups"]["all"]["all"]
    for t in (*bench.TYPES, "all"):
        counts = overall["types"][t]
        assert counts["recall"] == counts["precision"] == counts["exact_recall"] == 1.0, t
    assert overall["keep"]["rate"] == 1.0
    assert result["misses"] == result["false_positives"] == result["dropped_keeps"] == []


def test_score_counts_overlap_type_and_false_positives() -> None:
    case = load_case(CASES_DIR / "01_en_roster_opening.txt")
    first = case.spans[0]  # "Amina Diallo", person
    keep = case.keeps[0]
    preds = [
        bench.Pred(first.block_id, first.field, first.start, first.start + 5, "person", first.text[:5]),  # partial
        bench.Pred(first.block_id, first.field, first.start, first.end, "affiliation", first.text),  # wrong type
        bench.Pred(keep.block_id, keep.field, keep.start, keep.end, "affiliation", keep.text),  # false positive
    ]
    result = bench.score([case], {case.name: preds}, "probe")
    person = result["groups"]["roster"]["en"]["types"]["person"]
    assert person["hit"] == 1 and person["exact_hit"] == 0
    affiliation = result["groups"]["roster"]["en"]["types"]["affiliation"]
    assert affiliation["pred"] == 2 and affiliation["correct"] == 1  # wrong type still overlaps a gold span
    assert affiliation["hit"] == 0
    assert result["groups"]["all"]["all"]["keep"]["kept"] == len(case.keeps) - 1
    assert [d["text"] for d in result["dropped_keeps"]] == [keep.text]
    assert result["groups"]["no_roster"]["all"]["cases"] == 0


# --------------------------------------------------------------------------- quality targets


@pytest.fixture(scope="module")
def quality() -> dict:
    return bench.evaluate("detector")


def _type(quality: dict, group: str, t: str) -> dict:
    return quality["groups"][group]["all"]["types"][t]


def _misses(quality: dict, group: str, t: str) -> list[str]:
    roster = group == "roster"
    cases = {c.name for c in load_cases() if (c.roster is not None) == roster}
    return [f"{m['case']}: {m['text']!r}" for m in quality["misses"] if m["type"] == t and m["case"] in cases]


@pytest.mark.parametrize("t", ["person", "affiliation"])
def test_with_roster_every_person_and_affiliation_is_found(quality: dict, t: str) -> None:
    assert _type(quality, "roster", t)["recall"] == 1.0, _misses(quality, "roster", t)


@pytest.mark.parametrize(("t", "target"), [("person", 0.97), ("affiliation", 0.93)])
def test_without_roster_recall_meets_target(quality: dict, t: str, target: float) -> None:
    assert _type(quality, "no_roster", t)["recall"] >= target, _misses(quality, "no_roster", t)


def test_precision_meets_target(quality: dict) -> None:
    fps = [f"{f['case']}: {f['text']!r} ({f['type']})" for f in quality["false_positives"]]
    assert _type(quality, "all", "all")["precision"] >= 0.9, fps


def test_must_keep_terms_are_kept(quality: dict) -> None:
    dropped = [f"{d['case']}: {d['text']!r}" for d in quality["dropped_keeps"]]
    assert quality["groups"]["all"]["all"]["keep"]["rate"] >= 0.98, dropped


@pytest.mark.slow
def test_presidio_baseline_runs_offline_on_one_case() -> None:
    case = load_case(CASES_DIR / "18_en_noroster_contacts.txt")
    result = bench.evaluate("presidio", [case])
    assert result["groups"]["all"]["all"]["types"]["contact"]["hit"] >= 1
    assert result["groups"]["all"]["all"]["types"]["person"]["pred"] >= 1
