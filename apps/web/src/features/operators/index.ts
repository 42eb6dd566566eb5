import { TeamOutlined } from '@ant-design/icons';
import { defineFeature, lazyPage } from '../../platform/feature.ts';

/** Console > Operators (admin only) and the page the operator invitation email links to. */
export const operators = defineFeature({
  name: 'operators',
  routes: {
    console: [{ path: 'operators', ...lazyPage(() => import('./operators-page.tsx'), 'OperatorsPage') }],
    root: [
      {
        path: '/console/accept-invitation',
        ...lazyPage(() => import('./accept-operator-invitation-page.tsx'), 'AcceptOperatorInvitationPage'),
      },
    ],
  },
  consoleMenu: [
    {
      key: 'operators',
      path: '/console/operators',
      label: { 'zh-CN': '运营人员', 'en-US': 'Operators' },
      icon: TeamOutlined,
      order: 115,
      visible: (me) => me.roles.includes('admin'),
    },
  ],
  strings: {
    'en-US': () => import('./operators.en-US.ts').then((m) => m.operatorsEnUS),
    'zh-CN': () => import('./operators.zh-CN.ts').then((m) => m.operatorsZhCN),
  },
});
