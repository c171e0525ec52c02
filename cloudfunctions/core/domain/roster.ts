// Setting a community up from the spreadsheets it keeps (社区设置表): one sheet per kind of record,
// read by its header row (columns in any order, extra columns ignored), every row checked, and a plan of
// what to write — each record at an id derived from the sheet, so the same file twice changes nothing
// and a re-run completes an interrupted import. Pure: the use case (usecases/accounts/import-roster.ts)
// reads what exists and writes the plan.
//
// Sheets are a list: each part of the app adds its own (网格员 here; 一户一档 later) beside the others.
import { createHash } from 'node:crypto'
import { MANAGEMENTS, MEMBER_STATUSES, type Management, type MemberStatus, POST_TYPES, type PostType, type Role } from '@shared/enums'
import { MANAGEMENT_LABELS, MEMBER_STATUS_LABELS, POST_TYPE_LABELS } from '@shared/labels'
import type { Building, Community, Grid, MemberProfile, User } from './model'

export interface RosterColumn {
  header: string
  required: boolean
  /** What the template's 说明 sheet says about the column. */
  hint: string
  width?: number
}

export interface RosterSheetSpec {
  name: string
  /** What the sheet is for, in the template's 说明. */
  about: string
  columns: RosterColumn[]
  /** An example row for the 说明 sheet (never imported). */
  example: string[]
}

const col = (header: string, required: boolean, hint: string, width?: number): RosterColumn => ({ header, required, hint, width })

// pure: a bundle that never reads the sheets (a cloud function other than workbench) leaves them out
export const ROSTER_SHEETS: RosterSheetSpec[] = /* @__PURE__ */ (() => [
  { name: '社区', about: '社区名称，一行', columns: [col('社区名称', true, '如：红星社区', 20)], example: ['红星社区'] },
  { name: '网格', about: '每个网格一行', columns: [col('网格名称', true, '如：第一网格')], example: ['第一网格'] },
  {
    name: '楼栋',
    about: '每栋楼一行，写明属于哪个网格',
    columns: [col('楼栋', true, '如：1号楼'), col('所属网格', true, '与「网格」表中的名称一致')],
    example: ['1号楼', '第一网格'],
  },
  {
    name: '居民',
    about: '登记了住址的居民，每人一行',
    columns: [
      col('姓名', true, '2–20 个字'),
      col('手机号', true, '11 位手机号，也是登录账号', 14),
      col('楼栋', true, '与「楼栋」表中的名称一致'),
      col('单元', true, '如：2'),
      col('房号', true, '如：301'),
    ],
    example: ['王秀兰', '13800010001', '1号楼', '1', '302'],
  },
  {
    name: '党员',
    about: '党员（党员报到），每人一行；党员也是居民，住址必填；在职党员填工作单位，退休、流动党员可以不填',
    columns: [
      col('姓名', true, '2–20 个字'),
      col('手机号', true, '11 位手机号', 14),
      col('楼栋', true, '住址所在楼栋'),
      col('单元', true, '如：2'),
      col('房号', true, '如：601'),
      col('党支部', true, '如：市税务局第一党支部', 24),
      col('工作单位', false, '在职党员必填，如：市税务局', 18),
      col('状态', false, `${MEMBER_STATUSES.map((m) => MEMBER_STATUS_LABELS[m]).join(' / ')}，默认在职`),
      col('管理方式', false, `${MANAGEMENTS.map((m) => MANAGEMENT_LABELS[m]).join(' / ')}，默认直管`),
      col('认领岗位', true, `用顿号分隔，可选：${POST_TYPES.map((p) => POST_TYPE_LABELS[p]).join('、')}`, 24),
      col('技能', false, '用顿号分隔，如：陪诊、代购', 18),
    ],
    example: [
      '周志强',
      '13900010001',
      '1号楼',
      '2',
      '601',
      '市税务局第一党支部',
      '市税务局',
      '助老扶幼、便民利民',
      '陪诊、代购',
      '在职',
      '直管',
    ],
  },
  {
    name: '工作人员',
    about: '社区工作人员，每人一行；管理员填「是」',
    columns: [
      col('姓名', true, '2–20 个字'),
      col('手机号', true, '11 位手机号，也是登录账号', 14),
      col('管理员', false, '是 / 否，默认否'),
    ],
    example: ['徐建华', '13800019003', '是'],
  },
  {
    name: '网格员',
    about: '网格员，每人一行，写明负责哪些网格；网格长填「是」',
    columns: [
      col('姓名', true, '2–20 个字'),
      col('手机号', true, '11 位手机号，也是登录账号', 14),
      col('负责网格', true, '用顿号分隔，与「网格」表中的名称一致', 20),
      col('网格长', false, '是 / 否，默认否'),
    ],
    example: ['李建国', '13800019004', '第一网格', '否'],
  },
])()

