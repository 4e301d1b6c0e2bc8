import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readEnvFile, resolveSecret } from "@/lib/client/resolve-secret";

const dir = mkdtempSync(join(tmpdir(), "resolve-secret-"));

function envFile(text: string): string {
  const path = join(dir, `${Math.random().toString(36).slice(2)}.env`);
  writeFileSync(path, text);
  return path;
}

describe("resolveSecret", () => {
  const file = envFile("E2B_WEBHOOK_SECRET=from-file\n");
  const env = { E2B_WEBHOOK_SECRET: "from-env" };

  it("prefers the --secret flag", () => {
    expect(resolveSecret("from-flag", env, file)).toEqual({
      ok: true,
      secret: "from-flag",
      source: "--secret",
    });
  });

  it("falls back to the environment", () => {
    expect(resolveSecret(undefined, env, file)).toMatchObject({
      secret: "from-env",
      source: "E2B_WEBHOOK_SECRET in the environment",
    });
  });

  it("falls back to the env file", () => {
    expect(resolveSecret(undefined, {}, file)).toMatchObject({
      secret: "from-file",
      source: `E2B_WEBHOOK_SECRET in ${file}`,
    });
  });

  it("skips blank values and trims the one it uses", () => {
    expect(
      resolveSecret("  ", { E2B_WEBHOOK_SECRET: " padded " }, file),
    ).toMatchObject({ secret: "padded" });
  });

  it.each([
    ["empty", ""],
    ["blank", "  \t "],
  ])(
    "has no secret when the variable is exported %s, as the receiver, without reading the env file",
    (_name, value) => {
      const result = resolveSecret(
        undefined,
        { E2B_WEBHOOK_SECRET: value },
        file,
      );

      expect(result).toMatchObject({ ok: false });
      expect(!result.ok && result.message).toMatch(
        /^E2B_WEBHOOK_SECRET is set but empty in the environment, so .* is not read/,
      );
    },
  );

  it("still takes the --secret flag over an empty exported variable", () => {
    expect(
      resolveSecret("from-flag", { E2B_WEBHOOK_SECRET: "" }, file),
    ).toMatchObject({ ok: true, secret: "from-flag" });
  });

  it("says so when the env file holds the variable empty", () => {
    const result = resolveSecret(
      undefined,
      {},
      envFile("E2B_WEBHOOK_SECRET=\n"),
    );

    expect(!result.ok && result.message).toMatch(
      /^E2B_WEBHOOK_SECRET is empty in .*\.env: .*no secret/,
    );
  });

  it("explains where to put a secret when there is none", () => {
    const result = resolveSecret(undefined, {}, join(dir, "missing.env"));

    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.message).toMatch(
      /--secret.*E2B_WEBHOOK_SECRET.*missing\.env/,
    );
  });
});

describe("readEnvFile", () => {
  it("reads plain, exported, quoted and commented lines", () => {
    const path = envFile(
      [
        "# a comment",
        "",
        "PLAIN=one",
        "export EXPORTED = two ",
        'DOUBLE="three # not a comment"',
        "SINGLE='four'",
        "TRAILING=five # a comment",
        "not a variable line",
      ].join("\n"),
    );

    expect(readEnvFile(path)).toEqual({
      PLAIN: "one",
      EXPORTED: "two",
      DOUBLE: "three # not a comment",
      SINGLE: "four",
      TRAILING: "five",
    });
  });

  it("reads Windows line endings", () => {
    expect(readEnvFile(envFile("A=1\r\nB=2\r\n"))).toEqual({ A: "1", B: "2" });
  });

  it("gives nothing for a file that does not exist", () => {
    expect(readEnvFile(join(dir, "absent.env"))).toEqual({});
  });
});
