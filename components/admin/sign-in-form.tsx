import { TopBar } from "./top-bar";

export type SignInProblem = "failed" | "invalid" | null;

const MESSAGES: Record<Exclude<SignInProblem, null>, string> = {
  failed:
    "That is not the admin token. Check WEBHOOK_ADMIN_TOKEN and try again.",
  invalid: "Enter the admin token to sign in.",
};

/**
 * A plain HTML form: the browser posts the token to `/api/session`, which
 * answers with the session cookie. No script on this page sees the token.
 */
export function SignInForm({ problem }: { problem: SignInProblem }) {
  return (
    <>
      <TopBar />
      <main className="page page--narrow">
        <form className="card sign-in" method="post" action="/api/session">
          <h1>Sign in</h1>
          <p className="muted">
            The dashboard shows the sandboxes this receiver knows and the
            deliveries it answered. Enter the admin token set in{" "}
            <code>WEBHOOK_ADMIN_TOKEN</code>.
          </p>
          {problem ? (
            <p className="notice notice--error" role="alert">
              {MESSAGES[problem]}
            </p>
          ) : null}
          <label className="field">
            <span>Admin token</span>
            <input
              type="password"
              name="token"
              autoComplete="current-password"
              required
              autoFocus
            />
          </label>
          <button className="button button--primary" type="submit">
            Sign in
          </button>
          <p className="fine-print">
            Signing in sets an httpOnly cookie for 12 hours. Scripts can use{" "}
            <code>Authorization: Bearer &lt;token&gt;</code> instead.
          </p>
        </form>
      </main>
    </>
  );
}
