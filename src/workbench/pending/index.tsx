// 成员审核 moved to the account subpackage (src/account/pending): this old route forwards to it.
import Moved from '@/components/moved'
import { ROUTES } from '@/constants/routes'

export default function OldPending() {
  return <Moved to={ROUTES.pending} />
}
