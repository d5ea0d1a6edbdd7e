-- wrk script: POST /v1/orders/{id}/ack, each request for a DIFFERENT order, each with the token of
-- the order's own enterprise (an enterprise token may only acknowledge its own orders).
--
--   HG_ACK_TOKENS   file of lines "<order_id> <token>" (bench/run.sh writes it after the fan-out)
--   HG_ACK_THREADS  the -t given to wrk (each thread takes its own contiguous slice of the file)
--
-- No order is posted twice as long as the run does not exhaust its slice; if it does, the thread
-- wraps around (a repeated ack is idempotent and still answers 200) and done() reports the number
-- of repeats so the caller can tell the run was too long for the orders it had.
-- done() prints one line: ACK_RESULT requests=.. duration_s=.. rps=.. p50_ms=.. p90_ms=.. p99_ms=..
-- max_ms=.. errors=.. non2xx=.. repeats=..
-- non2xx is wrk's own count of answers >= 400 (the server answers no 3xx here). There is no
-- response() callback: with one, wrk hands every answer's headers and body to Lua, which took about
-- as much of the machine's CPU per request as half the server's (bench/ack_profile.sh HG_PROFILE=none).

local threads = {}
local next_id = 0

function setup(thread)
  next_id = next_id + 1
  thread:set("tid", next_id)
  table.insert(threads, thread)
end

local slice = {}
local pos = 0
local body = '{"by":"张三","phone":"13800000000"}'

function init(args)
  local path = os.getenv("HG_ACK_TOKENS") or error("HG_ACK_TOKENS is not set")
  local n = tonumber(os.getenv("HG_ACK_THREADS") or "1")
  local lines = {}
  for line in io.lines(path) do
    local id, token = line:match("^(%d+)%s+(%S+)")
    if id then lines[#lines + 1] = { id, token } end
  end
  local per = math.floor(#lines / n)
  local first = (tid - 1) * per + 1
  for i = first, first + per - 1 do
    local e = lines[i]
    slice[#slice + 1] = wrk.format("POST", "/v1/orders/" .. e[1] .. "/ack",
      { ["Authorization"] = "Bearer " .. e[2], ["Content-Type"] = "application/json" }, body)
  end
  if #slice == 0 then error("no orders for thread " .. tid) end
  sent = 0
  repeats = 0
end

function request()
  pos = pos + 1
  if pos > #slice then
    pos = 1
  end
  sent = sent + 1
  if sent > #slice then repeats = repeats + 1 end
  return slice[pos]
end

function done(summary, latency, requests)
  local reps = 0
  for _, t in ipairs(threads) do reps = reps + (t:get("repeats") or 0) end
  local e = summary.errors
  local secs = summary.duration / 1e6
  io.write(string.format(
    "ACK_RESULT requests=%d duration_s=%.2f rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d non2xx=%d repeats=%d\n",
    summary.requests, secs, summary.requests / secs, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, e.connect + e.read + e.write + e.timeout, e.status, reps))
end
