// CloudBase transactions take single-document operations only: `tx.collection(c).where(...)` runs
// OUTSIDE the transaction and is never rolled back (CLOUDBASE.md). This test reads the adapter's
// source with the TypeScript parser and fails on any `.where(` whose receiver chain starts from a
// transaction — however it is spelt, split over lines, cast, or stored in a variable first.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

const ROOT = path.resolve(__dirname, '../..')
const SCANNED = [path.join(ROOT, 'cloudfunctions/adapters/cloudbase'), path.join(ROOT, 'cloudfunctions/compose-cloud.ts')]

/** Names that conventionally hold a transaction, whatever their declared type. */
const TX_NAME = /^(tx|trx|txn|transaction|t)$/i

function files(p: string): string[] {
  if (statSync(p).isFile()) return p.endsWith('.ts') ? [p] : []
  return readdirSync(p).flatMap((f) => files(path.join(p, f)))
}

/** Identifiers, `this.x` members and called method names along a receiver chain. */
function chainNames(e: ts.Expression): string[] {
  const out: string[] = []
  const walk = (x: ts.Expression): void => {
    if (ts.isIdentifier(x)) out.push(x.text)
    else if (
      ts.isParenthesizedExpression(x) ||
      ts.isAsExpression(x) ||
      ts.isNonNullExpression(x) ||
      ts.isAwaitExpression(x) ||
      ts.isTypeAssertionExpression(x) ||
      ts.isSatisfiesExpression(x)
    )
      walk(x.expression)
    else if (ts.isPropertyAccessExpression(x)) {
      out.push(x.name.text)
      walk(x.expression)
    } else if (ts.isElementAccessExpression(x)) walk(x.expression)
    else if (ts.isCallExpression(x)) walk(x.expression)
    else if (ts.isConditionalExpression(x)) {
      walk(x.whenTrue)
      walk(x.whenFalse)
    } else if (ts.isBinaryExpression(x)) {
      walk(x.left)
      walk(x.right)
    }
  }
  walk(e)
  return out
}

/** `.where(` calls on a transaction in one source text: `line: text` for each. */
function txWhereViolations(source: string, fileName = 'x.ts'): string[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true)
  const txNames = new Set<string>()
  const typeText = (t: ts.TypeNode | undefined) => (t ? t.getText(sf) : '')

  // 1. names bound to transactions: typed as one, runTransaction callback parameters, methods returning one
  const collect = (n: ts.Node): void => {
    if (
      (ts.isParameter(n) || ts.isVariableDeclaration(n) || ts.isPropertyDeclaration(n)) &&
      /Transaction/.test(typeText(n.type)) &&
      ts.isIdentifier(n.name)
    ) {
      txNames.add(n.name.text)
    }
    if (
      (ts.isMethodDeclaration(n) || ts.isFunctionDeclaration(n)) &&
      n.name &&
      ts.isIdentifier(n.name) &&
      /Transaction/.test(typeText(n.type))
    )
      txNames.add(n.name.text)
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 'runTransaction') {
      const cb = n.arguments[0]
      if (cb && (ts.isArrowFunction(cb) || ts.isFunctionExpression(cb))) {
        for (const p of cb.parameters) if (ts.isIdentifier(p.name)) txNames.add(p.name.text)
      }
    }
    ts.forEachChild(n, collect)
  }
  collect(sf)
  const isTx = (names: string[]) => names.some((x) => TX_NAME.test(x) || txNames.has(x))

  // 2. variables initialised from a transaction's chain (`const c = tx.collection(...)`), to a fixed point
  let grew = true
  while (grew) {
    grew = false
    const visit = (n: ts.Node): void => {
      if (
        ts.isVariableDeclaration(n) &&
        ts.isIdentifier(n.name) &&
        n.initializer &&
        !txNames.has(n.name.text) &&
        isTx(chainNames(n.initializer))
      ) {
        txNames.add(n.name.text)
        grew = true
      }
      ts.forEachChild(n, visit)
    }
    visit(sf)
  }

  // 3. every `.where(` whose receiver chain reaches a transaction
  const found: string[] = []
  const check = (n: ts.Node): void => {
    if (ts.isCallExpression(n)) {
      const callee =
        ts.isPropertyAccessExpression(n.expression) || ts.isPropertyAccessChain?.(n.expression)
          ? (n.expression as ts.PropertyAccessExpression)
          : null
      const elem = ts.isElementAccessExpression(n.expression) ? n.expression : null
      const isWhere =
        (callee && callee.name.text === 'where') ||
        (elem && ts.isStringLiteral(elem.argumentExpression) && elem.argumentExpression.text === 'where')
      const receiver = callee?.expression ?? elem?.expression
      if (isWhere && receiver && isTx(chainNames(receiver))) {
        const { line } = sf.getLineAndCharacterOfPosition(n.getStart(sf))
        found.push(`${path.relative(ROOT, fileName)}:${line + 1}: ${n.getText(sf).split('\n')[0]}`)
      }
    }
    ts.forEachChild(n, check)
  }
  check(sf)
  return found
}

describe('no query on a transaction in the CloudBase adapter', () => {
  it('finds no `.where(` on a transaction object in the adapter source', () => {
    const scanned = SCANNED.flatMap(files)
    expect(scanned.length).toBeGreaterThan(3)
    const violations = scanned.flatMap((f) => txWhereViolations(readFileSync(f, 'utf8'), f))
    expect(violations).toEqual([])
  })

  // the detector must be able to fail: each of these is caught
  it.each([
    ["tx.collection('orders').where({ status: 'open' }).update({ status: 'x' })"],
    ["await tx\n  .collection(name('ledger'))\n  .where({ memberId })\n  .remove()"],
    ["const c = tx.collection('orders')\nconst q = c\nawait q.where({}).get()"],
    ["await db.runTransaction(async (session) => { await session.collection('x').where({}).update({}) })"],
    ["await db.runTransaction(function (s) { return s.collection('x')['where']({}).get() })"],
    ['class S { async run() { await (this.tx as any).collection(c).where({}).update({}) } }'],
    ["class S { private writer(): CbTransaction { return this.t2 } run() { return this.writer().collection('x').where({}) } }"],
    ["function f(trn: CbTransaction | null) { return trn!.collection('x').where({}) }"],
    ['const ref = (this.tx ? this.tx.collection(n) : this.db.collection(n)).where({})'],
  ])('catches %s', (snippet) => {
    expect(txWhereViolations(snippet)).toHaveLength(1)
  })

  it.each([
    ["db.collection('orders').where({ status: 'open' }).get()"],
    ['this.db.collection(this.name(c)).where(toWhere(w, this.db.command)).limit(1).get()'],
    ["tx.collection('orders').doc(id).update({ status: 'open' })"],
    ["await tx.collection('ledger').add({ _id: key })"],
  ])('allows %s', (snippet) => {
    expect(txWhereViolations(snippet)).toEqual([])
  })
})
