"""XLIFF 1.2 hand-off: export, import, memory, and what a bad translation does (nothing)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import xmlschema
from translate.storage import xliff as ttk_xliff
from translate.storage.placeables import xliff as ttk_codes
from translate.storage.placeables.strelem import StringElem

from chatham_notes.model import (
    Block,
    BlockKind,
    GeneralisedBlock,
    Lang,
    Location,
    Participant,
    Placeholder,
    PlaceholderKind,
    Roster,
)
from chatham_notes.translate import get_translator, make_bilingual
from chatham_notes.verify import needles_for
from chatham_notes.xliff import (
    XliffTranslator,
    code_problem,
    direction_path,
    export_units,
    load_units,
    read_xliff,
    xliff_bytes,
)

SCHEMA = Path(__file__).resolve().parent / "data" / "xliff" / "xliff-core-1.2-strict.xsd"
P = Placeholder(PlaceholderKind.PARTICIPANT)
ORG = Placeholder(PlaceholderKind.ORGANISATION)
ROSTER = Roster((Participant("p1", "Amina Okafor", affiliation="Fictional Water Institute"),))
NEEDLES = needles_for(ROSTER, [])


@pytest.fixture(scope="module")
def schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(SCHEMA))


def gblock(bid: str, segments, lang=Lang.EN, doc="notes.md", line=1) -> GeneralisedBlock:
    text = "".join(s if isinstance(s, str) else "Amina Okafor" for s in segments)
    return GeneralisedBlock(Block(bid, BlockKind.PARAGRAPH, text, lang, Location(doc, line=line)), tuple(segments))


BLOCKS = [
    gblock("notes:1", [P, " said that water matters to ", ORG, "."]),
    gblock("notes:2", ["Funding remains the main gap."], line=2),
    gblock("notes:3", ["Selon ", P, ", l'eau compte."], lang=Lang.FR, line=3),
]


def exported(tmp_path: Path, blocks=BLOCKS) -> dict[tuple[Lang, Lang], Path]:
    """Each direction of `blocks` exported as a file, as `summarise --xliff-out` writes it."""
    parts = [(("t", "t"), make_bilingual(blocks, get_translator("none")))]
    units = export_units(parts)
    paths = {}
    for source, target in ((Lang.EN, Lang.FR), (Lang.FR, Lang.EN)):
        path = direction_path(tmp_path / "out.xlf", source, target)
        path.write_bytes(xliff_bytes(units, source, target))
        paths[(source, target)] = path
    return paths


def scripted_translation(path: Path, out: Path, rewrite=lambda text: re.sub(r"\w+", lambda m: "tr" + m[0][::-1], text)) -> Path:
    """A scripted "translator": translate-toolkit fills every target, rewriting the text, keeping the codes."""
    store = ttk_xliff.xlifffile.parsefile(str(path))

    def translated(elem: StringElem) -> StringElem:
        parts = []
        for sub in elem.sub:
            if isinstance(sub, str):
                parts.append(rewrite(sub))
            elif isinstance(sub, ttk_codes.X):
                parts.append(ttk_codes.X(id=sub.id, xml_attrib=sub.xml_attrib))
            else:
                parts.append(translated(sub))
        return StringElem(parts)

    for unit in store.units:
        unit.rich_target = [translated(unit.rich_source[0])]
    out.write_bytes(bytes(store))
    return out


def bilingual_with(paths, blocks=BLOCKS, memory=()):
    units, rejections = load_units(paths)
    remembered, more = load_units(memory)
    translator = XliffTranslator(units, remembered, NEEDLES, get_translator("none"), rejections + more,
                                 documents=sorted({b.block.location.file for b in blocks}))
    out = make_bilingual(blocks, translator)
    return {b.block_id: b for b in out}, translator.finish()


def test_export_validates_against_the_xliff_12_strict_schema(tmp_path, schema):
    for path in exported(tmp_path).values():
        schema.validate(str(path))


def test_export_is_read_back_by_translate_toolkit(tmp_path):
    path = exported(tmp_path)[(Lang.EN, Lang.FR)]
    store = ttk_xliff.xlifffile.parsefile(str(path))
    assert (store.getsourcelanguage(), store.gettargetlanguage()) == ("en", "fr")
    assert [u.getid().split("\x04")[-1] for u in store.units] == ["notes:1", "notes:2"]
    first = store.units[0].rich_source[0]
    codes = [e for e in first.flatten() if isinstance(e, ttk_codes.X)]
    assert [c.id for c in codes] == ["1", "2"]
    assert [c.xml_attrib.get("ctype") for c in codes] == ["x-participant", "x-organisation"]
    assert store.units[0].source == " said that water matters to ."
    assert store.units[1].source == "Funding remains the main gap."
    assert "notes.md, line 1" in store.units[0].getnotes()


def test_export_notes_say_what_each_code_becomes(tmp_path):
    text = exported(tmp_path)[(Lang.EN, Lang.FR)].read_text(encoding="utf-8")
    assert "{1} = «\u00a0une personne participante\u00a0»" in text
    assert 'equiv-text="a participant"' in text


def test_direction_path():
    assert direction_path(Path("a/summary.xlf"), Lang.EN, Lang.FR) == Path("a/summary.en-fr.xlf")
    assert direction_path(Path("summary.xliff"), Lang.FR, Lang.EN) == Path("summary.fr-en.xliff")
    assert direction_path(Path("summary"), Lang.EN, Lang.FR) == Path("summary.en-fr.xlf")


def test_round_trip_fills_every_block_in_its_language(tmp_path):
    paths = exported(tmp_path)
    back = [scripted_translation(p, tmp_path / f"back-{i}.xlf") for i, p in enumerate(paths.values())]
    out, rejections = bilingual_with(back)
    assert rejections == ()
    assert not any(b.pending for b in out.values())
    assert out["notes:1"].fr.startswith("Une personne participante trdias")
    assert out["notes:1"].fr.endswith(" trot une organisation.")  # the text is the translator's, the codes the tool's
    assert out["notes:1"].translated_by == "xliff"
    assert out["notes:3"].en.startswith("trnoleS a participant, ")


def _edit_target(path: Path, out: Path, unit: str, new_target: str) -> Path:
    text = path.read_text(encoding="utf-8")
    pattern = re.compile(rf'(<trans-unit id="{re.escape(unit)}".*?<target>)(.*?)(</target>)', re.S)
    out.write_text(pattern.sub(lambda m: m[1] + new_target + m[3], text, count=1), encoding="utf-8")
    return out


@pytest.mark.parametrize("target, reason", [
    ('<x id="1"/> a dit.', "code 2 deleted"),
    ('<x id="1"/> <x id="1"/> a dit <x id="2"/>.', "code 1 duplicated"),
    ('<x id="1"/> a dit <x id="2"/> <x id="3"/>.', "code 3 invented"),
    ('<x id="1"/> a dit <g id="9">gras</g> <x id="2"/>.', "inline code <g>"),
    ('⟦1⟧ a dit <x id="2"/>.', "brackets"),
    ('<x id="1"/> et Amina Okafor disent que <x id="2"/> compte.', "names someone (person)"),
    ('<x id="1"/> du Fictional Water Institute dit que <x id="2"/> compte.', "names someone (affiliation)"),
])
def test_a_bad_unit_is_rejected_with_its_id_and_stays_pending(tmp_path, target, reason):
    back = scripted_translation(exported(tmp_path)[(Lang.EN, Lang.FR)], tmp_path / "back.xlf")
    bad = _edit_target(back, tmp_path / "bad.xlf", "notes:1", target)
    out, rejections = bilingual_with([bad])
    assert out["notes:1"].pending and out["notes:1"].fr == out["notes:1"].en
    assert not out["notes:2"].pending  # the file's other units are used
    [rejection] = rejections
    assert (rejection.file, rejection.unit) == ("bad.xlf", "notes:1") and reason in rejection.reason
    assert "Amina" not in str(rejection) and "Institute" not in str(rejection)


def test_a_unit_whose_source_changed_is_not_used(tmp_path):
    back = scripted_translation(exported(tmp_path)[(Lang.EN, Lang.FR)], tmp_path / "back.xlf")
    changed = [gblock("notes:2", ["Funding remains the biggest gap."], line=2), *BLOCKS[:1]]
    out, rejections = bilingual_with([back], blocks=changed)
    assert out["notes:2"].pending and not out["notes:1"].pending
    assert [(r.unit, "source changed" in r.reason) for r in rejections] == [("notes:2", True)]


def test_missing_units_stay_awaiting_translation(tmp_path):
    out, rejections = bilingual_with([exported(tmp_path)[(Lang.EN, Lang.FR)]])  # exported, never translated
    assert all(b.pending for b in out.values()) and rejections == ()


_BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="notes.md"
 source-language="en" target-language="fr" datatype="plaintext"><body/></file><x>&lol2;</x></xliff>"""
_EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE xliff [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="notes.md"
 source-language="en" target-language="fr" datatype="plaintext"><body><trans-unit id="notes:2">
 <source>Funding remains the main gap.</source><target>&secret;</target></trans-unit></body></file></xliff>"""


@pytest.mark.parametrize("content, reason", [
    ("<xliff version='1.2'><file>", "not well-formed"),
    (_BOMB, "DTD"),
    (_EXTERNAL, "DTD"),
    ("<xliff version='2.0' xmlns='urn:oasis:names:tc:xliff:document:2.0'/>", "not an XLIFF 1.2 file"),
])
def test_an_unreadable_file_is_one_rejection_and_nothing_is_used(tmp_path, content, reason):
    bad = tmp_path / "bad.xlf"
    bad.write_text(content, encoding="utf-8")
    out, rejections = bilingual_with([bad])
    assert all(b.pending for b in out.values())
    [rejection] = rejections
    assert rejection.file == "bad.xlf" and rejection.unit == "" and reason in rejection.reason
    assert "\n" not in str(rejection)


def test_a_file_for_another_document_is_not_used(tmp_path):
    other = [gblock("notes:1", [P, " said that water matters to ", ORG, "."], doc="other-event.md")]
    back = scripted_translation(exported(tmp_path, other)[(Lang.EN, Lang.FR)], tmp_path / "other.xlf")
    out, rejections = bilingual_with([back])
    assert all(b.pending for b in out.values())
    [rejection] = rejections
    assert rejection.file == "other.xlf" and "another document" in rejection.reason


def test_memory_reuses_exact_matches_from_an_earlier_event(tmp_path):
    earlier = [gblock("old:7", ["Funding remains the main gap."], doc="last-year.md"),
               gblock("old:8", ["Funding remains a gap."], doc="last-year.md")]
    memory = _edit_target(scripted_translation(exported(tmp_path, earlier)[(Lang.EN, Lang.FR)], tmp_path / "m.xlf"),
                          tmp_path / "memory.xlf", "old:7", "Le financement reste la principale lacune.")
    out, rejections = bilingual_with([], memory=[memory])
    assert out["notes:2"].fr == "Le financement reste la principale lacune."
    assert out["notes:2"].translated_by == "memory"
    assert out["notes:1"].pending and rejections == ()


def test_memory_never_brings_a_name_back(tmp_path):
    earlier = [gblock("old:7", ["Funding remains the main gap."], doc="last-year.md")]
    memory = _edit_target(scripted_translation(exported(tmp_path, earlier)[(Lang.EN, Lang.FR)], tmp_path / "m.xlf"),
                          tmp_path / "memory.xlf", "old:7", "Amina Okafor : le financement manque.")
    out, _ = bilingual_with([], memory=[memory])
    assert out["notes:2"].pending


def test_codes_come_back_as_ph_or_inside_a_segment_mark(tmp_path):
    back = scripted_translation(exported(tmp_path)[(Lang.EN, Lang.FR)], tmp_path / "back.xlf")
    target = '<mrk mtype="seg" mid="1"><ph id="1"/> dit que <x id="2"/> compte.</mrk>'
    out, rejections = bilingual_with([_edit_target(back, tmp_path / "seg.xlf", "notes:1", target)])
    assert rejections == () and out["notes:1"].fr == "Une personne participante dit qu'une organisation compte."


def test_code_problem_names_each_fault():
    assert code_problem("⟦2⟧ ⟦1⟧", 2) is None
    assert "code 1 deleted" in code_problem("⟦2⟧", 2)


def test_read_xliff_accepts_regional_language_codes(tmp_path):
    path = exported(tmp_path)[(Lang.EN, Lang.FR)]
    path.write_text(path.read_text(encoding="utf-8").replace('target-language="fr"', 'target-language="fr-FR"'),
                    encoding="utf-8")
    assert {u.target_lang for u in read_xliff(path)} == {"fr"}


def test_the_terminal_line_leaves_out_what_only_the_file_wrote(tmp_path):
    back = scripted_translation(exported(tmp_path)[(Lang.EN, Lang.FR)], tmp_path / "back.xlf")
    text = back.read_text(encoding="utf-8").replace('id="notes:2"', 'id="Amina Okafor"')
    text = text.replace(">Funding remains the main gap.<", ">Funding remains a gap.<")  # no memory match either
    (tmp_path / "odd.xlf").write_text(text, encoding="utf-8")
    _, rejections = bilingual_with([tmp_path / "odd.xlf"])
    [rejection] = rejections
    assert "Amina" in str(rejection)  # the confidential report says which unit
    assert "Amina" not in rejection.terminal and "a unit" in rejection.terminal


def test_a_unit_of_these_notes_that_matches_no_pending_block_is_reported_as_such(tmp_path):
    back = scripted_translation(exported(tmp_path)[(Lang.EN, Lang.FR)], tmp_path / "back.xlf")
    units, _ = load_units([back])
    translator = XliffTranslator(units, [], NEEDLES, get_translator("none"), documents=["notes.md"])
    make_bilingual([gblock("notes:9", [P])], translator)  # nothing awaits translation in notes.md
    reasons = {r.unit: r.reason for r in translator.finish()}
    assert set(reasons) == {"notes:1", "notes:2"} and all("matches no block" in r for r in reasons.values())


class _TokenLosingMachine:
    """A machine translator that drops the tokens: the block is then translated run by run."""

    name = "machine"

    def translate(self, texts, source, target):
        return [re.sub(r"⟦\d+⟧", "", t).replace("said that water matters to", "a dit que l'eau compte pour")
                for t in texts]


def test_blocks_no_unit_answers_go_to_the_fallback_machine(tmp_path):
    units, _ = load_units([])
    translator = XliffTranslator(units, [], NEEDLES, _TokenLosingMachine())
    [out] = make_bilingual(BLOCKS[:1], translator)
    assert out.fr == "Une personne participante a dit que l'eau compte pour une organisation."
    assert out.translated_by == "machine" and not out.pending


@pytest.mark.parametrize("name", ["demo.en-fr.xlf", "demo.fr-en.xlf"])
def test_the_demo_translations_are_valid_and_complete(schema, name):
    path = Path(__file__).resolve().parent.parent / "samples" / "translations" / name
    schema.validate(str(path))
    units = read_xliff(path)
    assert units and all(u.target and u.problem is None for u in units)
    assert all(code_problem(u.target, len(u.codes)) is None for u in units)


def test_read_xliff_raises_a_one_line_input_error(tmp_path):
    from chatham_notes.errors import InputError

    bad = tmp_path / "bad.xlf"
    bad.write_text("<xliff", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.xlf: is not well-formed XML \(line 1\)"):
        read_xliff(bad)


def test_a_block_whose_id_moved_keeps_its_translation(tmp_path):
    back = scripted_translation(exported(tmp_path)[(Lang.EN, Lang.FR)], tmp_path / "back.xlf")
    moved = [gblock("notes:1", ["A new first bullet."]), gblock("notes:2", BLOCKS[0].segments, line=2),
             gblock("notes:3", ["Funding remains the main gap."], line=3)]
    out, rejections = bilingual_with([back], blocks=moved)
    assert out["notes:1"].pending
    assert not out["notes:2"].pending and not out["notes:3"].pending
    assert out["notes:3"].fr == "trgnidnuF trsniamer treht trniam trpag."
    assert {b.translated_by for b in out.values()} == {"memory", ""}
    assert rejections == ()  # each unit filled the block it moved to


MIXED = [gblock("notes:4", [P, " said that water shortages are getting worse every year. ",
                            "Les prix de l'eau augmentent fortement dans les villes."], lang=Lang.MIXED, line=4)]
MIXED_WORDS = {" said that water shortages are getting worse every year.":
               " indique que les pénuries d'eau s'aggravent chaque année.",
               "Les prix de l'eau augmentent fortement dans les villes.": "Water prices are rising sharply in cities."}


def _column_runs(path: Path) -> dict[str, list[tuple[str, str]]]:
    """(w:lang, text) of each run in the English and the French cell of the last table row."""
    import docx
    from docx.oxml.ns import qn

    row = docx.Document(str(path)).tables[-1].rows[-1]
    return {lang: [(r._r.find(qn("w:rPr")).find(qn("w:lang")).get(qn("w:val")), r.text)
                   for r in cell.paragraphs[0].runs if r.text.strip()]
            for lang, cell in zip(("en", "fr"), row.cells, strict=True)}


def _render(tmp_path: Path, blocks) -> Path:
    from chatham_notes.model import Level
    from chatham_notes.render import render_docx
    from chatham_notes.summary import build_summary

    summary = build_summary([(("t", "t"), list(blocks))], title_en="T", title_fr="T", date=None, place=None,
                            level=Level.PARTICIPANT, k=3, translator="none", created="2000-01-01T12:00:00Z")
    render_docx(summary, tmp_path / "mixed.docx")
    return tmp_path / "mixed.docx"


def test_a_mixed_block_exports_each_sentence_not_in_a_columns_language(tmp_path, schema):
    paths = exported(tmp_path, MIXED)
    for path in paths.values():
        schema.validate(str(path))
    en_fr = [u for u in read_xliff(paths[(Lang.EN, Lang.FR)])]
    fr_en = [u for u in read_xliff(paths[(Lang.FR, Lang.EN)])]
    assert [(u.id, u.source) for u in en_fr] == [("notes:4.1", "⟦1⟧ said that water shortages are getting worse "
                                                               "every year.")]
    assert [(u.id, u.source) for u in fr_en] == [("notes:4.2", "Les prix de l'eau augmentent fortement dans les villes.")]
    assert en_fr[0].codes == ("x-participant",)


def test_a_mixed_block_round_trip_puts_only_french_in_the_french_column(tmp_path):
    paths = exported(tmp_path, MIXED)
    back = [scripted_translation(p, tmp_path / f"back-{i}.xlf", rewrite=MIXED_WORDS.get) for i, p in enumerate(paths.values())]
    out, rejections = bilingual_with(back, MIXED)
    block = out["notes:4"]
    assert rejections == () and not block.pending and block.translated_by == "xliff"
    assert block.fr == ("Une personne participante indique que les pénuries d'eau s'aggravent chaque année. "
                        "Les prix de l'eau augmentent fortement dans les villes.")
    assert block.en == "A participant said that water shortages are getting worse every year. Water prices are rising sharply in cities."
    runs = _column_runs(_render(tmp_path, [block]))
    assert {lang for lang, _ in runs["fr"]} == {"fr-FR"} and {lang for lang, _ in runs["en"]} == {"en-GB"}
    assert "".join(text for _, text in runs["fr"]) == block.fr


def test_a_mixed_block_without_translations_is_pending_sentence_by_sentence(tmp_path):
    [block] = make_bilingual(MIXED, get_translator("none"))
    assert block.pending and block.source_lang is Lang.MIXED
    assert [r.block_id for r in block.awaiting] == ["notes:4.1", "notes:4.2"]
    runs = _column_runs(_render(tmp_path, [block]))
    # the French column: a tag, the English sentence marked English, then the French sentence as written
    assert runs["fr"][0] == ("fr-FR", "[Traduction à venir] ")
    assert [lang for lang, _ in runs["fr"]] == ["fr-FR", "en-GB", "fr-FR"]
    assert runs["fr"][1][1] == "A participant said that water shortages are getting worse every year."
    assert runs["fr"][2][1].strip() == "Les prix de l'eau augmentent fortement dans les villes."


def test_half_a_mixed_block_translated_still_counts_it_pending(tmp_path):
    paths = exported(tmp_path, MIXED)
    back = scripted_translation(paths[(Lang.EN, Lang.FR)], tmp_path / "back.xlf", rewrite=MIXED_WORDS.get)
    out, _ = bilingual_with([back], MIXED)
    block = out["notes:4"]
    assert block.pending and [r.block_id for r in block.awaiting] == ["notes:4.2"]
    assert block.fr.startswith("Une personne participante indique")
    assert not block.runs_fr[0].pending and block.runs_en[1].pending


def _roster_csv(tmp_path: Path) -> Path:
    roster = tmp_path / "roster.csv"
    roster.write_text("name,affiliation\nAmina Okafor,Fictional Water Institute\n", encoding="utf-8")
    return roster


def test_check_finds_a_name_a_translator_added_to_a_target(tmp_path):
    from click.testing import CliRunner

    from chatham_notes.cli import cli

    back = scripted_translation(exported(tmp_path)[(Lang.EN, Lang.FR)], tmp_path / "back.xlf")
    bad = _edit_target(back, tmp_path / "bad.xlf", "notes:2", "Amina Okafor pense que le financement manque.")
    result = CliRunner().invoke(cli, ["check", str(bad), "--roster", str(_roster_csv(tmp_path))])
    assert result.exit_code == 1
    assert "xliff, file 1, trans-unit 2, target: person" in result.output
    assert "Amina" not in result.output and "Okafor" not in result.output
    [leak] = leak_check_path(bad)
    assert leak.text == "Amina Okafor"


def leak_check_path(path: Path):
    from chatham_notes.verify import leak_check

    return leak_check(path, NEEDLES)


def test_check_passes_the_export_and_the_clean_returned_file(tmp_path):
    from click.testing import CliRunner

    from chatham_notes.cli import cli

    roster = _roster_csv(tmp_path)
    paths = exported(tmp_path)
    back = scripted_translation(paths[(Lang.EN, Lang.FR)], tmp_path / "back.xlf")
    for path in (*paths.values(), back):
        result = CliRunner().invoke(cli, ["check", str(path), "--roster", str(roster)])
        assert result.exit_code == 0 and "clean, no leak found" in result.output, result.output


@pytest.mark.parametrize("planted, where", [
    ('<!-- from Amina Okafor -->', "comment"),
    ('<note from="Amina Okafor">thanks</note>', "attribute from"),  # who wrote a note: free text
    ('<note>asked by the Fictional Water Institute</note>', "note"),
])
def test_check_reads_every_note_comment_and_attribute_of_an_xliff_file(tmp_path, planted, where):
    text = exported(tmp_path)[(Lang.EN, Lang.FR)].read_text(encoding="utf-8")
    path = tmp_path / "planted.xlf"
    path.write_text(text.replace("</trans-unit>", planted + "</trans-unit>", 1), encoding="utf-8")
    leaks = leak_check_path(path)
    assert leaks and all("trans-unit 1" in leak.location and where in leak.location for leak in leaks)


def test_check_refuses_an_xliff_file_with_a_dtd_in_one_line(tmp_path):
    from click.testing import CliRunner

    from chatham_notes.cli import cli

    bomb = tmp_path / "bomb.xlf"
    bomb.write_text('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><xliff version="1.2">&a;</xliff>',
                    encoding="utf-8")
    broken = tmp_path / "broken.xlf"
    broken.write_text("<xliff><Okafor></xliff>", encoding="utf-8")
    for path in (bomb, broken):
        result = CliRunner().invoke(cli, ["check", str(path), "--roster", str(_roster_csv(tmp_path))])
        assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1, result.output
        assert "Traceback" not in result.output and "Okafor" not in result.output


def test_an_export_that_cannot_be_written_whole_leaves_no_file(tmp_path):
    from chatham_notes.errors import OutputError
    from chatham_notes.pipeline import _write_exports

    first = tmp_path / "s.en-fr.xlf"
    with pytest.raises(OutputError):
        _write_exports([(first, b"<xliff/>"), (tmp_path / "missing" / "s.fr-en.xlf", b"<xliff/>")])
    assert list(tmp_path.iterdir()) == []


def test_document_names_are_unique_and_stable(tmp_path):
    from chatham_notes.model import Metadata, NoteDocument
    from chatham_notes.pipeline import document_names

    def doc(path: Path) -> NoteDocument:
        return NoteDocument(str(path), Metadata(), ())

    a, b, other = tmp_path / "2024" / "day1" / "notes.md", tmp_path / "2024" / "day2" / "notes.md", tmp_path / "x.md"
    assert document_names([doc(other)]) == ["x.md"]  # a name no other note has stays the file's name
    assert document_names([doc(a), doc(other), doc(b)]) == ["day1/notes.md", "x.md", "day2/notes.md"]
    assert document_names([doc(b), doc(a)]) == ["day2/notes.md", "day1/notes.md"]  # by folder, not by order
    assert document_names([doc(a), doc(a)]) == ["notes.md", "notes.md#2"]


def test_memory_fills_the_sentences_of_a_mixed_block(tmp_path):
    paths = exported(tmp_path, MIXED)
    back = [scripted_translation(p, tmp_path / f"back-{i}.xlf", rewrite=MIXED_WORDS.get) for i, p in enumerate(paths.values())]
    from dataclasses import replace

    later = [replace(MIXED[0], block=replace(MIXED[0].block, id="minutes:9"))]  # another id, the same sentences
    out, _ = bilingual_with([], later, memory=back)
    block = out["minutes:9"]
    assert not block.pending and block.translated_by == "memory"
    assert block.fr.startswith("Une personne participante indique que les pénuries")
    assert block.en.endswith("Water prices are rising sharply in cities.")
