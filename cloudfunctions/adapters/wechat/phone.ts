// Phone number from the getPhoneNumber button's one-time code (valid 5 minutes, charged per call).
import { AppError, invalid } from '../../core/domain/errors'
import type { OpenApiCall } from './openapi'
import { errCodeOf } from './openapi'

export interface PhoneNumbers {
  /** The verified mainland number for a code, without country code. */
  fromCode(code: string): Promise<string>
}

/** 40029: invalid code (used, expired or forged). */
const INVALID_CODE = 40029

export function wechatPhoneNumbers(options: { getPhoneNumber: () => OpenApiCall }): PhoneNumbers {
  return {
    async fromCode(code) {
      if (!/^[A-Za-z0-9_-]{8,128}$/.test(code)) throw invalid('code', '手机号授权已失效，请重新授权')
      try {
        const res = await options.getPhoneNumber()({ code })
        const info = (res.phoneInfo ?? {}) as { purePhoneNumber?: unknown; countryCode?: unknown }
        const phone = String(info.purePhoneNumber ?? '')
        if (!/^\d{5,20}$/.test(phone)) throw new AppError('INTERNAL', '获取手机号失败，请稍后再试')
        return phone
      } catch (e) {
        if (e instanceof AppError) throw e
        if (errCodeOf(e) === INVALID_CODE) throw invalid('code', '手机号授权已失效，请重新授权')
        throw e
      }
    },
  }
}
