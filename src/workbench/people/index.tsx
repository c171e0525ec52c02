// 人员与网格 moved to the account subpackage (src/account/people): this old route forwards to it.
import Moved from '@/components/moved'
import { ROUTES } from '@/constants/routes'

export default function OldPeople() {
  return <Moved to={ROUTES.people} />
}
