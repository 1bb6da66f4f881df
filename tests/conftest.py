"""Shared fixtures. Area-specific fixtures live in the test modules that use them."""

from __future__ import annotations

from pathlib import Path

import pytest

# urllib3 (imported by tldextract, which Presidio uses) opens a local IPv6 socket once,
# at import time, to probe for IPv6 support; do that before pytest-socket blocks sockets
# so the probe does not show up as a blocked network access. Nothing connects anywhere.
import urllib3  # noqa: F401,E402

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return ROOT / "samples"


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return Path(__file__).resolve().parent / "data"
