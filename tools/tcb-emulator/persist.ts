// Documents in a folder, so a cloud-mode demo survives a restart: one canonical-EJSON file per
// collection, rewritten (to a temporary file, then renamed) shortly after it changes and on exit.
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Database, IndexSpec } from './database'
import { decodeMany, encodeMany } from './wire'

const META = '_collections.json'

export class Persistence {
  private readonly dirty = new Set<string>()
  private timer: NodeJS.Timeout | null = null

  constructor(
    private readonly dir: string,
    private readonly db: () => Database,
    private readonly delayMs = 50,
  ) {
    mkdirSync(dir, { recursive: true })
  }

  private fileOf(collection: string) {
    return path.join(this.dir, `${encodeURIComponent(collection)}.ejson`)
  }

  /** Collections and documents from an earlier run. */
  load() {
    const db = this.db()
    const meta = path.join(this.dir, META)
    if (existsSync(meta)) {
      const collections = JSON.parse(readFileSync(meta, 'utf8')) as Array<{ name: string; indexes: IndexSpec[] }>
      for (const c of collections) db.createCollection(c.name, c.indexes)
    }
    for (const name of readdirSync(this.dir)) {
      if (!name.endsWith('.ejson')) continue
      const collection = decodeURIComponent(name.slice(0, -'.ejson'.length))
      if (!db.hasCollection(collection)) db.createCollection(collection)
      db.load(collection, decodeMany(readFileSync(path.join(this.dir, name), 'utf8')) as never)
    }
    this.dirty.clear()
  }

  changed(collection: string) {
    this.dirty.add(collection)
    this.timer ??= setTimeout(() => this.flush(), this.delayMs)
  }

  flush() {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    const db = this.db()
    for (const collection of this.dirty) {
      const file = this.fileOf(collection)
      const docs = db.dump(collection)
      if (docs.length === 0) {
        rmSync(file, { force: true })
        continue
      }
      writeFileSync(`${file}.tmp`, encodeMany(docs))
      renameSync(`${file}.tmp`, file)
    }
    this.dirty.clear()
    const meta = db.collectionNames().map((name) => ({ name, indexes: db.indexesOf(name) }))
    writeFileSync(path.join(this.dir, `${META}.tmp`), JSON.stringify(meta, null, 1))
    renameSync(path.join(this.dir, `${META}.tmp`), path.join(this.dir, META))
  }
}
