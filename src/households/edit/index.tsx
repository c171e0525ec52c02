// 建档 / 修改档案: a household's file as its keepers write it — the home (网格 → 楼栋 → 单元 and 房号 from the
// community's places; a 网格员 sees their own grids), its people (typed in, or a registered resident picked
// by name: their name comes from the account), tags and the consent (who agreed, how). ?id= edits one.
// What the server refuses is shown at the field it names.
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { AGE_BANDS, type AgeBand, CONSENT_METHODS, type ConsentMethod, HOUSEHOLD_TAGS, type HouseholdTag } from '@shared/enums'
import type { HouseholdDetail } from '@shared/households'
import { AGE_BAND_LABELS, CONSENT_METHOD_LABELS, HOUSEHOLD_TAG_LABELS } from '@shared/labels'
import { HOUSEHOLD_LIMITS as L } from '@shared/limits'
import Btn from '@/components/btn'
import Card from '@/components/card'
import { AreaField, Chips, Field, InputField, TextInput } from '@/components/field'
import Screen from '@/components/screen'
import { DetailPending, EmptyState, StateSwitch, isGone } from '@/components/state'
import { ResidentOptions, ResidentSearchBox } from '@/components/resident-search'
import Tap from '@/components/tap'
import { ROUTES, withQuery } from '@/constants/routes'
import { useAction } from '@/hooks/useAction'
import { useRemote } from '@/hooks/useRemote'
import { toast } from '@/services/feedback'
import { householdsApi } from '@/services/households'
import { ordersApi } from '@/services/orders'
import { peopleApi } from '@/services/workbench'
import { useSession } from '@/store/session'
import { cls } from '@/utils/cls'
import { back } from '@/utils/nav'
import './index.scss'

const RELATIONS = ['户主', '本人', '配偶', '子女', '父母', '孙辈', '兄弟姐妹', '其他']
const PHONE = /^[0-9-]{7,20}$/

interface PersonRow {
  key: string
  /** Kept across edits, so what was placed for the person stays theirs. */
  id?: string
  residentId: string | null
  name: string
  relation: string
  ageBand: AgeBand | null
  phone: string
}

let rowKey = 0
const newRow = (over: Partial<PersonRow> = {}): PersonRow => ({
  key: `row${++rowKey}`,
  residentId: null,
  name: '',
  relation: '',
  ageBand: null,
  phone: '',
  ...over,
})

/** "3单元 502" → unit 3, room 502; a room written otherwise stays whole. */
function splitRoom(room: string) {
  const m = /^(\d+)单元\s*(.+)$/.exec(room)
  return m ? { unit: m[1], room: m[2] } : { unit: '', room }
}

export default function HouseholdEdit() {
  const id = useRouter().params.id
  useEffect(() => {
    if (id) void Taro.setNavigationBarTitle({ title: '修改档案' })
  }, [id])
  const existing = useRemote(() => householdsApi.get(id ?? ''), [id], { skip: !id, refreshOnShow: false })
  if (id && !existing.data)
    return <DetailPending of={existing} gone={isGone(existing.error)} title="没有找到这户" hint="可能不在您负责的网格里。" />
  return <HouseholdForm key={existing.data?.id ?? 'new'} current={existing.data ?? null} />
}

