import { z } from "zod";

// Loose objects: E2B adds fields over time, and `--json` output should show
// them rather than silently drop them.

/** A registered webhook as E2B returns it; the secret is never returned. */
export const webhookSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  enabled: z.boolean(),
  events: z.array(z.string()),
  createdAt: z.string().optional(),
  teamId: z.string().optional(),
});

export const webhookListSchema = z.array(webhookSchema);

/** One delivery attempt E2B made to a webhook. */
export const deliveryAttemptSchema = z.looseObject({
  eventId: z.string().nullish(),
  eventType: z.string().nullish(),
  sandboxId: z.string().nullish(),
  status: z.string().nullish(),
  durationMs: z.number().nullish(),
  responseHttpStatusCode: z.number().nullish(),
  errorClass: z.string().nullish(),
  errorMessage: z.string().nullish(),
  timestamp: z.string().nullish(),
});

export const deliveriesPageSchema = z.object({
  data: z.array(deliveryAttemptSchema),
  nextCursor: z.string().nullish(),
});

/**
 * A page of the events API: camelCase records (PROTOCOL.md section 2b). Each
 * record is validated later by the receiver's own normaliser, one at a time,
 * so one odd record cannot cost the rest of the page.
 */
export const eventsPageSchema = z.array(z.record(z.string(), z.unknown()));

export const e2bErrorSchema = z.object({
  code: z.number(),
  message: z.string(),
});

export type Webhook = z.infer<typeof webhookSchema>;
export type DeliveryAttempt = z.infer<typeof deliveryAttemptSchema>;
export type DeliveriesPage = z.infer<typeof deliveriesPageSchema>;
export type EventRecord = z.infer<typeof eventsPageSchema>[number];
export type E2bError = z.infer<typeof e2bErrorSchema>;
