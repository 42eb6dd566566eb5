import { Link } from 'react-router';

/** The product mark and name. */
export function Brand({ title, to, dark }: { title: string; to: string; dark?: boolean }) {
  return (
    <Link to={to} className={`pc-brand${dark ? ' pc-brand-dark' : ''}`}>
      <img src="/favicon.svg" alt="" width={28} height={28} />
      <span>{title}</span>
    </Link>
  );
}
