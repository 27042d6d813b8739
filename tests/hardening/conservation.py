#!/usr/bin/python3
"""Conservation property test: random input folders with random flaws of
known kinds and counts, checked against `uppfolj validate` and
`uppfolj report --format csv`.

For every folder (fixed seeds, so failures reproduce):
  - rows read = accepted + rejected, and each equals what was generated;
  - every injected flaw is reported at its file and physical line (and column
    where the flaw has one), and nothing else is: the error and warning
    counts equal the injected ones;
  - the exit status is 1 exactly when something was rejected;
  - every figure in sammanstallning-YYYY.csv equals a straightforward
    recomputation: a unit's figure is the sum of its accepted rows over
    partners (an identical duplicate once, an empty value not at all, never
    as 0); the municipality's figure is the indicator's aggregation over the
    units that reported it; målvärde and föregående likewise.
Contract v2 besides:
  - indicators with `gäller` for some units only; rows for a pair an
    indicator does not apply to are rejected (a flaw of its own) and the
    unit is not told it did not report when nothing applies to it;
  - self-assessment files (år;enhet;mål;bedömning;analys;åtgärder) with
    untouched rows, grön/gul/röd spellings, identical duplicates (counted
    once), conflicts and bad rows, all counted with the figure rows;
  - a unit has reported only through an accepted row with a value;
  - every rejected figure row is attributed by the contract's rules: when
    the CSV export has the version-2 column avvisade_rader, each figure's
    count is checked against a recomputation (the unit tests check the
    attribution itself, test_validate.c);
  - file names are shown relative to INPUTS; files in Windows-1252 are
    listed in one notice for the run when there are two or more.

Usage: conservation.py UPPFOLJ [FOLDERS] [FIRST_SEED]"""
import csv
import io
import os
import random
import re
import subprocess
import sys
import tempfile

BIN = sys.argv[1]
FOLDERS = int(sys.argv[2]) if len(sys.argv) > 2 else 60
FIRST_SEED = int(sys.argv[3]) if len(sys.argv) > 3 else 1000

FLAWS = ["unknown_unit", "unknown_indicator", "bad_number", "decimal_antal", "percent_over_100",
         "conflict", "identical_duplicate", "too_many_fields", "missing_column_file", "empty_value",
         "not_applicable"]
ASSESSMENT_SPELLINGS = {1: ["uppnått", "Uppnått", "uppnatt", "grön", "GRÖN"],
                        2: ["delvis uppnått", "Delvis uppnatt", "gul"],
                        3: ["ej uppnått", "EJ UPPNÅTT", "röd", "rod"]}
TYPES = ["förvaltning", "bolag", "nämnd", "övrigt"]

MEASURES = [  # måttenhet, aggregations allowed, value generator
    ("antal", ["summa", "max", "min", "medel"], lambda r: r.randint(0, 40)),
    ("procent", ["medel", "max", "min"], lambda r: round(r.uniform(0, 100), r.choice([0, 1, 2]))),
    ("tkr", ["summa", "max", "min", "medel"], lambda r: round(r.uniform(-500, 250000), r.choice([0, 1, 2]))),
    ("dagar", ["medel", "min", "max"], lambda r: round(r.uniform(0, 90), r.choice([0, 1]))),
]


