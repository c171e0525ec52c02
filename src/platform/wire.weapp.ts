// The wire in WeChat: wx.cloud.callFunction to the CloudBase functions (WeChat adds the caller's OPENID),
// photos to cloud storage under the uploader's own folder, generated files downloaded and opened.
import Taro from '@tarojs/taro'
import { ApiError } from '@/services/errors'
import type { Caller, UploadedPhoto, Wire } from './wire.types'

let cloudReady = false
function ensureCloud() {
  if (cloudReady) return
  const env = process.env.TARO_APP_CLOUD_ENV
  Taro.cloud.init(env ? { env, traceUser: true } : { traceUser: true })
  cloudReady = true
}

async function send(fn: string, body: object): Promise<unknown> {
  ensureCloud()
  try {
    const res = await Taro.cloud.callFunction({ name: fn, data: body as Record<string, unknown> })
    return res.result
  } catch {
    throw new ApiError('NETWORK')
  }
}

/** A random file name of [a-z0-9]: the functions accept only `uploads/<userId>/<name>.<ext>`. */
function randomName(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`
}

function uploadPhoto(filePath: string, caller: Caller, onProgress?: (pct: number) => void): Promise<UploadedPhoto> {
  ensureCloud()
  const ext = (filePath.split('.').pop() || 'jpg').toLowerCase()
  if (!caller.userId) return Promise.reject(new ApiError('UNAUTHENTICATED', '请先登录'))
  return new Promise((resolve, reject) => {
    const task = Taro.cloud.uploadFile({
      // the functions check a photo lies in the uploader's own folder of this environment
      cloudPath: `uploads/${caller.userId}/${randomName()}.${ext}`,
      filePath,
      success: (res) => resolve({ fileId: res.fileID, url: filePath }),
      fail: () => reject(new ApiError('NETWORK', '照片没传上去，请点重试')),
    })
    task?.onProgressUpdate?.((p) => onProgress?.(p.progress))
  })
}

export const wire: Wire = {
  send,
  gateway: null,
  uploadPhoto,
  // the mini-program has no gateway: a community is set up with `npm run setup -- file.xlsx --cloud`
  uploadRoster: null,
}
