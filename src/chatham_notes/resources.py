"""Loads the project's own language resources from `models/`.

The folder sits at the repository root and is installed inside the package as
`chatham_notes/models` (see pyproject.toml). Files are plain lists (one item a
line, `#` comments) or YAML, so that a linguist can edit them without Python.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigurationError

_HERE = Path(__file__).resolve().parent
# libyaml's loader when PyYAML was built with it: the same safe subset, several times faster.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=None)
def _bundled(name: str, what: str) -> Path:
    """A folder shipped with the package: inside the installed package, else the source checkout's."""
    for candidate in (_HERE / name, _HERE.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise ConfigurationError(f"{what} ({name}/) are missing from this installation")


def models_dir() -> Path:
    """The project's language resources (models/)."""
    return _bundled("models", "the chatham-notes language resources")


def resource_path(*parts: str) -> Path:
    """Path of a file under models/, e.g. resource_path("en", "titles.txt")."""
    return models_dir().joinpath(*parts)


@lru_cache(maxsize=None)
def read_list(*parts: str) -> tuple[str, ...]:
    """A plain list: one item a line; blank lines and lines starting with `#` are skipped."""
    text = resource_path(*parts).read_text(encoding="utf-8")
    return tuple(
        line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")
    )


@lru_cache(maxsize=None)
def read_yaml(*parts: str) -> Any:
    """A YAML resource, parsed once."""
    with resource_path(*parts).open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_SAFE_LOADER)


def samples_dir() -> Path:
    """The bundled sample notes (samples/)."""
    return _bundled("samples", "the bundled sample notes")
