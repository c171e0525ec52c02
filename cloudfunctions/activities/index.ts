// The `activities` cloud function: every action of REGISTRY.activities, the caller identified by the platform's OPENID.
import { wechatPhotoScreen } from '../adapters/wechat/media-check'
import { cloudEntry } from '../compose-cloud'

// its actions attach photos others see: each goes to WeChat's check
export const main = cloudEntry('activities', { photoScreen: wechatPhotoScreen })
