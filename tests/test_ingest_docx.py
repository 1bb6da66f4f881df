"""Reading .docx notes: styles, tables, headers/footers, footnotes, comments, tracked changes."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx.oxml.ns import qn
from lxml import etree

from chatham_notes.ingest import read_notes
from chatham_notes.model import BlockKind, Speaker

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FOOTNOTES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="{W_NS}">
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:t>Figures shared by Amélie Marchand after the session.</w:t></w:r></w:p></w:footnote>
</w:footnotes>"""


def tracked(paragraph, kind: str, text: str) -> None:
    change = etree.SubElement(paragraph._p, qn(f"w:{kind}"))
    change.set(qn("w:id"), "7")
    change.set(qn("w:author"), "Editor")
    run = etree.SubElement(change, qn("w:r"))
    t = etree.SubElement(run, qn("w:delText" if kind == "del" else "w:t"))
    t.text = text


def add_footnotes(blob: bytes) -> bytes:
    """Add word/footnotes.xml with its relationship and content type (python-docx cannot)."""
    src = zipfile.ZipFile(io.BytesIO(blob))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/word/footnotes.xml" ContentType='
                                    b'"application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>')
            if info.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdFn" Type="http://schemas.'
                                    b'openxmlformats.org/officeDocument/2006/relationships/footnotes" '
                                    b'Target="footnotes.xml"/></Relationships>')
            dst.writestr(info, data)
        dst.writestr("word/footnotes.xml", FOOTNOTES)
    return out.getvalue()


def build(tmp_path: Path) -> Path:
    d = docx.Document()
    d.add_paragraph("Workshop notes", style="Title")
    d.add_heading("Discussion", level=1)
    p = d.add_paragraph("The report covers ")
    tracked(p, "ins", "twenty-two countries")
    tracked(p, "del", "twenty countries")
    p.add_run(" in total.")
    d.add_paragraph("Jane Roe (WHO): health first.", style="List Bullet")
    d.add_paragraph("A nested point about funding.", style="List Bullet 2")
    c = d.add_paragraph("A remark that someone commented on.")
    d.add_comment(c.runs, text="Ask Jane about this", author="SL", initials="SL")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Name", "Organisation"
    table.cell(1, 0).text, table.cell(1, 1).text = "Jane Roe", "WHO"
    d.sections[0].header.paragraphs[0].text = "Confidential header text"
    d.sections[0].footer.paragraphs[0].text = "Rapporteur: Sam Poe, sam.poe@example.org"
    buffer = io.BytesIO()
    d.save(buffer)
    path = tmp_path / "notes.docx"
    path.write_bytes(add_footnotes(buffer.getvalue()))
    return path


def test_docx_content(tmp_path: Path) -> None:
    doc = read_notes(build(tmp_path))
    by_text = {b.text: b for b in doc.blocks}
    assert doc.metadata.title == "Workshop notes"
    assert by_text["Discussion"].kind is BlockKind.HEADING and by_text["Discussion"].level == 1
    tracked_block = by_text["The report covers twenty-two countries in total."]
    assert tracked_block.kind is BlockKind.PARAGRAPH
    assert not any("twenty countries" in b.text for b in doc.blocks)
    turn = by_text["health first."]
    assert turn.kind is BlockKind.TURN and turn.speaker == Speaker("Jane Roe", "WHO")
    nested = by_text["A nested point about funding."]
    assert nested.kind is BlockKind.BULLET and nested.level == 1
    cells = [b for b in doc.blocks if b.kind is BlockKind.TABLE_CELL]
    assert [c.text for c in cells] == ["Name", "Organisation", "Jane Roe", "WHO"]
    assert {c.location.part for c in cells} == {"table"}
    assert by_text["Confidential header text"].location.part == "header"
    footer = by_text["Rapporteur: Sam Poe, sam.poe@example.org"]
    assert footer.location.part == "footer" and footer.section == ""
    note = by_text["Figures shared by Amélie Marchand after the session."]
    assert note.location.part == "footnote" and note.location.paragraph == 1
    assert not any("Ask Jane" in b.text for b in doc.blocks)
    assert "1 comment present (not content)" in doc.notes
    assert any("tracked changes" in n for n in doc.notes)


def test_docx_paragraph_locations(tmp_path: Path) -> None:
    doc = read_notes(build(tmp_path))
    body = [b for b in doc.blocks if b.location.part == "body"]
    numbers = [b.location.paragraph for b in body]
    assert numbers == sorted(numbers) and numbers[0] == 1
    assert all(b.location.file == "notes.docx" for b in doc.blocks)


def test_sample_docx(samples_dir: Path) -> None:
    doc = read_notes(samples_dir / "workshop-notes.docx")
    texts = [b.text for b in doc.blocks]
    assert any("twenty-two countries" in t for t in texts)
    assert not any("twenty countries" in t for t in texts)
    assert "Grace Rose" in texts
    footer = [b for b in doc.blocks if b.location.part == "footer"]
    assert footer and "sophie.lefort@example.org" in footer[0].text
    assert "1 comment present (not content)" in doc.notes


def test_sample_docx_is_reproducible(tmp_path: Path, samples_dir: Path) -> None:
    import runpy

    script = Path(__file__).resolve().parent.parent / "scripts" / "make_sample_docx.py"
    module = runpy.run_path(str(script))
    module["main"](["x", str(tmp_path / "again.docx")])
    assert (tmp_path / "again.docx").read_bytes() == (samples_dir / "workshop-notes.docx").read_bytes()
