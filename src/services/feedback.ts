// Loading, toasts and confirm dialogs: every page goes through these so they look and behave alike.
import Taro from '@tarojs/taro'

let loadingDepth = 0

export function showLoading(title: string) {
  loadingDepth += 1
  if (loadingDepth === 1) Taro.showLoading({ title, mask: true })
}

export function hideLoading() {
  if (loadingDepth === 0) return
  loadingDepth -= 1
  if (loadingDepth === 0) Taro.hideLoading()
}

/** A short notice at the centre of the screen. Long messages use no icon (icons cut text to 7 chars). */
export function toast(title: string, kind: 'success' | 'error' | 'none' = 'none') {
  const icon = kind === 'success' && title.length <= 7 ? 'success' : 'none'
  Taro.showToast({ title, icon, duration: kind === 'error' ? 2500 : 2000 })
}

/** At most 4 Chinese characters (8 half-width ones), as showModal requires. */
function fits(text: string | undefined): text is string {
  return !!text && text.replace(/[\u0391-\uFFE5]/g, 'aa').length <= 8
}

/** Ask once before anything that changes data. Resolves true when the person taps the confirm button. */
export async function confirm(content: string, opts: { title?: string; confirmText?: string } = {}): Promise<boolean> {
  try {
    const res = await Taro.showModal({
      title: opts.title ?? '请确认',
      content,
      // both platforms refuse a button text over 4 Chinese characters (and the dialog never shows)
      confirmText: fits(opts.confirmText) ? opts.confirmText : '确定',
      cancelText: '再想想',
      confirmColor: '#c62f2f',
    })
    return !!res.confirm
  } catch {
    return false
  }
}
