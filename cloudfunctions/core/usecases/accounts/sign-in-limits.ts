// How many failed sign-ins one account, and one client address, may make in a window (DESIGN.md §9:
// failures are counted, never successes). Both compositions read this; the door's use cases count.
export const SIGN_IN_LIMITS = {
  account: { maxFailures: 5, windowMs: 15 * 60_000 },
  address: { maxFailures: 30, windowMs: 15 * 60_000 },
}
