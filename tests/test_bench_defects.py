"""The mechanical checker of issue 12 (bench/defects.py): each defect kind found, a clean text at 0."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from chatham_notes.model import Block, BlockKind, Lang, Location, Speaker

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def defects():
    spec = importlib.util.spec_from_file_location("bench_defects", ROOT / "bench" / "defects.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_defects"] = module
    spec.loader.exec_module(module)
    return module


def _blocks(defects, rows, lang=Lang.EN):
    """Original and redacted blocks from (label, text[, original speaker, original text]) rows."""
    original, redacted = [], []
    for n, row in enumerate(rows, start=1):
        label, text = row[0], row[1]
        speaker = Speaker(row[2]) if len(row) > 2 else (Speaker("Amina") if label else None)
        kind = BlockKind.TURN if speaker else BlockKind.PARAGRAPH
        source = row[3] if len(row) > 3 else text
        original.append(Block(f"b{n}", kind, source, lang, Location("n.md", line=n), speaker=speaker))
        redacted.append(defects.Redacted(f"b{n}", label, text, Lang.FR if lang == Lang.FR else Lang.EN))
    return original, redacted


def _kinds(defects, rows, lang=Lang.EN, context=None):
    original, redacted = _blocks(defects, rows, lang)
    found = defects.count_defects(original, redacted, context or defects.Context(found_speakers=frozenset(
        b.id for b in original if b.speaker)))
    return sorted(d.kind for d in found)


@pytest.mark.parametrize("lang, rows, kind", [
    (Lang.EN, [(None, "A participant the participant explained the plan.")], "doubled"),
    (Lang.EN, [(None, "Another participant and another participant disagreed.")], "doubled"),
    (Lang.EN, [(None, "We heard another participant, another participant, another participant.")], "doubled"),
    (Lang.FR, [(None, "Une organisation (une organisation) finance le projet.")], "doubled"),
    (Lang.EN, [(None, "Two participants and another participant disagreed.")], "doubled"),
    (Lang.FR, [(None, "Trois personnes participantes et une autre personne participante votent.")], "doubled"),
    (Lang.EN, [(None, "Another participant’s and another participant’s figures differ.")], "doubled"),
    (Lang.EN, [(None, "Present: a participant another participant.")], "doubled"),
    (Lang.EN, [(None, "Dr a participant opened the meeting.")], "fragment"),
    (Lang.EN, [(None, "A participant Diallo opened the meeting.")], "fragment"),
    (Lang.FR, [(None, "Mme une personne participante ouvre la séance.")], "fragment"),
    (Lang.FR, [(None, "Je suis the other participant et je travaille ici.")], "language"),
    (Lang.EN, [(None, "Prices fell, said une personne participante.")], "language"),
    (Lang.EN, [(None, "a participant opened the meeting.")], "lowercase"),
    (Lang.EN, [(None, "Prices fell. another participant disagreed.")], "lowercase"),
    (Lang.FR, [(None, "[00:12:05] une autre personne participante répond.")], "lowercase"),
    (Lang.EN, [(None, "- a participant to circulate the brief.")], "lowercase"),
])
def test_each_kind_is_detected(defects, lang, rows, kind):
    context = defects.Context(person_words=frozenset({"Amina", "Diallo"}))
    assert set(_kinds(defects, rows, lang, context)) == {kind}


def test_run_of_four_same_labels_is_one_defect(defects):
    rows = [("Another participant", f"point {n}.") for n in range(5)]
    assert _kinds(defects, rows) == ["run"]


def test_run_of_openers_in_bullets(defects):
    rows = [(None, "Another participant said yes."), (None, "Another participant said no."),
            (None, "Another participant said maybe."), (None, "Another participant left.")]
    assert _kinds(defects, rows) == ["run"]


def test_three_same_labels_are_no_run(defects):
    rows = [("Another participant", "yes."), ("Another participant", "no."), ("Another participant", "maybe."),
            (None, "Prices fell."), ("Another participant", "again.")]
    assert _kinds(defects, rows) == []


@pytest.mark.parametrize("speaker, source", [
    ("Session 2", "Reappraising the evidence"),
    ("Séance 3", "Santé et développement"),
    ("Interpretation", "French and Wolof"),
])
def test_heading_turned_label(defects, speaker, source):
    original, redacted = _blocks(defects, [("A participant", source, speaker, source)])
    found = defects.count_defects(original, redacted, defects.Context())
    assert [d.kind for d in found] == ["heading"]


def test_a_found_speaker_with_a_short_line_is_no_heading(defects):
    original, redacted = _blocks(defects, [("Intervention 1", "agreed", "Amina", "agreed")])
    assert defects.count_defects(original, redacted, defects.Context(found_speakers=frozenset({"b1"}))) == []


@pytest.mark.parametrize("lang, rows", [
    (Lang.EN, [("Intervention 1", "prices rose, and a participant's team trains community workers."),
               ("Intervention 2", "Another participant agreed with a participant."),
               (None, "A participant to circulate the research brief."),
               ("Intervention 3", "Prices fell. The participant said so."),
               ("Intervention 4", "yes."),
               (None, "Two participants disagreed.")]),
    (Lang.FR, [("Intervention 1", "selon une personne participante, les prix montent."),
               (None, "Une autre personne participante répond qu'une organisation prépare un guide."),
               (None, "Prochaine réunion : contacter le secrétariat."),
               ("Intervention 2", "Deux personnes participantes ne sont pas d'accord.")]),
])
def test_clean_text_has_no_defect(defects, lang, rows):
    context = defects.Context(person_words=frozenset({"Amina", "Diallo"}))
    assert _kinds(defects, rows, lang, context) == []


def test_fragment_excerpt_never_shows_the_name(defects):
    original, redacted = _blocks(defects, [(None, "A participant Diallo spoke.")])
    found = defects.count_defects(original, redacted, defects.Context(person_words=frozenset({"Diallo"})))
    assert found and all("Diallo" not in d.excerpt for d in found)


def test_gold_note_as_a_file_keeps_lines_and_language(defects, tmp_path):
    """A gold note read as a file: markup gone, one line per line, the header's language as front matter."""
    case = tmp_path / "cases" / "x_en.txt"
    case.parent.mkdir()
    case.write_text("---\nlang: fr\nroster: none\n---\n[[Awa Diallo|person@awa]] ([[ONUDC|affiliation]]) : "
                    "les {{saisies}} montent.\nTitre\n", encoding="utf-8")
    from gold.goldset import plain_note

    assert plain_note(case) == "---\nlanguage: fr\n---\nAwa Diallo (ONUDC) : les saisies montent.\nTitre\n"


def test_distinct_pseudonyms_are_no_double_the_same_one_twice_is(defects):
    assert _kinds(defects, [(None, "Participant A and Participant B agreed.")]) == []
    assert _kinds(defects, [(None, "Participant·e A et Participant·e C votent.")], Lang.FR) == []
    assert _kinds(defects, [(None, "Participant A Participant A agreed.")]) == ["doubled"]
