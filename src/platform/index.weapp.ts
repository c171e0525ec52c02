// WeChat: the caller is known by OPENID, with a scanner, a share menu, maps and openDocument.
import Taro from '@tarojs/taro'
import { ApiError } from '@/services/transport'
import type { Platform, PrivacyAnswer } from './index'

declare const wx: {
  onNeedPrivacyAuthorization?: (cb: (resolve: PrivacyAnswer) => void) => void
  getPrivacySetting?: (o: { success: (r: { needAuthorization: boolean; privacyContractName: string }) => void; fail: () => void }) => void
  openPrivacyContract?: (o: { fail?: () => void }) => void
}

export const platform: Platform = {
  signIn: 'wechat',
  canScan: true,
  async scanQr() {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      return res.result
    } catch {
      return null // closed the scanner
    }
  },
  canShareToChat: true,
  showShareMenu() {
    void Taro.showShareMenu({ withShareTicket: true }).catch(() => undefined)
  },
  // a shared card opens the page itself
  linkTo: (path) => path,
  canUseWechatPhone: true,
  canPickPlace: true,
  async pickPlace() {
    try {
      const res = await Taro.chooseLocation({})
      return { name: res.name, address: res.address, lat: res.latitude, lng: res.longitude }
    } catch (e) {
      // closed the map: nothing picked; anything else (the privacy guide declined) is the page's to say
      if (/cancel/.test((e as { errMsg?: string } | null)?.errMsg ?? '')) return null
      throw e
    }
  },
  openMap({ lat, lng, name, address }) {
    void Taro.openLocation({ latitude: lat, longitude: lng, name, address: address ?? '', scale: 17 }).catch(() => undefined)
  },
  keepScreenOn(on) {
    void Taro.setKeepScreenOn({ keepScreenOn: on }).catch(() => undefined)
  },
  // into the user data folder under its own name, so a forwarded file keeps it
  async openFile({ url, name }) {
    const dir = (Taro as unknown as { env: { USER_DATA_PATH: string } }).env.USER_DATA_PATH
    const res = await Taro.downloadFile({ url, filePath: `${dir}/${name}` }).catch(() => null)
    if (res?.statusCode !== 200) throw new ApiError('NETWORK', '表格没有下载下来，请重试')
    await Taro.openDocument({ filePath: res.filePath ?? `${dir}/${name}`, fileType: 'xlsx', showMenu: true })
    return 'opened'
  },
  // WeChat's own navigation bar has the title, back, and home where back would leave the mini-program
  fitChrome: () => undefined,
  savesTextTo: 'clipboard',
  async saveText({ text }) {
    await Taro.setClipboardData({ data: text })
    return 'copied'
  },
  // the APIs of WeChat's privacy flow are newer than Taro's list of them: reached on wx itself
  privacy: {
    onNeed(show) {
      wx.onNeedPrivacyAuthorization?.((resolve) => show(resolve))
    },
    setting() {
      return new Promise((resolve) => {
        if (!wx.getPrivacySetting) return resolve(null)
        wx.getPrivacySetting({
          success: (r) => resolve({ needAuthorization: r.needAuthorization, name: r.privacyContractName }),
          fail: () => resolve(null),
        })
      })
    },
    openGuide() {
      wx.openPrivacyContract?.({ fail: () => undefined })
    },
  },
  canSubscribe: true,
  requestSubscribe(templateIds) {
    // Taro's wrapper calls wx.requestSubscribeMessage at once (inside the caller's tap); a refusal or a
    // closed sheet is an answer of nothing accepted, never an error
    return new Promise((resolve) => {
      Taro.requestSubscribeMessage({
        tmplIds: templateIds,
        success: (res) => resolve(res as unknown as Record<string, string>),
        fail: () => resolve({}),
      } as unknown as Taro.requestSubscribeMessage.Option).catch(() => resolve({}))
    })
  },
  // the demo's test clock lives in the local gateway only
  syncClock: () => Promise.resolve(),
  // WeChat vouches for the caller: no passkeys there
  passkeys: null,
}
