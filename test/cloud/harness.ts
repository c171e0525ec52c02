// The cloud composition over the in-memory database fake and stubbed WeChat APIs: for identity and
// wiring tests that need no live environment.
import { cloudbaseStore } from '../../cloudfunctions/adapters/cloudbase/store'
import type { OpenApiCall, WxOpenApi } from '../../cloudfunctions/adapters/wechat/openapi'
import { type CloudApp, type CloudPlatform, composeCloud } from '../../cloudfunctions/compose-cloud'
import { seedCloudbase } from '../contract/cloudbase-fixtures'
import { FIXTURES } from '../contract/repos.contract'
import { FakeCloudbase } from './fake-cloudbase'

export const ENV_ID = 'redgrid-test-1a2b3c'
export const BUCKET = '7265-redgrid-test-1a2b3c-1300000000'
export const photo = (owner: string, name = 'a1b2c3.jpg', env = ENV_ID) => `cloud://${env}.${BUCKET}/uploads/${owner}/${name}`

export interface CloudHarness {
  db: FakeCloudbase
  app: CloudApp
  /** The OPENID the platform reports for the next calls (null: a timer or function call). */
  openId: string | null
  msgSecCheck: jest.Mock
  logs: Array<[string, unknown]>
}

export async function cloudHarness(): Promise<CloudHarness> {
  const db = new FakeCloudbase()
  const msgSecCheck = jest.fn<ReturnType<OpenApiCall>, Parameters<OpenApiCall>>(async () => ({
    errCode: 0,
    result: { suggest: 'pass', label: 100 },
  }))
  const unused: OpenApiCall = async () => {
    throw new Error('not expected in this test')
  }
  const openApi: WxOpenApi = {
    security: { msgSecCheck, mediaCheckAsync: unused },
    subscribeMessage: { send: unused },
    phonenumber: { getPhoneNumber: unused },
  }
  const h: CloudHarness = { db, app: undefined as unknown as CloudApp, openId: null, msgSecCheck, logs: [] }
  const platform: CloudPlatform = {
    db: () => db,
    openId: () => h.openId,
    envId: () => ENV_ID,
    getTempFileURL:
      () =>
      async ({ fileList }) => ({
        fileList: fileList.map(({ fileID }) => ({
          fileID,
          tempFileURL: `https://tmp.example/${encodeURIComponent(fileID)}`,
          code: 'SUCCESS',
        })),
      }),
    openApi: () => openApi,
    randomBytes: (n) => new Uint8Array(n).map(() => Math.floor(Math.random() * 256)),
    log: (message, error) => h.logs.push([message, error]),
  }
  h.app = composeCloud(platform)
  await seedCloudbase(db, cloudbaseStore(db), FIXTURES)
  for (const u of FIXTURES.users) await db.collection('identities').doc(`openid-${u.id}`).set({ userId: u.id })
  return h
}
