"""The leak check: every XML part of a .docx, text files, and careful matching.

The .docx files are built here with python-docx and lxml, each with one fictional
name planted in one place.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from lxml import etree
from test_decisions import make_detection

from chatham_notes.errors import InputError
from chatham_notes.model import Kind, Participant, Roster
from chatham_notes.matching import fold
from chatham_notes.verify import Needles, leak_check, leak_check_text, needles_for

ROSTER = Roster(
    (
        Participant("p1", "Nguyễn Thị Lan", affiliation="Saigon Policy Lab", affiliation_aliases=("SPL",)),
        Participant("p2", "Marguerite Rose", aliases=("Maggie",)),
        Participant("p3", "Jean-Claude Obi", affiliation="Observatoire des Drogues"),
    )
)
CLEAN = "A participant said that prices rose sharply. Une personne participante a indiqué son accord."


@pytest.fixture(scope="module")
def needles() -> Needles:
    return needles_for(ROSTER, [make_detection()])


def base_document() -> docx.Document:
    document = docx.Document()
    document.core_properties.author = ""
    document.core_properties.last_modified_by = ""
    document.core_properties.created = dt.datetime(2024, 1, 1)
    document.add_paragraph(CLEAN)
    return document


def plant_header(document: docx.Document) -> None:
    document.sections[0].header.paragraphs[0].text = "Draft — Nguyen Thi Lan"


def plant_footer(document: docx.Document) -> None:
    document.sections[0].footer.paragraphs[0].text = "Contact: Marguerite Rose"


def plant_table_cell(document: docx.Document) -> None:
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Sector"
    table.cell(1, 1).text = "Observatoire des Drogues"


def plant_author(document: docx.Document) -> None:
    document.core_properties.author = "Jean-Claude Obi"


def plant_split_runs(document: docx.Document) -> None:
    paragraph = document.add_paragraph("As ")
    for piece in ("Jean-", "Cla", "ude O", "bi"):
        paragraph.add_run(piece).bold = True
    paragraph.add_run(" said.")


def plant_comment(document: docx.Document) -> None:
    """A comments part (word/comments.xml) with one comment naming a participant."""
    xml = (
        f'<w:comments xmlns:w="{qn("w:t")[1:].split("}")[0]}">'
        '<w:comment w:id="0" w:author="Reviewer" w:initials="R"><w:p><w:r>'
        "<w:t>Check with Maggie before sharing</w:t></w:r></w:p></w:comment></w:comments>"
    )
    part = Part(PackURI("/word/comments.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml",
                xml.encode("utf-8"), document.part.package)
    document.part.relate_to(part, RT.COMMENTS)


def plant_custom_property(path: Path) -> None:
    """Rewrite docProps/core.xml by hand (lxml) to hold the name in dc:title."""
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    root = etree.fromstring(parts["docProps/core.xml"])
    title = root.find("{http://purl.org/dc/elements/1.1/}title")
    if title is None:
        title = etree.SubElement(root, "{http://purl.org/dc/elements/1.1/}title")
    title.text = "Notes by NGUYEN"
    parts["docProps/core.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


PLANTS = {
    "header": (plant_header, "word/header", Kind.PERSON),
    "footer": (plant_footer, "word/footer", Kind.PERSON),
    "comment": (plant_comment, "word/comments.xml", Kind.PERSON),
    "table cell": (plant_table_cell, "word/document.xml", Kind.AFFILIATION),
    "author": (plant_author, "docProps/core.xml", Kind.PERSON),
    "split runs": (plant_split_runs, "word/document.xml", Kind.PERSON),
}


def test_clean_document_has_no_leak(tmp_path: Path, needles: Needles) -> None:
    path = tmp_path / "clean.docx"
    document = base_document()
    document.sections[0].footer.paragraphs[0].text = "Chatham House Rule · Règle de Chatham House"
    document.save(path)
    assert leak_check(path, needles) == []


@pytest.mark.parametrize("place", sorted(PLANTS))
def test_planted_name_is_found(tmp_path: Path, needles: Needles, place: str) -> None:
    plant, part, kind = PLANTS[place]
    document = base_document()
    plant(document)
    path = tmp_path / "planted.docx"
    document.save(path)
    leaks = leak_check(path, needles)
    assert len(leaks) == 1, [(leak.part, leak.location) for leak in leaks]
    assert leaks[0].part.startswith(part) and leaks[0].kind is kind
    assert leaks[0].location  # a paragraph index or the element/attribute


def test_table_cell_location_is_a_paragraph(tmp_path: Path, needles: Needles) -> None:
    document = base_document()
    plant_table_cell(document)
    document.save(tmp_path / "t.docx")
    (leak,) = leak_check(tmp_path / "t.docx", needles)
    # body paragraph 1 is CLEAN; the table's cells hold paragraphs 2-5, the name is in the last
    assert leak.location == "paragraph 5" and leak.text == "Observatoire des Drogues"


def test_author_leak_names_the_element(tmp_path: Path, needles: Needles) -> None:
    document = base_document()
    plant_author(document)
    document.save(tmp_path / "a.docx")
    (leak,) = leak_check(tmp_path / "a.docx", needles)
    assert (leak.part, leak.location) == ("docProps/core.xml", "element dc:creator")


def test_property_edited_by_hand_is_found(tmp_path: Path, needles: Needles) -> None:
    path = tmp_path / "p.docx"
    base_document().save(path)
    plant_custom_property(path)
    (leak,) = leak_check(path, needles)
    assert leak.location == "element dc:title" and leak.text == "NGUYEN"


def test_comment_author_attribute_is_found(tmp_path: Path, needles: Needles) -> None:
    document = base_document()
    plant_comment(document)
    document.save(tmp_path / "c.docx")
    with zipfile.ZipFile(tmp_path / "c.docx") as archive:
        xml = archive.read("word/comments.xml").replace(b'w:author="Reviewer"', b'w:author="Kofi Mensah"')
        parts = {n: archive.read(n) for n in archive.namelist()}
    parts["word/comments.xml"] = xml
    with zipfile.ZipFile(tmp_path / "c2.docx", "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    locations = [leak.location for leak in leak_check(tmp_path / "c2.docx", needles)]
    assert "attribute w:author of w:comment" in locations and "paragraph 1" in locations


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("NGUYEN said so.", "NGUYEN"),
        ("nguyen thi lan agreed", "nguyen thi lan"),
        ("According to Nguyen-Thi Lan, yes.", "Nguyen-Thi Lan"),
        ("Jean Claude Obi spoke.", "Jean Claude Obi"),
        ("JEAN–CLAUDE OBI spoke.", "JEAN–CLAUDE OBI"),
        ("Rose said prices fell.", "Rose"),
        ("ROSE a souligné", "ROSE"),
        ("the SPL report", "SPL"),
        ("Mensah’s point", "Mensah"),
    ],
)
def test_matching_is_case_accent_and_hyphen_insensitive(needles: Needles, text: str, found: str) -> None:
    leaks = leak_check_text(text, needles, "t")
    assert [leak.text for leak in leaks] == [found]


@pytest.mark.parametrize(
    "text",
    [
        "prices rose in 2023",
        "I am sure the spl rate is fine",  # short needles match only as written
        "Lanterns and Obituaries",  # whole words only
        "the moderators' notes",
        CLEAN,
    ],
)
def test_no_false_leak(needles: Needles, text: str) -> None:
    assert leak_check_text(text, needles, "t") == []


def test_text_file_locations_are_lines(tmp_path: Path, needles: Needles) -> None:
    path = tmp_path / "edited.md"
    path.write_text("# Summary\n\nPrices rose.\n\nAs Kofi\nMensah said, *Bolivia* matters.\n", encoding="utf-8")
    leaks = leak_check(path, needles)
    # a name wrapped across two lines is still found, at its first line
    assert [(leak.location, leak.text, leak.kind) for leak in leaks] == [
        ("line 5", "Kofi\nMensah", Kind.PERSON), ("line 6", "Bolivia", Kind.PLACE)
    ]


def test_needles_never_show_their_text(needles: Needles) -> None:
    shown = repr(needles) + str(list(needles))
    assert "Nguy" not in shown and "Mensah" not in shown and len(needles) > 10


def test_needles_include_every_roster_form_and_finding(needles: Needles) -> None:
    texts = {n.text for n in needles}
    assert {"Nguyễn Thị Lan", "Maggie", "Saigon Policy Lab", "SPL", "Kofi Mensah", "the moderator"} <= texts
    assert {n.kind for n in needles if n.text == "Saigon Policy Lab"} == {Kind.AFFILIATION}


def test_other_files_are_refused(tmp_path: Path, needles: Needles) -> None:
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    (tmp_path / "bad.docx").write_bytes(b"not a zip")
    with pytest.raises(InputError, match="x.pdf"):
        leak_check(tmp_path / "x.pdf", needles)
    with pytest.raises(InputError, match="bad.docx"):
        leak_check(tmp_path / "bad.docx", needles)


def test_fold_keeps_an_offset_map() -> None:
    folded, offsets = fold("Nguyễn — Thị")
    assert folded == "Nguyen Thi" and len(offsets) == len(folded) and offsets[-1] == len("Nguyễn — Thị") - 1


def test_temporary_names_are_checked_by_their_inner_type(tmp_path: Path, needles: Needles) -> None:
    document = base_document()
    plant_footer(document)
    path = tmp_path / ".summary.docx.a1b2c3.part"  # how the pipeline names the file before renaming it
    document.save(path)
    assert [leak.text for leak in leak_check(path, needles)] == ["Marguerite Rose"]


def test_language_codes_are_not_initials(tmp_path: Path) -> None:
    """Regression: `w:eastAsia="ja-JP"` in the settings is not a leak of the initials JP."""
    roster = Roster((Participant("p1", "Julie Petit", aliases=("JP",)),))
    document = base_document()
    document.save(tmp_path / "clean.docx")
    with zipfile.ZipFile(tmp_path / "clean.docx") as package:
        assert any(b'eastAsia="' in package.read(n) for n in package.namelist() if n.endswith(".xml"))
    assert leak_check(tmp_path / "clean.docx", needles_for(roster, [])) == []


@given(st.text(alphabet="ab -–\u00a0éœ\u00ad  xY\t\n’", max_size=40))
def test_fast_fold_agrees_with_the_character_by_character_fold(text: str) -> None:
    from chatham_notes.matching import _fold_slowly

    folded, offsets = fold(text)
    slow, slow_offsets = _fold_slowly(text)
    assert folded == slow
    assert [offsets[i] for i in range(len(folded))] == list(slow_offsets)


def test_units_are_searched_in_batches(monkeypatch) -> None:
    """Regression: a huge part is searched a batch at a time; a leak in any batch is found."""
    from chatham_notes import verify

    monkeypatch.setattr(verify, "_BATCH_CHARS", 50)
    units = [(f"paragraph {n}", "prices rose by a third in the region") for n in range(20)]
    units[13] = ("paragraph 13", "as Marguerite Rose said")
    matcher = needles_for(ROSTER, []).matcher()
    leaks = verify._leaks_in_units("word/document.xml", units, matcher)
    assert [(leak.location, leak.text) for leak in leaks] == [("paragraph 13", "Marguerite Rose")]


def test_a_reference_is_removed_but_never_a_needle(tmp_path: Path) -> None:
    """"the Ministry" for the participant's ministry is removed; "Ministry" is no needle, so the
    Ministry of Finance, another body named as content, neither leaks nor makes the check refuse."""
    from chatham_notes.pipeline import Options, analyse, read_documents, write_summary
    from chatham_notes.verify import document_text

    note = tmp_path / "note.md"
    note.write_text("Dr Malia Fonoti (Ministry of Public Health) opened the session.\n\n"
                    "The Ministry is reviewing the code; the Ministry of Finance disagrees.\n", encoding="utf-8")
    analysis = analyse(read_documents([note]), Roster(), Options())
    references = [m for d in analysis.detections for m in d.mentions if m.detector == "reference"]
    assert [m.text for m in references] == ["Ministry"]
    needles = {n.text for n in needles_for(Roster(), analysis.detections).items}
    assert "Ministry" not in needles and "Ministry of Public Health" in needles
    write_summary(analysis, tmp_path / "out.docx")
    text = document_text(tmp_path / "out.docx")
    assert "Ministry of Finance" in text and "The Ministry is" not in text and "Public Health" not in text


def test_strip_phrases_blanks_whole_phrases_and_counts_them() -> None:
    from chatham_notes.matching import strip_phrases

    rest, found = strip_phrases("Participants / Line-up", ["participants", "line-up"], "·-")
    assert found == 2 and not any(ch.isalpha() for ch in rest)
    rest, found = strip_phrases("participant·e·s", ["participant"], "·")  # bound by a joiner: no phrase
    assert found == 0 and "participant" in rest


def test_a_kind_of_body_alone_is_no_needle(tmp_path: Path) -> None:
    """ "RK (Center):" in a label removes "Center" there; as a needle it would find "center" in
    every .docx (a paragraph's alignment is w:jc="center") and refuse every summary."""
    roster = Roster((Participant("p1", "Rustam Karimov", affiliation="Republican AIDS Center",
                                 affiliation_aliases=("Center", "the Centre", "RAC")),))
    texts = {n.text for n in needles_for(roster, [])}
    assert "Republican AIDS Center" in texts and "RAC" in texts
    assert not {"Center", "the Centre"} & texts
    document = base_document()
    document.add_paragraph("A participant said the clinic moved to the city centre.").alignment = 1  # centred
    document.save(tmp_path / "centred.docx")
    assert leak_check(tmp_path / "centred.docx", needles_for(roster, [])) == []
