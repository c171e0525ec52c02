export default definePageConfig({ navigationBarTitleText: '设置登录密码' })
