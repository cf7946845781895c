-- A mix of signed-in pages for cove.loadbench.nodes: each request picks a page by weight
-- and a person (their session cookie), spread evenly. COVE_MIX names a file of lines
-- "weight<TAB>path<TAB>cookie". The report is one JSON line, as report.lua's.
local entries, total, sent = {}, 0, 0

local function load()
  for line in io.lines(os.getenv("COVE_MIX")) do
    local weight, path, cookie = line:match("^(%d+)\t([^\t]+)\t(.*)$")
    if weight then
      total = total + tonumber(weight)
      table.insert(entries, {upto = total, path = path, cookie = cookie})
    end
  end
end

init = function(args)
  load()
end

request = function()
  -- Stepping by a prime spreads the picks evenly over the weights, the same every run.
  sent = sent + 1
  local pick = (sent * 7919) % total + 1
  for _, entry in ipairs(entries) do
    if pick <= entry.upto then
      return wrk.format("GET", entry.path, {
        ["Cookie"] = entry.cookie, ["Accept-Encoding"] = "gzip, deflate, br"})
    end
  end
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "errors": %d, "status_errors": %d, '
      .. '"p50": %d, "p95": %d, "p99": %d, "max": %d}\n',
    summary.requests, summary.duration, errors, summary.errors.status,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
