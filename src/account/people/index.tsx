// 人员与网格 (admin): who is community staff (设为/取消社区工作者), who serves which grids as 网格员 (网格长
// when lead), a sign-in invitation for anyone (登录邀请, in the browser: a self-hosted community), and the
// community's grids (add, rename). Homes are bound through 居民登记 or the 社区设置表, members through
// 党员报到 — not here.
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { PersonView, Places } from '@shared/accounts'
import Btn from '@/components/btn'
import Card from '@/components/card'
import { Field, TextInput } from '@/components/field'
import QrCode from '@/components/qr-code'
import Screen from '@/components/screen'
import Tap from '@/components/tap'
import { EmptyState, StateSwitch } from '@/components/state'
import { ROLE_LABEL } from '@/constants/labels'
import { useAction } from '@/hooks/useAction'
import { type Remote, useRemote } from '@/hooks/useRemote'
import { platform } from '@/platform'
import { toast } from '@/services/feedback'
import { peopleApi } from '@/services/workbench'
import { useSession } from '@/store/session'
import '@/styles/blocks.scss'
import './index.scss'
import { ACCOUNT_LIMITS as L } from '@shared/limits'

/** 登录邀请: a one-time link (and its QR code) for a person to set or reset their password. */
function Invite({ p }: { p: PersonView }) {
  const [link, setLink] = useState<string | null>(null)
  const invite = useAction((requestId: string) => peopleApi.invite(p.id, requestId))
  const run = async () => {
    const made = await invite.exec({
      ask: `给${p.name}发登录邀请？对方用邀请链接设置密码（7 天内有效）；已有的密码会被替换，并退出所有设备。`,
      confirmText: '生成邀请',
    })
    if (made) setLink(`${platform.linkTo('/').replace(/#\/?$/, '')}invite?token=${made.token}`)
  }
  if (link)
    return (
      <View className="invite">
        <View className="wb-hint">请把链接或二维码发给{p.name}（只能用一次，7 天内有效）：</View>
        <Text className="invite__link" userSelect>
          {link}
        </Text>
        <QrCode text={link} size={200} />
      </View>
    )
  return (
    <Btn className={`btn-invite-${p.id}`} loading={invite.busy} onClick={() => void run()}>
      登录邀请
    </Btn>
  )
}

/** The grids a person serves as 网格员 (none: no longer one), and whether they lead them (网格长). */
function GridWork({
  p,
  places,
  onChanged,
  onClose,
}: {
  p: PersonView
  places?: Places
  onChanged: (p: PersonView) => void
  onClose: () => void
}) {
  const [gridIds, setGridIds] = useState<string[]>(p.gridWork?.grids.map((g) => g.id) ?? [])
  const [lead, setLead] = useState(p.gridWork?.lead ?? false)
  const save = useAction((requestId: string) => peopleApi.setGridWorker(p.id, gridIds, lead, requestId))
  const toggle = (id: string) => setGridIds((cur) => (cur.includes(id) ? cur.filter((x) => x !== id) : [...cur, id]))
  const run = async () => {
    const ask = gridIds.length ? `让${p.name}负责这 ${gridIds.length} 个网格${lead ? '（网格长）' : ''}？` : `取消${p.name}的网格员身份？`
    const saved = await save.exec({ ask, confirmText: '确定', done: '已更新' })
    if (saved) {
      onChanged(saved)
      onClose()
    }
  }
  return (
    <View className="grid-work">
      <View className="chips">
        {(places?.grids ?? []).map((g) => (
          <Tap
            key={g.id}
            role="checkbox"
            on={gridIds.includes(g.id)}
            className={`chip chip-grid-${g.id}${gridIds.includes(g.id) ? ' chip--on' : ''}`}
            onTap={() => toggle(g.id)}
          >
            {gridIds.includes(g.id) ? '✓ ' : ''}
            {g.name}
          </Tap>
        ))}
        <Tap role="checkbox" on={lead} className={`chip chip-lead${lead ? ' chip--on' : ''}`} onTap={() => setLead(!lead)}>
          {lead ? '✓ ' : ''}网格长
        </Tap>
      </View>
      <View className="wb-row">
        <Btn onClick={onClose}>不改了</Btn>
        <Btn type="primary" className="btn-grid-work-save" loading={save.busy} onClick={() => void run()}>
          保存
        </Btn>
      </View>
    </View>
  )
}

/** "网格员 · 第一网格" / "网格长 · 第一网格、第二网格" / "4号楼楼栋长". */
const standing = (p: PersonView) =>
  [p.gridWork && `${p.gridWork.lead ? '网格长' : '网格员'} · ${p.gridWork.grids.map((g) => g.name).join('、')}`, p.head]
    .filter(Boolean)
    .join(' · ')

