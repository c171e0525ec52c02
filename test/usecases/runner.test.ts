// The runner the edge and the scheduler share: effects after the commit only, once per committed
// attempt, and a failing effect logged, never thrown. A scripted unit of work stands in for the
// adapters so a commit, a rollback and a retry can each be made to happen.
import type { Deps, Repos, UnitOfWork } from '../../cloudfunctions/core/ports'
import { runRead, runWrite } from '../../cloudfunctions/core/runner'

const deps = { clock: { now: () => 0 } } as Deps

/** Runs the transaction `attempts` times (a conflict retried by the adapter), logging the commit. */
function scriptedUow(journal: string[], attempts = 1): UnitOfWork {
  const repos = {} as Repos
  return {
    async write(fn) {
      let out = await fn(repos)
      for (let i = 1; i < attempts; i++) {
        journal.push('conflict')
        out = await fn(repos)
      }
      journal.push('commit')
      return out
    },
    read: (fn) => fn(repos),
  }
}

describe('runWrite', () => {
  it('runs effects after the transaction commits, in the order queued', async () => {
    const journal: string[] = []
    const out = await runWrite({ uow: scriptedUow(journal), deps }, async (ctx) => {
      journal.push('step')
      ctx.after(async () => void journal.push('push 1'))
      ctx.after(async () => void journal.push('push 2'))
      return 42
    })
    expect(out).toBe(42)
    expect(journal).toEqual(['step', 'commit', 'push 1', 'push 2'])
  })

  it('runs no effect when the transaction fails', async () => {
    const journal: string[] = []
    const failing = runWrite({ uow: scriptedUow(journal), deps }, async (ctx) => {
      ctx.after(async () => void journal.push('push'))
      throw new Error('refused')
    })
    await expect(failing).rejects.toThrow('refused')
    expect(journal).toEqual([])
  })

  it('queues effects afresh on a retried transaction: the committed attempt’s, once', async () => {
    const journal: string[] = []
    let attempt = 0
    await runWrite({ uow: scriptedUow(journal, 2), deps }, async (ctx) => {
      const n = ++attempt
      ctx.after(async () => void journal.push(`push from attempt ${n}`))
    })
    expect(journal).toEqual(['conflict', 'commit', 'push from attempt 2'])
  })

  it('logs a failing effect and goes on with the rest, without throwing', async () => {
    const journal: string[] = []
    const log = jest.fn()
    const boom = new Error('subscribe message refused')
    const out = await runWrite({ uow: scriptedUow(journal), deps, log }, async (ctx) => {
      ctx.after(async () => {
        throw boom
      })
      ctx.after(async () => void journal.push('push 2'))
      return 'saved'
    })
    expect(out).toBe('saved')
    expect(journal).toEqual(['commit', 'push 2'])
    expect(log).toHaveBeenCalledWith('after-commit effect failed', boom)
  })
})

describe('runRead', () => {
  it('refuses to queue an effect', async () => {
    const read = runRead({ uow: scriptedUow([]), deps }, async (ctx) => ctx.after(async () => undefined))
    await expect(read).rejects.toThrow('read-only actions cannot queue effects')
  })
})
