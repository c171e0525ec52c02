export default definePageConfig({
  navigationBarTitleText: '组织考评',
})
