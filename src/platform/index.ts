// What differs between WeChat and the browser, asked for as capabilities (`platform.canScan`), never as
// TARO_ENV. Taro builds resolve `@/platform` to index.weapp.ts or index.h5.ts by file suffix; the type
// checker and jest read this file: the contract both variants implement, and the H5 one to run.

/** A place on the map (an activity's). */
export interface MapPlace {
  lat: number
  lng: number
  name: string
  address?: string | null
}

/** What the person picked on the map. */
export interface PickedPlace {
  name: string
  address: string
  lat: number
  lng: number
}

/** A generated file (工作台账, 三评) at an absolute URL. */
export interface FileLink {
  url: string
  name: string
}

/** What the bar above the page (and the dialogs over it) need to know about the page shown. */
export interface PageChrome {
  /** Where 返回 goes when no page of the app came before this one (a link, a reload); null: no 返回 then. */
  parent: string | null
  /** A tab page (首页, 消息, 我的): a title only. */
  tab: boolean
  /** 长辈模式: larger title and buttons. */
  elder: boolean
}

/** Passkeys (WebAuthn) in the browser: the server's options in, the browser's answer out. */
export interface PasskeyDevice {
  /** Whether this browser can make and use passkeys (it has `window.PublicKeyCredential`). */
  available(): boolean
  /** Makes a passkey (navigator.credentials.create); null when the person cancelled. Throws ApiError otherwise. */
  create(options: Record<string, unknown>): Promise<Record<string, unknown> | null>
  /** Signs with a passkey (navigator.credentials.get); null when the person cancelled. Throws ApiError otherwise. */
  get(options: Record<string, unknown>): Promise<Record<string, unknown> | null>
}

/** WeChat's `resolve` of wx.onNeedPrivacyAuthorization: the person's answer in the privacy sheet. */
export type PrivacyAnswer = (r: { buttonId?: string; event: 'agree' | 'disagree' }) => void

/** WeChat's privacy flow (services/privacy.ts); null in the browser. */
export interface PrivacyApis {
  /** wx.onNeedPrivacyAuthorization: WeChat wants the sheet shown before a photo, location or phone call. */
  onNeed: (show: (answer: PrivacyAnswer) => void) => void
  /** wx.getPrivacySetting: whether the person still has to agree, and the guide's name. */
  setting: () => Promise<{ needAuthorization: boolean; name: string } | null>
  /** wx.openPrivacyContract: WeChat's page of the guide. */
  openGuide: () => void
}

export interface Platform {
  /** How people sign in: WeChat tells the functions who calls; the browser signs in as a demo user. */
  signIn: 'wechat' | 'demo'
  /** A QR scanner (签到, 核销); without it people paste or type the code. */
  canScan: boolean
  /** The scanned text, or null when the person closed the scanner. */
  scanQr: () => Promise<string | null>
  /** A 转发 button that shares the page to a chat (`<Button openType="share">`). */
  canShareToChat: boolean
  /** Turns on the page's share menu (with its share ticket) where there is one. */
  showShareMenu: () => void
  /** The link to give someone for an app path ("/workbench/branch-score/index?t=…"). */
  linkTo: (path: string) => string
  /** WeChat's getPhoneNumber button (the number WeChat has verified). */
  canUseWechatPhone: boolean
  /** Picking a place on a map (发布活动). */
  canPickPlace: boolean
  /** The picked place, or null when the person closed the map; rejects when WeChat refused (the privacy guide declined). */
  pickPlace: () => Promise<PickedPlace | null>
  /** Shows a place on a map: WeChat's own, or a map site in a new tab. */
  openMap: (place: MapPlace) => void
  /** Keeps the screen on while a code is shown (签到码); no-op where the platform cannot. */
  keepScreenOn: (on: boolean) => void
  /**
   * Saves and opens a generated file: WeChat downloads it and opens it (with the menu to forward or save
   * it); the browser starts a download. Says which happened.
   */
  openFile: (file: FileLink) => Promise<'opened' | 'downloading'>
  /**
   * Fits what is drawn around the page to the page shown. WeChat draws its own bar (title, back, and
   * home on a page opened from a card) and dialogs: nothing to do. The browser shows Taro's H5 bar (the
   * page's `navigationBarTitleText`) and gets real 返回 / 首页 buttons from here, and sizes the bar and
   * Taro's dialogs for 长辈模式 (they sit outside the page's `.screen`).
   */
  fitChrome: (bar: PageChrome) => void
  /**
   * Gives the person a copy of a text document (我的数据): the browser downloads it as a file; WeChat puts
   * it on the clipboard (wx.setClipboardData) to paste into a chat or a note. Says which happened.
   */
  saveText: (doc: { name: string; text: string }) => Promise<'downloading' | 'copied'>
  /** Where saveText puts it, for the words beside the button. */
  savesTextTo: 'file' | 'clipboard'
  /** WeChat's privacy flow; null where there is none (the browser). */
  privacy: PrivacyApis | null
  /** WeChat's 订阅消息 sheet (wx.requestSubscribeMessage); the browser has none (the inbox only). */
  canSubscribe: boolean
  /**
   * Shows the subscription sheet for these template ids and resolves with WeChat's answer per id
   * ('accept', 'reject', 'ban', …); {} when it did not show. Call it synchronously inside a tap: WeChat
   * refuses it anywhere else.
   */
  requestSubscribe: (templateIds: string[]) => Promise<Record<string, string>>
  /** The demo gateway's test clock: learn its time before showing time-based data; resolves, never fails. */
  syncClock: () => Promise<void>
  /** Passkeys, in the browser only: WeChat has its own door. */
  passkeys: PasskeyDevice | null
}

export { platform } from './index.h5'
