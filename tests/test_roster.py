"""Roster files (CSV comma/semicolon, BOM, cp1252, YAML), their errors, and programme extraction."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from chatham_notes.errors import InputError
from chatham_notes.model import Role, Sector
from chatham_notes.roster import extract_roster, parse_role, parse_sector, read_roster, write_roster_csv

SEED = Path("/work/shared/seed/workshop-invitation.txt")
HEADER = "name,aliases,affiliation,affiliation_aliases,category,role\n"


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_sample_rosters_agree(samples_dir: Path) -> None:
    en = read_roster(samples_dir / "roster.csv")
    fr = read_roster(samples_dir / "roster-fr.csv")
    assert [p.id for p in en.participants] == [f"R{n}" for n in range(1, 10)]
    assert [(p.name, p.sector, p.role) for p in en.participants] == [(p.name, p.sector, p.role) for p in fr.participants]
    marchand = en.participants[1]
    assert marchand.aliases == ("AM", "A.M.", "Amélie", "Mme MARCHAND")
    assert marchand.affiliation_aliases == ("UNODC", "ONUDC")
    assert marchand.sector is Sector.INTERNATIONAL and marchand.role is Role.PANELLIST
    assert en.source == str(samples_dir / "roster.csv")


@pytest.mark.parametrize(("name", "text", "encoding"), [
    ("comma.csv", HEADER + "Jane Doe,JD|Jane,UNODC,ONUDC,IO,modératrice\n", "utf-8"),
    ("semi.csv", HEADER.replace(",", ";") + "Jane Doe;JD|Jane;UNODC;ONUDC;IO;modératrice\n", "utf-8"),
    ("bom.csv", "\ufeff" + HEADER + "Jane Doe,JD|Jane,UNODC,ONUDC,IO,modératrice\n", "utf-8"),
    ("cp.csv", HEADER.replace(",", ";") + "Jane Doe;JD|Jane;UNODC;ONUDC;IO;modératrice\r\n", "cp1252"),
])
def test_csv_variants(tmp_path: Path, name: str, text: str, encoding: str) -> None:
    (p,) = read_roster(write(tmp_path, name, text, encoding)).participants
    assert (p.name, p.aliases, p.affiliation, p.affiliation_aliases) == ("Jane Doe", ("JD", "Jane"), "UNODC", ("ONUDC",))
    assert p.sector is Sector.INTERNATIONAL and p.role is Role.MODERATOR


def test_only_name_required(tmp_path: Path) -> None:
    roster = read_roster(write(tmp_path, "names.csv", "name\nJane Doe\n\nSam Poe\n"))
    assert [(p.id, p.name, p.sector, p.role) for p in roster.participants] == [
        ("R1", "Jane Doe", None, Role.PARTICIPANT), ("R2", "Sam Poe", None, Role.PARTICIPANT)]


@pytest.mark.parametrize("form", ["list", "mapping"])
def test_yaml(tmp_path: Path, form: str) -> None:
    entries = ("- name: Jane Doe\n  aliases: [JD, Jane]\n  affiliation: WHO\n  affiliation_aliases: OMS|World Health Organization\n"
               "  category: organisation internationale\n  role: présidente de séance\n- name: Sam Poe\n")
    text = entries if form == "list" else "participants:\n" + "".join("  " + line + "\n" for line in entries.splitlines())
    jane, sam = read_roster(write(tmp_path, "r.yaml", text)).participants
    assert jane.aliases == ("JD", "Jane") and jane.affiliation_aliases == ("OMS", "World Health Organization")
    assert jane.sector is Sector.INTERNATIONAL and jane.role is Role.CHAIR
    assert sam.id == "R2" and sam.role is Role.PARTICIPANT


@pytest.mark.parametrize(("name", "text", "pattern"), [
    ("noname.csv", "nom_complet,affiliation\nJane Doe,WHO\n", "no 'name' column"),
    ("dup.csv", HEADER + "Jane Doe,,,,,\nSam Poe,,,,,\njane  doe,,,,,\n", "line 4 repeats the name on line 2"),
    ("cat.csv", HEADER + "Jane Doe,,,,space agency,\n", r"unknown category 'space agency'.*international organisation / organisation internationale.*foundation / fondation"),
    ("blank.csv", HEADER + ",JD,WHO,,,\n", "line 2 has no name"),
    ("bad.yaml", "- name: [unclosed\n", "malformed YAML"),
    ("scalar.yaml", "just a string\n", "list of entries"),
    ("r.xlsx", "x", "unsupported roster type"),
    ("empty.csv", "", "is empty"),
])
def test_roster_errors(tmp_path: Path, name: str, text: str, pattern: str) -> None:
    path = write(tmp_path, name, text)
    with pytest.raises(InputError, match=pattern) as info:
        read_roster(path)
    assert str(path) in str(info.value) and "\n" not in str(info.value)
    assert "Jane" not in str(info.value)  # errors go to stderr: never a name


def test_missing_roster(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="file not found"):
        read_roster(tmp_path / "absent.csv")


@pytest.mark.parametrize(("text", "role"), [
    ("moderator", Role.MODERATOR), ("Modératrice", Role.MODERATOR), ("chair", Role.CHAIR),
    ("présidente de séance", Role.CHAIR), ("panellist", Role.PANELLIST), ("intervenant·e", Role.PANELLIST),
    ("Speakers", Role.PANELLIST), ("rapporteur·euse", Role.RAPPORTEUR), ("observatrice", Role.OBSERVER),
    ("participant·e", Role.PARTICIPANT), ("Comité d'organisation", Role.ORGANISER), ("co-chair", Role.CHAIR),
    ("sociologue", Role.PARTICIPANT), ("", Role.PARTICIPANT),
])
def test_parse_role(text: str, role: Role) -> None:
    assert parse_role(text) is role


@pytest.mark.parametrize(("text", "sector"), [
    ("international organisation", Sector.INTERNATIONAL), ("Organisation internationale", Sector.INTERNATIONAL),
    ("civil society", Sector.CIVIL_SOCIETY), ("société civile", Sector.CIVIL_SOCIETY), ("academia", Sector.ACADEMIA),
    ("milieu universitaire", Sector.ACADEMIA), ("recherche", Sector.ACADEMIA), ("private sector", Sector.PRIVATE),
    ("secteur privé", Sector.PRIVATE), ("government", Sector.GOVERNMENT), ("administration publique", Sector.GOVERNMENT),
    ("gouvernement", Sector.GOVERNMENT), ("foundation", Sector.FOUNDATION), ("fondation", Sector.FOUNDATION),
    ("private_sector", Sector.PRIVATE), ("martians", None),
])
def test_parse_sector(text: str, sector: Sector | None) -> None:
    assert parse_sector(text) is sector


def test_write_then_read(tmp_path: Path, samples_dir: Path) -> None:
    roster = read_roster(samples_dir / "roster.csv")
    buffer = io.StringIO()
    write_roster_csv(roster, buffer)
    again = read_roster(write(tmp_path, "again.csv", buffer.getvalue()))
    assert again.participants == roster.participants


def test_extract_sample_programme(samples_dir: Path) -> None:
    people = extract_roster(samples_dir / "programme.txt").participants
    got = [(p.name, p.affiliation, p.role) for p in people]
    assert got == [
        ("Moussa Diallo", "WHO", Role.MODERATOR),
        ("Amélie Marchand", "UNODC", Role.PANELLIST),
        ("Jean-Claude Guérin", "Malongo", Role.PANELLIST),
        ("Nguyễn Thị Hoa", "Hanoi Medical University", Role.PANELLIST),
        ("Hélène Dubreuil", "Fondation Santé Développement", Role.ORGANISER),
        ("Sophie Lefort", "Université Paris 8", Role.ORGANISER),
        ("Grace Rose", "Médecins du Monde", Role.ORGANISER),
    ]
    assert [p.id for p in people] == [f"R{n}" for n in range(1, 8)]


def test_extract_markdown_and_docx_programme(tmp_path: Path) -> None:
    import docx

    md = write(tmp_path, "agenda.md", "# Agenda\n\nModératrice : Jane Doe (WHO)\n\n## Panel\n\n- Sam Poe, Research Unit, UNODC\n"
                                       "- Why prices rose, a discussion\n\nSpeakers:\n\nAda Lovelace, Analytical Engines Ltd\n")
    assert [(p.name, p.affiliation, p.role) for p in extract_roster(md).participants] == [
        ("Jane Doe", "WHO", Role.MODERATOR), ("Sam Poe", "UNODC", Role.PANELLIST),
        ("Ada Lovelace", "Analytical Engines Ltd", Role.PANELLIST)]
    d = docx.Document()
    d.add_paragraph("Moderator: Jane Doe, World Health Organization")
    d.add_paragraph("Sam Poe, UNODC", style="List Bullet")
    d.save(tmp_path / "agenda.docx")
    assert [(p.name, p.role) for p in extract_roster(tmp_path / "agenda.docx").participants] == [
        ("Jane Doe", Role.MODERATOR), ("Sam Poe", Role.PANELLIST)]


@pytest.mark.skipif(not SEED.exists(), reason="the seed invitation is not available")
def test_extract_seed_invitation() -> None:
    people = extract_roster(SEED).participants
    assert len(people) == 9
    roles = [p.role for p in people]
    assert roles.count(Role.MODERATOR) == 1 and roles.count(Role.ORGANISER) == 3 and roles.count(Role.PANELLIST) == 5
    text = SEED.read_text(encoding="utf-8")
    moderator = next(p for p in people if p.role is Role.MODERATOR)
    assert f"Moderator: {moderator.name}, {moderator.affiliation}" in text
    assert all(p.name in text for p in people)


def test_extract_unsupported(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="unsupported programme type"):
        extract_roster(write(tmp_path, "p.vtt", "WEBVTT\n"))
