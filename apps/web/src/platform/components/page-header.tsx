import { Flex, Typography } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { usePageTitle } from '../lib/use-document-title.ts';

/** The text of a heading that is plain text (or a list of texts); undefined for anything richer. */
function plainText(node: ReactNode): string | undefined {
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) {
    const parts = node.map(plainText);
    return parts.every((p) => p !== undefined) ? parts.join('') : undefined;
  }
  return undefined;
}

/**
 * The page's one h1 in the look of an antd h3 (`pc-h1-2`: of an h2); it also names the browser tab,
 * "<heading> - <app>", or `documentTitle` when the heading is not plain text.
 */
export function PageTitle({
  children,
  documentTitle,
  className = 'pc-h1-3',
  style,
  plain,
}: {
  children: ReactNode;
  documentTitle?: string;
  className?: string;
  style?: CSSProperties;
  /** A bare h1 that takes the look of where it stands (antd Result's title, a status block). */
  plain?: boolean;
}) {
  usePageTitle(documentTitle ?? plainText(children));
  if (plain) return <h1 className="pc-plain-h1">{children}</h1>;
  return (
    <Typography.Title level={1} className={className} style={style}>
      {children}
    </Typography.Title>
  );
}

/** The title row of a page, with optional subtitle and actions; the title is the page's one h1. */
export function PageHeader({
  title,
  subtitle,
  extra,
  documentTitle,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  extra?: ReactNode;
  /** The browser tab's title when `title` is not plain text. */
  documentTitle?: string;
}) {
  return (
    <Flex justify="space-between" align="flex-start" gap={16} wrap style={{ marginBottom: 20 }}>
      <div>
        <PageTitle documentTitle={documentTitle} style={{ margin: 0 }}>
          {title}
        </PageTitle>
        {subtitle ? (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
            {subtitle}
          </Typography.Text>
        ) : null}
      </div>
      {extra ? <Flex gap={8}>{extra}</Flex> : null}
    </Flex>
  );
}
