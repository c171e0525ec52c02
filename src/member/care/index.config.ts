export default definePageConfig({
  navigationBarTitleText: '结对帮扶',
  // the report and photos are a draft (store/drafts): a pull-down reloads the task, not the typing
  enablePullDownRefresh: true,
})
