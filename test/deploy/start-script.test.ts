import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signE2b } from "@/lib/signature/sign";
import {
  ensureProductionBuild,
  ROOT,
} from "../../scripts/support/production-build";
import { freePort } from "../../scripts/support/server-process";

const SECRET = "start-script-secret-from-env-local-0123456789";

describe("pnpm start", () => {
  let folder: string;
  let url: string;
  let child: ReturnType<typeof spawn>;

  beforeAll(async () => {
    ensureProductionBuild();
    folder = mkdtempSync(join(tmpdir(), "start-script-"));
    const port = await freePort();
    writeFileSync(
      join(folder, ".env.local"),
      `E2B_WEBHOOK_SECRET=${SECRET}\nPORT=${port}\nHOSTNAME=127.0.0.1\nLOG_LEVEL=silent\n`,
    );
    child = spawn(process.execPath, [join(ROOT, "scripts/start.mjs")], {
      cwd: folder,
      env: {
        PATH: process.env.PATH ?? "",
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: "ignore",
    });
    url = `http://127.0.0.1:${port}`;
    await waitForHealth(url);
  }, 300_000);

  afterAll(() => {
    child?.kill("SIGTERM");
    rmSync(folder, { recursive: true, force: true });
  });

  it("reads the secret from .env.local in the folder it is started from", async () => {
    const body = JSON.stringify({
      eventCategory: "lifecycle",
      eventLabel: "create",
      sandboxId: "istartscript000000000001",
    });

    const response = await fetch(`${url}/api/webhooks/e2b`, {
      method: "POST",
      headers: { "e2b-signature": signE2b(SECRET, body) },
      body,
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ outcome: "applied" });
  });
});

async function waitForHealth(url: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const answer = await fetch(`${url}/api/health`).catch(() => null);
    if (answer?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`pnpm start did not become healthy at ${url}`);
}
