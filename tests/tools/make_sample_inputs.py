#!/usr/bin/env python3
"""Generate the sample input folder inputs/ for uppfolj (fictional "Älvstads kommun").

Usage:  python3 tests/tools/make_sample_inputs.py [OUTDIR]     (default: <repo>/inputs)

Deterministic: the same script always writes byte-identical files (fixed seed, no clock).
Standard library only. The plan follows the shape of Karlstad's "Internationell plan"
(three verksamhetsmål) with vänorter and networks borrowed from Karlstad and Kristianstad.

The submissions under inrapportering/ deliberately use the dialects listed in
shared/data-contract.md (Windows-1252 + ';' + CRLF + decimal comma, UTF-8 with BOM + ',',
TAB + English headers, blank lines, trailing delimiters, spaces around fields, multi-line
quoted fields, missing final newline, "45 %") and contain a few deliberately flawed rows.
Every flaw is written to LÄSMIG.md with file, physical line and 1-based column, computed
while writing and then re-checked by re-reading the files with Python's csv module.

The script owns OUTDIR/plan/, OUTDIR/inrapportering/, OUTDIR/sammanfattning/ and
OUTDIR/LÄSMIG.md and rewrites them from scratch; nothing else in OUTDIR is touched.
"""

import csv
import io
import random
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else ROOT / "inputs"
YEARS = (2023, 2024, 2025)
KOMMUN = "Älvstads kommun"

# --------------------------------------------------------------------------- the plan

MAL = [
    ("1", "Fler projektinitiativ med internationella partners ska tas",
     "Kommunens verksamheter ska i högre utsträckning tillvarata möjligheten att söka "
     "EU-samarbeten och medfinansiering från EU:s fonder och program samt annan extern finansiering."),
    ("2", "Antalet internationella kontaktytor ska öka",
     "Detta kan exempelvis ske genom deltagande i europeiska nätverk och konferenser, "
     "jobbskuggning eller studiebesök."),
    ("3", "Invånare och näringsliv ska ha god tillgång till EU-information",
     "Genom ett proaktivt arbete på Europa Direkt-kontoret och genom skolornas EU-ambassadörer."),
]

MO_ALLA = "En kommun för alla"
MO_KUNSKAP = "En kunskaps- och tillväxtkommun"
MO_MILJO = "En miljösmart kommun"
MO_ARBGIV = "En attraktiv arbetsgivare"

# id, mål, namn, måttenhet, aggregering, riktning, målområde, agenda2030, min, max, beskrivning
INDIKATORER = [
    ("nya-projekt", "1", "Nya projektinitiativ med internationella partners", "antal", "summa", "öka",
     MO_KUNSKAP, "8 11 17", "", "",
     "Projektidéer, förstudier och ansökningsprocesser som startats under året tillsammans med minst en utländsk partner."),
    ("eu-ansokningar", "1", "Inlämnade ansökningar om EU-medel", "antal", "summa", "öka",
     MO_KUNSKAP, "8 17", "", "",
     "Ansökningar till EU:s fonder och program (Erasmus+, ESF+, Interreg, LIFE m.fl.) där kommunen eller bolaget är sökande eller partner."),
    ("extern-finansiering", "1", "Beviljad extern finansiering", "tkr", "summa", "öka",
     MO_ALLA, "17", "0", "",
     "Beviljade medel från EU och andra externa finansiärer under året, i tusental kronor, exklusive egen medfinansiering."),
    ("natverk-konferenser", "2", "Deltagande i europeiska nätverk och konferenser", "antal", "summa", "öka",
     MO_KUNSKAP, "11 17", "", "",
     "Antal möten, konferenser och arbetsgrupper i internationella nätverk där verksamheten deltagit."),
    ("jobbskuggning-studiebesok", "2", "Jobbskuggning och studiebesök", "antal", "summa", "öka",
     MO_ARBGIV, "4 8 17", "", "",
     "Genomförda jobbskuggningar och studiebesök, både utresande och mottagna."),
    ("personal-utbyte", "2", "Medarbetare i internationellt utbyte", "antal", "summa", "öka",
     MO_ARBGIV, "4 8", "", "",
     "Antal medarbetare som deltagit i utbyte eller tjänstgöring hos en utländsk partner."),
    ("andel-personal-omvarldsbevakning", "2", "Andel chefer som bedriver internationell omvärldsbevakning",
     "procent", "medel", "öka", MO_ARBGIV, "16 17", "0", "100",
     "Andel chefer som i verksamhetsplanen har med internationell omvärldsbevakning, enligt chefsenkäten."),
    ("europa-direkt-besok", "3", "Besökare hos Europa Direkt", "antal", "summa", "öka",
     MO_ALLA, "4 16", "", "",
     "Besökare på kontoret och vid Europa Direkts evenemang, fysiska och digitala."),
    ("europa-direkt-fragor", "3", "Besvarade EU-frågor från invånare och företag", "antal", "summa", "öka",
     MO_ALLA, "16", "", "",
     "Frågor via e-post, telefon och besök som Europa Direkt besvarat."),
    ("eu-infoaktiviteter", "3", "Informationsaktiviteter om EU", "antal", "summa", "öka",
     MO_ALLA, "4 16 17", "", "",
     "Föreläsningar, seminarier, skolbesök och EU-frukostar för invånare och näringsliv."),
    ("skolor-eu-ambassadorer", "3", "Skolor med EU-ambassadörer", "antal", "summa", "öka",
     MO_KUNSKAP, "4 16", "", "",
     "Antal skolor med utsedda EU-ambassadörer (elever) som sprider EU-information på skolan."),
    ("handlaggningstid-eu-fragor", "3", "Svarstid på EU-frågor", "dagar", "medel", "minska",
     MO_ALLA, "16", "0", "",
     "Genomsnittlig svarstid i kalenderdagar för inkomna EU-frågor, enligt ärendeloggen."),
    ("internationella-affarskontakter", "2", "Internationella affärskontakter", "antal", "summa", "öka",
     MO_KUNSKAP, "8 9 17", "", "",
     "Möten och avtal med utländska kunder, leverantörer och branschorganisationer (bara bolagen)."),
]
ADDED_LATER = ("internationella-affarskontakter",)  # contract v2
# gäller (contract v2): which units an indicator applies to; absent = every unit.
GALLER = {
    "europa-direkt-besok": "kommunledningskontoret",
    "europa-direkt-fragor": "kommunledningskontoret",
    "internationella-affarskontakter": "bolag",
}
IND = {r[0]: r for r in INDIKATORER}
IND_ORDER = [r[0] for r in INDIKATORER]

ENHETER = [
    ("kommunledningskontoret", "Kommunledningskontoret", "förvaltning"),
    ("barn-och-ungdom", "Barn- och ungdomsförvaltningen", "förvaltning"),
    ("gymnasie-och-vuxen", "Gymnasie- och vuxenutbildningsförvaltningen", "förvaltning"),
    ("kultur-och-fritid", "Kultur- och fritidsförvaltningen", "förvaltning"),
    ("social", "Socialförvaltningen", "förvaltning"),
    ("teknik-och-fastighet", "Teknik- och fastighetsförvaltningen", "förvaltning"),
    ("miljo", "Miljöförvaltningen", "förvaltning"),
    ("stadsbyggnad", "Stadsbyggnadsförvaltningen", "förvaltning"),
    ("alvstadsbostader", "Älvstadsbostäder AB", "bolag"),
    ("alvstads-energi", "Älvstads Energi AB", "bolag"),
    ("alvstads-hamn", "Älvstads Hamn AB", "bolag"),
]
UNIT_ORDER = [u[0] for u in ENHETER]

