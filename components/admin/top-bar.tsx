import Link from "next/link";
import type { ReactNode } from "react";

/** The header every page shares: the product's name, then page actions. */
export function TopBar({ children }: { children?: ReactNode }) {
  return (
    <header className="top-bar">
      <div className="top-bar__inner">
        <Link className="brand" href="/">
          <svg className="brand__mark" viewBox="0 0 24 24" aria-hidden="true">
            <rect width="24" height="24" rx="6" />
            <path d="M7 12h3l2-4 2 8 2-4h1" />
          </svg>
          <span className="brand__name">
            E2B webhook<span className="brand__tail"> receiver</span>
          </span>
        </Link>
        <div className="top-bar__actions">{children}</div>
      </div>
    </header>
  );
}
