import type { SandboxManager } from "@/lib/registry/sandbox-manager";
import { getRuntime, resetRuntime } from "@/lib/runtime";
import { checkAnswer, send } from "./fuzz-answer";
import { polluted, prototypeKeys } from "./prototype-guard";
import {
  FUZZ_PREVIOUS_SECRET,
  FUZZ_SECRET,
  isAuthentic,
  validSignature,
  type HeaderList,
} from "./signatures";

/** One request the fuzzer sends to the route handler. */
export interface FuzzCase {
  body: Uint8Array;
  headers: HeaderList;
  /** The body arrives in this many chunks (1: all at once). */
  chunks: number;
}

const RESET_EVERY = 250;
const KILL = /"sandbox\.lifecycle\.killed"|"eventLabel"\s*:\s*"kill"/;
const SANDBOX_ID = /"(?:sandbox_id|sandboxId)"\s*:\s*"([^"\\]{1,256})"/g;

/**
 * The exported `POST` handler, called in-process on a registry seeded with
 * valid deliveries and re-created every few hundred cases so that each
 * snapshot stays small. `run` answers the properties a case broke.
 */
export class FuzzTarget {
  readonly outcomes = new Map<string, number>();
  #cases = 0;
  #applyCalls = 0;
  #manager!: SandboxManager;
  readonly #seeds: string[];
  readonly #prototypeKeys = prototypeKeys();

  constructor(seeds: string[]) {
    this.#seeds = seeds;
  }

  get cases(): number {
    return this.#cases;
  }

  async run(fuzzCase: FuzzCase): Promise<string[]> {
    if (this.#cases++ % RESET_EVERY === 0) await this.reset();

    const authentic = isAuthentic(fuzzCase.body, fuzzCase.headers);
    const candidates = this.#candidates(fuzzCase.body);
    const before = authentic ? "" : await this.#snapshot(candidates);
    const appliesBefore = this.#applyCalls;
    const violations: string[] = [];

    const answer = await send(fuzzCase).catch((error: unknown) => {
      violations.push(`POST threw: ${String(error)}`);
      return null;
    });
    if (answer) {
      const label = `${answer.status} ${answer.code}`;
      this.outcomes.set(label, (this.outcomes.get(label) ?? 0) + 1);
      violations.push(...checkAnswer(answer, authentic));
    }
    if (!authentic) {
      if (this.#applyCalls !== appliesBefore) {
        violations.push("an unauthenticated delivery reached the registry");
      }
      if ((await this.#snapshot(candidates)) !== before) {
        violations.push("the registry changed without a valid signature");
      }
    }
    if (prototypeKeys() !== this.#prototypeKeys || polluted()) {
      violations.push("a built-in prototype changed");
    }
    return violations;
  }

  /** A fresh runtime from the environment, seeded with valid deliveries. */
  async reset(): Promise<void> {
    resetRuntime();
    const manager = getRuntime().manager;
    const apply = manager.apply.bind(manager);
    manager.apply = (...args) => {
      this.#applyCalls++;
      return apply(...args);
    };
    this.#manager = manager;

    // Live entries only: a forged kill then has something to remove.
    for (const seed of this.#seeds.filter((s) => !KILL.test(s))) {
      const body = Buffer.from(seed);
      await send({ body, headers: validSignature(body, "e2b"), chunks: 1 });
    }
  }

  #candidates(body: Uint8Array): string[] {
    const text = Buffer.from(body).toString("utf8");
    const fromBody = [...text.matchAll(SANDBOX_ID)].map((m) => m[1] ?? "");
    const fromSeeds = this.#seeds.flatMap((seed) =>
      [...seed.matchAll(SANDBOX_ID)].map((m) => m[1] ?? ""),
    );
    return [...new Set([...fromSeeds, ...fromBody])];
  }

  async #snapshot(sandboxIds: string[]): Promise<string> {
    const sandboxes = await this.#manager.list();
    const tombstones = await Promise.all(
      sandboxIds.map((id) => this.#manager.getTombstone(id)),
    );
    sandboxes.sort((a, b) => a.sandboxId.localeCompare(b.sandboxId));
    return JSON.stringify([sandboxes, tombstones]);
  }
}

export const FUZZ_ENV = {
  E2B_WEBHOOK_SECRET: FUZZ_SECRET,
  E2B_WEBHOOK_SECRET_PREVIOUS: FUZZ_PREVIOUS_SECRET,
  // Every forged case counts against one in-process address; the limit's
  // 429 is an allowed answer, but it would hide the paths behind it.
  WEBHOOK_FAILED_AUTH_LIMIT_PER_MINUTE: "1000000",
  LOG_LEVEL: "silent",
};
