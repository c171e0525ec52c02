// The `orders` cloud function: every action of REGISTRY.orders, the caller identified by the platform's OPENID.
import { wechatPhotoScreen } from '../adapters/wechat/media-check'
import { cloudEntry } from '../compose-cloud'

// its actions attach photos others see: each goes to WeChat's check
export const main = cloudEntry('orders', { photoScreen: wechatPhotoScreen })
