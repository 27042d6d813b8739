#!/usr/bin/python3
"""Generate a synthetic uppfolj input folder for benchmarking.

Usage:
    gen.py OUTDIR [--units 5000] [--indicators 12] [--years 10]
                  [--seed 1] [--first-year 2016] [--partners 20] [--force] [--xlsx]

Writes, following /work/shared/data-contract.md (version 1):

    OUTDIR/plan/mal.csv, indikatorer.csv, enheter.csv, malvarden.csv, partners.csv
    OUTDIR/inrapportering/YEAR/enheter-AAAA-BBBB.csv   (one file per year and
                                                        group of 100 units)

Every unit reports every indicator every year exactly once, so the
submissions hold exactly units * indicators * years data rows. About one row
in twelve names a partner and about one in eight has a comment (some comments
contain ';' or '"' and are therefore quoted). All files are UTF-8 without BOM,
';'-delimited, CRLF, with decimal comma. The output depends only on the
arguments: the same arguments give byte-identical files.

With --xlsx the submissions are Excel workbooks instead (enheter-AAAA-BBBB.xlsx,
written by Debian's python3-xlsxwriter, one sheet "Siffror" each): the same rows,
years and figures as numbers, procent figures as percentage-formatted
fractions (45,3 is 0.453 shown as 45.3 %), as a clerk's Excel stores them; every
other file uses shared strings, the rest inline strings (constant_memory).

Python 3 standard library only (and xlsxwriter for --xlsx).
"""

import argparse
import csv
import os
import random
import shutil
import sys

GROUP_SIZE = 100

GOALS = [
    ("1", "Fler projektinitiativ med internationella partners ska tas",
     "Kommunen ska söka och driva fler projekt tillsammans med partners i Europa och världen."),
    ("2", "Fler medarbetare och elever ska få internationell erfarenhet",
     "Utbyten, studiebesök och utlandsstudier för medarbetare och elever ska öka."),
    ("3", "Det internationella arbetet ska ge mindre klimatpåverkan",
     "Resor i internationella samarbeten ska i första hand göras med tåg eller ersättas av digitala möten."),
]

# (goal, name, unit of measure, aggregation, direction, målområde, agenda2030)
INDICATORS = [
    ("1", "Antal ansökningar om EU-finansiering", "antal", "summa", "öka",
     "Projekt och finansiering", "8 17"),
    ("1", "Beviljade EU-medel", "tkr", "summa", "öka",
     "Projekt och finansiering", "17"),
    ("1", "Andel projekt med extern medfinansiering", "procent", "medel", "öka",
     "Projekt och finansiering", "17"),
    ("1", "Antal aktiva samarbeten med vänorter och nätverk", "antal", "summa", "öka",
     "Samverkan", "11 16 17"),
    ("2", "Antal medarbetare i utbyte (Erasmus+)", "antal", "summa", "öka",
     "Kompetens och utbyte", "4 8"),
    ("2", "Antal elever på utlandsstudier", "antal", "summa", "öka",
     "Kompetens och utbyte", "4"),
    ("2", "Andel skolor med internationellt samarbete", "procent", "medel", "öka",
     "Kompetens och utbyte", "4 10"),
    ("2", "Kostnad för resor i internationella projekt", "tkr", "summa", "minska",
     "Kompetens och utbyte", "12"),
    ("3", "Antal tjänsteresor med flyg", "antal", "summa", "minska",
     "Klimat och resor", "13"),
    ("3", "Andel digitala möten med partners", "procent", "medel", "öka",
     "Klimat och resor", "9 13"),
    ("3", "Klimatkompensation för tjänsteresor", "tkr", "summa", "öka",
     "Klimat och resor", "13 15"),
    ("3", "Andel resor med tåg till partnerorter", "procent", "medel", "öka",
     "Klimat och resor", "11 13"),
]

UNIT_BASES = [
    ("Kultur- och fritidsförvaltningen", "förvaltning"),
    ("Barn- och utbildningsförvaltningen", "förvaltning"),
    ("Socialförvaltningen", "förvaltning"),
    ("Miljö- och hälsoskyddsförvaltningen", "förvaltning"),
    ("Stadsbyggnadsförvaltningen", "förvaltning"),
    ("Äldreförvaltningen", "förvaltning"),
    ("Gymnasie- och vuxenutbildningsförvaltningen", "förvaltning"),
    ("Kommunstyrelseförvaltningen", "förvaltning"),
    ("Överförmyndarnämnden", "nämnd"),
    ("Valnämnden", "nämnd"),
    ("Kultur- och fritidsnämnden", "nämnd"),
    ("Bostadsbolaget", "bolag"),
    ("Energi- och vattenbolaget", "bolag"),
    ("Hamn- och logistikbolaget", "bolag"),
    ("Näringslivsbolaget", "bolag"),
    ("Räddningstjänstförbundet", "övrigt"),
    ("Musikskolan", "övrigt"),
]

