/** IPv4 ranges no webhook may reach: this network, private, loopback, link-local (cloud metadata), CGNAT, multicast and reserved. */
const BLOCKED_V4: [number, number][] = [
  [0x00000000, 8], // 0.0.0.0/8, "this network"
  [0x0a000000, 8], // 10.0.0.0/8, private
  [0x64400000, 10], // 100.64.0.0/10, carrier-grade NAT
  [0x7f000000, 8], // 127.0.0.0/8, loopback
  [0xa9fe0000, 16], // 169.254.0.0/16, link-local, where cloud metadata services answer
  [0xac100000, 12], // 172.16.0.0/12, private
  [0xc0000000, 24], // 192.0.0.0/24, IETF protocol assignments
  [0xc0a80000, 16], // 192.168.0.0/16, private
  [0xc6120000, 15], // 198.18.0.0/15, benchmarking
  [0xe0000000, 3], // 224.0.0.0/3, multicast and reserved, broadcast included
];

/** Host names that always mean this machine or a metadata service, whatever DNS says. */
const BLOCKED_NAMES =
  /^(localhost|metadata|metadata\.google\.internal|instance-data)$|\.(localhost|local|internal|home\.arpa)$/;

/** An IPv4 address as a number, or undefined when `host` is not one in dotted-quad form. */
const ipv4 = (host: string): number | undefined => {
  const parts = host.split('.');
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) < 256)) return undefined;
  return parts.reduce((value, part) => value * 256 + Number(part), 0);
};

const inBlockedV4 = (address: number) =>
  BLOCKED_V4.some(([base, bits]) => Math.floor(address / 2 ** (32 - bits)) === Math.floor(base / 2 ** (32 - bits)));

/** Whether an IPv6 literal (without brackets) is loopback, unspecified, link-local, unique-local, multicast or an IPv4 one in disguise. */
const blockedV6 = (host: string): boolean => {
  const address = host.toLowerCase();
  if (address === '::' || address === '::1') return true;
  // IPv4-mapped or -compatible (::ffff:10.0.0.1, ::ffff:a00:1): judged as the IPv4 address they carry.
  const mapped = /^::(?:ffff:)?(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/.exec(address);
  if (mapped) {
    const v4 = mapped[1] ? ipv4(mapped[1]) : Number.parseInt(mapped[2]!, 16) * 65536 + Number.parseInt(mapped[3]!, 16);
    return v4 === undefined || inBlockedV4(v4);
  }
  const first = Number.parseInt(address.split(':')[0] || '0', 16);
  // fe80::/10 link-local, fc00::/7 unique local, ff00::/8 multicast, 64:ff9b::/96 NAT64 (may reach private IPv4).
  return (
    (first & 0xffc0) === 0xfe80 ||
    (first & 0xfe00) === 0xfc00 ||
    (first & 0xff00) === 0xff00 ||
    address.startsWith('64:ff9b:')
  );
};

/** Whether `host` (a URL's hostname) names this machine: `localhost`, 127.0.0.0/8 or `[::1]`. */
export const isLoopback = (host: string): boolean => {
  const bare = host.replace(/^\[|\]$/g, '');
  const v4 = ipv4(bare);
  return bare === 'localhost' || bare === '::1' || (v4 !== undefined && v4 >>> 24 === 127);
};

/**
 * Why a webhook may not be sent to `raw`, or undefined when it may: it must be `https` (plain `http` only to
 * loopback, and loopback only when `allowLoopback`, which local development turns on), carry no credentials, and
 * name no private, loopback, link-local, metadata or reserved address. A name is judged as written: on Cloudflare,
 * a worker's `fetch` cannot reach private networks whatever a name resolves to.
 */
export const unsafeUrl = (raw: string, allowLoopback: boolean): string | undefined => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be an absolute URL';
  }
  // The URL parser writes every IPv4 form (decimal 2130706433, hex 0x7f.1, octal 0177.1) as a dotted quad.
  const host = url.hostname.toLowerCase();
  if (url.username || url.password) return 'must not carry credentials';
  if (allowLoopback && isLoopback(host))
    return url.protocol === 'https:' || url.protocol === 'http:' ? undefined : 'must be https';
  if (url.protocol !== 'https:') return 'must be https';
  if (isLoopback(host)) return 'must not be a loopback address';
  const bare = host.replace(/^\[|\]$/g, '');
  const v4 = ipv4(bare);
  if (v4 !== undefined ? inBlockedV4(v4) : bare.includes(':') ? blockedV6(bare) : BLOCKED_NAMES.test(bare))
    return 'must not be a private, link-local, metadata or reserved address';
  return undefined;
};
