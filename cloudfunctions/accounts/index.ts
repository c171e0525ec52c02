// The `accounts` cloud function: every action of REGISTRY.accounts, the caller identified by the platform's OPENID.
import { cloudEntry } from '../compose-cloud'

export const main = cloudEntry('accounts')
