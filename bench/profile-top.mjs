// node bench/profile-top.mjs <file.cpuprofile> [n] [functions…] — a --cpu-prof profile's top entries by
// self time (function, file:line, share of the samples), the share the main thread sat idle, and the
// inclusive share of the functions named. PROFILE_LAST=<seconds>: only the samples of the profile's last
// seconds (the timed run, without the start-up and sign-ins before it).
import { readFileSync } from 'node:fs'

const [file, n = '25'] = process.argv.slice(2)
const profile = JSON.parse(readFileSync(file, 'utf8'))
const self = new Map()
const byId = new Map(profile.nodes.map((node) => [node.id, node]))
const counts = new Map()
const last = Number(process.env.PROFILE_LAST ?? 0) * 1e6
let at = profile.startTime
const times = profile.timeDeltas.map((d) => (at += d))
profile.samples.forEach((id, i) => {
  if (!last || times[i] >= profile.endTime - last) counts.set(id, (counts.get(id) ?? 0) + 1)
})
let total = 0
for (const [id, c] of counts) {
  const { callFrame: f } = byId.get(id)
  const where = f.url ? `${f.url.replace(/^.*\/(node_modules|cloudfunctions|local|bench)\//, '$1/')}:${f.lineNumber + 1}` : ''
  const key = `${f.functionName || '(anonymous)'} ${where}`.trim()
  self.set(key, (self.get(key) ?? 0) + c)
  total += c
}
const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(n))
for (const [key, c] of rows) console.log(`${((100 * c) / total).toFixed(1).padStart(5)}%  ${key}`)
console.log(`(${total} samples)`)

// inclusive time of the functions named after the file and count: node bench/profile-top.mjs f.cpuprofile 25 runGroup dispatch
const names = process.argv.slice(4)
if (names.length) {
  const parent = new Map()
  for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id)
  for (const name of names) {
    let under = 0
    for (const [id, c] of counts) {
      for (let at = id; at !== undefined; at = parent.get(at)) {
        if (byId.get(at).callFrame.functionName === name) {
          under += c
          break
        }
      }
    }
    console.log(`${((100 * under) / total).toFixed(1).padStart(5)}%  under ${name}`)
  }
}
