-- Mixed traffic for benchmarks/load.sh (--soak, --faults), run by wrk.
--
-- LOAD_PATHS_FILE: one "weight path" per line; each request picks a path by weight.
-- LOAD_RATE: requests per second for the whole run (0: as fast as possible). wrk has no rate
--   limit (wrk2 is not in Debian), so each connection waits connections/LOAD_RATE seconds
--   between its requests: close to the rate while answers are fast, and below it when the
--   server slows down, which the report shows as the rate reached.
-- LOAD_CONNECTIONS: wrk's -c, for that wait. LOAD_DELAY_MS: the wait itself, instead (the
--   soak measures the answers' time in a warm-up and shortens the wait by it).
-- LOAD_HOST: the Host header.
-- At the end, one line: "statuses 2xx=… 3xx=… 4xx=… 5xx=…" over all threads.

local threads = {}
local paths, weights, total = {}, {}, 0
local rate = tonumber(os.getenv("LOAD_RATE") or "0")
local connections = tonumber(os.getenv("LOAD_CONNECTIONS") or "1")
local host = os.getenv("LOAD_HOST") or "localhost"
local fixed_delay = tonumber(os.getenv("LOAD_DELAY_MS") or "")

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(os.getenv("LOAD_PATHS_FILE")) do
    local weight, path = line:match("^(%d+)%s+(%S+)$")
    if weight then
      total = total + tonumber(weight)
      table.insert(paths, path)
      table.insert(weights, total)
    end
  end
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 1000)
  counts = {0, 0, 0, 0, 0}
end

function request()
  local pick = math.random() * total
  for i, cumulative in ipairs(weights) do
    if pick <= cumulative then
      return wrk.format("GET", paths[i], { Host = host })
    end
  end
  return wrk.format("GET", paths[#paths], { Host = host })
end

function delay()
  if fixed_delay then
    return fixed_delay
  end
  if rate > 0 then
    return connections * 1000 / rate
  end
  return 0
end

function response(status, headers, body)
  local class = math.floor(status / 100)
  if class >= 1 and class <= 5 then
    counts[class] = counts[class] + 1
  end
end

function done(summary, latency, requests)
  local sums = {0, 0, 0, 0, 0}
  for _, thread in ipairs(threads) do
    local thread_counts = thread:get("counts")
    for i = 1, 5 do
      sums[i] = sums[i] + thread_counts[i]
    end
  end
  io.write(string.format("statuses 2xx=%d 3xx=%d 4xx=%d 5xx=%d\n", sums[2], sums[3], sums[4], sums[5]))
end
