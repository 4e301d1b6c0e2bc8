import type { Answer } from "@/lib/client/send-delivery";
import type { StreamEvent } from "./load-stream";

/** Every answer each event got, by event id. */
export class AnswerBook {
  readonly #answers = new Map<string, Answer[]>();

  add(event: StreamEvent, ...answers: Answer[]): void {
    const list = this.#answers.get(event.eventId) ?? [];
    list.push(...answers);
    this.#answers.set(event.eventId, list);
  }

  all(): Answer[] {
    return [...this.#answers.values()].flat();
  }

  of(eventId: string): Answer[] {
    return this.#answers.get(eventId) ?? [];
  }

  /**
   * Events not taken exactly once: more than one `applied` answer, or other
   * than exactly one answer that is not `duplicate` (the one that took it),
   * or none with a 2xx at all.
   */
  notTakenOnce(events: StreamEvent[]): string[] {
    return events.flatMap((event) => {
      const taken = this.of(event.eventId).filter(
        (a) => a.reachable && a.status === 200,
      );
      const applied = taken.filter(
        (a) => a.reachable && a.outcome === "applied",
      );
      const first = taken.filter(
        (a) => a.reachable && a.outcome !== "duplicate",
      );
      return applied.length > 1 || first.length !== 1
        ? [`${event.eventId}: ${taken.map((a) => a.reachable && a.outcome)}`]
        : [];
    });
  }
}

export function isServerError(answer: Answer): boolean {
  return answer.reachable && answer.status >= 500;
}
