"""Reading .vtt and .srt transcripts: voices, `Name:` prefixes, merging of consecutive cues."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from chatham_notes.ingest import read_notes
from chatham_notes.model import BlockKind, Lang, Speaker

WORD = re.compile(r"[^\W\d_]{2,}")


def test_sample_vtt(samples_dir: Path) -> None:
    path = samples_dir / "panel-transcript.vtt"
    doc = read_notes(path)
    assert [b.speaker.name for b in doc.blocks] == [
        "Moussa Diallo", "Amélie Marchand", "Jean-Claude Guérin", "Nguyễn Thị Hoa", "Moussa Diallo", "Grace Rose"]
    first = doc.blocks[0]
    assert first.kind is BlockKind.TURN and first.location.part == "cue"
    assert first.location.paragraph == 1 and first.location.line == 7
    assert doc.blocks[1].location.paragraph == 4
    assert first.text.startswith("Good afternoon") and first.text.endswith("research findings?")
    assert all(b.lang is Lang.EN for b in doc.blocks)
    # every word of every cue, minus the voice tags, is in exactly one block
    cue_text = re.sub(r"<v[^>]*>", " ", path.read_text(encoding="utf-8").split("NOTE", 1)[1].split("\n", 2)[2])
    cue_text = "\n".join(line for line in cue_text.split("\n") if "-->" not in line and not line.strip().isdigit())
    assert Counter(WORD.findall(" ".join(b.text for b in doc.blocks))) == Counter(WORD.findall(cue_text))


def test_vtt_prefix_labels_and_continuations(tmp_path: Path) -> None:
    path = tmp_path / "zoom.vtt"
    path.write_text(
        "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nJane Doe: Hello all.\n\n"
        "2\n00:00:02.000 --> 00:00:03.000\nJane Doe: Second part.\n\n"
        "3\n00:00:03.000 --> 00:00:04.000\nand a continuation.\n\n"
        "4\n00:00:04.000 --> 00:00:05.000\n<v.loud Sam Poe (UNODC)>Reply <i>here</i>.</v>\n",
        encoding="utf-8")
    doc = read_notes(path)
    assert [(b.speaker, b.text) for b in doc.blocks] == [
        (Speaker("Jane Doe"), "Hello all. Second part. and a continuation."),
        (Speaker("Sam Poe", "UNODC"), "Reply here."),
    ]


def test_srt(tmp_path: Path) -> None:
    path = tmp_path / "talk.srt"
    path.write_text(
        "1\n00:00:01,000 --> 00:00:02,000\nJane Doe: Bonjour à toutes et à tous.\n\n"
        "2\n00:00:02,000 --> 00:00:04,000\nJane Doe: Nous commençons la séance.\n\n"
        "3\n00:00:04,000 --> 00:00:06,000\n<v Sam Poe>Thanks, Jane.\n", encoding="utf-8")
    doc = read_notes(path)
    assert [b.speaker.name for b in doc.blocks] == ["Jane Doe", "Sam Poe"]
    assert doc.blocks[0].text == "Bonjour à toutes et à tous. Nous commençons la séance."
    assert doc.blocks[0].lang is Lang.FR
    assert doc.blocks[1].location.paragraph == 3 and doc.blocks[1].location.line == 11
