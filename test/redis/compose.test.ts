import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { z } from "zod";
import { loadConfig } from "@/lib/config/config";
import { ROOT } from "../support/production-build";

const compose = z
  .object({
    services: z.object({
      app: z.object({
        environment: z.record(z.string(), z.string()),
        depends_on: z.record(z.string(), z.object({ condition: z.string() })),
      }),
      redis: z.object({
        image: z.string(),
        command: z.array(z.string()),
        volumes: z.array(z.string()),
        healthcheck: z.object({ test: z.array(z.string()) }),
      }),
    }),
    volumes: z.record(z.string(), z.unknown()),
  })
  .parse(parse(readFileSync(join(ROOT, "docker-compose.yml"), "utf8")));

describe("docker-compose.yml's Redis", () => {
  const { app, redis } = compose.services;

  it("runs the official image with append-only persistence on a volume", () => {
    expect(redis.image).toMatch(/^redis:\d/);
    expect(redis.command.join(" ")).toContain("--appendonly yes");
    expect(redis.volumes).toEqual(["redis-data:/data"]);
    expect(Object.keys(compose.volumes)).toContain("redis-data");
  });

  it("is checked healthy with redis-cli ping before the app starts", () => {
    expect(redis.healthcheck.test).toEqual(["CMD", "redis-cli", "ping"]);
    expect(app.depends_on.redis).toEqual({ condition: "service_healthy" });
  });

  it("is the app's REDIS_URL unless the shell gives another", () => {
    const value = app.environment.REDIS_URL ?? "";
    const fallback = /^\$\{REDIS_URL:-(.+)\}$/.exec(value)?.[1] ?? "";

    expect(fallback).toBe("redis://redis:6379");
    expect(loadConfig({ REDIS_URL: fallback }).redis?.url).toBe(fallback);
  });
});