# id, namn, typ, land, short name used in comments
PARTNERS = [
    ("moss", "Moss kommune", "vänort", "Norge", "Moss"),
    ("horsens", "Horsens Kommune", "vänort", "Danmark", "Horsens"),
    ("nokia", "Nokian kaupunki (Nokia)", "vänort", "Finland", "Nokia"),
    ("blonduos", "Blönduósbær (Blönduós)", "vänort", "Island", "Blönduós"),
    ("jogeva", "Jõgeva vald", "vänort", "Estland", "Jõgeva"),
    ("koge", "Køge Kommune", "vänort", "Danmark", "Køge"),
    ("siauliai", "Šiaulių miesto savivaldybė (Šiauliai)", "vänort", "Litauen", "Šiauliai"),
    ("gaziantep", "Gaziantep Büyükşehir Belediyesi (Gaziantep, twin city)", "vänort", "Turkiet", "Gaziantep"),
    ("eurocities-ksf", "Eurocities Knowledge Society Forum", "nätverk", "Belgien", "Eurocities Knowledge Society Forum"),
    ("eurocities-saf", "Eurocities Social Affairs Forum", "nätverk", "Belgien", "Eurocities Social Affairs Forum"),
    ("mcr2030", "Making Cities Resilient 2030 (UNDRR)", "nätverk", "Schweiz", "Making Cities Resilient"),
    ("region-european-office", "Region Älvlands European Office", "organisation", "Belgien", "Region Älvlands Brysselkontor"),
    ("icld", "ICLD – Internationellt centrum för lokal demokrati", "organisation", "Sverige", "ICLD"),
]
PSHORT = {p[0]: p[4] for p in PARTNERS}
REVIEW_PARTNERS = ("gaziantep", "siauliai")  # no accepted activity in 2024 and 2025

# --------------------------------------------------------------------------- series per unit
# (indikator, partner or None, value 2023, yearly growth factor, years or None = all)
S = {
    "kommunledningskontoret": [
        ("nya-projekt", None, 2, 1.25, None),
        ("nya-projekt", "region-european-office", 1, 1.3, None),
        ("nya-projekt", "eurocities-ksf", 1, 1.0, None),
        ("nya-projekt", "eurocities-saf", 1, 1.0, (2024, 2025)),
        ("eu-ansokningar", None, 3, 1.2, None),
        ("eu-ansokningar", "region-european-office", 2, 1.1, None),
        ("extern-finansiering", None, 1850, 1.15, None),
        ("extern-finansiering", "region-european-office", 640, 1.3, None),
        ("natverk-konferenser", "eurocities-ksf", 4, 1.1, None),
        ("natverk-konferenser", "eurocities-saf", 3, 1.15, None),
        ("natverk-konferenser", "mcr2030", 2, 1.2, None),
        ("natverk-konferenser", "region-european-office", 5, 1.1, None),
        ("natverk-konferenser", "icld", 1, 1.5, None),
        ("jobbskuggning-studiebesok", "moss", 2, 1.2, None),
        ("jobbskuggning-studiebesok", "nokia", 1, 1.3, None),
        ("jobbskuggning-studiebesok", "jogeva", 1, 1.0, None),
        ("jobbskuggning-studiebesok", "horsens", 2, 1.0, None),
        ("personal-utbyte", "horsens", 1, 1.0, None),
        ("personal-utbyte", "blonduos", 1, 1.0, (2024, 2025)),
        ("andel-personal-omvarldsbevakning", None, 62, 1.04, None),
        ("europa-direkt-besok", None, 2400, 1.12, None),
        ("europa-direkt-fragor", None, 310, 1.1, None),
        ("eu-infoaktiviteter", None, 18, 1.08, None),
        ("eu-infoaktiviteter", "region-european-office", 4, 1.1, None),
        ("handlaggningstid-eu-fragor", None, 4.5, 0.9, None),
    ],
    "barn-och-ungdom": [
        ("nya-projekt", None, 1, 1.3, None),
        ("nya-projekt", "nokia", 1, 1.0, (2024, 2025)),
        ("eu-ansokningar", None, 2, 1.2, None),
        ("extern-finansiering", None, 420, 1.2, None),
        ("natverk-konferenser", "eurocities-ksf", 1, 1.0, None),
        ("jobbskuggning-studiebesok", "nokia", 3, 1.1, None),
        ("jobbskuggning-studiebesok", "horsens", 2, 1.2, None),
        ("jobbskuggning-studiebesok", "moss", 1, 1.2, None),
        ("jobbskuggning-studiebesok", "blonduos", 1, 1.0, (2025,)),
        ("personal-utbyte", "nokia", 2, 1.15, None),
        ("personal-utbyte", "horsens", 1, 1.0, None),
        ("andel-personal-omvarldsbevakning", None, 28, 1.08, None),
        ("eu-infoaktiviteter", None, 6, 1.15, None),
        ("skolor-eu-ambassadorer", None, 4, 1.25, None),
    ],
    "gymnasie-och-vuxen": [
        ("nya-projekt", None, 1, 1.0, None),
        ("nya-projekt", "jogeva", 1, 1.0, None),
        ("eu-ansokningar", None, 3, 1.1, None),
        ("extern-finansiering", None, 980, 1.1, None),
        ("natverk-konferenser", "eurocities-ksf", 1, 1.0, (2024, 2025)),
        ("jobbskuggning-studiebesok", "jogeva", 2, 1.2, None),
        ("jobbskuggning-studiebesok", "blonduos", 1, 1.0, None),
        ("jobbskuggning-studiebesok", "koge", 2, 1.1, None),
        ("jobbskuggning-studiebesok", "moss", 1, 1.0, None),
        ("personal-utbyte", "jogeva", 2, 1.2, None),
        ("personal-utbyte", "moss", 1, 1.0, None),
        ("personal-utbyte", "koge", 1, 1.0, (2023,)),
        ("andel-personal-omvarldsbevakning", None, 35, 1.06, None),
        ("eu-infoaktiviteter", None, 4, 1.1, None),
        ("skolor-eu-ambassadorer", None, 2, 1.2, None),
    ],
    "kultur-och-fritid": [
        ("nya-projekt", None, 1, 1.2, None),
        ("nya-projekt", "horsens", 1, 1.0, None),
        ("eu-ansokningar", None, 1, 1.3, None),
        ("extern-finansiering", None, 350, 1.2, None),
        ("natverk-konferenser", "eurocities-ksf", 2, 1.0, None),
        ("natverk-konferenser", "region-european-office", 1, 1.0, None),
        ("jobbskuggning-studiebesok", "horsens", 2, 1.1, None),
        ("jobbskuggning-studiebesok", "moss", 2, 1.0, None),
        ("jobbskuggning-studiebesok", "blonduos", 1, 1.2, None),
        ("jobbskuggning-studiebesok", "nokia", 1, 1.0, None),
        ("andel-personal-omvarldsbevakning", None, 40, 1.05, None),
        ("eu-infoaktiviteter", None, 3, 1.2, None),
    ],
    "social": [
        ("nya-projekt", None, 1, 1.0, None),
        ("nya-projekt", "koge", 1, 1.0, (2024, 2025)),
        ("eu-ansokningar", None, 2, 0.8, None),
        ("extern-finansiering", None, 1900, 0.85, None),
        ("natverk-konferenser", "eurocities-saf", 3, 1.1, None),
        ("natverk-konferenser", "region-european-office", 1, 1.0, None),
        ("jobbskuggning-studiebesok", "moss", 2, 1.0, None),
        ("jobbskuggning-studiebesok", "koge", 1, 1.2, None),
        ("jobbskuggning-studiebesok", "horsens", 1, 1.0, None),
        ("personal-utbyte", "koge", 1, 1.0, None),
        ("andel-personal-omvarldsbevakning", None, 22, 1.1, None),
        ("eu-infoaktiviteter", None, 2, 1.0, None),
    ],
    "teknik-och-fastighet": [
        ("nya-projekt", None, 1, 1.2, None),
        ("nya-projekt", "mcr2030", 1, 1.0, None),
        ("eu-ansokningar", None, 2, 1.0, None),
        ("extern-finansiering", None, 2600, 0.75, None),
        ("natverk-konferenser", "mcr2030", 2, 1.2, None),
        ("natverk-konferenser", "eurocities-ksf", 1, 1.0, None),
        ("jobbskuggning-studiebesok", "nokia", 1, 1.0, None),
        ("jobbskuggning-studiebesok", "moss", 1, 1.2, None),
        ("andel-personal-omvarldsbevakning", None, 30, 1.08, None),
        ("handlaggningstid-eu-fragor", None, 9, 0.95, None),
    ],
    "miljo": [
        ("nya-projekt", None, 1, 1.2, None),
        ("nya-projekt", "mcr2030", 1, 1.0, None),
        ("eu-ansokningar", None, 1, 1.3, None),
        ("extern-finansiering", None, 560, 1.3, None),
        ("natverk-konferenser", "mcr2030", 2, 1.1, None),
        ("natverk-konferenser", "region-european-office", 2, 1.0, None),
        ("jobbskuggning-studiebesok", "horsens", 1, 1.0, None),
        ("jobbskuggning-studiebesok", "nokia", 1, 1.0, None),
        ("andel-personal-omvarldsbevakning", None, 55, 1.03, None),
        ("eu-infoaktiviteter", None, 2, 1.2, None),
        ("handlaggningstid-eu-fragor", None, 8, 0.9, None),
    ],
    "stadsbyggnad": [
        ("nya-projekt", None, 1, 1.0, None),
        ("eu-ansokningar", None, 1, 1.0, None),
        ("extern-finansiering", None, 300, 1.2, None),
        ("natverk-konferenser", "eurocities-ksf", 2, 1.1, None),
        ("natverk-konferenser", "mcr2030", 1, 1.2, None),
        ("jobbskuggning-studiebesok", "horsens", 1, 1.2, None),
        ("jobbskuggning-studiebesok", "koge", 1, 1.0, None),
        ("jobbskuggning-studiebesok", "moss", 1, 1.0, None),
        ("andel-personal-omvarldsbevakning", None, 45, 1.02, None),
        ("handlaggningstid-eu-fragor", None, 7, 0.95, None),
    ],
    "alvstadsbostader": [
        ("nya-projekt", None, 1, 1.0, None),
        ("extern-finansiering", None, 150, 1.2, None),
        ("natverk-konferenser", None, 2, 1.0, None),
        ("jobbskuggning-studiebesok", "koge", 2, 1.1, None),
        ("jobbskuggning-studiebesok", "horsens", 1, 1.0, None),
        ("andel-personal-omvarldsbevakning", None, 20, 1.1, None),
        ("internationella-affarskontakter", None, 2, 1.2, None),
    ],
    "alvstads-energi": [
        ("nya-projekt", None, 1, 1.2, None),
        ("nya-projekt", "nokia", 1, 1.0, None),
        ("eu-ansokningar", None, 1, 1.3, None),
        ("extern-finansiering", None, 3200, 1.1, None),
        ("natverk-konferenser", "region-european-office", 2, 1.0, None),
        ("jobbskuggning-studiebesok", "nokia", 2, 1.0, None),
        ("jobbskuggning-studiebesok", "moss", 1, 1.0, None),
        ("andel-personal-omvarldsbevakning", None, 38, 1.05, None),
        ("internationella-affarskontakter", None, 9, 1.15, None),
    ],
    "alvstads-hamn": [
        ("extern-finansiering", None, 800, 0.5, (2023, 2024)),
        ("natverk-konferenser", None, 3, 1.0, (2023, 2024)),
        ("jobbskuggning-studiebesok", "moss", 2, 1.0, (2023, 2024)),
        ("jobbskuggning-studiebesok", "gaziantep", 1, 1.0, (2023,)),
        ("andel-personal-omvarldsbevakning", None, 15, 1.0, (2023, 2024)),
        ("internationella-affarskontakter", None, 14, 1.1, (2023, 2024)),
    ],
}

