"""The wheel carries the project's language resources and samples, and finds them installed."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        check=True, capture_output=True, timeout=300,
    )
    (built,) = out.glob("chatham_notes-*.whl")
    return built


def test_packaging_wheel_holds_models_and_samples(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    models = {n for n in names if n.startswith("chatham_notes/models/")}
    on_disk = {f"chatham_notes/{p.relative_to(ROOT).as_posix()}" for p in (ROOT / "models").rglob("*") if p.is_file()}
    assert on_disk and on_disk <= models
    assert "chatham_notes/samples/roster.csv" in names
    assert "chatham_notes/samples/translations/demo.en-fr.xlf" in names
    assert "chatham_notes/templates/report.html.j2" in names


def test_packaging_installed_wheel_loads_its_own_models(wheel, tmp_path):
    """Installed outside the repository, the package reads models/ from inside itself."""
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True, capture_output=True, timeout=300)
    code = ("import chatham_notes.resources as r; print(r.models_dir()); print(r.samples_dir()); "
            "print(len(r.read_list('en', 'titles.txt')))")
    env = {**os.environ, "PYTHONPATH": str(target)}
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, check=True,
                            capture_output=True, text=True, timeout=120)
    models, samples, titles = result.stdout.split()
    assert Path(models).is_relative_to(target) and Path(samples).is_relative_to(target)
    assert int(titles) > 5
