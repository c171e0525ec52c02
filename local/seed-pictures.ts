// The demo history's pictures, drawn in code: small PNGs of the mall's goods and of the scenes members
// photograph when they close an order (a fixed tap, a cleaned stairwell). Deterministic — the same
// seed draws the same picture — and stored through the same upload path as a phone's photo.
import { deflateSync } from 'node:zlib'
import type { PostType } from '@shared/enums'

type Rgb = readonly [number, number, number]

/** A tiny RGB canvas with the few shapes the pictures need. */
class Canvas {
  readonly px: Uint8Array
  constructor(
    readonly w: number,
    readonly h: number,
  ) {
    this.px = new Uint8Array(w * h * 3)
  }

  private set(x: number, y: number, c: Rgb) {
    if (x < 0 || y < 0 || x >= this.w || y >= this.h) return
    const i = (y * this.w + x) * 3
    this.px[i] = c[0]
    this.px[i + 1] = c[1]
    this.px[i + 2] = c[2]
  }

  rect(x: number, y: number, w: number, h: number, c: Rgb) {
    for (let j = Math.max(0, Math.round(y)); j < Math.min(this.h, Math.round(y + h)); j++)
      for (let i = Math.max(0, Math.round(x)); i < Math.min(this.w, Math.round(x + w)); i++) this.set(i, j, c)
  }

  /** Top to bottom, from one colour to another. */
  gradient(top: Rgb, bottom: Rgb) {
    for (let j = 0; j < this.h; j++) {
      const t = j / (this.h - 1)
      const c: Rgb = [0, 1, 2].map((k) => Math.round(top[k] + (bottom[k] - top[k]) * t)) as unknown as Rgb
      this.rect(0, j, this.w, 1, c)
    }
  }

  ellipse(cx: number, cy: number, rx: number, ry: number, c: Rgb) {
    for (let j = Math.floor(cy - ry); j <= Math.ceil(cy + ry); j++)
      for (let i = Math.floor(cx - rx); i <= Math.ceil(cx + rx); i++) {
        const dx = (i - cx) / rx
        const dy = (j - cy) / ry
        if (dx * dx + dy * dy <= 1) this.set(i, j, c)
      }
  }

  /** A filled triangle (roofs, scissors' blades). */
  triangle(a: [number, number], b: [number, number], c: [number, number], col: Rgb) {
    const minX = Math.floor(Math.min(a[0], b[0], c[0]))
    const maxX = Math.ceil(Math.max(a[0], b[0], c[0]))
    const minY = Math.floor(Math.min(a[1], b[1], c[1]))
    const maxY = Math.ceil(Math.max(a[1], b[1], c[1]))
    const side = (p: [number, number], q: [number, number], x: number, y: number) => (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0])
    for (let y = minY; y <= maxY; y++)
      for (let x = minX; x <= maxX; x++) {
        const s1 = side(a, b, x, y)
        const s2 = side(b, c, x, y)
        const s3 = side(c, a, x, y)
        if ((s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0)) this.set(x, y, col)
      }
  }

  png(): Buffer {
    const raw = Buffer.alloc((this.w * 3 + 1) * this.h)
    for (let y = 0; y < this.h; y++) {
      raw[y * (this.w * 3 + 1)] = 0
      Buffer.from(this.px.buffer, y * this.w * 3, this.w * 3).copy(raw, y * (this.w * 3 + 1) + 1)
    }
    const ihdr = Buffer.alloc(13)
    ihdr.writeUInt32BE(this.w, 0)
    ihdr.writeUInt32BE(this.h, 4)
    ihdr.set([8, 2, 0, 0, 0], 8) // 8-bit RGB
    return Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', Buffer.alloc(0)),
    ])
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(bytes: Buffer): number {
  let c = 0xffffffff
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'ascii')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
  return Buffer.concat([head, data, crc])
}

/** A small deterministic generator (xorshift32): the same seed, the same numbers — a picture depends on its
 * seed alone, and two runs of the history tell the same year. */
export function rng(seed: number) {
  let s = seed >>> 0 || 1
  return () => {
    s ^= s << 13
    s ^= s >>> 17
    s ^= s << 5
    return (s >>> 0) / 2 ** 32
  }
}

const WHITE: Rgb = [255, 255, 255]
const SHADOW: Rgb = [0, 0, 0]
const shade = (c: Rgb, f: number): Rgb => c.map((v) => Math.max(0, Math.min(255, Math.round(v * f)))) as unknown as Rgb

/** What a goods picture shows: the mall's demo goods and the ones the history adds. */
export type GoodsPicture = 'rice' | 'oil' | 'towel' | 'haircut' | 'eggs' | 'soap' | 'cup' | 'book'

