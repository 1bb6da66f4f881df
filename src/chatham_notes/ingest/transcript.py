"""Meeting transcripts (.vtt, .srt) as video-meeting tools export them.

Speakers come from `<v Jane Doe>` voice tags or a `Jane Doe:` prefix; consecutive cues
of one speaker merge into one turn; a cue without a label continues the block before it.
"""

from __future__ import annotations

import re
from pathlib import Path

import srt
import webvtt
from webvtt.errors import MalformedCaptionError, MalformedFileError

from ..errors import InputError
from ..model import BlockKind, Location, Speaker
from .blocks import RawBlock, clean_text
from .speakers import parse_label, split_voice

_VOICE = re.compile(r"<v(?:\.[^\s>]*)?[ \t]+([^>]+)>")
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_TIMING = re.compile(r"-->")


def _timing_lines(text: str) -> list[int]:
    """1-based numbers of the lines after each timing line (a cue's first text line)."""
    return [n + 2 for n, line in enumerate(text.split("\n")) if _TIMING.search(line)]


def read_vtt(text: str, path: Path) -> list[RawBlock]:
    """Parse WebVTT text into turns (or paragraphs for cues without a speaker)."""
    try:
        captions = webvtt.from_string(text).captions
    except (MalformedFileError, MalformedCaptionError) as exc:
        raise InputError(path, f"malformed WebVTT file: {str(exc).splitlines()[0] if str(exc) else 'unreadable'}") from None
    return _merge(_cues([c.raw_text for c in captions], text, path, "WebVTT"), path.name)


def read_srt(text: str, path: Path) -> list[RawBlock]:
    """Parse SubRip text into turns (or paragraphs for cues without a speaker)."""
    try:
        subtitles = list(srt.parse(text))
    except (srt.SRTParseError, ValueError) as exc:
        raise InputError(path, f"malformed SRT file: {str(exc).splitlines()[0]}") from None
    return _merge(_cues([s.content for s in subtitles], text, path, "SRT"), path.name)


def _cues(contents: list[str], text: str, path: Path, kind: str) -> list[tuple[int, int, Speaker | None, str]]:
    """(index, first line, voice-tag speaker, text without tags) of each cue's raw content."""
    lines = _timing_lines(text)
    if len(lines) != len(contents):
        raise InputError(path, f"malformed {kind} file: {len(lines)} timings but {len(contents)} readable cues")
    cues = []
    for index, (raw, line) in enumerate(zip(contents, lines), start=1):
        voice = _VOICE.search(raw)
        speaker = split_voice(voice.group(1)) if voice else None
        cues.append((index, line, speaker, _TAG.sub("", raw)))
    return cues


def _merge(cues: list[tuple[int, int, Speaker | None, str]], file: str) -> list[RawBlock]:
    """Label each cue (voice tag, else a `Name:` prefix) and merge runs of one speaker.

    A cue without a label continues the previous block, turn or paragraph.
    """
    blocks: list[RawBlock] = []
    current: Speaker | None = None
    for index, line, speaker, body in cues:
        body = clean_text(body)
        if speaker is None and (label := parse_label(body)) is not None:
            speaker, body = label
        last = blocks[-1] if blocks else None
        # an unlabelled cue continues whoever spoke last (captions split sentences)
        if last is not None and (speaker is None or speaker == current):
            last.text = clean_text(f"{last.text} {body}")
            continue
        current = speaker
        kind = BlockKind.TURN if speaker is not None else BlockKind.PARAGRAPH
        blocks.append(RawBlock(kind, body, Location(file=file, part="cue", line=line, paragraph=index), speaker=speaker))
    return blocks
