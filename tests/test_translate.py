"""Translation stage: backends, placeholder protection, pairs, and what a translator sees."""

from __future__ import annotations

import sys
import types
from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chatham_notes.errors import ConfigurationError
from chatham_notes.model import (
    Block,
    BlockKind,
    GeneralisedBlock,
    Lang,
    Location,
    Placeholder,
    PlaceholderKind,
    Speaker,
)
from chatham_notes.translate import (
    Translator,
    get_translator,
    make_bilingual,
    protect,
    restore,
)

P = Placeholder(PlaceholderKind.PARTICIPANT)
ANOTHER = Placeholder(PlaceholderKind.ANOTHER)
# Fictional people: none of these strings may reach a translator.
ORIGINALS = ("Amina Okafor", "Amina", "Okafor", "Lan Tremblay", "Fictional Water Institute")


def gblock(bid: str, original: str, segments, lang=Lang.EN, kind=BlockKind.PARAGRAPH,
           label=None, removed=None, speaker=None, level=0) -> GeneralisedBlock:
    block = Block(bid, kind, original, lang, Location("notes.md", line=1), speaker=speaker, level=level)
    return GeneralisedBlock(block, tuple(segments), label=label, removed_reason=removed)


class RecordingBackend:
    """A fake machine translator: a phrase table, and a record of every text it receives."""

    name = "fake"

    def __init__(self, table: dict[str, str] | None = None, drop_tokens: bool = False) -> None:
        self.table = table or {}
        self.drop_tokens = drop_tokens
        self.received: list[tuple[str, Lang, Lang]] = []

    def translate(self, texts: Sequence[str], source: Lang, target: Lang) -> list[str]:
        out = []
        for text in texts:
            self.received.append((text, source, target))
            result = text
            for src, dst in self.table.items():
                result = result.replace(src, dst)
            if self.drop_tokens:
                result = result.replace("⟦1⟧", "").replace("⟦2⟧", "")
            out.append(result)
        return out


def test_protect_and_restore_round_trip():
    segments = (P, " said that ", ANOTHER, " disagreed.")
    text, holders = protect(segments)
    assert text == "⟦1⟧ said that ⟦2⟧ disagreed."
    assert holders == (P, ANOTHER)
    assert restore("⟦1⟧ a dit que ⟦2⟧ n'était pas d'accord.", holders) == (
        P, " a dit que ", ANOTHER, " n'était pas d'accord.")


@pytest.mark.parametrize("translated", ["⟦1⟧ a dit", "a dit", "⟦1⟧ ⟦1⟧ ⟦2⟧ a dit", "⟦3⟧ a dit"])
def test_restore_rejects_lost_or_invented_tokens(translated):
    _, holders = protect((P, " said ", ANOTHER))
    assert restore(translated, holders) is None


def test_none_translator_keeps_source_text_and_marks_pending():
    blocks = [gblock("b1", "Amina Okafor said water matters.", [P, " said water matters."])]
    [out] = make_bilingual(blocks, get_translator("none"))
    assert out.en == "A participant said water matters."
    assert out.fr == out.en  # the original text, placeholders in the source language
    assert out.pending is True
    assert out.source_lang is Lang.EN


def test_french_block_with_none_translator_renders_placeholders_in_french():
    blocks = [gblock("b1", "Selon Amina, l'eau compte.", ["Selon ", P, ", l'eau compte."], lang=Lang.FR)]
    [out] = make_bilingual(blocks, get_translator("none"))
    assert out.fr == "Selon une personne participante, l'eau compte."
    assert out.en == out.fr and out.pending


def test_translator_receives_only_text_without_names():
    backend = RecordingBackend({" said that water matters.": " a dit que l'eau compte."})
    blocks = [
        gblock("b1", "Amina Okafor said that water matters.", [P, " said that water matters."]),
        gblock("b2", "Water matters, Lan Tremblay replied.", ["Water matters, ", ANOTHER, " replied."],
               kind=BlockKind.TURN, label=(P,), speaker=Speaker("Amina", "Fictional Water Institute")),
    ]
    make_bilingual(blocks, backend)
    sent = " ".join(text for text, _, _ in backend.received)
    assert sent, "the backend was called"
    for original in ORIGINALS:
        assert original not in sent
    assert "⟦1⟧" in sent
    assert all((src, dst) == (Lang.EN, Lang.FR) for _, src, dst in backend.received)
    # the same blocks handed to a human translator as XLIFF: no name either
    from chatham_notes.xliff import export_units, xliff_bytes

    pending = make_bilingual(blocks, get_translator("none"))
    units = export_units([(("t", "t"), pending)])
    exported = xliff_bytes(units, Lang.EN, Lang.FR).decode("utf-8")
    assert [u.block_id for u in units] == ["b1", "b2"] and '<x id="1"' in exported
    for original in ORIGINALS:
        assert original not in exported


def test_translation_renders_placeholders_in_target_language():
    backend = RecordingBackend({" said that water matters.": " a dit que l'eau compte."})
    blocks = [gblock("b1", "Amina said that water matters.", [P, " said that water matters."])]
    [out] = make_bilingual(blocks, backend)
    assert out.en == "A participant said that water matters."
    assert out.fr == "Une personne participante a dit que l'eau compte."
    assert out.pending is False


