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
}
