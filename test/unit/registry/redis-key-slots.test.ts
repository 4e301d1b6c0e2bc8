import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "@/lib/config/config";
import { redisKeys } from "@/lib/redis/redis-keys";

// Redis Cluster's key slot, written from the spec
// (https://redis.io/docs/latest/operate/oss_and_stack/reference/cluster-spec/#key-distribution-model):
// CRC16-XMODEM of the hash tag's bytes, or of the whole key without one.
function crc16(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit += 1) {
      crc = crc & 0x8000 ? (crc << 1) ^ 0x1021 : crc << 1;
      crc &= 0xffff;
    }
  }
  return crc;
}

function keySlot(key: string): number {
  const bytes = new TextEncoder().encode(key);
  const open = bytes.indexOf(0x7b);
  const close = open === -1 ? -1 : bytes.indexOf(0x7d, open + 1);
  const tagged = close > open + 1;
  return crc16(tagged ? bytes.subarray(open + 1, close) : bytes) % 16_384;
}

const E2B_ID = "iu3k9x2m7q1w5e8r0t4y6";
const IDS = [
  E2B_ID,
  "}x",
  "}",
  "{",
  "{}",
  "}{",
  "a}b",
  "{a}",
  "x{",
  "é{𝔘}",
  "a",
  "{a",
];
const keys = redisKeys("e2b:");
/** Every key one `apply` (and so one `register`) touches. */
const touched = (id: string) => [
  keys.sandbox(id),
  keys.tombstone(id),
  keys.seen(id),
];

describe("Redis keys on Cluster", () => {
  it("computes the slots Redis documents", () => {
    const whole = (key: string) =>
      crc16(new TextEncoder().encode(key)) % 16_384;

    expect(crc16(new TextEncoder().encode("123456789"))).toBe(0x31c3);
    // The answers of CLUSTER KEYSLOT in Redis's own command reference.
    expect(keySlot("somekey")).toBe(11_058);
    expect(keySlot("foo{hash_tag}")).toBe(2_515);
    expect(keySlot("bar{hash_tag}")).toBe(2_515);
    expect(keySlot("foo{}{bar}")).toBe(whole("foo{}{bar}"));
    expect(keySlot("foo{{bar}}zap")).toBe(whole("{bar"));
  });

  it.each(IDS)("puts every key of sandbox %j in one slot", (id) => {
    const slots = new Set(touched(id).map(keySlot));

    expect(slots.size).toBe(1);
  });

  it("gives every sandbox keys of its own", () => {
    const all = IDS.flatMap(touched);

    expect(new Set(all).size).toBe(all.length);
  });

  it("never gives a plain id the keys of an id with braces", () => {
    const digest = createHash("sha256").update("}x").digest("base64url");

    for (const plain of [digest, `#${digest}`, `sha256:${digest}`]) {
      expect(touched(plain)).not.toContain(keys.sandbox("}x"));
    }
  });

  it("keeps the readable layout for E2B's ids", () => {
    expect(touched(E2B_ID)).toEqual([
      `e2b:{${E2B_ID}}:sandbox`,
      `e2b:{${E2B_ID}}:tombstone`,
      `e2b:{${E2B_ID}}:seen`,
    ]);
  });

  it("refuses a prefix holding a brace, in the config and in the code", () => {
    const load = () =>
      loadConfig({
        E2B_WEBHOOK_SECRET: "slot-test-secret-0123456789abcdefghij",
        REDIS_URL: "redis://cache:6379",
        WEBHOOK_REDIS_PREFIX: "e2b:{prod}:",
      });

    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/WEBHOOK_REDIS_PREFIX: must not contain \{ or \}/);
    expect(() => redisKeys("e2b{")).toThrow(/WEBHOOK_REDIS_PREFIX/);
  });
});