class Folder:
    """One generated input folder and everything the test expects of it."""

    def __init__(self, seed, root):
        self.r = random.Random(seed)
        self.seed = seed
        self.root = root
        self.errors = []    # (relative file, line, column or None, regex)
        self.warnings = []  # (relative file or None, line or None, regex)
        self.rows_read = 0
        self.rows_rejected = 0
        self.accepted = []  # (year, unit, indicator, partner, value or None)
        self.rows_duplicate = 0
        self.rejected_rows = []  # (year, unit, indicator) as written, of every rejected figure row
        self.assessment_rows = []  # (key, assessment, texts, file, line) of self-assessment rows kept
        self.cp1252 = []         # files in Windows-1252 with a byte beyond ASCII

    # ---- the plan ----
    def make_plan(self):
        r = self.r
        os.makedirs(os.path.join(self.root, "plan"))
        self.goals = [str(g + 1) for g in range(r.randint(1, 3))]
        self.indicators = {}
        for k in range(r.randint(3, 6)):
            measure, aggs, gen = MEASURES[k % len(MEASURES)] if k < len(MEASURES) else r.choice(MEASURES)
            self.indicators[f"ind{k}"] = dict(goal=r.choice(self.goals), measure=measure, agg=r.choice(aggs),
                                              dir=r.choice(["öka", "minska"]), gen=gen)
        self.units = [f"enhet-{chr(97 + u)}" for u in range(r.randint(2, 5))]
        self.unit_types = {u: r.choice(TYPES) for u in self.units}
        # gäller: most indicators apply to every unit; some to a few units,
        # named by id or by type.
        for i, d in self.indicators.items():
            d["applies"] = set(self.units)
            d["galler"] = ""
            # ind0 (antal) and ind1 (procent) carry the value flaws: every unit.
            if i not in ("ind0", "ind1") and r.random() < 0.5:
                if r.random() < 0.5:
                    named = r.sample(self.units, r.randint(1, len(self.units)))
                    d["galler"] = r.choice([" ", ", "]).join(u.upper() if r.random() < 0.2 else u for u in named)
                    d["applies"] = set(named)
                else:
                    t = r.choice(sorted(set(self.unit_types.values())))
                    d["galler"] = t
                    d["applies"] = {u for u in self.units if self.unit_types[u] == t}
        self.partners = [f"partner{p}" for p in range(r.randint(0, 3))]
        self.years = sorted(r.sample(range(2021, 2027), r.randint(1, 3)))
        write(self.root, "plan/mal.csv", "id;namn\n" + "".join(f"{g};Mål nummer {g}\n" for g in self.goals))
        write(self.root, "plan/indikatorer.csv", "id;mål;namn;måttenhet;aggregering;riktning;gäller\n" + "".join(
            f"{i};{d['goal']};Indikator {i};{d['measure']};{d['agg']};{d['dir']};\"{d['galler']}\"\n"
            for i, d in self.indicators.items()))
        write(self.root, "plan/enheter.csv", "id;namn;typ\n" + "".join(
            f"{u};Enheten {u};{self.unit_types[u]}\n" for u in self.units))
        if self.partners:
            write(self.root, "plan/partners.csv", "id;namn;typ;land\n" + "".join(
                f"{p};Partner {p};vänort;Norge\n" for p in self.partners))
        self.targets = {}
        lines = ["år;indikator;enhet;målvärde"]
        for _ in range(r.randint(0, 6)):
            y, i = r.choice(self.years), r.choice(list(self.indicators))
            u = r.choice(self.units + [""])
            if (y, i, u) in self.targets:
                continue
            v = self.indicators[i]["gen"](r)
            self.targets[(y, i, u)] = float(v)
            lines.append(f"{y};{i};{u};{fmt_plain(v)}")
        write(self.root, "plan/malvarden.csv", "\n".join(lines) + "\n")

    # ---- values as clerks write them ----
    def written(self, value, measure, delimiter):
        r = self.r
        if value is None:
            return ""
        s = fmt_plain(value)
        if "." in s and r.random() < 0.6:
            s = s.replace(".", ",")
        intpart = s.lstrip("-").split(",")[0].split(".")[0]
        if len(intpart) > 3 and r.random() < 0.5:
            sep = r.choice([" ", "\u00a0", "\u202f"])
            grouped = f"{int(intpart):,}".replace(",", sep)
            s = s.replace(intpart, grouped, 1)
        if s.startswith("-") and r.random() < 0.3:
            s = "\u2212" + s[1:]
        if measure == "procent" and r.random() < 0.3:
            s += r.choice(["%", " %"])
        return s

    # ---- submissions ----
    def make_submissions(self):
        r = self.r
        keys = [(y, u, i, p) for y in self.years for u in self.units for i in self.indicators
                for p in [""] + self.partners if u in self.indicators[i]["applies"]]
        r.shuffle(keys)
        foreign = [(y, u, i, p) for y in self.years for u in self.units for i in self.indicators
                   for p in [""] + self.partners if u not in self.indicators[i]["applies"]]
        r.shuffle(foreign)
        flaw_counts = {f: r.choice([0, 0, 1, 1, 2, 3]) for f in FLAWS}
        self.flaw_counts = flaw_counts
        nfiles = r.randint(1, 4)
        files = [[] for _ in range(nfiles)]  # each: list of row dicts, in file order

        def take_key(flaw=None):
            if flaw == "not_applicable":
                return foreign.pop() if foreign else None
            return keys.pop() if keys else None

        def good_row(key, value=None):
            y, u, i, p = key
            v = self.indicators[i]["gen"](r) if value is None else value
            return dict(kind="good", year=y, unit=u, ind=i, partner=p, value=v)

        n_good = r.randint(5, 40)
        for _ in range(n_good):
            key = take_key()
            if key:
                r.choice(files).append(good_row(key))
        for flaw, count in flaw_counts.items():
            if flaw == "missing_column_file":
                continue  # whole files of their own, below; a row here would be an accepted one
            for _ in range(count):
                key = take_key(flaw)
                if not key:
                    break
                f = r.choice(files)
                row = good_row(key)
                row["kind"] = flaw
                ind = self.indicators[row["ind"]]
                if flaw == "unknown_unit":
                    row["unit"] = "okänd-" + row["unit"]
                elif flaw == "unknown_indicator":
                    row["ind"] = "xyz" + str(r.randint(100, 999))
                elif flaw == "bad_number":
                    row["raw_value"] = r.choice(["tolv", "12x", "1.234,5", "12 34", "#SAKNAS!", "1,2,3"])
                elif flaw in ("decimal_antal", "percent_over_100"):
                    want = "antal" if flaw == "decimal_antal" else "procent"
                    cands = [i for i, d in self.indicators.items() if d["measure"] == want]
                    row["ind"] = cands[0]
                    row["raw_value"] = ("2,5" if flaw == "decimal_antal" else r.choice(["100,5", "150", "101 %"]))
                elif flaw == "empty_value":
                    row["value"] = None
                elif flaw == "too_many_fields":
                    row["extra"] = True
                f.append(row)
                if flaw == "conflict":
                    delta = r.choice([1, 2, 7])
                    if ind["measure"] == "procent" and row["value"] + delta > 100:
                        delta = -delta
                    other = dict(row, value=row["value"] + delta, kind="conflict")
                    r.choice(files).append(other)
                    row["partner_rows"] = other
                elif flaw == "identical_duplicate":
                    other = dict(row, kind="duplicate_second")
                    f.append(other)
        for f in files:
            r.shuffle(f)
        # Identical duplicates: the first row of the pair (in reading order)
        # stays; the later one is warned about. Keep them in order within a file.
        for f in files:
            seen = set()
            for k, row in enumerate(f):
                if row["kind"] in ("identical_duplicate", "duplicate_second"):
                    key = (row["year"], row["unit"], row["ind"], row["partner"])
                    row["kind"] = "duplicate_second" if key in seen else "identical_duplicate"
                    seen.add(key)
        # One extra file with a missing column, per flaw count.
        missing_files = []
        for _ in range(flaw_counts["missing_column_file"]):
            pairs = [(u, i) for u in self.units for i in self.indicators if u in self.indicators[i]["applies"]]
            rows = [good_row((r.choice(self.years),) + r.choice(pairs) + ("",)) for _ in range(r.randint(1, 4))
                    if pairs]
            for row in rows:
                row["kind"] = "in_missing_column_file"
            missing_files.append(rows)
        names = []
        for k, f in enumerate(files):
            year = f[0]["year"] if f else self.years[0]
            names.append((f"inrapportering/{year}/fil-{k}.csv", f, None))
        for k, f in enumerate(missing_files):
            names.append((f"inrapportering/saknar/kolumn-{k}.csv", f, r.choice(["värde", "enhet", "indikator", "år"])))
        for name, rows, missing in names:
            self.write_submission(name, rows, missing)
        self.make_assessments()
        self.settle(sorted(names))
        self.settle_assessments()
        self.settle_cp1252()

    def write_submission(self, name, rows, missing):
        r = self.r
        delimiter = r.choice([";", ";", ",", "\t"])
        columns = ["år", "enhet", "indikator", "värde"]
        if r.random() < 0.7:
            columns.append("kommentar")
        if self.partners or r.random() < 0.5:  # a plan with partners: always, or keys would merge
            columns.append("partner")
        if missing:
            columns.remove(missing)
        extra_column = not missing and r.random() < 0.15
        if extra_column:
            columns.append("anteckning")
            self.warnings.append((name, 1, r"okända kolumner ignoreras: ”anteckning”"))
        if not rows and not missing:
            self.warnings.append((name, None, r"filen har en rubrikrad men inga datarader"))
        r.shuffle(columns)
        header = [c if r.random() < 0.7 else r.choice({
            "år": ["ar", "Year", " ÅR "], "enhet": ["Enhet", "unit"], "indikator": ["INDIKATOR", "indicator"],
            "värde": ["varde", "Value", "Värde"], "kommentar": ["comment", "Kommentar"], "partner": ["Partner"],
            "anteckning": ["anteckning"]}[c]) for c in columns]
        out = io.StringIO()
        lineterm = r.choice(["\n", "\r\n"])
        w = csv.writer(out, delimiter=delimiter, lineterminator=lineterm, quoting=csv.QUOTE_MINIMAL)
        w.writerow(header)
        line = 2
        for row in rows:
            rec = []
            for c in columns:
                if c == "år":
                    rec.append(str(row["year"]))
                elif c == "enhet":
                    rec.append(row["unit"])
                elif c == "indikator":
                    rec.append(row["ind"])
                elif c == "värde":
                    rec.append(row.get("raw_value") or self.written(row["value"], self.indicators.get(
                        row["ind"], {"measure": ""})["measure"], delimiter))
                elif c == "kommentar":
                    rec.append(r.choice(["", "", "Möte i Århus", "rad ett\nrad två", "\"citat\"; och, mer",
                                         "=1+1", "  blanksteg  "]))
                elif c == "partner":
                    rec.append(row["partner"])
                elif c == "anteckning":
                    rec.append(r.choice(["", "x"]))
            if "partner" not in columns and row["partner"]:
                row["partner"] = ""  # the file cannot say it: the key has no partner
            if row.get("extra"):
                rec.append("extra")
            before = out.tell()
            w.writerow(rec)
            row["file"], row["line"] = name, line
            row["columns"] = columns
            row["fields"] = len(columns)
            line += out.getvalue()[before:].count("\n")
        text = out.getvalue()
        encoding = "utf-8"
        if r.random() < 0.2:
            try:
                data = text.encode("cp1252")
                encoding = "cp1252"
            except UnicodeEncodeError:
                data = text.encode("utf-8")
        else:
            data = text.encode("utf-8")
        if encoding == "utf-8" and r.random() < 0.3:
            data = b"\xef\xbb\xbf" + data
        if encoding == "cp1252" and any(b >= 0x80 for b in data):
            self.cp1252.append(name)
        if r.random() < 0.2:
            data = data.rstrip(b"\r\n")  # no final newline
        write(self.root, name, data)

    def col(self, row, name):
        return row["columns"].index(name) + 1

    def settle(self, names):
        """What the engine must conclude, in reading order (files sorted by path)."""
        by_key = {}
        order = []
        rejected_before = self.rows_rejected
        for name, rows, missing in names:
            if missing:
                self.rows_read += len(rows)
                self.rows_rejected += len(rows)
                self.errors.append((name, 1, None, r"filen avvisas: kolumnen ”%s” saknas" % missing))
                for row in rows:  # rejected whole, still counted where they can be read
                    self.rejected_rows.append((None if missing == "år" else row["year"],
                                               None if missing == "enhet" else row["unit"],
                                               None if missing == "indikator" else row["ind"]))
                continue
            for row in sorted(rows, key=lambda x: x["line"]):
                self.rows_read += 1
                kind = row["kind"]
                if kind not in ("good", "identical_duplicate", "duplicate_second", "conflict", "empty_value"):
                    self.rejected_rows.append((row["year"], row["unit"], row["ind"]))
                if kind == "not_applicable":
                    self.rows_rejected += 1
                    self.errors.append((name, row["line"], self.col(row, "indikator"),
                                        r"indikatorn %s gäller inte %s, bara " % (row["ind"], row["unit"])))
                elif kind == "too_many_fields":
                    self.rows_rejected += 1
                    self.errors.append((name, row["line"], row["fields"] + 1,
                                        r"raden har %d fält men rubrikraden har %d" % (row["fields"] + 1, row["fields"])))
                elif kind == "unknown_unit":
                    self.rows_rejected += 1
                    self.errors.append((name, row["line"], self.col(row, "enhet"), r"okänd enhet ”%s”" % re.escape(row["unit"])))
                elif kind == "unknown_indicator":
                    self.rows_rejected += 1
                    self.errors.append((name, row["line"], self.col(row, "indikator"), r"okänd indikator ”%s”" % row["ind"]))
                elif kind == "bad_number":
                    self.rows_rejected += 1
                    self.errors.append((name, row["line"], self.col(row, "värde"),
                                        r"”%s” (är inget tal|är ett felvärde|har både|har felaktig)" % re.escape(row["raw_value"])))
                elif kind == "decimal_antal":
                    self.rows_rejected += 1
                    self.errors.append((name, row["line"], self.col(row, "värde"), r"räknas i antal och måste vara ett heltal"))
                elif kind == "percent_over_100":
                    self.rows_rejected += 1
                    self.errors.append((name, row["line"], self.col(row, "värde"), r"är högre än det största tillåtna värdet \(100\)"))
                else:
                    key = (row["year"], row["unit"], row["ind"], row["partner"])
                    by_key.setdefault(key, []).append(row)
                    order.append(key)
                    if kind == "empty_value":
                        self.warnings.append((name, row["line"], r"värde saknas; räknas som ej rapporterat"))
        for key in dict.fromkeys(order):
            rows = by_key[key]
            values = {r_["value"] for r_ in rows}
            if len(rows) > 1 and len(values) > 1:
                self.rows_rejected += len(rows)
                for row in rows:
                    self.errors.append((row["file"], row["line"], self.col(row, "värde"), r"motstridiga värden för"))
                    self.rejected_rows.append(key[:3])
                continue
            for k, row in enumerate(rows):
                self.accepted.append(key + (row["value"],) if k == 0 else None)
                if k > 0:
                    self.rows_duplicate += 1
                    self.warnings.append((row["file"], row["line"], r"samma år, enhet, indikator och partner som"))
        # Every figure row counted as rejected is recorded for attribution,
        # and nothing else: a flaw kind recorded but accepted would make the
        # attribution check blame the engine.
        if self.rows_rejected - rejected_before != len(self.rejected_rows):
            raise AssertionError(f"seed {self.seed}: {self.rows_rejected - rejected_before} figure rows rejected, "
                                 f"{len(self.rejected_rows)} recorded for attribution")
        self.dup_accepted = len([a for a in self.accepted if a is None])
        self.accepted = [a for a in self.accepted if a is not None]
        # Units expected to report (some indicator applies to them) that
        # have no accepted row with a value in a year with accepted rows.
        years = sorted({a[0] for a in self.accepted})
        for y in years:
            for u in self.units:
                expected = any(u in d["applies"] for d in self.indicators.values())
                if expected and not any(a[0] == y and a[1] == u and a[4] is not None for a in self.accepted):
                    self.warnings.append((None, None, r"\(%s\) har inte rapporterat för %d" % (u, y)))
        self.report_years = years

    # ---- self-assessments ----
    def make_assessments(self):
        """Zero to two self-assessment files: good rows in many spellings,
        untouched rows, and flaws of their own."""
        r = self.r
        keys = [(y, u, g) for y in self.years for u in self.units for g in self.goals]
        r.shuffle(keys)
        by_key = {}
        for k in range(r.choice([0, 1, 1, 2])):
            name = f"inrapportering/sjalvvardering/sv-{k}.csv"
            delimiter = r.choice([";", ",", "\t"])
            header = r.choice([["år", "enhet", "mål", "bedömning", "analys", "åtgärder"],
                               ["Year", "Unit", "Goal", "Assessment", "Analysis", "Actions"],
                               ["ar", "enhet", "mal", "bedomning", "analys", "atgarder", "namn"]])
            out = io.StringIO()
            w = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
            w.writerow(header)
            line = 2
            written = 0
            for _ in range(r.randint(1, 8)):
                kind = r.choice(["good", "good", "good", "untouched", "bad", "missing", "again"])
                if kind == "again" and by_key:
                    key, a, texts = by_key[r.choice(sorted(by_key))][0]
                    if r.random() < 0.5:  # the same again, or another word
                        a = r.choice([x for x in (1, 2, 3) if x != a])
                        kind = "different"
                    else:
                        kind = "same"
                elif keys:
                    key = keys.pop()
                    a = r.choice([1, 2, 3])
                    texts = (r.choice(["", "Två nya projekt.\nBra år.", "\"Citat\"; och, mer", "=1+1"]),
                             r.choice(["", "Söka Interreg"]))
                else:
                    continue
                word = r.choice(ASSESSMENT_SPELLINGS[a]) if a else ""
                if kind == "untouched":
                    word, texts, a = "", ("", ""), 0
                elif kind == "bad":
                    word = r.choice(["bra", "ok", "ja"])
                elif kind == "missing":
                    word, texts = "", ("Analys utan bedömning", "")
                rec = [str(key[0]), key[1], key[2], word, texts[0], texts[1]] + (["Målets namn"] if len(header) > 6 else [])
                before = out.tell()
                w.writerow(rec)
                written += 1
                self.rows_read += 1
                if kind == "bad":
                    self.rows_rejected += 1
                    self.errors.append((name, line, 4, r"okänd bedömning ”%s”" % word))
                elif kind == "missing":
                    self.rows_rejected += 1
                    self.errors.append((name, line, 4, r"bedömning saknas men raden har text i"))
                else:
                    by_key.setdefault(key, []).append((key, a, texts))
                    self.assessment_rows.append((key, a, texts, name, line))
                line += out.getvalue()[before:].count("\n")
            if not written:  # every key taken and nothing to repeat: a header alone
                self.warnings.append((name, None, r"filen har en rubrikrad men inga datarader"))
            write(self.root, name, out.getvalue().encode("utf-8"))

    def settle_assessments(self):
        groups = {}
        for key, a, texts, name, line in self.assessment_rows:
            groups.setdefault(key, []).append((a, texts, name, line))
        for key, rows in groups.items():
            if len({(a, t) for a, t, _, _ in rows}) > 1:
                self.rows_rejected += len(rows)
                for _, _, name, line in rows:
                    self.errors.append((name, line, None, r"olika självvärderingar för %d, Enheten %s, mål %s" % key))
            else:
                for _, _, name, line in sorted(rows, key=lambda x: (x[2], x[3]))[1:]:
                    self.rows_duplicate += 1
                    self.warnings.append((name, line, r"samma år, enhet och mål som"))

    def settle_cp1252(self):
        if len(self.cp1252) == 1:
            self.warnings.append((self.cp1252[0], None, r"Windows-1252"))
        elif self.cp1252:
            self.warnings.append((None, None, r"^%d filer är sparade i Windows-1252 .*: %s$" % (
                len(self.cp1252), re.escape(", ".join(sorted(self.cp1252))))))

    # ---- rejected rows, attributed by the contract ----
    def attributions(self):
        """(year, indicator, unit or "") -> rejected rows behind that figure."""
        units = {u.lower(): u for u in self.units}
        out = {}
        for y, u, i in self.rejected_rows:
            if y not in range(1900, 2101) or i not in self.indicators:
                continue
            unit = units.get((u or "").lower())
            if unit is not None and unit not in self.indicators[i]["applies"]:
                continue  # ej aktuell: feeds no figure
            out[(y, i, "")] = out.get((y, i, ""), 0) + 1
            if unit is not None:
                out[(y, i, unit)] = out.get((y, i, unit), 0) + 1
        return out

    # ---- the figures, recomputed ----
    def figures(self):
        unit_fig = {}
        for (y, u, i, p, v) in self.accepted:
            if v is None:
                continue
            unit_fig[(y, i, u)] = unit_fig.get((y, i, u), 0.0) + float(v)
        out = {}
        for y in self.report_years:
            for i, d in self.indicators.items():
                vals = [unit_fig[(y, i, u)] for u in self.units if (y, i, u) in unit_fig]
                agg = None
                if vals:
                    agg = {"summa": sum, "medel": lambda x: sum(x) / len(x), "max": max, "min": min}[d["agg"]](vals)
                out[(y, i, "")] = agg
                for u in self.units:
                    out[(y, i, u)] = unit_fig.get((y, i, u))
        return out


