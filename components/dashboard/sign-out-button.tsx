"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

/**
 * Ends the session (the server clears the cookie), then renders the page
 * again, which now shows the sign-in form.
 */
export function SignOutButton() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const signOut = async () => {
    setBusy(true);
    await fetch("/api/session", { method: "DELETE" }).catch(() => null);
    router.refresh();
  };

  return (
    <button
      className="button button--ghost"
      type="button"
      onClick={signOut}
      disabled={busy}
    >
      Sign out
    </button>
  );
}
