// A jest reporter that names every skipped test and why, after the summary: a skipped test's title
// says what it needs ("needs TCB_ENV_ID, …"), so `npm test` never reports "1 skipped" without a word.
const path = require('node:path')

class SkipReporter {
  constructor(globalConfig) {
    this.root = globalConfig.rootDir
  }

  onRunComplete(_contexts, results) {
    const skipped = []
    for (const file of results.testResults) {
      for (const t of file.testResults) {
        if (t.status === 'pending' || t.status === 'todo' || t.status === 'skipped') {
          skipped.push(`  - ${path.relative(this.root, file.testFilePath)}: ${t.fullName}`)
        }
      }
    }
    if (skipped.length === 0) return
    console.log(`\nSkipped (${skipped.length}) — each says what it needs:\n${skipped.join('\n')}\n`)
  }
}

module.exports = SkipReporter
