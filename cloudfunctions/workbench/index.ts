// The `workbench` cloud function: every action of REGISTRY.workbench (数据看板, 工作台账 and 三评 exports,
// 三亮一晒), the caller identified by the platform's OPENID; the 三亮一晒 page is public.
import { cloudEntry } from '../compose-cloud'

export const main = cloudEntry('workbench')
