export default definePageConfig({
  navigationBarTitleText: '我的兑换',
  enablePullDownRefresh: true,
  // the pickup QR: WeChat's native custom component (H5 draws it with Views)
  ...(process.env.TARO_ENV === 'weapp' ? { usingComponents: { 'native-qr': '../../components/native-qr/index' } } : {}),
})