def test_lost_tokens_fall_back_to_translating_each_run():
    backend = RecordingBackend({"said that water matters.": "a dit que l'eau compte."}, drop_tokens=True)
    blocks = [gblock("b1", "Amina said that water matters.", [P, " said that water matters."])]
    [out] = make_bilingual(blocks, backend)
    assert out.fr == "Une personne participante a dit que l'eau compte."
    assert backend.received[-1][0] == "said that water matters."


def test_turn_label_is_rendered_never_translated():
    backend = RecordingBackend()
    blocks = [gblock("b1", "Water first.", ["Water first."], kind=BlockKind.TURN, label=(P,),
                     speaker=Speaker("Amina Okafor"))]
    [out] = make_bilingual(blocks, backend)
    assert (out.label_en, out.label_fr) == ("A participant", "Une personne participante")
    assert [t for t, _, _ in backend.received] == ["Water first."]


def test_removed_blocks_are_skipped_but_attendance_is_rendered_without_translator():
    attendance = Placeholder(PlaceholderKind.ATTENDANCE, count=23, sectors=5)
    backend = RecordingBackend()
    blocks = [
        gblock("b1", "Amina Okafor, Lan Tremblay", [], removed="participants list"),
        gblock("b2", "Participants: Amina, Lan", [attendance], removed="participants list"),
    ]
    out = make_bilingual(blocks, backend)
    assert [b.block_id for b in out] == ["b2"]
    assert out[0].en == "Twenty-three participants from five sectors took part."
    assert out[0].fr == "Vingt-trois personnes de cinq secteurs y ont pris part."
    assert backend.received == []


def test_mixed_block_takes_the_documents_majority_language():
    backend = RecordingBackend()
    blocks = [
        gblock("b1", "L'eau compte.", ["L'eau compte."], lang=Lang.FR),
        gblock("b2", "Le drug policy compte.", ["Le drug policy compte."], lang=Lang.MIXED),
        gblock("b3", "La santé aussi.", ["La santé aussi."], lang=Lang.FR),
    ]
    out = make_bilingual(blocks, backend)
    assert out[1].source_lang is Lang.FR
    assert {(src, dst) for _, src, dst in backend.received} == {(Lang.FR, Lang.EN)}


def test_unknown_language_defaults_to_english():
    [out] = make_bilingual([gblock("b1", "OK.", ["OK."], lang=Lang.UNKNOWN)], get_translator("none"))
    assert out.source_lang is Lang.EN


def test_key_section_heading_is_rendered_by_the_tool():
    backend = RecordingBackend()
    blocks = [gblock("h1", "Key messages:", ["Key messages:"], kind=BlockKind.HEADING, level=2)]
    [out] = make_bilingual(blocks, backend)
    assert (out.en, out.fr, out.pending) == ("Key messages", "Messages clés", False)
    assert backend.received == []


def test_pairs_aligns_en_and_fr_paragraphs():
    blocks = [
        gblock("b1", "EN: Amina said water matters.", ["EN: ", P, " said water matters."]),
        gblock("b2", "FR : Amina a dit que l'eau compte.", ["FR : ", P, " a dit que l'eau compte."], lang=Lang.FR),
        gblock("b3", "[FR] L'eau d'abord.", ["[FR] L'eau d'abord."], lang=Lang.FR),
        gblock("b4", "[EN] Water first.", ["[EN] Water first."]),
        gblock("b5", "No pair here.", ["No pair here."]),
    ]
    out = make_bilingual(blocks, get_translator("pairs"))
    assert [b.block_id for b in out] == ["b1", "b3", "b5"]
    assert out[0].en == "A participant said water matters."
    assert out[0].fr == "Une personne participante a dit que l'eau compte."
    assert (out[1].en, out[1].fr, out[1].source_lang) == ("Water first.", "L'eau d'abord.", Lang.FR)
    assert not out[0].pending and not out[1].pending
    assert out[2].pending and out[2].fr == "No pair here."


def test_pairs_leaves_two_english_blocks_unpaired():
    blocks = [gblock("b1", "EN: One.", ["EN: One."]), gblock("b2", "EN: Two.", ["EN: Two."])]
    out = make_bilingual(blocks, get_translator("pairs"))
    assert len(out) == 2 and all(b.pending for b in out)


def test_get_translator_names():
    assert get_translator("none").name == "none"
    assert get_translator("pairs").name == "pairs"
    assert isinstance(get_translator("none"), Translator)
    with pytest.raises(ConfigurationError):
        get_translator("deepl")


def test_argos_missing_module_says_how_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "argostranslate", None)
    monkeypatch.setitem(sys.modules, "argostranslate.translate", None)
    with pytest.raises(ConfigurationError) as err:
        get_translator("argos")
    message = str(err.value)
    assert "pip install 'chatham-notes[argos]'" in message
    assert "argospm" in message and "\n" not in message


