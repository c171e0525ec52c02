// WeChat's privacy sheet, ours to draw (services/privacy.ts): it opens when WeChat needs the person's
// consent to the 隐私保护指引 before a photo, location or phone-number call. 同意 is a button of
// open-type="agreePrivacyAuthorization" (only that tap records the consent), 不同意 lets the page go on
// without the call. Nothing is drawn in the browser.
import { Button, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { platform } from '@/platform'
import { AGREE_BUTTON_ID, privacySheet } from '@/services/privacy'
import './index.scss'

export default function PrivacySheet() {
  const [open, setOpen] = useState(privacySheet.isOpen())
  useEffect(() => privacySheet.subscribe(setOpen), [])
  if (!open) return null
  return (
    <View className="privacy-sheet" role="dialog" aria-label="隐私保护指引">
      <View className="privacy-sheet__panel">
        <View className="privacy-sheet__title">用户隐私保护指引</View>
        <View className="privacy-sheet__text">
          选照片、选地点或用微信手机号之前，请先阅读《红网邻里隐私保护指引》：我们收集什么、为什么、保存多久、谁能看到。不同意也可以继续使用，只是不能用这些功能（可以不加照片、手动填写手机号）。
        </View>
        <View className="privacy-sheet__link link-privacy-guide" onClick={() => platform.privacy?.openGuide()}>
          查看《红网邻里隐私保护指引》
        </View>
        <Button
          id={AGREE_BUTTON_ID}
          className="privacy-sheet__agree btn-agree-privacy"
          openType="agreePrivacyAuthorization"
          onAgreePrivacyAuthorization={() => privacySheet.agreed()}
        >
          同意并继续
        </Button>
        <View className="privacy-sheet__decline btn-decline-privacy" onClick={() => privacySheet.declined()}>
          不同意
        </View>
      </View>
    </View>
  )
}
