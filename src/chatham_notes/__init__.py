"""chatham-notes: anonymised bilingual summaries of meetings held under the Chatham House Rule."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("chatham-notes")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0"