class _FakeArgosLanguage:
    def __init__(self, code: str, targets: dict) -> None:
        self.code, self._targets = code, targets

    def get_translation(self, other):
        return self._targets.get(other.code)


class _FakeArgosTranslation:
    def __init__(self, table: dict[str, str]) -> None:
        self.table = table

    def translate(self, text: str) -> str:
        return self.table.get(text, text)


def _fake_argos(monkeypatch, with_fr_en: bool = True) -> None:
    en = _FakeArgosLanguage("en", {"fr": _FakeArgosTranslation({"⟦1⟧ agreed.": "⟦1⟧ était d'accord."})})
    fr = _FakeArgosLanguage("fr", {"en": _FakeArgosTranslation({})} if with_fr_en else {})
    translate_mod = types.ModuleType("argostranslate.translate")
    translate_mod.get_installed_languages = lambda: [en, fr]
    package = types.ModuleType("argostranslate")
    package.translate = translate_mod
    monkeypatch.setitem(sys.modules, "argostranslate", package)
    monkeypatch.setitem(sys.modules, "argostranslate.translate", translate_mod)


def test_argos_translates_with_installed_packages(monkeypatch):
    _fake_argos(monkeypatch)
    translator = get_translator("argos")
    [out] = make_bilingual([gblock("b1", "Lan agreed.", [P, " agreed."])], translator)
    assert out.fr == "Une personne participante était d'accord." and not out.pending


def test_argos_without_fr_en_package_is_a_configuration_error(monkeypatch):
    _fake_argos(monkeypatch, with_fr_en=False)
    with pytest.raises(ConfigurationError, match="argospm"):
        get_translator("argos")


_segment = st.one_of(
    st.text(alphabet=st.characters(blacklist_characters="⟦⟧", blacklist_categories=("Cs",)), max_size=12),
    st.sampled_from([P, ANOTHER, Placeholder(PlaceholderKind.PRONOUN, form="subject")]),
)


@given(st.lists(_segment, max_size=8))
def test_restore_inverts_protect(segments):
    text, holders = protect(segments)
    merged: list = []
    for segment in segments:
        if isinstance(segment, str) and merged and isinstance(merged[-1], str):
            merged[-1] += segment
        elif segment != "":
            merged.append(segment)
    assert restore(text, holders) == tuple(s for s in merged if s != "")


def test_restore_accepts_tokens_padded_with_spaces():
    assert restore("⟦ 1 ⟧ a dit", (P,)) == (P, " a dit")


def test_argos_without_a_package_says_which_one_in_one_line(monkeypatch):
    _fake_argos(monkeypatch, with_fr_en=False)
    with pytest.raises(ConfigurationError) as err:
        get_translator("argos")
    message = str(err.value)
    assert "fr->en language package" in message and "en->fr" not in message
    assert "install_from_path" in message and "\n" not in message


def test_translations_record_who_wrote_them():
    backend = RecordingBackend({" said that water matters.": " a dit que l'eau compte."})
    [out] = make_bilingual([gblock("b1", "Amina said that water matters.", [P, " said that water matters."])],
                           backend)
    assert out.translated_by == "fake"
    [pending] = make_bilingual([gblock("b1", "Water.", ["Water."])], get_translator("none"))
    assert pending.translated_by == ""


def test_a_machine_translates_a_mixed_block_sentence_by_sentence():
    backend = RecordingBackend({" said that water shortages are getting worse every year.":
                                " a dit que les pénuries d'eau s'aggravent chaque année.",
                                "Les prix de l'eau augmentent fortement dans les villes.":
                                "Water prices are rising sharply in cities."})
    en_sentence, fr_sentence = " said that water shortages are getting worse every year. ", \
        "Les prix de l'eau augmentent fortement dans les villes."
    blocks = [gblock("b1", "Amina" + en_sentence + fr_sentence, [P, en_sentence, fr_sentence], lang=Lang.MIXED)]
    [block] = make_bilingual(blocks, backend)
    assert sorted(backend.received) == sorted([
        ("⟦1⟧ said that water shortages are getting worse every year.", Lang.EN, Lang.FR),
        ("Les prix de l'eau augmentent fortement dans les villes.", Lang.FR, Lang.EN)])
    assert not block.pending and block.translated_by == "fake" and block.source_lang is Lang.MIXED
    assert block.fr == ("Une personne participante a dit que les pénuries d'eau s'aggravent chaque année. "
                        "Les prix de l'eau augmentent fortement dans les villes.")
    assert block.en == "A participant said that water shortages are getting worse every year. Water prices are rising sharply in cities."


def test_a_short_sentence_in_the_other_language_makes_a_block_go_sentence_by_sentence():
    text = "Harm reduction first. Sans services de réduction des risques, le développement alternatif ne suffit pas."
    [block] = make_bilingual([gblock("b1", text, [text], lang=Lang.FR)], get_translator("none"))
    assert [(r.block_id, r.source, r.text) for r in block.awaiting] == [
        ("b1.1", Lang.EN, "Harm reduction first."),
        ("b1.2", Lang.FR, "Sans services de réduction des risques, le développement alternatif ne suffit pas.")]
