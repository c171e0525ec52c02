export default definePageConfig({
  navigationBarTitleText: '三亮一晒',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
})
