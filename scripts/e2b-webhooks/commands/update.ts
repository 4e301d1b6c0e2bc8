import type { WebhookChanges } from "../../../lib/e2b-api/requests";
import { flag, text, type Command, type OptionValues } from "../command";
import { json } from "../format";
import { EXIT, UsageError, type CliIo } from "../io";
import { readEvents, readName, readSecret } from "../options";
import { readWebhookUrl } from "../webhook-url";
import { describeWebhook } from "./show";

export const update: Command = {
  name: "update",
  summary: "change a webhook's URL, name, events, state or secret",
  usage:
    "update ID [--url URL] [--name NAME] [--events a,b] [--enable|--disable] [--rotate-secret]",
  description: [
    "Changes only what is given. --rotate-secret sends E2B_WEBHOOK_SECRET as",
    "the new signing secret: during a rotation, run the receiver with the new",
    "secret in E2B_WEBHOOK_SECRET and the old one in E2B_WEBHOOK_SECRET_PREVIOUS.",
  ].join("\n"),
  options: {
    url: { type: "string" },
    name: { type: "string" },
    events: { type: "string" },
    enable: { type: "boolean" },
    disable: { type: "boolean" },
    "rotate-secret": { type: "boolean" },
    "allow-http": { type: "boolean" },
    "allow-other-path": { type: "boolean" },
    "allow-short-secret": { type: "boolean" },
  },
  optionHelp: [
    ["--url URL", "the new delivery URL (https)"],
    ["--name NAME", "the new label"],
    ["--events a,b", "the new lifecycle types (short names like killed)"],
    ["--enable, --disable", "turn deliveries on or off"],
    ["--rotate-secret", "send E2B_WEBHOOK_SECRET as the new secret"],
    ["--allow-http", "accept an http:// URL (local tests only)"],
    ["--allow-other-path", "accept a path not ending in /api/webhooks/e2b"],
    ["--allow-short-secret", "accept a secret shorter than 32 characters"],
  ],
  positionals: ["ID"],

  async run({ positionals: [id = ""], values, io, json: asJson, api, fail }) {
    const changes = readChanges(values, io);
    const updated = await api().updateWebhook(id, changes);
    if (!updated.ok) return fail(updated.error, id);

    if (asJson) {
      io.out(json(updated.value));
      return EXIT.ok;
    }
    io.out(`Updated webhook ${id}\n`);
    io.out(describeWebhook(updated.value));
    return EXIT.ok;
  },
};

function readChanges(values: OptionValues, io: CliIo): WebhookChanges {
  if (flag(values, "enable") && flag(values, "disable")) {
    throw new UsageError("--enable and --disable contradict each other");
  }

  const changes: WebhookChanges = {};
  const url = text(values, "url");
  if (url !== undefined) {
    changes.url = readWebhookUrl(url, {
      allowHttp: flag(values, "allow-http"),
      allowOtherPath: flag(values, "allow-other-path"),
    });
  }
  const name = text(values, "name");
  if (name !== undefined) changes.name = readName(name);
  if (text(values, "events") !== undefined) {
    changes.events = readEvents(text(values, "events"));
  }
  if (flag(values, "enable")) changes.enabled = true;
  if (flag(values, "disable")) changes.enabled = false;
  if (flag(values, "rotate-secret")) {
    changes.signatureSecret = readSecret(
      io.env,
      flag(values, "allow-short-secret"),
    );
  }

  if (Object.keys(changes).length === 0) {
    throw new UsageError(
      "update needs at least one change: --url, --name, --events, --enable, --disable or --rotate-secret",
    );
  }
  return changes;
}
