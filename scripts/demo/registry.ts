import { z } from "zod";
import type { PlannedSandbox } from "./day-plan";

const text = z.string().nullish();

const sandboxRow = z.object({
  sandboxId: z.string(),
  state: z.string(),
  templateId: text,
  createdAt: text,
  lastEventAt: text,
  lastEventType: text,
  endAt: text,
  metadata: z.record(z.string(), z.string()).nullish(),
});

const listAnswer = z.object({ sandboxes: z.array(sandboxRow) });

const killedAnswer = z.object({
  sandbox: z.object({
    sandboxId: z.string(),
    state: z.literal("killed"),
    killedAt: text,
    killReason: text,
  }),
});

export type SandboxRow = z.infer<typeof sandboxRow>;
export type KilledRow = z.infer<typeof killedAnswer>["sandbox"];

export type RegistryView =
  | { available: true; sandboxes: SandboxRow[]; killed: KilledRow[] }
  | { available: false; reason: string };

/**
 * Reads the registry through the server's read API (`GET /api/sandboxes`,
 * admin token). Killed sandboxes are not listed; each planned one missing
 * from the list is looked up for its tombstone (410). Nothing is made up:
 * without the API the view says it is not available.
 */
export async function readRegistry(
  baseUrl: string,
  token: string,
  planned: readonly PlannedSandbox[],
): Promise<RegistryView> {
  const list = await getJson(`${baseUrl}/api/sandboxes`, token);
  if (list.status !== 200) {
    const answered =
      list.status === 0 ? "could not be reached" : `answered ${list.status}`;
    return { available: false, reason: `GET /api/sandboxes ${answered}` };
  }
  const parsed = listAnswer.safeParse(list.body);
  if (!parsed.success) {
    return {
      available: false,
      reason: "GET /api/sandboxes answered an unexpected body",
    };
  }

  const listed = new Set(parsed.data.sandboxes.map((s) => s.sandboxId));
  const killed: KilledRow[] = [];
  for (const { sandboxId } of planned.filter((p) => !listed.has(p.sandboxId))) {
    const one = await getJson(`${baseUrl}/api/sandboxes/${sandboxId}`, token);
    const tombstone = killedAnswer.safeParse(one.body);
    if (one.status === 410 && tombstone.success)
      killed.push(tombstone.data.sandbox);
  }

  return { available: true, sandboxes: parsed.data.sandboxes, killed };
}

async function getJson(
  url: string,
  token: string,
): Promise<{ status: number; body: unknown }> {
  try {
    const response = await fetch(url, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(10_000),
    });
    const body: unknown = await response.json().catch(() => null);
    return { status: response.status, body };
  } catch (error) {
    return { status: 0, body: String(error) };
  }
}
