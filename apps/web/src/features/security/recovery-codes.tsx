import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The recovery codes, shown once right after they are made. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('security.codes.title')} data-testid="recovery-codes">
      <Alert type="warning" showIcon title={t('security.codes.hint')} style={{ marginBottom: 12 }} />
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(2, 1fr)',
          gap: 8,
          fontFamily: 'monospace',
          fontSize: 16,
        }}
      >
        {codes.map((c) => (
          <span key={c} data-testid="recovery-code">
            {c}
          </span>
        ))}
      </div>
      <Flex gap={8} style={{ marginTop: 16 }}>
        <Typography.Text
          copyable={{
            text: codes.join('\n'),
            tooltips: [t('security.codes.copy'), t('security.codes.copied')],
          }}
        />
        <Button type="primary" onClick={onDone} data-testid="recovery-codes-done">
          {t('security.codes.done')}
        </Button>
      </Flex>
    </Card>
  );
}