# Comment pools: (without partner, with partner -- "{p}" is the partner's short name).
C = {
    "nya-projekt": (
        ["Förstudie om digital delaktighet inledd", "Projektidé lyft i det interna EU-nätverket",
         "Två idéer bearbetas inför nästa utlysning", "Initiativ inom Interreg Sverige–Norge", ""],
        ["Gemensamt projektinitiativ med {p}", "Projektidé framtagen tillsammans med {p}",
         "Förstudie med {p}, ansökan planeras till hösten"]),
    "eu-ansokningar": (
        ["Ansökningar till Erasmus+ och ESF+", "Ansökan till Interreg Aurora",
         "Ansökningar inlämnade, besked väntas under hösten", "Ansökan inom LIFE-programmet", ""],
        ["Ansökan skriven med stöd av {p}", "Samordnad ansökan via {p}"]),
    "extern-finansiering": (
        ["Beviljade medel från ESF+ och Erasmus+", "Avser beviljad EU-finansiering, exkl. egen medfinansiering",
         "Medel från Interreg och Tillväxtverket", "Beviljat belopp enligt beslut", ""],
        ["Medel beviljade efter stöd från {p}", "Utlysning som {p} tipsade om"]),
    "natverk-konferenser": (
        ["Nordiska branschmöten och en europeisk konferens", "Europeiska branschkonferenser", ""],
        ["Deltagande i möten inom {p}", "Två konferenser och ett arbetsgruppsmöte, {p}",
         "Digitala möten inom {p}", "Årskonferens och arbetsgrupp, {p}"]),
    "jobbskuggning-studiebesok": (
        [""],
        ["Studiebesök i {p}", "Jobbskuggning hos kollegor i {p}", "Mottagit studiebesök från {p}",
         "Ömsesidiga studiebesök med {p}", ""]),
    "personal-utbyte": (
        [""],
        ["Medarbetare i utbyte med {p}", "Lärarutbyte med {p} via Erasmus+", "Två veckors utbyte i {p}"]),
    "andel-personal-omvarldsbevakning": (
        ["Enligt chefsenkäten i november", "Skattat av ledningsgruppen",
         "Uppgift från chefsenkäten", "Andel chefer med EU-bevakning i verksamhetsplanen"],
        [""]),
    "europa-direkt-besok": (
        ["Besök vid evenemang, mässor och på kontoret", "Inklusive digitala evenemang",
         "Europadagen 9 maj lockade många besökare"],
        [""]),
    "europa-direkt-fragor": (
        ["Frågor via e-post, telefon och disk", "Flest frågor om studier och arbete i EU"],
        [""]),
    "eu-infoaktiviteter": (
        ["Föreläsningar, skolbesök och seminarier", "EU-frukostar för näringslivet",
         "Informationsträffar om EU:s fonder", ""],
        ["Seminarier tillsammans med {p}", "Informationsträff om utlysningar med {p}"]),
    "skolor-eu-ambassadorer": (
        ["Skolor med utsedda EU-ambassadörer", "Ny skola ansluten under våren", "Enligt EU-ambassadörsprogrammet"],
        [""]),
    "handlaggningstid-eu-fragor": (
        ["Genomsnittlig svarstid enligt ärendeloggen", "Kortare svarstid efter ny rutin",
         "Längre svarstid under semesterperioden"],
        [""]),
    "internationella-affarskontakter": (
        ["Möten med leverantörer i Norden och Baltikum", "Branschmässa i Hamburg",
         "Avtal med dansk leverantör", ""],
        [""]),
}
COMMENT_OVERRIDE = {
    (2024, "kommunledningskontoret", "europa-direkt-besok", None):
        "Ökning kopplad till valet till Europaparlamentet i juni",
    (2024, "kommunledningskontoret", "europa-direkt-fragor", None): "Många frågor om EU-valet",
    (2025, "teknik-och-fastighet", "extern-finansiering", None):
        "Minskning: klimatanpassningsprojektet avslutades 2024",
    (2024, "alvstads-hamn", "extern-finansiering", None): "Sista året i CEF-projektet",
    (2023, "alvstads-hamn", "jobbskuggning-studiebesok", "gaziantep"):
        "Handelsdelegation från Gaziantep besökte hamnen",
    (2025, "social", "extern-finansiering", None): "Färre beviljade ESF+-projekt än väntat",
}


