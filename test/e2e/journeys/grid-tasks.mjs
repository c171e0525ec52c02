// (l) 网格台账 (issue 18, part 3): 林晓 (community staff) publishes a task to 第二网格 on screen; 王芳,
// its 网格员, finds it under 我的网格任务, uploads progress with a photo and submits it; 林晓 finds it
// 待确认 and confirms it; 王芳 sees the points the rules give for it; the 工作台账 export holds the task on
// its sheet 网格员台账, read from the downloaded workbook.
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { photo } from '../lib/png.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
const { Workbook } = createRequire(path.join(root, 'package.json'))('exceljs')

const TITLE = '清理3号楼楼道杂物'
const BODY = '检查3号楼每个单元的楼道，拍下堆放杂物的位置，提醒住户三天内清理。'
const PROGRESS = '3号楼1单元、2单元已查完，2单元楼道的纸箱已清走'

/** The rows of one sheet of an XLSX workbook at `url`. */
async function sheetRows(url, sheet) {
  const res = await fetch(url)
  assert.equal(res.status, 200, `the workbook downloads (${url})`)
  const wb = new Workbook()
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()))
  const ws = wb.getWorksheet(sheet)
  assert.ok(ws, `the workbook has the sheet ${sheet} (has ${wb.worksheets.map((w) => w.name).join('、')})`)
  const rows = []
  ws.eachRow((row) => rows.push(row.values.slice(1)))
  return rows
}

export default {
  name: 'grid-tasks',
  title:
    'staff publish a 网格任务 to 第二网格; 王芳 uploads progress with a photo and submits; staff confirm; the points show; the 工作台账 export holds it',
  async run(j) {
    j.requireScreens(['/gridtasks/index', '/gridtasks/detail/index', '/gridtasks/publish/index'])
    const wangApi = await j.api.login('u_wangf')
    const before = (await j.api.call(wangApi.token, 'points', 'balance')).balance

    // ---- 林晓 publishes the task to 第二网格 from her home's 网格任务
    const staff = await j.actor('staff', { userId: 'u_linx' })
    await staff.open('/pages/index/index')
    await staff.waitText('任务待确认')
    await staff.tap('.link-grid-tasks')
    await staff.onRoute('/gridtasks/index')
    await staff.tap('.btn-publish-grid-task')
    await staff.onRoute('/gridtasks/publish/index')
    await staff.tap('.grid-task-grid-chips .chip', { hasText: '第二网格' })
    await staff.waitText('发给王芳') // 第二网格's one 网格员 (workbench.gridWorkers)
    await staff.fill('.input-grid-task-title input', TITLE)
    await staff.fill('.input-grid-task-body textarea', BODY)
    await j.shot(staff, 'publish', { full: true })
    await staff.tap('.btn-publish-grid-task-submit')
    await staff.confirm('发布')
    await staff.onRoute('/gridtasks/index')
    await staff.waitText(TITLE) // on 进行中, with 王芳 as its worker
    await staff.waitText('第二网格 · 王芳')
    await j.shot(staff, 'published')

    // ---- 王芳 finds it under 我的网格任务, uploads progress with a photo, and submits it
    const grid = await j.actor('grid', { userId: 'u_wangf' })
    await grid.open('/pages/index/index')
    await grid.waitText('我的网格任务')
    await grid.waitText(TITLE)
    await j.shot(grid, 'grid-home-tasks', { full: true })
    await grid.tap('.grid-task-card', { hasText: TITLE })
    await grid.onRoute('/gridtasks/detail/index')
    await grid.waitText(BODY)
    await grid.waitText('还没有上传进展')
    await grid.fill('.input-grid-task-progress textarea', PROGRESS)
    await grid.addPhotos('.btn-add-photo', [photo('corridor.png', [176, 120, 43])])
    await grid.vis('.photo-picker__cell--done').first().waitFor()
    await grid.tap('.btn-report-grid-task')
    await grid.toast('进展已上传')
    await grid.waitText('工作进展 1 次')
    await grid.waitText(PROGRESS)
    await grid.toastGone()
    await grid.tap('.btn-submit-grid-task')
    await grid.confirm('提交')
    await grid.toast('已提交，等社区确认')
    await grid.waitText('已提交，等社区确认')
    await j.shot(grid, 'task-submitted', { full: true })

    // ---- 林晓 finds it 待确认, looks at the progress photo and confirms it
    await staff.open('/pages/index/index')
    await staff.tap('.link-grid-tasks-to-confirm')
    await staff.onRoute('/gridtasks/index')
    await staff.tap('.grid-task-card', { hasText: TITLE })
    await staff.onRoute('/gridtasks/detail/index')
    await staff.waitText(PROGRESS)
    assert.ok((await staff.vis('.grid-task-progress .photo-grid__cell').count()) > 0, 'the progress photo shows')
    await j.shot(staff, 'task-to-confirm', { full: true })
    await staff.tap('.btn-confirm-grid-task')
    await staff.confirm('确认')
    await staff.toast('已确认')
    await staff.waitText('社区已确认')

    // ---- 王芳 sees the points: on the task, in her balance and ledger
    const rules = (await j.api.call(wangApi.token, 'points', 'rules')).rules
    await grid.open('/pages/index/index')
    await grid.tap('.link-my-grid-tasks')
    await grid.onRoute('/gridtasks/index')
    await grid.tap('.grid-task-card', { hasText: TITLE })
    await grid.waitText(`社区已确认 · 计 ${rules.gridTaskPoints} 分`)
    await grid.tap('.link-my-points')
    await grid.onRoute('/member/points/index')
    await grid.waitText(`完成网格任务「${TITLE}」`)
    await j.shot(grid, 'points', { full: true })
    const after = (await j.api.call(wangApi.token, 'points', 'balance')).balance
    assert.equal(after - before, rules.gridTaskPoints, 'the confirmed task paid the rules’ points once')

    // ---- the 工作台账 export: the task on the sheet 网格员台账, beside the members' sheets
    const staffApi = await j.api.login('u_linx')
    const { now } = await j.api.clock(0)
    const day = new Date(Date.parse(now) + 8 * 3600_000).toISOString().slice(0, 10)
    const file = await j.api.call(staffApi.token, 'workbench', 'exportLedger', { from: day, to: day })
    const rows = await sheetRows(new URL(file.url, j.api.baseUrl).toString(), '网格员台账')
    assert.deepEqual(rows[0], ['网格员', '网格', '任务', '发布日期', '进展（次）', '提交完成', '确认人', '确认日期', '获得积分'])
    const row = rows.find((r) => r[2] === TITLE)
    assert.deepEqual(row, ['王芳', '第二网格', TITLE, day, 1, day, '林晓', day, rules.gridTaskPoints])
  },
}
