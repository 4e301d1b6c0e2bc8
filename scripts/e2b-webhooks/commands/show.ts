import type { Webhook } from "../../../lib/e2b-api/schemas";
import { details, json, orDash, shortType } from "../format";
import { EXIT } from "../io";
import type { Command } from "../command";

export const show: Command = {
  name: "show",
  summary: "show one webhook",
  usage: "show ID",
  description: "Shows one registered webhook. E2B never returns its secret.",
  options: {},
  optionHelp: [],
  positionals: ["ID"],

  async run({ positionals: [id = ""], io, json: asJson, api, fail }) {
    const fetched = await api().getWebhook(id);
    if (!fetched.ok) return fail(fetched.error, id);

    io.out(asJson ? json(fetched.value) : describeWebhook(fetched.value));
    return EXIT.ok;
  },
};

/** A webhook as an aligned block of `label  value` lines. */
export function describeWebhook(webhook: Webhook): string {
  return details([
    ["id", webhook.id],
    ["name", webhook.name],
    ["url", webhook.url],
    ["enabled", webhook.enabled ? "yes" : "no"],
    ["events", webhook.events.map(shortType).join(", ")],
    ["created", orDash(webhook.createdAt)],
  ]);
}
