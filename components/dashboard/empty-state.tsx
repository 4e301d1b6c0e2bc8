/** Shown until the first delivery: how to send one. */
export function EmptyState({ webhookUrl }: { webhookUrl: string }) {
  return (
    <section className="card empty" aria-labelledby="empty-title">
      <div className="empty__pulse" aria-hidden="true" />
      <h2 id="empty-title">Waiting for the first delivery</h2>
      <p className="muted">
        Nothing has reached <code>{webhookUrl}</code> since the server started.
        This page updates by itself when something does.
      </p>
      <ol className="steps">
        <li>
          Send signed test events (the secret comes from{" "}
          <code>E2B_WEBHOOK_SECRET</code> or <code>.env.local</code>; under
          Docker, pass the one in <code>.env.docker</code>):
          <pre>
            <code>
              {`pnpm tsx test-e2b-webhook.ts --url ${webhookUrl}\n`}
              {"# Docker: add --secret <E2B_WEBHOOK_SECRET from .env.docker>"}
            </code>
          </pre>
        </li>
        <li>
          Or register this URL as a webhook in E2B with the same secret, then
          start a sandbox.
        </li>
      </ol>
    </section>
  );
}