class Row:
    """One data row: canonical values plus the strings actually written."""

    def __init__(self, year, unit, ind, partner, value, comment):
        self.year, self.unit, self.ind, self.partner = year, unit, ind, partner
        self.value, self.comment = value, comment
        self.override = {}        # field -> raw string written instead of the formatted one
        self.rejected = False     # a deliberate flaw that the tool must reject
        self.flaw = None          # (field, short description, expected reaction)
        self.trailing = 0         # extra delimiters after the last field
        self.extra = None         # value for an unknown extra column

    def key(self):
        return (self.year, self.unit, self.ind, self.partner or "")


def make_data():
    rng = random.Random(20250213)
    # Indicators added later draw from their own generator, so that the
    # figures of the others stay as they were.
    rng_added = random.Random(20251201)
    data = {}
    for y in YEARS:
        k = y - YEARS[0]
        for unit in UNIT_ORDER:
            rows = []
            for ind, partner, base, growth, years in S[unit]:
                if years is not None and y not in years:
                    continue
                unitkind = IND[ind][3]
                gen = rng_added if ind in ADDED_LATER else rng
                noise = gen.uniform(0.9, 1.1)
                v = base * growth ** k * noise
                if unitkind == "antal":
                    v = int(round(v))
                    if base >= 1:
                        v = max(1, v)
                elif unitkind == "tkr":
                    v = int(round(v / 10.0)) * 10
                elif unitkind == "procent":
                    v = min(99.0, round(v * 2) / 2.0)
                elif unitkind == "dagar":
                    v = round(v, 1)
                pool = C[ind][1 if partner else 0]
                com = gen.choice(pool).replace("{p}", PSHORT.get(partner, ""))
                com = COMMENT_OVERRIDE.get((y, unit, ind, partner), com)
                rows.append(Row(y, unit, ind, partner, v, com))
            data[(y, unit)] = rows
    return data


# --------------------------------------------------------------------------- dialects

FIELDS = ("year", "unit", "ind", "value", "comment", "partner")
DIALECTS = {
    # name: encoding, bom, delimiter, header fields (in order), header labels, decimal, grouping
    "excel": dict(enc="cp1252", bom=False, delim=";", dec=",", group="excel",
                  order=FIELDS, labels=("År", "Enhet", "Indikator", "Värde", "Kommentar", "Partner")),
    "excel-ascii": dict(enc="cp1252", bom=False, delim=";", dec=",", group="space",
                        order=FIELDS, labels=("ar", "enhet", "indikator", "varde", "kommentar", "partner")),
    "bom-comma": dict(enc="utf-8", bom=True, delim=",", dec=",", group="space",
                      order=FIELDS, labels=("år", "enhet", "indikator", "värde", "kommentar", "partner")),
    "tab-english": dict(enc="utf-8", bom=False, delim="\t", dec=".", group="none",
                        order=("ind", "value", "unit", "year", "comment", "partner"),
                        labels=("indicator", "value", "unit", "year", "comment", "partner")),
    "english-comma": dict(enc="utf-8", bom=False, delim=",", dec=".", group="none",
                          order=("unit", "year", "ind", "partner", "value", "comment"),
                          labels=("Unit", "Year", "Indicator", "Partner", "Value", "Comment")),
    "utf8-semicolon": dict(enc="utf-8", bom=False, delim=";", dec=",", group="nnbsp",
                           order=FIELDS, labels=("år", "enhet", "indikator", "värde", "kommentar", "partner")),
    "spaced": dict(enc="utf-8", bom=False, delim=";", dec=",", group="space", pct_sign=True,
                   order=FIELDS, labels=("År", "Enhet", "Indikator", "Värde", "Kommentar", "Partner")),
}


def fmt_value(row, d, counter):
    v = row.value
    kind = IND[row.ind][3]
    if kind == "antal":
        return str(v)
    if kind == "tkr":
        s = str(v)
        if v >= 1000 and d["group"] != "none":
            # counter = number of grouped values already written in this file
            sep = {"space": " ", "nnbsp": "\u202f" if counter % 2 == 0 else "\u00a0",
                   "excel": " " if counter % 2 == 0 else "\u00a0"}[d["group"]]
            s = s[:-3] + sep + s[-3:]
        return s
    s = ("%d" % v) if float(v).is_integer() else ("%.1f" % v)
    s = s.replace(".", d["dec"])
    if kind == "procent" and d.get("pct_sign"):
        s += " %"
    return s


def needs_quote(s, delim):
    return any(c in s for c in (delim, '"', "\n", "\r"))


def quote(s, delim):
    if needs_quote(s, delim):
        return '"' + s.replace('"', '""') + '"'
    return s


class FileSpec:
    def __init__(self, year, name, dialect, units, eol="\r\n", final_newline=True, spaced=False,
                 extra_label=None):
        self.year, self.name, self.dialect, self.units = year, name, dialect, units
        self.eol, self.final_newline, self.spaced, self.extra_label = eol, final_newline, spaced, extra_label
        self.items = []   # Row objects or the string "BLANK"
        self.unit_case = {}  # unit id -> spelling written

    @property
    def rel(self):
        return "inrapportering/%d/%s" % (self.year, self.name)


def find(rows, ind, partner=None):
    for r in rows:
        if r.ind == ind and r.partner == partner:
            return r
    raise KeyError((ind, partner))


