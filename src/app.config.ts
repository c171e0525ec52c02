export default defineAppConfig({
  pages: ['pages/index/index', 'pages/me/index', 'pages/login/index'],
  // one subpackage per role keeps the main package small
  subPackages: [
    { root: 'resident', pages: ['order-new/index', 'orders/index', 'order-detail/index'] },
    { root: 'member', pages: ['hall/index', 'tasks/index', 'task-detail/index', 'points/index'] },
    { root: 'staff', pages: ['review/index', 'review-detail/index'] },
  ],
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['resident'] },
  },
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f5f2ee',
    navigationBarBackgroundColor: '#c62f2f',
    navigationBarTitleText: '红网邻里',
    navigationBarTextStyle: 'white',
  },
  tabBar: {
    color: '#4a4a4a',
    selectedColor: '#c62f2f',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-on.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tab/me.png', selectedIconPath: 'assets/tab/me-on.png' },
    ],
  },
})
