export default definePageConfig({
  navigationBarTitleText: '成员审核',
  enablePullDownRefresh: true,
})
