"""The whole pipeline, end to end, on the bundled samples (real spaCy pipelines)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from chatham_notes import pipeline
from chatham_notes.cli import DEMO_NOTES, cli
from chatham_notes.errors import LeakError
from chatham_notes.model import BlockKind
from chatham_notes.pipeline import Options
from chatham_notes.roster import read_roster
from chatham_notes.verify import leak_check, needles_for

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
ROSTER = SAMPLES / "roster.csv"
NOTE_SAMPLES = [name for name in DEMO_NOTES if (SAMPLES / name).exists()]


@pytest.fixture(scope="module")
def roster():
    return read_roster(ROSTER)


class Summaries:
    """One summary per sample, with the roster, each computed once for the module.

    A sample whose summary is refused (a leak) fails its own tests only.
    """

    def __init__(self, out: Path) -> None:
        self.out = out
        self.results: dict = {}

    def __getitem__(self, name: str):
        if name not in self.results:
            try:
                self.results[name] = pipeline.summarise(
                    [SAMPLES / name], self.out / f"{Path(name).stem}.docx", roster=ROSTER,
                    options=Options(translator="pairs"),
                )
            except LeakError as error:
                self.results[name] = error
        result = self.results[name]
        if isinstance(result, LeakError):
            pytest.fail(f"{name}: the summary was refused: {len(result.leaks)} leak(s) at "
                        + ", ".join(sorted({f"{leak.part} {leak.location}" for leak in result.leaks})))
        return result


@pytest.fixture(scope="module")
def summaries(tmp_path_factory):
    return Summaries(tmp_path_factory.mktemp("summaries"))


def test_pipeline_samples_are_bundled():
    assert len(NOTE_SAMPLES) >= 6


@pytest.mark.parametrize("name", NOTE_SAMPLES)
def test_pipeline_sample_summary_opens_and_has_no_roster_name(summaries, roster, name):
    result = summaries[name]
    assert result.output is not None and result.output.exists()
    document = docx.Document(result.output)
    assert document.paragraphs or document.tables
    assert leak_check(result.output, needles_for(roster, ())) == []


@pytest.mark.parametrize("name", NOTE_SAMPLES)
def test_pipeline_sample_no_removed_string_survives(summaries, roster, name):
    result = summaries[name]
    assert leak_check(result.output, needles_for(roster, result.analysis.detections)) == []


@pytest.mark.parametrize("name", NOTE_SAMPLES)
def test_pipeline_nothing_lost(summaries, name):
    """Every input block is in the summary, or removed with a reason."""
    result = summaries[name]
    (document,) = result.analysis.documents
    (generalised,) = result.analysis.generalised
    assert [g.block.id for g in generalised] == [b.id for b in document.blocks]
    kept = [g for g in generalised if not g.removed_reason]
    removed = [g for g in generalised if g.removed_reason]
    assert len(kept) + len(removed) == len(document.blocks)
    text = "\n".join(p.text for p in docx.Document(result.output).paragraphs)
    text += "\n".join(c.text for t in docx.Document(result.output).tables for r in t.rows for c in r.cells)
    for g in kept:
        if g.block.kind is BlockKind.HEADING or not g.segments:
            continue
        # the first plain word of every kept block appears in the summary
        words = [w for seg in g.segments if isinstance(seg, str) for w in seg.split() if w.isalpha() and len(w) > 3]
        if words:
            assert words[0] in text, f"{g.block.location}: {words[0]!r} missing from the summary"


def test_pipeline_same_input_gives_identical_bytes(tmp_path):
    note = SAMPLES / NOTE_SAMPLES[0]
    first = pipeline.summarise([note], tmp_path / "a.docx", roster=ROSTER).output.read_bytes()
    second = pipeline.summarise([note], tmp_path / "b.docx", roster=ROSTER).output.read_bytes()
    assert first == second


def test_pipeline_several_files_make_one_summary(tmp_path):
    notes = [SAMPLES / n for n in NOTE_SAMPLES[:2]]
    result = pipeline.summarise(notes, tmp_path / "s.docx", roster=ROSTER)
    assert len(result.analysis.documents) == 2
    with zipfile.ZipFile(result.output) as package:
        assert "word/document.xml" in package.namelist()


def _plant_in_render(monkeypatch, sentence: str) -> None:
    """Make the renderer let `sentence` through, as a bug or a hand edit would."""
    from chatham_notes import render

    real = render.render_docx

    def leaky(summary, path, layout="side-by-side"):
        real(summary, path, layout)
        document = docx.Document(path)
        document.add_paragraph(sentence)
        document.save(path)

    monkeypatch.setattr(render, "render_docx", leaky)


def test_pipeline_planted_leak_is_never_written(tmp_path, monkeypatch, roster):
    """Fail closed: a renderer that lets a name through gets no file under the requested name."""
    _plant_in_render(monkeypatch, f"Thanks to {roster.participants[0].name}.")
    target = tmp_path / "s.docx"
    with pytest.raises(LeakError):
        pipeline.summarise([SAMPLES / NOTE_SAMPLES[0]], target, roster=ROSTER, report_json=tmp_path / "r.json")
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]  # the report lists the leak; no temp file left
    assert '"leaks"' in (tmp_path / "r.json").read_text(encoding="utf-8")


def test_pipeline_refusal_is_one_line_with_counts_a_report_beside_it_and_the_way_out(tmp_path, monkeypatch, roster):
    """With no report asked for, a refused summary still gets its leaks listed beside it."""
    _plant_in_render(monkeypatch, f"Thanks to {roster.participants[0].name} and {roster.participants[1].name}.")
    result = CliRunner().invoke(cli, ["summarise", str(SAMPLES / NOTE_SAMPLES[0]), "--roster", str(ROSTER),
                                      "-o", str(tmp_path / "s.docx")])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    assert "2 leak(s)" in lines[0] and "(2 person)" in lines[0] and "--decisions" in lines[0]
    assert "s-report.html" in lines[0] and (tmp_path / "s-report.html").is_file()
    assert not (tmp_path / "s.docx").exists()
    assert (tmp_path / "s-report.html").stat().st_mode & 0o077 == 0
    for participant in roster.participants:
        assert participant.name not in result.output


def test_pipeline_cli_never_prints_a_roster_name(tmp_path, roster):
    runner = CliRunner()
    result = runner.invoke(cli, ["summarise", str(SAMPLES / NOTE_SAMPLES[0]), "--roster", str(ROSTER),
                                 "-o", str(tmp_path / "s.docx"), "--report", str(tmp_path / "r.html")])
    assert result.exit_code == 0, result.output
    redacted = runner.invoke(cli, ["redact", str(SAMPLES / NOTE_SAMPLES[0]), "--roster", str(ROSTER)])
    as_json = runner.invoke(cli, ["redact", str(SAMPLES / NOTE_SAMPLES[0]), "--roster", str(ROSTER),
                                  "--format", "json"])
    for output in (result.output, redacted.output, as_json.output):
        for participant in roster.participants:
            assert participant.name not in output
            for word in participant.name.split():
                if len(word) > 3:
                    assert word not in output, f"{word!r} printed"


def test_pipeline_report_is_owner_only(tmp_path):
    pipeline.summarise([SAMPLES / NOTE_SAMPLES[0]], tmp_path / "s.docx", roster=ROSTER,
                       report_html=tmp_path / "r.html", report_json=tmp_path / "r.json")
    for name in ("r.html", "r.json"):
        assert (tmp_path / name).stat().st_mode & 0o077 == 0


def test_pipeline_demo_writes_summary_and_report(tmp_path):
    result = CliRunner().invoke(cli, ["--quiet", "demo", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "summary.docx").exists()
    assert (tmp_path / "report.html").exists()
    last = result.output.strip().splitlines()[-1]
    assert last.endswith(" block(s) translated, 0 block(s) await translation."), last
    # the mixed notes' blocks: every sentence of the French column is French, marked French
    import docx
    from docx.oxml.ns import qn

    french = [run for table in docx.Document(str(tmp_path / "summary.docx")).tables for row in table.rows
              if len(row.cells) == 2 for paragraph in row.cells[1].paragraphs for run in paragraph.runs]
    text = "".join(run.text for run in french)
    for english in ("The new report links drug markets", "In Bolivia the model is harder", "Harm reduction first",
                    "Welcome everyone", "the chat also raised", "compare the two case studies et"):
        assert english not in text
    assert "Les données manquent encore pour l'Afrique de l'Ouest" in text and "En Bolivie, le modèle" in text
    assert {run._r.find(f"{qn('w:rPr')}/{qn('w:lang')}").get(qn("w:val")) for run in french if run.text.strip()} == {"fr-FR"}


def test_an_english_note_never_imports_french_spacy(tmp_path) -> None:
    """French spaCy compiles its tokenizer exceptions on import (seconds): an English note must
    not pay for it (a stop-word list once imported it through `spacy.lang.fr`)."""
    import subprocess
    import sys

    note = tmp_path / "note.md"
    note.write_text("Amina Diallo (UNODC) said that prices rose in Dakar. The UNODC funds two clinics.\n",
                    encoding="utf-8")
    code = ("import sys; from chatham_notes import pipeline; from chatham_notes.model import Roster; "
            f"pipeline.analyse(pipeline.read_documents([{str(note)!r}]), Roster(), pipeline.Options()); "
            "print('spacy.lang.fr' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
