"""Where a finding comes from: one enum for every recogniser, with its priority and firmness.

`priority` decides which of two overlapping findings wins (higher first); a `firm` source
(the roster, a speaker label, Presidio's contact recognisers) is evidence enough on its own:
the gazetteer never vetoes it, and a wider guess never swallows it. A finding's detector
string is the source's value, with a suffix for detail ("presidio:EmailRecognizer",
"spacy:untied"); `Source.of` reads it back.
"""

from __future__ import annotations

from enum import StrEnum


class Source(StrEnum):
    """A recogniser or a stage that adds findings."""

    PRESIDIO = "presidio"  # e-mails, phones, URLs
    ROSTER = "roster"  # a roster form
    LABEL = "label"  # a speaker label
    LEXICON = "lexicon"  # a known organisation of models/detect/acronyms.yaml
    CUE_TITLE = "cue:title"  # "Dr Mensah", « Mme Traoré »
    ROLE = "role"  # an identifying role description, or a place that narrows it
    CUE_AFTER = "cue:after"  # a name before a speech verb
    CUE_BEFORE = "cue:before"  # « selon X »
    CUE_INITIALS = "cue:initials"  # "A.M. to send"
    CUE_ASIDE = "cue:aside"  # a name before "(Organisation) verb"
    CUE_VOCATIVE = "cue:vocative"  # "Thanks, Solveig"
    CUE_PAREN = "cue:paren"  # the organisation in a person's aside or apposition
    CUE_CONTACT = "cue:contact"  # a name a contact of the block spells
    CUE_ORG = "cue:org"  # a phrase with an organisation word
    LIST = "list"  # an item of a participants list ("Present: A (X), B (Y)")
    PROPAGATED = "propagated"  # another occurrence of a party's form
    PROPAGATED_FUZZY = "propagated:fuzzy"  # a misspelt or lower-case form of a party's name
    REFERENCE = "reference"  # "the Ministry" for the one ministry a participant is from
    ROSTER_FUZZY = "roster:fuzzy"  # a misspelt roster surname
    SPACY = "spacy"  # a spaCy entity
    PLACE = "place"  # a place that identifies a person ("our colleague in Abidjan")
    FIRSTNAME = "firstname"  # a known given name
    ACRONYM = "acronym"  # an unknown acronym (review only)
    REVIEWER = "reviewer"  # a reviewer's decision
    OTHER = "other"  # a detector string of no known source

    @property
    def priority(self) -> int:
        return _PRIORITY.get(self, 30)

    @property
    def firm(self) -> bool:
        return self in _FIRM

    @property
    def needle(self) -> bool:
        """Whether the finding's text is itself a form to look for in a shareable file. A
        reference ("the Ministry") names its party only where the note writes it: elsewhere
        "Ministry" is a word ("the Ministry of Finance"), so it is removed but never a needle."""
        return self is not Source.REFERENCE

    @classmethod
    def of(cls, detector: str) -> Source:
        """The source of a detector string: itself, else its family before the first colon."""
        try:
            return cls(detector)
        except ValueError:
            family = detector.split(":", 1)[0]
            try:
                return cls(family)
            except ValueError:
                return cls.OTHER


_PRIORITY = {
    Source.PRESIDIO: 100, Source.ROSTER: 90, Source.LABEL: 85, Source.LEXICON: 80, Source.CUE_TITLE: 75,
    Source.ROLE: 72, Source.CUE_AFTER: 70, Source.CUE_BEFORE: 70, Source.CUE_INITIALS: 70, Source.CUE_ASIDE: 68,
    Source.CUE_VOCATIVE: 67, Source.LIST: 69, Source.CUE_PAREN: 66, Source.CUE_CONTACT: 66, Source.CUE_ORG: 65,
    Source.PROPAGATED: 62, Source.PROPAGATED_FUZZY: 61, Source.REFERENCE: 58, Source.ROSTER_FUZZY: 60, Source.SPACY: 50,
    Source.PLACE: 48, Source.FIRSTNAME: 45,
}
_FIRM = frozenset({Source.ROSTER, Source.ROSTER_FUZZY, Source.LABEL, Source.PRESIDIO})
