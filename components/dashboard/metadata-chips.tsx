const SHOWN = 3;

/** A sandbox's metadata as `key=value` chips; the rest on hover. */
export function MetadataChips({
  metadata,
}: {
  metadata: Record<string, string>;
}) {
  const entries = Object.entries(metadata);
  if (entries.length === 0) return <span className="muted">—</span>;

  const hidden = entries.slice(SHOWN);
  return (
    <span className="chips">
      {entries.slice(0, SHOWN).map(([key, value]) => (
        <span className="chip" key={key} title={`${key}=${value}`}>
          <span className="chip__key">{key}</span>
          {value}
        </span>
      ))}
      {hidden.length > 0 ? (
        <span
          className="chip chip--more"
          title={hidden.map(([k, v]) => `${k}=${v}`).join("\n")}
        >
          +{hidden.length}
        </span>
      ) : null}
    </span>
  );
}
