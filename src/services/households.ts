// households.* — 一户一档 and 四必访, typed wrappers; every mutation takes the requestId of the person's intent.
import type { InputOf } from '@shared/api'
import { call } from './transport'

export const householdsApi = {
  list: (input: InputOf<'households', 'list'> = {}) => call('households', 'list', input).then((d) => d.items),
  /** 该走访了: the caller's households whose visit is due. */
  due: () => call('households', 'due', {}),
  get: (householdId: string) => call('households', 'get', { householdId }),
  /** 建档 (no id) or 修改档案: the file as it stands after. */
  upsert: (input: InputOf<'households', 'upsert'>, requestId: string) =>
    call('households', 'upsert', input, { requestId, loading: '正在保存' }),
  logVisit: (input: InputOf<'households', 'logVisit'>, requestId: string) =>
    call('households', 'logVisit', input, { requestId, loading: '正在保存' }),
  // 结对帮扶
  pair: (input: InputOf<'households', 'pair'>, requestId: string) => call('households', 'pair', input, { requestId, loading: '正在保存' }),
  unpair: (pairId: string, requestId: string) => call('households', 'unpair', { pairId }, { requestId, loading: '正在保存' }),
  /** The member's care tasks, one per pair they stand in. */
  careTasks: () => call('households', 'careTasks', {}).then((d) => d.items),
  closeCareTask: (input: InputOf<'households', 'closeCareTask'>, requestId: string) =>
    call('households', 'closeCareTask', input, { requestId, loading: '正在提交' }),
  /** Households without a visit or care task in `days` days, and those with no pair. */
  coverage: (days?: number) => call('households', 'coverage', days ? { days } : {}),
}
