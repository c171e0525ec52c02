// A tiny PNG encoder, so the journeys can "take" photos without fixture files.
import { deflateSync } from 'node:zlib'

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(buf) {
  let c = 0xffffffff
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type, data) {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([len, body, crc])
}

/**
 * An RGB PNG of `size`×`size` pixels: diagonal stripes of `colour` on a light background, so the
 * photo is visibly a picture in screenshots. `colour` is [r, g, b].
 */
export function makePng({ size = 96, colour = [198, 47, 47] } = {}) {
  const row = 1 + size * 3
  const raw = Buffer.alloc(row * size)
  for (let y = 0; y < size; y++) {
    raw[y * row] = 0 // filter: none
    for (let x = 0; x < size; x++) {
      const on = Math.floor((x + y) / 12) % 2 === 0
      const [r, g, b] = on ? colour : [245, 242, 238]
      const at = y * row + 1 + x * 3
      raw[at] = r
      raw[at + 1] = g
      raw[at + 2] = b
    }
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(size, 0)
  ihdr.writeUInt32BE(size, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 2 // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** A file for page.setInputFiles / FileChooser.setFiles. */
export function photo(name = 'photo.png', colour) {
  return { name, mimeType: 'image/png', buffer: makePng({ colour }) }
}
