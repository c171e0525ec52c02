// Photo file ids on cloud storage: only this environment's uploads under the caller's own path, and
// display URLs in batches, through the real node-sdk against the emulator's storage.
import { cloudFiles, parseFileId, URL_BATCH } from '../../cloudfunctions/adapters/wechat/files'
import { AppError } from '../../cloudfunctions/core/domain/errors'
import { emulatorForFile, nodeSdk } from '../emulator/helpers'
import { BUCKET, ENV_ID, photo } from './harness'

const emulator = emulatorForFile({ envId: ENV_ID })
let files: ReturnType<typeof cloudFiles>

beforeAll(() => {
  const app = nodeSdk(emulator())
  files = cloudFiles({ envId: ENV_ID, getTempFileURL: () => (req) => app.getTempFileURL(req) })
})

beforeEach(() => emulator().control.reset())

/** Stores the file an id names, if it is a path of this environment's bucket storage accepts. */
async function store(fileId: string) {
  const prefix = `cloud://${ENV_ID}.${BUCKET}/`
  if (!fileId.startsWith(prefix)) return
  await emulator()
    .control.putFile(fileId.slice(prefix.length), Buffer.from('jpeg'))
    .catch(() => undefined)
}

/** How often storage was asked for URLs since the last reset. */
const lookups = async () => (await emulator().control.stats()).requests['storage.batchGetDownloadUrl'] ?? 0

async function refusal(ids: string[], owner = 'u_res') {
  const e = await files.assertOwned(ids, owner, 'photos').then(
    () => null,
    (err) => err,
  )
  return e instanceof AppError ? e.toJSON() : e
}

describe('assertOwned', () => {
  it("accepts the caller's own uploads in this environment that exist", async () => {
    const ids = [photo('u_res', 'a.jpg'), photo('u_res', 'B-2_x.PNG'), photo('u_res', 'c.webp'), photo('u_res', 'd.jpeg')]
    for (const id of ids) await store(id)
    await expect(files.assertOwned(ids, 'u_res', 'photos')).resolves.toBeUndefined()
    await expect(files.assertOwned([], 'u_res', 'photos')).resolves.toBeUndefined()
  })

  it.each([
    ['another environment', photo('u_res', 'a.jpg', 'other-env-9z9z')],
    ["another user's path", photo('u_other', 'a.jpg')],
    ['a user id that only starts like the caller’s', photo('u_res2', 'a.jpg')],
    ['path traversal', `cloud://${ENV_ID}.${BUCKET}/uploads/u_res/../u_other/a.jpg`],
    ['an encoded traversal', `cloud://${ENV_ID}.${BUCKET}/uploads/u_res/%2e%2e/a.jpg`],
    ['a nested folder', `cloud://${ENV_ID}.${BUCKET}/uploads/u_res/x/a.jpg`],
    ['outside uploads/', `cloud://${ENV_ID}.${BUCKET}/avatars/u_res/a.jpg`],
    ['a non-image file', photo('u_res', 'a.exe')],
    ['an http URL', 'https://example.com/uploads/u_res/a.jpg'],
    ['a local file id', 'f_abcdefghijkl'],
    ['an empty id', ''],
    ['a double slash', `cloud://${ENV_ID}.${BUCKET}//uploads/u_res/a.jpg`],
    ['a trailing newline', `${photo('u_res', 'a.jpg')}\n`],
  ])('refuses %s', async (_label, id) => {
    const mine = photo('u_res', 'ok.jpg')
    await store(mine)
    await store(id) // even if storage has it
    await emulator().control.resetStats()
    expect(await refusal([mine, id])).toEqual({
      code: 'INVALID_INPUT',
      field: 'photos.1',
      message: '照片不存在或不是你上传的，请重新上传',
    })
    expect(await lookups()).toBe(0) // refused from the id alone, before asking storage
  })

  it('refuses an id of the right shape that storage does not have', async () => {
    await store(photo('u_res', 'a.jpg'))
    expect(await refusal([photo('u_res', 'a.jpg'), photo('u_res', 'never-uploaded.jpg')])).toMatchObject({ field: 'photos.1' })
  })

  it('refuses the same photo twice', async () => {
    await store(photo('u_res', 'a.jpg'))
    expect(await refusal([photo('u_res', 'a.jpg'), photo('u_res', 'a.jpg')])).toEqual({
      code: 'INVALID_INPUT',
      field: 'photos.1',
      message: '同一张照片只能用一次',
    })
  })

  it('parses the parts of an upload id', async () => {
    // the emulator names its bucket as CloudBase does: the id it hands out parses back
    const stored = await emulator().control.putFile('uploads/u_res/a.jpg', Buffer.from('jpeg'))
    expect(stored).toBe(photo('u_res', 'a.jpg'))
    expect(parseFileId(stored)).toEqual({ envId: ENV_ID, bucket: BUCKET, ownerId: 'u_res', name: 'a.jpg' })
  })
})

describe('urls', () => {
  it('returns display URLs in order, in batches of at most 50, empty for a missing file', async () => {
    const ids = Array.from({ length: 120 }, (_, i) => photo('u_res', `p${i}.jpg`))
    for (const id of ids.slice(0, 119)) await store(id)
    await emulator().control.resetStats()
    const out = await files.urls(ids)
    expect(out).toHaveLength(120)
    expect(out[0]).toEqual({
      fileId: ids[0],
      url: expect.stringMatching(new RegExp(`^${emulator().url}/__cos/${BUCKET}/uploads/u_res/p0\\.jpg\\?`)),
    })
    expect(await (await fetch(out[0].url)).text()).toBe('jpeg')
    expect(out[119]).toEqual({ fileId: ids[119], url: '' })
    expect(await lookups()).toBe(Math.ceil(120 / URL_BATCH))
    expect(await files.urls([])).toEqual([])
    expect(await lookups()).toBe(3)
  })
})
