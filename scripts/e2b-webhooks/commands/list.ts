import { json, table } from "../format";
import { EXIT } from "../io";
import type { Command } from "../command";

export const list: Command = {
  name: "list",
  summary: "list the team's webhooks",
  usage: "list",
  description: "Lists every webhook registered for the API key's team.",
  options: {},
  optionHelp: [],
  positionals: [],

  async run({ io, json: asJson, api, fail }) {
    const listed = await api().listWebhooks();
    if (!listed.ok) return fail(listed.error);

    const webhooks = listed.value;
    if (asJson) {
      io.out(json(webhooks));
      return EXIT.ok;
    }
    if (webhooks.length === 0) {
      io.out(
        "No webhooks registered. Add one with: pnpm e2b:webhooks register --url https://<host>/api/webhooks/e2b\n",
      );
      return EXIT.ok;
    }

    const rows = webhooks.map((w) => [
      w.id,
      w.name,
      w.enabled ? "yes" : "no",
      String(w.events.length),
      w.url,
    ]);
    io.out(table(["ID", "NAME", "ENABLED", "EVENTS", "URL"], rows));
    return EXIT.ok;
  },
};
