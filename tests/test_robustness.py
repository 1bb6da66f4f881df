"""Hostile and broken input through the CLI: one line, exit 2, nothing written, nothing left behind."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from chatham_notes import pipeline
from chatham_notes.cli import TerminalProgress, cli

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", b"<" + b" " * 300_000_000 + b">")
    return buffer.getvalue()


BAD_NOTES = {
    "empty.md": b"",
    "blank.txt": b" \n\t \n",
    "binary.txt": bytes(range(256)) * 8,
    "notes.pdf": b"%PDF-1.4 ...",
    "truncated.docx": b"PK\x03\x04\x14\x00\x00\x00\x08\x00",
    "macro.docm": b"PK\x03\x04",
    "old.doc": bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 600,
    "bomb.docx": None,  # built lazily: 300 MB of spaces compress to a few hundred KB
}


@pytest.fixture
def run(tmp_path):
    runner = CliRunner()

    def invoke(*args):
        result = runner.invoke(cli, list(args))
        leftovers = [p.name for p in tmp_path.rglob("*") if p.name.startswith(".") and p.suffix == ".part"]
        assert not leftovers, f"temporary files left behind: {leftovers}"
        return result

    return invoke


def assert_one_line_error(result, path: Path, code: int = 2) -> None:
    assert result.exit_code == code, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith("Error: ")
    assert path.name in lines[0]
    assert "Traceback" not in result.output


@pytest.mark.parametrize("name", sorted(BAD_NOTES))
def test_robustness_bad_notes_exit_2_and_write_nothing(run, tmp_path, name):
    path = tmp_path / name
    path.write_bytes(BAD_NOTES[name] if BAD_NOTES[name] is not None else _zip_bomb())
    output = tmp_path / "summary.docx"
    result = run("summarise", str(path), "-o", str(output), "--report", str(tmp_path / "r.html"))
    assert_one_line_error(result, path)
    assert not output.exists() and not (tmp_path / "r.html").exists()


def test_robustness_missing_file_and_directory(run, tmp_path):
    assert_one_line_error(run("redact", str(tmp_path / "nope.md")), tmp_path / "nope.md")
    folder = tmp_path / "folder.md"
    folder.mkdir()
    assert_one_line_error(run("redact", str(folder)), folder)


@pytest.mark.parametrize(("content", "problem"), [
    ("name,category\nAmina Ba,spaceship\n", "category"),
    ("nom_complet,affiliation\nAmina Ba,UNODC\n", "name"),
    ("name\nAmina Ba\nAmina Ba\n", "repeats the name"),
])
def test_robustness_malformed_roster(run, tmp_path, content, problem):
    roster = tmp_path / "roster.csv"
    roster.write_text(content, encoding="utf-8")
    result = run("summarise", str(SAMPLES / "mixed-notes.txt"), "--roster", str(roster), "-o", str(tmp_path / "s.docx"))
    assert_one_line_error(result, roster)
    assert problem in result.output
    assert "Amina" not in result.output  # roster errors name lines, never people
    assert not (tmp_path / "s.docx").exists()


@pytest.mark.parametrize("content", ["keep: [unclosed", "remove:\n  - {colour: red}\n", "just a string"])
def test_robustness_malformed_decisions(run, tmp_path, content):
    decisions = tmp_path / "decisions.yaml"
    decisions.write_text(content, encoding="utf-8")
    result = run("redact", str(SAMPLES / "mixed-notes.txt"), "--decisions", str(decisions))
    assert_one_line_error(result, decisions)


def test_robustness_malformed_front_matter(run, tmp_path):
    note = tmp_path / "note.md"
    note.write_text("---\ntitle: [unclosed\n---\nSome text here.\n", encoding="utf-8")
    assert_one_line_error(run("redact", str(note)), note)


def test_robustness_output_folder_missing(run, tmp_path):
    target = tmp_path / "no" / "such" / "summary.docx"
    result = run("summarise", str(SAMPLES / "mixed-notes.txt"), "-o", str(target))
    assert_one_line_error(result, target)


def test_robustness_interrupt_leaves_no_file(tmp_path, monkeypatch):
    """Ctrl-C while rendering: no output, no temporary file."""
    from chatham_notes import render

    def interrupted(summary, path, layout="side-by-side"):
        Path(path).write_bytes(b"half a document")
        raise KeyboardInterrupt

    monkeypatch.setattr(render, "render_docx", interrupted)
    target = tmp_path / "summary.docx"
    result = CliRunner().invoke(cli, ["summarise", str(SAMPLES / "mixed-notes.txt"), "-o", str(target)])
    assert result.exit_code == 130
    assert "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []


def test_robustness_progress_only_on_a_terminal(capsys):
    progress = TerminalProgress(enabled=True)  # stderr is captured by pytest: not a terminal
    progress("detect", 1, 2)
    assert capsys.readouterr().err == ""


def test_robustness_long_block_is_split_for_spacy(tmp_path):
    """A note far longer than one spaCy chunk is processed whole (no max_length error)."""
    from chatham_notes.detect import ner

    sentence = "Amina Kebe said that harm reduction works in Senegal. "
    note = tmp_path / "long.txt"
    note.write_text(sentence * (ner.CHUNK // len(sentence) * 2 + 10), encoding="utf-8")
    _, blocks = pipeline.redact(note)
    assert "Amina" not in blocks[0].text and "Kebe" not in blocks[0].text
    assert blocks[0].text.count("Senegal") == note.read_text(encoding="utf-8").count("Senegal")


def test_robustness_output_folder_not_writable(run, tmp_path, monkeypatch):
    """A folder the user may not write to (simulated: the tests run as root, who may write anywhere)."""
    import os

    real_access = os.access
    locked = tmp_path / "locked"
    locked.mkdir()
    monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == locked and mode == os.W_OK
                        else real_access(p, mode))
    target = locked / "summary.docx"
    result = run("summarise", str(SAMPLES / "mixed-notes.txt"), "-o", str(target))
    assert_one_line_error(result, target)
    assert "not writable" in result.output and not target.exists()


def test_robustness_progress_shows_on_a_terminal_unless_quiet(capsys, monkeypatch):
    import sys

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    TerminalProgress(enabled=True)("detect", 1, 2)
    shown = capsys.readouterr().err
    assert "detect" in shown and "1/2" in shown
    TerminalProgress(enabled=False)("detect", 1, 2)  # --quiet
    assert capsys.readouterr().err == ""


def test_robustness_failed_render_leaves_no_report_claiming_a_verdict(run, tmp_path, monkeypatch):
    """Regression: a crash while rendering used to still write a report saying "clean"."""
    from chatham_notes import render

    def broken(summary, path, layout="side-by-side"):
        raise RuntimeError("renderer bug")

    monkeypatch.setattr(render, "render_docx", broken)
    result = run("summarise", str(SAMPLES / "mixed-notes.txt"), "-o", str(tmp_path / "s.docx"),
                 "--report-json", str(tmp_path / "r.json"))
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []


def test_robustness_redact_report_records_the_settings_used(run, tmp_path):
    """Regression: `redact --pseudonyms --report-json` recorded pseudonyms as off."""
    import json

    report = tmp_path / "r.json"
    result = run("redact", str(SAMPLES / "mixed-notes.txt"), "--pseudonyms", "--level", "sector", "--k", "2",
                 "--report-json", str(report))
    assert result.exit_code == 0, result.output
    settings = json.loads(report.read_text(encoding="utf-8"))["settings"]
    assert settings["pseudonyms"] is True and settings["level"] == "sector" and settings["k"] == 2
