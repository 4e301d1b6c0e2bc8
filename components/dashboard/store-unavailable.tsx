import { TopBar } from "../admin/top-bar";

/** What `/` shows while the registry's store (Redis) cannot be read. */
export function StoreUnavailable() {
  return (
    <>
      <TopBar />
      <main className="page page--narrow">
        <section className="card setup" role="alert">
          <h1>The registry is unavailable</h1>
          <p>
            This receiver cannot reach its store (Redis, from{" "}
            <code>REDIS_URL</code>) right now. Deliveries are answered with{" "}
            <code>503 unavailable</code> so that E2B retries them, and{" "}
            <code>/api/health</code> reports the outage.
          </p>
          <p>
            The receiver reconnects by itself: reload this page once the store
            is back. The server log (<code>[e2b-webhook]</code> lines) says what
            failed.
          </p>
        </section>
      </main>
    </>
  );
}
