import { Button, type ButtonProps } from 'antd';
import type { MouseEvent } from 'react';
import { useHref, useNavigate } from 'react-router';

/**
 * A button that is a real link (one element, so no button nested in an anchor): it opens in a new
 * tab on modifier-click and navigates inside the app otherwise.
 */
export function LinkButton({
  to,
  onClick,
  ...props
}: Omit<ButtonProps, 'href'> & { to: string; 'data-testid'?: string }) {
  const navigate = useNavigate();
  const href = useHref(to);
  const go = (e: MouseEvent<HTMLElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <Button {...props} href={href} onClick={go} />;
}
