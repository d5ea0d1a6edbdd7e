#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets into tests/fuzz/corpus/<name>/ from the repository's
own inputs (docs/examples, plans/taiyuan.json, plans/lists/taiyuan-sample.json) and a few
hand-written requests, and their dictionaries into tests/fuzz/dict/<name>.dict (JSON tokens and the
member names found in those inputs). Run it again after those inputs change; scripts/fuzz.sh never
writes here.

    python3 tests/fuzz/make_seeds.py
"""
import csv
import io
import json
import pathlib
import shutil

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "fuzz" / "corpus"
DICT = ROOT / "tests" / "fuzz" / "dict"
JSON_TOKENS = [b"{", b"}", b"[", b"]", b":", b",", b'"', b"true", b"false", b"null", b"-0", b"1e999", b"-1e999",
               b"1.5e-7", b"9223372036854775808", b"-9223372036854775809", b"18446744073709551616", b"\\u0000",
               b"\\ud800", b"\\u00e9", b"\xff", b"\xc3\xa9", b"\xed\xa0\x80"]
LEVELS = ["adverse", "yellow", "orange", "red"]


def read(rel):
    return (ROOT / rel).read_bytes()


def write(target, name, data):
    d = CORPUS / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data if isinstance(data, bytes) else data.encode())


def compact(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def sample_list():
    return json.loads(read("plans/lists/taiyuan-sample.json"))


def pollutants(d):
    return ";".join(f"{k}={v}" for k, v in d.items())


def list_csv(enterprises):
    """The list in the CSV form of docs/list-format.md (English headers, one contact per row)."""
    header = ["credit_code", "name", "district", "park", "industry", "grade", "guarantee", "operating_days",
              "baseline_kwh_per_day", "lines", "so2_t_per_year", "nox_t_per_year", "pm_t_per_year",
              "vocs_t_per_year"]
    for level in LEVELS:
        header += [f"{level}_{c}" for c in ("measure", "lines", "action", "parameter", "reductions", "transport")]
    header += ["contact_role", "contact_name", "contact_phone"]
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(header)
    for e in enterprises:
        lines = []
        for line in e["lines"]:
            parts = [line["id"], line.get("name", ""), line.get("process", "")]
            if "emission_share" in line:
                parts.append(",".join(f"{k}={v}" for k, v in line["emission_share"].items()))
            lines.append(":".join(parts))
        b = e["baseline_t_per_year"]
        row = [e["credit_code"], e["name"], e["district"], e.get("park", ""), e["industry"], e["grade"],
               e.get("guarantee", ""), e.get("operating_days", ""), e.get("baseline_kwh_per_day", ""),
               ";".join(lines), b["SO2"], b["NOx"], b["PM"], b["VOCs"]]
        by_level = {m["level"]: m for m in e.get("measures", [])}
        for level in LEVELS:
            m = by_level.get(level)
            if not m:
                row += [""] * 6
                continue
            row += [m["text"], ";".join(m.get("lines", [])), m.get("action", ""), m.get("parameter", ""),
                    pollutants(m.get("reductions_t_per_day", {})), m.get("transport", "")]
        c = e["contacts"][0]
        row += [c.get("role", ""), c["name"], c.get("phone", "")]
        w.writerow(row)
    return out.getvalue()


def request(method, target, who=None, body=b"", headers=()):
    """One request in http_request_fuzz's framing: method, target, headers, empty line, body."""
    lines = [method, target]
    if who:
        lines.append(f"Authorization: Bearer @{who}")
    if body not in (b"", "") and not any(h.lower().startswith("content-type:") for h in headers):
        lines.append("Content-Type: application/json")
    lines += list(headers)
    if not isinstance(body, bytes):
        body = (compact(body) if not isinstance(body, str) else body).encode()
    return ("\n".join(lines) + "\n\n").encode() + body


def sequence(*requests):
    return b"\n%%\n".join(requests)


