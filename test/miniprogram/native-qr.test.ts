// src/components/native-qr: the WeChat custom component that draws the pickup-code and check-in QR as
// views. Loaded as WeChat would (wxml through the real wcc compiler, wxss, json, Component()), rendered,
// its matrix read back from the views and checked against the QR standard's fixed patterns.
import path from 'node:path'
import simulate from 'miniprogram-simulate'
import { QUIET_ZONE, qrMatrix } from '@/components/qr-code/matrix'

const QR = path.resolve(__dirname, '../../src/components/native-qr/index')

type Comp = ReturnType<typeof simulate.render>

/** The drawn matrix, read from the views: each row is runs of .qr-dark / .qr-light with a px width. */
function drawn(comp: Comp): { matrix: boolean[][]; px: number } {
  const rows = comp.querySelectorAll('.qr-row')
  const px = Number.parseInt(rows[0]?.dom?.style.height ?? '0', 10)
  const matrix = rows.map((row) => {
    const cells: boolean[] = []
    for (const el of Array.from(row.dom!.children) as HTMLElement[]) {
      // j-component scopes class names by tag ("main--qr-dark")
      const dark = /\bqr-dark$/.test(el.className)
      expect(dark || /\bqr-light$/.test(el.className)).toBe(true)
      const width = Number.parseInt(el.style.width, 10)
      expect(width % px).toBe(0) // whole modules only
      for (let i = 0; i < width / px; i++) cells.push(dark)
    }
    return cells
  })
  return { matrix, px }
}

/** A finder pattern at (top, left): 7×7 dark ring, light ring, 3×3 dark centre; light separator around. */
function expectFinder(m: boolean[][], top: number, left: number) {
  const n = m.length
  for (let r = -1; r <= 7; r++) {
    for (let c = -1; c <= 7; c++) {
      const y = top + r
      const x = left + c
      if (y < 0 || x < 0 || y >= n || x >= n) continue
      const ring = Math.max(Math.abs(r - 3), Math.abs(c - 3))
      const want = ring !== 4 && ring !== 2 // rings from the centre: dark 3×3, light, dark, light separator
      if (m[y][x] !== want) throw new Error(`finder at (${top},${left}): module (${y},${x}) should be ${want ? 'dark' : 'light'}`)
    }
  }
}

function expectQrStructure(m: boolean[][]) {
  const n = m.length
  expect(n).toBeGreaterThanOrEqual(21)
  expect((n - 17) % 4).toBe(0) // versions are 21, 25, 29 … modules wide
  for (const row of m) expect(row).toHaveLength(n)
  expectFinder(m, 0, 0)
  expectFinder(m, 0, n - 7)
  expectFinder(m, n - 7, 0)
  // no finder at the bottom right
  expect([0, 1, 2, 3, 4, 5, 6].every((i) => m[n - 7][n - 7 + i])).toBe(false)
  // timing patterns: row 6 and column 6 alternate between the finders, dark on even positions
  for (let i = 8; i < n - 8; i++) {
    expect(m[6][i]).toBe(i % 2 === 0)
    expect(m[i][6]).toBe(i % 2 === 0)
  }
  // the dark module beside the bottom-left finder
  expect(m[n - 8][8]).toBe(true)
}

describe('native-qr (WeChat custom component) in miniprogram-simulate', () => {
  // load once per file: a second simulate.load of the same path is not registered under jest
  let id: string
  beforeAll(() => {
    id = simulate.load(QR)
  })

  it('draws a pickup code as a 21×21 QR with finder patterns and a 4-module quiet zone', () => {
    const comp = simulate.render(id, { text: '12345678', size: 240 })
    comp.attach(document.createElement('parent-wrapper'))

    const box = comp.querySelector('.qr')!.dom!
    const { matrix, px } = drawn(comp)
    expect(matrix).toHaveLength(21) // 8 digits, numeric mode, level M: version 1
    expect(px).toBe(Math.floor(240 / (21 + 2 * QUIET_ZONE))) // whole pixels per module: 8
    expect(box.style.padding).toBe(`${px * QUIET_ZONE}px`)
    expect(box.style.width).toBe(`${px * (21 + 2 * QUIET_ZONE)}px`)
    expect(box.style.height).toBe(box.style.width)
    expectQrStructure(matrix)
    // the same modules as the H5 twin (components/qr-code): one code, both platforms
    expect(matrix).toEqual(qrMatrix('12345678'))
    expect(comp.data.modules).toBe(21)
  })

  it('re-renders when the text changes (the rotating check-in token) and when the size changes', async () => {
    const comp = simulate.render(id, { text: '12345678', size: 240 })
    comp.attach(document.createElement('parent-wrapper'))
    expect(drawn(comp).matrix).toHaveLength(21)

    const token = 'k3j9x2.AbCdEfGhIjKlMnOpQrStUv' // the shape activities.checkinCode gives: <slot>.<mac>
    comp.setData({ text: token })
    await simulate.sleep(0)
    const next = drawn(comp)
    expect(next.matrix.length).toBeGreaterThan(21)
    expectQrStructure(next.matrix)
    expect(next.matrix).toEqual(qrMatrix(token))

    const rotated = 'k3j9x3.ZyXwVuTsRqPoNmLkJiHgFe'
    comp.setData({ text: rotated })
    await simulate.sleep(0)
    const after = drawn(comp).matrix
    expect(after).toEqual(qrMatrix(rotated))
    expect(after).not.toEqual(next.matrix)

    comp.setData({ size: 120 })
    await simulate.sleep(0)
    const small = drawn(comp)
    expect(small.px).toBe(Math.max(2, Math.floor(120 / (after.length + 2 * QUIET_ZONE))))
    expect(small.matrix).toEqual(after)
  })

  it('draws nothing for empty or unencodable text instead of breaking the page', async () => {
    const comp = simulate.render(id, { text: '' })
    comp.attach(document.createElement('parent-wrapper'))
    expect(comp.querySelector('.qr')).toBeUndefined()

    comp.setData({ text: 'x'.repeat(5000) }) // beyond the largest QR version
    await simulate.sleep(0)
    expect(comp.querySelector('.qr')).toBeUndefined()

    comp.setData({ text: '87654321' })
    await simulate.sleep(0)
    expect(drawn(comp).matrix).toEqual(qrMatrix('87654321'))
  })

  it('tells the page when the code is tapped (qrtap with the text)', async () => {
    const comp = simulate.render(id, { text: '12345678' })
    comp.attach(document.createElement('parent-wrapper'))
    const onTap = jest.fn()
    comp.addEventListener('qrtap', (evt) => onTap(evt.detail))
    comp.querySelector('.qr')!.dispatchEvent('tap')
    await simulate.sleep(0)
    expect(onTap).toHaveBeenCalledWith({ text: '12345678' })
  })
})
