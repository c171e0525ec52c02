// The cloud composition root (DESIGN.md §9): CloudBase repositories, WeChat open APIs, and the
// caller's identity from the platform — the OPENID the runtime sets, never anything in the event.
import { randomBytes } from 'node:crypto'
import type { Envelope } from '@shared/envelope'
import { systemClock } from './adapters/clock'
import { cloudbaseRateLimiter, cloudbaseStore, type CloudbaseStore, cryptoIds } from './adapters/cloudbase/store'
import type { CbDb } from './adapters/cloudbase/sdk'
import { wechatContentGuard } from './adapters/wechat/content-guard'
import { cloudFiles, type DeleteFile, type GetTempFileUrl } from './adapters/wechat/files'
import { parseMediaVerdict, type wechatPhotoScreen } from './adapters/wechat/media-check'
import { subscribeNotifier, templatesFromEnv } from './adapters/wechat/notifier'
import { type WxOpenApi, wxOpenApi } from './adapters/wechat/openapi'
import { AppError } from './core/domain/errors'
import type { ErrorCode } from '@shared/enums'
import { createHandler, type Runtime } from './core/edge'
import type { Deps } from './core/ports'
import { REGISTRY } from './core/registry'
import type { tick } from './core/usecases/scheduler/tick'
import type { cloudExports, UploadFile } from './adapters/cloudbase/exports'
import { wechatPhoneNumbers } from './adapters/wechat/phone'
import { weChatCaller } from './core/usecases/accounts/wechat-sign-in'
import { dropGrants, returnGrant, useGrant } from './core/usecases/accounts/subscribe'
import type { applyPhotoVerdict } from './core/usecases/photos/verdict'
import { runWrite } from './core/runner'
import type { TemplateIds } from '@shared/subscribe'
import { scryptPasswords } from './adapters/scrypt-passwords'
import { SIGN_IN_LIMITS } from './core/usecases/accounts/sign-in-limits'

/** What the composition needs from the runtime; node-sdk in production, fakes in tests. */
export interface CloudPlatform {
  db(): CbDb
  /** The caller's OPENID as the platform set it for this invocation; null for timers and function-to-function calls. */
  openId(context: unknown): string | null
  /** This environment's id (file ids of other environments are refused). */
  envId(context: unknown): string
  getTempFileURL(): GetTempFileUrl
  /** Uploads generated files (工作台账, 三评 exports); absent: exports are refused. */
  uploadFile?(): UploadFile
  /** Deletes stored files (account deletion); absent: nothing is deleted. */
  deleteFile?(): DeleteFile
  openApi(): WxOpenApi
  randomBytes(n: number): Uint8Array
  log(message: string, error?: unknown): void
}

/** node-sdk, required and initialised on first use, once per function instance. */
export function nodeSdkPlatform(): CloudPlatform {
  let sdk: any
  let app: any
  const tcb = () => {
    sdk ??= require('@cloudbase/node-sdk')
    return sdk
  }
  const instance = () => {
    app ??= tcb().init({ env: tcb().SYMBOL_CURRENT_ENV })
    return app
  }
  const context = (ctx: unknown): Record<string, string | undefined> => tcb().getCloudbaseContext(ctx) ?? {}
  return {
    db: () => instance().database(),
    openId(ctx) {
      // WX_OPENID comes from the invocation's environment, which WeChat sets for mini-program calls
      const id = context(ctx).WX_OPENID || instance().auth().getUserInfo().openId
      return typeof id === 'string' && id ? id : null
    },
    envId(ctx) {
      const c = context(ctx)
      return c.TCB_ENV || c.SCF_NAMESPACE || ''
    },
    getTempFileURL: () => (req) => instance().getTempFileURL(req),
    uploadFile: () => (req) => instance().uploadFile(req),
    deleteFile: () => (req) => instance().deleteFile(req),
    openApi: wxOpenApi,
    randomBytes: (n) => new Uint8Array(randomBytes(n)),
    log: (message, error) => console.error(message, error),
  }
}

