// What cloud mode asks of the emulator beyond the SDKs' protocol: a platform clock the demo's test
// clock moves (the functions' Date.now runs ahead, expiry follows), and storage download links as
// paths, for the gateway that serves the emulator's storage on its own origin.
import path from 'node:path'
import { emulatorForFile, nodeSdk, rejection } from './helpers'

const emulator = emulatorForFile({ downloadBase: '' })
const DAY = 86_400_000

beforeAll(() => emulator().control.registerModule('now', path.join(__dirname, 'fixtures', 'now', 'index.js')))

describe('the platform clock', () => {
  it('moves the time functions see forward, never back', async () => {
    const control = emulator().control
    const before = await control.invoke<{ now: number }>('now', {})
    expect(Math.abs(before.now - Date.now())).toBeLessThan(5_000)
    const moved = await control.advanceClock(3 * DAY)
    expect(moved.offsetMs).toBe(3 * DAY)
    const after = await control.invoke<{ now: number }>('now', {})
    expect(after.now - Date.now()).toBeGreaterThan(3 * DAY - 5_000)
    expect((await control.clock()).offsetMs).toBe(3 * DAY)
    expect((await rejection(control.advanceClock(-1))).message).toMatch(/only moves forward/)
    // a reset empties the data, but time stays where it got to
    await control.reset()
    expect((await control.clock()).offsetMs).toBe(3 * DAY)
  })
})

describe('download links as paths', () => {
  it('hands out /__cos/ paths that the emulator serves on its own origin too', async () => {
    const app = nodeSdk(emulator())
    const { fileID } = await app.uploadFile({ cloudPath: 'uploads/u_1/a.jpg', fileContent: Buffer.from('jpeg') })
    const { fileList } = await app.getTempFileURL({ fileList: [{ fileID, maxAge: 60 }] })
    expect(fileList[0].tempFileURL).toMatch(/^\/__cos\/[^/]+\/uploads\/u_1\/a\.jpg\?sign=/)
    expect(await (await fetch(emulator().url + fileList[0].tempFileURL)).text()).toBe('jpeg')
    // a link signed for a minute has lapsed once the platform clock has moved past it
    await emulator().control.advanceClock(2 * 60_000)
    expect((await fetch(emulator().url + fileList[0].tempFileURL)).status).toBe(403)
  })
})
