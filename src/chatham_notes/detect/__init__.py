"""The detection stage: spaCy + Presidio + the project's own recognisers -> Mentions and Parties.

Entry points: `Detector(roster).detect(doc)`, `Detector(roster).detect_many(docs)`,
`roster_needles(roster)` for the leak checker, `lexicon.is_common_word(word, lang)`.
"""

from .detector import Detector
from .variants import name_variants, roster_needles

__all__ = ["Detector", "name_variants", "roster_needles"]
