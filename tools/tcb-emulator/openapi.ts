// WeChat open APIs as wx-server-sdk's `cloud.openapi` sends them, with verdicts a test scripts and a
// log of every call. Wire: wx-server-sdk index.js, src/api/openapi/namespace/generic.ts — the
// parameters (converted to snake_case) go as a protobuf CommApiData of key/JSON-value pairs inside
// node-sdk's multipart `wx.openApi` call (node-sdk src/wx/index.ts callCompatibleWxOpenApi); the
// answer is a protobuf CommOpenApiResp whose respData is WeChat's JSON (decoded in
// src/api/cloud/provider/tcb/api/callWXOpenAPI.ts, errcode ≠ 0 thrown as `{ errCode, errMsg }`).
import { randomBytes } from 'node:crypto'
import type protobuf from 'protobufjs'

// Field numbers from wx-server-sdk index.js (src/protobuf/openapi.js: KeyValuePair, OpenApiData,
// CommApiData, HttpHeader, CommOpenApiResp).
const PROTO = `
syntax = "proto3";
message KeyValuePair { string key = 1; bytes value = 2; string contenttype = 3; string filename = 4; }
message OpenApiData { repeated KeyValuePair pairs = 1; }
message CommApiData { int32 apiType = 1; OpenApiData openapiData = 2; string appid = 6; }
message HttpHeader { string key = 1; string value = 2; }
message CommOpenApiResp { bytes respData = 1; string contentType = 2; int32 errorCode = 3; uint32 httpCode = 4; repeated HttpHeader headers = 5; int32 svrkitErrorCode = 6; }
`

let types: { CommApiData: protobuf.Type; CommOpenApiResp: protobuf.Type } | null = null
/** Loaded on the first open-API call: most runs never make one, and protobufjs is slow to load. */
function proto() {
  if (!types) {
    const root = (require('protobufjs') as typeof protobuf).parse(PROTO).root
    types = { CommApiData: root.lookupType('CommApiData'), CommOpenApiResp: root.lookupType('CommOpenApiResp') }
  }
  return types
}

export type Suggest = 'pass' | 'review' | 'risky'

export interface ContentRule {
  /** Applies to text by this user only. */
  openid?: string
  /** Applies to text containing this. */
  contains?: string
  suggest: Suggest
  label?: number
}

export interface MediaRule {
  /** Applies to media URLs containing this (a file name, a path). */
  contains?: string
  suggest: Suggest
  label?: number
}

export interface OpenApiFailure {
  api: string
  errcode: number
  errmsg?: string
  /** How many calls fail (default 1). */
  times?: number
}

export interface OpenApiCall {
  api: string
  /** Parameters as sent on the wire (snake_case). */
  params: Record<string, unknown>
  response: Record<string, unknown>
  at: number
}

export interface MediaCheckRecord {
  traceId: string
  url: string
  openid: string
  suggest: Suggest
  label: number
  at: number
}

/** WeChat's labels for a verdict (msgSecCheck v2: 100 normal, 20001 political, 20002 porn, …). */
const defaultLabel = (s: Suggest) => (s === 'pass' ? 100 : 20002)

export class OpenApi {
  private contentRules: ContentRule[] = []
  private mediaRules: MediaRule[] = []
  /** openid → template id ('*' any) → messages left. */
  private grants = new Map<string, Map<string, number>>()
  private phones = new Map<string, { phone: string; countryCode: string }>()
  private failures: OpenApiFailure[] = []
  readonly calls: OpenApiCall[] = []
  readonly media = new Map<string, MediaCheckRecord>()

  constructor(private readonly appId: string) {}

  reset() {
    this.contentRules = []
    this.mediaRules = []
    this.grants.clear()
    this.phones.clear()
    this.failures = []
    this.calls.length = 0
    this.media.clear()
  }

  addContentRule(rule: ContentRule) {
    this.contentRules.push(rule)
  }

  addMediaRule(rule: MediaRule) {
    this.mediaRules.push(rule)
  }

  /** One grant from wx.requestSubscribeMessage allows one message; `count` -1 never runs out. */
  grantSubscription(openid: string, templateId = '*', count = 1) {
    const byTemplate = this.grants.get(openid) ?? new Map<string, number>()
    const left = byTemplate.get(templateId) ?? 0
    byTemplate.set(templateId, count < 0 || left < 0 ? -1 : left + count)
    this.grants.set(openid, byTemplate)
  }

  addPhoneCode(code: string, phone: string, countryCode = '86') {
    this.phones.set(code, { phone, countryCode })
  }

  failNext(failure: OpenApiFailure) {
    this.failures.push({ ...failure, times: failure.times ?? 1 })
  }

  /** The `wxa_media_check` push event a function would receive for a submitted check. */
  mediaEvent(traceId: string): Record<string, unknown> | null {
    const m = this.media.get(traceId)
    if (!m) return null
    // [U] where CloudBase routes this event (media-check.ts says the same); the fields are WeChat's
    return {
      ToUserName: 'gh_emulator',
      FromUserName: m.openid,
      CreateTime: Math.floor(m.at / 1000) + 1,
      MsgType: 'event',
      Event: 'wxa_media_check',
      appid: this.appId,
      trace_id: traceId,
      version: 2,
      detail: [{ strategy: 'content_model', errcode: 0, suggest: m.suggest, label: m.label, prob: 90 }],
      errcode: 0,
      errmsg: 'ok',
      result: { suggest: m.suggest, label: m.label },
    }
  }