function HouseholdForm({ current }: { current: HouseholdDetail | null }) {
  const { user } = useSession()
  const places = useRemote(() => peopleApi.places(), [], { refreshOnShow: false })
  const start = splitRoom(current?.room ?? '')
  const [gridId, setGridId] = useState(current?.gridId ?? '')
  const [buildingId, setBuildingId] = useState(current?.buildingId ?? '')
  const [unit, setUnit] = useState(start.unit)
  const [room, setRoom] = useState(start.room)
  const [people, setPeople] = useState<PersonRow[]>(
    current ? current.members.map((m) => newRow({ ...m, phone: m.phone ?? '' })) : [newRow()],
  )
  const [tags, setTags] = useState<HouseholdTag[]>(current?.tags ?? [])
  const [consentBy, setConsentBy] = useState(current?.consent.by ?? '')
  const [consentMethod, setConsentMethod] = useState<ConsentMethod | null>(current?.consent.method ?? null)
  const [note, setNote] = useState(current?.note ?? '')
  const [tried, setTried] = useState(false)
  const [picking, setPicking] = useState(false)

  const fullRoom = unit.trim() ? `${unit.trim()}单元 ${room.trim()}` : room.trim()
  const save = useAction((requestId: string) =>
    householdsApi.upsert(
      {
        ...(current ? { id: current.id } : {}),
        buildingId,
        room: fullRoom,
        members: people.map((p) => ({
          ...(p.id ? { id: p.id } : {}),
          ...(p.residentId ? { residentId: p.residentId } : {}),
          name: p.name.trim(),
          relation: p.relation,
          ageBand: p.ageBand as AgeBand,
          phone: p.phone.trim() || null,
        })),
        tags,
        consent: { by: consentBy.trim(), method: consentMethod as ConsentMethod },
        note: note.trim(),
      },
      requestId,
    ),
  )

  // a 网格员 files the households of their own grids; community staff any grid's
  const staff = user?.roles.some((r) => r === 'staff' || r === 'admin') ?? false
  const mine = new Set(user?.gridWork?.grids.map((g) => g.id) ?? [])
  const grids = (places.data?.grids ?? []).filter((g) => staff || mine.has(g.id))
  const grid = grids.find((g) => g.id === gridId) ?? (grids.length === 1 ? grids[0] : undefined)

  // the server's refusal, at the field it names; until then, what is plainly missing once 保存 was tapped
  const served = save.error?.code === 'INVALID_INPUT' ? save.error : undefined
  const serverSays = (field: string) => (served?.field === field ? served.message : undefined)
  const local: Record<string, string | undefined> = {
    buildingId: buildingId ? undefined : '请选择楼栋',
    room: room.trim() ? undefined : '请填写房号',
    'consent.by': consentBy.trim() ? undefined : '请写下是谁同意建档的',
    'consent.method': consentMethod ? undefined : '请选择同意的方式',
  }
  people.forEach((p, i) => {
    if (!p.residentId && !p.name.trim()) local[`members.${i}.name`] = '请填写姓名'
    if (!p.relation) local[`members.${i}.relation`] = '请选择与户主的关系'
    if (!p.ageBand) local[`members.${i}.ageBand`] = '请选择年龄段'
    if (p.phone.trim() && !PHONE.test(p.phone.trim())) local[`members.${i}.phone`] = '电话只填数字和“-”'
  })
  const errorOf = (field: string) => serverSays(field) ?? (tried ? local[field] : undefined)

  const setRow = (key: string, patch: Partial<PersonRow>) => setPeople((rows) => rows.map((r) => (r.key === key ? { ...r, ...patch } : r)))
  const removeRow = (key: string) => setPeople((rows) => rows.filter((r) => r.key !== key))
  const toggleTag = (t: HouseholdTag) => setTags((ts) => (ts.includes(t) ? ts.filter((x) => x !== t) : [...ts, t]))

  const submit = async () => {
    setTried(true)
    const missing = Object.values(local).find(Boolean)
    if (missing) return toast(missing)
    if (people.length === 0) return toast('至少登记一位家庭成员')
    const saved = await save.exec({ done: current ? '档案已保存' : '已建档' })
    if (!saved) return
    if (current) back()
    else void Taro.redirectTo({ url: withQuery(ROUTES.household, { id: saved.id }) })
  }

  return (
    <Screen className="household-edit">
      <Card title="住址">
        <StateSwitch
          of={places}
          empty={grids.length === 0}
          rows={2}
          emptyNode={<EmptyState title="没有可选的网格" hint="您还没有负责的网格。" />}
        >
          {grids.length > 1 && (
            <Field label="网格">
              <Chips
                className="chips-grid"
                options={grids.map((g) => ({ value: g.id, label: g.name }))}
                value={grid?.id}
                onChange={(v) => {
                  setGridId(v)
                  setBuildingId('')
                }}
              />
            </Field>
          )}
          <Field label="楼栋" error={errorOf('buildingId')}>
            {grid ? (
              <Chips
                className="chips-building"
                options={grid.buildings.map((b) => ({ value: b.id, label: b.name }))}
                value={buildingId}
                onChange={setBuildingId}
              />
            ) : (
              <View className="household-edit__hint">先选网格</View>
            )}
          </Field>
          <View className="household-edit__pair">
            <Field label="单元" className="household-edit__half">
              <TextInput className="input-unit" value={unit} onChange={setUnit} placeholder="如 2" maxLength={3} type="number" />
            </Field>
            <Field label="房号" error={errorOf('room')} className="household-edit__half">
              <TextInput className="input-room" value={room} onChange={setRoom} placeholder="如 301" maxLength={L.room.max - 6} />
            </Field>
          </View>
        </StateSwitch>
      </Card>

      <Card title="家庭成员">
        {people.map((p, i) => (
          <View key={p.key} className="person-row">
            <View className="person-row__head">
              <Text className="person-row__no">第 {i + 1} 位</Text>
              {p.residentId && <Text className="person-row__registered">已注册居民</Text>}
              {people.length > 1 && (
                <Btn size="small" type="plain" className="btn-remove-person" onClick={() => removeRow(p.key)}>
                  删除
                </Btn>
              )}
            </View>
            {p.residentId ? (
              <View className="person-row__name">{p.name}</View>
            ) : (
              <InputField
                label="姓名"
                className="input-person-name"
                value={p.name}
                onChange={(v) => setRow(p.key, { name: v })}
                maxLength={L.memberName.max}
                error={errorOf(`members.${i}.name`)}
              />
            )}
            <Field label="与户主的关系" error={errorOf(`members.${i}.relation`)}>
              <Chips
                className="chips-relation"
                options={[...new Set([...RELATIONS, ...(p.relation ? [p.relation] : [])])].map((r) => ({ value: r, label: r }))}
                value={p.relation}
                onChange={(v) => setRow(p.key, { relation: v })}
              />
            </Field>
            <Field label="年龄段" error={errorOf(`members.${i}.ageBand`)}>
              <Chips
                className="chips-age"
                options={AGE_BANDS.map((a) => ({ value: a, label: AGE_BAND_LABELS[a] }))}
                value={p.ageBand}
                onChange={(v) => setRow(p.key, { ageBand: v })}
              />
            </Field>
            <InputField
              label="电话（可不填）"
              className="input-person-phone"
              value={p.phone}
              onChange={(v) => setRow(p.key, { phone: v })}
              placeholder="手机或座机，如 0531-88881234"
              maxLength={20}
              error={errorOf(`members.${i}.phone`) ?? errorOf(`members.${i}.residentId`) ?? errorOf(`members.${i}.id`)}
            />
          </View>
        ))}
        {errorOf('members') && <View className="field__error">{errorOf('members')}</View>}
        {people.length < L.maxMembers && (
          <View className="household-edit__add">
            <Btn className="btn-add-person" onClick={() => setPeople((rows) => [...rows, newRow()])}>
              ＋ 添加家庭成员
            </Btn>
            <Btn className="btn-add-resident" onClick={() => setPicking(true)}>
              ＋ 已注册的居民
            </Btn>
          </View>
        )}
        {picking && (
          <ResidentPicker
            taken={people.flatMap((p) => (p.residentId ? [p.residentId] : []))}
            onPick={(r) => {
              setPeople((rows) => [...rows.filter((x) => x.name.trim() || x.residentId), newRow({ residentId: r.id, name: r.name })])
              setPicking(false)
            }}
            onClose={() => setPicking(false)}
          />
        )}
      </Card>

      <Card title="情况（可多选）">
        <View className="chips chips-tags">
          {HOUSEHOLD_TAGS.map((t) => (
            <Tap
              key={t}
              role="checkbox"
              on={tags.includes(t)}
              className={cls('chip', tags.includes(t) && 'chip--on')}
              onTap={() => toggleTag(t)}
            >
              {HOUSEHOLD_TAG_LABELS[t]}
            </Tap>
          ))}
        </View>
        <View className="household-edit__hint">独居、高龄的每周走访，残疾、困境儿童家庭每两周，其他每月。</View>
      </Card>

      <Card title="建档同意">
        <InputField
          label="谁同意的"
          className="input-consent-by"
          value={consentBy}
          onChange={setConsentBy}
          placeholder="同意人的姓名"
          maxLength={L.consentBy.max}
          error={errorOf('consent.by')}
        />
        {people.some((p) => p.name.trim()) && (
          <Chips
            className="chips-consent-person household-edit__quick"
            options={[...new Set(people.map((p) => p.name.trim()).filter(Boolean))].map((n) => ({ value: n, label: n }))}
            value={consentBy}
            onChange={setConsentBy}
          />
        )}
        <Field label="怎么同意的" error={errorOf('consent.method')}>
          <Chips
            className="chips-consent-method"
            options={CONSENT_METHODS.map((m) => ({ value: m, label: CONSENT_METHOD_LABELS[m] }))}
            value={consentMethod}
            onChange={setConsentMethod}
          />
        </Field>
        <AreaField
          label="备注（可不填）"
          className="input-household-note"
          value={note}
          onChange={setNote}
          placeholder="例如：女儿在外地，每周日来电话"
          maxLength={L.note.max}
          error={errorOf('note')}
        />
      </Card>

      <Btn block type="primary" size="large" className="btn-save-household" loading={save.busy} onClick={() => void submit()}>
        {current ? '保存档案' : '建档'}
      </Btn>
    </Screen>
  )
}

/** A registered resident of the caller's grids, found by name, building or the end of their phone. */
function ResidentPicker({
  taken,
  onPick,
  onClose,
}: {
  taken: string[]
  onPick: (r: { id: string; name: string }) => void
  onClose: () => void
}) {
  const [search, setSearch] = useState('')
  const residents = useRemote(() => ordersApi.residents(search || undefined), [search], { refreshOnShow: false })
  const items = (residents.data ?? []).filter((r) => !taken.includes(r.id))
  return (
    <View className="resident-picker">
      <ResidentSearchBox onSearch={setSearch} />
      <ResidentOptions of={residents} items={items} emptyHint="只能选您负责网格里登记过的居民。" onPick={onPick} />
      <Btn size="small" className="btn-close-picker" onClick={onClose}>
        不选了
      </Btn>
    </View>
  )
}
