// The CloudBase import of a community's 社区设置表 (local/setup-cloud.ts, `npm run setup -- file.xlsx
// --cloud`) on the real node-sdk against the emulator: every record at an id derived from the sheet, so
// an interrupted import completes when run again and the same file twice changes nothing; each admin
// gets a one-time link to open in WeChat.
import type { CbDb } from '../../cloudfunctions/adapters/cloudbase/sdk'
import { cloudbaseStore } from '../../cloudfunctions/adapters/cloudbase/store'
import { derivedId } from '../../cloudfunctions/core/domain/roster'
import { importToCloud } from '../../local/setup-cloud'
import { SMALL_COMMUNITY } from '../helpers/roster'
import { emulatorForFile, nodeSdk } from './helpers'

jest.setTimeout(60_000)

const emulator = emulatorForFile()
const COMMUNITY = derivedId('c', '幸福里社区')
const NOW = Date.UTC(2026, 5, 1)

/** Every document of the collections an import writes, sorted: equal snapshots mean nothing changed. */
async function snapshot(db: CbDb) {
  const out: Record<string, unknown[]> = {}
  for (const c of ['communities', 'grids', 'buildings', 'users']) {
    const { data } = await db.collection(c).limit(1000).get()
    out[c] = data.map((d) => JSON.stringify(d)).sort()
  }
  return out
}

beforeEach(async () => {
  await emulator().control.reset()
})

it('imports the community, then a second run changes nothing and makes no new links', async () => {
  const db = nodeSdk(emulator()).database() as CbDb
  const first = await importToCloud(db, COMMUNITY, SMALL_COMMUNITY, false, NOW)
  expect(first.preview).toMatchObject({ committed: true, errors: [] })
  expect(first.links).toEqual([{ name: '周主任', path: expect.stringMatching(/^\/account\/accept\/index\?token=[A-Za-z0-9_-]{43}$/) }])
  const store = cloudbaseStore(db)
  const people = await store.read((r) => r.users.listCommunity(COMMUNITY))
  expect(people.map((u) => u.name).sort()).toEqual(['刘大爷', '吴网格', '周主任', '孙晓梅', '赵志远', '钱老师', '陈阿婆'].sort())
  const after = await snapshot(db)
  const second = await importToCloud(db, COMMUNITY, SMALL_COMMUNITY, false, NOW + 1000)
  expect(second.preview.counts.every((c) => c.created + c.updated === 0)).toBe(true)
  expect(await snapshot(db)).toEqual(after)
})

it('completes an import interrupted after its first transaction when run again', async () => {
  const db = nodeSdk(emulator()).database() as CbDb
  await expect(
    importToCloud(db, COMMUNITY, SMALL_COMMUNITY, false, NOW, {
      chunk: 8,
      afterChunk: () => {
        throw new Error('the connection dropped')
      },
    }),
  ).rejects.toThrow('the connection dropped')
  const partial = await snapshot(db)
  expect(partial.users.length).toBeLessThan(7)
  await importToCloud(db, COMMUNITY, SMALL_COMMUNITY, false, NOW + 1000)
  const whole = await snapshot(db)
  expect(whole.users).toHaveLength(7)
  expect(whole.buildings).toHaveLength(3)

  // the same as an import that was never interrupted
  await emulator().control.reset()
  await importToCloud(db, COMMUNITY, SMALL_COMMUNITY, false, NOW)
  const clean = await snapshot(db)
  const withoutTimes = (s: Record<string, unknown[]>) =>
    Object.values(s).map((docs) => docs.map((d) => String(d).replace(/"createdAt":\d+/, '')))
  expect(withoutTimes(whole)).toEqual(withoutTimes(clean))
})

it('writes nothing when a row is wrong', async () => {
  const db = nodeSdk(emulator()).database() as CbDb
  const sheets = JSON.parse(JSON.stringify(SMALL_COMMUNITY))
  sheets.楼栋[2][1] = '北区网格'
  const res = await importToCloud(db, COMMUNITY, sheets, false, NOW)
  expect(res.preview.committed).toBe(false)
  expect(res.preview.errors[0]).toMatchObject({ sheet: '楼栋', row: 3, column: '所属网格' })
  expect(await snapshot(db)).toEqual({ communities: [], grids: [], buildings: [], users: [] })
})
