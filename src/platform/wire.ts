// What the transport needs from the platform, typed once; `wire.weapp.ts` and `wire.h5.ts` implement it and
// Taro's file-suffix resolution picks one per build. The type checker and jest see the H5 variant.
export * from './wire.h5'
