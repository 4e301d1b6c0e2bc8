import type { DeliveryAttempt } from "../../../lib/e2b-api/schemas";
import { flag, text, type Command } from "../command";
import { json, orDash, shortType, table } from "../format";
import { EXIT } from "../io";
import { readLimit } from "../options";

const DEFAULT_LIMIT = 20;

// TODO(protocol): "failed" as E2B's value for a failed attempt is inferred
// from the dashboard, not documented; confirm against a real failed delivery.
const FAILED_STATUS = "failed";

export const deliveries: Command = {
  name: "deliveries",
  summary: "show recent delivery attempts and why they failed",
  usage: "deliveries ID [--failed] [--limit N] [--cursor C]",
  description: [
    "Lists E2B's recent attempts to deliver to a webhook, newest first: when,",
    "which event and sandbox, the outcome, the HTTP status our receiver",
    "answered, and E2B's error class and message. This is the fastest way to",
    "see why E2B thinks a delivery failed.",
  ].join("\n"),
  options: {
    failed: { type: "boolean" },
    limit: { type: "string" },
    cursor: { type: "string" },
  },
  optionHelp: [
    ["--failed", "only failed attempts"],
    ["--limit N", `attempts per page, 1 to 100 (default ${DEFAULT_LIMIT})`],
    ["--cursor C", "the next page, as printed after a full page"],
  ],
  positionals: ["ID"],

  async run({ positionals: [id = ""], values, io, json: asJson, api, fail }) {
    const failedOnly = flag(values, "failed");
    const page = await api().listDeliveries(id, {
      // Newest first, as the help promises: E2B documents no default order.
      orderAsc: false,
      limit: readLimit(text(values, "limit"), DEFAULT_LIMIT),
      cursor: text(values, "cursor"),
      ...(failedOnly && { deliveryStatus: FAILED_STATUS }),
    });
    if (!page.ok) return fail(page.error, id);

    const { data, nextCursor } = page.value;
    if (asJson) {
      io.out(json(page.value));
      return EXIT.ok;
    }
    if (data.length === 0) {
      const which = failedOnly
        ? "failed delivery attempts"
        : "delivery attempts";
      io.out(`No ${which} recorded for webhook ${id}.\n`);
      return EXIT.ok;
    }

    io.out(
      table(
        ["TIME", "EVENT", "SANDBOX", "STATUS", "HTTP", "ERROR"],
        data.map(row),
      ),
    );
    if (nextCursor) {
      io.out(
        `\nMore: pnpm e2b:webhooks deliveries ${id} --cursor ${nextCursor}\n`,
      );
    }
    return EXIT.ok;
  },
};

function row(attempt: DeliveryAttempt): string[] {
  const error = [attempt.errorClass, attempt.errorMessage]
    .filter(Boolean)
    .join(": ");
  return [
    orDash(attempt.timestamp),
    shortType(attempt.eventType),
    orDash(attempt.sandboxId),
    orDash(attempt.status),
    orDash(attempt.responseHttpStatusCode),
    orDash(error),
  ];
}