function Person({ p, me, places, onChanged }: { p: PersonView; me: boolean; places?: Places; onChanged: (p: PersonView) => void }) {
  const isStaff = p.roles.includes('staff')
  const [editing, setEditing] = useState(false)
  const toggle = useAction((requestId: string) => peopleApi.setStaff(p.id, !isStaff, requestId))
  const run = async () => {
    const ask = isStaff ? `取消${p.name}的社区工作者身份？` : `把${p.name}设为社区工作者？设为后可以审核需求、审核登记、查看数据看板。`
    const saved = await toggle.exec({ ask, confirmText: isStaff ? '取消' : '设为', done: '已更新' })
    if (saved) onChanged(saved)
  }
  return (
    <View className="person-row">
      <View className="person-row__who">
        <Text className="person-row__name">{p.name}</Text>
        <Text className="person-row__roles">
          {p.roles.map((r) => ROLE_LABEL[r]).join('、')}
          {p.gridName ? ` · ${p.gridName}` : ''}
        </Text>
        {standing(p) && <Text className="person-row__standing">{standing(p)}</Text>}
        {editing && <GridWork p={p} places={places} onChanged={onChanged} onClose={() => setEditing(false)} />}
      </View>
      {!me && !editing && (
        <View className="person-row__buttons">
          {!p.roles.includes('admin') && (
            <Btn type={isStaff ? 'danger' : 'default'} className={`btn-staff-${p.id}`} loading={toggle.busy} onClick={() => void run()}>
              {isStaff ? '取消社区工作者' : '设为社区工作者'}
            </Btn>
          )}
          <Btn className={`btn-grid-work-${p.id}`} onClick={() => setEditing(true)}>
            {p.gridWork ? '改网格' : '设为网格员'}
          </Btn>
          {platform.signIn === 'demo' && <Invite p={p} />}
        </View>
      )}
    </View>
  )
}

function Grids({ places }: { places: Remote<Places> }) {
  const [name, setName] = useState('')
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null)
  const save = useAction((requestId: string, n: string, id?: string) => peopleApi.upsertGrid(n, requestId, id))
  const add = async () => {
    if (name.trim().length < L.gridName.min) return toast(`网格名称至少 ${L.gridName.min} 个字`)
    if (await save.exec({ ask: `新增网格“${name.trim()}”？`, confirmText: '新增', done: '已新增' }, name.trim())) {
      setName('')
      void places.reload()
    }
  }
  const rename = async () => {
    if (!renaming || renaming.name.trim().length < L.gridName.min) return toast(`网格名称至少 ${L.gridName.min} 个字`)
    if (await save.exec({ done: '已改名' }, renaming.name.trim(), renaming.id)) {
      setRenaming(null)
      void places.reload()
    }
  }
  return (
    <Card title="网格">
      {(places.data?.grids ?? []).map((g) =>
        renaming?.id === g.id ? (
          <View key={g.id} className="grid-row grid-row--editing">
            <TextInput
              className="input-grid-rename"
              value={renaming.name}
              onChange={(v) => setRenaming({ ...renaming, name: v })}
              maxLength={L.gridName.max}
            />
            <View className="wb-row">
              <Btn onClick={() => setRenaming(null)}>不改了</Btn>
              <Btn type="primary" className="btn-grid-rename" loading={save.busy} onClick={() => void rename()}>
                保存
              </Btn>
            </View>
          </View>
        ) : (
          <View key={g.id} className="grid-row">
            <View>
              <View className="grid-row__name">{g.name}</View>
              <View className="grid-row__buildings">{g.buildings.map((b) => b.name).join('、') || '还没有楼栋'}</View>
            </View>
            <Btn className="btn-grid-edit" onClick={() => setRenaming({ id: g.id, name: g.name })}>
              改名
            </Btn>
          </View>
        ),
      )}
      <Field label="新增网格" className="grid-add">
        <View className="grid-add__row">
          <TextInput
            className="input-grid-name grid-add__input"
            value={name}
            onChange={setName}
            maxLength={L.gridName.max}
            placeholder="如 第四网格"
          />
          <Btn type="primary" className="btn-grid-add" loading={save.busy} onClick={() => void add()}>
            新增
          </Btn>
        </View>
      </Field>
    </Card>
  )
}

export default function People() {
  const { user } = useSession()
  const list = useRemote(() => peopleApi.people(), [])
  const places = useRemote(() => peopleApi.places(), [])
  const items = list.data ?? []
  const staff = items.filter((p) => p.roles.includes('staff') || p.roles.includes('admin'))
  const others = items.filter((p) => !p.roles.includes('staff') && !p.roles.includes('admin'))
  const changed = (p: PersonView) => list.setData(items.map((x) => (x.id === p.id ? p : x)))
  return (
    <Screen className="wb people">
      <Grids places={places} />
      <StateSwitch
        of={list}
        empty={items.length === 0}
        emptyNode={<EmptyState title="社区还没有登记的人" hint="居民登记、党员报到通过后会出现在这里。" />}
      >
        <Card title={`社区工作者（${staff.length}）`}>
          {staff.map((p) => (
            <Person key={p.id} p={p} me={p.id === user?.id} places={places.data} onChanged={changed} />
          ))}
        </Card>
        <Card title={`居民和党员（${others.length}）`}>
          {others.map((p) => (
            <Person key={p.id} p={p} me={p.id === user?.id} places={places.data} onChanged={changed} />
          ))}
        </Card>
      </StateSwitch>
    </Screen>
  )
}
