// Chosen photos and their uploads: each photo uploads as soon as it is chosen, with its own progress and retry.
import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { MAX_PHOTOS } from '@shared/enums'
import { toast } from '@/services/feedback'
import { refusedForPrivacy } from '@/services/privacy'
import { toApiError, uploadPhoto } from '@/services/transport'

export interface PickedPhoto {
  key: string
  localPath: string
  status: 'uploading' | 'done' | 'failed'
  progress: number
  fileId?: string
  /** Where the uploaded photo can be shown again (a reload loses `localPath` in the browser). */
  url?: string
  error?: string
}

/** An uploaded photo as a draft keeps it (store/drafts): enough to show it again and to send it. */
export interface SavedPhoto {
  fileId: string
  url: string
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

/**
 * `saved`: the photos of a draft to start with; `onSaved` hears the uploaded photos whenever they change
 * (a photo added, removed, or finished uploading), for the draft to keep.
 */
export function usePhotoPicker(
  max: number = MAX_PHOTOS,
  { saved, onSaved }: { saved?: SavedPhoto[]; onSaved?: (photos: SavedPhoto[]) => void } = {},
): PhotoPicker {
  const [items, setItems] = useState<PickedPhoto[]>(() =>
    (saved ?? []).map((p) => ({ key: `p${++seq}`, localPath: p.url, url: p.url, fileId: p.fileId, status: 'done', progress: 100 })),
  )
  const itemsRef = useRef(items)
  itemsRef.current = items
  const onSavedRef = useRef(onSaved)
  onSavedRef.current = onSaved
  const done = items.filter((x) => x.status === 'done' && x.fileId)
  const doneKey = done.map((x) => x.fileId).join(',')
  const first = useRef(true)
  // biome-ignore lint/correctness/useExhaustiveDependencies: the uploaded photos change exactly when doneKey does
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    onSavedRef.current?.(done.map((x) => ({ fileId: x.fileId as string, url: x.url ?? x.localPath })))
  }, [doneKey])

  const patch = useCallback((key: string, p: Partial<PickedPhoto>) => {
    setItems((list) => list.map((it) => (it.key === key ? { ...it, ...p } : it)))
  }, [])

  const start = useCallback(
    (key: string, localPath: string) => {
      patch(key, { status: 'uploading', progress: 0, error: undefined })
      uploadPhoto(localPath, (progress) => patch(key, { progress }))
        .then((res) => patch(key, { status: 'done', progress: 100, fileId: res.fileId, url: res.url }))
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
      } catch (e) {
        // declined the privacy guide: the page goes on without photos (those it needs say so)
        if (refusedForPrivacy(e)) toast('没有同意隐私保护指引，不能选照片；可以不加照片继续')
        return // or the person closed the picker
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
    fileIds: done.map((x) => x.fileId as string),
    uploading: items.some((x) => x.status === 'uploading'),
    failed: items.some((x) => x.status === 'failed'),
    choose,
    retry,
    remove,
  }
}
