// 三评 of one member (staff): the packet, the 社区测评 score, and the 组织考评 — entered here for the
// branch, or by the branch itself through a one-time link (14 days) that needs no sign-in.
import Taro, { useShareAppMessage } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { BranchLink, EvaluationPacket } from '@shared/points'
import Btn from '@/components/btn'
import Card from '@/components/card'
import { AreaField, Field } from '@/components/field'
import { ErrorState, Skeleton } from '@/components/state'
import { useAction } from '@/hooks/useAction'
import { useRemote } from '@/hooks/useRemote'
import { platform } from '@/platform'
import { toast } from '@/services/feedback'
import { evaluationApi } from '@/services/workbench'
import { formatDateTime } from '@/utils/time'
import { Packet, ScoreInput, scoreOf } from '../shared'
import '@/styles/blocks.scss'
import '../shared/shared.scss'
import './detail.scss'
import { POINTS_LIMITS } from '@shared/limits'

function ScoreForm({
  part,
  memberId,
  year,
  onSaved,
}: {
  part: 'community' | 'branch'
  memberId: string
  year: number
  onSaved: (p: EvaluationPacket) => void
}) {
  const [score, setScore] = useState('')
  const [comment, setComment] = useState('')
  const save = useAction((requestId: string) => evaluationApi.score(memberId, year, part, scoreOf(score) ?? 0, comment.trim(), requestId))
  const title = part === 'community' ? '社区测评' : '组织考评（代党支部录入）'
  const submit = async () => {
    if (scoreOf(score) === null) return toast('请填写 0–100 的分数')
    const saved = await save.exec({ ask: `确认提交${title} ${score} 分？`, confirmText: '提交', done: '已保存' })
    if (saved) {
      onSaved(saved)
      setScore('')
      setComment('')
    }
  }
  return (
    <Card title={title} className={`score-form score-form--${part}`}>
      <Field label="分数">
        <ScoreInput value={score} onChange={setScore} />
      </Field>
      <AreaField
        label="评语（可不填）"
        className={`input-comment-${part}`}
        value={comment}
        onChange={setComment}
        maxLength={POINTS_LIMITS.comment.max}
        placeholder="写几句评价"
      />
      <Btn block type="primary" className={`btn-save-${part}`} loading={save.busy} onClick={() => void submit()}>
        提交{part === 'community' ? '社区测评' : '组织考评'}
      </Btn>
    </Card>
  )
}

function LinkCard({
  memberId,
  name,
  year,
  link,
  setLink,
}: {
  memberId: string
  name: string
  year: number
  link: BranchLink | null
  setLink: (l: BranchLink) => void
}) {
  const make = useAction((requestId: string) => evaluationApi.branchLink(memberId, year, requestId))
  const url = link ? platform.linkTo(link.path) : ''
  const create = async () => {
    const l = await make.exec({ ask: '生成一个给党支部的打分链接？链接 14 天内有效，只能用一次。', confirmText: '生成' })
    if (l) setLink(l)
  }
  return (
    <Card title="请党支部打分" className="branch-link">
      <View className="wb-hint">党支部打开链接就能看到{name}的全年台账和自评，填写组织考评，不用登录。</View>
      {link ? (
        <>
          <View className="branch-link__url">{url}</View>
          <View className="wb-hint">有效期到 {formatDateTime(link.expiresAt)}，用过一次即失效。</View>
          {platform.canShareToChat ? (
            <Button className="branch-link__share" openType="share">
              发给党支部
            </Button>
          ) : (
            <Btn block className="btn-copy-link" onClick={() => void Taro.setClipboardData({ data: url })}>
              复制链接
            </Btn>
          )}
        </>
      ) : (
        <Btn block className="btn-branch-link" loading={make.busy} onClick={() => void create()}>
          生成打分链接
        </Btn>
      )}
    </Card>
  )
}

/** One member's 三评 for staff (the 三评 page with `memberId`). */
export default function EvaluationDetail({ memberId, year }: { memberId: string; year: number }) {
  const packet = useRemote(() => evaluationApi.packet(year, memberId), [memberId, year], { skip: !memberId })
  const p = packet.data
  const [link, setLink] = useState<BranchLink | null>(null)
  // WeChat: 发给党支部 shares this page's link card, pointing at the one-time scoring page
  useShareAppMessage(() => ({ title: `请为${p?.name ?? '党员'}填写 ${year} 年组织考评`, path: link?.path ?? '' }))
  return (
    <View className="evaluation-detail">
      {packet.loading ? (
        <Skeleton rows={3} />
      ) : packet.error && !p ? (
        <ErrorState error={packet.error} onRetry={() => void packet.reload()} />
      ) : p ? (
        <>
          <View className="wb-head">
            {p.name}
            <Text className="evaluation-detail__branch"> {p.branch ?? ''}</Text>
          </View>
          <Packet p={p} />
          <ScoreForm part="community" memberId={memberId} year={year} onSaved={packet.setData} />
          <LinkCard memberId={memberId} name={p.name} year={year} link={link} setLink={setLink} />
          <ScoreForm part="branch" memberId={memberId} year={year} onSaved={packet.setData} />
        </>
      ) : null}
    </View>
  )
}
