"""Refresh samples/translations/demo.*.xlf after a change to detection, generalisation or the samples.

Exports the demo's blocks awaiting translation afresh, keeps every existing translation whose
source is unchanged, and lists (by unit id) the blocks that now need a translator: translate
those by hand in the files written, then run `chatham-notes demo` (0 blocks awaiting translation).

Usage: python scripts/refresh_demo_translations.py
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

from lxml import etree

from chatham_notes.cli import DEMO_NOTES
from chatham_notes.pipeline import Options, summarise
from chatham_notes.xliff import NS, read_xliff

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
TRANSLATIONS = SAMPLES / "translations"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def main() -> int:
    units = [u for path in sorted(TRANSLATIONS.glob("*.xlf")) for u in read_xliff(path)]
    # by direction too: a sentence that mixes both languages has a unit of the same id in each file
    old = {(u.document, u.id, u.target_lang): u for u in units}
    # a block whose id moved (a line split or added above it) keeps its translation by its source
    by_source = {(u.document, u.source, u.target_lang): u for u in units if u.target is not None}
    todo = []
    with tempfile.TemporaryDirectory() as tmp:
        result = summarise([SAMPLES / n for n in DEMO_NOTES], Path(tmp) / "demo.docx", roster=SAMPLES / "roster.csv",
                           options=Options(translator="pairs"), xliff_out=Path(tmp) / "demo.xlf")
        for path in result.xliff:
            tree = etree.parse(str(path))
            for file in tree.iter(f"{{{NS}}}file"):
                for unit in file.iter(f"{{{NS}}}trans-unit"):
                    document, lang = file.get("original"), file.get("target-language")
                    kept = _keep(unit, old.get((document, unit.get("id"), lang[:2])), lang) or _keep(
                        unit, by_source.get((document, _source(unit), lang[:2])), lang)
                    if not kept:
                        todo.append(unit.get("id"))
            tree.write(str(TRANSLATIONS / path.name), xml_declaration=True, encoding="UTF-8", pretty_print=True)
    for unit_id in todo:
        print(f"needs a translation: {unit_id}")
    print(f"{len(todo)} unit(s) to translate in {TRANSLATIONS.relative_to(ROOT)}/", file=sys.stderr)
    return 0


def _source(unit: etree._Element) -> str:
    """A unit's source as `read_xliff` gives it: codes as ⟦n⟧, spaces collapsed."""
    return " ".join(("".join(_tokens(unit.find(f"{{{NS}}}source")))).split())


def _keep(unit: etree._Element, previous, lang: str) -> bool:
    """Give `unit` the previous translation when its source is unchanged; True if it did."""
    if unit.find(f"{{{NS}}}target") is not None:
        return True
    source = unit.find(f"{{{NS}}}source")
    fresh = _source(unit)
    if previous is None or previous.target is None or previous.source != fresh:
        return False
    codes = {x.get("id"): x for x in source.iter(f"{{{NS}}}x")}
    target = etree.Element(f"{{{NS}}}target", {XML_LANG: lang, "state": "translated"})
    pieces = re.split(r"⟦(\d+)⟧", previous.target)
    target.text = pieces[0]
    for index in range(1, len(pieces), 2):
        code = etree.SubElement(target, f"{{{NS}}}x", dict(codes[pieces[index]].attrib))
        code.tail = pieces[index + 1]
    target.tail = source.tail  # the same indentation before the note
    source.addnext(target)
    return True


def _tokens(element: etree._Element):
    yield element.text or ""
    for child in element:
        yield f"⟦{child.get('id')}⟧"
        yield child.tail or ""


if __name__ == "__main__":
    sys.exit(main())
