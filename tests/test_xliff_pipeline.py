"""The XLIFF round trip through `summarise` and the CLI, on the bundled samples (real spaCy pipelines)."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import docx
import pytest
import xmlschema
from click.testing import CliRunner
from docx.oxml.ns import qn

from chatham_notes import pipeline
from chatham_notes.cli import cli
from chatham_notes.errors import LeakError
from chatham_notes.roster import read_roster
from chatham_notes.verify import leak_check_text, needles_for
from test_xliff import SCHEMA, _edit_target, scripted_translation

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
ROSTER = SAMPLES / "roster.csv"
NOTES = [SAMPLES / "en-session-bullets.md", SAMPLES / "fr-compte-rendu.md"]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def export(tmp_path_factory):
    out = tmp_path_factory.mktemp("export")
    result = pipeline.summarise(NOTES, out / "summary.docx", roster=ROSTER, xliff_out=out / "summary.xlf")
    return out, result


def test_export_writes_one_valid_owner_only_file_per_direction(export):
    out, result = export
    assert [p.name for p in result.xliff] == ["summary.en-fr.xlf", "summary.fr-en.xlf"]
    schema = xmlschema.XMLSchema(str(SCHEMA))
    for path in result.xliff:
        schema.validate(str(path))
        assert path.stat().st_mode & 0o077 == 0
    assert not list(out.glob(".*.part"))
    units = sum(p.read_text(encoding="utf-8").count("<trans-unit ") for p in result.xliff)
    assert units == result.pending_translation > 0


def test_no_name_reaches_the_exported_file(export):
    _, result = export
    roster = read_roster(ROSTER)
    needles = needles_for(roster, result.analysis.detections)
    for path in result.xliff:
        text = path.read_text(encoding="utf-8")
        assert leak_check_text(text, needles) == []
        for participant in roster.participants:
            assert participant.name not in text
            assert not participant.affiliation or participant.affiliation not in text


def _french_runs(path: Path) -> list[tuple[str, str]]:
    """(text, w:lang) of every run of the second (Français) column."""
    runs = []
    for table in docx.Document(str(path)).tables:
        for row in table.rows:
            if len(row.cells) == 2:
                for paragraph in row.cells[1].paragraphs:
                    for run in paragraph.runs:
                        lang = run._r.find(f"{qn('w:rPr')}/{qn('w:lang')}")
                        runs.append((run.text, lang.get(qn("w:val")) if lang is not None else ""))
    return runs


def test_round_trip_leaves_no_block_awaiting_translation(export, tmp_path):
    _, result = export
    back = [scripted_translation(p, tmp_path / f"back-{p.name}") for p in result.xliff]
    final = pipeline.summarise(NOTES, tmp_path / "final.docx", roster=ROSTER, translations=back,
                               report_json=tmp_path / "r.json")
    assert final.pending_translation == 0 and final.rejections == ()
    assert final.translated >= result.pending_translation
    body = zipfile.ZipFile(tmp_path / "final.docx").read("word/document.xml").decode("utf-8")
    assert "Traduction à venir" not in body
    runs = _french_runs(tmp_path / "final.docx")
    rewritten = [(text, lang) for text, lang in runs if re.search(r"\btr\w{3,}", text)]
    assert rewritten and all(lang == "fr-FR" for _, lang in rewritten)
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert any(note.startswith(f"Translation: {final.translated} block(s) translated") for note in report["notes"])


def test_bad_translations_are_reported_and_never_reach_the_summary(export, tmp_path):
    _, result = export
    en_fr = scripted_translation(result.xliff[0], tmp_path / "back.xlf")
    deleted = _edit_target(en_fr, tmp_path / "deleted.xlf", "en-session-bullets:4", "BADCODE a ouvert la séance.")
    named = _edit_target(deleted, tmp_path / "named.xlf", "en-session-bullets:6", "Selon Amélie Marchand, BADNAME.")
    broken = tmp_path / "broken.xlf"
    broken.write_text("<xliff version='1.2'><file", encoding="utf-8")
    final = pipeline.summarise(NOTES, tmp_path / "final.docx", roster=ROSTER, translations=[named, broken],
                               report_json=tmp_path / "r.json")
    body = zipfile.ZipFile(tmp_path / "final.docx").read("word/document.xml").decode("utf-8")
    assert "BADCODE" not in body and "BADNAME" not in body
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    rejected = {item["title"]: item["detail"] for item in report["needs_review"]
                if item["category"] == "translation rejected"}
    assert "code 1 deleted" in rejected["en-session-bullets:4"]
    assert "names someone" in rejected["en-session-bullets:6"] and "Marchand" not in rejected["en-session-bullets:6"]
    assert "not well-formed" in rejected["broken.xlf"]
    assert final.pending_translation == 2 + _units(result.xliff[1])  # two refused, fr->en not given


def _units(path: Path) -> int:
    return path.read_text(encoding="utf-8").count("<trans-unit ")


def test_a_name_in_the_export_stops_everything(tmp_path, monkeypatch):
    from chatham_notes import xliff

    real = xliff.xliff_bytes
    monkeypatch.setattr(xliff, "xliff_bytes", lambda *a: real(*a).replace(b"Presentations", b"Karim Benali presents"))
    for stale in ("s.en-fr.xlf", "s.fr-en.xlf"):  # an earlier run's exports: a user could take them for this run's
        (tmp_path / stale).write_text("<xliff/>", encoding="utf-8")
    with pytest.raises(LeakError, match="XLIFF export"):
        pipeline.summarise(NOTES[:1], tmp_path / "s.docx", roster=ROSTER, xliff_out=tmp_path / "s.xlf")
    assert [p.name for p in tmp_path.iterdir()] == ["s-report.html"]  # only the confidential list of the leaks


def test_a_failed_run_leaves_no_earlier_export(tmp_path, monkeypatch):
    import chatham_notes.render as render

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(render, "render_docx", broken)
    (tmp_path / "s.en-fr.xlf").write_text("<xliff/>", encoding="utf-8")
    with pytest.raises(RuntimeError):
        pipeline.summarise(NOTES[:1], tmp_path / "s.docx", roster=ROSTER, xliff_out=tmp_path / "s.xlf")
    assert list(tmp_path.iterdir()) == []


def test_a_direction_with_nothing_to_export_has_no_file_after_the_run(tmp_path):
    stale = tmp_path / "s.fr-en.xlf"
    stale.write_text("<xliff/>", encoding="utf-8")  # from a run on French notes
    args = ["--quiet", "summarise", str(NOTES[0]), "--roster", str(ROSTER), "-o", str(tmp_path / "s.docx"),
            "--xliff-out", str(tmp_path / "s.xlf")]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert not stale.exists() and (tmp_path / "s.en-fr.xlf").exists()
    assert f"Removed {stale}: an earlier run's export" in result.output


def test_the_export_may_not_replace_a_translations_file(tmp_path):
    args = ["--quiet", "summarise", str(NOTES[0]), "--roster", str(ROSTER), "-o", str(tmp_path / "s.docx"),
            "--xliff-out", str(tmp_path / "s.xlf")]
    assert CliRunner().invoke(cli, args).exit_code == 0
    returned = scripted_translation(tmp_path / "s.en-fr.xlf", tmp_path / "s.en-fr.xlf")  # saved over the export
    before = returned.read_bytes()
    result = CliRunner().invoke(cli, args + ["--translations", str(returned)])
    assert result.exit_code == 2 and "is also a --translations or --memory file" in result.output
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output
    assert returned.read_bytes() == before


def test_cli_writes_the_xliff_and_its_last_line_counts_blocks(tmp_path):
    args = ["--quiet", "summarise", str(NOTES[0]), "--roster", str(ROSTER), "-o", str(tmp_path / "s.docx"),
            "--xliff-out", str(tmp_path / "s.xlf")]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert any("s.en-fr.xlf (XLIFF 1.2" in line for line in lines)
    assert re.fullmatch(r"0 block\(s\) translated, \d+ block\(s\) await translation\.", lines[-1])
    back = scripted_translation(tmp_path / "s.en-fr.xlf", tmp_path / "back.xlf")
    again = CliRunner().invoke(cli, args[:-2] + ["--translations", str(back)])
    assert again.exit_code == 0, again.output
    assert again.output.strip().splitlines()[-1].endswith(" block(s) translated, 0 block(s) await translation.")


def test_cli_lists_each_translation_not_used_without_its_text(tmp_path):
    args = ["--quiet", "summarise", str(NOTES[0]), "--roster", str(ROSTER), "-o", str(tmp_path / "s.docx")]
    assert CliRunner().invoke(cli, args + ["--xliff-out", str(tmp_path / "s.xlf")]).exit_code == 0
    back = scripted_translation(tmp_path / "s.en-fr.xlf", tmp_path / "back.xlf")
    named = _edit_target(back, tmp_path / "named.xlf", "en-session-bullets:6", "Selon Priya Raman, rien.")
    result = CliRunner().invoke(cli, args + ["--translations", str(named)])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert "Translation not used: named.xlf: unit en-session-bullets:6: the translation names someone (person)" \
        in "\n".join(lines)
    assert "Priya" not in result.output and "Raman" not in result.output
    assert lines[-1].endswith(" block(s) translated, 1 block(s) await translation, 1 translation(s) rejected.")


def test_two_notes_of_the_same_name_get_their_own_file_original(tmp_path):
    from chatham_notes.xliff import read_xliff

    for day, text in (("day1", "Water prices rose sharply in the capital last year."),
                      ("day2", "Funding for rural wells remains the main gap.")):
        (tmp_path / day).mkdir()
        (tmp_path / day / "notes.md").write_text(f"# Session\n\n{text}\n", encoding="utf-8")
    notes = [tmp_path / "day1" / "notes.md", tmp_path / "day2" / "notes.md"]
    out = tmp_path / "out"
    out.mkdir()
    result = pipeline.summarise(notes, out / "s.docx", xliff_out=out / "s.xlf")
    [path] = result.xliff
    units = read_xliff(path)
    assert sorted({u.document for u in units}) == ["day1/notes.md", "day2/notes.md"]
    assert len({(u.document, u.id) for u in units}) == len(units) == result.pending_translation
    back = scripted_translation(path, tmp_path / "back.xlf")
    final = pipeline.summarise(notes, out / "final.docx", translations=[back])
    assert final.pending_translation == 0 and final.rejections == ()
    body = zipfile.ZipFile(out / "final.docx").read("word/document.xml").decode("utf-8")
    assert "trsecirp" in body and "trgnidnuF" in body  # each note's own translation ("prices", "Funding" rewritten)
