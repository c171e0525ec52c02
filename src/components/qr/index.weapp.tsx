// The QR code in WeChat: the native custom component src/components/native-qr. A page that shows it
// lists it in its index.config.ts: usingComponents: { 'native-qr': '../../components/native-qr/index' }.
import type { QrProps } from './index'

export default function Qr({ text, size = 240 }: QrProps) {
  return <native-qr text={text} size={size} />
}
