// The wire in a browser (H5): JSON over fetch to the local gateway, photos as raw bytes to /api/files,
// generated files downloaded through a link.
import { MAX_PHOTO_BYTES, PHOTO_MIME_TYPES } from '@shared/enums'
import { ApiError, fromEnvelope } from '@/services/errors'
import { API_BASE, photoSrc } from '@/services/urls'
import type { Caller, UploadedPhoto, Wire } from './wire.types'

async function request(method: 'GET' | 'POST', path: string, body: object | undefined, caller: Caller): Promise<unknown> {
  const headers: Record<string, string> = {}
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  if (caller.token) headers.Authorization = `Bearer ${caller.token}`
  let res: Response
  try {
    res = await fetch(API_BASE + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  } catch {
    throw new ApiError('NETWORK')
  }
  try {
    return await res.json()
  } catch {
    throw new ApiError(res.status === 401 ? 'UNAUTHENTICATED' : res.status >= 500 ? 'INTERNAL' : 'NETWORK')
  }
}

const MIME_BY_EXT: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' }
const COMPRESS_ABOVE = 1.5 * 1024 * 1024

/** Phone photos are often several MB: shrink big ones to a 1600 px JPEG before sending. */
async function shrink(blob: Blob): Promise<Blob> {
  if (blob.size <= COMPRESS_ABOVE || typeof document === 'undefined' || typeof createImageBitmap !== 'function') return blob
  try {
    const bmp = await createImageBitmap(blob)
    const scale = Math.min(1, 1600 / Math.max(bmp.width, bmp.height))
    const canvas = document.createElement('canvas')
    canvas.width = Math.round(bmp.width * scale)
    canvas.height = Math.round(bmp.height * scale)
    canvas.getContext('2d')?.drawImage(bmp, 0, 0, canvas.width, canvas.height)
    const out = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85))
    return out && out.size < blob.size ? out : blob
  } catch {
    return blob
  }
}

function postBytes(blob: Blob, type: string, caller: Caller, onProgress?: (pct: number) => void): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', `${API_BASE}/api/files`)
    xhr.setRequestHeader('Content-Type', type)
    if (caller.token) xhr.setRequestHeader('Authorization', `Bearer ${caller.token}`)
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(Math.round((e.loaded / e.total) * 100))
    }
    xhr.onload = () => {
      try {
        resolve(JSON.parse(xhr.responseText))
      } catch {
        reject(new ApiError(xhr.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'INTERNAL'))
      }
    }
    xhr.onerror = () => reject(new ApiError('NETWORK'))
    xhr.send(blob)
  })
}

async function uploadPhoto(filePath: string, caller: Caller, onProgress?: (pct: number) => void): Promise<UploadedPhoto> {
  let blob: Blob
  try {
    blob = await (await fetch(filePath)).blob()
  } catch {
    throw new ApiError('INVALID_INPUT', '读不到这张照片，请重新选择')
  }
  blob = await shrink(blob)
  const ext = (filePath.split('?')[0].split('.').pop() || '').toLowerCase()
  const type = blob.type || MIME_BY_EXT[ext] || ''
  if (!(PHOTO_MIME_TYPES as readonly string[]).includes(type)) throw new ApiError('INVALID_INPUT', '只能上传 JPG、PNG 或 WebP 格式的照片')
  if (blob.size > MAX_PHOTO_BYTES) throw new ApiError('PAYLOAD_TOO_LARGE', '照片太大了（超过 5 MB），请换一张')
  const data = fromEnvelope<{ fileId: string; url: string }>(await postBytes(blob, type, caller, onProgress))
  return { fileId: data.fileId, url: photoSrc(data.url) }
}

async function uploadRoster(file: Blob, commit: boolean, requestId: string, caller: Caller): Promise<unknown> {
  const headers: Record<string, string> = { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }
  if (caller.token) headers.Authorization = `Bearer ${caller.token}`
  try {
    const res = await fetch(`${API_BASE}/api/roster?commit=${commit ? 1 : 0}&requestId=${encodeURIComponent(requestId)}`, {
      method: 'POST',
      headers,
      body: file,
    })
    return await res.json()
  } catch {
    throw new ApiError('NETWORK')
  }
}

export const wire: Wire = {
  send: (fn, body, caller) => request('POST', `/api/${fn}`, body, caller),
  gateway: request,
  uploadPhoto,
  uploadRoster,
}
