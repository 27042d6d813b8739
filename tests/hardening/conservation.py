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
         "conflict", "identical_duplicate", "too_many_fields", "missing_column_file", "empty_value"]

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
        self.partners = [f"partner{p}" for p in range(r.randint(0, 3))]
        self.years = sorted(r.sample(range(2021, 2027), r.randint(1, 3)))
        write(self.root, "plan/mal.csv", "id;namn\n" + "".join(f"{g};Mål nummer {g}\n" for g in self.goals))
        write(self.root, "plan/indikatorer.csv", "id;mål;namn;måttenhet;aggregering;riktning\n" + "".join(
            f"{i};{d['goal']};Indikator {i};{d['measure']};{d['agg']};{d['dir']}\n" for i, d in self.indicators.items()))
        write(self.root, "plan/enheter.csv", "id;namn;typ\n" + "".join(
            f"{u};Enheten {u};{r.choice(['förvaltning', 'bolag', 'nämnd', 'övrigt'])}\n" for u in self.units))
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
                for p in [""] + self.partners]
        r.shuffle(keys)
        flaw_counts = {f: r.choice([0, 0, 1, 1, 2, 3]) for f in FLAWS}
        self.flaw_counts = flaw_counts
        nfiles = r.randint(1, 4)
        files = [[] for _ in range(nfiles)]  # each: list of row dicts, in file order

        def take_key():
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
            for _ in range(count):
                key = take_key()
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
            rows = [good_row((r.choice(self.years), r.choice(self.units), r.choice(list(self.indicators)), ""))
                    for _ in range(r.randint(1, 4))]
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
        self.settle(sorted(names))

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
            self.warnings.append((name, 1, r"okända kolumner ignoreras: 'anteckning'"))
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
            self.warnings.append((name, None, r"Windows-1252"))
        if r.random() < 0.2:
            data = data.rstrip(b"\r\n")  # no final newline
        write(self.root, name, data)

    def col(self, row, name):
        return row["columns"].index(name) + 1

    def settle(self, names):
        """What the engine must conclude, in reading order (files sorted by path)."""
        by_key = {}
        order = []
        for name, rows, missing in names:
            if missing:
                self.rows_read += len(rows)
                self.rows_rejected += len(rows)
                self.errors.append((name, 1, None, r"filen avvisas: kolumnen '%s' saknas" % missing))
                continue
            for row in sorted(rows, key=lambda x: x["line"]):
                self.rows_read += 1
                kind = row["kind"]
                if kind == "too_many_fields":
                    self.rows_rejected += 1
                    self.errors.append((name, row["line"], row["fields"] + 1,
                                        r"raden har %d fält men rubrikraden har %d" % (row["fields"] + 1, row["fields"])))
                elif kind == "unknown_unit":
                    self.rows_rejected += 1
                    self.errors.append((name, row["line"], self.col(row, "enhet"), r"okänd enhet '%s'" % re.escape(row["unit"])))
                elif kind == "unknown_indicator":
                    self.rows_rejected += 1
                    self.errors.append((name, row["line"], self.col(row, "indikator"), r"okänd indikator '%s'" % row["ind"]))
                elif kind == "bad_number":
                    self.rows_rejected += 1
                    self.errors.append((name, row["line"], self.col(row, "värde"),
                                        r"'%s' (är inget tal|är ett felvärde|har både|har felaktig)" % re.escape(row["raw_value"])))
                elif kind == "decimal_antal":
                    self.rows_rejected += 1
                    self.errors.append((name, row["line"], self.col(row, "värde"), r"räknas i antal och måste vara ett heltal"))
                elif kind == "percent_over_100":
                    self.rows_rejected += 1
                    self.errors.append((name, row["line"], self.col(row, "värde"), r"är högre än största tillåtna värde 100"))
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
                continue
            for k, row in enumerate(rows):
                self.accepted.append(key + (row["value"],) if k == 0 else None)
                if k > 0:
                    self.rows_duplicate += 1
                    self.warnings.append((row["file"], row["line"], r"samma år, enhet, indikator och partner som"))
        self.dup_accepted = len([a for a in self.accepted if a is None])
        self.accepted = [a for a in self.accepted if a is not None]
        # Units that did not report a year with accepted rows.
        years = sorted({a[0] for a in self.accepted})
        for y in years:
            for u in self.units:
                if not any(a[0] == y and a[1] == u for a in self.accepted):
                    self.warnings.append((None, None, r"\(%s\) har inte rapporterat för %d" % (u, y)))
        self.report_years = years

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
                name = os.path.relpath(m["file"], root)
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
            if not rows or rows[0] != ["år", "mål", "indikator", "enhet", "värde", "målvärde", "föregående", "status",
                                       "bedömning", "målvärde_avser", "avvisade_rader", "indikatornamn",
                                       "enhetsnamn", "måttenhet"]:
                fail(f"sammanstallning header: {rows[:1]}")
                rows = [[]]
            expected = f.figures()
            seen = set()
            for row in rows[1:]:
                if len(row) != 14:
                    fail(f"sammanstallning: row with {len(row)} fields: {row}")
                    continue
                y, goal, ind, unit, value, target, previous, status, word, source = row[:10]
                key = (int(y), ind, unit)
                seen.add(key)
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
