export default definePageConfig({
  navigationBarTitleText: '活动详情',
  enablePullDownRefresh: true,
  // 转发给朋友 / 群聊: the page answers onShareAppMessage
  enableShareAppMessage: true,
})
