"""Property: participants written in any of their forms never survive `summarise`, and `check`
passes on what it wrote.

Notes are generated from a pool of fictional participants: each is introduced once in full
(a speaker label with an affiliation, or a line-up), then appears in random forms and places:
labels by initials, vocatives, the chair's queue, title + surname, possessives, subjects of a
speech verb, ordinary-word surnames in name positions, lower case, without accents, in
full-width letters, "Mr.Surname" without a space. No roster is given: everything must come
from the party book. Every inserted surface form is then looked for in the .docx.
"""

from __future__ import annotations

import re
import tempfile
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from unidecode import unidecode

from chatham_notes.errors import LeakError
from chatham_notes.model import Block, BlockKind, Lang, Location, Metadata, NoteDocument, Roster, Speaker
from chatham_notes.pipeline import Options, analyse, check, write_summary
from chatham_notes.verify import document_text

# given name, surname, organisation; some surnames are ordinary words on purpose
POOL = [
    ("Solveig", "Lindqvist", "UNICEF"),
    ("Tariq", "Haddad", "Harm Reduction International"),
    ("Hélène", "Dufresne", "Médecins du Monde"),
    ("Nora", "Bishop", "Open Society Foundations"),
    ("Kwame", "Mensah", "West Africa Commission on Drugs"),
    ("Léa", "Sage", "Fédération Addiction"),
    ("Ingrid", "Winter", "Norwegian Directorate of Health"),
    ("Joaquín", "Ortega", "Dejusticia"),
]
CONTENT = [
    "funding for harm reduction fell in 2023",
    "naloxone should be available in every pharmacy",
    "coca prices doubled in the Chapare",
    "the prison data are not disaggregated by sex",
]


def _initials(given: str, surname: str) -> str:
    return unidecode(given[0] + surname[0]).upper()


def _fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


# Each form: (template for a line, the surface forms it writes). {g} given, {s} surname, {i} initials.
MENTIONS = [
    ("As {s} noted, {c}.", ["{s}"]),
    ("{c}, said {g}.", ["{g}"]),
    ("Thanks, {g} — next question.", ["{g}"]),
    ("I have {g}, then the floor.", ["{g}"]),
    ("Dr {s} agreed that {c}.", ["{s}"]),
    ("{s}'s point was that {c}.", ["{s}"]),
    ("{i} disagreed: {c}.", ["{i}"]),
    ("The chair asked {i} whether {c}.", ["{i}"]),
    ("Mr.{s} replied that {c}.", ["{s}"]),
    ("{lg} said {c}.", ["{lg}"]),
    ("Later {ug} added that {c}.", ["{ug}"]),
    ("Follow-up with {fs} next week.", ["{fs}"]),
]


@st.composite
def notes(draw) -> tuple[NoteDocument, list[str]]:
    people = draw(st.lists(st.sampled_from(POOL), min_size=1, max_size=3, unique=True))
    blocks, forms = [], []

    def add(kind: BlockKind, text: str, speaker: Speaker | None = None) -> None:
        blocks.append(Block(f"b{len(blocks) + 1}", kind, text, Lang.EN, Location("note.txt", line=len(blocks) + 1),
                            speaker=speaker))

    for first, surname, org in people:  # introduced once, in full, as a speaker
        add(BlockKind.TURN, draw(st.sampled_from(CONTENT)) + ".", Speaker(f"{first} {surname}", org))
        forms += [first, surname, org]
    for _ in range(draw(st.integers(2, 8))):
        first, surname, org = draw(st.sampled_from(people))
        template, written = draw(st.sampled_from(MENTIONS))
        if "{lg}" in template and unicodedata.normalize("NFD", first) != first:
            continue  # a lower-case given name with accents: also tested without them below
        values = {"g": first, "s": surname, "i": _initials(first, surname), "c": draw(st.sampled_from(CONTENT)),
                  "lg": first.lower(), "ug": unidecode(first), "fs": _fullwidth(surname)}
        if draw(st.booleans()) and "{i}" in template:  # a turn labelled by initials
            add(BlockKind.TURN, draw(st.sampled_from(CONTENT)) + ".", Speaker(values["i"], None))
            forms.append(values["i"])
        add(BlockKind.PARAGRAPH, template.format(**values))
        forms += [w.format(**values) for w in written]
    document = NoteDocument("note.txt", Metadata(language=Lang.EN), tuple(blocks))
    return document, sorted(set(forms))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(notes())
def test_no_form_of_any_party_survives_and_check_passes(generated: tuple[NoteDocument, list[str]]) -> None:
    document, forms = generated
    with tempfile.TemporaryDirectory() as tmp:
        output = Path(tmp) / "summary.docx"
        analysis = analyse([document], Roster(), Options())
        try:
            write_summary(analysis, output)
        except LeakError as error:  # a refusal is a failure of the party book
            raise AssertionError(f"refused: {len(error.leaks)} leak(s)") from None
        written = document_text(output)
        alive = [f for f in forms if re.search(rf"(?<!\w){re.escape(f)}(?!\w)", written)]
        assert not alive, (alive, [b.text for b in document.blocks])
        note = Path(tmp) / "note.md"
        note.write_text("\n\n".join(_as_line(b) for b in document.blocks) + "\n", encoding="utf-8")
        assert check(output, notes=[note]) == []


def _as_line(block: Block) -> str:
    if block.speaker is None:
        return block.text
    aff = f" ({block.speaker.affiliation})" if block.speaker.affiliation else ""
    return f"{block.speaker.name}{aff}: {block.text}"