DISTRICTS = [
    "Centrum", "Norr", "Söder", "Öster", "Väster", "Åby", "Älvsjö", "Hägersten",
    "Bromölla", "Gärdet", "Östermalm", "Skärholmen", "Västerås-vägen", "Åkersberga",
    "Lövsta", "Björkängen", "Fröslunda", "Möllevången", "Rörstrand", "Kvarnbäcken",
]

PARTNER_BASES = [
    ("Vänorten Åbo", "vänort", "Finland"),
    ("Vänorten Tammerfors", "vänort", "Finland"),
    ("Vänorten Ålesund", "vänort", "Norge"),
    ("Vänorten Århus", "vänort", "Danmark"),
    ("Vänorten Tartu", "vänort", "Estland"),
    ("Vänorten Gdańsk", "vänort", "Polen"),
    ("Vänorten Kiel", "vänort", "Tyskland"),
    ("Vänorten Klaipėda", "vänort", "Litauen"),
    ("Eurocities", "nätverk", "Belgien"),
    ("Union of the Baltic Cities", "nätverk", "Polen"),
    ("Nordiska städer för klimatet", "nätverk", "Sverige"),
    ("Energy Cities", "nätverk", "Frankrike"),
    ("Sveriges Kommuner och Regioner, EU-nätverket", "nätverk", "Sverige"),
    ("Svenska institutet", "organisation", "Sverige"),
    ("Universitets- och högskolerådet", "organisation", "Sverige"),
    ("Interreg Öresund-Kattegat-Skagerrak", "organisation", "Danmark"),
    ("Goethe-Institut", "organisation", "Tyskland"),
    ("ICLD – Internationellt centrum för lokal demokrati", "organisation", "Sverige"),
    ("Vänorten Bergen", "vänort", "Norge"),
    ("Vänorten Riga", "vänort", "Lettland"),
]

COMMENTS = [
    "Ansökan skickad i mars, besked väntas till hösten",
    "Studieresa till Åbo genomförd",
    "Två medarbetare på jobbskuggning i Århus",
    "Projektet förlängt ett år",
    "Färre resor på grund av ändrade rutiner",
    "Digitala möten har ersatt flera resor",
    "Utbytet med gymnasiet i Tartu återupptaget",
    "Siffran är preliminär; slutlig redovisning i februari",
    "Projektet \"Gröna städer\" startade i maj",
    "Öresundssamarbetet ökade i omfattning",
    "Även förskolorna deltar nu",
    "Minskat antal flygresor, mer tåg",
    "Medfinansiering från Interreg; beslut i juni",
    "Elevutbyte inställt under våren",
    "Ny kontaktperson för nätverket utsedd",
    "Kostnaden inkluderar översättning och tolk",
]


def fmt_dec(value, decimals):
    """Format with decimal comma; whole numbers without decimals."""
    s = "%.*f" % (decimals, value)
    if "." in s:
        whole, frac = s.split(".")
        frac = frac.rstrip("0")
        return whole + "," + frac if frac else whole
    return s


def open_csv(path):
    f = open(path, "w", encoding="utf-8", newline="")
    w = csv.writer(f, delimiter=";", lineterminator="\r\n",
                   quoting=csv.QUOTE_MINIMAL)
    return f, w


def write_rows(path, header, rows):
    f, w = open_csv(path)
    with f:
        w.writerow(header)
        w.writerows(rows)


