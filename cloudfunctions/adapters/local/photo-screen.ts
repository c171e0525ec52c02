// Local mode's photo check: every upload was checked as it arrived (adapters/local/files.ts: type, size,
// the bytes' own format, dimensions), so a photo attached to a record needs nothing more here.
import type { PhotoScreen } from '../../core/ports'

export const checkedOnUpload: PhotoScreen = {
  submit: async () => undefined,
}
