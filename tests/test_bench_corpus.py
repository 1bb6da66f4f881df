"""The benchmark's corpus generator (bench/corpus.py): size, languages, roster names, determinism."""

from __future__ import annotations

import csv
import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def corpus():
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "bench" / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_corpus"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("words", [500, 2000, 5000])
def test_bench_corpus_exact_word_count(corpus, words):
    notes = corpus.generate(words, seed=1)
    assert notes.words == words
    assert corpus.count_words(notes.text) == words


def test_bench_corpus_both_languages_and_mixed(corpus):
    notes = corpus.generate(3000, seed=2)
    langs = {lang for _, lang in notes.blocks}
    assert {"en", "fr", "mixed"} <= langs
    assert " said that " in notes.text or " noted that " in notes.text
    assert "Selon " in notes.text or " a souligné que " in notes.text


def test_bench_corpus_holds_roster_names(corpus):
    notes = corpus.generate(4000, seed=3)
    names = [row["name"] for row in corpus.make_roster()]
    present = [name for name in names if name in notes.text]
    assert len(present) >= 30
    assert "@" in notes.text  # contacts
    assert "## " in notes.text  # headings


def test_bench_corpus_deterministic_for_a_seed(corpus):
    assert corpus.generate(2000, seed=4).text == corpus.generate(2000, seed=4).text
    assert corpus.generate(2000, seed=4).text != corpus.generate(2000, seed=5).text


def test_bench_corpus_roster_csv(corpus, tmp_path):
    path = corpus.write_roster(tmp_path / "roster.csv")
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 60
    assert list(rows[0]) == ["name", "aliases", "affiliation", "affiliation_aliases", "category", "role"]
    categories = {row["category"] for row in rows}
    assert categories == {"international organisation", "civil society", "academia", "private sector",
                          "government", "foundation"}
    assert len({row["name"] for row in rows}) == 60
