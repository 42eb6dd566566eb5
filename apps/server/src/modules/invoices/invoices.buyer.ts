/**
 * The provider's invoicing details: the buyer (购买方) on every VAT special invoice partners issue.
 * Printed on the notice and the invoice list; a submitted invoice must name this taxpayer id.
 */
export const PROVIDER_BUYER = {
  name: '华为云计算技术有限公司',
  nameEn: 'Huawei Cloud Computing Technologies Co., Ltd.',
  taxpayerId: '91520900MA6J6CBN9Q',
  address: '贵州省贵安新区黔中大道交兴功路华为云数据中心',
  phone: '0851-88586800',
  bankName: '中国工商银行贵安新区支行',
  bankAccount: '2402006309200098765',
} as const;

export type Buyer = {
  name: string;
  nameEn: string;
  taxpayerId: string;
  address: string;
  phone: string;
  bankName: string;
  bankAccount: string;
};
