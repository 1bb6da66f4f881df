"""Atomic, owner-only writes: an output file is either complete or absent.

Every file the tool writes goes through `atomic_output`: the content is written
to a temporary file in the destination's folder, and renamed over the
requested name only when the caller's block finishes without an exception.
The temporary file is removed on error and on Ctrl-C.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .errors import OutputError


def check_writable(path: Path) -> None:
    """Fail early, before any work, if `path` cannot be written."""
    parent = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise OutputError(path, "is a directory; give a file name")
    if not parent.is_dir():
        raise OutputError(path, f"the folder {parent} does not exist")
    if not os.access(parent, os.W_OK):
        raise OutputError(path, f"the folder {parent} is not writable")
    if path.exists() and not os.access(path, os.W_OK):
        raise OutputError(path, "the file exists and is not writable")


@contextlib.contextmanager
def atomic_output(path: Path, mode: int = 0o644) -> Iterator[Path]:
    """Yield a temporary path next to `path`; on success rename it to `path`.

    Args:
        path: the final file name.
        mode: permissions of the final file (0o600 for confidential reports).
    """
    check_writable(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent or ".")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        os.chmod(tmp, mode)
        yield tmp
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise


def write_text_atomic(path: Path, text: str, mode: int = 0o644) -> None:
    """Write a text file atomically (UTF-8)."""
    with atomic_output(path, mode) as tmp:
        tmp.write_text(text, encoding="utf-8")
