import { headers } from "next/headers";
import { AdminDisabled } from "@/components/admin/admin-disabled";
import {
  SignInForm,
  type SignInProblem,
} from "@/components/admin/sign-in-form";
import {
  Dashboard,
  type DashboardProps,
} from "@/components/dashboard/dashboard";
import { StoreUnavailable } from "@/components/dashboard/store-unavailable";
import { authorizeAdmin } from "@/lib/admin/authorize";
import { publicOrigin } from "@/lib/admin/public-origin";
import { loadSnapshot } from "@/lib/observability/dashboard-snapshot";
import { getRuntime, type Runtime } from "@/lib/runtime";
import type { HeaderReader } from "@/lib/signature/verify";

// The page shows live state: it must be rendered per request, never at build.
export const dynamic = "force-dynamic";

interface HomeProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The dashboard, the sign-in form, or how to turn the dashboard on. */
export default async function Home({ searchParams }: HomeProps) {
  const runtime = getRuntime();
  const adminToken = runtime.config.adminToken;
  if (adminToken === null) return <AdminDisabled />;

  const requestHeaders = await headers();
  const access = authorizeAdmin(requestHeaders, adminToken);
  if (!access.ok) {
    return <SignInForm problem={signInProblem(await searchParams)} />;
  }

  const props = await dashboardProps(runtime, requestHeaders).catch(
    (error: unknown) => {
      runtime.logger.warn({ err: error }, "dashboard: registry unavailable");
      return null;
    },
  );
  return props ? <Dashboard {...props} /> : <StoreUnavailable />;
}

async function dashboardProps(
  runtime: Runtime,
  requestHeaders: HeaderReader,
): Promise<DashboardProps> {
  const initial = await loadSnapshot(runtime);
  return {
    initial,
    renderedAt: Date.now(),
    webhookUrl: `${publicOrigin(requestHeaders)}/api/webhooks/e2b`,
  };
}

function signInProblem(
  params: Record<string, string | string[] | undefined>,
): SignInProblem {
  const problem = params["sign-in"];
  return problem === "failed" || problem === "invalid" ? problem : null;
}
