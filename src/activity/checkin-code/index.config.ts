export default definePageConfig({
  navigationBarTitleText: '签到码',
  navigationBarBackgroundColor: '#9e1f1f',
  backgroundColor: '#9e1f1f',
  // the rotating QR: WeChat's native custom component (H5 draws it with Views)
  ...(process.env.TARO_ENV === 'weapp' ? { usingComponents: { 'native-qr': '../../components/native-qr/index' } } : {}),
})