  /** Decodes the `requestData` protobuf into the parameters, as sent (snake_case keys). */
  static decodeRequest(requestData: Buffer): Record<string, unknown> {
    const { CommApiData } = proto()
    const msg = CommApiData.toObject(CommApiData.decode(requestData), { bytes: Buffer as never }) as {
      openapiData?: { pairs?: Array<{ key: string; value: Buffer }> }
    }
    const params: Record<string, unknown> = {}
    for (const { key, value } of msg.openapiData?.pairs ?? []) {
      const text = Buffer.from(value).toString()
      try {
        params[key] = JSON.parse(text)
      } catch {
        params[key] = text
      }
    }
    return params
  }

  static encodeResponse(body: Record<string, unknown>): Buffer {
    const { CommOpenApiResp } = proto()
    const message = CommOpenApiResp.create({ respData: Buffer.from(JSON.stringify(body)), contentType: 'application/json', httpCode: 200 })
    return Buffer.from(CommOpenApiResp.encode(message).finish())
  }

  /** One call: WeChat's JSON answer (errcode 0 or an error), logged. */
  call(api: string, params: Record<string, unknown>): Record<string, unknown> {
    const response = this.answer(api, params)
    this.calls.push({ api, params, response, at: Date.now() })
    return response
  }

  private answer(api: string, p: Record<string, unknown>): Record<string, unknown> {
    const failure = this.failures.find((f) => f.api === api)
    if (failure) {
      failure.times = (failure.times ?? 1) - 1
      if (failure.times <= 0) this.failures.splice(this.failures.indexOf(failure), 1)
      return { errcode: failure.errcode, errmsg: failure.errmsg ?? 'system error (scripted)' }
    }
    const traceId = `${Date.now().toString(16)}-${randomBytes(6).toString('hex')}`
    switch (api) {
      case 'security.msgSecCheck': {
        // v2: openid and scene required, content at most 2500 characters ([U] WeChat's exact errcodes)
        const content = String(p.content ?? '')
        if (Number(p.version) !== 2) return { errcode: 47001, errmsg: 'data format error: only version 2 is emulated' }
        if (typeof p.openid !== 'string' || !p.openid) return { errcode: 40003, errmsg: 'invalid openid' }
        if (![1, 2, 3, 4].includes(Number(p.scene))) return { errcode: 47001, errmsg: 'data format error: scene' }
        if ([...content].length > 2500) return { errcode: 47001, errmsg: 'data format error: content longer than 2500' }
        const rule = this.contentRules.find((r) => (!r.openid || r.openid === p.openid) && (!r.contains || content.includes(r.contains)))
        const suggest = rule?.suggest ?? 'pass'
        const label = rule?.label ?? defaultLabel(suggest)
        // errcode is 0 even for risky text: the decision is result.suggest (CLOUDBASE.md)
        return {
          errcode: 0,
          errmsg: 'ok',
          result: { suggest, label },
          detail: [{ strategy: 'content_model', errcode: 0, suggest, label, prob: 90 }],
          trace_id: traceId,
        }
      }
      case 'security.mediaCheckAsync': {
        const url = String(p.media_url ?? '')
        if (!url) return { errcode: 47001, errmsg: 'data format error: media_url' }
        if (typeof p.openid !== 'string' || !p.openid) return { errcode: 40003, errmsg: 'invalid openid' }
        const rule = this.mediaRules.find((r) => !r.contains || url.includes(r.contains))
        const suggest = rule?.suggest ?? 'pass'
        this.media.set(traceId, { traceId, url, openid: p.openid, suggest, label: rule?.label ?? defaultLabel(suggest), at: Date.now() })
        return { errcode: 0, errmsg: 'ok', trace_id: traceId }
      }
      case 'subscribeMessage.send': {
        const openid = String(p.touser ?? '')
        const templateId = String(p.template_id ?? '')
        if (!openid) return { errcode: 40003, errmsg: 'invalid openid' }
        if (!templateId) return { errcode: 40037, errmsg: 'invalid template_id' }
        const byTemplate = this.grants.get(openid)
        const slot = byTemplate?.has(templateId) ? templateId : byTemplate?.has('*') ? '*' : null
        const left = slot ? (byTemplate?.get(slot) ?? 0) : 0
        if (!slot || left === 0) return { errcode: 43101, errmsg: 'user refuse to accept the msg' }
        if (left > 0) byTemplate?.set(slot, left - 1)
        return { errcode: 0, errmsg: 'ok', msgid: Date.now() }
      }
      case 'phonenumber.getPhoneNumber': {
        const code = String(p.code ?? '')
        const found = this.phones.get(code)
        // a code works once (CLOUDBASE.md: one-time, 5 minutes)
        if (!found) return { errcode: 40029, errmsg: 'invalid code' }
        this.phones.delete(code)
        return {
          errcode: 0,
          errmsg: 'ok',
          phone_info: {
            phoneNumber: found.countryCode === '86' ? found.phone : `+${found.countryCode}${found.phone}`,
            purePhoneNumber: found.phone,
            countryCode: found.countryCode,
            watermark: { timestamp: Math.floor(Date.now() / 1000), appid: this.appId },
          },
        }
      }
      default:
        // [U] WeChat answers an API the account may not call with 48001
        return { errcode: 48001, errmsg: `api unauthorized (not emulated: ${api})` }
    }
  }
}
