// The browser (H5 against the local gateway): demo sign-in, no scanner, links and downloads.
import { syncClock } from '@/services/clock'
import type { Platform } from './index'
import { fitChrome } from './chrome.h5'
import { passkeys } from './passkeys.h5'

export const platform: Platform = {
  signIn: 'demo',
  canScan: false,
  scanQr: () => Promise.resolve(null),
  canShareToChat: false,
  showShareMenu: () => undefined,
  // the H5 router is hash-based: the app path goes after the '#'
  linkTo: (path) => `${window.location.origin}${window.location.pathname}#${path}`,
  canUseWechatPhone: false,
  canPickPlace: false,
  pickPlace: () => Promise.resolve(null),
  openMap({ lat, lng, name }) {
    const url = `https://uri.amap.com/marker?position=${lng},${lat}&name=${encodeURIComponent(name)}&coordinate=gaode&callnative=0`
    if (typeof window !== 'undefined') window.open(url, '_blank', 'noopener')
  },
  keepScreenOn: () => undefined,
  openFile({ url, name }) {
    const a = document.createElement('a')
    a.href = url
    a.download = name
    a.rel = 'noopener'
    document.body.appendChild(a)
    a.click()
    a.remove()
    return Promise.resolve('downloading')
  },
  savesTextTo: 'file',
  saveText({ name, text }) {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json;charset=utf-8' }))
    const a = document.createElement('a')
    a.href = url
    a.download = name
    a.rel = 'noopener'
    document.body.appendChild(a)
    a.click()
    a.remove()
    setTimeout(() => URL.revokeObjectURL(url), 60_000)
    return Promise.resolve('downloading')
  },
  privacy: null,
  // no 订阅消息 in the browser: notices wait in 消息
  canSubscribe: false,
  requestSubscribe: () => Promise.resolve({}),
  fitChrome,
  syncClock,
  passkeys,
}
