-- wrk script for the bare-limit server (hg_bench_echo): the same JSON body as an acknowledgement,
-- POSTed on keep-alive connections. done() prints one line:
-- POST_RESULT requests=.. duration_s=.. rps=.. p50_ms=.. p99_ms=.. max_ms=.. errors=..
wrk.method = "POST"
wrk.path = "/v1/orders/1/ack"
wrk.body = '{"by":"张三","phone":"13800000000"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer hg_0000000000000000000000000000000000000000"

function done(summary, latency, requests)
  local e = summary.errors
  local secs = summary.duration / 1e6
  io.write(string.format(
    "POST_RESULT requests=%d duration_s=%.2f rps=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d\n",
    summary.requests, secs, summary.requests / secs, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.connect + e.read + e.write + e.timeout + e.status))
end
