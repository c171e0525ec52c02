export default definePageConfig({
  navigationBarTitleText: '签到码',
  navigationBarBackgroundColor: '#9e1f1f',
  backgroundColor: '#9e1f1f',
})
