"use client";

import type { DashboardSnapshot } from "@/lib/observability/dashboard-snapshot";
import { TopBar } from "../admin/top-bar";
import { Counters } from "./counters";
import { DeliveryTable } from "./delivery-table";
import { EmptyState } from "./empty-state";
import { LiveIndicator } from "./live-indicator";
import { Notices } from "./notices";
import { SandboxTable } from "./sandbox-table";
import { SignOutButton } from "./sign-out-button";
import { useLiveSnapshot } from "./use-live-snapshot";
import { useNow } from "./use-now";

export interface DashboardProps {
  initial: DashboardSnapshot;
  /** The server's clock when it rendered `initial`. */
  renderedAt: number;
  /** This receiver's webhook URL, for the first-delivery instructions. */
  webhookUrl: string;
}

/** The signed-in dashboard: counters, sandboxes and deliveries, live. */
export function Dashboard({ initial, renderedAt, webhookUrl }: DashboardProps) {
  const { snapshot, status } = useLiveSnapshot(initial);
  const now = useNow(renderedAt);
  const empty =
    snapshot.sandboxes.length === 0 && snapshot.deliveries.length === 0;

  return (
    <>
      <TopBar>
        <LiveIndicator status={status} />
        <SignOutButton />
      </TopBar>
      <main className="page">
        <Notices snapshot={snapshot} status={status} />
        <Counters snapshot={snapshot} now={now} />
        {empty ? (
          <EmptyState webhookUrl={webhookUrl} />
        ) : (
          <>
            <SandboxTable
              sandboxes={snapshot.sandboxes}
              total={snapshot.sandboxCount.total}
              now={now}
            />
            <DeliveryTable
              deliveries={snapshot.deliveries}
              logSize={snapshot.receiver.deliveryLogSize}
              now={now}
            />
          </>
        )}
      </main>
    </>
  );
}
