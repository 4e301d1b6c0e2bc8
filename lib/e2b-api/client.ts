import type { ApiResult } from "./api-result";
import { success } from "./api-result";
import { callE2b, type HttpOptions } from "./http";
import type {
  DeliveriesQuery,
  EventsQuery,
  NewWebhook,
  WebhookChanges,
} from "./requests";
import {
  deliveriesPageSchema,
  eventsPageSchema,
  webhookListSchema,
  webhookSchema,
  type DeliveriesPage,
  type EventRecord,
  type Webhook,
} from "./schemas";

export const DEFAULT_E2B_API_URL = "https://api.e2b.app";

/**
 * A typed client for E2B's webhook and events API (PROTOCOL.md section 6).
 * Every method resolves to a result; none throws.
 *
 * @example
 * const api = new E2bApi({ apiKey, baseUrl: DEFAULT_E2B_API_URL, timeoutMs: 10_000 });
 * const listed = await api.listWebhooks();
 * if (!listed.ok) console.error(listed.error.message);
 */
export class E2bApi {
  readonly #http: HttpOptions;

  constructor(options: HttpOptions) {
    if (!options.apiKey) throw new TypeError("E2bApi needs an API key");
    this.#http = options;
  }

  get baseUrl(): string {
    return this.#http.baseUrl;
  }

  createWebhook(webhook: NewWebhook): Promise<ApiResult<Webhook>> {
    return callE2b(this.#http, {
      method: "POST",
      path: "/events/webhooks",
      body: webhook,
      schema: webhookSchema,
    });
  }

  /** All of the team's webhooks; E2B's 404 for "none" becomes `[]`. */
  async listWebhooks(): Promise<ApiResult<Webhook[]>> {
    const listed = await callE2b(this.#http, {
      method: "GET",
      path: "/events/webhooks",
      schema: webhookListSchema,
    });
    if (!listed.ok && listed.error.reason === "not_found") return success([]);

    return listed;
  }

  getWebhook(id: string): Promise<ApiResult<Webhook>> {
    return callE2b(this.#http, {
      method: "GET",
      path: webhookPath(id),
      schema: webhookSchema,
    });
  }

  updateWebhook(
    id: string,
    changes: WebhookChanges,
  ): Promise<ApiResult<Webhook>> {
    return callE2b(this.#http, {
      method: "PATCH",
      path: webhookPath(id),
      body: changes,
      schema: webhookSchema,
    });
  }

  deleteWebhook(id: string): Promise<ApiResult<void>> {
    return callE2b<void>(this.#http, {
      method: "DELETE",
      path: webhookPath(id),
      schema: null,
    });
  }

  listDeliveries(
    id: string,
    query: DeliveriesQuery = {},
  ): Promise<ApiResult<DeliveriesPage>> {
    return callE2b(this.#http, {
      method: "GET",
      path: `${webhookPath(id)}/deliveries`,
      query: { ...query },
      schema: deliveriesPageSchema,
    });
  }

  /** One page of lifecycle events, as raw camelCase records. */
  listSandboxEvents(
    query: EventsQuery = {},
  ): Promise<ApiResult<EventRecord[]>> {
    const { sandboxId, ...rest } = query;
    const path = sandboxId
      ? `/events/sandboxes/${encodeURIComponent(sandboxId)}`
      : "/events/sandboxes";
    return callE2b(this.#http, {
      method: "GET",
      path,
      query: { ...rest },
      schema: eventsPageSchema,
    });
  }
}

function webhookPath(id: string): string {
  return `/events/webhooks/${encodeURIComponent(id)}`;
}
