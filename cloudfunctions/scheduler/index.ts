// The `scheduler` cloud function: its timer trigger (config.json) runs the tick every minute.
// A call with a user's OPENID is refused: only the platform's timer may run it.
import { schedulerEntry } from '../compose-cloud'
import { tick } from '../core/usecases/scheduler/tick'

export const main = schedulerEntry(tick)
