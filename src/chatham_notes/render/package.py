"""Clean and reproducible .docx packages.

python-docx's default template carries an author ("python-docx"), a description,
a thumbnail, a bibliography custom-XML part, revision ids and an application
name; its zip entries get the current time. This module removes all of that and
writes the package with fixed timestamps and a fixed entry order, so that the
same summary gives byte-identical files.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from docx.document import Document as DocxDocument

from ..errors import OutputError

_DROPPED_RELS = ("/thumbnail", "/customXml")
_CORE = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    '<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
    '<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
    "</cp:coreProperties>"
)
_APP = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<DocSecurity>0</DocSecurity></Properties>"
)
# Revision-save ids, the template's document id and attached template: history, not content.
_SETTINGS_DROP = (
    re.compile(r"<w:rsids>.*?</w:rsids>", re.S),
    re.compile(r"<w14:docId [^>]*/>"),
    re.compile(r"<w:attachedTemplate [^>]*/>"),
)
_RSID_ATTR = re.compile(r' w:rsid\w*="[0-9A-Fa-f]+"')
_RSID_ELEMENT = re.compile(r'<w:rsid w:val="[0-9A-Fa-f]+"/>')
_FIRST = ("[Content_Types].xml", "_rels/.rels")


def parse_created(created: str) -> datetime:
    """The document's timestamp from an ISO string; naive values are taken as UTC.

    Falls back to 1980-01-01 (the earliest zip date) when `created` cannot be parsed.
    """
    try:
        stamp = datetime.fromisoformat(created.replace("Z", "+00:00"))
    except ValueError:
        return datetime(1980, 1, 1, tzinfo=UTC)
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=UTC)
    return max(stamp.astimezone(UTC), datetime(1980, 1, 1, tzinfo=UTC))


def drop_template_parts(doc: DocxDocument) -> None:
    """Remove the template's thumbnail and custom XML parts before saving."""
    for owner in (doc.part.package, doc.part):
        for r_id, rel in list(owner.rels.items()):
            if rel.reltype.endswith(_DROPPED_RELS):
                del owner.rels[r_id]


def _clean_part(name: str, data: bytes, stamp: datetime) -> bytes:
    """Replace the property parts; strip revision history from the Word parts."""
    if name == "docProps/core.xml":
        return _CORE.format(stamp=stamp.strftime("%Y-%m-%dT%H:%M:%SZ")).encode("utf-8")
    if name == "docProps/app.xml":
        return _APP.encode("utf-8")
    if name.startswith("word/") and name.endswith(".xml"):
        text = data.decode("utf-8")
        for pattern in _SETTINGS_DROP if name == "word/settings.xml" else ():
            text = pattern.sub("", text)
        return _RSID_ELEMENT.sub("", _RSID_ATTR.sub("", text)).encode("utf-8")
    return data


def _order(names: list[str]) -> list[str]:
    """Content types and package relationships first (as Office does), then sorted."""
    return [n for n in _FIRST if n in names] + sorted(n for n in names if n not in _FIRST)


def write_reproducible(doc: DocxDocument, path: Path, created: str) -> None:
    """Save `doc` to `path` with clean properties, fixed zip timestamps and entry order.

    Raises:
        OutputError: the path cannot be written.
    """
    drop_template_parts(doc)
    buffer = io.BytesIO()
    doc.save(buffer)
    stamp = parse_created(created)
    date_time = stamp.timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in _order(source.namelist()):
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, _clean_part(name, source.read(name), stamp))
    try:
        Path(path).write_bytes(out.getvalue())
    except OSError as exc:
        raise OutputError(path, f"cannot write the summary ({exc.strerror or exc})") from exc
