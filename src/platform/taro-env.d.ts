// The build's target, set by Taro. Only src/platform/ (and the transport) may look at it: pages ask the
// platform module for a capability instead.
declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn'
  }
}
