// The contract both wire variants implement (each checks itself with `satisfies Wire`).

export interface UploadedPhoto {
  fileId: string
  /** What to show: a gateway URL (h5) or the local temp file (weapp). */
  url: string
}

/** Who is signed in, as the wire needs it: the session token (h5) and the user id (cloud upload paths). */
export interface Caller {
  token: string | null
  userId: string | null
}

export interface Wire {
  /** Sends `{ action, input, requestId }` to a function; resolves with its envelope, unchecked. Throws ApiError('NETWORK'). */
  send(fn: string, body: object, caller: Caller): Promise<unknown>
  /** Plain HTTP to the local gateway's own endpoints (demo sign-in, the test clock); null where there is no gateway. */
  gateway: null | ((method: 'GET' | 'POST', path: string, body: object | undefined, caller: Caller) => Promise<unknown>)
  /** Uploads one chosen photo (a temp path from chooseImage), reporting 0–100 progress. Throws ApiError. */
  uploadPhoto(filePath: string, caller: Caller, onProgress?: (pct: number) => void): Promise<UploadedPhoto>
  /** Sends a 社区设置表 (.xlsx) to the gateway's import (a dry run unless `commit`); null where there is no gateway. */
  uploadRoster: null | ((file: Blob, commit: boolean, requestId: string, caller: Caller) => Promise<unknown>)
}
