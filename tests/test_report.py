"""The redaction report: content, JSON, permissions, and the HTML page in Chromium.

The Chromium test drives the page as a reviewer would, over the DevTools protocol
on a pipe (`--remote-debugging-pipe`: no socket, no extra package): it types in
the search box, picks a type filter with the keyboard, clicks Keep and Remove,
clicks Download, and feeds the downloaded decisions file to the next run.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import select
import shutil
import stat
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
from test_decisions import _d, make_detection

from chatham_notes.decisions import Decisions, apply_decisions, read_decisions
from chatham_notes.model import (
    Block,
    BlockKind,
    Detection,
    Field,
    GeneralisedBlock,
    Kind,
    Lang,
    Leak,
    Location,
    Placeholder,
    PlaceholderKind,
)
from chatham_notes.report import Report, build_report, render_html, write_html_report, write_json_report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def generalise_by_hand(detection: Detection) -> list[GeneralisedBlock]:
    """A crude stand-in for the generalisation stage: one placeholder per text mention."""
    blocks = []
    for block in detection.document.blocks:
        segments: list[Any] = []
        position = 0
        for m in (m for m in detection.mentions if m.block_id == block.id and m.field == Field.TEXT):
            kind = PlaceholderKind.PARTICIPANT if m.kind is Kind.PERSON else PlaceholderKind.REMOVED
            segments += [block.text[position:m.start], Placeholder(kind, source_kind=m.kind, mention_ids=(m.id,))]
            position = m.end
        blocks.append(GeneralisedBlock(block, (*segments, block.text[position:])))
    listing = Block("b9", BlockKind.PARAGRAPH, "Participants: Kofi Mensah, Ama Owusu", Lang.EN, Location("notes.md", line=20))
    blocks.append(GeneralisedBlock(listing, (Placeholder(PlaceholderKind.ATTENDANCE, count=2, sectors=1),),
                                   removed_reason="participants list"))
    return blocks


def report_for(decisions: Decisions = Decisions(), leaks: tuple[Leak, ...] = ()) -> tuple[Report, Detection]:
    detection, outcome = apply_decisions(make_detection(), decisions)
    report = build_report(detections=[detection], generalised=[generalise_by_hand(detection)], outcome=outcome,
                          leaks=leaks, pending=1, output="summary.docx", generated="2024-05-02T10:00:00+00:00")
    return report, detection


def test_needs_review_lists_doubtful_items_first_by_category() -> None:
    report, _ = report_for(Decisions(remove=(_d("remove", id="F-deadbeef"),)))
    categories = [item.category for item in report.needs_review]
    assert categories == ["candidate", "unknown word", "quasi-identifier", "quasi-identifier",
                          "awaiting translation", "stale decision"]
    assert report.needs_review[-1].title == "F-deadbeef"
    assert {item.title for item in report.needs_review[2:4]} == {"Bolivia", "the moderator"}


def test_every_finding_has_context_replacement_and_who_decided() -> None:
    report, detection = report_for(Decisions(keep=(_d("keep", text="Bolivia"),), remove=(_d("remove", text="Zanele"),)))
    rows = {f.id: f for f in report.findings}
    first = rows[detection.mentions[0].id]
    assert (first.text, first.before, first.after) == ("Kofi Mensah", "", " said that prices rose in Bolivia last year.")
    assert first.decided_by == "roster" and first.party.startswith("P1 · Kofi Mensah")
    assert first.location == "notes.md, line 2" and first.lang == "en" and first.replacement
    bolivia = next(f for f in report.findings if f.text == "Bolivia")
    assert (bolivia.status, bolivia.decision, bolivia.decided_by) == ("kept", "keep", "reviewer")
    zanele = next(f for f in report.findings if f.text == "Zanele")
    assert (zanele.status, zanele.decided_by, zanele.detector, zanele.lang) == ("removed", "reviewer", "reviewer", "fr")
    speaker = next(f for f in report.findings if f.text == "Ama Owusu")
    assert speaker.location.endswith("(speaker label)")


def test_counts_removed_blocks_decisions_and_inputs() -> None:
    report, _ = report_for(Decisions(keep=(_d("keep", text="Bolivia"),), remove=(_d("remove", text="Ngozi"),)))
    person = next(row for row in report.counts if row.kind == "person")
    assert dict(person.by_lang)["en"] == 3 and person.removed == 3 and person.candidates == 2
    assert report.removed_blocks[0].reason == "participants list"
    assert [(d.action, d.text, d.status) for d in report.decisions] == [
        ("keep", "Bolivia", "applied"), ("remove", "Ngozi", "matched nothing")]
    assert report.inputs[0].name == "notes.md" and report.inputs[0].sha256 == "0" * 64


def test_json_report_round_trips_and_is_owner_only(tmp_path: Path) -> None:
    report, _ = report_for(leaks=(Leak("word/footer1.xml", "paragraph 1", Kind.PERSON, "Kofi", "Call Kofi"),))
    path = tmp_path / "report.json"
    write_json_report(report, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["verdict"] == "leaks" and data["leaks"][0]["location"] == "paragraph 1"
    assert len(data["findings"]) == len(report.findings) and data["settings"]["k"] == 3
    assert not list(tmp_path.glob(".*part"))  # no temporary file left behind


def test_html_is_self_contained_escaped_and_owner_only(tmp_path: Path) -> None:
    report, _ = report_for()
    path = tmp_path / "report.html"
    path.write_text("old", encoding="utf-8")
    os.chmod(path, 0o644)
    write_html_report(report, path)
    html = path.read_text(encoding="utf-8")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "CONFIDENTIAL" in html and "CONFIDENTIEL" in html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", html) and "<link" not in html
    assert "@import" not in html and "url(" not in html


def test_html_escapes_what_the_notes_say() -> None:
    report, _ = report_for()
    hostile = report.findings[0].__class__(**{**report.findings[0].__dict__, "text": "<script>alert(1)</script>"})
    html = render_html(Report(**{**report.__dict__, "findings": (hostile,)}))
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html


class DevTools:
    """A minimal Chrome DevTools Protocol client over --remote-debugging-pipe (fds 3 and 4)."""

    def __init__(self, profile: Path) -> None:
        to_child, self._out = os.pipe()
        self._in, from_child = os.pipe()

        def wire() -> None:  # in the child: its fd 3 reads our commands, fd 4 writes replies
            read_end = fcntl.fcntl(to_child, fcntl.F_DUPFD, 10)
            write_end = fcntl.fcntl(from_child, fcntl.F_DUPFD, 10)
            os.dup2(read_end, 3)
            os.dup2(write_end, 4)

        self.proc = subprocess.Popen(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
             "--disable-background-networking", "--disable-component-update", "--no-first-run",
             "--no-default-browser-check", f"--user-data-dir={profile}", "about:blank"],
            preexec_fn=wire, close_fds=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        os.close(to_child)
        os.close(from_child)
        self._buffer = b""
        self._next = 0
        self.events: list[dict] = []
        self.session: str | None = None

    def send(self, method: str, params: dict | None = None, browser: bool = False, timeout: float = 20) -> dict:
        self._next += 1
        message: dict[str, Any] = {"id": self._next, "method": method, "params": params or {}}
        if self.session and not browser:
            message["sessionId"] = self.session
        os.write(self._out, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self._next:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def _read(self, deadline: float) -> dict:
        while b"\0" not in self._buffer:
            ready, _, _ = select.select([self._in], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                raise TimeoutError("no answer from Chromium")
            chunk = os.read(self._in, 65536)
            if not chunk:
                raise EOFError("Chromium closed the pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def wait_event(self, method: str, timeout: float = 20) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            for event in self.events:
                if event.get("method") == method and event.get("params", {}).get("state", "completed") == "completed":
                    return event
            self.events.append(self._read(deadline))

    def js(self, expression: str) -> Any:
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        return result["result"].get("value")

    def click(self, selector: str) -> None:
        """A real mouse click in the middle of the element."""
        box = self.js(f"(() => {{ const e = document.querySelector({json.dumps(selector)}); e.scrollIntoView({{block: 'center'}});"
                      " const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()")
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", {"type": kind, "x": box[0], "y": box[1], "button": "left", "clickCount": 1})

    def key(self, key: str, code: int) -> None:
        for kind in ("rawKeyDown", "keyUp"):
            self.send("Input.dispatchKeyEvent", {"type": kind, "key": key, "code": key, "windowsVirtualKeyCode": code})

    def close(self) -> None:
        try:
            self.send("Browser.close", browser=True, timeout=5)
        except Exception:  # already gone: fall through to terminate
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        os.close(self._out)
        os.close(self._in)


def visible_ids(tools: DevTools) -> list[str]:
    return tools.js("[...document.querySelectorAll('tr.finding:not(.hidden)')].map(r => r.dataset.id)")


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
def test_reviewer_marks_findings_in_chromium_and_the_decisions_change_the_next_run(tmp_path: Path) -> None:
    leak = Leak("word/footer1.xml", "paragraph 1", Kind.PERSON, "Nguyễn \"Thị\"", "Call Nguyễn")
    report, detection = report_for(leaks=(leak,))
    page = tmp_path / "report.html"
    write_html_report(report, page)
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    tools = DevTools(tmp_path / "profile")
    try:
        tools.send("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads),
                                                   "eventsEnabled": True}, browser=True)
        target = tools.send("Target.createTarget", {"url": page.as_uri()}, browser=True)["targetId"]
        tools.session = tools.send("Target.attachToTarget", {"targetId": target, "flatten": True}, browser=True)["sessionId"]
        tools.send("Runtime.enable")
        for _ in range(100):  # the new tab starts on about:blank: wait for the report's own script
            if tools.js("document.readyState === 'complete' && !!document.getElementById('f-count')?.textContent"):
                break
            time.sleep(0.1)
        everything = visible_ids(tools)
        assert len(everything) == len(report.findings)

        # filtering: free-text search typed into the box, then the type filter with the keyboard
        tools.click("#f-search")
        tools.send("Input.insertText", {"text": "zanele"})
        zanele = next(f for f in report.findings if f.text == "Zanele")
        assert visible_ids(tools) == [zanele.id]
        assert tools.js("document.getElementById('f-count').textContent") == f"Showing 1 of {len(everything)}"
        for _ in "zanele":
            tools.key("Backspace", 8)
        assert visible_ids(tools) == everything
        tools.js("document.getElementById('f-kind').focus()")
        kinds = tools.js("[...document.querySelectorAll('#f-kind option')].map(o => o.value)")
        for _ in range(kinds.index("place")):
            tools.key("ArrowDown", 40)
        bolivia = next(f for f in report.findings if f.text == "Bolivia")
        assert visible_ids(tools) == [bolivia.id]
        tools.key("Home", 36)
        assert visible_ids(tools) == everything

        # marking: keep a false positive, remove a doubtful candidate, then download the file
        tools.click(f'tr[data-id="{bolivia.id}"] button[data-act="keep"]')
        tools.click(f'tr.finding[data-id="{zanele.id}"] button[data-act="remove"]')
        assert tools.js(f"document.querySelector('tr.review-row[data-id=\"{zanele.id}\"] button[data-act=remove]')"
                        ".getAttribute('aria-pressed')") == "true"
        tools.click("button.add-term")  # "Remove everywhere" on the leak
        tools.click("#download-btn")
        tools.wait_event("Browser.downloadProgress")
    finally:
        tools.close()

    decisions = read_decisions(downloads / "decisions.yaml")
    assert [d.id for d in decisions.keep] == [bolivia.id]
    assert [(d.id, d.text, d.kind) for d in decisions.remove] == [(zanele.id, None, None), (None, leak.text, Kind.PERSON)]
    rerun, outcome = apply_decisions(make_detection(), decisions)
    assert "Bolivia" not in [m.text for m in rerun.mentions] and "Zanele" in [m.text for m in rerun.mentions]
    assert rerun.mentions != detection.mentions and outcome.unmatched == decisions.remove[1:]
