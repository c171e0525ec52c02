// The `points` cloud function: every action of REGISTRY.points, the caller identified by the platform's OPENID.
import { cloudEntry } from '../compose-cloud'

export const main = cloudEntry('points')
