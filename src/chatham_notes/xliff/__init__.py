"""XLIFF 1.2 hand-off: the blocks awaiting translation out, the translations back in.

`export_units(parts)` lists what still awaits translation after a run (the
translation stage's unanswered `Request`s: a block, or one sentence of a block
written in both languages), and `xliff_bytes(units, source, target)` writes one
direction of them as an XLIFF 1.2 document: one `<file>` per notes file, one
`<trans-unit>` per request (id = the block id, `block id.n` for its n-th
sentence), its location and the meaning of its codes in a `<note>`, and every placeholder as an `<x id="n"/>` inline code that CAT tools
(Trados, memoQ, OmegaT, Phrase) protect. Only generalised text is written:
no name is ever handed over, and `pipeline.summarise` leak-checks the file
before it writes it.

`read_xliff(path)` parses a returned file with defusedxml (no DTD, hence no
entity bomb and no external entity) into `Unit`s; `XliffTranslator` answers
the translation stage from them by (notes file, block id), then from a
translation memory (exact matches of earlier files' sources), and leaves the
rest pending or to a fallback backend. A unit is refused, with a `Rejection`
for the report, when its source changed since the export, its inline codes did
not come back exactly once each, or its translation names someone.
"""

from .export import direction_path, export_units, xliff_bytes
from .merge import XliffTranslator, code_problem, load_units
from .read import read_xliff
from .units import NS, ExportUnit, Rejection, Unit

__all__ = [
    "NS", "ExportUnit", "Rejection", "Unit", "XliffTranslator", "code_problem", "direction_path",
    "export_units", "load_units", "read_xliff", "xliff_bytes",
]
