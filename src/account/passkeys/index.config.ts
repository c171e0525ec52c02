export default definePageConfig({
  navigationBarTitleText: '通行密钥',
})
