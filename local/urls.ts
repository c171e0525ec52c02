// Where a phone on the same network can open the gateway: printed at start when it listens beyond loopback.
import os from 'node:os'

const LOOPBACK = /^(localhost|127\.|::1$|::ffff:127\.)/

/** LAN URLs for a gateway bound to `host` (undefined, 0.0.0.0 or :: = every interface); none on loopback. */
export function lanUrls(host: string | undefined, port: number): string[] {
  if (host && LOOPBACK.test(host)) return []
  if (host && host !== '0.0.0.0' && host !== '::') return [`http://${host.includes(':') ? `[${host}]` : host}:${port}/`]
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((a) => a && a.family === 'IPv4' && !a.internal)
    .map((a) => `http://${a?.address}:${port}/`)
}
