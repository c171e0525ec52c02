export default definePageConfig({
  navigationBarTitleText: '人员与网格',
  enablePullDownRefresh: true,
})
