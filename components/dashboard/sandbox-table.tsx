import type { Sandbox } from "@/lib/registry/sandbox";
import { shortType } from "./format";
import { MetadataChips } from "./metadata-chips";
import { orMissing } from "./or-missing";
import { TimeAgo } from "./time-ago";

interface SandboxTableProps {
  sandboxes: Sandbox[];
  total: number;
  now: number;
}

/** Live sandboxes, most recent activity first. */
export function SandboxTable({ sandboxes, total, now }: SandboxTableProps) {
  return (
    <section className="card" aria-labelledby="sandboxes-title">
      <header className="card__header">
        <h2 id="sandboxes-title">
          Sandboxes <span className="count">{total}</span>
        </h2>
        {total > sandboxes.length ? (
          <span className="muted">
            showing the {sandboxes.length} most recently active
          </span>
        ) : null}
      </header>
      {sandboxes.length === 0 ? (
        <p className="table-empty">
          No live sandboxes. Killed sandboxes leave the registry.
        </p>
      ) : (
        <table className="table" data-testid="sandboxes">
          <thead>
            <tr>
              <th>Sandbox</th>
              <th>State</th>
              <th>Template</th>
              <th>Started</th>
              <th>Last event</th>
              <th>Ends</th>
              <th>Metadata</th>
            </tr>
          </thead>
          <tbody>
            {sandboxes.map((sandbox) => (
              <SandboxRow key={sandbox.sandboxId} sandbox={sandbox} now={now} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function SandboxRow({ sandbox, now }: { sandbox: Sandbox; now: number }) {
  return (
    <tr data-sandbox-id={sandbox.sandboxId}>
      <td data-label="Sandbox" className="mono strong">
        {sandbox.sandboxId}
      </td>
      <td data-label="State">
        <span className={`state state--${sandbox.state}`}>{sandbox.state}</span>
      </td>
      <td data-label="Template" className="mono">
        {orMissing(sandbox.templateId)}
      </td>
      <td data-label="Started">
        <TimeAgo iso={sandbox.createdAt} now={now} />
      </td>
      <td data-label="Last event">
        {sandbox.lastEventType ? (
          <span className="event-type">
            {shortType(sandbox.lastEventType)}{" "}
          </span>
        ) : null}
        <TimeAgo iso={sandbox.lastEventAt} now={now} />
      </td>
      <td data-label="Ends">
        <TimeAgo iso={sandbox.endAt} now={now} />
      </td>
      <td data-label="Metadata">
        <MetadataChips metadata={sandbox.metadata} />
      </td>
    </tr>
  );
}
