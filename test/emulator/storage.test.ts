// Cloud storage through the real SDKs: node-sdk's upload (metadata call, then a PUT to the URL it
// returns), temporary URLs that serve the bytes, deletion; and the app's Files port on top of them.
import { cloudFiles } from '../../cloudfunctions/adapters/wechat/files'
import { nodeSdk, emulatorForFile } from './helpers'

const emulator = emulatorForFile()
let app: any

beforeAll(() => {
  app = nodeSdk(emulator())
})

beforeEach(() => emulator().control.reset())

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 0xff, 0xd9])

describe('node-sdk storage', () => {
  it('uploads, hands out a temporary URL that serves the bytes, and deletes', async () => {
    const { fileID } = await app.uploadFile({ cloudPath: 'uploads/u_1/a1.jpg', fileContent: JPEG })
    expect(fileID).toBe(`cloud://${emulator().envId}.7265-${emulator().envId}-1300000000/uploads/u_1/a1.jpg`)
    expect(await emulator().control.files()).toEqual([{ fileID, cloudPath: 'uploads/u_1/a1.jpg', size: JPEG.length }])

    const { fileList } = await app.getTempFileURL({ fileList: [{ fileID, maxAge: 60 }] })
    expect(fileList).toEqual([{ fileID, tempFileURL: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\//), code: 'SUCCESS', maxAge: 60 }])
    const res = await fetch(fileList[0].tempFileURL)
    expect(res.headers.get('content-type')).toBe('image/jpeg')
    expect(Buffer.from(await res.arrayBuffer())).toEqual(JPEG)
    // the URL is signed: a changed signature is refused
    expect((await fetch(fileList[0].tempFileURL.replace(/sign=[0-9a-f]+/, 'sign=forged'))).status).toBe(403)

    const { fileContent } = await app.downloadFile({ fileID })
    expect(Buffer.from(fileContent)).toEqual(JPEG)

    const deleted = await app.deleteFile({ fileList: [fileID] })
    expect(deleted.fileList).toEqual([{ fileID, code: 'SUCCESS' }])
    expect((await app.getTempFileURL({ fileList: [{ fileID, maxAge: 60 }] })).fileList[0]).toMatchObject({
      code: 'STORAGE_FILE_NONEXIST',
      tempFileURL: '',
    })
    expect((await app.deleteFile({ fileList: [fileID] })).fileList[0].code).toBe('STORAGE_FILE_NONEXIST')
  })

  it('refuses more than 50 files per getTempFileURL call, and paths that climb out', async () => {
    const many = Array.from({ length: 51 }, (_x, i) => ({ fileID: `cloud://x/${i}`, maxAge: 1 }))
    await expect(app.getTempFileURL({ fileList: many })).rejects.toMatchObject({ code: 'INVALID_PARAM' })
    await expect(app.uploadFile({ cloudPath: '../escape.jpg', fileContent: JPEG })).rejects.toMatchObject({ code: 'INVALID_PARAM' })
  })
})

describe('wx-server-sdk storage', () => {
  it('answers getTempFileURL with status 0 per file', async () => {
    const cloud = require('wx-server-sdk')
    cloud.init(emulator().sdkConfig())
    const fileID = await emulator().control.putFile('uploads/u_2/b.png', Buffer.from('png'))
    const res = await cloud.getTempFileURL({ fileList: [fileID] })
    expect(res.fileList[0]).toMatchObject({ fileID, status: 0, errMsg: 'ok', tempFileURL: expect.stringContaining('/uploads/u_2/b.png') })
  })
})

describe("the app's Files port (cloudfunctions/adapters/wechat/files.ts) on node-sdk", () => {
  it('accepts the owner’s uploaded photo, refuses a missing one, lists URLs and removes an owner’s files', async () => {
    const env = emulator().envId
    const files = cloudFiles({
      envId: env,
      getTempFileURL: () => (req) => app.getTempFileURL(req),
      deleteFile: () => (req) => app.deleteFile(req),
    })
    const { fileID } = await app.uploadFile({ cloudPath: 'uploads/u_1/p1.jpg', fileContent: JPEG })
    await files.assertOwned([fileID], 'u_1', 'photos')
    const missing = fileID.replace('p1.jpg', 'p2.jpg')
    await expect(files.assertOwned([missing], 'u_1', 'photos')).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    const [url] = await files.urls([fileID])
    expect((await fetch(url.url)).status).toBe(200)
    await files.removeAllOf('u_1', [fileID])
    expect(await emulator().control.files()).toEqual([])
  })
})
