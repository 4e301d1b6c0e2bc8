import { MemoryStore } from "@/lib/registry/memory-store";
import { describeRegistryRules } from "./rules.shared";

const DAY_MS = 86_400_000;

describeRegistryRules("memory", {
  create: async () =>
    new MemoryStore({
      tombstoneTtlMs: DAY_MS,
      tombstoneMaxEntries: 10_000,
      idempotencyTtlMs: DAY_MS,
      idempotencyMaxEntries: 10_000,
    }),
});
