-- wrk script: a reading-log mix against a seeded server.
--   55% GET /books/{id}   (a seeded book of a random reader; 5 of the 55 a book of this thread's patch pool)
--   15% GET /books?limit=20
--   20% POST /books       (as this thread's own reader; created ids are kept)
--   10% PATCH /books/{id} (this thread's own patch pool, with the version last seen as If-Match)
-- Usage: LOAD_SEED=seed.txt LOAD_OUT=dir [LOAD_VERSIONS=earlier/versions.txt] wrk ... -s mix.lua http://127.0.0.1:PORT
-- The seed file (written by run.sh) has lines:
--   R <reader> <token>            a reader and its bearer token
--   B <reader> <book id>          a book to read
--   P <thread> <reader> <book id> a book that only thread <thread> patches
-- At the end, $LOAD_OUT/created.txt gets "<reader> <id>" for every 201 answer to a POST,
-- $LOAD_OUT/versions.txt "<reader> <id> <version>" for the highest version acknowledged per patched book.

local threads = {}
local next_tid = 0

function setup(thread)
  thread:set("tid", next_tid)
  next_tid = next_tid + 1
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() * 100 + tid)
  tokens, reads, pool = {}, {}, {}
  readers = 0
  for line in io.lines(os.getenv("LOAD_SEED")) do
    local kind, a, b, c = line:match("^(%S+) (%S+) (%S+) ?(%S*)$")
    if kind == "R" then
      tokens[tonumber(a)] = b
      readers = readers + 1
    elseif kind == "B" then
      table.insert(reads, { reader = tonumber(a), id = b })
    elseif kind == "P" and tonumber(a) == tid then
      table.insert(pool, { reader = tonumber(b), id = c })
    end
  end
  own = tid % readers
  versions = {}     -- id -> highest version seen in a 2xx answer (patch pool only)
  pool_ids = {}
  for _, p in ipairs(pool) do pool_ids[p.id] = p.reader end
  local earlier = os.getenv("LOAD_VERSIONS")   -- versions left by an earlier run (the warm-up)
  local f = earlier and io.open(earlier)
  if f then
    for line in f:lines() do
      local _, id, v = line:match("^(%S+) (%S+) (%d+)$")
      if id and pool_ids[id] then versions[id] = tonumber(v) end
    end
    f:close()
  end
  created = {}      -- ids of books this thread created (owned by reader `own`)
  counts = {}       -- status -> count
  next_patch = 0
  sequence = 0
end

local function auth(reader, extra)
  local h = { ["Authorization"] = "Bearer " .. tokens[reader] }
  if extra then for k, v in pairs(extra) do h[k] = v end end
  return h
end

function request()
  sequence = sequence + 1
  local r = math.random(100)
  if r <= 5 and #pool > 0 then
    -- reading a book of the patch pool keeps its known version fresh after any conflict
    local p = pool[math.random(#pool)]
    return wrk.format("GET", "/books/" .. p.id, auth(p.reader))
  elseif r <= 55 then
    local b = reads[math.random(#reads)]
    return wrk.format("GET", "/books/" .. b.id, auth(b.reader))
  elseif r <= 70 then
    return wrk.format("GET", "/books?limit=20", auth(math.random(0, readers - 1)))
  elseif r <= 90 or #pool == 0 then
    local body = string.format('{"title":"Load %d-%d","author":"wrk","status":"READING","rating":%d}',
      tid, sequence, math.random(5))
    return wrk.format("POST", "/books", auth(own, { ["Content-Type"] = "application/json" }), body)
  else
    next_patch = next_patch % #pool + 1
    local p = pool[next_patch]
    local v = versions[p.id] or 1
    local body = string.format('{"rating":%d,"note":"patched by %d at %d"}', math.random(5), tid, sequence)
    return wrk.format("PATCH", "/books/" .. p.id,
      auth(p.reader, { ["Content-Type"] = "application/json", ["If-Match"] = '"' .. v .. '"' }), body)
  end
end

function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
  if status == 201 then
    local id = body:match('"id":"([^"]+)"')
    if id then table.insert(created, id) end
  elseif status == 200 then
    local id = body:match('^{"id":"([^"]+)"')
    local version = tonumber(body:match('"version":(%d+)') or "")
    if id and version and pool_ids[id] and version > (versions[id] or 0) then
      versions[id] = version
    end
  end
end

function done(summary, latency, requests)
  local created_file = io.open(os.getenv("LOAD_OUT") .. "/created.txt", "w")
  local versions_file = io.open(os.getenv("LOAD_OUT") .. "/versions.txt", "w")
  local totals = {}
  for _, t in ipairs(threads) do
    local own_reader = t:get("own")
    for _, id in ipairs(t:get("created")) do
      created_file:write(own_reader, " ", id, "\n")
    end
    local ids = t:get("pool_ids")
    for id, v in pairs(t:get("versions")) do
      versions_file:write(ids[id], " ", id, " ", v, "\n")
    end
    for status, n in pairs(t:get("counts")) do
      totals[status] = (totals[status] or 0) + n
    end
  end
  created_file:close()
  versions_file:close()
  local seconds = summary.duration / 1e6
  local non2xx = 0
  local statuses = {}
  for status, n in pairs(totals) do
    if status < 200 or status > 299 then non2xx = non2xx + n end
    table.insert(statuses, string.format('"%d":%d', status, n))
  end
  table.sort(statuses)
  io.write(string.format(
    'SUMMARY {"requests":%d,"seconds":%.1f,"rps":%.1f,"p50_ms":%.2f,"p90_ms":%.2f,"p99_ms":%.2f,' ..
    '"max_ms":%.2f,"non2xx":%d,"socket_errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d},' ..
    '"statuses":{%s}}\n',
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000, non2xx,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout,
    table.concat(statuses, ",")))
end
