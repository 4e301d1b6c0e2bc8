import { json } from "../format";
import { EXIT } from "../io";
import type { Command } from "../command";

export const remove: Command = {
  name: "delete",
  summary: "delete a webhook",
  usage: "delete ID",
  description: "Deletes a webhook: E2B stops delivering to its URL at once.",
  options: {},
  optionHelp: [],
  positionals: ["ID"],

  async run({ positionals: [id = ""], io, json: asJson, api, fail }) {
    const deleted = await api().deleteWebhook(id);
    if (!deleted.ok) return fail(deleted.error, id);

    io.out(asJson ? json({ deleted: id }) : `Deleted webhook ${id}\n`);
    return EXIT.ok;
  },
};
