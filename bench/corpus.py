"""Deterministic, realistic meeting notes for the speed benchmark (issue 8).

`make_roster()` gives a 60-participant fictional roster (ten per sector) and
`generate(words, seed)` gives notes of exactly `words` words (see `count_words`),
English, French and mixed, in the shapes rapporteurs write: front matter, headings,
bullets with initials, speaker turns `Name (Org): …`, attribution sentences
("X said that…", « Selon X, … »), contacts, and content terms that must stay
(countries, drugs, CND, INCB, SDG 3, UNGASS 2016).

All the people are fictional. Institutions are real international organisations
or invented ones.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from random import Random

# (acronym, English name, French acronym, French name, e-mail domain, category)
ORGS = (
    ("UNODC", "United Nations Office on Drugs and Crime", "ONUDC", "Office des Nations Unies contre la drogue et le crime", "unodc.org", "international organisation"),
    ("WHO", "World Health Organization", "OMS", "Organisation mondiale de la Santé", "who.int", "international organisation"),
    ("UNAIDS", "Joint United Nations Programme on HIV/AIDS", "ONUSIDA", "Programme commun des Nations Unies sur le VIH/sida", "unaids.org", "international organisation"),
    ("HRNWA", "Harm Reduction Network of West Africa", "RRRAO", "Réseau de réduction des risques d'Afrique de l'Ouest", "hrnwa.org", "civil society"),
    ("CSD", "Coalition Santé Droits", "CSD", "Coalition Santé Droits", "coalition-sante-droits.org", "civil society"),
    ("DPV", "Drug Policy Voices", "DPV", "Drug Policy Voices", "drugpolicyvoices.net", "civil society"),
    ("HMU", "Hanoi Medical University", "HMU", "Université de médecine de Hanoï", "hmu.edu.vn", "academia"),
    ("ISPL", "Lyon Institute of Public Health", "ISPL", "Institut de santé publique de Lyon", "ispl-lyon.fr", "academia"),
    ("CAPR", "Centre for Addiction Policy Research", "CAPR", "Centre de recherche sur les politiques des addictions", "capr.ac.uk", "academia"),
    ("Meridian", "Meridian Pharma", "Meridian", "Meridian Pharma", "meridianpharma.com", "private sector"),
    ("Sanovia", "Sanovia Laboratories", "Sanovia", "Laboratoires Sanovia", "sanovia.fr", "private sector"),
    ("MSHP", "Ministry of Health and Public Hygiene", "MSHP", "Ministère de la Santé et de l'Hygiène publique", "sante.gouv.ci", "government"),
    ("NDCA", "National Drug Control Agency", "ANLD", "Agence nationale de lutte contre la drogue", "ndca.gov.gh", "government"),
    ("OHF", "Open Horizons Foundation", "FOH", "Fondation Open Horizons", "openhorizons.org", "foundation"),
    ("FLS", "Lumière Santé Foundation", "FLS", "Fondation Lumière Santé", "fondation-lumiere.org", "foundation"),
)

# name, aliases ("|"), index into ORGS, role. Ten per sector, in ORGS order.
PEOPLE = (
    ("Amina Diallo", "Dr Diallo", 0, "moderator"), ("Jean-Claude Mensah", "JC", 1, "panellist"),
    ("Nguyễn Thị Lan", "Lan|Dr Nguyen", 2, "panellist"), ("Priya Raman", "", 1, "participant"),
    ("Tomasz Wierzbicki", "Tom", 0, "participant"), ("Lucía Fernández Ortega", "Lucía Fernández", 2, "participant"),
    ("Kwame Boateng", "", 1, "observer"), ("Hélène Marchetti", "", 0, "participant"),
    ("Yusuf Adeyemi", "", 2, "participant"), ("Sofia Lindqvist", "", 1, "participant"),
    ("Marie-Ange Kouassi", "Mme Kouassi", 3, "intervenante"), ("Olumide Bankole", "Olu", 3, "participant"),
    ("Fatou Ndiaye", "", 4, "participante"), ("Diego Alvarado", "", 5, "panellist"),
    ("Camille Rousseau", "", 4, "rapporteur"), ("Rahul Menon", "", 5, "participant"),
    ("Aïssatou Barry", "Aissatou Barry", 3, "participante"), ("Pierre-Yves Lemoine", "PY", 4, "participant"),
    ("Grace Wanjiru", "", 5, "participant"), ("Elif Demir", "", 5, "observer"),
    ("Trần Văn Minh", "Prof. Minh|Tran Van Minh", 6, "panellist"), ("Émilie Gauthier", "", 7, "intervenante"),
    ("Samuel Osei", "Sam Osei", 8, "participant"), ("Ingrid Haugen", "", 8, "participant"),
    ("Mariana Costa", "", 8, "participant"), ("Bruno Lefebvre", "", 7, "participant"),
    ("Adaeze Okafor", "Ada", 8, "panellist"), ("Chen Jiayi", "", 6, "participant"),
    ("Natalia Ivanova", "", 8, "participant"), ("Omar Haddad", "", 7, "participant"),
    ("Daniel Whitmore", "Dan Whitmore", 9, "panellist"), ("Claire Dubois", "", 10, "participante"),
    ("Arjun Kapoor", "", 9, "participant"), ("Sabine Keller", "", 10, "participant"),
    ("Marc-Antoine Girard", "", 10, "participant"), ("Yasmin Al-Sayed", "", 9, "participant"),
    ("Kenji Watanabe", "", 9, "participant"), ("Rose Young", "", 9, "participant"),
    ("Thabo Nkosi", "", 9, "participant"), ("Julie Petit", "", 10, "participante"),
    ("Abdoulaye Traoré", "M. Traoré", 11, "président de séance"), ("Sarah Grand", "", 12, "participant"),
    ("Mohamed Benali", "", 11, "participant"), ("Anne-Sophie Morel", "", 11, "participante"),
    ("Kofi Asante", "", 12, "chair"), ("Lucie Bonjour", "", 11, "participante"),
    ("Ibrahim Sow", "", 11, "participant"), ("Patricia Hope", "", 12, "panellist"),
    ("Võ Thị Hoa", "Vo Thi Hoa", 12, "participant"), ("Martin Lord", "", 12, "observer"),
    ("Charlotte Ashby", "", 13, "panellist"), ("Moussa Keïta", "Moussa Keita", 14, "participant"),
    ("Eleanor Briggs", "", 13, "participant"), ("Aurélie Fontaine", "", 14, "participante"),
    ("Samir Chaoui", "", 14, "participant"), ("Beatriz Moreno", "", 13, "participant"),
    ("Henrik Dahl", "", 13, "participant"), ("Nadia Belkacem", "", 14, "participante"),
    ("Joseph Mwangi", "", 13, "participant"), ("Valérie Caron", "", 14, "participante"),
)

COUNTRIES = ("Senegal", "Côte d'Ivoire", "Ghana", "Viet Nam", "Colombia", "Kenya", "Morocco", "Tunisia", "Cameroon", "Brazil", "Portugal", "Mexico")
PAYS = ("le Sénégal", "la Côte d'Ivoire", "le Ghana", "le Viet Nam", "la Colombie", "le Kenya", "le Maroc", "la Tunisie", "le Cameroun", "le Brésil", "le Portugal", "le Mexique")
CITIES = ("Abidjan", "Dakar", "Accra", "Hanoi", "Bogotá", "Nairobi", "Vienna", "Geneva", "Lyon", "Casablanca", "Lisbon", "Douala")
DRUGS = ("methadone", "naloxone", "buprenorphine", "morphine", "tramadol", "fentanyl", "cannabis", "cocaine", "heroin", "methamphetamine", "captagon", "kratom")
DROGUES = ("méthadone", "naloxone", "buprénorphine", "morphine", "tramadol", "fentanyl", "cannabis", "codéine", "kétamine")
BODIES = ("the CND", "the INCB", "SDG 3", "the 2030 Agenda", "the UNGASS 2016 outcome document", "the WHO essential medicines list", "the Human Rights Council", "SDG 16")
INSTANCES = ("la CND", "l'OICS", "l'ODD 3", "l'Agenda 2030", "le document final de l'UNGASS 2016", "la liste des médicaments essentiels", "le Conseil des droits de l'homme", "l'ODD 16")
TOPICS = ("harm reduction", "opioid agonist therapy", "access to controlled medicines", "alternative development", "decriminalisation of possession", "drug checking", "prison health", "community-led monitoring", "palliative care", "gender-responsive services")
THEMES = ("la réduction des risques", "les traitements de substitution", "l'accès aux médicaments contrôlés", "le développement alternatif", "la dépénalisation de l'usage", "l'analyse de produits", "la santé en prison", "le suivi communautaire", "les soins palliatifs", "les services adaptés au genre")

EN_SUBJECTS = ("access to {drug} in {country}", "funding for {topic}", "the evidence on {topic}", "the dataset from {city}",
               "the network of community-led services in {country}", "the follow-up to {body}", "the prescribing framework for {drug}",
               "the national plan in {country}", "coordination between ministries", "the debate on {topic}",
               "the price of {drug}", "civil society participation in {body}", "the pilot in {city}")
EN_PREDICATES = ("remains uneven across regions", "had improved since {year}, though only for about {pct}% of those in need",
                 "should be aligned with {body}", "depends on stable funding beyond {year}",
                 "was still constrained by stock-outs", "needs better data, particularly outside {city}",
                 "is a priority for the next session of {body}", "cannot be separated from {topic}",
                 "was discussed at length in {city} last year", "has been cut by {pct}% in two budget cycles",
                 "showed what {topic} can achieve with modest means", "is still blocked by outdated laws",
                 "would benefit from a regional approach", "reached {num} people in the first year")
FR_SUJETS = ("l'approvisionnement en {drogue} dans des pays comme {pays}", "le financement de {theme}", "les données sur {theme}",
             "le projet pilote mené à {city}", "la participation de la société civile à {instance}",
             "le plan national dans un pays comme {pays}", "la coordination entre ministères", "le débat sur {theme}",
             "le suivi de {instance}", "la formation des soignants", "la place des usagers dans {theme}")
FR_PREDICATS = ("varie beaucoup selon les régions", "a progressé depuis {year}, mais pour {pct} % seulement des personnes concernées",
                "devrait s'aligner sur {instance}", "dépend d'un financement stable au-delà de {year}",
                "souffre encore de ruptures de stock", "manque de données fiables, surtout hors de {city}",
                "sera une priorité lors de la prochaine session de {instance}", "est indissociable de {theme}",
                "a vu son budget réduit de {pct} % en deux exercices", "se heurte encore à des lois dépassées",
                "gagnerait à une approche régionale", "a touché {num} personnes la première année")
EN_ATTRIB = ("{P} said that {claim}.", "According to {P}, {claim}.", "{P} ({O}) noted that {claim}.", "As {P} put it, {claim}.",
             "{P} argued that {claim}.", "{P} from {O} stressed that {claim}.", "{P} asked whether {claim}.",
             "{P} agreed with {P2} that {claim}.", "In reply, {P} explained that {claim}.")
FR_ATTRIB = ("Selon {P}, {claim}.", "{P} a souligné que {claim}.", "{P} ({O}) a rappelé que {claim}.", "Pour {P}, {claim}.",
             "D'après {P}, {claim}.", "{P} s'est demandé si {claim}.", "{P} a répondu à {P2} que {claim}.",
             "{P} ({O}) estime que {claim}.")
EN_PLAIN = ("Participants agreed that {claim}.", "One point of contention was whether {claim}.", "It was noted that {claim}.",
            "Several speakers felt that {claim}.", "The discussion then turned to {topic}.", "There was broad consensus that {claim}.")
FR_PLAIN = ("Les participants ont convenu que {claim}.", "Un point de désaccord portait sur le fait que {claim}.",
            "Il a été noté que {claim}.", "La discussion s'est ensuite tournée vers {theme}.", "Plusieurs intervenants estiment que {claim}.")
HEADINGS_EN = ("Session {n}: {Topic}", "Panel {n} — {Topic} and {body}", "Open discussion on {topic}", "Recommendations on {topic}")
HEADINGS_FR = ("Séance {n} : {Theme}", "Table ronde {n} — {theme}", "Échanges sur {theme}", "Recommandations : {theme}")


@dataclass(frozen=True)
class Corpus:
    """Generated notes: the Markdown text and its blocks as (text, language) pairs."""

    text: str
    blocks: tuple[tuple[str, str], ...]  # language is "en", "fr" or "mixed"
    words: int


def count_words(text: str) -> int:
    """Words as the benchmark counts them: whitespace-separated tokens holding a letter or digit."""
    return sum(1 for token in text.split() if any(ch.isalnum() for ch in token))


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def initials(name: str) -> str:
    """Initials as rapporteurs write them: "Jean-Claude Mensah" -> "JCM"."""
    return "".join(part[0] for part in re.split(r"[\s\-]+", _ascii(name)) if part).upper()


def make_roster() -> list[dict[str, str]]:
    """The 60 fictional participants as roster rows (the CSV columns)."""
    rows = []
    for name, aliases, org, role in PEOPLE:
        acro, en, fr_acro, fr, _domain, category = ORGS[org]
        aff_aliases = [a for a in dict.fromkeys((acro, fr_acro, fr)) if a != en]
        rows.append({"name": name, "aliases": aliases, "affiliation": en,
                     "affiliation_aliases": "|".join(aff_aliases), "category": category, "role": role})
    return rows


def write_roster(path: Path) -> Path:
    """Write the roster CSV (UTF-8) and return its path."""
    fields = ["name", "aliases", "affiliation", "affiliation_aliases", "category", "role"]
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(make_roster())
    return path


class _Writer:
    """Fills the templates from the vocabulary with one seeded random generator."""

    def __init__(self, rng: Random) -> None:
        self.rng = rng

    def pick(self, items):
        return items[self.rng.randrange(len(items))]

    def slots(self, fr: bool) -> dict[str, str]:
        r = self.rng
        topic, theme = self.pick(TOPICS), self.pick(THEMES)
        return {"drug": self.pick(DROGUES if fr else DRUGS), "drogue": self.pick(DROGUES), "country": self.pick(COUNTRIES),
                "pays": self.pick(PAYS), "city": self.pick(CITIES), "body": self.pick(BODIES), "instance": self.pick(INSTANCES),
                "topic": topic, "Topic": topic[0].upper() + topic[1:], "theme": theme, "Theme": theme[0].upper() + theme[1:],
                "year": str(r.randrange(2009, 2025)), "pct": str(r.randrange(5, 80)), "num": f"{r.randrange(120, 9000):,}",
                "n": str(r.randrange(1, 9))}

    def claim(self, fr: bool) -> str:
        s = self.slots(fr)
        subject, predicate = (self.pick(FR_SUJETS), self.pick(FR_PREDICATS)) if fr else (self.pick(EN_SUBJECTS), self.pick(EN_PREDICATES))
        text = f"{subject} {predicate}".format(**s)
        return _contract(text) if fr else text

    def person(self, fr: bool) -> tuple[str, int]:
        """A way of referring to a participant, as notes do: full name, surname with title, first name, initials."""
        index = self.rng.randrange(len(PEOPLE))
        name, aliases, _org, _role = PEOPLE[index]
        first, _, last = name.partition(" ")
        forms = [name, name, name, f"{'Mme' if fr else 'Ms'} {last}" if index % 2 else f"{'M.' if fr else 'Mr'} {last}",
                 f"Dr {last}", first, initials(name), f"{first[0]}. {last}"]
        if aliases:
            forms.append(self.pick(aliases.split("|")))
        if fr and index % 3 == 0:
            forms.append(f"{first} {last.upper()}")
        return self.pick(forms), index

    def org(self, index: int, fr: bool) -> str:
        acro, en, fr_acro, fr_name, _d, _c = ORGS[PEOPLE[index][2]]
        return self.pick((fr_acro, fr_acro, fr_name) if fr else (acro, acro, en))

    def sentence(self, fr: bool) -> str:
        if self.rng.random() < 0.3:
            s = self.slots(fr)
            return self.pick(FR_PLAIN if fr else EN_PLAIN).format(claim=self.claim(fr), **s)
        p, index = self.person(fr)
        p2, _ = self.person(fr)
        text = self.pick(FR_ATTRIB if fr else EN_ATTRIB).format(P=p, P2=p2, O=self.org(index, fr), claim=self.claim(fr))
        return text[0].upper() + text[1:]

    def paragraph(self, lang: str) -> str:
        n = self.rng.randrange(2, 6)
        if lang == "mixed":
            parts = [self.sentence(i % 2 == 1) for i in range(n)]
            if self.rng.random() < 0.5:
                parts.append(f"« {self.claim(True)[0].upper() + self.claim(True)[1:]} », as one speaker said.")
            return " ".join(parts)
        return " ".join(self.sentence(lang == "fr") for _ in range(n))

    def turn(self, lang: str) -> str:
        index = self.rng.randrange(len(PEOPLE))
        name = PEOPLE[index][0]
        fr = lang == "fr"
        label = self.pick((f"**{name} ({self.org(index, fr)}):**", f"{name} ({self.org(index, fr)}):",
                           f"- {initials(name)} ({self.org(index, fr)}):",
                           f"{'Mme' if index % 2 else 'M.'} {name.split(' ', 1)[1]} :" if fr else f"Dr. {name.split(' ', 1)[1]}:"))
        body = " ".join(self.sentence(fr) for _ in range(self.rng.randrange(1, 4)))
        return f"{label} {body}"

    def bullet(self, lang: str) -> str:
        fr = lang == "fr"
        if self.rng.random() < 0.5:
            p, _ = self.person(fr)
            c = self.claim(fr)
            return f"- {initials(PEOPLE[self.rng.randrange(len(PEOPLE))][0]) if self.rng.random() < 0.5 else p}: {c[0].upper() + c[1:]}."
        return f"- {self.sentence(fr)}"

    def contact(self) -> str:
        index = self.rng.randrange(len(PEOPLE))
        name = PEOPLE[index][0]
        first, _, last = _ascii(name).lower().partition(" ")
        domain = ORGS[PEOPLE[index][2]][4]
        phone = self.pick((f"+221 77 {self.rng.randrange(100, 999)} {self.rng.randrange(10, 99)} {self.rng.randrange(10, 99)}",
                           f"+33 6 {self.rng.randrange(10, 99)} {self.rng.randrange(10, 99)} {self.rng.randrange(10, 99)} {self.rng.randrange(10, 99)}",
                           f"06 {self.rng.randrange(10, 99)} {self.rng.randrange(10, 99)} {self.rng.randrange(10, 99)} {self.rng.randrange(10, 99)}",
                           f"+44 20 7946 {self.rng.randrange(1000, 9999)}"))
        email = f"{first.replace(' ', '')}.{last.replace(' ', '-')}@{domain}"
        return self.pick((f"Contact for the slides: {email}, {phone}.",
                          f"Pour toute question : {email} ou {phone}.",
                          f"{name} shared the report at https://www.linkedin.com/in/{first}-{last.replace(' ', '-')} and on X (@{first}{last.replace(' ', '')[:6]}).",
                          f"Follow-up with {name.split(' ')[0]}: {email}."))

    def heading(self, lang: str) -> str:
        s = self.slots(lang == "fr")
        return "## " + self.pick(HEADINGS_FR if lang == "fr" else HEADINGS_EN).format(**s)


_CONTRACTIONS = ((" de le ", " du "), (" à le ", " au "), (" de les ", " des "), (" à les ", " aux "))


def _contract(text: str) -> str:
    """French contractions after filling the slots: "de le" -> "du", "à le" -> "au"."""
    for before, after in _CONTRACTIONS:
        text = text.replace(before, after)
    return text


def _lang(rng: Random) -> str:
    x = rng.random()
    return "en" if x < 0.45 else ("fr" if x < 0.85 else "mixed")


def generate(words: int, seed: int = 8, participants_list: bool = True, english_only: bool = False) -> Corpus:
    """Notes of exactly `words` words (the last block is cut to fit), deterministic for the arguments.

    `english_only` gives English notes only (no French, no mixed blocks), e.g. for a cold-start run.
    """
    rng = Random(f"chatham-notes-bench-{seed}-{words}{'-en' if english_only else ''}")
    w = _Writer(rng)
    front = ("---\ntitle: Breaking the silos on drugs, workshop 4\ntitle_fr: Décloisonner la gestion des drogues, atelier 4\n"
             "date: 2021-04-26\nplace: Online\n---")
    blocks: list[tuple[str, str]] = []
    if participants_list and words >= 1000:
        blocks.append(("## Participants", "en"))
        chosen = rng.sample(range(len(PEOPLE)), min(len(PEOPLE), max(12, words // 150)))
        blocks.append(("\n".join(f"- {PEOPLE[i][0]} ({ORGS[PEOPLE[i][2]][0]})" for i in sorted(chosen)), "en"))
    total = count_words(front) + sum(count_words(t) for t, _ in blocks)
    while total < words:
        lang = "en" if english_only else _lang(rng)
        roll = rng.random()
        if roll < 0.06:
            text = w.heading("fr" if lang == "fr" else "en")
        elif roll < 0.35:
            text = w.turn("fr" if lang == "fr" else "en")
        elif roll < 0.55:
            text = w.bullet("fr" if lang == "fr" else "en")
        elif roll < 0.59 and not english_only:
            text, lang = w.contact(), "mixed"
        else:
            text = w.paragraph(lang)
        n = count_words(text)
        if total + n > words:
            text = _cut(text, words - total)
            n = count_words(text)
        blocks.append((text, lang))
        total += n
    body = "\n\n".join(t for t, _ in blocks)
    text = f"{front}\n\n{body}\n"
    return Corpus(text, tuple(blocks), count_words(text))


def _cut(text: str, keep: int) -> str:
    """The first `keep` counted words of `text`, ending with an ellipsis as a rapporteur would."""
    out, seen = [], 0
    for token in text.split(" "):
        if seen >= keep:
            break
        out.append(token)
        seen += any(ch.isalnum() for ch in token)
    return " ".join(out).rstrip(",;:") + "…"


def write_corpus(folder: Path, words: int, seed: int = 8, english_only: bool = False) -> tuple[Path, Corpus]:
    """Write `notes-<words>[-en].md` in `folder` (created if needed); rewrite it only if it differs."""
    folder.mkdir(parents=True, exist_ok=True)
    corpus = generate(words, seed, participants_list=not english_only, english_only=english_only)
    path = folder / f"notes-{words}{'-en' if english_only else ''}.md"
    if not path.exists() or path.read_text(encoding="utf-8") != corpus.text:
        path.write_text(corpus.text, encoding="utf-8")
    return path, corpus


WORDS_PER_PAGE = 450  # a full page of 11-point notes; 300 pages ≈ 135,000 words


def write_docx(path: Path, words: int, seed: int = 8) -> tuple[Path, Corpus]:
    """Write the notes of `generate(words, seed)` as a Word .docx (python-docx) and return its path.

    Headings become Heading 2, bullets List Bullet, speaker turns and paragraphs plain
    paragraphs (Markdown bold dropped); the participants list becomes a table (name,
    organisation); a footer names the rapporteur. Pages ≈ words / WORDS_PER_PAGE.
    """
    import docx

    corpus = generate(words, seed)
    document = docx.Document()
    document.core_properties.title = "Breaking the silos on drugs, workshop 4"
    document.add_heading("Breaking the silos on drugs, workshop 4", level=1)
    for text, _lang in corpus.blocks:
        if text == "## Participants":
            document.add_heading("Participants", level=2)
        elif text.startswith("## "):
            document.add_heading(text[3:], level=2)
        elif text.startswith("- ") and "\n- " in text:  # the participants list
            rows = [line[2:] for line in text.splitlines()]
            table = document.add_table(rows=len(rows) + 1, cols=2)
            table.cell(0, 0).text, table.cell(0, 1).text = "Name", "Organisation"
            for i, row in enumerate(rows, start=1):
                name, _, org = row.rpartition(" (")
                table.cell(i, 0).text, table.cell(i, 1).text = name, org.rstrip(")")
        elif text.startswith("- "):
            document.add_paragraph(text[2:].replace("**", ""), style="List Bullet")
        else:
            document.add_paragraph(text.replace("**", ""))
    rapporteur = PEOPLE[14][0]  # Camille Rousseau, the roster's rapporteur
    document.sections[0].footer.paragraphs[0].text = f"Notes taken by {rapporteur} — confidential, Chatham House rule"
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path, corpus
