// A QR code drawn as rows of Views (runs of dark/light modules) at whole-pixel module sizes, with the
// quiet zone: crisp in H5 and WeChat alike. WeChat pages use the native twin (components/native-qr).
import { View } from '@tarojs/components'
import { useMemo } from 'react'
import { cls } from '@/utils/cls'
import { QUIET_ZONE, modulePx, qrMatrix, rowRuns } from './matrix'
import './index.scss'

export interface QrCodeProps {
  text: string
  /** About this many CSS px wide, quiet zone included (rounded down to whole pixels per module). */
  size?: number
  className?: string
}

export default function QrCode({ text, size = 240, className }: QrCodeProps) {
  const matrix = useMemo(() => qrMatrix(text), [text])
  if (matrix.length === 0) return null
  const px = modulePx(matrix.length, size)
  const total = px * (matrix.length + 2 * QUIET_ZONE)
  return (
    <View
      className={cls('qr-code', className)}
      style={{ width: `${total}px`, height: `${total}px`, padding: `${px * QUIET_ZONE}px` }}
      role="img"
      aria-label="二维码"
      data-text={text}
    >
      {matrix.map((row, r) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in a fixed grid
        <View key={r} className="qr-code__row" style={{ height: `${px}px` }}>
          {rowRuns(row).map((run, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: runs are positions in a fixed row
            <View key={i} className={run.dark ? 'qr-code__dark' : 'qr-code__light'} style={{ width: `${run.length * px}px` }} />
          ))}
        </View>
      ))}
    </View>
  )
}
