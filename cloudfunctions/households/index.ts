// The `households` cloud function: every action of REGISTRY.households (一户一档, 走访 and 该走访了),
// the caller identified by the platform's OPENID.
import { cloudEntry } from '../compose-cloud'

export const main = cloudEntry('households')
