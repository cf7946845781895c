-- A mix of signed-in pages for cove.loadbench.nodes: each request picks a page by weight
-- and a person (their session cookie), spread evenly. COVE_MIX names a file of lines
-- "weight<TAB>path<TAB>cookie"; COVE_REPORT_LUA names report.lua.
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

-- The report: report.lua's `done`, so both benchmarks print the same JSON line.
dofile(os.getenv("COVE_REPORT_LUA"))
