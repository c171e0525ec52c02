// Whose address a request comes from, for counting failed sign-ins per address. Behind a reverse proxy
// every request comes from the proxy: TRUST_PROXY=N says N proxies in front append to X-Forwarded-For,
// so the client is the address N hops back from the socket. Never more than that is believed: a client
// may send any X-Forwarded-For it likes, and only what the trusted proxies appended is theirs.
import type http from 'node:http'

/** TRUST_PROXY as a number of hops: unset, empty, 0 or false → 0; true → 1; a count → that count. */
export function trustedHops(value: string | undefined): number {
  if (!value || value === 'false') return 0
  if (value === 'true') return 1
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0 || n > 10) throw new Error(`TRUST_PROXY should be a number of proxies (0–10), not "${value}"`)
  return n
}

export function clientAddress(req: http.IncomingMessage, hops: number): string {
  const socket = normalize(req.socket.remoteAddress ?? 'unknown')
  if (hops === 0) return socket
  const header = req.headers['x-forwarded-for']
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean)
  const chain = [...forwarded.map(normalize), socket]
  // the client is `hops` entries back from the socket; a shorter chain than promised: the earliest there is
  return chain[Math.max(0, chain.length - 1 - hops)]
}

/** IPv4 as IPv6 ("::ffff:10.0.0.1") is the same address as "10.0.0.1". */
const normalize = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '')
