// The `activities` cloud function: every action of REGISTRY.activities, the caller identified by the platform's OPENID.
import { cloudEntry } from '../compose-cloud'

export const main = cloudEntry('activities')
