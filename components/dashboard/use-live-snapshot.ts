"use client";

import { useEffect, useState } from "react";
import type { DashboardSnapshot } from "@/lib/observability/dashboard-snapshot";

export type LiveStatus =
  "connecting" | "live" | "reconnecting" | "unavailable" | "closed";

/**
 * The dashboard's data, kept current by the server-sent events of
 * `/api/events`. The browser sends the session cookie itself; EventSource
 * reconnects on its own and gives up (`closed`) when refused, for example
 * once the session has expired.
 */
export function useLiveSnapshot(initial: DashboardSnapshot): {
  snapshot: DashboardSnapshot;
  status: LiveStatus;
} {
  const [snapshot, setSnapshot] = useState(initial);
  const [status, setStatus] = useState<LiveStatus>("connecting");

  useEffect(() => {
    const source = new EventSource("/api/events");
    source.addEventListener("snapshot", (event) => {
      setSnapshot(JSON.parse(event.data) as DashboardSnapshot);
      setStatus("live");
    });
    source.addEventListener("unavailable", () => setStatus("unavailable"));
    source.onerror = () => {
      const closed = source.readyState === EventSource.CLOSED;
      setStatus(closed ? "closed" : "reconnecting");
    };
    return () => source.close();
  }, []);

  return { snapshot, status };
}
