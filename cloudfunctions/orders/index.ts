// The `orders` cloud function: every action of REGISTRY.orders, the caller identified by the platform's OPENID.
import { cloudEntry } from '../compose-cloud'

export const main = cloudEntry('orders')
