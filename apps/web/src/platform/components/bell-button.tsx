import { Badge, Button } from 'antd';
import type { ReactNode } from 'react';

const OVERFLOW = 99;

/**
 * A header bell: an icon with a count badge. Its accessible name carries the count the badge shows,
 * so what is seen is also what is read (WCAG 2.5.3).
 */
export function BellButton({
  label,
  count,
  icon,
  testId,
  dark,
}: {
  label: string;
  count: number;
  icon: ReactNode;
  testId: string;
  dark?: boolean;
}) {
  const shown = count > OVERFLOW ? `${OVERFLOW}+` : String(count);
  return (
    <Button
      type="text"
      aria-label={count > 0 ? `${label} ${shown}` : label}
      data-testid={testId}
      style={dark ? { color: 'rgba(255,255,255,0.85)' } : undefined}
      icon={
        <Badge
          count={count}
          overflowCount={OVERFLOW}
          size="small"
          offset={[4, -2]}
          data-testid={`${testId}-count`}
        >
          {icon}
        </Badge>
      }
    />
  );
}
