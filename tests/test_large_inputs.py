"""Issue 7, size: a 5 MB text note and a 300-page .docx go through the whole pipeline.

The inputs come from the benchmark's generator (bench/corpus.py, seeded) with its
60-participant fictional roster, and are generated once for the module. Each summary is
written, passes the leak check, and loses nothing. Speed and memory are the benchmark's
business (`bench/run.py --large`), not the tests': nothing here is timed.
Both inputs together take a few minutes.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from chatham_notes import pipeline
from chatham_notes.errors import LeakError
from chatham_notes.model import BlockKind

ROOT = Path(__file__).resolve().parent.parent
SEED = 8
TEXT_WORDS = 850_000  # ~5.4 MB of UTF-8 Markdown
DOCX_PAGES = 300

pytestmark = pytest.mark.slow


def _corpus_module():
    if "bench_corpus" in sys.modules:
        return sys.modules["bench_corpus"]
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "bench" / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_corpus"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus():
    return _corpus_module()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory, corpus):
    folder = tmp_path_factory.mktemp("large-inputs")
    roster = corpus.write_roster(folder / "roster.csv")
    note, _ = corpus.write_corpus(folder, TEXT_WORDS, SEED)
    document, _ = corpus.write_docx(folder / "notes-300-pages.docx", DOCX_PAGES * corpus.WORDS_PER_PAGE, SEED)
    return {"md": note, "docx": document, "roster": roster, "out": folder}


class Summaries:
    """One summary per input, computed on first use; a refused summary (a leak) is kept as the error."""

    def __init__(self, inputs: dict) -> None:
        self.inputs = inputs
        self.results: dict = {}

    def __getitem__(self, kind: str):
        if kind not in self.results:
            try:
                self.results[kind] = pipeline.summarise(
                    [self.inputs[kind]], self.inputs["out"] / f"summary-{kind}.docx", roster=self.inputs["roster"])
            except LeakError as error:
                self.results[kind] = error
        return self.results[kind]


@pytest.fixture(scope="module")
def summaries(inputs):
    return Summaries(inputs)


def _summary(summaries, kind: str):
    result = summaries[kind]
    if isinstance(result, LeakError):
        # The people are fictional: show what leaked and where, so the failure can be fixed.
        listed = "; ".join(f"{leak.kind.value} {leak.text!r} in {leak.part} {leak.location}: {leak.context!r}"
                           for leak in result.leaks[:20])
        pytest.fail(f"{kind}: the summary was refused: {len(result.leaks)} leak(s): {listed}")
    return result


def test_large_inputs_have_the_sizes_of_issue_7(inputs, corpus):
    assert inputs["md"].stat().st_size >= 5 * 1000 * 1000
    text = inputs["md"].read_text(encoding="utf-8")
    assert corpus.count_words(text) == TEXT_WORDS

    import docx

    document = docx.Document(inputs["docx"])
    words = sum(corpus.count_words(p.text) for p in document.paragraphs)
    words += sum(corpus.count_words(c.text) for t in document.tables for r in t.rows for c in r.cells)
    pages = words / corpus.WORDS_PER_PAGE  # approximate: no layout engine needed
    assert 0.9 * DOCX_PAGES <= pages <= 1.1 * DOCX_PAGES
    assert document.tables and document.sections[0].footer.paragraphs[0].text
    styles = {p.style.name for p in document.paragraphs}
    assert {"Heading 2", "List Bullet", "Normal"} <= styles


@pytest.mark.parametrize("kind", ["md", "docx"])
def test_large_input_summary_is_written_and_leak_free(summaries, kind):
    result = _summary(summaries, kind)
    assert result.leaks == ()
    assert result.output is not None and result.output.is_file() and result.output.stat().st_size > 0


@pytest.mark.parametrize("kind", ["md", "docx"])
def test_large_input_nothing_lost(summaries, kind):
    """Every input block is in the generalised output, or removed with its reason."""
    result = _summary(summaries, kind)
    (document,) = result.analysis.documents
    (generalised,) = result.analysis.generalised
    assert len(document.blocks) > 1000
    assert [g.block.id for g in generalised] == [b.id for b in document.blocks]
    for g in generalised:
        if g.removed_reason:
            continue
        assert g.segments or g.label or not g.block.text.strip() or g.block.kind is BlockKind.HEADING, \
            f"{g.block.location}: kept with nothing in it"
    removed = [g for g in generalised if g.removed_reason]
    assert all(isinstance(g.removed_reason, str) and g.removed_reason.strip() for g in removed)


def test_large_docx_footer_and_table_are_read(summaries):
    result = _summary(summaries, "docx")
    (document,) = result.analysis.documents
    assert any(b.location.part == "footer" for b in document.blocks)
    assert any(b.kind is BlockKind.TABLE_CELL for b in document.blocks)
