// Local content check: a word list stands in for WeChat's msgSecCheck (DESIGN.md §8).
import { invalid } from '../../core/domain/errors'
import type { ContentGuard } from '../../core/ports'

/** A short default list; communities extend it in the data folder (words.txt, one per line). */
export const DEFAULT_BLOCKED_WORDS = ['法轮', '赌博', '博彩', '代开发票', '枪支', '毒品', '裸聊', '色情', '办证', '刷单']

export function wordGuard(words: readonly string[] = DEFAULT_BLOCKED_WORDS): ContentGuard {
  const list = words.map((w) => w.trim()).filter(Boolean)
  return {
    async check(text, field) {
      const folded = text.replace(/\s+/g, '')
      if (list.some((w) => folded.includes(w))) throw invalid(field, '内容含有不适合发布的词语，请修改后再提交')
    },
  }
}