export interface CloudOptions {
  /** Collection name prefix (tests). */
  prefix?: string
  /** Allow text when msgSecCheck cannot give a verdict (flagged in the log). Default: refuse. */
  contentFailOpen?: boolean
  /**
   * The photo check (adapters/wechat/media-check.ts wechatPhotoScreen), passed in by the entries of the
   * functions whose actions attach photos (orders, mall, activities, workbench); the others' bundles
   * leave it out, and a photo attached there would be logged as not checked.
   */
  photoScreen?: typeof wechatPhotoScreen
  /** The workbooks (adapters/cloudbase/exports.ts cloudExports): passed in by the workbench function's entry, the only one that makes them. */
  exports?: typeof cloudExports
  /** 订阅消息 template ids (types/subscribe.ts); default: REDGRID_SUBSCRIBE_TEMPLATES (JSON), else none. */
  templates?: TemplateIds
}

export interface CloudApp {
  store: CloudbaseStore
  /** One call of a user-facing function: identity → handler → envelope. */
  handle(fn: string, event: unknown, context: unknown): Promise<Envelope<unknown>>
  /**
   * The timer's call: runs the scheduler tick; refuses any caller with an OPENID. The tick comes from the
   * scheduler function's entry, so the other functions' bundles do not carry every scheduled job.
   */
  scheduler(event: unknown, context: unknown, run: typeof tick): Promise<Envelope<unknown>>
  /** WeChat's message push (消息推送): the asynchronous photo verdicts (wxa_media_check), applied by the wxpush entry's `apply`. */
  wxpush(event: unknown, context: unknown, apply: typeof applyPhotoVerdict): Promise<Envelope<unknown>>
}

const fail = (code: ErrorCode, message: string): Envelope<never> => ({ ok: false, error: { code, message } })

/** Only the request's own fields go to the edge: wx.cloud adds `userInfo`, which is never trusted. */
function requestOf(event: unknown) {
  if (typeof event !== 'object' || event === null) return event
  const { action, input, requestId } = event as Record<string, unknown>
  return { action, input, requestId }
}

