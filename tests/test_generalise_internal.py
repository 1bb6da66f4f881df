"""The rapporteur's internal lines, in English and French: cut, listed, and content left alone."""

from __future__ import annotations

import pytest

from chatham_notes.generalise import GeneraliseOptions, generalise
from chatham_notes.generalise.internal import internal_cuts, is_sign_off
from chatham_notes.generalise.wording import render_segments
from chatham_notes.model import Lang
from chatham_notes.report import build_report
from test_generalise_fake import make_detection, make_parties

PARTIES = make_parties({"P1": {"label": "Amina Diallo"}, "P2": {"label": "Ben Carter"},
                        "O1": {"label": "Kestrel Institute"}})
MARKS = {"Amina Diallo": "P1", "Amina": "P1", "Ben Carter": "P2", "Ben": "P2", "Kestrel Institute": "O1",
         "amina@example.org": "email", "+33 1 23 45 67 89": "phone"}

# (language, blocks of the note, what redact keeps of each block: None when removed, reason or None)
CASES = [
    ("en", ["Prices rose. Do not circulate."], ["Prices rose."], ["distribution warning"]),
    ("en", ["DRAFT – INTERNAL, not for circulation"], [None], ["distribution warning"]),
    ("en", ["Note to self: ask Ben for the slides."], [None], ["note to self"]),
    ("en", ["Prices rose. Note to self: check with Amina."], ["Prices rose."], ["note to self"]),
    ("en", ["[00:10:05] crosstalk, inaudible — note to self: ask Ben for the recording"], [None], ["note to self"]),
    ("en", ["TODO: check the figures"], [None], ["note to self"]),
    ("en", ["This draft is to be cleaned before it goes out."], [None], ["distribution warning"]),
    ("en", ["Best,", "Amina"], [None, None], ["sign-off", "sign-off"]),
    ("en", ["Kind regards, Ben Carter"], [None], ["sign-off"]),
    ("en", ["Notes: Amina Diallo (Kestrel Institute) – amina@example.org"], [None], ["contact block"]),
    ("fr", ["Les prix montent. Ne pas diffuser."], ["Les prix montent."], ["distribution warning"]),
    ("fr", ["Compte rendu à nettoyer avant diffusion."], [None], ["distribution warning"]),
    ("fr", ["NB pour moi : vérifier les chiffres avec Ben."], [None], ["note to self"]),
    ("fr", ["À vérifier : les chiffres de 2022."], [None], ["note to self"]),
    ("fr", ["Cordialement,", "Amina Diallo", "Tél. : +33 1 23 45 67 89"], [None, None, None],
     ["sign-off", "sign-off", "sign-off"]),
    ("fr", ["Bien à vous, Ben"], [None], ["sign-off"]),
    # A title's full stop ends no sentence: the whole warning goes, not its first three words.
    ("fr", ["usage interne uniquement : M. Ben a quitté la salle à 15h10"], [None], ["distribution warning"]),
    ("en", ["Internal use only: Dr. Ben left at 3 pm. Prices rose."], ["Prices rose."], ["distribution warning"]),
]

# Content that looks like an internal line and is not.
CONTENT = [
    ("en", "Best practice is to fund harm reduction first."),
    ("en", "The draft law should not circulate before the vote, Amina said."),
    ("en", "Thanks, all — we break for 15 minutes."),
    ("en", "Regardless of funding, the clinics stayed open."),
    ("en", "The figures are still to be confirmed."),
    ("fr", "Pour moi, la question est ailleurs, dit Ben."),
    ("fr", "Les chiffres restent à vérifier selon Amina."),
    ("fr", "Cordialement accueillie, la proposition a été adoptée à l'unanimité par les membres présents ce jour."),
]


def _run(lang: str, texts: list[str]):
    blocks = [{"text": t} for t in texts]
    return generalise(make_detection(blocks, MARKS, PARTIES, Lang(lang)), None, GeneraliseOptions())


@pytest.mark.parametrize("lang, texts, kept, reasons", CASES)
def test_internal_lines_are_cut_and_say_why(lang, texts, kept, reasons):
    result = _run(lang, texts)
    for block, want, reason in zip(result, kept, reasons, strict=True):
        if want is None:
            assert block.segments == () and block.removed_reason == f"removed internal line: {reason}"
        else:
            assert render_segments(block.segments, Lang(lang)) == want
            assert [r for r, _ in block.internal] == [f"removed internal line: {reason}"]


@pytest.mark.parametrize("lang, text", CONTENT)
def test_content_is_not_an_internal_line(lang, text):
    result = _run(lang, [text])
    assert result[0].removed_reason is None and result[0].internal == ()
    assert internal_cuts(text) == [] and not is_sign_off(text)


def test_the_report_lists_every_internal_line_with_its_location():
    detection = make_detection([{"text": "Prices rose. Do not circulate."}, {"text": "Best,"}],
                               MARKS, PARTIES, Lang.EN)
    generalised = generalise(detection, None, GeneraliseOptions())
    report = build_report(detections=[detection], generalised=[generalised])
    rows = [(r.reason, r.text) for r in report.removed_blocks]
    assert rows == [("removed internal line: distribution warning", "Do not circulate."),
                    ("removed internal line: sign-off", "Best,")]
    assert all(r.location for r in report.removed_blocks)


def test_a_turn_that_is_only_a_note_to_self_is_removed_and_takes_no_number():
    blocks = [{"text": "note to self: call back", "speaker": "Amina"}, {"text": "Prices rose.", "speaker": "Ben"}]
    result = generalise(make_detection(blocks, MARKS, PARTIES, Lang.EN), None, GeneraliseOptions())
    assert result[0].segments == () and result[0].label is None
    assert render_segments(result[1].label, Lang.EN) == "Intervention 1"