def write_xlsx(path, header, rows, inline):
    """One submission as a workbook, numbers as numbers (see --xlsx)."""
    import xlsxwriter
    wb = xlsxwriter.Workbook(path, {"constant_memory": inline})
    ws = wb.add_worksheet("Siffror")
    pct = wb.add_format({"num_format": "0.0%"})
    ws.write_row(0, 0, header)
    for r, (year, unit, ind, value, comment, partner, percent) in enumerate(rows, 1):
        ws.write_number(r, 0, int(year))
        ws.write_string(r, 1, unit)
        ws.write_string(r, 2, ind)
        number = float(value.replace(",", "."))
        if percent:
            ws.write_number(r, 3, float("%.6g" % (number / 100.0)), pct)
        else:
            ws.write_number(r, 3, number)
        if comment:
            ws.write_string(r, 4, comment)
        if partner:
            ws.write_string(r, 5, partner)
    wb.close()


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("--units", type=int, default=5000)
    ap.add_argument("--indicators", type=int, default=12)
    ap.add_argument("--years", type=int, default=10)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--first-year", type=int, default=2016)
    ap.add_argument("--partners", type=int, default=20)
    ap.add_argument("--force", action="store_true",
                    help="remove existing plan/ and inrapportering/ in OUTDIR first")
    ap.add_argument("--xlsx", action="store_true",
                    help="write the submissions as .xlsx workbooks (python3-xlsxwriter)")
    a = ap.parse_args(argv)
    if a.units < 1 or a.indicators < 1 or a.years < 1 or a.partners < 0:
        ap.error("--units, --indicators and --years must be >= 1, --partners >= 0")

    out = a.outdir
    plan = os.path.join(out, "plan")
    inr = os.path.join(out, "inrapportering")
    for d in (plan, inr):
        if os.path.exists(d) and os.listdir(d):
            if not a.force:
                sys.exit("gen.py: %s exists and is not empty (use --force)" % d)
            shutil.rmtree(d)
    os.makedirs(plan, exist_ok=True)
    os.makedirs(inr, exist_ok=True)

    rng = random.Random(a.seed)
    years = [a.first_year + i for i in range(a.years)]

    # --- plan/mal.csv
    write_rows(os.path.join(plan, "mal.csv"), ["id", "namn", "beskrivning"],
               [list(g) for g in GOALS])

    # --- plan/indikatorer.csv
    ind_ids, ind_kind, ind_dir, ind_rows = [], [], [], []
    for i in range(a.indicators):
        goal, name, unit, agg, direction, area, a2030 = INDICATORS[i % len(INDICATORS)]
        if i >= len(INDICATORS):
            name = "%s (del %d)" % (name, i // len(INDICATORS) + 1)
        iid = "I%02d" % (i + 1)
        ind_ids.append(iid)
        ind_kind.append(unit)
        ind_dir.append(direction)
        ind_rows.append([iid, goal, name, unit, agg, direction, area, a2030, "", "",
                         "Mäts årligen och rapporteras av varje enhet."])
    write_rows(os.path.join(plan, "indikatorer.csv"),
               ["id", "mål", "namn", "måttenhet", "aggregering", "riktning",
                "målområde", "agenda2030", "min", "max", "beskrivning"], ind_rows)

    # --- plan/enheter.csv
    width = max(4, len(str(a.units)))
    unit_ids, unit_rows = [], []
    for u in range(a.units):
        base, typ = UNIT_BASES[u % len(UNIT_BASES)]
        district = DISTRICTS[(u // len(UNIT_BASES)) % len(DISTRICTS)]
        uid = "E%0*d" % (width, u + 1)
        unit_ids.append(uid)
        unit_rows.append([uid, "%s %s %d" % (base, district, u + 1), typ])
    write_rows(os.path.join(plan, "enheter.csv"), ["id", "namn", "typ"], unit_rows)

    # --- plan/partners.csv
    partner_ids, partner_rows = [], []
    for p in range(a.partners):
        name, typ, land = PARTNER_BASES[p % len(PARTNER_BASES)]
        if p >= len(PARTNER_BASES):
            name = "%s %d" % (name, p // len(PARTNER_BASES) + 1)
        pid = "P%02d" % (p + 1)
        partner_ids.append(pid)
        partner_rows.append([pid, name, typ, land])
    write_rows(os.path.join(plan, "partners.csv"), ["id", "namn", "typ", "land"],
               partner_rows)

    # --- per (unit, indicator) model: base level and yearly trend
    n_ind = a.indicators
    base = [0.0] * (a.units * n_ind)
    trend = [0.0] * (a.units * n_ind)
    rnd = rng.random
    for u in range(a.units):
        for i in range(n_ind):
            k = ind_kind[i]
            if k == "antal":
                b = rnd() * 40.0
            elif k == "tkr":
                b = rnd() * 300.0
            else:
                b = 5.0 + rnd() * 90.0
            base[u * n_ind + i] = b
            trend[u * n_ind + i] = -0.04 + rnd() * 0.12

    # Aggregates per (year, indicator) to set realistic municipal targets.
    agg_sum = [[0.0] * n_ind for _ in years]
    # Unit targets for the first few units (exercises unit-level targets).
    n_unit_targets = min(10, a.units)
    unit_vals = {}

    n_comments = len(COMMENTS)
    n_partners = len(partner_ids)
    total_rows = 0
    n_files = 0
    header = ["år", "enhet", "indikator", "värde", "kommentar", "partner"]

    for yi, year in enumerate(years):
        ydir = os.path.join(inr, str(year))
        os.makedirs(ydir, exist_ok=True)
        ystr = str(year)
        ysum = agg_sum[yi]
        for g0 in range(0, a.units, GROUP_SIZE):
            g1 = min(g0 + GROUP_SIZE, a.units)
            rows = []
            append = rows.append
            for u in range(g0, g1):
                uid = unit_ids[u]
                off = u * n_ind
                for i in range(n_ind):
                    b = base[off + i]
                    t = trend[off + i]
                    k = ind_kind[i]
                    noise = rnd()
                    if k == "antal":
                        v = int(b * (1.0 + t * yi) + noise * 6.0 - 3.0 + 0.5)
                        if v < 0:
                            v = 0
                        s = str(v)
                    elif k == "tkr":
                        v = round(b * (1.0 + t * yi) * (0.9 + noise * 0.2), 1)
                        if v < 0:
                            v = 0.0
                        s = fmt_dec(v, 1)
                    else:
                        v = round(b + t * 40.0 * yi + noise * 6.0 - 3.0, 1)
                        if v < 0.0:
                            v = 0.0
                        elif v > 100.0:
                            v = 100.0
                        s = fmt_dec(v, 1)
                    ysum[i] += v
                    if u < n_unit_targets:
                        unit_vals[(yi, u, i)] = v
                    r = rnd()
                    if r < 0.125:
                        comment = COMMENTS[int(r * 8.0 * n_comments) % n_comments]
                        partner = ""
                        if n_partners and r < 0.083:
                            partner = partner_ids[int(r * 1000.0) % n_partners]
                        append((ystr, uid, ind_ids[i], s, comment, partner, k == "procent"))
                    else:
                        append((ystr, uid, ind_ids[i], s, "", "", k == "procent"))
            name = "enheter-%0*d-%0*d" % (width, g0 + 1, width, g1)
            if a.xlsx:
                write_xlsx(os.path.join(ydir, name + ".xlsx"), header, rows, n_files % 2 == 1)
            else:
                write_rows(os.path.join(ydir, name + ".csv"), header, [r[:6] for r in rows])
            total_rows += len(rows)
            n_files += 1

    # --- plan/malvarden.csv: municipal target for every indicator and year,
    # set near the actual aggregate so statuses come out mixed.
    mv = []
    for yi, year in enumerate(years):
        for i in range(n_ind):
            k = ind_kind[i]
            actual = agg_sum[yi][i]
            if k == "procent":
                actual /= a.units
            target = actual * (0.9 + rng.random() * 0.2)
            if k == "antal":
                ts = str(int(round(target)))
            elif k == "procent":
                ts = fmt_dec(min(100.0, target), 1)
            else:
                ts = fmt_dec(target, 1)
            mv.append([str(year), ind_ids[i], "", ts])
        for u in range(n_unit_targets):
            for i in range(n_ind):
                v = unit_vals[(yi, u, i)] * (0.85 + rng.random() * 0.3)
                k = ind_kind[i]
                if k == "antal":
                    ts = str(int(round(v)))
                elif k == "procent":
                    ts = fmt_dec(min(100.0, v), 1)
                else:
                    ts = fmt_dec(v, 1)
                mv.append([str(year), ind_ids[i], unit_ids[u], ts])
    write_rows(os.path.join(plan, "malvarden.csv"),
               ["år", "indikator", "enhet", "målvärde"], mv)

    expected = a.units * a.indicators * a.years
    assert total_rows == expected, (total_rows, expected)
    print("gen.py: %d rader i %d filer (%d enheter x %d indikatorer x %d år) i %s"
          % (total_rows, n_files, a.units, a.indicators, a.years, out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
