"use client";

import { useEffect, useState } from "react";

/**
 * The current time, refreshed every `intervalMs`. Starts at the server's
 * render time so the first client render matches the server's HTML.
 */
export function useNow(initialMs: number, intervalMs = 1000): number {
  const [now, setNow] = useState(initialMs);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
