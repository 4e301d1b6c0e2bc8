/** What `POST /events/webhooks` takes. */
export interface NewWebhook {
  name: string;
  url: string;
  events: string[];
  signatureSecret: string;
  enabled?: boolean;
}

export type WebhookChanges = Partial<NewWebhook>;

export interface DeliveriesQuery {
  cursor?: string;
  /** 1 to 100. */
  limit?: number;
  /** Oldest first. E2B does not document the default: send it. */
  orderAsc?: boolean;
  start?: string;
  end?: string;
  deliveryStatus?: string;
  eventType?: string;
}

export interface EventsQuery {
  offset?: number;
  /** 1 to 100; E2B's default is 10. */
  limit?: number;
  /** Oldest first; E2B's default is newest first. */
  orderAsc?: boolean;
  types?: string[];
  /** One sandbox's events instead of the whole team's. */
  sandboxId?: string;
}
