"""Builds `models/detect/given_names.txt`: the given names the detector knows, one a line.

Not imported at run time (parsing the source took ~0.2 s of every start). Source:
gender-guesser's `nam_dict.txt` (Jörg Michael's name dictionary, GNU FDL), fixed byte
columns, names in UTF-8 (a few old entries in Latin-1). Kept: names of three letters or
more, one word; each in lower case and folded ("gaëlle" and "gaelle"). Run after
upgrading gender-guesser:

    python -m chatham_notes.detect.names_build
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from .text import fold


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:  # a few old entries are Latin-1
        return raw.decode("iso-8859-1")


def given_names_from_source() -> set[str]:
    """Every given name of gender-guesser's dictionary, lower case and folded."""
    path = files("gender_guesser").joinpath("data", "nam_dict.txt")
    names = set()
    with path.open("rb") as handle:
        for line in handle:
            if line.startswith(b"#") or len(line) < 30:
                continue
            name = _decode(line[3:29]).strip()
            if len(name) >= 3 and " " not in name and "+" not in name:
                names.add(name.lower())
                names.add(fold(name))  # "gaelle" in notes typed without accents
    return names


def build(out: Path) -> int:
    """Writes the list and returns its length."""
    from importlib.metadata import version

    names = given_names_from_source()
    header = (f"# Given names, lower case and folded, from gender-guesser {version('gender-guesser')} "
              "(data/nam_dict.txt); built by names_build.py\n")
    out.write_text(header + "\n".join(sorted(names)) + "\n", encoding="utf-8")
    return len(names)


if __name__ == "__main__":
    print(build(Path(__file__).resolve().parents[3] / "models" / "detect" / "given_names.txt"))
