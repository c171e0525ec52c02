// WeChat's privacy flow (用户隐私保护指引, docs/privacy-guide.md): before the first photo, location or
// phone-number call WeChat asks the app, through wx.onNeedPrivacyAuthorization, to show its own sheet;
// the sheet's 同意 is a button of open-type="agreePrivacyAuthorization", after which the waiting call goes
// on, and 不同意 makes that call fail (the flows then go on without it: no photo, a typed number).
// The sheet (components/privacy-sheet) is on every page through Screen; this module holds whether it is
// open. In the browser (platform.privacy null) nothing of this happens.
import { type PrivacyAnswer, platform } from '@/platform'

/** The id of the sheet's agree button: WeChat wants it named in the answer. */
export const AGREE_BUTTON_ID = 'agree-privacy'

let waiting: PrivacyAnswer | null = null
const listeners = new Set<(open: boolean) => void>()
const tell = () => {
  for (const l of listeners) l(waiting !== null)
}

export const privacySheet = {
  isOpen: () => waiting !== null,
  subscribe(listener: (open: boolean) => void) {
    listeners.add(listener)
    return () => {
      listeners.delete(listener)
    }
  },
  /** After the agree button's agreeprivacyauthorization event: WeChat has the consent, the call goes on. */
  agreed() {
    waiting?.({ buttonId: AGREE_BUTTON_ID, event: 'agree' })
    waiting = null
    tell()
  },
  /** 不同意: the waiting call fails; the page goes on without it. */
  declined() {
    waiting?.({ event: 'disagree' })
    waiting = null
    tell()
  },
}

/** Once, at app launch: WeChat's request to show the sheet opens ours. */
export function watchPrivacy() {
  platform.privacy?.onNeed((answer) => {
    // a second request while one is open answers the first as declined
    waiting?.({ event: 'disagree' })
    waiting = answer
    tell()
  })
}

/** A call WeChat refused for want of the person's consent (errno 104, "privacy … not authorized"). */
export function refusedForPrivacy(e: unknown): boolean {
  const err = e as { errno?: number; errMsg?: string } | null
  return err?.errno === 104 || /privacy/i.test(err?.errMsg ?? '')
}
