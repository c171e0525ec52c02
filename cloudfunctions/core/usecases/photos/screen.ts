// Photos others will see go to the photo check once the record holding them has committed (in WeChat:
// mediaCheckAsync; locally uploads were checked as they arrived).
import type { PhotoPlace } from '../../domain/model'
import type { Ctx } from '../../ports'

export function screenPhotos(ctx: Ctx, who: { userId: string; communityId: string }, place: PhotoPlace, fileIds: Array<string | null>) {
  const photos = fileIds
    .filter((fileId): fileId is string => !!fileId)
    .map((fileId) => ({ fileId, ownerId: who.userId, communityId: who.communityId, place }))
  if (photos.length > 0) ctx.after(() => ctx.photos.submit(photos))
}

/** What a stored photo shows as: photos storage no longer has (removed after a check) are left out. */
export async function shownPhotos(ctx: Ctx, fileIds: string[]) {
  if (fileIds.length === 0) return []
  return (await ctx.files.urls(fileIds)).filter((p) => !!p.url)
}

/** One stored photo as shown, or null (none, or removed). */
export async function shownPhoto(ctx: Ctx, fileId: string | null) {
  return fileId ? ((await shownPhotos(ctx, [fileId]))[0] ?? null) : null
}