def http_seeds():
    forecasts = [json.loads(read(f"docs/examples/forecast-c{i}.json")) for i in (1, 2, 3, 4)]
    day = lambda d, c, p="PM2.5": {"date": d, "aqi_low": c - 15, "aqi_high": c + 15, "aqi_central": c,
                                   "primary_pollutant": p}
    clean = {"issued_at": "2026-12-14T10:00:00+08:00", "issuer": "joint",
             "days": [day("2026-12-14", 110), day("2026-12-15", 85, "PM10"), day("2026-12-16", 75, "PM10"),
                      day("2026-12-17", 75, "PM10")]}
    upgrade = {"action": "upgrade", "level": "orange", "start_at": "2026-12-15T00:00:00+08:00",
               "end_at": "2026-12-18T00:00:00+08:00", "forecast_id": 2, "consultation_note": "会商：升级为橙色预警"}
    lift = {"action": "lift", "start_at": "2026-12-14T10:10:00+08:00", "consultation_note": "空气质量好转",
            "forecast_id": 2}
    seeds = {
        "status": request("GET", "/v1/status", "duty"),
        "no-token": request("GET", "/v1/status"),
        "bad-token": request("GET", "/v1/episodes", headers=["Authorization: Bearer hg_0000"]),
        "healthz": request("GET", "/healthz"),
        "readyz": request("GET", "/readyz"),
        "openapi": request("GET", "/openapi.json"),
        "forecast-c1": request("POST", "/v1/forecasts", "duty", read("docs/examples/forecast-c1.json"),
                               ["Idempotency-Key: fuzz-c1"]),
        "forecast-get": request("GET", "/v1/forecasts/1", "auditor"),
        "proposal-upgrade": request("POST", "/v1/proposals", "duty", {**upgrade, "forecast_id": 1}),
        "proposal-issue-409": request("POST", "/v1/proposals", "duty",
                                      {"action": "issue", "level": "orange", "start_at": "2026-12-14T10:00:00+08:00",
                                       "consultation_note": "x"}),
        "proposal-extend": request("POST", "/v1/proposals", "duty",
                                   {"action": "extend", "end_at": None, "consultation_note": "延长"}),
        "proposal-bad": request("POST", "/v1/proposals", "duty",
                                {"action": "issue", "level": "purple", "start_at": "2026-02-30T00:00:00+08:00"}),
        "proposals-pending": request("GET", "/v1/proposals?status=pending", "duty"),
        "proposal-get": request("GET", "/v1/proposals/2", "mayor"),
        "approve": request("POST", "/v1/proposals/2/approve", "mayor", {"note": "同意"}),
        "approve-deputy": request("POST", "/v1/proposals/2/approve", "deputy", {}),
        "reject": request("POST", "/v1/proposals/2/reject", "mayor", {"reason": "会商意见不一致"}),
        "directive": request("POST", "/v1/directives", "duty",
                             {"issuer": "fenwei_office", "level": "orange", "start_at": "2026-12-14T12:00:00+08:00",
                              "end_at": "2026-12-16T00:00:00+08:00", "reference": "汾渭平原〔2026〕12号",
                              "note": "区域应急联动"}),
        "directives": request("GET", "/v1/directives", "duty"),
        "episodes": request("GET", "/v1/episodes", "duty"),
        "episode": request("GET", "/v1/episodes/1", "duty"),
        "progress": request("GET", "/v1/episodes/1/progress", "department"),
        "episode-orders": request("GET", "/v1/episodes/1/orders?district=%E6%B8%85%E5%BE%90%E5%8E%BF&status=sent"
                                         "&limit=20&cursor=0", "duty"),
        "report-json": request("GET", "/v1/episodes/1/report", "auditor"),
        "report-html": request("GET", "/v1/episodes/1/report?format=html", "auditor"),
        "report-csv": request("GET", "/v1/episodes/1/report", "auditor", headers=["Accept: text/csv"]),
        "enterprises": request("GET", "/v1/enterprises", "duty"),
        "enterprise-own": request("GET", "/v1/enterprises/91140121MA0TE00013", "enterprise"),
        "me-orders": request("GET", "/v1/me/orders", "enterprise"),
        "order": request("GET", "/v1/orders/1?text=false", "enterprise"),
        "order-other-403": request("GET", "/v1/orders/2", "enterprise"),
        "ack": request("POST", "/v1/orders/1/ack", "enterprise", {"by": "王建国", "phone": "0351-5710001"}),
        "ack-1e999": request("POST", "/v1/orders/1/ack", "enterprise", '{"by":1e999,"phone":"0351-5710001"}'),
        "execution": request("POST", "/v1/orders/1/execution", "enterprise",
                             {"lines": [{"line_id": "CO-1", "status": "limited"}],
                              "electricity": [{"meter": "EM-CO1-PUSH", "kwh": 812.5}]}),
        "observations": request("POST", "/v1/observations", "duty",
                                {"source": "市监测站", "observations": [
                                    {"granularity": "day", "date": "2026-12-14", "aqi": 158,
                                     "primary_pollutant": "PM2.5"},
                                    {"granularity": "hour", "at": "2026-12-14T09:00:00+08:00", "aqi": 170,
                                     "pm25": 128.5, "primary_pollutant": "PM2.5"}]}),
        "observations-get": request("GET", "/v1/observations?from=2026-12-13T00:00:00%2B08:00"
                                           "&to=2026-12-20T00:00:00+08:00", "duty"),
        "list-dry-run": request("PUT", "/v1/enterprises?dry_run=true", "admin",
                                compact({"enterprises": sample_list()["enterprises"][:3]})),
        "list-csv-dry-run": request("PUT", "/v1/enterprises?dry_run=true", "admin",
                                    list_csv(sample_list()["enterprises"][:2]), ["Content-Type: text/csv"]),
        "list-import": request("PUT", "/v1/enterprises", "duty",
                               compact({"enterprises": sample_list()["enterprises"][:2]})),
        "list-bad-utf8": request("PUT", "/v1/enterprises", "admin", b'{"a":\xff'),
        "malformed": request("POST", "/v1/forecasts", "duty", b'{"issued_at": '),
        "wrong-type": request("POST", "/v1/forecasts", "duty", "[1,2]", ["Content-Type: text/plain"]),
        "method-405": request("DELETE", "/v1/status", "duty"),
        "cap-feed": request("GET", "/v1/public/alerts"),
        "cap-alert": request("GET", "/v1/public/alerts/14010000000000_20261214100000_0"),
        "subscribe": request("POST", "/v1/subscriptions", "admin",
                             {"name": "清徐县人民政府", "topic": "escalations", "district": "清徐县",
                              "url": "http://127.0.0.1:9/hook"}),
        "subscribe-orders": request("POST", "/v1/subscriptions", "enterprise",
                                    {"name": "焦化", "topic": "orders", "url": "https://jh.example.cn/h"}),
        "subscription-put": request("PUT", "/v1/subscriptions/1", "admin", {"name": "x", "district": None}),
        "subscription-delete": request("DELETE", "/v1/subscriptions/1", "admin"),
        "subscription-ping": request("POST", "/v1/subscriptions/1/ping", "admin", {}),
        "deliveries": request("GET", "/v1/deliveries?state=dead", "admin"),
        "delivery-retry": request("POST", "/v1/deliveries/1/retry", "admin", {}),
        "link": request("GET", "/v1/links/1.1797000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
        "link-ack": request("POST", "/v1/links/1.1797000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/ack", None,
                            {"by": "王建国", "phone": "0351-5710001"}),
        "scenario-upgrade": sequence(
            request("POST", "/v1/forecasts", "duty", forecasts[1] | {"issued_at": "2026-12-14T10:00:00+08:00"}),
            request("POST", "/v1/proposals", "duty", upgrade),
            request("POST", "/v1/proposals/3/approve", "mayor", {"note": "同意"}),
            request("GET", "/v1/episodes/1/progress", "duty")),
        "scenario-lift": sequence(
            request("POST", "/v1/forecasts", "duty", clean),
            request("POST", "/v1/proposals", "duty", lift),
            request("POST", "/v1/proposals/3/approve", "deputy", {}),
            request("GET", "/v1/episodes/1/report?format=csv", "auditor")),
        "scenario-ack-twice": sequence(
            request("POST", "/v1/orders/1/ack", "enterprise", {"by": "王建国", "phone": "0351-5710001"},
                    ["Idempotency-Key: \"k1\""]),
            request("POST", "/v1/orders/1/ack", "enterprise", {"by": "王建国", "phone": "0351-5710001"},
                    ["Idempotency-Key: \"k1\""]),
            request("GET", "/v1/episodes/1/orders?overdue=ack", "duty")),
    }
    for name, data in seeds.items():
        write("http_request", name, data)


def body_seeds():
    # selector byte: 0 forecast, 1 proposal, 2 observations, 3 directive, 4 approve, 5 reject, 6 ack, 7 execution
    for i in (1, 2, 3, 4):
        write("request_body", f"forecast-c{i}", b"\x00" + read(f"docs/examples/forecast-c{i}.json"))
    bodies = [
        (1, "proposal-upgrade", {"action": "upgrade", "level": "orange", "start_at": "2026-12-15T00:00:00+08:00",
                                 "end_at": "2026-12-18T00:00:00+08:00", "forecast_id": 1,
                                 "consultation_note": "会商", "rule_set": "guidance_2024"}),
        (1, "proposal-downgrade", {"action": "downgrade", "level": "adverse", "start_at": "2026-12-15T00:00:00+08:00",
                                   "consultation_note": "降级", "consulted_at": "2026-12-14T09:00:00+08:00"}),
        (1, "proposal-lift", {"action": "lift", "start_at": "2026-12-14T12:00:00+08:00", "consultation_note": "解除",
                              "directive_id": 1}),
        (1, "proposal-extend", {"action": "extend", "end_at": "2026-12-20T00:00:00+08:00", "consultation_note": "延长"}),
        (2, "observations", {"source": "市监测站", "observations": [
            {"granularity": "day", "date": "2026-12-14", "aqi": 158, "primary_pollutant": "PM2.5"},
            {"granularity": "hour", "at": "2026-12-14T09:00:00+08:00", "aqi": 170, "pm25": 128.5}]}),
        (3, "directive", {"issuer": "MEE", "level": "orange", "start_at": "2026-12-14T12:00:00+08:00",
                          "end_at": "2026-12-16T00:00:00+08:00", "reference": "环办〔2026〕1号", "note": "x"}),
        (4, "approve", {"note": "同意"}),
        (5, "reject", {"reason": "会商意见不一致"}),
        (6, "ack", {"by": "王建国", "phone": "0351-5710001", "note": "收到"}),
        (7, "execution", {"lines": [{"line_id": "CO-1", "status": "limited", "note": ""}],
                          "electricity": [{"meter": "EM-1", "kwh": 812.5, "at": "2026-12-14T09:00:00+08:00"}],
                          "note": "已执行"}),
    ]
    for selector, name, body in bodies:
        write("request_body", name, bytes([selector]) + compact(body).encode())
    write("request_body", "ack-1e999", b'\x06{"by":1e999,"phone":"0351-5710001"}')


def keys(value, out):
    """Every member name and short string value in a JSON document."""
    if isinstance(value, dict):
        for k, v in value.items():
            out.add(k)
            keys(v, out)
    elif isinstance(value, list):
        for v in value:
            keys(v, out)
    elif isinstance(value, str) and len(value.encode()) <= 24:
        out.add(value)
    return out


def escape(token):
    """A dictionary entry: bytes outside printable ASCII as \\xNN (libFuzzer's -dict syntax)."""
    out = ""
    for b in token.encode() if isinstance(token, str) else token:
        out += chr(b) if 0x20 <= b < 0x7F and chr(b) not in '"\\' else f"\\x{b:02x}"
    return out


def write_dict(name, tokens, raw=()):
    DICT.mkdir(parents=True, exist_ok=True)
    lines = [f'"{escape(t)}"' for t in raw] + [f'"{escape(t)}"' for t in sorted(set(tokens)) if t]
    (DICT / f"{name}.dict").write_text("\n".join(lines) + "\n")


def dictionaries():
    plan = json.loads(read("plans/taiyuan.json"))
    lst = sample_list()
    write_dict("plan_json", keys(plan, set()), JSON_TOKENS)
    write_dict("list_json", keys(lst, set()), JSON_TOKENS)
    csv_words = ["credit_code", "name", "district", "park", "industry", "grade", "guarantee", "operating_days",
                 "baseline_kwh_per_day", "lines", "so2_t_per_year", "nox_t_per_year", "pm_t_per_year",
                 "vocs_t_per_year", "contact_role", "contact_name", "contact_phone", "transport",
                 "统一社会信用代码", "企业名称", "县区", "行业", "绩效分级", "生产线", "SO2(t/a)", "联系人", "联系电话",
                 "黄色预警措施", "橙色预警减排量", "红色预警涉及生产线", "不利气象措施类型", "运输管控",
                 "停产", "限产", "延长结焦时间", "50%", "SO2=0.1", "NOx：0.2", "；", "，", "、", "：", "＝",
                 "（", "）", "\r\n", "\"\"", "\ufeff"]
    csv_words += [f"{l}_{c}" for l in LEVELS for c in ("measure", "lines", "action", "parameter", "reductions",
                                                         "transport")]
    write_dict("list_csv", keys(lst, set()) | set(csv_words))
    write_dict("observation_csv", ["时间", "监测时间", "time", "日期", "date", "小时", "hour", "aqi", "AQI", "pm25",
                                   "PM2.5", "首要污染物", "primary_pollutant", "PM10", "O3", "2026-12-14",
                                   "2026-12-14 09:00", "2026-12-14T09:00:00+08:00", "Z", "+08:00", "24:00", "\r\n",
                                   ",", "\"", "\ufeff", "-1", "1e999", "nan"])
    api_words = keys(json.loads(read("api/openapi.json")), set())
    body_words = {w for w in api_words if w.isascii() and len(w) <= 24} | {
        "2026-12-14T10:00:00+08:00", "2026-12-15", "forecast_id", "directive_id", "fenwei_office", "guidance_2024"}
    write_dict("request_body", body_words, JSON_TOKENS)
    http_words = body_words | {"GET", "POST", "PUT", "DELETE", "HEAD", "/v1/", "/v1/status", "/v1/forecasts",
                               "/v1/proposals", "/approve", "/reject", "/v1/directives", "/lift", "/v1/episodes",
                               "/progress", "/orders", "/report", "/v1/enterprises", "/v1/me/orders", "/v1/orders/",
                               "/ack", "/execution", "/v1/observations", "?format=", "?status=", "&limit=",
                               "dry_run=true", "%2B", "%E6", "%", "Authorization: Bearer @duty",
                               "Authorization: Bearer @mayor", "Authorization: Bearer @deputy",
                               "Authorization: Bearer @enterprise", "Authorization: Bearer @admin",
                               "Authorization: Bearer @auditor", "Content-Type: application/json",
                               "Content-Type: text/csv", "Idempotency-Key: ", "X-Request-Id: ", "Accept: text/html",
                               "\n%%\n", "\n\n", "/v1/public/alerts", "/v1/public/alerts/", "/v1/subscriptions",
                               "/ping", "/v1/deliveries", "/retry", "?state=", "/v1/links/", "whsec_",
                               "14010000000000_"}
    write_dict("http_request", http_words, JSON_TOKENS)


def main():
    shutil.rmtree(CORPUS, ignore_errors=True)
    dictionaries()
    http_seeds()
    body_seeds()
    lst = sample_list()
    write("list_json", "taiyuan-sample.json", read("plans/lists/taiyuan-sample.json"))
    write("list_json", "two.json", compact({"enterprises": lst["enterprises"][:2]}))
    write("list_csv", "sample-10.csv", list_csv(lst["enterprises"]))
    write("list_csv", "sample-2.csv", list_csv(lst["enterprises"][:2]))
    doc = read("docs/list-format.md").decode()
    example = doc.split("```csv\n", 1)[1].split("```", 1)[0]
    write("list_csv", "docs-example.csv", "\ufeff" + example)   # with the BOM of an Excel export
    write("observation_csv", "observations-s14.csv", read("docs/examples/observations-s14.csv"))
    write("observation_csv", "hourly.csv",
          "监测时间,AQI,PM2.5,首要污染物\r\n2026-12-14 09:00,170,128.5,PM2.5\r\n2026-12-14 10:00,181,136,PM2.5\r\n")
    write("observation_csv", "date-hour.csv",
          "date,hour,aqi,pm25,primary_pollutant\n2026-12-14,9,170,,PM2.5\n2026-12-14T10:00:00+08:00,,181,136,\n")
    write("plan_json", "taiyuan.json", read("plans/taiyuan.json"))


if __name__ == "__main__":
    main()
