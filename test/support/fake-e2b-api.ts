import { randomUUID } from "node:crypto";
import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { parseEventTime } from "../../lib/events/timestamp";

/**
 * A local stand-in for E2B's REST API (PROTOCOL.md section 6): webhooks,
 * their delivery attempts and the lifecycle events API, with E2B's shapes,
 * status codes, paging and `X-API-Key` check. Tests steer it: add events
 * and attempts, or make the next calls fail.
 */
export interface FakeE2bApi {
  url: string;
  apiKey: string;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  addEvents(...records: Record<string, unknown>[]): void;
  addDeliveries(webhookId: string, ...attempts: FakeAttempt[]): void;
  /** The webhooks registered so far, with the secrets E2B never returns. */
  webhooks(): StoredWebhook[];
  /** Answers the next `count` matching requests with `answer` instead. */
  failNext(count: number, answer?: FakeFailure, match?: RequestMatch): void;
  /** Called before each events page is answered (to add events mid-paging). */
  onEventsRequest?: (request: RecordedRequest) => void;
  close(): Promise<void>;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  apiKey: string | undefined;
  body: unknown;
}

export type FakeFailure = { status: number; body?: unknown } | { hang: true };
export type RequestMatch = (request: RecordedRequest) => boolean;

export interface StoredWebhook {
  id: string;
  name: string;
  url: string;
  enabled: boolean;
  events: string[];
  createdAt: string;
  teamId: string;
  signatureSecret: string;
}

export interface FakeAttempt {
  eventId?: string;
  eventType?: string;
  sandboxId?: string;
  status?: string;
  durationMs?: number;
  responseHttpStatusCode?: number | null;
  errorClass?: string | null;
  errorMessage?: string | null;
  timestamp?: string;
}

interface Answer {
  status: number;
  body?: unknown;
}

interface State {
  apiKey: string;
  webhooks: Map<string, StoredWebhook>;
  attempts: Map<string, Required<FakeAttempt>[]>;
  events: Record<string, unknown>[];
  failures: { left: number; answer: FakeFailure; match: RequestMatch }[];
}

export const FAKE_TEAM_ID = "460355b3-4f64-48f9-9a16-4442817f79f5";

