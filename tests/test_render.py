"""Word renderer: layouts, notice, styles, languages, clean and reproducible packages."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest

from chatham_notes.errors import ChathamError, OutputError
from chatham_notes.generalise.wording import phrase
from chatham_notes.model import (
    BilingualBlock,
    Block,
    BlockKind,
    GeneralisedBlock,
    Lang,
    Level,
    Location,
    Placeholder,
    PlaceholderKind,
    Speaker,
)
from chatham_notes.render import format_day, generalisation_line, render_docx
from chatham_notes.summary import build_summary
from chatham_notes.translate import get_translator, make_bilingual

NOTICE_EN = "neither the identity nor the affiliation of the speaker(s), nor that of any other participant"
NOTICE_FR = "ils ne doivent révéler ni l'identité, ni l'affiliation des personnes"
FOOTER = "Chatham House Rule · Règle de Chatham House"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def blocks() -> list[BilingualBlock]:
    return [
        BilingualBlock("h1", BlockKind.HEADING, "Water and cities", "L'eau et les villes", Lang.EN, level=1),
        BilingualBlock("t1", BlockKind.TURN, "Wells are drying up.", "Les puits s'assèchent.", Lang.EN,
                       label_en="A participant", label_fr="Une personne participante"),
        BilingualBlock("p1", BlockKind.PARAGRAPH, "Les tarifs sociaux aident.", "Les tarifs sociaux aident.",
                       Lang.FR, pending=True),
        BilingualBlock("h2", BlockKind.HEADING, "Key messages", "Messages clés", Lang.EN, level=1),
        BilingualBlock("k1", BlockKind.BULLET, "Measure leaks first.", "Mesurer d'abord les fuites.", Lang.EN),
    ]


@pytest.fixture()
def summary():
    afternoon = [BilingualBlock("a1", BlockKind.PARAGRAPH, "Rain is late.", "La pluie tarde.", Lang.EN)]
    return build_summary([("Morning session", blocks()), ("Afternoon session", afternoon)],
                         title_en="Water futures",
                         title_fr="L'avenir de l'eau", date="2021-04-26", place="Dakar",
                         level=Level.SECTOR, k=3, translator="none", created="2021-04-26T12:00:00Z")


@pytest.fixture(params=["side-by-side", "sequential"])
def rendered(request, summary, tmp_path) -> Path:
    path = tmp_path / f"{request.param}.docx"
    render_docx(summary, path, layout=request.param)
    return path


def part(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(name).decode("utf-8")


def all_text(document) -> str:
    texts = [p.text for p in document.paragraphs]
    texts += [p.text for t in document.tables for row in t.rows for c in row.cells for p in c.paragraphs]
    return "\n".join(texts)


def test_opens_with_python_docx_and_holds_the_notice_in_both_languages(rendered):
    text = all_text(docx.Document(str(rendered)))
    assert NOTICE_EN in text and NOTICE_FR in text
    assert "Water futures" in text and "L'avenir de l'eau" in text
    assert "26 April 2021" in text and "26 avril 2021" in text


def test_side_by_side_has_two_aligned_columns(summary, tmp_path):
    render_docx(summary, tmp_path / "s.docx")
    document = docx.Document(str(tmp_path / "s.docx"))
    rows = [[c.text for c in row.cells] for t in document.tables for row in t.rows]
    assert all(len(r) == 2 for r in rows)
    assert ["English", "Français"] in rows
    assert ["A participant: Wells are drying up.", "Une personne participante\u00a0: Les puits s'assèchent."] in rows
    assert ["Measure leaks first.", "Mesurer d'abord les fuites."] in rows
    assert document.tables[0].style.name == "Light Grid Accent 1"


def test_sequential_has_all_english_then_all_french(summary, tmp_path):
    render_docx(summary, tmp_path / "q.docx", layout="sequential")
    document = docx.Document(str(tmp_path / "q.docx"))
    assert document.tables == []
    text = all_text(document)
    assert text.index("English version") < text.index("Wells are drying up.") < text.index("Version française")
    assert text.index("Version française") < text.index("Les puits s'assèchent.")
    french = [p for p in document.paragraphs if p.text == "Version française"][0]
    assert french.paragraph_format.page_break_before


def test_uses_real_word_styles(rendered):
    styles = {p.style.name for p in docx.Document(str(rendered)).paragraphs}
    styles |= {p.style.name for t in docx.Document(str(rendered)).tables
               for row in t.rows for c in row.cells for p in c.paragraphs}
    assert {"Title", "Heading 1", "Heading 2", "List Bullet"} <= styles


def test_headings_show_both_languages(summary, tmp_path):
    render_docx(summary, tmp_path / "s.docx")
    headings = [p.text for p in docx.Document(str(tmp_path / "s.docx")).paragraphs if p.style.name.startswith("Heading")]
    assert "Water and cities · L'eau et les villes" in headings
    assert "Key messages · Messages clés" in headings


def test_every_run_has_a_language(rendered):
    for name in ("word/document.xml", "word/footer1.xml"):
        xml = part(rendered, name)
        runs = re.findall(r"<w:r>.*?</w:r>", xml, re.S)
        assert runs
        assert all(re.search(r'<w:lang w:val="(en-GB|fr-FR)"/>', r) for r in runs), name
    document = part(rendered, "word/document.xml")
    assert re.search(r'<w:lang w:val="fr-FR"/></w:rPr><w:t>Les puits', document)
    styles = part(rendered, "word/styles.xml")
    assert re.search(r"<w:rPrDefault>.*?<w:lang w:val=\"en-GB\"/>", styles, re.S)


def test_pending_blocks_are_marked_in_the_other_language(summary, tmp_path):
    render_docx(summary, tmp_path / "s.docx")
    document = docx.Document(str(tmp_path / "s.docx"))
    cells = [c for t in document.tables for row in t.rows for c in row.cells]
    english = next(c for c in cells if "Les tarifs sociaux" in c.text and "[Awaiting translation]" in c.text)
    runs = english.paragraphs[0].runs
    assert all(r.italic for r in runs) and runs[0].font.color.rgb is not None
    french = next(c for c in cells if c.text == "Les tarifs sociaux aident.")
    assert not french.paragraphs[0].runs[0].italic  # the source column is not marked


def test_turn_labels_are_bold(summary, tmp_path):
    render_docx(summary, tmp_path / "s.docx")
    cells = [c for t in docx.Document(str(tmp_path / "s.docx")).tables for row in t.rows for c in row.cells]
    cell = next(c for c in cells if c.text.startswith("A participant"))
    first, second = cell.paragraphs[0].runs[:2]
    assert first.bold and not second.bold


def test_footer_has_the_rule_and_a_page_number(rendered):
    footer = docx.Document(str(rendered)).sections[0].footer
    assert FOOTER in footer.paragraphs[0].text
    assert "<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>" in part(rendered, "word/footer1.xml")


def test_page_is_a4(rendered):
    section = docx.Document(str(rendered)).sections[0]
    assert round(section.page_width.cm, 1) == 21.0 and round(section.page_height.cm, 1) == 29.7


def test_document_properties_are_clean(rendered):
    core = part(rendered, "docProps/core.xml")
    for tag in ("dc:creator", "cp:lastModifiedBy", "cp:revision", "dc:description", "cp:keywords", "dc:title"):
        assert tag not in core
    assert "python-docx" not in core
    assert '<dcterms:created xsi:type="dcterms:W3CDTF">2021-04-26T12:00:00Z</dcterms:created>' in core
    assert '<dcterms:modified xsi:type="dcterms:W3CDTF">2021-04-26T12:00:00Z</dcterms:modified>' in core
    app = part(rendered, "docProps/app.xml")
    for tag in ("Company", "Template", "Manager", "Application", "HyperlinkBase"):
        assert tag not in app
    names = zipfile.ZipFile(rendered).namelist()
    assert not [n for n in names if "custom" in n.lower() or "thumbnail" in n or "comments" in n]
    for name in names:
        if name.endswith((".xml", ".rels")):
            content = part(rendered, name)
            assert "rsid" not in content and "Normal.dotm" not in content and "python-docx" not in content
    properties = docx.Document(str(rendered)).core_properties
    assert properties.author == "" and properties.last_modified_by == ""


def test_two_renders_give_identical_bytes(summary, tmp_path):
    for layout in ("side-by-side", "sequential"):
        first, second = tmp_path / f"a-{layout}.docx", tmp_path / f"b-{layout}.docx"
        render_docx(summary, first, layout=layout)
        render_docx(summary, second, layout=layout)
        assert first.read_bytes() == second.read_bytes()
    infos = zipfile.ZipFile(first).infolist()
    assert {i.date_time for i in infos} == {(2021, 4, 26, 12, 0, 0)}
    assert [i.filename for i in infos][:2] == ["[Content_Types].xml", "_rels/.rels"]


def test_dates_follow_each_languages_conventions():
    assert format_day("2021-04-26", Lang.EN) == "26 April 2021"
    assert format_day("2021-04-26", Lang.FR) == "26 avril 2021"
    assert format_day("spring 2021", Lang.FR) == "spring 2021"
    assert format_day(None, Lang.EN) is None


def test_generalisation_line_comes_from_wording(summary):
    assert generalisation_line(summary, Lang.EN) == phrase("level.sector", Lang.EN, k=3)
    assert "3" in generalisation_line(summary, Lang.FR)
    assert generalisation_line(summary, Lang.FR) == phrase("level.sector", Lang.FR, k=3)


def test_unknown_layout_is_an_error(summary, tmp_path):
    with pytest.raises(ChathamError, match="layout"):
        render_docx(summary, tmp_path / "x.docx", layout="three-columns")


def test_unwritable_path_is_an_output_error(summary, tmp_path):
    with pytest.raises(OutputError):
        render_docx(summary, tmp_path / "missing-dir" / "x.docx")


def test_no_original_name_reaches_any_xml_part(monkeypatch, tmp_path):
    """From generalised blocks (whose originals name fictional people) to the .docx."""
    participant = Placeholder(PlaceholderKind.PARTICIPANT)
    organisation = Placeholder(PlaceholderKind.ORGANISATION)
    originals = ("Nadia Fontaine", "Nadia", "Fontaine", "Hydro Fictive SA", "N.F.")

    def g(bid, text, segments, **kw):
        speaker = kw.pop("speaker", None)
        block = Block(bid, kw.pop("kind", BlockKind.PARAGRAPH), text, Lang.EN, Location("n.md"), speaker=speaker)
        return GeneralisedBlock(block, tuple(segments), **kw)

    generalised = [
        g("a", "Nadia Fontaine (Hydro Fictive SA) said tariffs matter.", [participant, " said tariffs matter."]),
        g("b", "N.F.: Hydro Fictive SA invests in pipes.", [organisation, " invests in pipes."],
          kind=BlockKind.TURN, label=(participant,), speaker=Speaker("N.F.", "Hydro Fictive SA")),
        g("c", "Participants: Nadia Fontaine", [], removed_reason="participants list"),
    ]
    bilingual = make_bilingual(generalised, get_translator("none"))
    summary = build_summary([("Session", bilingual)], title_en="Water", title_fr="Eau", date=None, place=None,
                            level=Level.PARTICIPANT, k=3, translator="none", created="2021-04-26T12:00:00Z")
    path = tmp_path / "s.docx"
    render_docx(summary, path)
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            content = z.read(name).decode("utf-8", errors="replace")
            for original in originals:
                assert original not in content, (original, name)


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_converts_it_to_pdf(rendered, tmp_path):
    profile = tmp_path / "lo-profile"
    result = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path / "pdf"), str(rendered)],
        capture_output=True, timeout=120, check=False)
    pdf = tmp_path / "pdf" / (rendered.stem + ".pdf")
    assert result.returncode == 0 and pdf.exists(), result.stderr
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 1000


def test_notice_table_is_not_merged_with_a_headless_first_section(tmp_path):
    only = BilingualBlock("a", BlockKind.PARAGRAPH, "Rain is late.", "La pluie tarde.", Lang.EN)
    summary = build_summary([("", [only])], title_en="Water", title_fr="Eau", date=None, place=None,
                            level=Level.PARTICIPANT, k=3, translator="none", created="2021-04-26T12:00:00Z")
    render_docx(summary, tmp_path / "s.docx")
    body = docx.Document(str(tmp_path / "s.docx")).element.body
    tags = [child.tag.split("}")[1] for child in body]
    assert "tbl" in tags and ("tbl", "tbl") not in list(zip(tags, tags[1:]))


def test_with_the_real_wording_module(tmp_path):
    """Placeholders rendered by the real wording module end up in the document."""
    participant = Placeholder(PlaceholderKind.PARTICIPANT)
    block = Block("a", BlockKind.PARAGRAPH, "Selon Nadia, l'eau compte.", Lang.FR, Location("n.md"))
    bilingual = make_bilingual([GeneralisedBlock(block, ("Selon ", participant, ", l'eau compte."))],
                               get_translator("none"))
    assert "Nadia" not in bilingual[0].fr and bilingual[0].pending
    summary = build_summary([("", bilingual)], title_en="Water", title_fr="Eau", date=None, place=None,
                            level=Level.SECTOR, k=4, translator="none", created="2021-04-26T12:00:00Z")
    render_docx(summary, tmp_path / "s.docx")
    text = all_text(docx.Document(str(tmp_path / "s.docx")))
    assert bilingual[0].fr in text and "4" in generalisation_line(summary, Lang.FR)


def test_notice_explains_pending_passages_and_machine_translation(summary, tmp_path):
    render_docx(summary, tmp_path / "s.docx")
    text = all_text(docx.Document(str(tmp_path / "s.docx")))
    assert "Passages marked [Awaiting translation]" in text and "Les passages marqués" in text
    assert "Argos" not in text
    machine = dataclasses.replace(summary, translator="argos")
    render_docx(machine, tmp_path / "m.docx")
    assert "machine (Argos Translate)" in all_text(docx.Document(str(tmp_path / "m.docx")))
