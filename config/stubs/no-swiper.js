// The H5 build leaves out Swiper (43 KB gzipped): no redgrid page uses <Swiper>. Taro's swiper
// component imports it lazily, so this stands in; using <Swiper> in H5 fails loudly here.
export default class NoSwiper {
  constructor() {
    throw new Error('Swiper is not bundled in the redgrid H5 build: remove the swiper/bundle alias in config/index.ts to use <Swiper>')
  }
}
