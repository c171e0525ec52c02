// Request ids: one per user intent, so a retried tap never runs an action twice on the server.
export function newRequestId(): string {
  const rand = () => Math.floor(Math.random() * 0x100000000).toString(36)
  return `r${Date.now().toString(36)}${rand()}${rand()}`.slice(0, 40)
}
