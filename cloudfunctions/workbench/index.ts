// The `workbench` cloud function: every action of REGISTRY.workbench (数据看板, 工作台账 and 三评 exports,
// 三亮一晒), the caller identified by the platform's OPENID; the 三亮一晒 page is public.
import { wechatPhotoScreen } from '../adapters/wechat/media-check'
import { cloudExports } from '../adapters/cloudbase/exports'
import { cloudEntry } from '../compose-cloud'

// its actions attach photos others see (each goes to WeChat's check) and make the workbooks
export const main = cloudEntry('workbench', { photoScreen: wechatPhotoScreen, exports: cloudExports })