export async function startFakeE2bApi(
  options: { apiKey?: string } = {},
): Promise<FakeE2bApi> {
  const state: State = {
    apiKey: options.apiKey ?? `e2b_${randomUUID().replaceAll("-", "")}`,
    webhooks: new Map(),
    attempts: new Map(),
    events: [],
    failures: [],
  };
  const fake = {} as FakeE2bApi;
  const requests: RecordedRequest[] = [];

  const server = createServer((req, res) => {
    void handle(req, res, state, fake, requests);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return Object.assign(fake, {
    url: `http://127.0.0.1:${port}`,
    apiKey: state.apiKey,
    requests,
    addEvents: (...records: Record<string, unknown>[]) =>
      state.events.push(...records),
    addDeliveries: (webhookId: string, ...attempts: FakeAttempt[]) => {
      const list = state.attempts.get(webhookId) ?? [];
      list.push(...attempts.map(completeAttempt));
      state.attempts.set(webhookId, list);
    },
    webhooks: () => [...state.webhooks.values()],
    failNext: (count: number, answer?: FakeFailure, match?: RequestMatch) =>
      state.failures.push({
        left: count,
        answer: answer ?? {
          status: 500,
          body: { code: 500, message: "internal error" },
        },
        match: match ?? (() => true),
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  state: State,
  fake: FakeE2bApi,
  requests: RecordedRequest[],
): Promise<void> {
  const url = new URL(req.url ?? "/", "http://fake");
  const request: RecordedRequest = {
    method: req.method ?? "GET",
    path: url.pathname,
    query: url.searchParams,
    apiKey: headerValue(req.headers["x-api-key"]),
    body: await readJson(req),
  };
  requests.push(request);

  const failure = takeFailure(state, request);
  if (failure && "hang" in failure) return;

  const answer = failure ?? route(request, state, fake);
  if (answer.body === undefined) {
    res.writeHead(answer.status).end();
    return;
  }
  res
    .writeHead(answer.status, { "content-type": "application/json" })
    .end(JSON.stringify(answer.body));
}

function takeFailure(
  state: State,
  request: RecordedRequest,
): FakeFailure | undefined {
  const failure = state.failures.find((f) => f.left > 0 && f.match(request));
  if (!failure) return undefined;

  failure.left -= 1;
  return failure.answer;
}

function route(request: RecordedRequest, state: State, fake: FakeE2bApi) {
  if (request.apiKey !== state.apiKey) {
    return error(401, "Invalid API key");
  }

  const { method, path } = request;
  if (path === "/events/webhooks") {
    if (method === "POST") return createWebhook(request.body, state);
    if (method === "GET") return listWebhooks(state);
    return error(405, "method not allowed");
  }

  const deliveries = /^\/events\/webhooks\/([^/]+)\/deliveries$/.exec(path);
  if (deliveries?.[1] && method === "GET") {
    return listDeliveries(decodeURIComponent(deliveries[1]), request, state);
  }

  const one = /^\/events\/webhooks\/([^/]+)$/.exec(path);
  if (one?.[1]) return webhookById(decodeURIComponent(one[1]), request, state);

  const events = /^\/events\/sandboxes(?:\/([^/]+))?$/.exec(path);
  if (events && method === "GET") {
    fake.onEventsRequest?.(request);
    return listEvents(request.query, state, events[1]);
  }

  return error(404, `no route for ${method} ${path}`);
}

function createWebhook(body: unknown, state: State): Answer {
  const fields = readWebhookFields(body, true);
  if (typeof fields === "string") return error(400, fields);

  const webhook: StoredWebhook = {
    id: randomUUID(),
    name: fields.name ?? "",
    url: fields.url ?? "",
    enabled: fields.enabled ?? true,
    events: fields.events ?? [],
    createdAt: new Date().toISOString(),
    teamId: FAKE_TEAM_ID,
    signatureSecret: fields.signatureSecret ?? "",
  };
  state.webhooks.set(webhook.id, webhook);
  return { status: 201, body: publicView(webhook) };
}

function listWebhooks(state: State): Answer {
  // E2B answers "none" with a 404 rather than an empty list.
  if (state.webhooks.size === 0) return error(404, "no webhooks found");

  return { status: 200, body: [...state.webhooks.values()].map(publicView) };
}

function webhookById(id: string, request: RecordedRequest, state: State) {
  const webhook = state.webhooks.get(id);
  if (!webhook) return error(404, `webhook ${id} not found`);

  if (request.method === "GET")
    return { status: 200, body: publicView(webhook) };
  if (request.method === "DELETE") {
    state.webhooks.delete(id);
    return { status: 200 };
  }
  if (request.method !== "PATCH") return error(405, "method not allowed");

  const fields = readWebhookFields(request.body, false);
  if (typeof fields === "string") return error(400, fields);

  Object.assign(webhook, fields);
  return { status: 200, body: publicView(webhook) };
}

type WebhookFields = Partial<
  Pick<StoredWebhook, "name" | "url" | "enabled" | "events" | "signatureSecret">
>;

function readWebhookFields(
  body: unknown,
  creating: boolean,
): WebhookFields | string {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return "request body must be a JSON object";
  }
  const b = body as Record<string, unknown>;
  const required = creating ? ["name", "url", "events", "signatureSecret"] : [];
  for (const field of required) {
    if (b[field] === undefined) return `${field} is required`;
  }

  const text = (v: unknown) => typeof v === "string" && v.length > 0;
  if (b.name !== undefined && !text(b.name)) return "name must be a string";
  if (b.url !== undefined && !(text(b.url) && URL.canParse(b.url as string))) {
    return "url must be a valid URL";
  }
  if (b.signatureSecret !== undefined && !text(b.signatureSecret)) {
    return "signatureSecret must be a non-empty string";
  }
  if (b.enabled !== undefined && typeof b.enabled !== "boolean") {
    return "enabled must be a boolean";
  }
  if (
    b.events !== undefined &&
    !(Array.isArray(b.events) && b.events.length > 0 && b.events.every(text))
  ) {
    return "events must be a non-empty array of event types";
  }
  return b as WebhookFields;
}

function listDeliveries(
  webhookId: string,
  request: RecordedRequest,
  state: State,
): Answer {
  if (!state.webhooks.has(webhookId)) {
    return error(404, `webhook ${webhookId} not found`);
  }
  const q = request.query;
  const limit = readLimit(q.get("limit"), 25);
  if (limit === null) return error(400, "limit must be between 1 and 100");
  const offset = q.get("cursor") ? decodeCursor(q.get("cursor") ?? "") : 0;
  if (offset === null) return error(400, "invalid cursor");

  const matching = (state.attempts.get(webhookId) ?? [])
    .filter(
      (a) => !q.get("deliveryStatus") || a.status === q.get("deliveryStatus"),
    )
    .filter((a) => !q.get("eventType") || a.eventType === q.get("eventType"))
    .filter((a) => !q.get("start") || a.timestamp >= (q.get("start") ?? ""))
    .filter((a) => !q.get("end") || a.timestamp <= (q.get("end") ?? ""));
  // E2B documents no default order for attempts: the fake lists them oldest
  // first unless asked, so a caller relying on a default shows up in tests.
  const ascending = readOrderAsc(q.get("orderAsc"), true);
  if (ascending === null) return error(400, "orderAsc must be true or false");
  const ordered = sortByTime(matching, ascending);
  const data = ordered.slice(offset, offset + limit);
  const next = offset + limit < ordered.length ? offset + limit : null;

  return {
    status: 200,
    body: { data, nextCursor: next === null ? null : encodeCursor(next) },
  };
}

function listEvents(
  query: URLSearchParams,
  state: State,
  sandboxId: string | undefined,
): Answer {
  const limit = readLimit(query.get("limit"), 10);
  if (limit === null) return error(400, "limit must be between 1 and 100");
  const offset = Number(query.get("offset") ?? "0");
  if (!Number.isInteger(offset) || offset < 0) {
    return error(400, "offset must be a non-negative integer");
  }

  const types = query.getAll("types");
  const id = sandboxId && decodeURIComponent(sandboxId);
  const matching = state.events
    .filter((e) => !id || e.sandboxId === id)
    .filter((e) => types.length === 0 || types.includes(String(e.type)));
  // Newest first by default, as E2B documents for the events API.
  const ascending = readOrderAsc(query.get("orderAsc"), false);
  if (ascending === null) return error(400, "orderAsc must be true or false");
  const ordered = sortByTime(matching, ascending);
  return { status: 200, body: ordered.slice(offset, offset + limit) };
}

function sortByTime<T extends { timestamp?: unknown }>(
  items: T[],
  ascending: boolean,
): T[] {
  const key = (item: T) =>
    parseEventTime(String(item.timestamp ?? ""))?.key ?? "";
  const sorted = [...items].sort((a, b) => key(a).localeCompare(key(b)));
  return ascending ? sorted : sorted.reverse();
}

function readOrderAsc(raw: string | null, fallback: boolean): boolean | null {
  if (raw === null) return fallback;
  if (raw === "true" || raw === "false") return raw === "true";
  return null;
}

function readLimit(raw: string | null, fallback: number): number | null {
  if (raw === null) return fallback;
  const limit = Number(raw);
  return Number.isInteger(limit) && limit >= 1 && limit <= 100 ? limit : null;
}

function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString("base64url");
}

function decodeCursor(cursor: string): number | null {
  const match = /^offset:(\d+)$/.exec(
    Buffer.from(cursor, "base64url").toString(),
  );
  return match ? Number(match[1]) : null;
}

function completeAttempt(attempt: FakeAttempt): Required<FakeAttempt> {
  return {
    eventId: randomUUID(),
    eventType: "sandbox.lifecycle.created",
    sandboxId: "i0a1b2c3d4e5f6g7h8j9k",
    status: "success",
    durationMs: 42,
    responseHttpStatusCode: 200,
    errorClass: null,
    errorMessage: null,
    timestamp: new Date().toISOString(),
    ...attempt,
  };
}

function publicView(webhook: StoredWebhook) {
  const { signatureSecret: _secret, ...rest } = webhook;
  return rest;
}

function error(status: number, message: string): Answer {
  return { status, body: { code: status, message } };
}

function headerValue(value: string | string[] | undefined) {
  return Array.isArray(value) ? value[0] : value;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return undefined;

  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    return null;
  }
}
