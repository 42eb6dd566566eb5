import { DollarOutlined } from '@ant-design/icons';
import { defineFeature, lazyPage } from '../../platform/feature.ts';

/** Spend records: the console's import. */
export const spend = defineFeature({
  name: 'spend',
  routes: {
    console: [{ path: 'spend', ...lazyPage(() => import('./spend-import-page.tsx'), 'SpendImportPage') }],
  },
  consoleMenu: [
    {
      key: 'spend',
      path: '/console/spend',
      label: { 'zh-CN': '消费数据导入', 'en-US': 'Spend import' },
      icon: DollarOutlined,
      order: 60,
      visible: (me) => me.roles.some((r) => ['admin', 'finance'].includes(r)),
    },
  ],
  strings: {
    'en-US': () => import('./spend.en-US.ts').then((m) => m.spendEnUS),
    'zh-CN': () => import('./spend.zh-CN.ts').then((m) => m.spendZhCN),
  },
});
