"""The command line: help, version, exit codes and one-line errors (no pipeline models needed)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from chatham_notes import __version__
from chatham_notes.cli import cli


def all_commands(group=cli, prefix=()):
    for name, command in group.commands.items():
        yield (*prefix, name), command
        if hasattr(command, "commands"):
            yield from all_commands(command, (*prefix, name))


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_cli_version(runner):
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output


@pytest.mark.parametrize("path", [p for p, _ in all_commands()], ids=lambda p: " ".join(p))
def test_cli_every_command_has_help(runner, path):
    result = runner.invoke(cli, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output
    command = dict(all_commands())[path]
    assert command.help, f"{' '.join(path)} has no help text"
    for param in command.params:
        if param.name != "help" and getattr(param, "help", None) is None and param.param_type_name == "option":
            pytest.fail(f"option {param.name} of {' '.join(path)} has no help")


def test_cli_expected_subcommands_exist():
    names = {" ".join(p) for p, _ in all_commands()}
    assert {"summarise", "redact", "check", "roster", "roster extract", "demo"} <= names


def test_cli_unknown_option_is_usage_error(runner):
    result = runner.invoke(cli, ["summarise", "--nope"])
    assert result.exit_code == 2


def test_cli_output_in_missing_folder_exits_2_before_work(runner, tmp_path):
    note = tmp_path / "n.md"
    note.write_text("Some notes.\n", encoding="utf-8")
    result = runner.invoke(cli, ["summarise", str(note), "-o", str(tmp_path / "missing" / "s.docx")])
    assert result.exit_code == 2
    assert "does not exist" in result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_cli_check_needs_something_to_check_against(runner, tmp_path):
    target = tmp_path / "s.txt"
    target.write_text("clean text\n", encoding="utf-8")
    result = runner.invoke(cli, ["check", str(target)])
    assert result.exit_code == 2
    assert "--roster" in result.output


def test_cli_redacted_turn_follows_each_languages_typography():
    from chatham_notes.model import Lang
    from chatham_notes.pipeline import RedactedBlock

    french = RedactedBlock("n:1", "n.md, line 1", "Une personne participante", "le prix baisse.", Lang.FR)
    english = RedactedBlock("n:2", "n.md, line 2", "A participant", "prices fell.", Lang.EN)
    assert french.line == "Une personne participante\u00a0: le prix baisse."
    assert english.line == "A participant: prices fell."


def test_cli_check_lists_planted_leaks_without_names(runner, tmp_path):
    """`check` on a hand-edited summary: every planted name found, exit 1, names only on request."""
    import test_verify as planted

    roster = tmp_path / "roster.csv"
    roster.write_text("name,aliases,affiliation\nNguyễn Thị Lan,,Saigon Policy Lab\nMarguerite Rose,Maggie,\n"
                      "Jean-Claude Obi,,Observatoire des Drogues\n", encoding="utf-8")
    document = planted.base_document()
    for plant in (planted.plant_header, planted.plant_footer, planted.plant_table_cell, planted.plant_author,
                  planted.plant_comment):
        plant(document)
    target = tmp_path / "edited.docx"
    document.save(target)

    result = runner.invoke(cli, ["check", str(target), "--roster", str(roster)])
    assert result.exit_code == 1
    parts = " ".join(result.output.splitlines()[:-1])
    for part in ("header", "footer", "comments", "docProps/core.xml", "document.xml"):
        assert part in parts, result.output
    for name in ("Nguy", "Marguerite", "Maggie", "Obi", "Observatoire", "Saigon"):
        assert name not in result.output

    shown = runner.invoke(cli, ["check", str(target), "--roster", str(roster), "--show-originals"])
    assert shown.exit_code == 1 and "Jean-Claude Obi" in shown.output

    clean = planted.base_document()
    clean.save(tmp_path / "clean.docx")
    result = runner.invoke(cli, ["check", str(tmp_path / "clean.docx"), "--roster", str(roster)])
    assert result.exit_code == 0, result.output
