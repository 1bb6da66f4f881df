"""Assembling the Summary: one section per file, headings as sub-sections, key sections kept."""

from __future__ import annotations

import pytest

from chatham_notes.model import BilingualBlock, BlockKind, Lang, Level, Summary
from chatham_notes.summary import build_summary, recognise_section


def para(bid: str, en: str, fr: str | None = None) -> BilingualBlock:
    return BilingualBlock(bid, BlockKind.PARAGRAPH, en, fr or en, Lang.EN, pending=fr is None)


def heading(bid: str, en: str, fr: str, level: int = 1) -> BilingualBlock:
    return BilingualBlock(bid, BlockKind.HEADING, en, fr, Lang.EN, level=level)


def summary_of(parts, **kw) -> Summary:
    options = dict(title_en="Water futures", title_fr="L'avenir de l'eau", date="2021-04-26",
                   place="Dakar", level=Level.SECTOR, k=3, translator="none",
                   created="2021-04-26T12:00:00Z")
    options.update(kw)
    return build_summary(parts, **options)


def test_each_file_is_a_section_in_the_order_given():
    s = summary_of([("Morning session", [para("a", "Water is scarce.")]),
                    ("Afternoon session", [para("b", "Rain is late.")])])
    assert [(x.heading_en, x.level) for x in s.sections] == [("Morning session", 1), ("Afternoon session", 1)]
    assert [b.block_id for b in s.sections[1].blocks] == ["b"]


def test_headings_start_sub_sections_one_level_below_the_file():
    blocks = [para("a", "Intro."), heading("h", "Funding", "Financement"), para("b", "More money.")]
    s = summary_of([("Morning session", blocks), ("Afternoon session", [])])
    assert [(x.heading_en, x.heading_fr, x.level) for x in s.sections] == [
        ("Morning session", "Morning session", 1), ("Funding", "Financement", 2), ("Afternoon session", "Afternoon session", 1)]
    assert [b.block_id for b in s.sections[0].blocks] == ["a"]
    assert [b.block_id for b in s.sections[1].blocks] == ["b"]
    assert all(b.kind is not BlockKind.HEADING for x in s.sections for b in x.blocks)


def test_untitled_single_file_keeps_heading_levels():
    blocks = [heading("h1", "Funding", "Financement", 1), para("a", "x"),
              heading("h2", "Grants", "Subventions", 2), para("b", "y")]
    s = summary_of([("", blocks)])
    assert [(x.heading_en, x.level) for x in s.sections] == [("Funding", 1), ("Grants", 2)]


def test_single_file_title_is_not_repeated_under_the_summary_title():
    s = summary_of([("workshop notes", [heading("h", "Funding", "Financement"), para("a", "x")])])
    assert [(x.heading_en, x.level) for x in s.sections] == [("Funding", 1)]


def test_deep_headings_are_capped():
    s = summary_of([("File", [heading("h", "Deep", "Profond", 5), para("a", "x")]), ("Other", [])])
    assert [x.level for x in s.sections] == [1, 3, 1]


@pytest.mark.parametrize("written", ["Key messages", "KEY MESSAGES:", "Key takeaways", "Messages clés",
                                     "Messages clés\u00a0:", "2. Key messages"])
def test_key_messages_headings_are_recognised(written):
    assert recognise_section(written) == ("Key messages", "Messages clés")


@pytest.mark.parametrize("written", ["Recommendations", "Recommandations :", "Principales recommandations"])
def test_recommendations_headings_are_recognised(written):
    assert recognise_section(written) == ("Recommendations", "Recommandations")


def test_other_headings_are_not_special():
    assert recognise_section("Funding and messages") is None


def test_key_sections_are_kept_with_canonical_headings():
    blocks = [para("a", "x"), heading("h", "Recommandations", "Recommandations"),
              BilingualBlock("r", BlockKind.BULLET, "Fund wells.", "Financer des puits.", Lang.EN)]
    s = summary_of([("Session", blocks)])
    key = s.sections[-1]
    assert (key.heading_en, key.heading_fr) == ("Recommendations", "Recommandations")
    assert [b.block_id for b in key.blocks] == ["r"]


def test_metadata_is_passed_through():
    s = summary_of([("", [para("a", "x")])], translator="pairs", k=5, level=Level.PARTICIPANT)
    assert (s.title_en, s.title_fr, s.date, s.place) == ("Water futures", "L'avenir de l'eau", "2021-04-26", "Dakar")
    assert (s.translator, s.k, s.level, s.created) == ("pairs", 5, Level.PARTICIPANT, "2021-04-26T12:00:00Z")


def test_summary_file_title_can_differ_per_language():
    blocks = [BilingualBlock("b1", BlockKind.PARAGRAPH, "Water matters.", "L'eau compte.", Lang.EN)]
    summary = build_summary([(("Morning", "Matin"), blocks), ("Afternoon", blocks)], title_en="T", title_fr="T",
                            date=None, place=None, level=Level.PARTICIPANT, k=3, translator="none",
                            created="2021-04-26T12:00:00Z")
    assert [(s.heading_en, s.heading_fr) for s in summary.sections] == [("Morning", "Matin"),
                                                                         ("Afternoon", "Afternoon")]
