// The WeChat repository contract (订阅消息 grants, photo checks) against the embedded adapter.
import { sqliteAdapter } from './sqlite-adapter'
import { wechatContract } from './wechat.contract'

wechatContract(sqliteAdapter)
