export default definePageConfig({
  navigationBarTitleText: '街道数据看板',
  enablePullDownRefresh: true,
})
