// Photos in a 3-column grid; tap to see them full screen.
import Taro from '@tarojs/taro'
import { Image, View } from '@tarojs/components'
import type { Photo } from '@shared/orders'
import { photoSrc } from '@/services/transport'
import './index.scss'
import Tap from '@/components/tap'

export default function PhotoGrid({ photos }: { photos: Photo[] }) {
  if (photos.length === 0) return null
  const urls = photos.map((p) => photoSrc(p.url))
  return (
    <View className="photo-grid">
      {urls.map((url) => (
        <Tap key={url} className="photo-grid__cell" onTap={() => Taro.previewImage({ current: url, urls })}>
          <Image className="photo-grid__img" src={url} mode="aspectFill" lazyLoad />
        </Tap>
      ))}
    </View>
  )
}
