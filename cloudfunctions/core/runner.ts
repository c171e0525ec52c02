// Runs use-case steps the one way the edge and the scheduler share: a write step in its transaction,
// its effects (pushes) once that has committed, and an effect that fails logged, never thrown.
import type { Ctx, Deps, UnitOfWork } from './ports'

export interface Runtime {
  uow: UnitOfWork
  deps: Deps
  /** Logs unexpected errors; nothing of them leaves in the envelope. */
  log?: (message: string, error: unknown) => void
}

export type Step<T> = (ctx: Ctx) => Promise<T>

/**
 * Runs `step` in one write transaction, then its queued effects. The adapter may run the step again
 * after a write conflict, so each attempt starts with no effects; if the transaction fails, none run.
 */
export async function runWrite<T>({ uow, deps, log }: Runtime, step: Step<T>): Promise<T> {
  let effects: Array<() => Promise<void>> = []
  const out = await uow.write((repos) => {
    effects = []
    return step({ ...deps, repos, after: (effect) => effects.push(effect) })
  })
  // the step has committed: a failed effect (a push the inbox already holds) cannot undo it, so it is logged, not thrown
  for (const effect of effects) await effect().catch((e) => log?.('after-commit effect failed', e))
  return out
}

/** Runs `step` against committed data; it may not queue effects. */
export function runRead<T>({ uow, deps }: Runtime, step: Step<T>): Promise<T> {
  return uow.read((repos) => step({ ...deps, repos, after: noEffects }))
}

const noEffects = () => {
  throw new Error('read-only actions cannot queue effects')
}
