// A small community as its 社区设置表 would describe it, for the setup tests and the self-hosting journey.
import { renderXlsx } from '../../cloudfunctions/adapters/xlsx/render'
import { rosterTemplate } from '../../cloudfunctions/core/usecases/accounts/import-roster'
import type { Sheets } from '../../cloudfunctions/core/domain/roster'

export const SMALL_COMMUNITY: Sheets = {
  社区: [['社区名称'], ['幸福里社区']],
  网格: [['网格名称'], ['东区网格'], ['西区网格']],
  楼栋: [
    ['楼栋', '所属网格'],
    ['东1栋', '东区网格'],
    ['东2栋', '东区网格'],
    ['西1栋', '西区网格'],
  ],
  居民: [
    ['姓名', '手机号', '楼栋', '单元', '房号'],
    ['陈阿婆', '13700000001', '东1栋', '1', '101'],
    ['刘大爷', '13700000002', '西1栋', '2', '302'],
  ],
  党员: [
    ['姓名', '手机号', '楼栋', '单元', '房号', '党支部', '工作单位', '认领岗位', '技能', '状态', '管理方式'],
    ['赵志远', '13700000011', '东2栋', '1', '501', '区税务局党支部', '区税务局', '助老扶幼、便民利民', '陪诊、代购', '', ''],
    ['孙晓梅', '13700000012', '西1栋', '1', '201', '区医院党总支', '区人民医院', '爱心关怀', '量血压', '在职', '双管'],
    // a retired member: no work unit
    ['钱老师', '13700000013', '东1栋', '2', '202', '社区退休党支部', '', '助老扶幼', '', '退休', '直管'],
  ],
  工作人员: [
    ['姓名', '手机号', '管理员'],
    ['周主任', '13700000021', '是'],
    ['吴网格', '13700000022', '否'],
    ['孙晓梅', '13700000012', ''],
  ],
  网格员: [
    ['姓名', '手机号', '负责网格', '网格长'],
    ['吴网格', '13700000022', '东区网格、西区网格', '是'],
  ],
}

/** The sheets as an .xlsx file, written the way the template is (the 说明 sheet first). */
export async function rosterFile(sheets: Sheets): Promise<Buffer> {
  const template = rosterTemplate()
  return renderXlsx({
    ...template,
    sheets: template.sheets.map((s) =>
      sheets[s.name] ? { ...s, columns: sheets[s.name][0].map((header) => ({ header })), rows: sheets[s.name].slice(1) } : s,
    ),
  })
}
