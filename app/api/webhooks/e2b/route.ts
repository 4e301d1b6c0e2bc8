import { readBody, type BodyResult } from "@/lib/http/read-body";
import { jsonResponse } from "@/lib/http/json-response";
import { otherMethods } from "@/lib/http/method-not-allowed";
import {
  receiveDelivery,
  type Received,
} from "@/lib/pipeline/receive-delivery";
import { describeDelivery, logDelivery } from "@/lib/pipeline/report-delivery";
import { failure, type DeliveryResult } from "@/lib/pipeline/result";
import { recordDelivery } from "@/lib/observability/record-delivery";
import { clientAddress } from "@/lib/rate-limit/client-address";
import { getRuntime } from "@/lib/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// E2B's body is about a kilobyte and arrives with its headers; a client
// still sending after this long is refused instead of holding the request
// open until Node's 300 s requestTimeout.
const BODY_TIMEOUT_MS = 10_000;

/** Receives one E2B webhook delivery: verify, validate, apply, answer. */
export async function POST(request: Request): Promise<Response> {
  const receivedAtMs = Date.now();
  const started = performance.now();
  const { config, logger, manager, limits } = getRuntime();

  const body = await readBody(request, config.maxBodyBytes, {
    timeoutMs: BODY_TIMEOUT_MS,
  });
  const { result, event }: Received = body.ok
    ? await receiveDelivery(
        {
          headers: request.headers,
          payload: body.bytes,
          clientAddress: clientAddress(request.headers, config.trustProxy),
        },
        { secrets: config.secrets, manager, now: Date.now, limits },
      )
    : { result: unreadBody(body, config.maxBodyBytes) };

  const durationMs = performance.now() - started;
  const report = describeDelivery(request.headers, result, event, {
    receivedAtMs,
    durationMs,
  });
  if (result.quiet) {
    // A flood of forgeries past the limit is counted, not logged or kept.
    getRuntime().metrics.observeDelivery(report);
  } else {
    logDelivery(logger, report, result);
    await recordDelivery(getRuntime(), report);
  }

  return jsonResponse(result.status, result.body, result.headers);
}

function unreadBody(
  body: Extract<BodyResult, { ok: false }>,
  maxBodyBytes: number,
): DeliveryResult {
  if (body.reason === "request_timeout") {
    return failure(
      "request_timeout",
      `The body did not arrive within ${BODY_TIMEOUT_MS / 1000} s`,
      // The rest of a trickled body may never come: do not wait to read it.
      { detail: body.detail, headers: { connection: "close" } },
    );
  }

  if (body.reason === "request_aborted") {
    return failure("request_aborted", "The body ended before it was complete", {
      detail: body.detail,
    });
  }

  return failure(
    "payload_too_large",
    `The body is larger than ${maxBodyBytes} bytes (WEBHOOK_MAX_BODY_BYTES)`,
    { detail: body.detail },
  );
}

export const { OPTIONS, GET, HEAD, PUT, PATCH, DELETE } = otherMethods(
  ["POST"],
  "This endpoint accepts POST deliveries from E2B only",
);
