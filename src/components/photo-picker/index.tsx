// Photo picker with per-photo progress, 重试 on failure and a remove button.
import { Image, Text, View } from '@tarojs/components'
import { cls } from '@/utils/cls'
import type { PhotoPicker as Picker } from './usePhotoPicker'
import './index.scss'
import Tap from '@/components/tap'

export { usePhotoPicker } from './usePhotoPicker'
export type { PickedPhoto, SavedPhoto } from './usePhotoPicker'

export interface PhotoPickerProps {
  picker: Picker
  /** Camera first (随手拍); otherwise camera or album. */
  cameraFirst?: boolean
  addText?: string
}

export default function PhotoPicker({ picker, cameraFirst, addText = '添加照片' }: PhotoPickerProps) {
  const { items, max } = picker
  return (
    <View className="photo-picker">
      {items.map((it) => (
        <View key={it.key} className={cls('photo-picker__cell', `photo-picker__cell--${it.status}`)}>
          <Image className="photo-picker__img" src={it.localPath} mode="aspectFill" />
          {it.status === 'uploading' && (
            <View className="photo-picker__mask">
              <Text>{it.progress}%</Text>
              <View className="photo-picker__bar">
                <View className="photo-picker__bar-fill" style={{ width: `${it.progress}%` }} />
              </View>
            </View>
          )}
          {it.status === 'failed' && (
            <Tap className="photo-picker__mask photo-picker__mask--failed photo-retry" onTap={() => picker.retry(it.key)}>
              <Text>没传上</Text>
              <Text className="photo-picker__retry">点我重试</Text>
            </Tap>
          )}
          {it.status === 'done' && <View className="photo-picker__ok">✓</View>}
          <Tap className="photo-picker__remove photo-remove" onTap={() => picker.remove(it.key)} label="删除这张照片">
            ×
          </Tap>
        </View>
      ))}
      {items.length < max && (
        <Tap
          className="photo-picker__cell photo-picker__add btn-add-photo"
          onTap={() => void picker.choose(cameraFirst ? ['camera', 'album'] : ['album', 'camera'])}
        >
          <View className="photo-picker__add-inner">
            <Text className="photo-picker__plus">+</Text>
            <Text>{addText}</Text>
            <Text className="photo-picker__count">
              {items.length}/{max}
            </Text>
          </View>
        </Tap>
      )}
    </View>
  )
}
