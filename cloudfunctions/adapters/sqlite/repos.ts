// The repositories on one better-sqlite3 connection, one file per port. Every write names one row
// by its key, as the CloudBase adapter must; statements are prepared once per connection.
import type Database from 'better-sqlite3'
import type { Repos } from '../../core/ports'
import { createActivityRepo } from './activities'
import { createCareRepo } from './care'
import { createGridTaskRepo } from './grid-tasks'
import { createHouseholdRepo } from './households'
import { createIdempotencyRepo } from './idempotency'
import { createIdentityRepo } from './identity'
import { createInboxRepo } from './inbox'
import { createMallRepo } from './mall'
import { createOrderRepo } from './orders'
import { createPhotoCheckRepo } from './photo-checks'
import { createPlaceRepo } from './places'
import { createPointsRepo } from './points'
import { createReferralRepo } from './referrals'
import { statementCache } from './sql'
import { createSubscriptionRepo } from './subscriptions'
import { createUserRepo } from './users'
import { createWorkbenchRepo } from './workbench'

export function createRepos(db: Database.Database): Repos {
  const q = statementCache(db)
  return {
    users: createUserRepo(q),
    places: createPlaceRepo(q),
    orders: createOrderRepo(q),
    points: createPointsRepo(q),
    mall: createMallRepo(q),
    activities: createActivityRepo(q),
    inbox: createInboxRepo(q),
    referrals: createReferralRepo(q),
    households: createHouseholdRepo(q),
    care: createCareRepo(q),
    gridTasks: createGridTaskRepo(q),
    workbench: createWorkbenchRepo(q),
    idempotency: createIdempotencyRepo(q),
    identity: createIdentityRepo(q),
    subscriptions: createSubscriptionRepo(q),
    photoChecks: createPhotoCheckRepo(q),
  }
}
