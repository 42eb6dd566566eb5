import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { api, send } from '../../platform/api/client.ts';
import { signedInAs } from '../../platform/api/session.ts';
import type { Me } from '../../platform/api/types.ts';
import { Brand } from '../../platform/components/brand.tsx';
import { CodeInput } from '../../platform/components/code-input.tsx';
import { ErrorAlert } from '../../platform/components/error-alert.tsx';
import { LanguageSwitch } from '../../platform/components/language-switch.tsx';
import { PageTitle } from '../../platform/components/page-header.tsx';
import { type ShownError, toShownError } from '../../platform/lib/form-errors.ts';
import { RecoveryCodes } from './recovery-codes.tsx';
import { TotpEnrol } from './totp-enrol.tsx';

interface Step {
  kind: 'totp' | 'enrol';
  ticket: string;
  next: string;
}

function isStep(v: unknown): v is Step {
  const s = v as Partial<Step> | null;
  return !!s && (s.kind === 'totp' || s.kind === 'enrol') && typeof s.ticket === 'string';
}

/** The code step of sign-in (after the password), or an operator's first authenticator. */
function VerifyCard({ side }: { side: 'portal' | 'console' }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { state } = useLocation();
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  const [useRecovery, setUseRecovery] = useState(false);
  const [enrolment, setEnrolment] = useState<{ secret: string; uri: string } | null>(null);
  const [codes, setCodes] = useState<{ codes: string[]; user: Me } | null>(null);
  const signInPath = side === 'console' ? '/console/sign-in' : '/sign-in';
  const step = isStep(state) ? state : null;

  useEffect(() => {
    if (step?.kind !== 'enrol' || enrolment) return;
    send(() => api.POST('/api/auth/sign-in/enrol', { body: { ticket: step.ticket } }))
      .then(setEnrolment)
      .catch((err) => setError(toShownError(err, t('common.networkError'))));
  }, [step, enrolment, t]);

  if (!step) return <Navigate to={signInPath} replace />;

  const finish = async (user: Me) => {
    await signedInAs(qc, user);
    const home = user.userType === 'operator' ? '/console' : step.next;
    navigate(side === 'console' ? step.next : home, { replace: true });
  };

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(toShownError(err, t('common.networkError')));
    } finally {
      setBusy(false);
    }
  };

  const submitCode = (v: { code?: string; recoveryCode?: string }) =>
    run(async () => {
      const body = useRecovery
        ? { ticket: step.ticket, recoveryCode: v.recoveryCode ?? '' }
        : { ticket: step.ticket, code: v.code ?? '' };
      const out = await send(() => api.POST('/api/auth/sign-in/second-factor', { body }));
      await finish(out.user);
    });

  const confirmEnrolment = (code: string) =>
    run(async () => {
      const out = await send(() =>
        api.POST('/api/auth/sign-in/enrol/confirm', { body: { ticket: step.ticket, code } }),
      );
      setCodes({ codes: out.recoveryCodes, user: out.user });
    });

  return (
    <Card className="pc-auth-card" style={codes || step.kind === 'enrol' ? { maxWidth: 520 } : undefined}>
      <PageTitle style={{ marginTop: 0 }}>
        {step.kind === 'enrol' ? t('security.enrol.title') : t('security.verify.title')}
      </PageTitle>
      <ErrorAlert error={error} testId="verify-error" />
      {codes ? (
        <RecoveryCodes codes={codes.codes} onDone={() => void finish(codes.user)} />
      ) : step.kind === 'enrol' ? (
        <>
          <Alert type="info" showIcon title={t('security.enrol.required')} style={{ marginBottom: 16 }} />
          {enrolment ? (
            <TotpEnrol secret={enrolment.secret} uri={enrolment.uri} busy={busy} onCode={confirmEnrolment} />
          ) : null}
        </>
      ) : (
        <Form layout="vertical" onFinish={submitCode} key={useRecovery ? 'recovery' : 'code'}>
          <Typography.Paragraph type="secondary">
            {useRecovery ? t('security.verify.recoveryHint') : t('security.verify.subtitle')}
          </Typography.Paragraph>
          {useRecovery ? (
            <Form.Item
              name="recoveryCode"
              label={t('security.verify.recoveryCode')}
              rules={[{ required: true }]}
            >
              <Input size="large" autoComplete="off" autoFocus data-testid="verify-recovery-code" />
            </Form.Item>
          ) : (
            <Form.Item
              name="code"
              label={t('security.verify.code')}
              rules={[{ required: true, pattern: /^\d{6}$/, message: t('security.verify.code') }]}
            >
              <CodeInput size="large" autoFocus data-testid="verify-code" />
            </Form.Item>
          )}
          <Button
            type="primary"
            htmlType="submit"
            block
            size="large"
            loading={busy}
            data-testid="verify-submit"
          >
            {t('security.verify.submit')}
          </Button>
          <Button
            type="link"
            block
            onClick={() => setUseRecovery(!useRecovery)}
            data-testid="verify-toggle-recovery"
          >
            {useRecovery ? t('security.verify.useCode') : t('security.verify.useRecovery')}
          </Button>
        </Form>
      )}
      <Typography.Paragraph style={{ marginTop: 16, textAlign: 'center' }}>
        <Link to={signInPath}>{t('security.verify.backToSignIn')}</Link>
      </Typography.Paragraph>
    </Card>
  );
}

export function PortalVerifyPage() {
  return (
    <div className="pc-auth">
      <VerifyCard side="portal" />
    </div>
  );
}

export function ConsoleVerifyPage() {
  const { t } = useTranslation();
  return (
    <div style={{ minHeight: '100vh', background: 'linear-gradient(160deg, #001529 0%, #0b3d91 100%)' }}>
      <div className="pc-header" style={{ background: 'transparent', borderBottom: 'none' }}>
        <Brand title={t('app.console')} to="/console" dark />
        <div className="pc-header-spacer" />
        <LanguageSwitch dark />
      </div>
      <div className="pc-auth" style={{ paddingTop: 72 }}>
        <VerifyCard side="console" />
      </div>
    </div>
  );
}
