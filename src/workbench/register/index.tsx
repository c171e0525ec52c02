// 居民登记 / 双报到 moved to the account subpackage (src/account/register): this old route forwards to it.
import Moved from '@/components/moved'
import { ROUTES } from '@/constants/routes'

export default function OldRegister() {
  return <Moved to={ROUTES.register} />
}
