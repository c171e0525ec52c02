// 注销账号 in plain words, one list for the confirmation the app shows before and the answer the function
// gives after (usecases/accounts/delete-me.ts): what goes, what is kept under an anonymised id and why.
// No zod here: the app imports this file.

/** What 注销 erases or ends. */
export const ERASED = [
  '姓名（显示为「已注销用户」）、手机号、住址、党员信息和身份，登录方式（密码、微信绑定、各处的登录）。',
  '你上传的所有照片，消息，订阅消息，登记资料中的姓名、手机号和住址，亮身份卡和自评内容。',
  '还没人接的需求会撤销；你接的工单退回接单大厅；未领取的兑换取消并退回积分；还能退出的活动报名会退出。',
] as const

/** What is kept under the anonymised id, each with why others need it. */
export const KEPT = [
  '积分明细和余额：账目只增不改，余额必须等于明细之和，所以保留在已注销的编号下（不能再使用）。',
  '工单记录（标题、描述、评价和处理过程）：为你服务过的党员的积分和工作台账依据它们；联系方式已清除，照片已删除。',
  '报名已截止的活动报名记录：到场情况和积分发放依据它们。',
  '兑换记录：商品库存和积分退还依据它们；未领取的已取消并退回积分。',
  '以社区工作者身份发布的活动和商品：属于社区，继续保留，发布人显示为「已注销用户」。',
  '三评中社区和党组织给出的评分和评语：属于组织的考评记录；你自己写的自评内容已删除。',
  '登记审核记录（何时提交、谁审核、结果）：社区的审核台账；其中的姓名、手机号和住址已清除。',
  '一户一档中你这一户的档案：社区还要照常走访这一户；档案里你的姓名和手机号已清除，只留与户主的关系和年龄段。',
] as const
