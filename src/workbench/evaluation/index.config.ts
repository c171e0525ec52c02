export default definePageConfig({
  navigationBarTitleText: '三评',
  enablePullDownRefresh: true,
  // staff send a member's one-time 组织考评 link to the branch (evaluation/Detail.tsx)
  enableShareAppMessage: true,
})
