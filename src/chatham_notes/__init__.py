"""chatham-notes: anonymised bilingual summaries of meetings held under the Chatham House Rule."""

# The one place the version is written; pyproject.toml reads it from here (hatch), and the
# CLI prints it without importlib.metadata, which costs a tenth of a second at start-up.
__version__ = "0.1.0"
