// Local mode behind the gateway: the use cases in this process on SQLite, photos and exports in the
// data folder, the test clock and the scheduler tick in process.
import { createReadStream, existsSync } from 'node:fs'
import type { LocalApp } from '../cloudfunctions/compose'
import { demoRoster, demoSignIn } from '../cloudfunctions/core/usecases/accounts/demo-sign-in'
import { sessionUser } from '../cloudfunctions/core/usecases/accounts/sessions'
import type { Backend } from './gateway'
import { health } from './health'
import { assertSigned } from './paths'
import { importUpload } from './roster-upload'

export function localBackend(app: LocalApp): Backend {
  return {
    clock: app.clock,
    functions: Object.keys(app.handlers),
    call: (fn, request, identity, client) => app.handlers[fn](request, identity, client),
    sessionUser: (token) => sessionUser(app.store, app.clock, token),
    demoRoster: () => demoRoster(app.store),
    demoSignIn: (userId) => demoSignIn(app.store, app.deps, userId),
    savePhoto: (ownerId, mime, bytes) => app.files.save(ownerId, mime, bytes),
    downloads: [
      {
        // generated workbooks (工作台账, 三评): only through the signed link an export handed out, for an hour
        prefix: '/exports/',
        missing: '文件不存在或已过期，请重新导出',
        async open(id, search) {
          assertSigned(app, `/exports/${id}`, search)
          const found = app.exports.locate(id)
          if (!found) return null
          return {
            headers: {
              'content-type': found.mime,
              'content-disposition': `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(found.name)}`,
              'cache-control': 'private, no-store',
            },
            body: createReadStream(found.file),
          }
        },
      },
      {
        prefix: '/files/',
        missing: '图片不存在',
        async open(id, search) {
          // only through the signed URL a reply handed out (an <img> cannot carry the Bearer token)
          const query = assertSigned(app, `/files/${id}`, search)
          const found = app.files.locate(id)
          if (!found || !existsSync(found.file)) return null
          const maxAge = Math.max(0, Math.floor((app.signer.expiresAt(query) - app.clock.now()) / 1000))
          return {
            headers: { 'content-type': found.mime, 'cache-control': `private, max-age=${maxAge}` },
            body: createReadStream(found.file),
          }
        },
      },
    ],
    testClock: app.testClock
      ? {
          async advance(ms) {
            app.testClock?.advance(ms)
            return app.tick()
          },
        }
      : null,
    health: (demo) => health(app, demo),
    importRoster: (request, identity, client) => importUpload(app, request, identity, client),
  }
}
