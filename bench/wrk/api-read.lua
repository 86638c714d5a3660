-- wrk script for the API read paths (bench/api-reads.sh): one path per run.
-- wrk -s bench/wrk/api-read.lua http://localhost:8080 -- <get|tasks|search> <set-up directory of ApiDriver>
-- The set-up directory holds drafter.key, approver.key (API keys) and contracts.txt (one id per line).

local path, dir
local ids = {}
local auth

local function line(file)
  local f = assert(io.open(file, "r"), "missing " .. file)
  local s = f:read("*l")
  f:close()
  return s
end

function init(args)
  path = args[1]
  dir = args[2]
  assert(path == "get" or path == "tasks" or path == "search", "path: get, tasks or search")
  auth = "ApiKey " .. line(dir .. "/" .. (path == "tasks" and "approver.key" or "drafter.key"))
  for id in io.lines(dir .. "/contracts.txt") do
    ids[#ids + 1] = id
  end
  -- each wrk thread has its own Lua state: seed it differently
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
end

function request()
  local target
  if path == "get" then
    target = "/api/v1/contracts/" .. ids[math.random(#ids)]
  elseif path == "tasks" then
    target = "/api/v1/tasks"
  else
    -- 数控车床 (CNC lathe): in every draft of the write phase, so the broad case — every draft matches
    target = "/api/v1/search?q=%E6%95%B0%E6%8E%A7%E8%BD%A6%E5%BA%8A"
  end
  return wrk.format("GET", target, { ["Authorization"] = auth, ["Accept"] = "application/json" })
end

-- runs in wrk's main Lua state, where init() has not run: the shell script prints the path
function done(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("%8d %10.1f %10.1f %10.1f %12.1f%s\n", summary.requests,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests / (summary.duration / 1e6), errors == 0 and "" or string.format("  (%d errors or not 2xx)", errors)))
end
