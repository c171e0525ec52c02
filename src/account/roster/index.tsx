// 社区设置 (admin): the 社区设置表 — download the template, fill it in, upload it; every row is checked
// into a preview (what will be added, changed, left; each wrong row named), and only a file with no
// wrong row is imported. And the community's buildings (楼栋): add one to a grid, rename or move one.
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { RosterPreview } from '@shared/accounts'
import { ACCOUNT_LIMITS as L } from '@shared/limits'
import Btn from '@/components/btn'
import Card from '@/components/card'
import { Chips, Field, TextInput } from '@/components/field'
import Screen from '@/components/screen'
import { StateSwitch } from '@/components/state'
import { useAction } from '@/hooks/useAction'
import { useRemote } from '@/hooks/useRemote'
import { platform } from '@/platform'
import { toast } from '@/services/feedback'
import { photoSrc, uploadRoster } from '@/services/transport'
import { peopleApi } from '@/services/workbench'
import { newRequestId } from '@/utils/id'
import '@/styles/blocks.scss'
import './index.scss'

/** The browser's file picker for one .xlsx; null when the person closed it. */
function chooseWorkbook(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    input.onchange = () => resolve(input.files?.[0] ?? null)
    input.click()
  })
}

function Preview({ p }: { p: RosterPreview }) {
  return (
    <View className="roster-preview">
      {p.counts.map((c) => (
        <View key={c.sheet} className="roster-preview__row">
          <Text className="roster-preview__sheet">{c.sheet}</Text>
          <Text>
            {c.rows} 行 · 新增 {c.created} · 更新 {c.updated} · 不变 {c.unchanged}
          </Text>
        </View>
      ))}
      {p.warnings.map((w) => (
        <View key={w} className="wb-hint">
          提示：{w}
        </View>
      ))}
      {p.errors.length > 0 && (
        <View className="roster-preview__errors">
          <View className="roster-preview__title">有 {p.errors.length} 处要改，改好后重新上传（一行也没有导入）：</View>
          {p.errors.map((e) => (
            <View key={`${e.sheet}-${e.row}-${e.column}-${e.message}`} className="roster-error">
              「{e.sheet}」{e.row ? `第 ${e.row} 行` : ''}
              {e.column ? `「${e.column}」` : ''}：{e.message}
            </View>
          ))}
        </View>
      )}
    </View>
  )
}

function Import() {
  const [file, setFile] = useState<File | null>(null)
  const [preview, setPreview] = useState<RosterPreview | null>(null)
  const [busy, setBusy] = useState(false)
  const template = async () => {
    try {
      const f = await peopleApi.rosterTemplate()
      await platform.openFile({ url: photoSrc(f.url), name: f.name })
    } catch {
      // the transport toasted the reason
    }
  }
  const send = async (chosen: File, commit: boolean) => {
    setBusy(true)
    try {
      const p = await uploadRoster(chosen, commit, newRequestId())
      setPreview(p)
      if (p.committed) toast('已导入', 'success')
    } catch {
      // the transport toasted the reason
    } finally {
      setBusy(false)
    }
  }
  const choose = async () => {
    const chosen = await chooseWorkbook()
    if (!chosen) return
    setFile(chosen)
    setPreview(null)
    await send(chosen, false)
  }
  return (
    <Card title="社区设置表">
      <View className="wb-hint">
        下载模板，填好网格、楼栋、居民、党员和工作人员，再上传。系统逐行检查：有一行不对就一行也不导入；同一个文件导入两次不会重复。
      </View>
      <View className="wb-row">
        <Btn className="btn-roster-template" onClick={() => void template()}>
          下载模板
        </Btn>
        <Btn type="primary" className="btn-roster-choose" loading={busy && !preview} onClick={() => void choose()}>
          {file ? '重新选择文件' : '上传表格'}
        </Btn>
      </View>
      {file && <View className="wb-hint">文件：{file.name}</View>}
      {preview && <Preview p={preview} />}
      {file && preview && !preview.committed && preview.errors.length === 0 && (
        <Btn type="primary" block className="btn-roster-import" loading={busy} onClick={() => void send(file, true)}>
          导入
        </Btn>
      )}
    </Card>
  )
}

function Buildings() {
  const places = useRemote(() => peopleApi.places(), [])
  const grids = places.data?.grids ?? []
  const [name, setName] = useState('')
  const [gridId, setGridId] = useState<string | null>(null)
  const [editing, setEditing] = useState<{ id: string; name: string; gridId: string } | null>(null)
  const save = useAction((requestId: string, n: string, g: string, id?: string) => peopleApi.upsertBuilding(n, g, requestId, id))
  const add = async () => {
    if (!gridId) return toast('请选择网格')
    if (name.trim().length < L.buildingName.min) return toast('请填写楼栋名称')
    if (await save.exec({ done: '已新增' }, name.trim(), gridId)) {
      setName('')
      void places.reload()
    }
  }
  const rename = async () => {
    if (!editing || editing.name.trim().length < L.buildingName.min) return toast('请填写楼栋名称')
    if (await save.exec({ done: '已保存' }, editing.name.trim(), editing.gridId, editing.id)) {
      setEditing(null)
      void places.reload()
    }
  }
  const gridChips = grids.map((g) => ({ value: g.id, label: g.name }))
  return (
    <Card title="楼栋">
      <StateSwitch
        of={places}
        empty={grids.length === 0}
        emptyNode={<View className="wb-hint">先新增网格（「人员」页）或导入社区设置表。</View>}
      >
        {grids.map((g) => (
          <View key={g.id} className="building-grid">
            <View className="building-grid__name">{g.name}</View>
            {g.buildings.map((b) =>
              editing?.id === b.id ? (
                <View key={b.id} className="building-row building-row--editing">
                  <TextInput
                    className="input-building-rename"
                    value={editing.name}
                    onChange={(v) => setEditing({ ...editing, name: v })}
                    maxLength={L.buildingName.max}
                  />
                  <Chips options={gridChips} value={editing.gridId} onChange={(v) => setEditing({ ...editing, gridId: v })} />
                  <View className="wb-row">
                    <Btn onClick={() => setEditing(null)}>不改了</Btn>
                    <Btn type="primary" className="btn-building-save" loading={save.busy} onClick={() => void rename()}>
                      保存
                    </Btn>
                  </View>
                </View>
              ) : (
                <View key={b.id} className="building-row">
                  <Text>{b.name}</Text>
                  <Btn className="btn-building-edit" onClick={() => setEditing({ id: b.id, name: b.name, gridId: g.id })}>
                    修改
                  </Btn>
                </View>
              ),
            )}
          </View>
        ))}
        <Field label="新增楼栋">
          <Chips options={gridChips} value={gridId} onChange={setGridId} className="building-add__grids" />
          <View className="wb-row">
            <TextInput
              className="input-building-name"
              value={name}
              onChange={setName}
              maxLength={L.buildingName.max}
              placeholder="如 7号楼"
            />
            <Btn type="primary" className="btn-building-add" loading={save.busy} onClick={() => void add()}>
              新增
            </Btn>
          </View>
        </Field>
      </StateSwitch>
    </Card>
  )
}

export default function RosterSetup() {
  return (
    <Screen className="wb roster-setup">
      {platform.signIn === 'demo' ? (
        <Import />
      ) : (
        <View className="wb-hint">请在电脑浏览器中导入社区设置表，或由管理员在服务器上运行 npm run setup。</View>
      )}
      <Buildings />
    </Screen>
  )
}
