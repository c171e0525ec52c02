// 组织考评 through the one-time link a community sent the member's party branch: no sign-in. The page
// shows the member's year (台账 figures and 自评, never a phone or address) and takes one score.
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useState } from 'react'
import Btn from '@/components/btn'
import Card from '@/components/card'
import { AreaField, Field, InputField } from '@/components/field'
import Screen from '@/components/screen'
import { EmptyState, ErrorState, Skeleton } from '@/components/state'
import { useAction } from '@/hooks/useAction'
import { useRemote } from '@/hooks/useRemote'
import { toast } from '@/services/feedback'
import { evaluationApi } from '@/services/workbench'
import { Figures, ScoreInput, scoreOf } from '../shared'
import '@/styles/blocks.scss'
import '../shared/shared.scss'
import { POINTS_LIMITS } from '@shared/limits'

export default function BranchScore() {
  const { params } = useRouter()
  const token = params.token ?? ''
  const form = useRemote(() => evaluationApi.branchForm(token), [token], { skip: !token, refreshOnShow: false })
  const [score, setScore] = useState('')
  const [scorer, setScorer] = useState('')
  const [comment, setComment] = useState('')
  const [sent, setSent] = useState(false)
  const submit = useAction((requestId: string) =>
    evaluationApi.branchScore(token, scoreOf(score) ?? 0, scorer.trim(), comment.trim(), requestId),
  )
  const f = form.data

  const send = async () => {
    if (scoreOf(score) === null) return toast('请填写 0–100 的分数')
    if (scorer.trim().length < POINTS_LIMITS.scorer.min) return toast('请填写党支部和打分人')
    const done = await submit.exec({ ask: `确认给${f?.name ?? ''}打 ${score} 分？提交后不能修改。`, confirmText: '提交' })
    if (done) setSent(true)
  }

  if (!token)
    return (
      <Screen className="wb">
        <EmptyState title="链接不完整" hint="请向社区索取新的打分链接。" />
      </Screen>
    )
  if (form.loading)
    return (
      <Screen className="wb">
        <Skeleton rows={3} />
      </Screen>
    )
  if (!f) return <Screen className="wb">{form.error ? <ErrorState error={form.error} onRetry={() => void form.reload()} /> : null}</Screen>
  if (sent || f.done) {
    return (
      <Screen className="wb branch-score">
        <EmptyState title="组织考评已提交" hint={`谢谢！${f.communityName}已收到对${f.name}的 ${f.year} 年组织考评。`} />
      </Screen>
    )
  }
  return (
    <Screen className="wb branch-score">
      <View className="wb-head">
        {f.name} · {f.year} 年组织考评
      </View>
      <View className="wb-hint">
        {f.communityName}邀请{f.branch ?? '所在党支部'}为在职党员{f.name}（{f.workUnit ?? '工作单位未填'}）打分。组织考评占综合评价的 40%。
      </View>
      <Card title="社区服务台账">
        <Figures f={f.figures} only={['ordersServed', 'activitiesAttended', 'hours', 'averageRating']} />
      </Card>
      <Card title="本人自评">
        <View className="packet__text">{f.selfText ?? '还没有填写自评。'}</View>
      </Card>
      <Card title="组织考评">
        <Field label="分数">
          <ScoreInput value={score} onChange={setScore} />
        </Field>
        <InputField
          label="党支部与打分人"
          hint="如：市税务局第一党支部 张书记"
          className="input-scorer"
          value={scorer}
          onChange={setScorer}
          maxLength={POINTS_LIMITS.scorer.max}
          placeholder="党支部名称和您的姓名"
        />
        <AreaField
          label="评语（可不填）"
          className="input-branch-comment"
          value={comment}
          onChange={setComment}
          maxLength={POINTS_LIMITS.comment.max}
          placeholder="写几句评价"
        />
        <Btn block type="primary" size="large" className="btn-submit-branch" loading={submit.busy} onClick={() => void send()}>
          提交组织考评
        </Btn>
      </Card>
    </Screen>
  )
}
