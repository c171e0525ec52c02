// The browser's page bar. Taro's H5 router draws it (app.config.ts `navigationStyle: 'default'`): the
// page's title from its `navigationBarTitleText` (and `Taro.setNavigationBarTitle`), the brand colours,
// sticky at the top, and the tab's title. Its own back / home controls are 24 px icons in a <div> (no
// name for a screen reader, no keyboard, no 长辈模式 size), and after a reload they only offer home; so
// they are hidden (app.scss) and two real buttons take their place: 返回 — to the page before, or to the
// page's natural parent when nothing in the app came before — and 首页 where 返回 would have left the app.
// 长辈模式 reaches the bar and Taro's dialogs through classes: they are outside the page's `.screen`.
import Taro from '@tarojs/taro'
import { ROUTES, TAB_ROUTES } from '@/constants/routes'
import type { PageChrome } from './index'

let current: PageChrome = { parent: null, tab: true, elder: false }

function button(className: string, text: string, label: string, onTap: () => void): HTMLButtonElement {
  const b = document.createElement('button')
  b.type = 'button'
  b.className = `page-bar__button ${className}`
  b.textContent = text
  b.setAttribute('aria-label', label)
  b.addEventListener('click', onTap)
  return b
}

function open(url: string) {
  const path = url.split('?')[0]
  if (TAB_ROUTES.includes(path)) void Taro.switchTab({ url: path })
  else void Taro.redirectTo({ url })
}

/** 返回: the page before in the app; with none (a link, a reload), the natural parent in its place. */
function back() {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
  else if (current.parent) open(current.parent)
}

function buttons(bar: HTMLElement) {
  let back$ = bar.querySelector<HTMLButtonElement>('.page-bar__back')
  let home$ = bar.querySelector<HTMLButtonElement>('.page-bar__home')
  if (!back$ || !home$) {
    back$ = button('page-bar__back', '‹ 返回', '返回', back)
    home$ = button('page-bar__home', '首页', '首页', () => void Taro.reLaunch({ url: ROUTES.home }))
    bar.append(back$, home$)
  }
  return { back$, home$ }
}

export function fitChrome(bar: PageChrome) {
  current = bar
  if (typeof document === 'undefined') return
  // Taro's dialogs and toasts are outside the page too: app.scss sizes them under this class
  document.documentElement.classList.toggle('elder-chrome', bar.elder)
  const el = document.getElementById('taro-navigation-bar')
  if (!el) return
  const { back$, home$ } = buttons(el)
  const first = Taro.getCurrentPages().length <= 1
  back$.hidden = bar.tab || (first && !bar.parent)
  home$.hidden = bar.tab || !first
  el.classList.add('page-bar')
  el.classList.toggle('page-bar--elder', bar.elder)
  el.setAttribute('role', 'banner')
  const title = el.querySelector('.taro-navigation-bar-title')
  title?.setAttribute('role', 'heading')
  title?.setAttribute('aria-level', '1')
}
