// Local mode's push channel. The in-app inbox (written by the use cases) is how people hear of things
// here; there is no WeChat to send subscribe messages through, so nothing more goes out.
import type { Notifier } from '../../core/ports'

export const inboxOnlyNotifier: Notifier = {
  async notify() {},
}
