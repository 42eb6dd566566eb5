import { Alert } from 'antd';
import { PageHeader } from './page-header.tsx';

/** What a partner member sees on a Developer page that only administrators use. */
export function AdminOnly(props: { title: string; subtitle: string; message: string; testId: string }) {
  return (
    <>
      <PageHeader title={props.title} subtitle={props.subtitle} />
      <Alert type="info" showIcon message={props.message} data-testid={props.testId} />
    </>
  );
}
