"""Builds `models/detect/stop_words.txt`: spaCy's English and French stop words, one a line.

Not imported at run time: importing `spacy.lang.fr` compiles its tokenizer exceptions (seconds
on a small machine), which a note in English never needs. Run after a spaCy upgrade:

    python -m chatham_notes.detect.stopwords_build
"""

from __future__ import annotations

from pathlib import Path


def stop_words_from_source() -> set[str]:
    """spaCy's English and French stop words, lower case."""
    from spacy.lang.en.stop_words import STOP_WORDS as EN
    from spacy.lang.fr.stop_words import STOP_WORDS as FR

    return {w.lower() for w in EN | FR}


def build(out: Path) -> int:
    """Writes the list and returns its length."""
    from importlib.metadata import version

    words = stop_words_from_source()
    header = f"# English and French stop words of spaCy {version('spacy')}; built by stopwords_build.py\n"
    out.write_text(header + "\n".join(sorted(words)) + "\n", encoding="utf-8")
    return len(words)


if __name__ == "__main__":
    print(build(Path(__file__).resolve().parents[3] / "models" / "detect" / "stop_words.txt"))
