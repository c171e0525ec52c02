// The `mall` cloud function: every action of REGISTRY.mall, the caller identified by the platform's OPENID.
import { cloudEntry } from '../compose-cloud'

export const main = cloudEntry('mall')
