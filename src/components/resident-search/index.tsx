// Finding a registered resident of the caller's grids by name, building or the end of their phone (代办,
// 修改档案's people): the search box, which reports the term (the page loads what it needs with it), and
// the rows of the people found.
import { Text } from '@tarojs/components'
import type { ResidentItem } from '@shared/accounts'
import { ACCOUNT_LIMITS } from '@shared/limits'
import SearchBox from '@/components/search-box'
import { EmptyState, type Loading, StateSwitch } from '@/components/state'
import Tap from '@/components/tap'
import { cls } from '@/utils/cls'
import './index.scss'

export function ResidentSearchBox({ onSearch }: { onSearch: (term: string) => void }) {
  return <SearchBox name="resident" placeholder="姓名、楼栋或手机尾号" maxLength={ACCOUNT_LIMITS.search.max} onSearch={onSearch} />
}

/** One person to pick: the name large, where they live under it. */
export function ResidentOption({ name, where, className, onTap }: { name: string; where: string; className?: string; onTap: () => void }) {
  return (
    <Tap className={cls('resident-option', className)} hoverClass="resident-option--pressed" onTap={onTap}>
      <Text className="resident-option__name">{name}</Text>
      <Text className="resident-option__where">{where}</Text>
    </Tap>
  )
}

/** The residents found (`items`, loaded by `of`), each a row to pick; `emptyHint` says whom the search covers. */
export function ResidentOptions({
  of,
  items,
  emptyHint,
  onPick,
}: {
  of: Loading
  items: ResidentItem[]
  emptyHint: string
  onPick: (r: ResidentItem) => void
}) {
  return (
    <StateSwitch of={of} empty={items.length === 0} rows={2} emptyNode={<EmptyState title="没有找到" hint={emptyHint} />}>
      {items.map((r) => (
        <ResidentOption key={r.id} name={r.name} where={[r.gridName, r.address].filter(Boolean).join(' ')} onTap={() => onPick(r)} />
      ))}
    </StateSwitch>
  )
}
