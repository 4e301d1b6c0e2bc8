import { TopBar } from "./top-bar";

/** What `/` shows while no admin token is configured. */
export function AdminDisabled() {
  return (
    <>
      <TopBar />
      <main className="page page--narrow">
        <section className="card setup">
          <h1>The dashboard is off</h1>
          <p>
            This receiver is taking E2B deliveries at{" "}
            <code>POST /api/webhooks/e2b</code>, but its read side (this
            dashboard, <code>/api/sandboxes</code>, <code>/api/deliveries</code>{" "}
            and <code>/api/metrics</code>) stays off until you give it an admin
            token.
          </p>
          <h2>Turn it on</h2>
          <ol className="steps">
            <li>
              Generate a long random token:
              <pre>
                <code>openssl rand -hex 32</code>
              </pre>
            </li>
            <li>
              Set it in <code>.env.local</code>, or in <code>.env.docker</code>{" "}
              under Docker (or in the server&apos;s environment):
              <pre>
                <code>WEBHOOK_ADMIN_TOKEN=&lt;the token&gt;</code>
              </pre>
            </li>
            <li>
              Restart the server (under Docker:{" "}
              <code>docker compose up -d</code>, which recreates the container
              with the new file), reload this page and sign in with it.
            </li>
          </ol>
          <p className="fine-print">
            Keep the token private: it opens the dashboard and the read API.
            Changing it signs everyone out.
          </p>
        </section>
      </main>
    </>
  );
}
