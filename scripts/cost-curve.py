#!/usr/bin/env python3
"""Draw the cost curve of issue #13 as an SVG, from the results of bench/curve.sh.

    python3 scripts/cost-curve.py [CURVE_CSV] [RUNS_CSV] [OUT_SVG]
    python3 scripts/cost-curve.py --table [CURVE_CSV]     # the Markdown table of docs/performance.md

defaults: build/bench-curve/curve.csv, build/bench-curve/runs.csv, docs/images/cost-curve.svg.

One small panel per cost, all with the same logarithmic x axis (plants on the list) and a
logarithmic y axis in the cost's own unit; each point is the median of the runs at that size
(curve.csv's `n` says how many). The thin dotted grey line in each panel is "proportional to the
plants", drawn through the first measured point of the panel's first line: a cost that follows it
grows linearly with the list, one below it grows slower. A red tick-mark is a limit of the issue at
the size it applies to. Python 3 standard library only.
"""
import csv
import math
import sys
from collections import defaultdict
from xml.sax.saxutils import escape

TABLE = len(sys.argv) > 1 and sys.argv[1] == "--table"
if TABLE:
    del sys.argv[1]
CURVE = sys.argv[1] if len(sys.argv) > 1 else "build/bench-curve/curve.csv"
RUNS = sys.argv[2] if len(sys.argv) > 2 else "build/bench-curve/runs.csv"
OUT = sys.argv[3] if len(sys.argv) > 3 else "docs/images/cost-curve.svg"

# (title, unit, [(bench, metric, label, colour)], [(plants, limit, label)])
PANELS = [
    ("Fan-out: approve → orders committed", "s",
     [("run", "fanout_s", "fan-out", "#1f77b4"),
      ("run", "bare_sqlite_s", "bare: SQLite N × 1 KB, one tx", "#999999")],
     [(100000, 0.35, "≤ 0.35 s"), (1000000, 4.0, "≤ 4 s")]),
    ("Fan-out: server peak memory (VmHWM)", "MB",
     [("run", "fanout_hwm_mb", "VmHWM after the fan-out", "#1f77b4"),
      ("run", "rss_after_acks_mb", "VmRSS after the acks", "#ff7f0e")],
     [(100000, 300, "≤ 300 MB"), (1000000, 150, "≤ 150 MB")]),
    ("Acknowledgements, 256 connections", "acks/s",
     [("run", "ack_rps", "acks/s", "#1f77b4"),
      ("run", "bare_echo1_rps", "bare: JSON POST, 1 thread", "#999999")],
     []),
    ("Ack latency p99", "ms",
     [("run", "ack_p99_ms", "p99", "#1f77b4"),
      ("run", "ack_p50_ms", "p50", "#ff7f0e")],
     [(100000, 25, "≤ 25 ms")]),
    ("Progress query (median of 200; of 20 at 1M)", "ms",
     [("run", "progress_ms", "median", "#1f77b4"),
      ("run", "progress_p95_ms", "p95", "#ff7f0e")],
     [(100000, 50, "≤ 50 ms"), (1000000, 50, "≤ 50 ms")]),
    ("Evaluation report over HTTP", "s",
     [("run", "report_json_s", "JSON", "#1f77b4"),
      ("run", "report_html_s", "HTML", "#ff7f0e"),
      ("run", "report_csv_s", "CSV", "#2ca02c")],
     [(100000, 0.3, "≤ 0.3"), (100000, 0.4, "≤ 0.4 s")]),
    ("List generate and import", "s",
     [("list", "import_s", "import", "#1f77b4"),
      ("list", "generate_s", "generate", "#ff7f0e"),
      ("list", "bare_sqlite_s", "bare: SQLite N rows, one tx", "#999999")],
     [(100000, 3.0, "import ≤ 3 s")]),
    ("Restart after kill -9 → first answer", "ms",
     [("run", "restart_first_answer_ms", "first progress answer", "#1f77b4"),
      ("run", "restart_readyz_ms", "first /readyz", "#ff7f0e")],
     [(1000000, 500, "≤ 0.5 s")]),
    ("Database size", "MB",
     [("run", "db_template_mb", "list + tokens", "#1f77b4"),
      ("run", "db_episode_growth_mb", "one episode adds", "#ff7f0e")],
     []),
]

