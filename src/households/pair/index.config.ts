export default definePageConfig({
  navigationBarTitleText: '安排结对',
})
