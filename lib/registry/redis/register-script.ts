import type { RegisterResult } from "../registration";
import { toSandbox, type Tombstone } from "../sandbox";
import { decodeRecord } from "./record-codec";

/** The script's `KEYS`: the entry and the tombstone, under one hash tag. */
export const REGISTER_KEY_COUNT = 2;

/**
 * `MemoryStore.register` as one Redis script, so that no event applied in
 * between is lost: refuses while a tombstone exists, else adds the entry
 * (`ARGV`: the registered record, encoded) or fills its gaps as
 * `mergeRegistration` does. Values stay JSON text the script only compares.
 */
export const REGISTER_SCRIPT = `
local sandboxKey, tombstoneKey = KEYS[1], KEYS[2]
local tombstone = redis.call("GET", tombstoneKey)
if tombstone then return { "killed", tombstone } end

local current = redis.call("HGETALL", sandboxKey)
if #current == 0 then
  redis.call("HSET", sandboxKey, unpack(ARGV))
  return { "created" }
end

local record, registered = {}, {}
for i = 1, #current, 2 do record[current[i]] = current[i + 1] end
for i = 1, #ARGV, 2 do registered[ARGV[i]] = ARGV[i + 1] end

local fills = {}
local function fill(field, unknown)
  if registered[field] == unknown then return end
  if (record[field] or unknown) ~= unknown then return end
  fills[#fills + 1] = field
  fills[#fills + 1] = registered[field]
end
for _, field in ipairs({ "teamId", "templateId", "buildId", "executionId" }) do
  fill(field, "null")
end
fill("metadata", "{}")
if #fills == 0 then return { "merged", current } end

fills[#fills + 1] = "updatedAt"
fills[#fills + 1] = registered.updatedAt
redis.call("HSET", sandboxKey, unpack(fills))
return { "merged", redis.call("HGETALL", sandboxKey) }
`;

/**
 * The result for the script's reply; `encoded` is the `ARGV` it was given.
 * Throws on a reply of another shape: that is a script and code out of step.
 */
export function readRegisterReply(
  reply: unknown,
  encoded: string[],
): RegisterResult {
  const [outcome, payload] = Array.isArray(reply) ? reply : [];
  if (outcome === "killed" && typeof payload === "string") {
    const tombstone = JSON.parse(payload) as Tombstone;
    return { ok: false, reason: "killed", tombstone };
  }

  const hash = outcome === "created" ? encoded : payload;
  const record = Array.isArray(hash) ? decodeRecord(hash) : undefined;
  if (!record || (outcome !== "created" && outcome !== "merged")) {
    throw new Error(
      `unexpected reply from the register script: ${String(outcome)}`,
    );
  }
  return {
    ok: true,
    created: outcome === "created",
    sandbox: toSandbox(record),
  };
}