COLS, PW, PH = 3, 330, 230          # panels per row, panel width and height
ML, MR, MT, MB = 58, 14, 34, 62     # margins inside a panel (left, right, top, bottom)
HEAD = 64


def load(path):
    data = defaultdict(dict)        # (bench, metric) → {plants: (median, min, max, n)}
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            try:
                vals = tuple(float(row[k]) for k in ("median", "min", "max"))
            except ValueError:
                continue
            data[(row["bench"], row["metric"])][int(row["plants"])] = vals + (int(row["n"]),)
    # derived: what one episode adds to the database (medians of both, so min/max are not given)
    after, before = data.get(("run", "db_after_episode_mb"), {}), data.get(("run", "db_template_mb"), {})
    for n in after.keys() & before.keys():
        grow = after[n][0] - before[n][0]
        data[("run", "db_episode_growth_mb")][n] = (grow, grow, grow, after[n][3])
    return data


def fmt(v):
    if v >= 10000:
        return f"{v:,.0f}"
    if v >= 100:
        return f"{v:.0f}"
    if v >= 10:
        return f"{v:.1f}".rstrip("0").rstrip(".")
    if v >= 1:
        return f"{v:.2f}".rstrip("0").rstrip(".")
    return f"{v:.3f}".rstrip("0").rstrip(".")


def plants_label(n):
    return {10000: "10k", 100000: "100k", 1000000: "1M"}.get(n, f"{n:,}")



# (label, bench, metric, unit, limit) — the rows of the Markdown table
TABLE_ROWS = [
    ("Fan-out: approve orange, N orders committed, wall", "run", "fanout_s", " s", "≤ 0.35 s at 100k; ≤ 4 s at 1M"),
    ("Fan-out: server CPU during it", "run", "fanout_cpu_s", " s", "—"),
    ("Bare: SQLite N × 1 KB in one transaction (same run)", "run", "bare_sqlite_s", " s", "(bare limit of the fan-out)"),
    ("Fan-out: server VmHWM after it", "run", "fanout_hwm_mb", " MB", "≤ 300 MB at 100k; ≤ 150 MB at 1M"),
    ("Fan-out: max /v1/status latency during it", "run", "status_during_max_ms", " ms", "answers"),
    ("Acks/s, 256 connections, distinct orders", "run", "ack_rps", "/s", "≥ 0.55 × bare 1 thread"),
    ("Bare: JSON POST on the project's server, 1 thread (same run)", "run", "bare_echo1_rps", "/s", "(bare limit of the acks)"),
    ("Ack p99", "run", "ack_p99_ms", " ms", "≤ 25 ms"),
    ("Ack: server CPU per ack", "run", "ack_cpu_us", " µs", "—"),
    ("Ack: acks per fdatasync", "run", "ack_per_fsync", "", "—"),
    ("Progress query (median of 200; of 20 at 1M)", "run", "progress_ms", " ms", "≤ 50 ms"),
    ("Report JSON (median of 3 builds; 1 at 1M)", "run", "report_json_s", " s", "≤ 0.4 s at 100k"),
    ("Report HTML", "run", "report_html_s", " s", "≤ 0.3 s at 100k"),
    ("Report CSV", "run", "report_csv_s", " s", "≤ 0.4 s at 100k"),
    ("Report JSON size", "run", "report_json_mb", " MB", "—"),
    ("Restart after kill -9 → first progress answer", "run", "restart_first_answer_ms", " ms", "≤ 0.5 s at 1M"),
    ("Restart after kill -9 → first /readyz 200", "run", "restart_readyz_ms", " ms", "—"),
    ("Server VmRSS after the acks", "run", "rss_after_acks_mb", " MB", "—"),
    ("Database: list + tokens", "run", "db_template_mb", " MB", "—"),
    ("Database: after the episode", "run", "db_after_episode_mb", " MB", "—"),
    ("`list generate --count N`, wall", "list", "generate_s", " s", "≤ 2 s at 100k"),
    ("`list generate`, peak RSS", "list", "generate_mb", " MB", "≤ 250 MB"),
    ("`list import`, wall", "list", "import_s", " s", "≤ 3 s at 100k"),
    ("`list import`, peak RSS", "list", "import_mb", " MB", "≤ 250 MB at 100k"),
    ("Bare: SQLite N rows of the list's entry size, one tx (same run)", "list", "bare_sqlite_s", " s", "(bare limit of the import)"),
]


