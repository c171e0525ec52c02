/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.gif'
declare module '*.jpg'
declare module '*.jpeg'
declare module '*.svg'
declare module '*.css'
declare module '*.scss'

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production'
    TARO_APP_ID: string
    /** H5: where the gateway lives; '' = same origin (config/index.ts). */
    TARO_APP_API_BASE: string
    /** weapp: CloudBase environment id for Taro.cloud.init (config/index.ts). */
    TARO_APP_CLOUD_ENV: string
    /** 订阅消息 template ids, REDGRID_SUBSCRIBE_TEMPLATES as JSON ('' = none; config/index.ts). */
    TARO_APP_SUBSCRIBE_TEMPLATES: string
  }
}

// The native WeChat custom component (src/components/native-qr), used in JSX on weapp pages.
declare namespace JSX {
  interface IntrinsicElements {
    'native-qr': { text: string; size?: number }
  }
}
