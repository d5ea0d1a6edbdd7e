#!/usr/bin/env python3
"""The CSV form of a JSON list (docs/list-format.md, English headers), for bench/list.sh's CSV
import: python3 bench/list_to_csv.py LIST.json > LIST.csv. Reads the list whole (a benchmark's
input, not the product). A plant with more than one contact keeps its first (CSV has one)."""
import csv
import json
import sys

LEVELS = ["adverse", "yellow", "orange", "red"]
POLLUTANTS = [("SO2", "so2"), ("NOx", "nox"), ("PM", "pm"), ("VOCs", "vocs")]
COLUMNS = (["credit_code", "name", "district", "park", "industry", "grade", "guarantee", "operating_days",
            "baseline_kwh_per_day", "lines"] + [p + "_t_per_year" for _, p in POLLUTANTS]
           + [f"{level}_{part}" for level in LEVELS
              for part in ("measure", "lines", "action", "parameter", "reductions", "transport")]
           + ["contact_role", "contact_name", "contact_phone"])


def number(x):
    return repr(x) if isinstance(x, float) else str(x)


def shares(s):
    return ",".join(f"{k}={number(v)}" for k, v in s.items())


def line(l):
    parts = [l["id"], l["name"]]
    if "process" in l or "emission_share" in l:
        parts.append(l.get("process", ""))
    if "emission_share" in l:
        parts.append(shares(l["emission_share"]))
    return ":".join(parts)


def row(e):
    r = {k: e.get(k, "") for k in ("credit_code", "name", "district", "park", "industry", "grade", "guarantee")}
    r["operating_days"] = number(e.get("operating_days", ""))
    r["baseline_kwh_per_day"] = number(e["baseline_kwh_per_day"]) if "baseline_kwh_per_day" in e else ""
    r["lines"] = ";".join(line(l) for l in e["lines"])
    for key, column in POLLUTANTS:
        r[column + "_t_per_year"] = number(e["baseline_t_per_year"][key])
    for m in e.get("measures", []):
        level = m["level"]
        r[f"{level}_measure"] = m["text"]
        r[f"{level}_lines"] = ";".join(m.get("lines", []))
        r[f"{level}_action"] = m.get("action", "")
        r[f"{level}_parameter"] = number(m["parameter"]) if "parameter" in m else ""
        r[f"{level}_reductions"] = ";".join(f"{k}={number(v)}" for k, v in m.get("reductions_t_per_day", {}).items())
        r[f"{level}_transport"] = m.get("transport", "")
    contact = e["contacts"][0]
    r["contact_role"], r["contact_name"], r["contact_phone"] = contact.get("role", ""), contact["name"], contact.get("phone", "")
    return [r.get(c, "") for c in COLUMNS]


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        enterprises = json.load(f)["enterprises"]
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(COLUMNS)
    for e in enterprises:
        out.writerow(row(e))


if __name__ == "__main__":
    main()