def table(data):
    sizes = sorted({n for series in data.values() for n in series})
    print("| figure | " + " | ".join(f"{n:,} plants" for n in sizes) + " | limit |")
    print("|" + "---|" * (len(sizes) + 2))
    for label, bench, metric, unit, limit in TABLE_ROWS:
        series = data.get((bench, metric))
        if not series:
            continue
        cells = []
        for n in sizes:
            if n not in series:
                cells.append("—")
                continue
            med, mn, mx, cnt = series[n]
            cells.append(f"{fmt(med)}{unit}" + (f" ({fmt(mn)}–{fmt(mx)})" if cnt > 1 else " (n=1)"))
        print(f"| {label} | " + " | ".join(cells) + f" | {limit} |")


def main():
    data = load(CURVE)
    if TABLE:
        table(data)
        return
    runs = []
    try:
        with open(RUNS, newline="") as f:
            runs = list(csv.DictReader(f))
    except OSError:
        pass
    sizes = sorted({n for series in data.values() for n in series})
    if not sizes:
        sys.exit(f"{CURVE}: no results")
    xlo, xhi = math.log10(min(sizes)) - 0.15, math.log10(max(sizes)) + 0.15
    rows = math.ceil(len(PANELS) / COLS)
    width, height = COLS * PW + 20, HEAD + rows * PH + 24 + 12 * max(len(runs), 1)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" font-family="DejaVu Sans, Arial, sans-serif" font-size="10">',
           f'<rect width="{width}" height="{height}" fill="white"/>',
           f'<text x="10" y="22" font-size="15" font-weight="bold">hazeguard: how each cost grows with the list '
           f'(bench/curve.sh)</text>',
           '<text x="10" y="40" font-size="10.5">x: plants on the list (log scale). y: the cost in its unit '
           '(log scale). Points: medians of the runs at that size (n beside the 1M point when 1). '
           'Dotted grey: proportional to the plants.</text>',
           '<text x="10" y="54" font-size="10.5">Red ticks: the issue\'s limits at the size they apply to. '
           'Measured on a shared 2-core machine; the load averages of each run are below.</text>']
    for i, (title, unit, lines, limits) in enumerate(PANELS):
        ox, oy = 10 + (i % COLS) * PW, HEAD + (i // COLS) * PH
        px0, px1, py0, py1 = ox + ML, ox + PW - MR, oy + MT, oy + PH - MB
        series = [(l, c, data.get((b, m), {})) for b, m, l, c in lines]
        vals = [v[0] for _, _, s in series for v in s.values() if v[0] > 0]
        vals += [lim for _, lim, _ in limits]
        if not vals:
            continue
        lo, hi = math.floor(math.log10(min(vals)) - 0.05), math.ceil(math.log10(max(vals)) + 0.05)
        if hi - lo < 1:
            hi = lo + 1

        def X(n):
            return px0 + (math.log10(n) - xlo) / (xhi - xlo) * (px1 - px0)

        def Y(v):
            return py1 - (math.log10(v) - lo) / (hi - lo) * (py1 - py0)

        out.append(f'<text x="{ox + 4}" y="{oy + 16}" font-size="11.5" font-weight="bold">{escape(title)}</text>')
        out.append(f'<rect x="{px0}" y="{py0}" width="{px1 - px0}" height="{py1 - py0}" fill="none" stroke="#444"/>')
        for d in range(lo, hi + 1):
            y = Y(10 ** d)
            out.append(f'<line x1="{px0}" y1="{y:.1f}" x2="{px1}" y2="{y:.1f}" stroke="#e4e4e4"/>')
            out.append(f'<text x="{px0 - 4}" y="{y + 3:.1f}" text-anchor="end">{fmt(10 ** d)}</text>')
            if d < hi:
                for k in range(2, 10):
                    yk = Y(k * 10 ** d)
                    out.append(f'<line x1="{px0}" y1="{yk:.1f}" x2="{px0 + 3}" y2="{yk:.1f}" stroke="#888"/>')
        for n in sizes:
            x = X(n)
            out.append(f'<line x1="{x:.1f}" y1="{py0}" x2="{x:.1f}" y2="{py1}" stroke="#f0f0f0"/>')
            out.append(f'<text x="{x:.1f}" y="{py1 + 12}" text-anchor="middle">{plants_label(n)}</text>')
        out.append(f'<text x="{(px0 + px1) / 2}" y="{py1 + 24}" text-anchor="middle" fill="#444">plants</text>')
        out.append(f'<text transform="translate({ox + 12},{(py0 + py1) / 2}) rotate(-90)" text-anchor="middle" '
                   f'fill="#444">{escape(unit)}</text>')
        # proportional reference through the first point of the first line
        first = series[0][2]
        if first:
            n0 = min(first)
            v0 = first[n0][0]
            pts = [(n, v0 * n / n0) for n in sizes if n >= n0]
            pts = [(n, v) for n, v in pts if 10 ** lo <= v <= 10 ** hi] or pts[:1]
            if len(pts) > 1:
                out.append('<polyline fill="none" stroke="#aaa" stroke-dasharray="1,3" stroke-width="1.2" points="'
                           + " ".join(f"{X(n):.1f},{Y(v):.1f}" for n, v in pts) + '"/>')
        for n, lim, label in limits:
            if n in sizes:
                x, y = X(n), Y(lim)
                out.append(f'<line x1="{x - 9:.1f}" y1="{y:.1f}" x2="{x + 9:.1f}" y2="{y:.1f}" stroke="#d62728" '
                           f'stroke-width="2"/>')
                out.append(f'<text x="{x:.1f}" y="{y - 4:.1f}" text-anchor="middle" fill="#d62728" '
                           f'font-size="9">{escape(label)}</text>')
        legend_y = py1 + 36
        for j, (label, colour, s) in enumerate(series):
            if not s:
                continue
            pts = sorted(s.items())
            out.append(f'<polyline fill="none" stroke="{colour}" stroke-width="1.8" points="'
                       + " ".join(f"{X(n):.1f},{Y(v[0]):.1f}" for n, v in pts if v[0] > 0) + '"/>')
            for n, (med, mn, mx, cnt) in pts:
                if med <= 0:
                    continue
                x = X(n)
                if cnt > 1 and mx > mn > 0:
                    out.append(f'<line x1="{x:.1f}" y1="{Y(mn):.1f}" x2="{x:.1f}" y2="{Y(mx):.1f}" '
                               f'stroke="{colour}" stroke-width="1" opacity="0.6"/>')
                out.append(f'<circle cx="{x:.1f}" cy="{Y(med):.1f}" r="2.6" fill="{colour}"/>')
                if j == 0:
                    last = n == sizes[-1]   # the last point's label goes to its left, inside the panel
                    out.append(f'<text x="{x + (-5 if last else 5):.1f}" y="{Y(med) + 11:.1f}" '
                               f'text-anchor="{"end" if last else "start"}" font-size="9" '
                               f'fill="{colour}">{fmt(med)}{" (n=1)" if cnt == 1 else ""}</text>')
            lx = ox + 8 + (j % 2) * (PW // 2)
            ly = legend_y + (j // 2) * 12
            out.append(f'<line x1="{lx}" y1="{ly - 3}" x2="{lx + 14}" y2="{ly - 3}" stroke="{colour}" stroke-width="2"/>')
            out.append(f'<text x="{lx + 18}" y="{ly}" font-size="9">{escape(label)}</text>')
    foot = HEAD + rows * PH + 14
    for k, r in enumerate(runs):
        line = (f'{r["bench"]}.sh at {plants_label(int(r["plants"]))}: {r["runs"]} run(s), {r["date"]}, '
                f'commit {r["commit"]}, load average {r["load_start"]} → {r["load_end"]}')
        out.append(f'<text x="10" y="{foot + k * 12}" font-size="9" '
                   f'fill="#444">{escape(line)}</text>')
    out.append("</svg>")
    with open(OUT, "w") as f:
        f.write("\n".join(out) + "\n")
    print(f"wrote {OUT} ({len(sizes)} sizes, {len(PANELS)} panels)")


if __name__ == "__main__":
    main()
