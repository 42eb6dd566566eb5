import { Col, Form, Input, Radio, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Stage } from './certification-api.ts';

export const QUALIFICATION_FIELDS = [
  'companyName',
  'creditCode',
  'legalRepresentative',
  'registeredAddress',
  'businessScope',
  'contactName',
  'contactPhone',
  'contactEmail',
] as const;

export const BUSINESS_FIELDS = [
  'companyLegalName',
  'creditCode',
  'legalRepresentative',
  'registeredAddress',
  'bankName',
  'bankBranch',
  'bankAccountName',
  'bankAccountNumber',
  'taxpayerId',
  'taxpayerStatus',
  'settlementCurrency',
] as const;

const LONG = new Set(['registeredAddress', 'businessScope']);

/** The inputs of one stage's form; each carries `data-testid="cert-<stage>-<field>"`. */
export function StageFields({
  stage,
  disabled,
  bankAccountMasked,
}: {
  stage: Stage;
  disabled: boolean;
  bankAccountMasked?: string | null;
}) {
  const { t } = useTranslation();
  const fields = stage === 'qualification' ? QUALIFICATION_FIELDS : BUSINESS_FIELDS;
  const id = (f: string) => `cert-${stage}-${f}`;
  return (
    <Row gutter={16}>
      {fields.map((f) => {
        const label = t(`certification.field.${f}`);
        if (f === 'taxpayerStatus' || f === 'settlementCurrency') {
          const options =
            f === 'taxpayerStatus' ? (['general', 'small_scale'] as const) : (['CNY', 'USD'] as const);
          return (
            <Col xs={24} md={12} key={f}>
              <Form.Item name={f} label={label}>
                <Radio.Group disabled={disabled} data-testid={id(f)}>
                  {options.map((o) => (
                    <Radio.Button key={o} value={o} data-testid={`${id(f)}-${o}`}>
                      {f === 'taxpayerStatus'
                        ? t(`certification.taxpayer.${o as 'general' | 'small_scale'}`)
                        : t(`certification.currency.${o as 'CNY' | 'USD'}`)}
                    </Radio.Button>
                  ))}
                </Radio.Group>
              </Form.Item>
            </Col>
          );
        }
        let extra: string | undefined;
        if (f === 'creditCode') extra = t('certification.hint.creditCode');
        if (f === 'taxpayerId') extra = t('certification.hint.taxpayerId');
        if (f === 'bankAccountNumber')
          extra = bankAccountMasked
            ? t('certification.hint.bankAccountKeep', { masked: bankAccountMasked })
            : t('certification.hint.bankAccountSecure');
        return (
          <Col xs={24} md={LONG.has(f) ? 24 : 12} key={f}>
            <Form.Item name={f} label={label} extra={extra}>
              {f === 'businessScope' ? (
                <Input.TextArea disabled={disabled} data-testid={id(f)} rows={3} maxLength={1000} />
              ) : (
                <Input
                  disabled={disabled}
                  data-testid={id(f)}
                  autoComplete="off"
                  placeholder={f === 'bankAccountNumber' && bankAccountMasked ? bankAccountMasked : undefined}
                />
              )}
            </Form.Item>
          </Col>
        );
      })}
    </Row>
  );
}
