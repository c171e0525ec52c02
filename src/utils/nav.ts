// Navigation helpers: tab pages need switchTab; a page opened directly (H5 link) has nowhere to go back to.
import Taro from '@tarojs/taro'
import { ROUTES, TAB_ROUTES } from '@/constants/routes'

export function go(url: string) {
  const path = url.split('?')[0]
  if (TAB_ROUTES.includes(path)) void Taro.switchTab({ url: path })
  else void Taro.navigateTo({ url })
}

/** Replace the current page (after submitting a form, the form should not be "back"). */
export function replace(url: string) {
  void Taro.redirectTo({ url })
}

export function back() {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
  else void Taro.switchTab({ url: ROUTES.home })
}
