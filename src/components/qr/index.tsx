// The QR code a page shows. This file is the H5 one (drawn with Views, components/qr-code); WeChat
// builds pick index.weapp.tsx instead (Taro's per-platform files), which renders the native custom
// component, so the weapp build carries the QR encoder once, in components/native-qr.
import QrCode from '../qr-code'

export interface QrProps {
  text: string
  /** About this many px wide, quiet zone included. */
  size?: number
}

export default function Qr({ text, size = 240 }: QrProps) {
  return <QrCode text={text} size={size} />
}