def fmt_plain(v):
    if isinstance(v, int) or float(v).is_integer():
        return str(int(v))
    return repr(float(v))


def write(root, name, data):
    path = os.path.join(root, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data.encode("utf-8") if isinstance(data, str) else data)


def number(cell):
    return None if cell == "" else float(cell.replace(",", "."))


DIAG = re.compile(r"^(?P<file>[^:]+?)(?::(?P<line>\d+))?(?::(?P<col>\d+))?: (?P<sev>fel|varning): (?P<text>.*)$")
GLOBAL = re.compile(r"^(?P<sev>fel|varning): (?P<text>.*)$")


def check_folder(seed, failures):
    with tempfile.TemporaryDirectory() as tmp:
        root = os.path.join(tmp, "inputs")
        f = Folder(seed, root)
        f.make_plan()
        f.make_submissions()
        problems = []

        def fail(what):
            problems.append(what)

        v = subprocess.run([BIN, "validate", root], capture_output=True, text=True)
        diags = []
        for line in v.stdout.splitlines():
            m = DIAG.match(line)
            if m:
                name = m["file"]  # shown relative to INPUTS, never absolute
                if os.path.isabs(name):
                    fail(f"absolute path in a message: {line}")
                diags.append((name, int(m["line"]) if m["line"] else None, int(m["col"]) if m["col"] else None,
                              m["sev"], m["text"]))
                continue
            m = GLOBAL.match(line)
            if m:
                diags.append((None, None, None, m["sev"], m["text"]))
        m = re.search(r"^Rader: ([\d ]+) lästa, ([\d ]+) godkända, ([\d ]+) avvisade", v.stdout, re.M)
        if not m:
            fail("no counts line in:\n" + v.stdout + v.stderr)
        else:
            nread, nacc, nrej = (int(x.replace(" ", "")) for x in m.groups())
            if nread != nacc + nrej:
                fail(f"read {nread} != accepted {nacc} + rejected {nrej}")
            if nread != f.rows_read or nrej != f.rows_rejected:
                fail(f"counts {nread} read, {nrej} rejected; expected {f.rows_read} read, {f.rows_rejected} rejected")
        want_rc = 1 if f.rows_rejected else 0
        if v.returncode != want_rc:
            fail(f"validate exit status {v.returncode}, expected {want_rc}: {v.stderr}")
        errors = [d for d in diags if d[3] == "fel"]
        warnings = [d for d in diags if d[3] == "varning"]
        for (name, line, col, regex) in f.errors:
            if not any(d[0] == name and d[1] == line and (col is None or d[2] == col) and re.search(regex, d[4])
                       for d in errors):
                fail(f"flaw not reported: {name}:{line}:{col} /{regex}/")
        if len(errors) != len(f.errors):
            fail(f"{len(errors)} errors reported, {len(f.errors)} injected:\n  " +
                 "\n  ".join(map(str, errors)))
        for (name, line, regex) in f.warnings:
            if not any((name is None or d[0] == name) and (line is None or d[1] == line) and re.search(regex, d[4])
                       for d in warnings):
                fail(f"warning missing: {name}:{line} /{regex}/")
        if len(warnings) != len(f.warnings):
            fail(f"{len(warnings)} warnings reported, {len(f.warnings)} expected:\n  " +
                 "\n  ".join(map(str, warnings)))

        if f.report_years:
            out = os.path.join(tmp, "out")
            rep = subprocess.run([BIN, "report", root, "--out", out, "--format", "csv", "--quiet"],
                                 capture_output=True, text=True)
            if rep.returncode != want_rc:
                fail(f"report exit status {rep.returncode}, expected {want_rc}: {rep.stderr}")
            year = f.report_years[-1]
            path = os.path.join(out, f"sammanstallning-{year}.csv")
            raw = open(path, "rb").read() if os.path.exists(path) else b""
            if not raw.startswith(b"\xef\xbb\xbf") or b"\r\n" not in raw or raw.replace(b"\r\n", b"").count(b"\n"):
                fail("sammanstallning: not UTF-8 with BOM and CRLF")
            rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
            v2_header = ["år", "mål", "indikator", "enhet", "värde", "målvärde", "föregående", "status",
                         "bedömning", "målvärde_avser", "avvisade_rader", "indikatornamn",
                         "enhetsnamn", "måttenhet"]
            header = rows[0] if rows else []
            if header != v2_header:
                fail(f"sammanstallning header: {header}")
                rows = [[]]
            v2 = len(header) == 14
            rejected_at = header.index("avvisade_rader") if "avvisade_rader" in header else None
            expected = f.figures()
            if v2:
                expected = {k: v for k, v in expected.items() if not k[2] or k[2] in f.indicators[k[1]]["applies"]}
            attributed = f.attributions()
            seen = set()
            for row in rows[1:]:
                if len(row) != len(header):
                    fail(f"sammanstallning: row with {len(row)} fields: {row}")
                    continue
                y, goal, ind, unit, value, target, previous, status, word, source = row[:10]
                key = (int(y), ind, unit)
                seen.add(key)
                if rejected_at is not None and int(row[rejected_at] or 0) != attributed.get(key, 0):
                    fail(f"{key}: avvisade_rader {row[rejected_at]}, the contract attributes {attributed.get(key, 0)}")
                if goal != f.indicators[ind]["goal"]:
                    fail(f"{key}: goal {goal}")
                want = expected.get(key)
                got = number(value)
                if (want is None) != (got is None) or (want is not None and abs(want - got) > 1e-4 * max(1, abs(want))):
                    fail(f"{key}: value {value!r}, recomputed {want!r}")
                # A unit without its own target takes the municipality's for medel only.
                t, want_source = f.targets.get(key), "enheten" if unit else "kommunen"
                if t is None and unit and f.indicators[ind]["agg"] == "medel":
                    t, want_source = f.targets.get((int(y), ind, "")), "kommunen"
                if (t is None) != (number(target) is None) or (t is not None and abs(t - number(target)) > 1e-4 * max(1, abs(t))):
                    fail(f"{key}: målvärde {target!r}, plan says {t!r}")
                if source != (want_source if t is not None else ""):
                    fail(f"{key}: målvärde_avser {source!r}")
                if (word == "underlag saknas") != (status == "grå") or (t is None and word in ("uppnått", "ej uppnått")):
                    fail(f"{key}: bedömning {word!r} with status {status!r} and target {t!r}")
                prev = expected.get((int(y) - 1, ind, unit)) if int(y) - 1 in f.report_years else None
                gotp = number(previous)
                if (prev is None) != (gotp is None) or (prev is not None and abs(prev - gotp) > 1e-4 * max(1, abs(prev))):
                    fail(f"{key}: föregående {previous!r}, recomputed {prev!r}")
                if status not in ("grön", "gul", "röd", "grå"):
                    fail(f"{key}: status {status!r}")
                if got is None and status != "grå":
                    fail(f"{key}: no figure but status {status}")
            if seen != set(expected):
                fail(f"sammanstallning rows: {len(seen)} figures, expected {len(expected)}")
        if problems:
            failures.append((seed, f.flaw_counts, problems))
        return f


def main():
    failures = []
    totals = {flaw: 0 for flaw in FLAWS}
    rows = 0
    for seed in range(FIRST_SEED, FIRST_SEED + FOLDERS):
        f = check_folder(seed, failures)
        rows += f.rows_read
        for k, n in f.flaw_counts.items():
            totals[k] += n
    for seed, counts, problems in failures:
        print(f"seed {seed} (flaws {counts}):")
        for p in problems[:15]:
            print("   ", p)
    print(f"conservation: {FOLDERS} folders, {rows} rows, flaws injected: " +
          ", ".join(f"{k} {v}" for k, v in totals.items()))
    print(f"conservation: {len(failures)} folders failed")
    sys.exit(1 if failures else 0)


main()
