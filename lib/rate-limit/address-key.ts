import { isIP } from "node:net";

const MAPPED_IPV4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i;

/**
 * The rate-limit key of a client address: the IPv4 address, or the /64 of
 * an IPv6 one (a single host usually holds a whole /64, and could otherwise
 * rotate through it to dodge the limit).
 */
export function addressKey(address: string | null): string {
  if (address === null) return "unknown";

  const mapped = MAPPED_IPV4.exec(address)?.[1];
  if (mapped) return mapped;
  const bare = address.split("%")[0] ?? address;
  if (isIP(bare) !== 6) return bare;

  const [head = "", tail] = bare.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const zeros = tail === undefined ? [] : Array(8 - left.length - right.length);
  const groups = [...left, ...zeros.fill("0"), ...right].slice(0, 4);
  return `${groups.map((g) => Number.parseInt(g, 16).toString(16)).join(":")}::/64`;
}
