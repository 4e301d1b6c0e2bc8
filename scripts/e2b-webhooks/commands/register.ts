import { EXIT, UsageError } from "../io";
import { json } from "../format";
import { readEvents, readName, readSecret } from "../options";
import { readWebhookUrl } from "../webhook-url";
import { flag, text, type Command } from "../command";
import { describeWebhook } from "./show";

export const DEFAULT_WEBHOOK_NAME = "e2b-webhook-receiver";

export const register: Command = {
  name: "register",
  summary: "register this receiver's URL with E2B",
  usage: "register --url URL [--name NAME] [--events a,b] [--disabled]",
  description: [
    "Registers a webhook with E2B and prints its id. The signing secret is",
    "read from E2B_WEBHOOK_SECRET, exported or in .env.local (never from a",
    "flag, so it stays out of shell history): the receiver's own secret.",
  ].join("\n"),
  options: {
    url: { type: "string" },
    name: { type: "string" },
    events: { type: "string" },
    disabled: { type: "boolean" },
    "allow-http": { type: "boolean" },
    "allow-other-path": { type: "boolean" },
    "allow-short-secret": { type: "boolean" },
  },
  optionHelp: [
    ["--url URL", "where E2B delivers, e.g. https://host/api/webhooks/e2b"],
    ["--name NAME", `label in E2B's list (default ${DEFAULT_WEBHOOK_NAME})`],
    [
      "--events a,b",
      "lifecycle types (default: all six; short names like killed)",
    ],
    ["--disabled", "register without enabling deliveries yet"],
    ["--allow-http", "accept an http:// URL (local tests only)"],
    ["--allow-other-path", "accept a path not ending in /api/webhooks/e2b"],
    ["--allow-short-secret", "accept a secret shorter than 32 characters"],
  ],
  positionals: [],

  async run({ values, io, json: asJson, api, fail }) {
    const rawUrl = text(values, "url");
    if (rawUrl === undefined) {
      throw new UsageError("register needs --url URL");
    }
    const url = readWebhookUrl(rawUrl, {
      allowHttp: flag(values, "allow-http"),
      allowOtherPath: flag(values, "allow-other-path"),
    });
    const name = readName(text(values, "name") ?? DEFAULT_WEBHOOK_NAME);
    const events = readEvents(text(values, "events"));
    const signatureSecret = readSecret(
      io.env,
      flag(values, "allow-short-secret"),
    );

    const created = await api().createWebhook({
      name,
      url,
      events,
      signatureSecret,
      enabled: !flag(values, "disabled"),
    });
    if (!created.ok) return fail(created.error);

    const webhook = created.value;
    if (asJson) {
      io.out(json(webhook));
      return EXIT.ok;
    }
    io.out(`Registered webhook ${webhook.id}\n`);
    io.out(describeWebhook(webhook));
    return EXIT.ok;
  },
};
