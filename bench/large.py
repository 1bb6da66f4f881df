"""Large inputs (issue 7, size): a 5 MB text note and a 300-page .docx through the CLI.

    python bench/run.py --large

The same two inputs as tests/test_large_inputs.py (bench/corpus.py, seeded, 60-participant
roster): `notes-850000.md` (~5.4 MB of UTF-8 Markdown) and `notes-300-pages.docx`
(~135,000 words: headings, paragraphs, bullets, a participants table, a footer).
Each goes through `chatham-notes -q summarise NOTE --roster roster.csv -o out.docx` in a
fresh process. That process is started by a small measuring process of its own, which reads
`resource.getrusage(RUSAGE_CHILDREN).ru_maxrss` after `subprocess.run`: the peak is the CLI's
alone, not the largest of every run so far. The wall time includes the CLI's start-up
(model loading), printed separately on a one-page note.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from corpus import WORDS_PER_PAGE, count_words, write_corpus, write_docx, write_roster

TEXT_WORDS = 850_000
DOCX_PAGES = 300
GB = 1024 ** 3
LIMIT = 1.5 * GB

_MEASURE = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
proc = subprocess.run(sys.argv[1:], capture_output=True, text=True)
wall = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
lines = [ln for ln in proc.stderr.strip().splitlines() if ln.strip()]
print(json.dumps({"wall": wall, "peak": peak, "exit": proc.returncode, "said": lines[-1] if lines else ""}))
"""


def measure(cmd: list[str], timeout: float) -> dict:
    """Run `cmd` under a fresh measuring process: wall time, peak RSS (bytes), exit code, last stderr line."""
    try:
        proc = subprocess.run([sys.executable, "-c", _MEASURE, *cmd], capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout:.0f} s"}
    try:
        return json.loads(proc.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        return {"error": f"measuring process failed: {proc.stderr.strip()[-300:]}"}


def run_large(cache: Path, seed: int = 8, timeout: float = 1800, text_words: int = TEXT_WORDS,
              docx_pages: int = DOCX_PAGES) -> int:
    """Generate (or reuse) the two inputs, summarise each through the CLI, print the figures."""
    cache.mkdir(parents=True, exist_ok=True)
    roster = write_roster(cache / "roster.csv")
    started = time.perf_counter()
    note, text_corpus = write_corpus(cache, text_words, seed)
    document, docx_corpus = write_docx(cache / f"notes-{docx_pages}-pages.docx", docx_pages * WORDS_PER_PAGE, seed)
    tiny, _ = write_corpus(cache, 450, english_only=True)
    print(f"Inputs: {note.name} {note.stat().st_size / 1e6:.1f} MB, {text_corpus.words:,} words; "
          f"{document.name} {document.stat().st_size / 1e6:.1f} MB, {docx_corpus.words:,} words "
          f"(~{docx_corpus.words / WORDS_PER_PAGE:.0f} pages at {WORDS_PER_PAGE} words a page); "
          f"generated in {time.perf_counter() - started:.0f} s", flush=True)
    cli = str(Path(sys.executable).with_name("chatham-notes"))
    out = cache / "large-out"
    out.mkdir(exist_ok=True)

    def cmd(path: Path) -> list[str]:
        return [cli, "-q", "summarise", str(path), "--roster", str(roster), "-o", str(out / f"{path.stem}.docx")]

    print("Start-up: the CLI on a one-page note…", flush=True)
    startup = measure(cmd(tiny), timeout)
    rows = []
    for label, path, words in ((f"{note.stat().st_size / 1e6:.1f} MB .md", note, count_words(note.read_text("utf-8"))),
                               (f"{docx_pages}-page .docx", document, docx_corpus.words)):
        print(f"{label}: chatham-notes summarise {path.name}…", flush=True)
        rows.append((label, words, measure(cmd(path), timeout)))

    print("\n== Large inputs (issue 7; limits of issue 8: peak < 1.5 GB, time linear in size) ==")
    print(f"{'input':<16} | {'words':>9} | {'wall':>8} | {'words/s':>9} | {'peak':>8} | {'exit':>4} | memory")
    failed = False
    for label, words, res in rows:
        if "error" in res:
            print(f"{label:<16} | {words:>9,} | FAILED: {res['error']}")
            failed = True
            continue
        ok = res["peak"] < LIMIT and res["exit"] == 0
        failed |= not ok
        print(f"{label:<16} | {words:>9,} | {res['wall']:>6.1f} s | {words / res['wall']:>9,.0f} | "
              f"{res['peak'] / GB:>5.2f} GB | {res['exit']:>4} | {'PASS' if ok else 'FAIL'}")
        if res["exit"] != 0:
            print(f"{'':<16}   the CLI said: {res['said']}")
    if "error" not in startup:
        print(f"(wall times include the CLI's start-up: {startup['wall']:.1f} s and {startup['peak'] / GB:.2f} GB "
              f"on a one-page note, exit {startup['exit']})")
    print("PASS/FAIL: peak resident memory of the CLI process under 1.5 GB and exit 0 (summary written, no leak).")
    return 1 if failed else 0
