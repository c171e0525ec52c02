export default definePageConfig({
  navigationBarTitleText: '审核工单',
  enablePullDownRefresh: true,
})
