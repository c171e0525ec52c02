// The `wxpush` cloud function: WeChat's message push (消息推送) routed here — today the asynchronous
// photo verdicts (MsgType `event`, Event `wxa_media_check`) of mediaCheckAsync. Configure the route in
// 云开发 → 设置 → 其他设置 → 消息推送 (docs/deploy-cloudbase.md).
import { wxpushEntry } from '../compose-cloud'
import { applyPhotoVerdict } from '../core/usecases/photos/verdict'

export const main = wxpushEntry(applyPhotoVerdict)
