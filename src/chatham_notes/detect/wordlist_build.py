"""Builds `models/<lang>/common_words.txt`: the ordinary (lower-case) words of each language.

Not imported at run time. Source: the Debian word lists (`wbritish`, `wfrench`), in
which proper nouns are capitalised, so that a lower-case entry is an ordinary word;
filtered by `wordfreq` frequency so that the lists stay small. Run:

    apt-get install wbritish wfrench && pip install wordfreq
    python -m chatham_notes.detect.wordlist_build
"""

from __future__ import annotations

from pathlib import Path

SOURCES = {"en": "/usr/share/dict/british-english", "fr": "/usr/share/dict/french"}
MIN_ZIPF = 3.0  # about once in a million words: rarer words hardly collide with names


def build(lang: str, source: str, out: Path) -> int:
    """Writes the filtered list for one language and returns its length."""
    from wordfreq import zipf_frequency  # build-time only

    words = set()
    for line in Path(source).read_text(encoding="utf-8").splitlines():
        word = line.strip()
        if word and word == word.lower() and "'" not in word and zipf_frequency(word, lang) >= MIN_ZIPF:
            words.add(word)
    header = f"# Ordinary {lang} words (lower case in {Path(source).name}, zipf >= {MIN_ZIPF}); built by wordlist_build.py\n"
    out.write_text(header + "\n".join(sorted(words)) + "\n", encoding="utf-8")
    return len(words)


if __name__ == "__main__":
    root = Path(__file__).resolve().parents[3] / "models"
    for code, path in SOURCES.items():
        print(code, build(code, path, root / code / "common_words.txt"))
