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

/** Ask once before anything that changes data. Resolves true when the person taps the confirm button. */
export async function confirm(content: string, opts: { title?: string; confirmText?: string } = {}): Promise<boolean> {
  try {
    const res = await Taro.showModal({
      title: opts.title ?? '请确认',
      content,
      confirmText: opts.confirmText ?? '确定',
      cancelText: '再想想',
      confirmColor: '#c62f2f',
    })
    return !!res.confirm
  } catch {
    return false
  }
}
