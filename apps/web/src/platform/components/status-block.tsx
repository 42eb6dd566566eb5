import { CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Flex } from 'antd';
import type { ReactNode } from 'react';
import { usePageTitle } from '../lib/use-document-title.ts';

interface Props {
  status: 'warning' | 'error';
  title: ReactNode;
  subTitle?: ReactNode;
  extra?: ReactNode;
  /** The title as the page's heading (a page that is only this block). */
  heading?: boolean;
}

const ICONS = {
  warning: <ExclamationCircleFilled style={{ fontSize: 72, color: '#faad14' }} />,
  error: <CloseCircleFilled style={{ fontSize: 72, color: '#ff4d4f' }} />,
};

/**
 * A status message in the look of antd's Result, without its illustrations (too heavy for the
 * first load of every page; the 404 page still uses Result and is loaded on demand).
 */
export function StatusBlock({ status, title, subTitle, extra, heading }: Props) {
  // A page that is only this block is named after its title.
  usePageTitle(heading && typeof title === 'string' ? title : undefined);
  const Title = heading ? 'h1' : 'div';
  return (
    <Flex vertical align="center" gap={16} className="pc-status" role="alert">
      {ICONS[status]}
      <Title className="pc-status-title">{title}</Title>
      {subTitle ? <div className="pc-status-subtitle">{subTitle}</div> : null}
      {extra}
    </Flex>
  );
}
