"""The expected-outputs script (bench/expected_outputs.py) on a tiny set written here."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def expected():
    spec = importlib.util.spec_from_file_location("bench_expected", ROOT / "bench" / "expected_outputs.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_expected"] = module
    spec.loader.exec_module(module)
    return module


def test_entity_keys_are_stripped(expected):
    marked = "[[TN|person@nasser]] ([[UNICEF|affiliation@unicef]]): asked [[Bea|person@almeida-2]]."
    assert expected.strip_keys(marked) == "[[TN|person]] ([[UNICEF|affiliation]]): asked [[Bea|person]]."


def test_compare_lists_every_differing_line(expected):
    result = expected.compare("n", ["Intervention 1 : oui.", "same", "[removed]"],
                              ["Intervention 1\u00a0: oui.", "same", "kept"])
    assert (result.same, result.total) == (2, 3)
    assert result.differences == ((3, "[removed]", "kept"),)
    assert 0.5 < result.ratio < 1


def test_a_tiny_set_runs_end_to_end(expected, tmp_path, capsys):
    (tmp_path / "cases").mkdir()
    (tmp_path / "expected").mkdir()
    (tmp_path / "cases" / "t1.txt").write_text(
        "---\nlang: en\nroster: none\n---\n"
        "[[Amina Diallo|person@amina]] ([[UNODC|affiliation@unodc]]): prices rose in {{Bolivia}}.\n"
        "[[Ben Carter|person@ben]] said prices fell.\n", encoding="utf-8")
    (tmp_path / "expected" / "t1.txt").write_text(
        "Intervention 1: prices rose in Bolivia.\nA participant said prices fell.\n", encoding="utf-8")
    assert expected.main(["--set", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "t1: similarity" in out and "TOTAL: 1 notes" in out
    assert "Amina" not in out and "Carter" not in out
