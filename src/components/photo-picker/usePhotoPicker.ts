// Chosen photos and their uploads: each photo uploads as soon as it is chosen, with its own progress and retry.
import Taro from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import { MAX_PHOTOS } from '@shared/enums'
import { toast } from '@/services/feedback'
import { toApiError, uploadPhoto } from '@/services/transport'

export interface PickedPhoto {
  key: string
  localPath: string
  status: 'uploading' | 'done' | 'failed'
  progress: number
  fileId?: string
  error?: string
}

export interface PhotoPicker {
  items: PickedPhoto[]
  max: number
  /** fileIds of the photos that finished uploading, in the order shown */
  fileIds: string[]
  uploading: boolean
  failed: boolean
  choose: (source?: Array<'album' | 'camera'>) => Promise<void>
  retry: (key: string) => void
  remove: (key: string) => void
}

let seq = 0

export function usePhotoPicker(max: number = MAX_PHOTOS): PhotoPicker {
  const [items, setItems] = useState<PickedPhoto[]>([])
  const itemsRef = useRef(items)
  itemsRef.current = items

  const patch = useCallback((key: string, p: Partial<PickedPhoto>) => {
    setItems((list) => list.map((it) => (it.key === key ? { ...it, ...p } : it)))
  }, [])

  const start = useCallback(
    (key: string, localPath: string) => {
      patch(key, { status: 'uploading', progress: 0, error: undefined })
      uploadPhoto(localPath, (progress) => patch(key, { progress }))
        .then((res) => patch(key, { status: 'done', progress: 100, fileId: res.fileId }))
        .catch((e) => patch(key, { status: 'failed', error: toApiError(e).message }))
    },
    [patch],
  )

  const choose = useCallback(
    async (source: Array<'album' | 'camera'> = ['camera', 'album']) => {
      const room = max - itemsRef.current.length
      if (room <= 0) {
        toast(`最多 ${max} 张照片`)
        return
      }
      let paths: string[]
      try {
        const res = await Taro.chooseImage({ count: room, sizeType: ['compressed'], sourceType: source })
        paths = res.tempFilePaths.slice(0, room)
      } catch {
        return // the person closed the picker
      }
      const added = paths.map((localPath) => ({ key: `p${++seq}`, localPath, status: 'uploading' as const, progress: 0 }))
      setItems((list) => [...list, ...added])
      for (const it of added) start(it.key, it.localPath)
    },
    [max, start],
  )

  const retry = useCallback(
    (key: string) => {
      const it = itemsRef.current.find((x) => x.key === key)
      if (it) start(key, it.localPath)
    },
    [start],
  )

  const remove = useCallback((key: string) => setItems((list) => list.filter((x) => x.key !== key)), [])

  return {
    items,
    max,
    fileIds: items.filter((x) => x.status === 'done' && x.fileId).map((x) => x.fileId as string),
    uploading: items.some((x) => x.status === 'uploading'),
    failed: items.some((x) => x.status === 'failed'),
    choose,
    retry,
    remove,
  }
}
