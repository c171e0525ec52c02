// Built by the bundle test into a throw-away node_modules/@cloudbase/node-sdk: the surface
// compose-cloud uses, over the in-memory database fake. Test-only.
import { FakeCloudbase } from './fake-cloudbase'

const db = new FakeCloudbase()
const state = { openId: '', envId: 'redgrid-test-1a2b3c', inits: 0 }

export const SYMBOL_CURRENT_ENV = Symbol.for('SYMBOL_CURRENT_ENV')
export const __fake = { db, state }

export function init(config: { env?: unknown }) {
  if (config.env !== SYMBOL_CURRENT_ENV) throw new Error('the cloud must init the current environment')
  state.inits += 1
  return {
    database: () => db,
    auth: () => ({ getUserInfo: () => ({ openId: state.openId, appId: 'wx0000', uid: '', customUserId: '' }) }),
    getTempFileURL: async ({ fileList }: { fileList: Array<{ fileID: string }> }) => ({
      fileList: fileList.map(({ fileID }) => ({ fileID, tempFileURL: `https://tmp.example/${fileID.split('/').pop()}`, code: 'SUCCESS' })),
    }),
  }
}

export function getCloudbaseContext() {
  return { TCB_ENV: state.envId, ...(state.openId ? { WX_OPENID: state.openId } : {}) }
}
