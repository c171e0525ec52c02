// 居民登记 and 党员报到 (在职党员双报到; retired and floating members report too). A resident binds their
// home (网格 → 楼栋 → 单元 → 房号) and phone; a member says whether they are 在职 / 退休 / 流动 and how
// they are managed (直管 / 联管 / 代管 / 双管), their party branch, a work unit (the in-service must), the
// posts they claim (认领岗位), skills and home grid. Both
// wait for community staff; the state and any reason to resubmit are shown at the top.
import Taro, { useRouter } from '@tarojs/taro'
import { Button, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { MANAGEMENTS, MEMBER_STATUSES, POST_TYPES, type Management, type MemberStatus, type PostType } from '@shared/enums'
import { MANAGEMENT_LABELS, MEMBER_STATUS_LABELS } from '@shared/labels'
import type { Places, RegistrationKind, RegistrationView } from '@shared/accounts'
import Btn from '@/components/btn'
import Card from '@/components/card'
import { Chips, Field, InputField, TextInput } from '@/components/field'
import Screen from '@/components/screen'
import { ErrorState, Skeleton } from '@/components/state'
import { POST_TYPE_LABEL } from '@/constants/labels'
import { ROUTES } from '@/constants/routes'
import { useAction } from '@/hooks/useAction'
import { useRemote } from '@/hooks/useRemote'
import { platform } from '@/platform'
import { fetchMe } from '@/services/accounts'
import { toast } from '@/services/feedback'
import { peopleApi } from '@/services/workbench'
import { refusedForPrivacy } from '@/services/privacy'
import { returnTo } from '@/store/return-to'
import { useSession } from '@/store/session'
import { cls } from '@/utils/cls'
import { go } from '@/utils/nav'
import { formatTime } from '@/utils/time'
import '@/styles/blocks.scss'
import './index.scss'
import { ACCOUNT_LIMITS as L } from '@shared/limits'
import Tap from '@/components/tap'

const KIND_TITLE: Record<RegistrationKind, string> = { resident: '居民登记', member: '党员报到' }
const STATUS_TEXT = { pending: '等待社区审核', approved: '已通过', rejected: '未通过' } as const

function StatusCard({ r }: { r: RegistrationView }) {
  return (
    <View className={cls('reg-status', `reg-status--${r.status}`)}>
      <View className="reg-status__title">
        {KIND_TITLE[r.kind]}：{STATUS_TEXT[r.status]}
      </View>
      <View className="reg-status__line">
        {formatTime(r.decidedAt ?? r.submittedAt)}
        {r.decidedAt ? '处理' : '提交'}
      </View>
      {r.status === 'rejected' && r.reason && <View className="reg-status__line">原因：{r.reason}。修改后可以重新提交。</View>}
      {r.status === 'pending' && <View className="reg-status__line">社区工作者审核后会在“消息”里通知您。</View>}
    </View>
  )
}

function ResidentForm({ places, onDone }: { places: Places; onDone: (r: RegistrationView) => void }) {
  const { user } = useSession()
  const [name, setName] = useState(user?.name && user.roles.length ? user.name : '')
  const [phone, setPhone] = useState(user?.phone ?? '')
  const [gridId, setGridId] = useState(places.grids[0]?.id ?? '')
  const [buildingId, setBuildingId] = useState('')
  const [unit, setUnit] = useState('')
  const [room, setRoom] = useState('')
  const [tried, setTried] = useState(false)
  const grid = places.grids.find((g) => g.id === gridId)
  const submit = useAction((requestId: string) =>
    peopleApi.registerResident({ name: name.trim(), phone: phone.trim(), buildingId, unit: unit.trim(), room: room.trim() }, requestId),
  )
  const errors = {
    name: name.trim().length < L.name.min ? '请填写姓名' : '',
    phone: /^1[3-9]\d{9}$/.test(phone.trim()) ? '' : '请填写 11 位手机号',
    building: buildingId ? '' : '请选择楼栋',
    unit: unit.trim() ? '' : '请填写单元',
    room: room.trim() ? '' : '请填写房号',
  }
  const ok = Object.values(errors).every((e) => !e)
  const send = async () => {
    setTried(true)
    if (!ok) return
    const r = await submit.exec({ ask: '确认提交登记？社区工作者会核对您的住址。', confirmText: '提交', done: '已提交' })
    if (r) onDone(r)
  }
  const phoneFromWechat = async (answer: { code?: string; errMsg?: string; errno?: number }) => {
    const code = answer.code
    if (!code)
      return toast(refusedForPrivacy(answer) ? '没有同意隐私保护指引，不能用微信手机号；请直接填写' : '没有获取到手机号，请直接填写')
    try {
      setPhone(await peopleApi.verifyPhone(code))
    } catch {
      // the transport said why
    }
  }
  return (
    <View className="reg-form reg-form--resident">
      <InputField
        label="姓名"
        error={tried ? errors.name : ''}
        className="input-name"
        value={name}
        onChange={setName}
        placeholder="您的真实姓名"
        maxLength={L.name.max}
      />
      <Field label="手机号" error={tried ? errors.phone : ''} hint="网格员、社区工作者和接单的党员会用它联系您">
        <TextInput className="input-phone" value={phone} onChange={setPhone} placeholder="11 位手机号" maxLength={11} type="number" />
        {platform.canUseWechatPhone && (
          <Button
            className="reg-form__wx-phone"
            openType="getPhoneNumber"
            onGetPhoneNumber={(e) => void phoneFromWechat(e.detail as { code?: string; errMsg?: string; errno?: number })}
          >
            用微信绑定的手机号
          </Button>
        )}
      </Field>
      <Field label="所在网格">
        <Chips
          className="chips-grid"
          options={places.grids.map((g) => ({ value: g.id, label: g.name }))}
          value={gridId}
          onChange={(v) => {
            setGridId(v)
            setBuildingId('')
          }}
        />
      </Field>
      <Field label="楼栋" error={tried ? errors.building : ''}>
        <Chips
          className="chips-building"
          options={(grid?.buildings ?? []).map((b) => ({ value: b.id, label: b.name }))}
          value={buildingId}
          onChange={setBuildingId}
        />
      </Field>
      <View className="reg-form__pair">
        <Field label="单元" error={tried ? errors.unit : ''} className="reg-form__half">
          <TextInput className="input-unit" value={unit} onChange={setUnit} placeholder="如 2" maxLength={L.unit.max} />
        </Field>
        <Field label="房号" error={tried ? errors.room : ''} className="reg-form__half">
          <TextInput className="input-room" value={room} onChange={setRoom} placeholder="如 301" maxLength={L.room.max} />
        </Field>
      </View>
      <Btn block type="primary" size="large" className="btn-submit-resident" loading={submit.busy} onClick={() => void send()}>
        提交登记
      </Btn>
    </View>
  )
}

function MemberForm({ places, onDone }: { places: Places; onDone: (r: RegistrationView) => void }) {
  const { user } = useSession()
  const [status, setStatus] = useState<MemberStatus>(user?.member?.status ?? 'on_job')
  const [management, setManagement] = useState<Management>(user?.member?.management ?? 'direct')
  const [workUnit, setWorkUnit] = useState(user?.member?.workUnit ?? '')
  const [branch, setBranch] = useState(user?.member?.branch ?? '')
  const [posts, setPosts] = useState<PostType[]>(user?.member?.posts ?? [])
  const [skills, setSkills] = useState<string[]>(user?.member?.skills ?? [])
  const [skill, setSkill] = useState('')
  const [gridId, setGridId] = useState(user?.gridId ?? places.grids[0]?.id ?? '')
  const [tried, setTried] = useState(false)
  const homeFixed = !!user?.buildingName && !!user.gridId
  const submit = useAction((requestId: string) =>
    peopleApi.registerMember(
      { status, management, ...(workUnit.trim() ? { workUnit: workUnit.trim() } : {}), branch: branch.trim(), posts, skills, gridId },
      requestId,
    ),
  )
  const onJob = status === 'on_job'
  const errors = {
    // a retired or floating member may leave it empty, or name their former unit
    workUnit:
      (onJob || workUnit.trim()) && workUnit.trim().length < L.workUnit.min ? (onJob ? '在职党员请填写工作单位' : '单位名称太短') : '',
    branch: branch.trim().length < L.branch.min ? '请填写所在党支部' : '',
    posts: posts.length ? '' : '请至少认领一个岗位',
  }
  const ok = Object.values(errors).every((e) => !e)
  const toggle = (p: PostType) => setPosts((cur) => (cur.includes(p) ? cur.filter((x) => x !== p) : [...cur, p]))
  const addSkill = () => {
    const s = skill.trim()
    if (!s || skills.includes(s) || skills.length >= L.maxSkills) return
    setSkills([...skills, s])
    setSkill('')
  }
  const send = async () => {
    setTried(true)
    if (!ok) return
    const r = await submit.exec({ ask: '确认提交党员报到？社区审核后就能接单了。', confirmText: '提交', done: '已提交' })
    if (r) onDone(r)
  }
  return (
    <View className="reg-form reg-form--member">
      <Field label="您现在是">
        <Chips
          className="chips-member-status"
          options={MEMBER_STATUSES.map((x) => ({ value: x, label: `${MEMBER_STATUS_LABELS[x]}党员` }))}
          value={status}
          onChange={setStatus}
        />
      </Field>
      <Field label="组织关系" hint="直管：关系在本社区；联管、代管、双管：按所在党组织说的选">
        <Chips
          className="chips-management"
          options={MANAGEMENTS.map((x) => ({ value: x, label: MANAGEMENT_LABELS[x] }))}
          value={management}
          onChange={setManagement}
        />
      </Field>
      <InputField
        label={onJob ? '工作单位' : '原工作单位（可以不填）'}
        error={tried ? errors.workUnit : ''}
        className="input-work-unit"
        value={workUnit}
        onChange={setWorkUnit}
        placeholder="如 市税务局"
        maxLength={L.workUnit.max}
      />
      <InputField
        label="所在党支部"
        error={tried ? errors.branch : ''}
        className="input-branch"
        value={branch}
        onChange={setBranch}
        placeholder="如 市税务局第一党支部"
        maxLength={L.branch.max}
      />
      <Field label="认领岗位（可多选）" error={tried ? errors.posts : ''}>
        <View className="chips chips-posts">
          {POST_TYPES.map((p) => (
            <Tap
              key={p}
              role="checkbox"
              on={posts.includes(p)}
              className={cls('chip', `chip-post-${p}`, posts.includes(p) && 'chip--on')}
              onTap={() => toggle(p)}
            >
              {posts.includes(p) ? '✓ ' : ''}
              {POST_TYPE_LABEL[p]}
            </Tap>
          ))}
        </View>
      </Field>
      <Field label="技能特长" hint="如 陪诊、电工、辅导功课，最多 10 个">
        <View className="wb-tags reg-form__skills">
          {skills.map((s) => (
            <Tap key={s} label={`去掉「${s}」`} className="wb-tag reg-form__skill" onTap={() => setSkills(skills.filter((x) => x !== s))}>
              {s} ×
            </Tap>
          ))}
        </View>
        <View className="reg-form__add">
          <TextInput
            className="input-skill reg-form__add-input"
            value={skill}
            onChange={setSkill}
            placeholder="输入一个技能"
            maxLength={L.skill.max}
          />
          <Btn className="btn-add-skill" onClick={addSkill}>
            添加
          </Btn>
        </View>
      </Field>
      <Field label="报到网格" hint={homeFixed ? '按您登记的住址确定' : '您居住的网格'}>
        {homeFixed ? (
          <View className="reg-form__fixed">{places.grids.find((g) => g.id === gridId)?.name ?? '—'}</View>
        ) : (
          <Chips
            className="chips-grid"
            options={places.grids.map((g) => ({ value: g.id, label: g.name }))}
            value={gridId}
            onChange={setGridId}
          />
        )}
      </Field>
      <Btn block type="primary" size="large" className="btn-submit-member" loading={submit.busy} onClick={() => void send()}>
        提交报到
      </Btn>
    </View>
  )
}

export default function Register() {
  const { params } = useRouter()
  const { user } = useSession()
  const roles = user?.roles ?? []
  const initialKind: RegistrationKind =
    params.kind === 'member' || params.kind === 'resident' ? params.kind : roles.includes('resident') ? 'member' : 'resident'
  const [kind, setKind] = useState<RegistrationKind>(initialKind)
  const communityId = params.communityId || user?.communityId
  const places = useRemote(() => peopleApi.places(communityId), [communityId], { skip: !communityId, refreshOnShow: false })
  // newcomers in WeChat are nobody yet: only a registered person has registrations to show
  const mine = useRemote(() => peopleApi.myRegistrations(), [user?.id], { skip: !user })
  const [submitted, setSubmitted] = useState<RegistrationView | null>(null)
  const current = submitted ?? mine.data?.find((r) => r.kind === kind) ?? null
  const waiting = current?.status === 'pending'

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: KIND_TITLE[kind] })
  }, [kind])

  const done = (r: RegistrationView) => {
    // a shared card sent them here: back to it, where the 登记 now shows as waiting for 审核
    const back = returnTo.take(user?.id ?? null)
    if (back) return void Taro.reLaunch({ url: back })
    setSubmitted(r)
    void fetchMe().catch(() => undefined)
    void mine.reload()
  }

  return (
    <Screen className="wb register">
      {roles.includes('resident') && !roles.includes('member') && (
        <View className="register__switch" role="tablist">
          {(['member', 'resident'] as const).map((k) => (
            <Tap
              key={k}
              role="tab"
              on={kind === k}
              className={cls('chip', `register__tab-${k}`, kind === k && 'chip--on')}
              onTap={() => setKind(k)}
            >
              {k === 'member' ? '党员报到' : '更换住址'}
            </Tap>
          ))}
        </View>
      )}
      {current && <StatusCard r={current} />}
      {!communityId ? (
        <Card title="请先找到您的社区">
          <View className="wb-hint">请扫描社区服务中心的二维码，或打开网格员、社区工作者发给您的链接来登记。</View>
        </Card>
      ) : places.loading ? (
        <Skeleton rows={3} />
      ) : places.error || !places.data ? (
        places.error ? (
          <ErrorState error={places.error} onRetry={() => void places.reload()} />
        ) : null
      ) : waiting ? (
        <Btn block className="btn-home" onClick={() => go(ROUTES.home)}>
          回到首页
        </Btn>
      ) : (
        <>
          <View className="wb-head">{places.data.communityName}</View>
          <View className="wb-hint">
            {kind === 'resident'
              ? '登记住址后，社区工作者核对无误就可以点单了。'
              : '在职党员到居住社区双报到，离退休、流动党员也可以来报到，认领服务岗位，审核后可以接单。'}
          </View>
          {kind === 'resident' ? <ResidentForm places={places.data} onDone={done} /> : <MemberForm places={places.data} onDone={done} />}
        </>
      )}
    </Screen>
  )
}
