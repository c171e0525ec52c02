export default definePageConfig({
  navigationBarTitleText: '网格任务',
  enablePullDownRefresh: true,
})
