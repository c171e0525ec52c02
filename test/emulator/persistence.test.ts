// Documents and files in a data folder survive a restart of the emulator (a cloud-mode demo's data).
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startEmulator } from '../../tools/tcb-emulator/client'
import { nodeSdk } from './helpers'

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tcb-emu-data-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

it('keeps documents, collections, indexes and files across a restart', async () => {
  const first = await startEmulator({ dataDir })
  let fileID: string
  try {
    const app = nodeSdk(first)
    const db = app.database()
    await db.createCollection('notes')
    await db.collection('notes').add({ _id: 'n1', at: new Date(1_700_000_000_000), n: 2 ** 40, f: 1.5, list: [1, 'a', null] })
    await db.collection('order_events').add({ _id: 'o:1', orderId: 'o', seq: 1 })
    await db.runTransaction((tx: any) => tx.collection('notes').doc('n2').set({ made: 'in a transaction' }))
    ;({ fileID } = await app.uploadFile({ cloudPath: 'uploads/u/p.jpg', fileContent: Buffer.from('jpeg bytes') }))
  } finally {
    await first.stop()
  }

  const second = await startEmulator({ dataDir })
  try {
    const app = nodeSdk(second)
    const db = app.database()
    expect((await db.collection('notes').doc('n1').get()).data).toEqual([
      { _id: 'n1', at: new Date(1_700_000_000_000), n: 2 ** 40, f: 1.5, list: [1, 'a', null] },
    ])
    expect((await db.collection('notes').doc('n2').get()).data[0].made).toBe('in a transaction')
    // the unique index still holds after the restart
    await expect(db.collection('order_events').add({ _id: 'o:1b', orderId: 'o', seq: 1 })).rejects.toMatchObject({
      code: 'DATABASE_DUPLICATE_WRITE',
    })
    const { fileList } = await app.getTempFileURL({ fileList: [{ fileID, maxAge: 60 }] })
    expect(await (await fetch(fileList[0].tempFileURL)).text()).toBe('jpeg bytes')
  } finally {
    await second.stop()
  }
}, 60_000)
