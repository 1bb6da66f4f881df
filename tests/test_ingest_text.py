"""Reading .txt/.md notes and transcripts: structure, front matter, encodings, nothing lost."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from chatham_notes.errors import InputError
from chatham_notes.ingest import read_notes, read_text_file
from chatham_notes.model import BlockKind, Lang, NoteDocument, Speaker

WORD = re.compile(r"[^\W\d_]{2,}")


def words_out(doc: NoteDocument) -> Counter:
    out: Counter = Counter()
    for b in doc.blocks:
        out.update(WORD.findall(b.text))
        if b.speaker:
            out.update(WORD.findall(b.speaker.name + " " + (b.speaker.affiliation or "")))
    return out


def body_words(path: Path) -> Counter:
    text = path.read_text(encoding="utf-8")
    if text.startswith("---\n"):
        text = text.split("\n---\n", 1)[1]
    return Counter(WORD.findall(text))


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


@pytest.mark.parametrize("name", ["en-session-bullets.md", "fr-compte-rendu.md", "mixed-notes.txt", "pairs-notes.md"])
def test_samples_lose_no_word(samples_dir: Path, name: str) -> None:
    doc = read_notes(samples_dir / name)
    assert words_out(doc) == body_words(samples_dir / name)


@pytest.mark.parametrize("name", ["en-session-bullets.md", "fr-compte-rendu.md", "mixed-notes.txt",
                                  "pairs-notes.md", "panel-transcript.vtt", "workshop-notes.docx"])
def test_block_ids_unique_and_prefixed(samples_dir: Path, name: str) -> None:
    doc = read_notes(samples_dir / name)
    ids = [b.id for b in doc.blocks]
    assert len(ids) == len(set(ids))
    assert ids[0] == f"{Path(name).stem}:1"
    assert doc.sha256 and doc.size == (samples_dir / name).stat().st_size


def test_markdown_structure(tmp_path: Path) -> None:
    path = write(tmp_path, "n.md", (
        "---\ntitle: Test notes\ndate: 26/04/2021\nlanguage: en\nrapporteur: Sophie Lefort\n---\n\n"
        "# Session one\n\nThe first line\ncontinues **here** in *bold*.\n\n"
        "Key messages:\n\n- AM (UNODC): the data are scarce\n  and late.\n  - a nested point about markets\n"
        "1) numbered point about prices\n\nTitle two\n---------\n\nJane Doe — we agree with that.\n"
    ))
    doc = read_notes(path)
    assert doc.metadata.title == "Test notes" and doc.metadata.date == "2021-04-26"
    assert doc.metadata.language is Lang.EN
    kinds = [(b.kind, b.level) for b in doc.blocks]
    assert kinds == [
        (BlockKind.PARAGRAPH, 0), (BlockKind.HEADING, 1), (BlockKind.PARAGRAPH, 0), (BlockKind.HEADING, 2),
        (BlockKind.TURN, 0), (BlockKind.BULLET, 1), (BlockKind.BULLET, 0), (BlockKind.HEADING, 2),
        (BlockKind.TURN, 0),
    ]
    extra, heading, para, lead, turn = doc.blocks[:5]
    assert extra.location.part == "front-matter" and extra.text == "Sophie Lefort"
    assert para.text == "The first line continues here in bold." and para.location.line == 10
    assert para.section == heading.id and lead.section == heading.id
    assert turn.speaker == Speaker("AM", "UNODC") and turn.text == "the data are scarce and late."
    assert doc.blocks[-1].section == doc.blocks[-2].id
    assert all(b.lang is Lang.EN for b in doc.blocks)


def test_french_minutes_turns_and_language(samples_dir: Path) -> None:
    doc = read_notes(samples_dir / "fr-compte-rendu.md")
    turns = [b for b in doc.blocks if b.kind is BlockKind.TURN]
    assert [t.speaker for t in turns] == [Speaker("Mme NGUYEN"), Speaker("M. GUÉRIN", "Malongo")]
    assert doc.metadata.date == "2021-04-26"
    assert {b.lang for b in doc.blocks} == {Lang.FR}
    assert any(b.kind is BlockKind.HEADING and b.text == "Recommandations" for b in doc.blocks)


def test_mixed_notes_languages(samples_dir: Path) -> None:
    doc = read_notes(samples_dir / "mixed-notes.txt")
    langs = {b.speaker.name if b.speaker else b.id: b.lang for b in doc.blocks}
    assert langs["Karim Benali"] is Lang.FR
    assert langs["Priya Raman"] is Lang.EN
    assert langs["Amélie Marchand"] is Lang.MIXED


def test_malformed_front_matter(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.md", "---\ntitle: [unclosed\n---\nText of the notes.\n")
    with pytest.raises(InputError, match="bad.md: malformed front matter"):
        read_notes(path)
    path = write(tmp_path, "open.md", "---\ntitle: x\nNo closing line at all.\n")
    with pytest.raises(InputError, match="open.md: malformed front matter"):
        read_notes(path)
    path = write(tmp_path, "lang.md", "---\nlanguage: klingon\n---\nSome text here.\n")
    with pytest.raises(InputError, match="lang.md: .*unknown language"):
        read_notes(path)


CP1252_NOTES = "Réunion à Paris : l’équipe a noté que c’était déjà clair.\n"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("utf8.txt", CP1252_NOTES.encode("utf-8")),
        ("bom.txt", b"\xef\xbb\xbf" + CP1252_NOTES.encode("utf-8")),
        ("utf16.txt", CP1252_NOTES.encode("utf-16")),
        ("utf16be.txt", b"\xfe\xff" + CP1252_NOTES.encode("utf-16-be")),
        ("cp1252.txt", CP1252_NOTES.encode("cp1252")),
        ("crlf.txt", CP1252_NOTES.replace("\n", "\r\n").encode("cp1252")),
        ("mac.txt", CP1252_NOTES.replace("\n", "\r").encode("cp1252")),
    ],
)
def test_encodings(tmp_path: Path, name: str, data: bytes) -> None:
    path = write(tmp_path, name, data)
    assert read_text_file(path) == CP1252_NOTES
    assert read_notes(path).blocks[0].text == CP1252_NOTES.strip()


def test_short_cp1252_with_curly_quote(tmp_path: Path) -> None:
    path = write(tmp_path, "short.txt", "l’été à Hanoï".encode("cp1252"))
    assert read_text_file(path) == "l’été à Hanoï"


def test_latin1_file(tmp_path: Path) -> None:
    path = write(tmp_path, "latin1.txt", "Compte rendu : déjà vu, très intéressant.".encode("latin-1"))
    assert read_text_file(path) == "Compte rendu : déjà vu, très intéressant."


def test_line_numbers_with_crlf(tmp_path: Path) -> None:
    path = write(tmp_path, "lines.txt", b"First paragraph here.\r\n\r\nJane Doe: second one.\r\n")
    doc = read_notes(path)
    assert [b.location.line for b in doc.blocks] == [1, 3]


# One line = one item, unless the document is hard-wrapped prose or a line visibly continues
# the one above (ingest/text.py's docstring gives the rule). Each case: the body, then the
# texts of the blocks read from it.
_WRAPPED_EN = (
    "The panel agreed that alternative development must be judged by what it does for the\n"
    "households that depend on coca, not by hectares eradicated. Several speakers said that\n"
    "the sequencing matters: land titles and roads first, then crop substitution, and only\n"
    "then any eradication target.\n"
    "Funding was the second theme.\n"
)
_WRAPPED_FR = (
    "Les personnes présentes ont rappelé que le développement alternatif doit être évalué à\n"
    "l'aune de ce qu'il apporte aux ménages qui vivent de la coca, et non au nombre\n"
    "d'hectares éradiqués. Plusieurs ont souligné que l'ordre des mesures compte : titres\n"
    "fonciers et routes d'abord, substitution ensuite.\n"
)


@pytest.mark.parametrize("body, texts", [
    # EN: a title, an attendance line, one sentence per line: four items
    ("Summary notes – Workshop on rural credit, Lima / online, UTC-5\n"
     "Present: Oren Falk (GIZ), Ilse Marant (FAO).\n"
     "Falk opened: credit lines reach too few cooperatives.\n"
     "Marant disagreed: the bottleneck is land titles.\n",
     ["Summary notes – Workshop on rural credit, Lima / online, UTC-5",
      "Present: Oren Falk (GIZ), Ilse Marant (FAO).",
      "Falk opened: credit lines reach too few cooperatives.",
      "Marant disagreed: the bottleneck is land titles."]),
    # FR: the same shape
    ("Compte rendu – atelier sur le crédit rural, Lima, UTC-5\n"
     "Présents : Oren FALK (GIZ), Ilse MARANT (FAO).\n"
     "M. FALK ouvre la séance : les lignes de crédit touchent trop peu de coopératives.\n"
     "Mme MARANT répond que le verrou est foncier.\n",
     ["Compte rendu – atelier sur le crédit rural, Lima, UTC-5",
      "Présents : Oren FALK (GIZ), Ilse MARANT (FAO).",
      "M. FALK ouvre la séance : les lignes de crédit touchent trop peu de coopératives.",
      "Mme MARANT répond que le verrou est foncier."]),
    # EN and FR hard-wrapped prose: wrapped lines join, a short line that ends a sentence ends it
    (_WRAPPED_EN, [" ".join(_WRAPPED_EN.splitlines()[:4]), "Funding was the second theme."]),
    (_WRAPPED_FR, [" ".join(_WRAPPED_FR.splitlines())]),
    # a visible continuation in a note whose paragraphs start with a capital
    ("# Morning\n\nThe cooperatives asked for\ncheaper credit and longer terms.\n",
     ["Morning", "The cooperatives asked for cheaper credit and longer terms."]),
    ("# Matin\n\nLes coopératives demandent\nun crédit moins cher et plus long.\n",
     ["Matin", "Les coopératives demandent un crédit moins cher et plus long."]),
    # a line after one that ends a sentence is a new item, even in lower case
    ("# Notes\n\nThe cooperatives asked for cheaper credit.\nprices fell in March.\n",
     ["Notes", "The cooperatives asked for cheaper credit.", "prices fell in March."]),
    # a writer who starts items in lower case: no line joins
    ("notes en vrac, table ronde crédit\nla coopérative de Puno paie 12 % d'intérêt\n"
     "le fonds régional finance la phase 2\n",
     ["notes en vrac, table ronde crédit", "la coopérative de Puno paie 12 % d'intérêt",
      "le fonds régional finance la phase 2"]),
    ("quick notes, typed fast\ncredit costs 12 % in Puno\nthe regional fund pays for phase 2\n",
     ["quick notes, typed fast", "credit costs 12 % in Puno", "the regional fund pays for phase 2"]),
    # the title line is never joined, even to a lower-case line
    ("Notes rapides – atelier 1, 26/04/21\nla coopérative de Puno paie 12 %.\n",
     ["Notes rapides – atelier 1, 26/04/21", "la coopérative de Puno paie 12 %."]),
])
def test_line_is_one_item_unless_it_continues(tmp_path: Path, body: str, texts: list[str]) -> None:
    doc = read_notes(write(tmp_path, "n.txt", body))
    assert [b.text for b in doc.blocks] == texts


def test_a_wrapped_turn_continues_its_label(tmp_path: Path) -> None:
    body = ("Oren Falk (GIZ): the credit lines we fund reach about one cooperative in five in the\n"
            "southern highlands, and the ones they reach are the largest. We are changing the\n"
            "rules this year so that smaller cooperatives can apply together with a guarantor.\n"
            "Ilse Marant (FAO): agreed.\n")
    doc = read_notes(write(tmp_path, "n.txt", body))
    assert [b.kind for b in doc.blocks] == [BlockKind.TURN, BlockKind.TURN]
    assert doc.blocks[0].text.endswith("together with a guarantor.") and doc.blocks[1].text == "agreed."
