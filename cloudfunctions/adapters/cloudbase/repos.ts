// The repositories over one CloudBase scope (a transaction, or committed reads), one file per port,
// with the SQLite adapter's semantics: every write names one document by a known _id; versioned
// records check `version - 1`; uniqueness is the _id itself.
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
import type { Scope } from './scope'
import { createSubscriptionRepo } from './subscriptions'
import { createUserRepo } from './users'
import { createWorkbenchRepo } from './workbench'

export function createRepos(scope: Scope): Repos {
  return {
    users: createUserRepo(scope),
    places: createPlaceRepo(scope),
    orders: createOrderRepo(scope),
    points: createPointsRepo(scope),
    mall: createMallRepo(scope),
    activities: createActivityRepo(scope),
    inbox: createInboxRepo(scope),
    referrals: createReferralRepo(scope),
    households: createHouseholdRepo(scope),
    care: createCareRepo(scope),
    gridTasks: createGridTaskRepo(scope),
    workbench: createWorkbenchRepo(scope),
    idempotency: createIdempotencyRepo(scope),
    identity: createIdentityRepo(scope),
    subscriptions: createSubscriptionRepo(scope),
    photoChecks: createPhotoCheckRepo(scope),
  }
}