/** One problem with the file, where it is: the sheet, the row as Excel numbers it, the column. */
export interface RosterError {
  sheet: string
  row: number | null
  column: string | null
  message: string
}

export interface RosterCount {
  sheet: string
  rows: number
  created: number
  updated: number
  unchanged: number
}

/** What exists of the community now (the use case reads it). */
export interface RosterState {
  community: Community | null
  grids: Grid[]
  buildings: Building[]
  people: User[]
}

export type RosterWrite =
  | { kind: 'community'; record: Pick<Community, 'id' | 'name'> }
  | { kind: 'grid'; record: Grid }
  | { kind: 'building'; record: Building }
  | { kind: 'insertUser' | 'updateUser'; record: User }

export interface RosterPlan {
  errors: RosterError[]
  warnings: string[]
  counts: RosterCount[]
  /** In order (community, grids, buildings, people); empty when there are errors. */
  writes: RosterWrite[]
}

/** A sheet as read from the workbook: rows of cell texts, the header row first. */
export type Sheets = Record<string, string[][]>

/** An id derived from what the sheet names: the same row of the same community always lands on it. */
export const derivedId = (prefix: string, ...parts: string[]) =>
  `${prefix}_${createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 16)}`

const PHONE = /^1[3-9]\d{9}$/
const POST_BY_LABEL = /* @__PURE__ */ new Map<string, PostType>(POST_TYPES.map((p) => [POST_TYPE_LABELS[p], p]))
const list = (cell: string) =>
  cell
    .split(/[、，,;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean)

interface Row {
  sheet: string
  /** Excel's row number (the header is row 1). */
  n: number
  cells: Record<string, string>
}

/** A person as the sheets describe them, gathered across sheets by name and phone. */
interface PersonDraft {
  name: string
  phone: string
  roles: Set<Role>
  home: { buildingId: string; gridId: string; room: string } | null
  member: MemberProfile | null
  /** 网格员: the grids they serve, and whether they lead them (网格长). */
  gridWork: { grids: string[]; lead: boolean } | null
  sheets: Set<string>
}

const STATUS_BY_LABEL = /* @__PURE__ */ new Map<string, MemberStatus>(MEMBER_STATUSES.map((m) => [MEMBER_STATUS_LABELS[m], m]))
const MANAGEMENT_BY_LABEL = /* @__PURE__ */ new Map<string, Management>(MANAGEMENTS.map((m) => [MANAGEMENT_LABELS[m], m]))

export function planRoster(sheets: Sheets, communityId: string, state: RosterState): RosterPlan {
  const errors: RosterError[] = []
  const warnings: string[] = []
  const fail = (sheet: string, row: number | null, column: string | null, message: string) => errors.push({ sheet, row, column, message })
  const known = new Set(ROSTER_SHEETS.map((s) => s.name))
  for (const name of Object.keys(sheets)) if (!known.has(name) && name !== '说明') warnings.push(`没有用到工作表「${name}」`)

  /** The sheet's rows keyed by header, blank rows skipped; a missing required column is one error for the sheet. */
  const rowsOf = (spec: RosterSheetSpec): Row[] => {
    const table = sheets[spec.name]
    if (!table || table.length === 0) return []
    const header = table[0].map((h) => h.trim())
    const missing = spec.columns.filter((c) => c.required && !header.includes(c.header))
    for (const c of missing) fail(spec.name, 1, c.header, `缺少「${c.header}」列`)
    if (missing.length) return []
    const rows: Row[] = []
    table.slice(1).forEach((cells, i) => {
      if (cells.every((c) => c.trim() === '')) return
      const byHeader: Record<string, string> = {}
      for (const c of spec.columns) {
        const at = header.indexOf(c.header)
        byHeader[c.header] = at >= 0 ? (cells[at] ?? '').trim() : ''
      }
      const row = { sheet: spec.name, n: i + 2, cells: byHeader }
      const empty = spec.columns.filter((c) => c.required && byHeader[c.header] === '')
      for (const c of empty) fail(spec.name, row.n, c.header, `「${c.header}」没有填`)
      if (empty.length === 0) rows.push(row)
    })
    return rows
  }
  const spec = (name: string) => ROSTER_SHEETS.find((s) => s.name === name) as RosterSheetSpec
  const lengthOk = (row: Row, column: string, min: number, max: number) => {
    const v = row.cells[column]
    if ([...v].length >= min && [...v].length <= max) return true
    fail(row.sheet, row.n, column, `「${column}」应为 ${min}–${max} 个字`)
    return false
  }
  const counts = new Map<string, RosterCount>()
  const count = (sheet: string, what: 'created' | 'updated' | 'unchanged' | null) => {
    const c = counts.get(sheet) ?? { sheet, rows: 0, created: 0, updated: 0, unchanged: 0 }
    if (what) c[what] += 1
    else c.rows += 1
    counts.set(sheet, c)
  }
  const writes: RosterWrite[] = []

  // 社区: its name (one row); a community not there yet is created
  const communityRows = rowsOf(spec('社区'))
  if (communityRows.length > 1) fail('社区', communityRows[1].n, null, '「社区」表只能有一行')
  const communityName = communityRows[0]?.cells.社区名称
  if (communityRows[0]) {
    count('社区', null)
    if (lengthOk(communityRows[0], '社区名称', 2, 30)) {
      const record = { id: communityId, name: communityName as string }
      if (!state.community) {
        writes.push({ kind: 'community', record })
        count('社区', 'created')
      } else if (state.community.name !== record.name) {
        writes.push({ kind: 'community', record })
        count('社区', 'updated')
      } else count('社区', 'unchanged')
    }
  } else if (!state.community) fail('社区', null, null, '请在「社区」表填写社区名称')

  // 网格: by name; one that exists keeps its id
  const grids = new Map(state.grids.map((g) => [g.name, g]))
  const seenGrids = new Map<string, number>()
  for (const row of rowsOf(spec('网格'))) {
    count('网格', null)
    const name = row.cells.网格名称
    if (!lengthOk(row, '网格名称', 2, 20)) continue
    if (seenGrids.has(name)) {
      fail('网格', row.n, '网格名称', `与第 ${seenGrids.get(name)} 行重复`)
      continue
    }
    seenGrids.set(name, row.n)
    if (grids.has(name)) count('网格', 'unchanged')
    else {
      const grid = { id: derivedId('g', communityId, name), communityId, name }
      grids.set(name, grid)
      writes.push({ kind: 'grid', record: grid })
      count('网格', 'created')
    }
  }

  // 楼栋: by name, in a grid named above or existing
  const buildings = new Map(state.buildings.map((b) => [b.name, b]))
  const seenBuildings = new Map<string, number>()
  for (const row of rowsOf(spec('楼栋'))) {
    count('楼栋', null)
    const { 楼栋: name, 所属网格: gridName } = row.cells
    if (!lengthOk(row, '楼栋', 1, 20)) continue
    if (seenBuildings.has(name)) {
      fail('楼栋', row.n, '楼栋', `与第 ${seenBuildings.get(name)} 行重复`)
      continue
    }
    seenBuildings.set(name, row.n)
    const grid = grids.get(gridName)
    if (!grid) {
      fail('楼栋', row.n, '所属网格', `网格「${gridName}」不在「网格」表中`)
      continue
    }
    const current = buildings.get(name)
    if (current && current.gridId === grid.id) count('楼栋', 'unchanged')
    else {
      const building = { id: current?.id ?? derivedId('b', communityId, name), communityId, gridId: grid.id, name }
      buildings.set(name, building)
      writes.push({ kind: 'building', record: building })
      count('楼栋', current ? 'updated' : 'created')
    }
  }

  // people, gathered across sheets by name and phone: roles add up, never fall away
  const people = new Map<string, PersonDraft>()
  const rowsOfPerson = new Map<string, Map<string, number>>()
  const draftFor = (row: Row): PersonDraft | null => {
    const { 姓名: name, 手机号: phone } = row.cells
    let ok = lengthOk(row, '姓名', 2, 20)
    if (!PHONE.test(phone)) {
      fail(row.sheet, row.n, '手机号', '手机号应为 11 位数字，以 1 开头')
      ok = false
    }
    if (!ok) return null
    const key = `${name}\u0000${phone}`
    const seen = rowsOfPerson.get(key) ?? new Map<string, number>()
    rowsOfPerson.set(key, seen)
    if (seen.has(row.sheet)) {
      fail(row.sheet, row.n, '姓名', `${name}（${phone}）与第 ${seen.get(row.sheet)} 行重复`)
      return null
    }
    seen.set(row.sheet, row.n)
    const draft = people.get(key) ?? {
      name,
      phone,
      roles: new Set<Role>(),
      home: null,
      member: null,
      gridWork: null,
      sheets: new Set<string>(),
    }
    draft.sheets.add(row.sheet)
    people.set(key, draft)
    return draft
  }
  const homeOf = (row: Row) => {
    const { 楼栋: buildingName, 单元: unit, 房号: room } = row.cells
    const building = buildings.get(buildingName)
    if (!building) {
      fail(row.sheet, row.n, '楼栋', `楼栋「${buildingName}」不在「楼栋」表中`)
      return null
    }
    if ([...unit].length > 10 || [...room].length > 10) {
      fail(row.sheet, row.n, [...unit].length > 10 ? '单元' : '房号', '单元和房号最多 10 个字')
      return null
    }
    return { buildingId: building.id, gridId: building.gridId, room: `${unit.replace(/单元$/, '')}单元 ${room}` }
  }
  const sameHome = (draft: PersonDraft, home: NonNullable<PersonDraft['home']>, row: Row) => {
    if (draft.home && (draft.home.buildingId !== home.buildingId || draft.home.room !== home.room))
      fail(row.sheet, row.n, '房号', `${draft.name} 在「居民」表和「党员」表里的住址不一样`)
    draft.home = home
  }
  for (const row of rowsOf(spec('居民'))) {
    count('居民', null)
    const draft = draftFor(row)
    const home = draft && homeOf(row)
    if (!draft || !home) continue
    sameHome(draft, home, row)
    draft.roles.add('resident')
  }
  for (const row of rowsOf(spec('党员'))) {
    count('党员', null)
    const draft = draftFor(row)
    const home = draft && homeOf(row)
    if (!draft || !home) continue
    const posts = list(row.cells.认领岗位).map((label) => [label, POST_BY_LABEL.get(label)] as const)
    const unknown = posts.filter(([, p]) => !p).map(([label]) => label)
    if (unknown.length) {
      fail('党员', row.n, '认领岗位', `不认识的岗位：${unknown.join('、')}（可选：${[...POST_BY_LABEL.keys()].join('、')}）`)
      continue
    }
    const skills = list(row.cells.技能 ?? '')
    if (skills.length > 10 || skills.some((s) => [...s].length > 12)) {
      fail('党员', row.n, '技能', '技能最多 10 项，每项最多 12 个字')
      continue
    }
    const status = row.cells.状态 ? STATUS_BY_LABEL.get(row.cells.状态) : 'on_job'
    if (!status) {
      fail('党员', row.n, '状态', `「状态」填${[...STATUS_BY_LABEL.keys()].map((l) => `「${l}」`).join('、')}`)
      continue
    }
    const management = row.cells.管理方式 ? MANAGEMENT_BY_LABEL.get(row.cells.管理方式) : 'direct'
    if (!management) {
      fail('党员', row.n, '管理方式', `「管理方式」填${[...MANAGEMENT_BY_LABEL.keys()].map((l) => `「${l}」`).join('、')}`)
      continue
    }
    // the work unit is asked of in-service members (在职) only; one given for another is kept
    if (status === 'on_job' && !row.cells.工作单位) {
      fail('党员', row.n, '工作单位', '在职党员请填写工作单位')
      continue
    }
    if (!lengthOk(row, '党支部', 2, 40) || (row.cells.工作单位 && !lengthOk(row, '工作单位', 2, 40))) continue
    sameHome(draft, home, row)
    draft.roles.add('member').add('resident')
    draft.member = {
      branch: row.cells.党支部,
      workUnit: row.cells.工作单位 || null,
      posts: [...new Set(posts.map(([, p]) => p as PostType))],
      skills: [...new Set(skills)],
      status,
      management,
    }
  }
  for (const row of rowsOf(spec('工作人员'))) {
    count('工作人员', null)
    const admin = row.cells.管理员 ?? ''
    if (!['', '是', '否'].includes(admin)) {
      fail('工作人员', row.n, '管理员', '「管理员」填「是」或「否」')
      continue
    }
    const draft = draftFor(row)
    if (!draft) continue
    draft.roles.add('staff')
    if (admin === '是') draft.roles.add('admin')
  }
  for (const row of rowsOf(spec('网格员'))) {
    count('网格员', null)
    const lead = row.cells.网格长 ?? ''
    if (!['', '是', '否'].includes(lead)) {
      fail('网格员', row.n, '网格长', '「网格长」填「是」或「否」')
      continue
    }
    const names = list(row.cells.负责网格)
    const unknown = names.filter((n) => !grids.has(n))
    if (unknown.length) {
      fail('网格员', row.n, '负责网格', `网格「${unknown.join('、')}」不在「网格」表中`)
      continue
    }
    const draft = draftFor(row)
    if (!draft) continue
    draft.roles.add('grid_worker')
    draft.gridWork = { grids: [...new Set(names.map((n) => (grids.get(n) as Grid).id))], lead: lead === '是' }
  }

  // each person onto who exists (the same name and phone) or a new id derived from them
  const existing = new Map(state.people.map((u) => [`${u.name}\u0000${u.phone}`, u]))
  for (const [key, draft] of people) {
    const current = existing.get(key)
    const roles = orderRoles(new Set([...(current?.roles ?? []), ...draft.roles]))
    const next: User = {
      id: current?.id ?? derivedId('u', communityId, draft.name, draft.phone),
      communityId,
      name: draft.name,
      phone: draft.phone,
      roles,
      gridId: draft.home?.gridId ?? current?.gridId ?? null,
      buildingId: draft.home?.buildingId ?? current?.buildingId ?? null,
      room: draft.home?.room ?? current?.room ?? null,
      member: draft.member ?? current?.member ?? null,
      rankingOptIn: current?.rankingOptIn ?? false,
      createdAt: current?.createdAt ?? 0,
      workGrids: draft.gridWork?.grids ?? current?.workGrids ?? [],
      gridLead: draft.gridWork?.lead ?? current?.gridLead ?? false,
      headOf: current?.headOf ?? null,
    }
    const what = !current ? 'created' : samePerson(current, next) ? 'unchanged' : 'updated'
    for (const sheet of draft.sheets) count(sheet, what)
    if (what !== 'unchanged') writes.push({ kind: current ? 'updateUser' : 'insertUser', record: next })
  }

  const order = ROSTER_SHEETS.map((s) => s.name)
  return {
    errors: errors.sort((a, b) => order.indexOf(a.sheet) - order.indexOf(b.sheet) || (a.row ?? 0) - (b.row ?? 0)),
    warnings,
    counts: [...counts.values()].sort((a, b) => order.indexOf(a.sheet) - order.indexOf(b.sheet)),
    writes: errors.length ? [] : writes,
  }
}

const ROLE_ORDER: Role[] = ['admin', 'staff', 'grid_worker', 'member', 'resident']
const orderRoles = (roles: Set<Role>): Role[] => [
  ...ROLE_ORDER.filter((r) => roles.has(r)),
  ...[...roles].filter((r) => !ROLE_ORDER.includes(r)),
]

function samePerson(a: User, b: User): boolean {
  const pick = (u: User) => JSON.stringify([u.name, u.phone, u.roles, u.gridId, u.buildingId, u.room, u.member, u.workGrids, u.gridLead])
  return pick(a) === pick(b)
}
