export interface ServerSentEvent {
  event: string;
  data: string;
}

/**
 * Reads server-sent events from a stream until `wanted` accepts one, and
 * returns it; `null` when the stream ends first. Comment lines are skipped.
 */
export async function nextEvent(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  wanted: (event: ServerSentEvent) => boolean = () => true,
  buffer = { text: "" },
): Promise<ServerSentEvent | null> {
  const decoder = new TextDecoder();
  for (;;) {
    const end = buffer.text.indexOf("\n\n");
    if (end >= 0) {
      const block = buffer.text.slice(0, end);
      buffer.text = buffer.text.slice(end + 2);
      const event = parseBlock(block);
      if (event && wanted(event)) return event;
      continue;
    }

    const { done, value } = await reader.read();
    if (done) return null;
    buffer.text += decoder.decode(value, { stream: true });
  }
}

function parseBlock(block: string): ServerSentEvent | null {
  let event = "message";
  const data: string[] = [];
  for (const line of block.split("\n")) {
    if (line.startsWith("event: ")) event = line.slice(7);
    else if (line.startsWith("data: ")) data.push(line.slice(6));
  }
  return data.length > 0 ? { event, data: data.join("\n") } : null;
}
