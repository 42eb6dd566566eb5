import { Result, type ResultProps } from 'antd';
import { PageTitle } from './page-header.tsx';

/** antd's Result as a whole page (a page that shows only an outcome): its title is the page's h1. */
export function PageResult({ title, ...props }: Omit<ResultProps, 'title'> & { title: string }) {
  return <Result {...props} title={<PageTitle plain>{title}</PageTitle>} />;
}
