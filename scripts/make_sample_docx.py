"""Build samples/workshop-notes.docx: deterministic Word notes for the demo and the tests.

Headings, bullets, speaker turns, a participants table (name, organisation, e-mail),
a header, a footer with the rapporteur's contact details, a comment, and one tracked
insertion and one tracked deletion. All people are fictional.

Usage: python scripts/make_sample_docx.py [OUTPUT]
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from pathlib import Path

import docx
from docx.oxml.ns import qn
from lxml import etree

FIXED = dt.datetime(2021, 4, 26, 18, 0, 0)
PARTICIPANTS = [
    ("Moussa Diallo", "WHO / OMS", "m.diallo@example.org"),
    ("Amélie Marchand", "UNODC / ONUDC", "amelie.marchand@example.org"),
    ("Jean-Claude Guérin", "Malongo", "jc.guerin@example.com"),
    ("Nguyễn Thị Hoa", "Hanoi Medical University", "hoa.nguyen@example.edu"),
    ("Grace Rose", "Médecins du Monde", "grace.rose@example.org"),
]


def tracked(paragraph, kind: str, text: str, author: str = "Rapporteur") -> None:
    """Append a tracked insertion (`ins`) or deletion (`del`) run to a paragraph."""
    change = etree.SubElement(paragraph._p, qn(f"w:{kind}"))
    change.set(qn("w:id"), "1" if kind == "ins" else "2")
    change.set(qn("w:author"), author)
    change.set(qn("w:date"), "2021-04-27T09:00:00Z")
    run = etree.SubElement(change, qn("w:r"))
    t = etree.SubElement(run, qn("w:delText" if kind == "del" else "w:t"))
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    t.text = text


def build() -> docx.document.Document:
    doc = docx.Document()
    doc.add_heading("Atelier 4 — Défi mondial / A global challenge", level=1)
    doc.add_paragraph("Notes taken under the Chatham House rule. Not for circulation.")
    doc.add_heading("Participants", level=2)
    table = doc.add_table(rows=1, cols=3)
    for cell, title in zip(table.rows[0].cells, ("Name", "Organisation", "E-mail")):
        cell.text = title
    for row in PARTICIPANTS:
        for cell, value in zip(table.add_row().cells, row):
            cell.text = value
    doc.add_heading("Discussion", level=2)
    doc.add_paragraph("Dr Diallo (WHO): the health sector must be at the table from the start.")
    p = doc.add_paragraph("Amélie Marchand: the new report covers ", style="List Bullet")
    tracked(p, "ins", "twenty-two countries")
    tracked(p, "del", "twenty countries")
    p.add_run(" and links drug markets to development outcomes.")
    doc.add_paragraph("J.-C. said that prices rose sharply in Bolivia.", style="List Bullet")
    doc.add_paragraph("Mme NGUYEN shared results from Hanoi.", style="List Bullet 2")
    remark = doc.add_paragraph("Funding for harm reduction remains the main gap.")
    comment = doc.add_comment(remark.runs, text="Check this with Grace before sharing.", author="S. Lefort", initials="SL")
    comment._comment_elm.set(qn("w:date"), "2021-04-27T09:00:00Z")  # python-docx stamps "now"
    doc.add_heading("Recommandations", level=2)
    doc.add_paragraph("Associer la société civile dès la conception des programmes.", style="List Number")
    section = doc.sections[0]
    section.header.paragraphs[0].text = "Breaking the silos on drugs — workshop notes"
    section.footer.paragraphs[0].text = "Rapporteur: Sophie Lefort, sophie.lefort@example.org, +33 6 12 34 56 78"
    props = doc.core_properties
    props.author = props.last_modified_by = "chatham-notes samples"
    props.created = props.modified = FIXED
    props.revision = 1
    props.title = "Workshop notes"
    return doc


def deterministic(blob: bytes) -> bytes:
    """Rewrite the zip with fixed timestamps so that the file is byte-for-byte reproducible."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(blob)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def main(argv: list[str]) -> None:
    target = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent.parent / "samples" / "workshop-notes.docx"
    buffer = io.BytesIO()
    build().save(buffer)
    target.write_bytes(deterministic(buffer.getvalue()))


if __name__ == "__main__":
    main(sys.argv)
