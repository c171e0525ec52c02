// WeChat open APIs through wx-server-sdk, loaded on first use only: most calls (lists, reads)
// never pay for requiring it. The SDK stays external to the bundles; each function's
// package.json installs it.
export type OpenApiCall = (params: Record<string, unknown>) => Promise<Record<string, unknown>>

/** The open APIs the adapters call (wx-server-sdk returns camelCase results, errCode 0). */
export interface WxOpenApi {
  security: { msgSecCheck: OpenApiCall; mediaCheckAsync: OpenApiCall }
  subscribeMessage: { send: OpenApiCall }
  phonenumber: { getPhoneNumber: OpenApiCall }
}

let cached: WxOpenApi | null = null

/** `cloud.openapi` of wx-server-sdk, initialised once per function instance. */
export function wxOpenApi(): WxOpenApi {
  if (!cached) {
    const cloud = require('wx-server-sdk')
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
    cached = cloud.openapi as WxOpenApi
  }
  return cached
}

/** wx-server-sdk throws `{ errCode, errMsg }` for WeChat errors (errCode a number). */
export function errCodeOf(e: unknown): number | null {
  const code = typeof e === 'object' && e !== null ? (e as { errCode?: unknown }).errCode : undefined
  const n = typeof code === 'number' ? code : typeof code === 'string' ? Number(code) : Number.NaN
  return Number.isFinite(n) ? n : null
}
