export default definePageConfig({
  navigationBarTitleText: '任务详情',
  enablePullDownRefresh: true,
  // a 微心愿's card (and, for other orders, the hall's)
  enableShareAppMessage: true,
})
