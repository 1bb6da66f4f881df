#!/bin/sh
# Render page 1 of a .docx as a PNG (for the README picture, or to look at a summary).
# Usage: scripts/render_preview.sh SUMMARY.docx [OUT.png] [DPI]
# Needs LibreOffice (soffice) and poppler-utils (pdftoppm). Uses a throw-away profile.
set -eu
docx=${1:?usage: $0 SUMMARY.docx [OUT.png] [DPI]}
out=${2:-${docx%.docx}.png}
dpi=${3:-60}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
soffice -env:UserInstallation="file://$work/profile" --headless \
    --convert-to pdf --outdir "$work" "$docx" >/dev/null 2>&1
pdf="$work/$(basename "${docx%.*}").pdf"
[ -s "$pdf" ] || { echo "error: LibreOffice did not convert $docx" >&2; exit 1; }
pdftoppm -png -r "$dpi" -f 1 -l 1 -singlefile "$pdf" "${out%.png}"
echo "$out"
