export default definePageConfig({
  navigationBarTitleText: '逾期/升级',
  enablePullDownRefresh: true,
})
