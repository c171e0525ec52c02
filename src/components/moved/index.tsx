// A page that moved to another subpackage: its old route stays as this page, which forwards with the same
// query, so links shared before the move (and bookmarks) still open it.
import Taro, { useLoad } from '@tarojs/taro'
import { withQuery } from '@/constants/routes'
import Screen from '../screen'
import { Skeleton } from '../state'

/** Taro's own entries in the page parameters (H5 adds $taroTimestamp and stamp): not the link's query. */
const ownQuery = (params: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(params).filter(([k]) => !k.startsWith('$') && k !== 'stamp'))

export default function Moved({ to }: { to: string }) {
  useLoad((params: Record<string, string | undefined>) => {
    void Taro.redirectTo({ url: withQuery(to, ownQuery(params)) })
  })
  return (
    <Screen>
      <Skeleton rows={1} />
    </Screen>
  )
}