/** A goods picture, 240×240: the thing on a soft background. */
export function goodsPicture(kind: GoodsPicture): Buffer {
  const c = new Canvas(240, 240)
  c.gradient([255, 246, 236], [250, 226, 210])
  c.ellipse(120, 200, 80, 14, [230, 205, 190])
  switch (kind) {
    case 'rice': {
      c.rect(70, 70, 100, 130, [236, 224, 196])
      c.triangle([70, 70], [120, 40], [170, 70], [226, 212, 180])
      c.rect(85, 110, 70, 40, [200, 40, 40])
      for (let i = 0; i < 7; i++) c.ellipse(95 + i * 8, 130, 3, 5, WHITE)
      break
    }
    case 'oil': {
      c.rect(95, 40, 50, 20, [220, 60, 40])
      c.rect(85, 60, 70, 140, [246, 200, 60])
      c.rect(92, 100, 56, 50, [255, 240, 200])
      c.ellipse(120, 125, 14, 18, [240, 170, 40])
      break
    }
    case 'towel': {
      const colours: Rgb[] = [
        [90, 150, 220],
        [120, 190, 240],
      ]
      for (let i = 0; i < 2; i++) {
        c.rect(55, 90 + i * 50, 130, 44, colours[i])
        for (let s = 0; s < 3; s++) c.rect(55, 96 + i * 50 + s * 12, 130, 3, WHITE)
      }
      break
    }
    case 'haircut': {
      c.rect(40, 70, 160, 100, [200, 40, 40])
      c.rect(48, 78, 144, 84, [255, 236, 220])
      c.ellipse(95, 140, 14, 14, [60, 60, 60])
      c.ellipse(95, 140, 8, 8, [255, 236, 220])
      c.ellipse(125, 140, 14, 14, [60, 60, 60])
      c.ellipse(125, 140, 8, 8, [255, 236, 220])
      c.triangle([100, 128], [160, 90], [112, 134], [90, 90, 90])
      c.triangle([120, 128], [60, 90], [108, 134], [90, 90, 90])
      break
    }
    case 'eggs': {
      c.rect(50, 130, 140, 50, [190, 160, 120])
      for (let i = 0; i < 4; i++) c.ellipse(72 + i * 32, 120, 14, 18, [250, 236, 214])
      break
    }
    case 'soap': {
      c.rect(80, 70, 80, 130, [80, 170, 230])
      c.rect(100, 45, 40, 25, [40, 120, 200])
      c.rect(90, 110, 60, 40, WHITE)
      c.ellipse(120, 130, 12, 12, [120, 200, 240])
      break
    }
    case 'cup': {
      c.rect(85, 60, 70, 140, [200, 40, 40])
      c.rect(80, 50, 80, 16, [150, 150, 150])
      c.ellipse(120, 130, 18, 18, [250, 210, 60])
      break
    }
    case 'book': {
      c.rect(60, 60, 120, 140, [40, 110, 70])
      c.rect(60, 60, 14, 140, shade([40, 110, 70], 0.7))
      c.rect(90, 90, 70, 10, [250, 220, 120])
      c.rect(90, 108, 50, 6, [250, 220, 120])
      break
    }
  }
  return c.png()
}

/** The colour of a scene by the kind of service: green for the environment, warm for the elderly. */
const SCENE: Record<PostType, { sky: Rgb; accent: Rgb }> = {
  self_governance: { sky: [200, 220, 245], accent: [200, 40, 40] },
  education: { sky: [235, 225, 250], accent: [90, 90, 200] },
  elderly_child: { sky: [255, 230, 205], accent: [230, 120, 60] },
  environment: { sky: [210, 240, 215], accent: [60, 150, 70] },
  care: { sky: [250, 220, 225], accent: [210, 70, 110] },
  convenience: { sky: [210, 232, 250], accent: [40, 120, 200] },
  targeted: { sky: [245, 240, 210], accent: [190, 150, 30] },
}

/** How many different scenes each kind of service has: drawn once each, then taken again. */
const SCENES_PER_KIND = 12
const drawn = new Map<string, Buffer>()

/**
 * A close-out or visit photo, 240×180: the buildings of the community, someone at work, the day's light
 * — one of SCENES_PER_KIND for its kind of service, chosen by `seed`.
 */
export function scenePicture(category: PostType, seed: number): Buffer {
  const key = `${category}:${seed % SCENES_PER_KIND}`
  const found = drawn.get(key)
  if (found) return found
  const bytes = drawScene(category, (seed % SCENES_PER_KIND) * 7919 + 17)
  drawn.set(key, bytes)
  return bytes
}

function drawScene(category: PostType, seed: number): Buffer {
  const r = rng(seed)
  const { sky, accent } = SCENE[category]
  const c = new Canvas(240, 180)
  const light = 0.85 + r() * 0.2
  c.gradient(shade(sky, light), shade(sky, light * 0.92))
  c.rect(0, 140, 240, 40, shade([170, 170, 160], light))
  // the blocks behind, with windows
  let x = -10 + Math.floor(r() * 20)
  while (x < 240) {
    const w = 40 + Math.floor(r() * 30)
    const h = 60 + Math.floor(r() * 60)
    const wall = shade([225, 205, 185], 0.8 + r() * 0.25)
    c.rect(x, 140 - h, w - 6, h, wall)
    for (let wy = 140 - h + 8; wy < 132; wy += 14) for (let wx = x + 6; wx < x + w - 14; wx += 12) c.rect(wx, wy, 6, 8, shade(sky, 0.7))
    x += w
  }
  // someone at work in the red vest of a volunteer, and what they work on
  const px = 50 + Math.floor(r() * 140)
  c.ellipse(px, 108, 8, 8, [240, 200, 170])
  c.rect(px - 10, 116, 20, 26, [210, 40, 40])
  c.rect(px - 8, 142, 6, 16, [50, 50, 70])
  c.rect(px + 2, 142, 6, 16, [50, 50, 70])
  const tx = px + (r() < 0.5 ? -40 : 22)
  c.rect(tx, 130 + Math.floor(r() * 10), 18 + Math.floor(r() * 10), 18, accent)
  c.ellipse(200 - Math.floor(r() * 160), 22, 10, 10, shade([255, 240, 180], light))
  c.rect(0, 176, 240, 4, SHADOW)
  return c.png()
}
