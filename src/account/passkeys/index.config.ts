export default definePageConfig({
  navigationBarTitleText: '通行密钥',
  enablePullDownRefresh: true,
})
