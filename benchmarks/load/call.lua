-- One MCP tools/call per request. The body, headers and expected text come from the environment:
--   BENCH_BODY_FILE  file holding the JSON-RPC request
--   BENCH_HEADERS    extra headers, "Name: value" separated by "|"
--   BENCH_EXPECT     text every response body must contain
-- Every response is checked: a non-2xx status or a body without BENCH_EXPECT is counted, and
-- done() prints one RESULT line that run.sh turns into a CSV row (a run with any error is void).
local threads = {}

local function read(path)
  local file = assert(io.open(path, "rb"))
  local content = file:read("*a")
  file:close()
  return content
end

wrk.method = "POST"
wrk.body = read(os.getenv("BENCH_BODY_FILE"))
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json, text/event-stream"
for header in string.gmatch(os.getenv("BENCH_HEADERS") or "", "[^|]+") do
  local name, value = header:match("^%s*(.-):%s*(.-)%s*$")
  if name then wrk.headers[name] = value end
end
local expect = os.getenv("BENCH_EXPECT") or ""

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  non2xx = 0
  unexpected = 0
  sample = ""
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    if sample == "" then sample = status .. " " .. string.sub(body or "", 1, 200) end
  elseif not string.find(body or "", expect, 1, true) then
    unexpected = unexpected + 1
    if sample == "" then sample = status .. " " .. string.sub(body or "", 1, 200) end
  end
end

function done(summary, latency, requests)
  local bad, wrong, first = 0, 0, ""
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("non2xx")
    wrong = wrong + thread:get("unexpected")
    if first == "" then first = thread:get("sample") or "" end
  end
  local e = summary.errors
  local socket = e.connect + e.read + e.write + e.timeout
  io.write(string.format("RESULT %d %.1f %.3f %.3f %.3f %d %d %d\n", summary.requests,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, socket, bad, wrong))
  if first ~= "" then io.write("SAMPLE " .. string.gsub(first, "\n", " ") .. "\n") end
end
