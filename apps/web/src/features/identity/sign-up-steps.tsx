import { Steps } from 'antd';
import { useTranslation } from 'react-i18next';

export function SignUpSteps({ current }: { current: 0 | 1 | 2 }) {
  const { t } = useTranslation();
  return (
    <Steps
      size="small"
      current={current}
      style={{ marginBottom: 32 }}
      items={[
        { title: t('signUp.steps.account') },
        { title: t('signUp.steps.confirm') },
        { title: t('signUp.steps.done') },
      ]}
    />
  );
}
