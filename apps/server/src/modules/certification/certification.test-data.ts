/** Valid forms for tests and demo data. */
export const QUALIFICATION_FORM = {
  companyName: '云启信息技术有限公司',
  creditCode: '91110108MA01ABCD2X',
  legalRepresentative: '王磊',
  registeredAddress: '北京市海淀区中关村大街 1 号',
  businessScope: '云计算服务的销售与技术支持',
  contactName: '李娜',
  contactPhone: '+8613800138000',
  contactEmail: 'contact@yunqi.example.com',
};

export const BUSINESS_FORM = {
  companyLegalName: '云启信息技术有限公司',
  creditCode: '91110108MA01ABCD2X',
  legalRepresentative: '王磊',
  registeredAddress: '北京市海淀区中关村大街 1 号',
  bankName: '中国工商银行',
  bankBranch: '北京中关村支行',
  bankAccountName: '云启信息技术有限公司',
  bankAccountNumber: '6222 0202 0011 2233 445',
  taxpayerStatus: 'general' as const,
  taxpayerId: '91110108MA01ABCD2X',
  settlementCurrency: 'CNY' as const,
};
