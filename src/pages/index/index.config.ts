export default definePageConfig({
  navigationBarTitleText: '红网邻里',
  enablePullDownRefresh: true,
})
