import type { Localized } from '../../platform/i18n/i18n.ts';

export const PROGRAM_CODES = [
  'solution_provider',
  'distributor',
  'cloud_reseller',
  'service_partner',
  'authorized_sales_support_center',
] as const;
export type ProgramCode = (typeof PROGRAM_CODES)[number];

export interface ProgramText {
  code: ProgramCode;
  name: Localized;
  summary: Localized;
  requirements: Localized[];
  benefits: Localized[];
}

const t = (zh: string, en: string): Localized => ({ 'zh-CN': zh, 'en-US': en });

/** R17: the public program pages. A partner may hold more than one program. */
export const PROGRAMS: ProgramText[] = [
  {
    code: 'solution_provider',
    name: t('解决方案提供商', 'Solution Provider'),
    summary: t(
      '面向最终客户，基于云服务构建行业解决方案，提供售前咨询、实施交付、增值服务与推广，帮助客户上云、用好云。',
      'Builds industry solutions on our cloud services and serves end customers directly: pre-sales advice, implementation, value-added services and promotion that help customers move to the cloud and get the most from it.',
    ),
    requirements: [
      t(
        '在中国大陆依法注册的企业法人，经营状态正常',
        'A company legally registered in mainland China and in good standing',
      ),
      t(
        '完成伙伴中心注册，并由企业管理员完成邮箱验证',
        'Registered in the Partner Center, with the administrator’s email confirmed',
      ),
      t(
        '通过经销商资质认证（在伙伴门户完成，无需提交银行与税务信息）',
        'Passes reseller qualification certification (on the partner portal, no bank or tax data needed)',
      ),
      t(
        '申请激励付款前，完成商业信息认证（提交对公银行账户与纳税人信息）',
        'Completes business information certification (company bank account and taxpayer details) before applying for incentive payouts',
      ),
      t(
        '至少一名员工持有有效的云服务技术认证',
        'At least one employee holds a valid cloud technical certification',
      ),
    ],
    benefits: [
      t('按客户的有效消费获得季度激励', 'Quarterly incentives on the eligible spend of your customers'),
      t(
        '专属生态经理对接，协助商机与客户拓展',
        'A dedicated ecosystem manager who helps with opportunities and customers',
      ),
      t(
        '售前、技术与交付赋能培训及认证',
        'Pre-sales, technical and delivery enablement, training and certification',
      ),
      t('联合营销资源与伙伴身份证书', 'Joint marketing resources and a partner certificate'),
    ],
  },
  {
    code: 'distributor',
    name: t('总经销商', 'Distributor'),
    summary: t(
      '一级渠道伙伴，专注发展和支持云经销商，通过二级渠道覆盖更多最终客户，承担渠道招募、赋能与管理。',
      'A tier-1 channel partner that recruits, enables and manages cloud resellers, reaching end customers through a two-level channel.',
    ),
    requirements: [
      t(
        '已加入授权销售支持中心计划并保持良好记录',
        'Already a member of the Authorized Sales Support Center program, in good standing',
      ),
      t(
        '具备覆盖区域或行业的渠道网络与专职渠道管理团队',
        'A channel network covering a region or industry, with a dedicated channel team',
      ),
      t(
        '具备相应的资金实力与信用状况，可承担分销结算',
        'Financial strength and credit standing sufficient for distribution settlement',
      ),
      t('通过商业信息认证与年度复核', 'Passes business information certification and the annual review'),
      t('由生态经理审核升级申请', 'The upgrade application is reviewed by your ecosystem manager'),
    ],
    benefits: [
      t('分销激励与更高的折扣权益', 'Distribution incentives and better discount terms'),
      t(
        '云经销商招募、关联与业绩管理工具',
        'Tools to recruit, associate and track the performance of cloud resellers',
      ),
      t('渠道赋能资源与联合市场活动支持', 'Channel enablement resources and joint marketing support'),
      t('专属生态经理与优先技术支持', 'A dedicated ecosystem manager and priority technical support'),
    ],
  },
  {
    code: 'cloud_reseller',
    name: t('云经销商', 'Cloud Reseller'),
    summary: t(
      '在总经销商的支持下向最终客户销售云服务，负责客户关联、续费与日常服务。',
      'Sells cloud services to end customers with the support of a distributor, and looks after customer association, renewals and day-to-day service.',
    ),
    requirements: [
      t('在中国大陆依法注册的企业法人', 'A company legally registered in mainland China'),
      t('与一家总经销商建立合作关系', 'Works under a distributor'),
      t('通过经销商资质认证', 'Passes reseller qualification certification'),
      t(
        '遵守伙伴行为准则与客户数据保护要求',
        'Follows the partner code of conduct and customer data protection rules',
      ),
    ],
    benefits: [
      t('客户关联、预算预警与续费管理', 'Customer association, budget alerts and renewal management'),
      t('通过总经销商获得销售激励', 'Sales incentives through your distributor'),
      t('产品与销售培训', 'Product and sales training'),
      t(
        '年度业绩达到 80 万元后，可申请加入授权销售支持中心计划，进而申请升级为总经销商',
        'At an annual performance of CNY 800,000 you can apply to join the Authorized Sales Support Center program, then to upgrade to distributor',
      ),
    ],
  },
  {
    code: 'service_partner',
    name: t('服务合作伙伴', 'Service Partner'),
    summary: t(
      '提供上云迁移、部署实施、运维托管等专业服务，以交付能力帮助客户成功用云。',
      'Delivers professional services such as migration, deployment and managed operations, helping customers succeed on the cloud.',
    ),
    requirements: [
      t('在中国大陆依法注册的企业法人', 'A company legally registered in mainland China'),
      t(
        '至少两名员工持有有效的云服务专业认证',
        'At least two employees hold valid professional cloud certifications',
      ),
      t('具备可验证的云项目交付案例', 'Verifiable cloud delivery projects'),
      t(
        '项目专员的个人资质（任职、证书、培训、项目）保持更新',
        'Project specialists keep their personal qualifications (employment, certificates, training, projects) up to date',
      ),
    ],
    benefits: [
      t('交付能力支持与服务激励', 'Delivery capability support and service incentives'),
      t('优先获得服务商机推荐', 'Priority referral of service opportunities'),
      t('技术专家支持与实验环境资源', 'Access to technical experts and lab resources'),
      t('服务能力认证与市场展示', 'Service capability certification and marketplace visibility'),
    ],
  },
  {
    code: 'authorized_sales_support_center',
    name: t('授权销售支持中心', 'Authorized Sales Support Center'),
    summary: t(
      '面向业绩突出的云经销商的进阶计划：在区域内承担销售支持职能，是升级为总经销商的前置步骤。',
      'A step up for high-performing cloud resellers: they take on a regional sales-support role, and it is the step before upgrading to distributor.',
    ),
    requirements: [
      t(
        '当前为云经销商，伙伴身份证书在有效期内',
        'Currently a cloud reseller with a valid partner certificate',
      ),
      t(
        '自然年度业绩（客户有效消费合计）达到 80 万元',
        'Annual performance (total eligible customer spend in the calendar year) of at least CNY 800,000',
      ),
      t('已通过商业信息认证', 'Business information certification passed'),
      t(
        '近一年无违规记录，并经生态经理审核',
        'No violations in the past year, and approval by your ecosystem manager',
      ),
    ],
    benefits: [
      t('更高一级的激励档位', 'A higher incentive tier'),
      t(
        '区域销售支持资源与专属生态经理',
        'Regional sales-support resources and a dedicated ecosystem manager',
      ),
      t('可申请升级为总经销商', 'Eligibility to apply for the distributor upgrade'),
    ],
  },
];
