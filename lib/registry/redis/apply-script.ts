import { LIFECYCLE_EVENT_TYPES } from "../../events/types";

/** The script's `KEYS`, in order: all under one sandbox's hash tag. */
export const APPLY_KEY_COUNT = 3;

const KNOWN_TYPES = LIFECYCLE_EVENT_TYPES.map(
  (type) => `[${JSON.stringify(type)}] = true`,
).join(", ");

/**
 * `transition()` and `MemoryStore.apply` as one Redis script: the duplicate
 * check, the tombstone, the replay guard, the per-field last-writer-wins
 * rules and the write run atomically in one round trip. The JavaScript
 * `transition` stays the spec; test/registry runs the same rule tests and a
 * property comparing both stores against this port.
 *
 * Field values arrive and are stored as JSON text that the script never
 * parses (cjson would turn `[]` into `{}` and round numbers to 14 digits),
 * so it only compares ordering keys and copies strings.
 */
export const APPLY_SCRIPT = `
local sandboxKey, tombstoneKey, seenKey = KEYS[1], KEYS[2], KEYS[3]
local eventId, eventType, orderKey, timeKey = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local epochMs, nowMs, maxAgeMs = tonumber(ARGV[5]), tonumber(ARGV[6]), ARGV[7]
local seenTtlMs, tombstoneTtlMs, tombstone = ARGV[8], ARGV[9], ARGV[10]
local json = {
  sandboxId = ARGV[11], type = ARGV[12], id = ARGV[13], time = ARGV[14],
  updatedAt = ARGV[15], executionId = ARGV[16], teamId = ARGV[17],
  templateId = ARGV[18], buildId = ARGV[19], metadata = ARGV[20],
  setTimeout = ARGV[21], networkEgress = ARGV[22], execution = ARGV[23]
}
local KNOWN = { ${KNOWN_TYPES} }
local STATE_AFTER = {
  ["sandbox.lifecycle.created"] = '"running"',
  ["sandbox.lifecycle.resumed"] = '"running"',
  ["sandbox.lifecycle.paused"] = '"paused"'
}

-- Byte order is code point order; JavaScript compares UTF-16 units, which
-- puts U+10000 and above (lead bytes F0-F4) before U+E000-U+FFFF (EE, EF).
-- Lua's own '<' follows the server's locale, so it is not used.
local function compare(a, b)
  if a == b then return 0 end
  for i = 1, math.min(#a, #b) do
    local x, y = a:byte(i), b:byte(i)
    if x ~= y then
      if x >= 0xF0 and (y == 0xEE or y == 0xEF) then return -1 end
      if y >= 0xF0 and (x == 0xEE or x == 0xEF) then return 1 end
      return x < y and -1 or 1
    end
  end
  return #a < #b and -1 or 1
end

local time = redis.call("TIME")
local serverMs = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
redis.call("ZREMRANGEBYSCORE", seenKey, "-inf", "(" .. serverMs)
if redis.call("ZSCORE", seenKey, eventId) then
  return { "duplicate", "already_applied" }
end
if not KNOWN[eventType] then return { "ignored", "unknown_type" } end

local function remember()
  redis.call("ZADD", seenKey, serverMs + tonumber(seenTtlMs), eventId)
  redis.call("PEXPIRE", seenKey, seenTtlMs)
end

local previous = redis.call("HGETALL", sandboxKey)
if redis.call("EXISTS", tombstoneKey) == 1 then
  remember()
  return { "stale", "killed", previous }
end
-- Not remembered: a trusted apply of the same event must still go through.
if maxAgeMs ~= "" and epochMs < nowMs - tonumber(maxAgeMs) then
  return { "stale", "too_old" }
end
if eventType == "sandbox.lifecycle.killed" then
  remember()
  redis.call("DEL", sandboxKey)
  redis.call("SET", tombstoneKey, tombstone, "PX", tombstoneTtlMs)
  return { "applied", "", previous, {}, tombstone }
end

local exists = #previous > 0
local record = {
  sandboxId = json.sandboxId, state = '"running"', teamId = "null",
  templateId = "null", buildId = "null", executionId = "null",
  metadata = "{}", createdAt = json.time, updatedAt = json.updatedAt,
  lastEventAt = "null", lastEventType = "null", lastEventId = "null",
  endAt = "null", checkpointedAt = "null", execution = "null",
  networkEgress = "null"
}
if exists then
  record = {}
  for i = 1, #previous, 2 do record[previous[i]] = previous[i + 1] end
end

local last = record["clock:last"]
local newest = not last or compare(orderKey, last) > 0
local stateBefore = record["clock:state"]

local function newer(clock)
  local field = "clock:" .. clock
  local last = record[field]
  if last and compare(last, orderKey) >= 0 then return false end
  record[field] = orderKey
  return true
end

local advanced = false
local function set(clock, field, value)
  if value == "" or not newer(clock) then return end
  record[field] = value
  advanced = true
end
if newer("last") then
  record.lastEventAt = json.time
  record.lastEventType = json.type
  record.lastEventId = json.id
  advanced = true
end
set("state", "state", STATE_AFTER[eventType] or "")
set("execution", "executionId", json.executionId)
set("metadata", "metadata", json.metadata)
set("endAt", "endAt", json.setTimeout)
set("egress", "networkEgress", json.networkEgress)
if eventType == "sandbox.lifecycle.checkpointed" then
  set("checkpoint", "checkpointedAt", json.time)
end
set("usage", "execution", json.execution)

-- Fields that never change for a sandbox: the first value seen stays.
local filled = false
for _, field in ipairs({ "teamId", "templateId", "buildId" }) do
  if json[field] ~= "" and record[field] == "null" then
    record[field] = json[field]
    filled = true
  end
end
local first = record["clock:first"]
if not first or compare(timeKey, first) < 0 then
  record["clock:first"] = timeKey
  record.createdAt = json.time
  filled = true
end
if advanced or filled or not exists then record.updatedAt = json.updatedAt end

local stateAdvanced = record["clock:state"] ~= stateBefore
remember()
if not (newest or advanced or filled) then
  return { "stale", "superseded", previous }
end
local flat = {}
for field, value in pairs(record) do
  flat[#flat + 1] = field
  flat[#flat + 1] = value
end
redis.call("HSET", sandboxKey, unpack(flat))
-- Applied: the newest event, or the newest word on the state; any other
-- older event is stored when it filled something, but stale all the same.
if newest or stateAdvanced then return { "applied", "", previous, flat } end
return { "stale", "superseded", previous }
`;
