// The `mall` cloud function: every action of REGISTRY.mall, the caller identified by the platform's OPENID.
import { wechatPhotoScreen } from '../adapters/wechat/media-check'
import { cloudEntry } from '../compose-cloud'

// its actions attach photos others see: each goes to WeChat's check
export const main = cloudEntry('mall', { photoScreen: wechatPhotoScreen })