export function composeCloud(platform: CloudPlatform, options: CloudOptions = {}): CloudApp {
  const db = platform.db()
  const store = cloudbaseStore(db, { prefix: options.prefix })
  const clock = systemClock
  const ids = cryptoIds(platform.randomBytes)
  const limits = (options: { maxFailures: number; windowMs: number }) =>
    cloudbaseRateLimiter(db, clock, { ...options, collection: store.collection('rate_limits') })
  const limiter = limits({ maxFailures: 5, windowMs: 10 * 60_000 })
  const signIns = { account: limits(SIGN_IN_LIMITS.account), address: limits(SIGN_IN_LIMITS.address) }
  const passwords = scryptPasswords()
  const openIdOf = (userId: string) => store.read((repos) => repos.identity.openIdOf(userId))
  const notifier = subscribeNotifier({
    send: () => platform.openApi().subscribeMessage.send,
    ids: options.templates ?? templatesFromEnv(process.env.REDGRID_SUBSCRIBE_TEMPLATES, platform.log),
    openIdOf,
    // each in its own small transaction, after the use case's has committed
    grants: {
      use: (userId, template) => store.write((repos) => useGrant(repos, userId, template, clock.now())),
      giveBack: (userId, template) => store.write((repos) => returnGrant(repos, userId, template, clock.now())),
      drop: (userId, template) => store.write((repos) => dropGrants(repos, userId, template, clock.now())),
    },
    log: platform.log,
  })

  /** Deps for one invocation: the content check runs as the calling user. */
  const depsFor = (openId: string | null, context: unknown): Deps => {
    const files = cloudFiles({
      envId: platform.envId(context),
      getTempFileURL: platform.getTempFileURL,
      deleteFile: platform.deleteFile?.bind(platform),
    })
    return {
      clock,
      ids,
      limiter,
      signIns,
      passwords,
      notifier,
      files,
      photos: (options.photoScreen ?? unchecked)({
        mediaCheckAsync: () => platform.openApi().security.mediaCheckAsync,
        urlOf: async (fileId) => (await files.urls([fileId]))[0]?.url ?? '',
        openIdOf,
        record: (check) => store.write((repos) => repos.photoChecks.save(check)),
        clock,
        log: platform.log,
      }),
      guard: wechatContentGuard({
        msgSecCheck: () => platform.openApi().security.msgSecCheck,
        openId,
        failOpen: options.contentFailOpen,
        onFlag: (flag) => platform.log('content flagged for review', flag),
      }),
      exports: (options.exports ?? noWorkbooks)({
        uploadFile: platform.uploadFile?.bind(platform),
        getTempFileURL: platform.getTempFileURL,
        ids,
        clock,
      }),
      phones: wechatPhoneNumbers({ getPhoneNumber: () => platform.openApi().phonenumber.getPhoneNumber }),
    }
  }

  return {
    store,
    async handle(fn, event, context) {
      const actions = Object.hasOwn(REGISTRY, fn) ? REGISTRY[fn] : undefined
      if (!actions) return fail('NOT_FOUND', '没有这个接口')
      const openId = platform.openId(context)
      const runtime: Runtime = { uow: store, deps: depsFor(openId, context), log: platform.log }
      const request = requestOf(event)
      const caller = await weChatCaller(runtime, openId, fn, actions, request)
      if ('refused' in caller) return { ok: false, error: caller.refused }
      if ('answered' in caller) return caller.answered
      return createHandler(fn, actions, runtime)(request, caller.identity)
    },
    async scheduler(_event, context, run) {
      if (platform.openId(context)) return fail('FORBIDDEN', '定时任务只能由系统定时触发')
      try {
        return { ok: true, data: await run({ uow: store, deps: depsFor(null, context), log: platform.log }) }
      } catch (e) {
        platform.log('scheduler tick failed', e)
        return fail('INTERNAL', e instanceof AppError ? e.message : '定时任务执行失败')
      }
    },
    async wxpush(event, context, apply) {
      // [U] how WeChat's push calls a function; the trace id alone names a check, and only the server
      // ever saw one, so whoever calls can at most repeat a verdict WeChat already gave
      const verdict = parseMediaVerdict(event)
      if (!verdict) return fail('INVALID_INPUT', '不是照片检查结果')
      try {
        const outcome = await runWrite({ uow: store, deps: depsFor(null, context), log: platform.log }, (ctx) => apply(ctx, verdict))
        if (outcome === 'review' || outcome === 'removed')
          platform.log(`photo check: ${verdict.suggest}`, { traceId: verdict.traceId, label: verdict.label, outcome })
        if (outcome === 'unknown') platform.log('photo check verdict for an unknown trace id', { traceId: verdict.traceId })
        return { ok: true, data: { outcome } }
      } catch (e) {
        platform.log('photo verdict failed', e)
        return fail('INTERNAL', '照片检查结果没有处理成功')
      }
    },
  }
}

/** Where no photo check was passed in: nothing goes to WeChat, and the log says a photo went unchecked. */
const unchecked: typeof wechatPhotoScreen = (o) => ({
  async submit(photos) {
    if (photos.length > 0) o.log('photos attached in a function without the photo check', { fileIds: photos.map((p) => p.fileId) })
  },
})

/** Where no workbooks were passed in (every function but workbench). */
const noWorkbooks: typeof cloudExports = () => ({
  async saveWorkbook() {
    throw new AppError('INTERNAL', '这里不能生成表格，请到工作台导出')
  },
})

let shared: CloudApp | null = null
/** The instance's app, composed on the first invocation (no SDK work at require time). */
const app = (options?: CloudOptions) => {
  shared ??= composeCloud(nodeSdkPlatform(), options)
  return shared
}

/**
 * A function entry: `export const main = cloudEntry('orders', { photoScreen: wechatPhotoScreen })` — the
 * options of what only some functions need, so the others' bundles leave it out.
 */
export const cloudEntry = (fn: string, options?: CloudOptions) => (event: unknown, context: unknown) =>
  app(options).handle(fn, event, context)

/** The scheduler's entry, for its timer trigger. */
export const schedulerEntry = (run: typeof tick) => (event: unknown, context: unknown) => app().scheduler(event, context, run)

/** The wxpush function's entry: WeChat's message push routed to it (docs/deploy-cloudbase.md). */
export const wxpushEntry = (apply: typeof applyPhotoVerdict) => (event: unknown, context: unknown) => app().wxpush(event, context, apply)