def build_files(data):
    F = []

    def add(year, name, dialect, units, **kw):
        fs = FileSpec(year, name, dialect, units, **kw)
        for u in units:
            fs.items.extend(data[(year, u)])
        F.append(fs)
        return fs

    klk = "kommunledningskontoret"
    bolag = ["alvstadsbostader", "alvstads-energi", "alvstads-hamn"]

    # ---- 2023: mostly straight from Excel
    add(2023, "kommunledningskontoret.csv", "excel", [klk])
    add(2023, "barn-och-ungdom.csv", "bom-comma", ["barn-och-ungdom"])
    add(2023, "gymnasie-och-vuxen.csv", "excel", ["gymnasie-och-vuxen"])
    add(2023, "kultur-och-fritid.csv", "excel", ["kultur-och-fritid"])
    add(2023, "social.csv", "excel", ["social"])
    add(2023, "teknik-och-fastighet.csv", "excel", ["teknik-och-fastighet"])
    add(2023, "miljo.csv", "english-comma", ["miljo"], eol="\n")
    add(2023, "stadsbyggnad.csv", "excel-ascii", ["stadsbyggnad"])
    add(2023, "bolagen.csv", "excel", bolag)   # the three companies in one file

    # ---- 2024
    fs = FileSpec(2024, "kommunledningskontoret.csv", "excel", [klk])
    ed = FileSpec(2024, "europa-direkt.csv", "bom-comma", [klk], eol="\n")
    for r in data[(2024, klk)]:
        (ed if r.ind in ("europa-direkt-besok", "europa-direkt-fragor") else fs).items.append(r)
    F += [fs, ed]
    add(2024, "barn-och-ungdom.csv", "bom-comma", ["barn-och-ungdom"])
    add(2024, "gymnasie-och-vuxen.csv", "tab-english", ["gymnasie-och-vuxen"], eol="\n")
    add(2024, "kultur-och-fritid.csv", "utf8-semicolon", ["kultur-och-fritid"], eol="\n")
    fs = add(2024, "social.csv", "utf8-semicolon", ["social"], eol="\n")
    for r in fs.items[1::3]:
        r.trailing = 2
    fs.items.insert(4, "BLANK")
    fs.items.insert(9, "BLANK")
    fs.items.append("BLANK")
    add(2024, "teknik-och-fastighet.csv", "spaced", ["teknik-och-fastighet"], spaced=True)
    add(2024, "miljo.csv", "english-comma", ["miljo"], eol="\n")
    fs = add(2024, "stadsbyggnad.csv", "excel-ascii", ["stadsbyggnad"])
    r = find(fs.items, "jobbskuggning-studiebesok", "koge")
    r.override["value"] = "2,5"
    r.rejected = True
    r.flaw = ("value", "decimaltal i en antal-indikator", "avvisas: antal ska vara ett heltal")
    fs = add(2024, "alvstadsbostader.csv", "bom-comma", ["alvstadsbostader"], eol="\n",
             extra_label="kontaktperson")
    for i, r in enumerate(fs.items):
        r.extra = ("Anna Öberg", "Jonas Åkesson")[i % 2]
    add(2024, "alvstads-energi.csv", "utf8-semicolon", ["alvstads-energi"], eol="\n")
    add(2024, "alvstads-hamn.csv", "excel", ["alvstads-hamn"])

    # ---- 2025 (alvstads-hamn did not report)
    fs = add(2025, "kommunledningskontoret.csv", "excel", [klk])
    r = find(fs.items, "europa-direkt-besok")
    r.comment = ('Besök på kontoret och vid evenemang.\n'
                 'Europadagen 9 maj: ca 600 besökare; "Europaquiz" i Stadsparken.')
    r = find(fs.items, "natverk-konferenser", "mcr2030")
    r.override["partner"] = "MCR2030"
    r = find(fs.items, "eu-infoaktiviteter", "region-european-office")
    r.rejected = True
    r.flaw = ("value", "motstridig dubblett (samma år, enhet, indikator, partner; olika värden)",
              "båda raderna avvisas som konflikt")
    r2 = Row(r.year, r.unit, r.ind, r.partner, r.value + 2, "Korrigerad siffra efter avstämning med Brysselkontoret")
    r2.rejected = True
    r2.flaw = r.flaw
    fs.items.append(r2)

    fs = add(2025, "barn-och-ungdom.csv", "bom-comma", ["barn-och-ungdom"])
    r = find(fs.items, "jobbskuggning-studiebesok", "nokia")
    fs.items.append(r)   # identical duplicate (same object -> identical line)
    fs.dup_of = r

    add(2025, "gymnasie-och-vuxen.csv", "excel", ["gymnasie-och-vuxen"])

    fs = add(2025, "kultur-och-fritid.csv", "utf8-semicolon", ["kultur-och-fritid"], eol="\n")
    fs.unit_case["kultur-och-fritid"] = "Kultur-och-Fritid"
    r = find(fs.items, "jobbskuggning-studiebesok", "horsens")
    r.comment = ('Vänortsveckan i Horsens; 12 ungdomar från kulturskolan deltog.\n'
                 'Se även rapporten "Unga möts 2025".')
    r = find(fs.items, "eu-infoaktiviteter")
    r.override["unit"] = "kultur-och-fritd"
    r.rejected = True
    r.flaw = ("unit", "okänd enhet (stavfel)", "avvisas; närmaste giltiga id: kultur-och-fritid")

    fs = add(2025, "social.csv", "utf8-semicolon", ["social"], eol="\n", final_newline=False)
    for r in fs.items[2::4]:
        r.trailing = 1
    r = find(fs.items, "jobbskuggning-studiebesok", "koge")
    r.override["ind"] = "jobbskugning-studiebesok"
    r.rejected = True
    r.flaw = ("ind", "okänd indikator (stavfel)", "avvisas; närmaste giltiga id: jobbskuggning-studiebesok")
    fs.items.insert(3, "BLANK")
    fs.items.insert(8, "BLANK")
    fs.items.insert(9, "BLANK")

    fs = add(2025, "teknik-och-fastighet.csv", "spaced", ["teknik-och-fastighet"], spaced=True)
    r = find(fs.items, "natverk-konferenser", "mcr2030")
    r.override["value"] = "ca 20"
    r.comment = "Deltagare på MCR-konferensen i Bonn"
    r.rejected = True
    r.flaw = ("value", "värdet är inte ett tal", "avvisas: ett tal förväntas")

    fs = add(2025, "miljo.csv", "english-comma", ["miljo"], eol="\n")
    r = find(fs.items, "andel-personal-omvarldsbevakning")
    r.override["value"] = "120"
    r.comment = "Summerat över avdelningarna"
    r.rejected = True
    r.flaw = ("value", "procent över 100", "avvisas: procent ska ligga mellan 0 och 100")
    r = find(fs.items, "nya-projekt", "mcr2030")
    r.override["partner"] = "Mcr2030"

    stb = add(2025, "stadsbyggnad.csv", "excel-ascii", ["stadsbyggnad"])
    fs = add(2025, "alvstadsbostader.csv", "bom-comma", ["alvstadsbostader"], eol="\n")
    r = find(fs.items, "jobbskuggning-studiebesok", "horsens")
    r.override["partner"] = "horsen"
    r.rejected = True
    r.flaw = ("partner", "okänd partner (stavfel)", "avvisas; närmaste giltiga id: horsens")
    add(2025, "alvstads-energi.csv", "excel", ["alvstads-energi"])
    del stb
    return F


# --------------------------------------------------------------------------- self-assessments

# Each unit's own assessment of the three goals for 2025 (contract v2): (bedömning as written,
# analys, åtgärder); bedömning "" with empty texts is an untouched row (not assessed).
# alvstads-hamn sent none; social says "uppnått" for goal 1 although its figures fell
# (the report shows that the assessment differs from the figures).
SJALV = {
    "kommunledningskontoret": [
        ("uppnått", "Fler projektinitiativ än något tidigare år, främst genom Brysselkontoret.",
         "Fortsätta de gemensamma ansökningsverkstäderna med förvaltningarna."),
        ("uppnått", "Deltagandet i Eurocities och MCR2030 har ökat och gett nya kontakter.", ""),
        ("delvis uppnått", "Europa Direkt nådde fler besökare, men EU-informationen till företagen\n"
                           "behöver bli mer regelbunden.", "EU-frukostar varje kvartal från 2026."),
    ],
    "barn-och-ungdom": [
        ("delvis uppnått", "En ny förstudie med Nokia, men ingen ansökan lämnades in.", "Söka Erasmus+ 2026."),
        ("uppnått", "Fler jobbskuggningar än planerat, särskilt i Nokia och Horsens.", ""),
        ("uppnått", "Ytterligare skolor har utsett EU-ambassadörer.", ""),
    ],
    "gymnasie-och-vuxen": [
        ("delvis uppnått", "Ansökningarna blev fler, men beviljade medel står still.", ""),
        ("delvis uppnått", "Utbytet med Jõgeva fortsätter; utbytet med Køge avslutades.", ""),
        ("uppnått", "", ""),
    ],
    "kultur-och-fritid": [
        ("grön", "Creative Europe-ansökan tillsammans med Horsens lämnades in i mars.", ""),
        ("grön", "Vänortsveckan i Horsens samlade tolv unga från kulturskolan.", ""),
        ("gul", "", "Bjuda in Europa Direkt till biblioteken."),
    ],
    "social": [
        ("uppnått", "Vi bedömer att arbetet har gått bra och att nya initiativ är på gång.", ""),
        ("delvis uppnått", "", ""),
        ("ej uppnått", "Ingen informationsinsats utöver det som Europa Direkt gjorde.", ""),
    ],
    "teknik-och-fastighet": [
        ("ej uppnått", "Klimatanpassningsprojektet avslutades 2024 och inget nytt har beviljats.",
         "Ansökan till LIFE-programmet 2026 tillsammans med MCR2030-nätverket."),
        ("delvis uppnått", "", ""),
        ("", "", ""),
    ],
    "miljo": [
        ("uppnått", "Två nya initiativ inom MCR2030.", ""),
        ("uppnått", "", ""),
        ("delvis uppnått", "Svarstiden för EU-frågor har blivit kortare.\nFå informationsaktiviteter.", ""),
    ],
    "stadsbyggnad": [
        ("delvis uppnått", "", ""),
        ("uppnått", "Studiebesök i Horsens och Køge om stadsutveckling vid vatten.", ""),
        ("", "", ""),
    ],
    "alvstadsbostader": [
        ("ej uppnått", "Inget nytt projekt under året.", ""),
        ("delvis uppnått", "", ""),
        ("", "", ""),
    ],
    "alvstads-energi": [
        ("uppnått", "Ny ansökan inom Interreg Aurora och fler affärskontakter.", ""),
        ("uppnått", "", ""),
        ("", "", ""),
    ],
}
SJALV_DIALECT = {"gymnasie-och-vuxen": "excel", "stadsbyggnad": "excel-ascii"}


