// Where the local gateway lives, and photo URLs made absolute against it when the API is elsewhere.

/** '' = same origin as the page (the local gateway serves the H5 build). */
export const API_BASE: string = (process.env.TARO_APP_API_BASE || '').replace(/\/+$/, '')

/** Where to load a photo from: gateway paths are made absolute when the API lives elsewhere. */
export function photoSrc(url: string): string {
  return url.startsWith('/') ? API_BASE + url : url
}
