// Root of every page: applies 长辈模式 (larger text and targets) through one class, and fits the page's
// bar to the page (in the browser: 返回 / 首页 and their size; WeChat has its own bar).
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { type PropsWithChildren, useEffect } from 'react'
import { TAB_ROUTES, parentOf } from '@/constants/routes'
import { platform } from '@/platform'
import { useSession } from '@/store/session'
import { cls } from '@/utils/cls'
import PrivacySheet from '../privacy-sheet'
import './index.scss'

function useChrome(elder: boolean) {
  const router = useRouter()
  const route = `/${router.path.split('?')[0].replace(/^\//, '')}`
  const show = () => platform.fitChrome({ parent: parentOf(route, router.params), tab: TAB_ROUTES.includes(route), elder })
  useDidShow(show)
  // the bar follows 长辈模式 on the page on top (pages below it and other tabs stay mounted)
  // biome-ignore lint/correctness/useExhaustiveDependencies: only 长辈模式 changes the bar while shown
  useEffect(() => {
    const top = Taro.getCurrentPages().slice(-1)[0]?.route ?? ''
    if (`/${top.replace(/^\//, '')}` === route) show()
  }, [elder])
}

export default function Screen({ className, children }: PropsWithChildren<{ className?: string }>) {
  const { elder } = useSession()
  useChrome(elder)
  return (
    <View className={cls('screen', elder && 'elder', className)}>
      {children}
      {platform.privacy && <PrivacySheet />}
    </View>
  )
}
