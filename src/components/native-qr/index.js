// A WeChat custom component that draws a QR code as rows of views (runs of dark/light modules) at
// whole-pixel module sizes with a 4-module quiet zone. Used by the weapp pages through usingComponents;
// H5 uses the Taro twin (components/qr-code). Properties: text (what to encode), size (px, about).
const qrcode = require('qrcode-generator')

const QUIET_ZONE = 4

function matrixOf(text) {
  if (!text) return []
  const qr = qrcode(0, 'M')
  qr.addData(text, /^\d+$/.test(text) ? 'Numeric' : 'Byte')
  qr.make()
  const n = qr.getModuleCount()
  const rows = []
  for (let r = 0; r < n; r++) {
    const row = []
    for (let c = 0; c < n; c++) row.push(qr.isDark(r, c))
    rows.push(row)
  }
  return rows
}

/** Each row as runs of equal modules, already in pixels: [{ k, runs: [{ k, w, d }] }]. */
function runsOf(matrix, px) {
  return matrix.map((row, r) => {
    const runs = []
    for (const dark of row) {
      const last = runs[runs.length - 1]
      if (last && last.d === dark) last.w += px
      else runs.push({ k: runs.length, w: px, d: dark })
    }
    return { k: r, runs }
  })
}

Component({
  options: { addGlobalClass: false },
  properties: {
    text: { type: String, value: '' },
    size: { type: Number, value: 240 },
  },
  data: {
    rows: [],
    modules: 0,
    px: 0,
    pad: 0,
    total: 0,
  },
  observers: {
    'text, size': function (text, size) {
      this.draw(text, size)
    },
  },
  lifetimes: {
    attached() {
      if (!this.data.modules) this.draw(this.data.text, this.data.size)
    },
  },
  methods: {
    draw(text, size) {
      let matrix = []
      try {
        matrix = matrixOf(String(text || ''))
      } catch (_e) {
        matrix = [] // too long to encode: draw nothing rather than break the page
      }
      const n = matrix.length
      if (n === 0) {
        this.setData({ rows: [], modules: 0, px: 0, pad: 0, total: 0 })
        return
      }
      const px = Math.max(2, Math.floor((Number(size) || 240) / (n + 2 * QUIET_ZONE)))
      this.setData({ rows: runsOf(matrix, px), modules: n, px, pad: px * QUIET_ZONE, total: px * (n + 2 * QUIET_ZONE) })
    },
    onTap() {
      this.triggerEvent('qrtap', { text: this.data.text })
    },
  },
})
