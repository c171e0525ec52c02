// Model-based test (fast-check) of 网格台账: random sequences of publish / report / submit / confirm /
// send back, by the right person and by the wrong one, against the real SQLite adapter and a small model
// of each task's status and each worker's points. After every step the answer must match the model and
// the ledger invariants (a confirmed task paid its worker exactly once) must hold in the database.
import fc from 'fast-check'
import { TestClock } from '../../cloudfunctions/adapters/local/clock'
import { DEFAULT_RULES } from '../../cloudfunctions/core/domain/rules'
import { brokenInvariants } from '../helpers/invariants'
import { type Harness, openHarness } from '../helpers/local'

const STAFF = ['u_linx', 'u_xujh']
/** 网格员 with their grid; 李娟 leads 第一网格. */
const WORKERS = [
  { id: 'u_lij', grid: 'g_hx1' },
  { id: 'u_wangf', grid: 'g_hx2' },
]
const POINTS = DEFAULT_RULES.gridTaskPoints

interface ModelTask {
  id: string
  worker: number
  status: 'open' | 'submitted' | 'confirmed'
  progress: number
}
interface Model {
  tasks: ModelTask[]
  points: number[]
}
interface Real {
  h: Harness
}

async function check(m: Model, r: Real) {
  const broken = brokenInvariants(r.h.app.store.db)
  if (broken.length) throw new Error(broken.join('\n'))
  for (const [i, w] of WORKERS.entries()) {
    const b = (await r.h.ok(w.id, 'points', 'balance', {})).balance
    if (b !== m.points[i]) throw new Error(`${w.id}: balance ${b}, model ${m.points[i]}`)
  }
  const mine = (await r.h.ok(STAFF[0], 'workbench', 'gridTasks', {})).items
  for (const t of m.tasks) {
    const real = mine.find((x) => x.id === t.id)
    if (real?.status !== t.status || real.progressCount !== t.progress)
      throw new Error(`${t.id}: ${JSON.stringify(real)} ≠ model ${JSON.stringify(t)}`)
  }
}

async function expectOutcome(res: Promise<any>, code: string | null) {
  const out = await res
  const got = out.ok ? null : out.error.code
  if (got !== code) throw new Error(`expected ${code ?? 'success'}, got ${got ?? 'success'}: ${JSON.stringify(out)}`)
  return out
}

const pick = (m: Model, k: number) => m.tasks[k % m.tasks.length]

class Publish implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly worker: number,
    readonly byStaff: boolean,
  ) {}
  check = () => true
  async run(m: Model, r: Real) {
    const w = WORKERS[this.worker]
    // staff publish to any grid; 李娟 (网格长) to her own grid only; 王芳 may not publish at all
    const by = this.byStaff ? STAFF[0] : w.id
    const ok = this.byStaff || w.id === 'u_lij'
    const out = await expectOutcome(
      r.h.call(by, 'workbench', 'publishGridTask', {
        gridId: w.grid,
        workerId: w.id,
        title: '排查楼道',
        body: '检查每个单元',
        dueDate: '2026-03-20',
      }),
      ok ? null : 'FORBIDDEN',
    )
    if (ok) m.tasks.push({ id: out.data.items[0].id, worker: this.worker, status: 'open', progress: 0 })
    await check(m, r)
  }
  toString = () => `publish(${WORKERS[this.worker].id}, ${this.byStaff ? 'staff' : 'self'})`
}

class Report implements fc.AsyncCommand<Model, Real> {
  constructor(readonly k: number) {}
  check = (m: Readonly<Model>) => m.tasks.length > 0
  async run(m: Model, r: Real) {
    const t = pick(m, this.k)
    const who = WORKERS[t.worker].id
    const ok = t.status === 'open'
    await expectOutcome(
      r.h.call(who, 'workbench', 'reportGridTask', { taskId: t.id, text: '又排查了一个单元', photos: [await r.h.upload(who)] }),
      ok ? null : 'CONFLICT',
    )
    if (ok) t.progress += 1
    await check(m, r)
  }
  toString = () => `report(#${this.k})`
}

class Submit implements fc.AsyncCommand<Model, Real> {
  constructor(readonly k: number) {}
  check = (m: Readonly<Model>) => m.tasks.length > 0
  async run(m: Model, r: Real) {
    const t = pick(m, this.k)
    const ok = t.status === 'open' && t.progress > 0
    await expectOutcome(r.h.call(WORKERS[t.worker].id, 'workbench', 'submitGridTask', { taskId: t.id }), ok ? null : 'CONFLICT')
    if (ok) t.status = 'submitted'
    await check(m, r)
  }
  toString = () => `submit(#${this.k})`
}

class Decide implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly k: number,
    readonly confirm: boolean,
    readonly who: 'staff' | 'worker',
  ) {}
  check = (m: Readonly<Model>) => m.tasks.length > 0
  async run(m: Model, r: Real) {
    const t = pick(m, this.k)
    const by = this.who === 'staff' ? STAFF[this.k % STAFF.length] : WORKERS[t.worker].id
    const code = this.who === 'worker' ? 'FORBIDDEN' : t.status === 'submitted' ? null : 'CONFLICT'
    await expectOutcome(
      this.confirm
        ? r.h.call(by, 'workbench', 'confirmGridTask', { taskId: t.id })
        : r.h.call(by, 'workbench', 'returnGridTask', { taskId: t.id, reason: '照片不清楚，请补拍' }),
      code,
    )
    if (code === null) {
      t.status = this.confirm ? 'confirmed' : 'open'
      if (this.confirm) m.points[t.worker] += POINTS
    }
    await check(m, r)
  }
  toString = () => `${this.confirm ? 'confirm' : 'return'}(#${this.k}, ${this.who})`
}

const commands = [
  fc.tuple(fc.nat(WORKERS.length - 1), fc.boolean()).map(([w, s]) => new Publish(w, s)),
  fc.nat(20).map((k) => new Report(k)),
  fc.nat(20).map((k) => new Submit(k)),
  fc
    .tuple(fc.nat(20), fc.boolean(), fc.constantFrom<'staff' | 'worker'>('staff', 'staff', 'worker'))
    .map(([k, c, who]) => new Decide(k, c, who)),
]

it('keeps every task’s status and every worker’s points true to the model under any sequence', async () => {
  await fc.assert(
    fc.asyncProperty(fc.commands(commands, { maxCommands: 30, size: 'max' }), async (cmds) => {
      const start = Date.parse('2026-03-02T02:00:00Z')
      const h = await openHarness({ clock: new TestClock({ now: () => start }), demo: false })
      try {
        // no daily cap in play: grid task points are not capped, the model pays each confirmation whole
        const model: Model = { tasks: [], points: WORKERS.map(() => 0) }
        await fc.asyncModelRun(() => ({ model, real: { h } }), cmds)
      } finally {
        h.close()
      }
    }),
    { numRuns: Number(process.env.MODEL_RUNS ?? 25) },
  )
}, 120_000)
