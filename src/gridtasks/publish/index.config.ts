export default definePageConfig({
  navigationBarTitleText: '发布网格任务',
})
