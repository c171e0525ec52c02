// WeChat reads this instead of index.config.ts (Taro's per-platform files): the same page, with the pickup QR
// drawn by the native custom component (H5 draws it with Views, components/qr).
import page from './index.config'

export default definePageConfig({ ...page, usingComponents: { 'native-qr': '../../components/native-qr/index' } })