def render_assessments(unit):
    """A unit's self-assessment file for 2025, as Excel saves it; returns (relative path, bytes, rows)."""
    dialect = SJALV_DIALECT.get(unit, "excel-utf8")
    enc = "cp1252" if dialect.startswith("excel") and dialect != "excel-utf8" else "utf-8"
    header = ("ar;enhet;mal;bedomning;analys;atgarder" if dialect == "excel-ascii"
              else "år;enhet;mål;bedömning;analys;åtgärder")
    lines = [header]
    for goal, (word, analysis, actions) in zip(("1", "2", "3"), SJALV[unit]):
        lines.append(";".join(quote(x, ";") for x in ("2025", unit, goal, word, analysis, actions)))
    raw = ("\r\n".join(lines) + "\r\n").encode(enc)
    if dialect == "excel-utf8":
        raw = b"\xef\xbb\xbf" + raw
    return "inrapportering/2025/%s-sjalvvardering.csv" % unit, raw, len(lines) - 1, enc


SAMMANFATTNING_2025 = """# Internationellt arbete 2025 i korthet

Älvstads kommun har under 2025 tagit fler internationella initiativ än något tidigare år: 26 nya
projektinitiativ, fem fler än 2024. Den beviljade externa finansieringen ökade till drygt 14,5
miljoner kronor, även om målet på 15,5 miljoner inte nåddes.

Kontaktytorna har blivit fler. Medarbetare från nästan alla förvaltningar har deltagit i
jobbskuggning och studiebesök hos våra vänorter, och kommunen är fortsatt aktiv i Eurocities och
i nätverket Making Cities Resilient 2030.

# Det här behöver vi arbeta vidare med

- Fler ansökningar om EU-medel, särskilt från de förvaltningar och bolag som söker få eller inga.
- Regelbunden EU-information till företagen, till exempel EU-frukostar varje kvartal.
- En översyn av vänortsavtalen med Gaziantep och Šiauliai, där ingen verksamhet har rapporterats
  de senaste två åren.

Uppföljningen är preliminär där rader har avvisats; förvaltningarna har fått en lista över vad som
behöver rättas.
"""


def render(fs):
    """Return (bytes, records) where records = list of (start_line, Row or 'BLANK')."""
    d = DIALECTS[fs.dialect]
    delim = d["delim"]
    order = list(d["order"])
    labels = list(d["labels"])
    if fs.extra_label:
        labels.append(fs.extra_label)
    sep = (" %s " % delim) if fs.spaced else delim
    header = sep.join(labels)
    if fs.spaced:
        header = " " + header + " "
    lines = [header]
    records = []
    line_no = 1 + header.count("\n")
    grouped = 0
    for it in fs.items:
        if it == "BLANK":
            records.append((line_no + 1, "BLANK"))
            lines.append("")
            line_no += 1
            continue
        r = it
        vals = {
            "year": str(r.year),
            "unit": fs.unit_case.get(r.unit, r.unit),
            "ind": r.ind,
            "value": fmt_value(r, d, grouped),
            "comment": r.comment,
            "partner": r.partner or "",
        }
        if IND[r.ind][3] == "tkr" and r.value >= 1000:
            grouped += 1
        vals.update(r.override)
        fields = [vals[f] for f in order]
        if fs.extra_label:
            fields.append(r.extra or "")
        if fs.spaced:
            assert not any(needs_quote(x, delim) for x in fields), fields
            text = " " + sep.join(fields) + " "
        else:
            text = delim.join(quote(x, delim) for x in fields)
        text += delim * r.trailing
        records.append((line_no + 1, r))
        lines.append(text)
        line_no += 1 + text.count("\n")
    body = fs.eol.join(lines)
    if fs.final_newline:
        body += fs.eol
    raw = body.encode(d["enc"])
    if d["bom"]:
        raw = b"\xef\xbb\xbf" + raw
    return raw, records, order


# --------------------------------------------------------------------------- plan files

def write_plan(outdir, data_rows):
    plan = outdir / "plan"
    plan.mkdir(parents=True)

    def w(name, header, rows, eol="\n", bom=False):
        buf = [";".join(header)]
        for r in rows:
            buf.append(";".join(quote(str(x), ";") for x in r))
        raw = (eol.join(buf) + eol).encode("utf-8")
        (plan / name).write_bytes((b"\xef\xbb\xbf" if bom else b"") + raw)

    w("mal.csv", ("id", "namn", "beskrivning"), MAL)
    w("indikatorer.csv", ("id", "mål", "namn", "måttenhet", "aggregering", "riktning", "målområde",
                          "agenda2030", "min", "max", "beskrivning", "gäller"),
      [r + (GALLER.get(r[0], ""),) for r in INDIKATORER])
    w("enheter.csv", ("id", "namn", "typ"), ENHETER)
    w("partners.csv", ("id", "namn", "typ", "land"), [p[:4] for p in PARTNERS], eol="\r\n", bom=True)

    # figures from accepted rows (identical duplicates counted once)
    unit_fig = {}
    seen = set()
    for r in data_rows:
        if r.rejected or id(r) in seen:
            continue
        seen.add(id(r))
        k = (r.year, r.ind, r.unit)
        unit_fig[k] = unit_fig.get(k, 0) + r.value

    def kommun(year, ind):
        vals = [v for (y, i, u), v in unit_fig.items() if y == year and i == ind]
        return sum(vals) if IND[ind][4] == "summa" else sum(vals) / len(vals)

    def nice(v, kind):
        if kind == "tkr":
            step = 500 if v > 5000 else 100
            return int(round(v / step) * step)
        if kind == "procent":
            return int(round(v))
        if kind == "dagar":
            return round(v * 2) / 2.0
        if v < 20:
            return int(round(v))
        if v < 200:
            return int(round(v / 5.0) * 5)
        return int(round(v / 50.0) * 50)

    # factor applied to the actual municipal figure, per year 2023..2025; chosen to give
    # a mix of green / yellow / red (for `minska` a factor > 1 means reached).
    factors = {
        "nya-projekt": (0.9, 1.0, 1.15),
        "eu-ansokningar": (1.0, 1.1, 1.3),
        "extern-finansiering": (0.85, 0.95, 1.05),
        "natverk-konferenser": (0.9, 0.95, 0.95),
        "jobbskuggning-studiebesok": (1.1, 1.3, 1.5),
        "andel-personal-omvarldsbevakning": (1.0, 1.05, 1.1),
        "europa-direkt-besok": (0.95, 1.0, 1.0),
        "eu-infoaktiviteter": (1.0, 1.0, 1.3),
        "skolor-eu-ambassadorer": (1.0, 1.2, 1.6),
        "handlaggningstid-eu-fragor": (1.1, 1.0, 0.7),
        "internationella-affarskontakter": (1.0, 1.1, 1.2),
    }
    rows = []

    def fmt(v):
        return (("%d" % v) if float(v).is_integer() else ("%.1f" % v)).replace(".", ",")

    for y in YEARS:
        for ind in IND_ORDER:
            if ind not in factors:
                continue  # personal-utbyte and europa-direkt-fragor have no target
            f = factors[ind][y - YEARS[0]]
            rows.append((y, ind, "", fmt(nice(kommun(y, ind) * f, IND[ind][3]))))
    unit_targets = [
        # (indikator, enhet, {år: målvärde})
        ("europa-direkt-besok", "kommunledningskontoret", {2023: 2500, 2024: 3000, 2025: 3200}),
        ("skolor-eu-ambassadorer", "barn-och-ungdom", {2023: 4, 2024: 6, 2025: 8}),
        ("skolor-eu-ambassadorer", "gymnasie-och-vuxen", {2023: 2, 2024: 3, 2025: 4}),
        ("extern-finansiering", "teknik-och-fastighet", {2024: 2000, 2025: 2000}),
        ("extern-finansiering", "alvstads-energi", {2024: 3500, 2025: 3800}),
        ("nya-projekt", "kultur-och-fritid", {2025: 3}),
        ("andel-personal-omvarldsbevakning", "social", {2025: 30}),
        ("natverk-konferenser", "alvstads-hamn", {2025: 3}),
    ]
    for ind, unit, t in unit_targets:
        for y in sorted(t):
            rows.append((y, ind, unit, fmt(t[y])))
    rows.sort(key=lambda r: (r[0], IND_ORDER.index(r[1]), r[2] != "", r[2]))
    w("malvarden.csv", ("år", "indikator", "enhet", "målvärde"), rows)
    return rows, unit_fig, kommun


