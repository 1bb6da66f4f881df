"""Property: roster names injected anywhere, in any case, with or without accents, never survive."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from unidecode import unidecode

from chatham_notes import pipeline
from chatham_notes.model import Lang, Participant, Roster
from chatham_notes.verify import leak_check_text, needles_for
from chatham_notes.generalise.wording import render_segments

NAMES = ["Amélie Marchand", "Nguyễn Thị Hoa", "Jean-Claude Guérin", "Moussa Diallo", "Chloé Lefèvre", "Kwabena Owusu"]
ROSTER = Roster(tuple(Participant(id=f"R{i}", name=name) for i, name in enumerate(NAMES, start=1)))

WORDS_EN = ("the harm reduction programme needs stable funding while prices and policies change across "
            "regions where farmers grow coffee and communities ask for treatment services").split()
WORDS_FR = ("la réduction des risques demande un financement stable tandis que les prix et les politiques "
            "changent dans les régions où les communautés demandent des services de soins").split()


def variant(name: str, case: str, strip_accents: bool) -> str:
    name = unidecode(name) if strip_accents else name
    return {"title": name, "upper": name.upper(), "lower": name.lower()}[case]


@st.composite
def notes_with_names(draw) -> str:
    lines = []
    for _ in range(draw(st.integers(1, 4))):
        words = list(draw(st.lists(st.sampled_from(draw(st.sampled_from([WORDS_EN, WORDS_FR]))), min_size=4, max_size=18)))
        for _ in range(draw(st.integers(1, 2))):
            name = variant(draw(st.sampled_from(NAMES)), draw(st.sampled_from(["title", "upper", "lower"])),
                           draw(st.booleans()))
            words.insert(draw(st.integers(0, len(words))), name)
        sentence = " ".join(words)
        lines.append(sentence[0].upper() + sentence[1:] + ".")
    return "\n\n".join(lines) + "\n"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=notes_with_names())
def test_property_injected_roster_names_never_survive(text):
    with tempfile.TemporaryDirectory() as folder:
        note = Path(folder) / "notes.txt"
        note.write_text(text, encoding="utf-8")
        documents = pipeline.read_documents([note])
        analysis = pipeline.analyse(documents, ROSTER, pipeline.Options())
    output = "\n".join(render_segments(g.segments, Lang.FR if g.block.lang is Lang.FR else Lang.EN)
                       for g in analysis.generalised[0])
    assert leak_check_text(output, needles_for(ROSTER, ())) == [], output
