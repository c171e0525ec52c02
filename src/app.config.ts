export default defineAppConfig({
  pages: ['pages/index/index', 'pages/messages/index', 'pages/me/index', 'pages/login/index'],
  // one subpackage per role or feature keeps the main package small
  subPackages: [
    { root: 'resident', pages: ['order-new/index', 'orders/index', 'order-detail/index'] },
    { root: 'member', pages: ['hall/index', 'wishes/index', 'tasks/index', 'task-detail/index', 'points/index', 'care/index'] },
    {
      root: 'staff',
      pages: ['review/index', 'review-detail/index', 'overdue/index', 'proxy/index', 'goods/index', 'goods-edit/index', 'verify/index'],
    },
    { root: 'mall', pages: ['index', 'goods/index', 'redemptions/index'] },
    {
      root: 'activity',
      pages: ['index', 'detail/index', 'mine/index', 'publish/index', 'roster/index', 'checkin-code/index'],
    },
    { root: 'households', pages: ['index', 'detail/index', 'visit/index', 'edit/index', 'pair/index'] },
    { root: 'gridtasks', pages: ['index', 'detail/index', 'publish/index'] },
    {
      root: 'account',
      pages: [
        'register/index',
        'pending/index',
        'people/index',
        'accept/index',
        'setup/index',
        'roster/index',
        'passkeys/index',
        'privacy/index',
      ],
    },
    {
      root: 'workbench',
      pages: [
        'index',
        'dashboard/index',
        'ledger/index',
        'evaluation/index',
        'branch-score/index',
        'showcase/index',
        // moved to account/: these old routes forward there (components/moved), so shared links still work
        'register/index',
        'pending/index',
        'people/index',
        'street-dashboard/index',
      ],
    },
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
    // H5: Taro's router draws this bar with the page's title (src/platform/chrome.h5.ts adds 返回 / 首页);
    // 'default' is WeChat's own bar already, so the mini-program keeps one bar
    navigationStyle: 'default',
  },
  tabBar: {
    color: '#4a4a4a',
    selectedColor: '#c62f2f',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-on.png' },
      { pagePath: 'pages/messages/index', text: '消息', iconPath: 'assets/tab/msg.png', selectedIconPath: 'assets/tab/msg-on.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tab/me.png', selectedIconPath: 'assets/tab/me-on.png' },
    ],
  },
})