# --------------------------------------------------------------------------- checks

def reread(path):
    """Independent re-read: returns (encoding, delimiter, header, [(start_line, fields)])."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
        enc = "utf-8-bom" if text.startswith("\ufeff") else "utf-8"
        text = text.lstrip("\ufeff")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")
        enc = "cp1252"
    first = text.split("\n", 1)[0]
    delim = max((";", ",", "\t"), key=first.count)
    rd = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    out = []
    prev = 0
    header = None
    for rec in rd:
        start = prev + 1
        prev = rd.line_num
        if header is None:
            header = [h.strip() for h in rec]
            continue
        if not rec or all(not x.strip() for x in rec):
            continue
        out.append((start, [x.strip() for x in rec]))
    return enc, delim, header, out


def main():
    for sub in ("plan", "inrapportering", "sammanfattning"):
        if (OUT / sub).exists():
            shutil.rmtree(OUT / sub)
    OUT.mkdir(parents=True, exist_ok=True)

    data = make_data()
    files = build_files(data)

    flaws = []        # dicts for LÄSMIG
    per_file = []     # (fs, raw, records, order)
    for fs in files:
        raw, records, order = render(fs)
        p = OUT / fs.rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(raw)
        per_file.append((fs, raw, records, order))
        labels = list(DIALECTS[fs.dialect]["order"])
        seen = set()
        first_line = {}
        for line, r in records:
            if r == "BLANK":
                continue
            if r.flaw:
                field, what, reaction = r.flaw
                raw_val = r.override.get(field)
                if raw_val is None:
                    raw_val = fmt_value(r, DIALECTS[fs.dialect], 0) if field == "value" else ""
                flaws.append(dict(file=fs.rel, line=line, col=labels.index(field) + 1, value=raw_val,
                                  what=what, reaction=reaction, year=fs.year))
            if id(r) in seen:
                flaws.append(dict(file=fs.rel, line=line, col=None, value="(hela raden)",
                                  what="identisk dubblett av rad %d" % first_line[id(r)],
                                  reaction="varning; värdet räknas en gång", year=fs.year, warning=True))
            else:
                first_line[id(r)] = line
            seen.add(id(r))
    # the conflict pair: fix the second entry's text to point to the first
    conf = [f for f in flaws if f["what"].startswith("motstridig")]
    assert len(conf) == 2
    conf[0]["what"] += " – se även rad %d" % conf[1]["line"]
    conf[1]["what"] += " – se även rad %d" % conf[0]["line"]

    # all rows as written (for targets and counts)
    written = []
    for fs, raw, records, order in per_file:
        written += [r for _, r in records if r != "BLANK"]
    targets, unit_fig, kommun = write_plan(OUT, written)

    # ---- counts per year
    counts = {}
    for fs, raw, records, order in per_file:
        c = counts.setdefault(fs.year, dict(read=0, rejected=0, files=0))
        c["files"] += 1
        for _, r in records:
            if r == "BLANK":
                continue
            c["read"] += 1
            c["rejected"] += 1 if r.rejected else 0

    # ---- self-check by re-reading every file independently
    total_read = 0
    for fs, raw, records, order in per_file:
        enc, delim, header, recs = reread(OUT / fs.rel)
        want_enc = {"cp1252": "cp1252"}.get(DIALECTS[fs.dialect]["enc"], "utf-8")
        if DIALECTS[fs.dialect]["bom"]:
            want_enc = "utf-8-bom"
            assert raw.startswith(b"\xef\xbb\xbf")
        assert enc == want_enc, (fs.rel, enc, want_enc)
        if enc == "cp1252":
            assert any(b in raw for b in (b"\xe5", b"\xe4", b"\xf6", b"\xc5", b"\xc4", b"\xd6")), fs.rel
        assert delim == DIALECTS[fs.dialect]["delim"], fs.rel
        if fs.eol == "\r\n":
            assert raw.count(b"\r\n") >= len(recs), fs.rel
        else:
            assert b"\r" not in raw, fs.rel
        assert raw.endswith(b"\n") == fs.final_newline, fs.rel
        want = [(ln, r) for ln, r in records if r != "BLANK"]
        assert len(recs) == len(want), (fs.rel, len(recs), len(want))
        for (ln, fields), (wln, r) in zip(recs, want):
            assert ln == wln, (fs.rel, ln, wln)
            byname = dict(zip(order, fields))
            assert byname["year"] == str(r.year), (fs.rel, ln)
        total_read += len(recs)
    for f in flaws:
        enc, delim, header, recs = reread(OUT / f["file"])
        rec = dict(recs)[f["line"]]
        if f["col"]:
            assert rec[f["col"] - 1] == f["value"], (f, rec)
    assert total_read == sum(c["read"] for c in counts.values())
    allraw = {fs.rel: raw for fs, raw, _, _ in per_file}
    assert any("\u202f".encode() in b for b in allraw.values())
    assert any(b"\xa0" in b and not b.startswith(b"\xef") and DIALECTS[fs.dialect]["enc"] == "cp1252"
               for fs, b, _, _ in per_file)
    assert any(b" %" in b for b in allraw.values())

    # partners for review: none accepted in 2024/2025; all others have activity
    active = {r.partner for r in written if r.year >= 2024 and not r.rejected and r.partner}
    for p in PARTNERS:
        assert (p[0] in active) == (p[0] not in REVIEW_PARTNERS), p[0]
    # every (år, enhet, indikator, partner) key is unique except the deliberate duplicates
    keys = {}
    for r in set(written):
        keys.setdefault(r.key(), []).append(r)
    dups = {k: v for k, v in keys.items() if len(v) > 1}
    assert len(dups) == 1 and all(r.rejected for v in dups.values() for r in v), dups

    # ---- self-assessments (2025) and the summary for the board
    assessments = []
    for unit in UNIT_ORDER:
        if unit not in SJALV:
            continue
        rel, raw, n, enc = render_assessments(unit)
        (OUT / rel).write_bytes(raw)
        enc_read, delim, header, recs = reread(OUT / rel)
        assert len(recs) == n and enc_read.startswith(enc.replace("utf-8", "utf-8")), (rel, enc_read)
        assessments.append((rel, n, enc))
        counts[2025]["read"] += n
        counts[2025]["files"] += 1
    (OUT / "sammanfattning").mkdir()
    (OUT / "sammanfattning" / "2025.txt").write_text(SAMMANFATTNING_2025, encoding="utf-8")

    write_readme(per_file, flaws, counts, targets, assessments)
    print("wrote %d submission files, %d data rows, %d flaws/warnings to %s"
          % (len(per_file), total_read, len(flaws), OUT))
    for y in YEARS:
        c = counts[y]
        print("  %d: %d files, %d rows read, %d rejected, %d accepted"
              % (y, c["files"], c["read"], c["rejected"], c["read"] - c["rejected"]))


DIALECT_DESC = {
    "excel": "Windows-1252, `;`, CRLF, decimalkomma, tkr med mellanslag/hårt mellanslag som tusentalsavgränsare",
    "excel-ascii": "Windows-1252, `;`, CRLF, decimalkomma, rubriker utan å/ä/ö (`ar;…;varde;…`)",
    "bom-comma": "UTF-8 med BOM, `,`, decimalkomma inom citattecken (`\"3,5\"`)",
    "tab-english": "UTF-8, TAB, engelska rubriker i annan ordning (`indicator, value, unit, year, comment, partner`), decimalpunkt",
    "english-comma": "UTF-8, `,`, engelska rubriker i annan ordning (`Unit, Year, Indicator, Partner, Value, Comment`), decimalpunkt",
    "utf8-semicolon": "UTF-8 utan BOM, `;`, LF, tkr med smalt hårt mellanslag (U+202F) eller hårt mellanslag (U+00A0) som tusentalsavgränsare",
    "spaced": "UTF-8, `;`, CRLF, mellanslag runt alla fält och rubriker, procent skrivet med procenttecken (`35 %`)",
}


def write_readme(per_file, flaws, counts, targets, assessments):
    L = []
    a = L.append
    a("# Exempelindata: %s" % KOMMUN)
    a("")
    a("Påhittad kommun med samma upplägg som Karlstads *Internationell plan* (tre verksamhetsmål) och")
    a("vänorter och nätverk lånade från Karlstad och Kristianstad. Mappen följer datakontraktet och kan")
    a("köras direkt: `uppfolj report inputs`. Allt här genereras av `tests/tools/make_sample_inputs.py`")
    a("(deterministiskt) – ändra skriptet, inte filerna.")
    a("")
    a("## Planen (`plan/`)")
    a("")
    a("- `mal.csv` – de tre verksamhetsmålen med beskrivning.")
    a("- `indikatorer.csv` – %d indikatorer (måttenhet antal, tkr, procent, dagar; `handlaggningstid-eu-fragor`"
      " har riktning `minska`)." % len(INDIKATORER))
    a("  Kolumnen `gäller`: Europa Direkts indikatorer (`europa-direkt-besok`, `europa-direkt-fragor`) gäller"
      " bara `kommunledningskontoret`, och `internationella-affarskontakter` gäller bara bolagen (`bolag`);"
      " övriga gäller alla enheter.")
    a("- `enheter.csv` – 8 förvaltningar och 3 bolag.")
    a("- `malvarden.csv` – %d målvärden 2023–2025: kommunövergripande (tom `enhet`) för alla indikatorer"
      " utom `personal-utbyte` och `europa-direkt-fragor`, som saknar målvärde, samt några målvärden per"
      " enhet (bl.a. `alvstads-hamn` 2025, som inte rapporterade)." % len(targets))
    a("- `partners.csv` – %d partner (UTF-8 med BOM, CRLF): %d vänorter, %d nätverk, %d organisationer."
      % (len(PARTNERS), sum(p[2] == "vänort" for p in PARTNERS), sum(p[2] == "nätverk" for p in PARTNERS),
         sum(p[2] == "organisation" for p in PARTNERS)))
    a("  Utan aktivitet 2024 och 2025, ska listas som \"avtalet bör ses över\": `gaziantep` (bara 2023)"
      " och `siauliai` (ingen aktivitet alls).")
    a("")
    a("Övriga planfiler är UTF-8 utan BOM, `;`, LF.")
    a("")
    a("## Inrapportering (`inrapportering/ÅÅÅÅ/`)")
    a("")
    a("`alvstads-hamn` har ingen rad 2025 (ingen fil) och ska visas som ej rapporterad, inte som 0. 2023 har")
    a("bolagen en gemensam fil; 2024 rapporterar Europa Direkt sina siffror (enhet kommunledningskontoret)")
    a("i en egen fil.")
    a("")
    a("| fil | dialekt | radslut | datarader | särskilt |")
    a("| --- | --- | --- | ---: | --- |")
    notes = {
        "inrapportering/2024/social.csv": "tomma rader (även sist), avslutande extra avgränsare",
        "inrapportering/2025/social.csv": "tomma rader, avslutande extra avgränsare, ingen radbrytning sist",
        "inrapportering/2025/kultur-och-fritid.csv": "enhet skriven `Kultur-och-Fritid`; flerradig kommentar med `;` och `\"\"`",
        "inrapportering/2025/kommunledningskontoret.csv": "flerradig kommentar (LF inuti citattecken) med `;` och `\"\"`; partner `MCR2030`",
        "inrapportering/2025/miljo.csv": "partner skriven `Mcr2030`",
        "inrapportering/2024/alvstadsbostader.csv": "okänd extra kolumn `kontaktperson` (en varning)",
        "inrapportering/2023/bolagen.csv": "alla tre bolagen i en fil",
    }
    for fs, raw, records, order in per_file:
        n = sum(1 for _, r in records if r != "BLANK")
        eol = "CRLF" if fs.eol == "\r\n" else "LF"
        if not fs.final_newline:
            eol += ", saknar sista"
        a("| `%s` | %s | %s | %d | %s |" % (fs.rel, DIALECT_DESC[fs.dialect], eol, n, notes.get(fs.rel, "")))
    a("")
    a("Filer i Windows-1252 (ska ge en gemensam varning om teckenkodning): "
      + ", ".join("`%s`" % rel for rel in sorted(
          [fs.rel for fs, *_ in per_file if DIALECTS[fs.dialect]["enc"] == "cp1252"]
          + [rel for rel, n, enc in assessments if enc == "cp1252"])) + ".")
    a("")
    a("## Självvärderingar (`inrapportering/2025/ENHET-sjalvvardering.csv`)")
    a("")
    a("Tio av elva enheter har skickat sin självvärdering av de tre målen för 2025 (`år;enhet;mål;bedömning;"
      "analys;åtgärder`); `alvstads-hamn` skickade ingen. `kultur-och-fritid` skriver bedömningen som"
      " `grön`/`gul`, `gymnasie-och-vuxen` och `stadsbyggnad` har sparat i Windows-1252 (`stadsbyggnad` med"
      " rubriker utan å/ä/ö), och några rader är orörda mallrader (tom bedömning, inga texter), som räknas"
      " som *ej bedömd*. `social` bedömer mål 1 som uppnått fast dess siffror för målet har försämrats:"
      " rapporterna visar att bedömningen avviker från siffrorna.")
    a("")
    a("| fil | rader | teckenkodning |")
    a("| --- | ---: | --- |")
    for rel, n, enc in assessments:
        a("| `%s` | %d | %s |" % (rel, n, "Windows-1252" if enc == "cp1252" else "UTF-8 med BOM"))
    a("")
    a("## Sammanfattning (`sammanfattning/2025.txt`)")
    a("")
    a("Kommunledningskontorets egen text till styrelsen för 2025, i UTF-8: rubriker med `# `, stycken och en"
      " punktlista med `- `.")
    a("")
    a("## Avsiktliga fel")
    a("")
    a("Rad = fysisk rad där posten börjar (rubrikraden är rad 1, tomma rader räknas, en kommentar med")
    a("radbrytning flyttar senare poster nedåt). Kolumn = fältets ordningsnummer i just den filen (1-baserat).")
    a("")
    a("| # | fil | rad | kolumn | skrivet värde | fel | förväntat |")
    a("| ---: | --- | ---: | ---: | --- | --- | --- |")
    for i, f in enumerate(flaws, 1):
        a("| %d | `%s` | %d | %s | `%s` | %s | %s |" % (
            i, f["file"], f["line"], f["col"] if f["col"] else "–", f["value"], f["what"], f["reaction"]))
    a("")
    a("Övriga varningar som inte är fel: teckenkodning Windows-1252 (se ovan) och den okända kolumnen")
    a("`kontaktperson` i `inrapportering/2024/alvstadsbostader.csv`.")
    a("")
    a("## Antal datarader")
    a("")
    a("Datarader = poster efter rubrikraden; tomma rader räknas inte, en flerradig post räknas som en.")
    a("Den identiska dubbletten läses och godkänns (med varning) men värdet räknas bara en gång.")
    a("")
    a("| år | filer | lästa | avvisade | godkända |")
    a("| ---: | ---: | ---: | ---: | ---: |")
    tot = dict(files=0, read=0, rejected=0)
    for y in YEARS:
        c = counts[y]
        a("| %d | %d | %d | %d | %d |" % (y, c["files"], c["read"], c["rejected"], c["read"] - c["rejected"]))
        for k in tot:
            tot[k] += c[k]
    a("| totalt | %d | %d | %d | %d |" % (tot["files"], tot["read"], tot["rejected"], tot["read"] - tot["rejected"]))
    a("")
    (OUT / "LÄSMIG.md").write_text("\n".join(L), encoding="utf-8")


if __name__ == "__main__":
    main()
