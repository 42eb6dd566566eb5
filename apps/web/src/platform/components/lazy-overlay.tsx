import type { DropdownProps, PopoverProps } from 'antd';
import { type ComponentType, cloneElement, lazy, type ReactElement, Suspense, useState } from 'react';

// Drop-downs and pop-overs draw nothing until opened, yet bring antd's Menu, Dropdown or Popover into
// the first load of every page. These fetch them on hover or focus and draw them on the first click.

type Trigger = ReactElement<{ onClick?: () => void; onMouseEnter?: () => void; onFocus?: () => void }>;
type OverlayProps = { open?: boolean; onOpenChange?: (open: boolean) => void; children?: unknown };

const loadDropdown = () => import('antd/es/dropdown/index.js');
const loadPopover = () => import('antd/es/popover/index.js');
const RealDropdown = lazy(loadDropdown) as unknown as ComponentType<OverlayProps>;
const RealPopover = lazy(loadPopover) as unknown as ComponentType<OverlayProps>;

interface LazyProps extends OverlayProps {
  real: ComponentType<OverlayProps>;
  preload: () => Promise<unknown>;
  children: Trigger;
}

function LazyOverlay({ real: Real, preload, ...props }: LazyProps) {
  const [wanted, setWanted] = useState(false);
  const [ownOpen, setOwnOpen] = useState(false);
  const controlled = props.open !== undefined;
  const open = controlled ? props.open : ownOpen;
  const setOpen = (o: boolean) => {
    if (!controlled) setOwnOpen(o);
    props.onOpenChange?.(o);
  };
  // Hover and focus only fetch the code: swapping the trigger under the pointer would lose the click.
  const fetchCode = () => void preload().catch(() => undefined);
  const first = cloneElement(props.children, {
    onClick: () => {
      setWanted(true);
      setOpen(true);
    },
    onMouseEnter: fetchCode,
    onFocus: fetchCode,
  });
  if (!wanted) return first;
  return (
    <Suspense fallback={first}>
      <Real {...props} open={open} onOpenChange={setOpen} />
    </Suspense>
  );
}

export function LazyDropdown(props: DropdownProps & { children: Trigger }) {
  return (
    <LazyOverlay
      real={RealDropdown}
      preload={loadDropdown}
      {...(props as OverlayProps & { children: Trigger })}
    />
  );
}

export function LazyPopover(props: PopoverProps & { children: Trigger }) {
  return (
    <LazyOverlay
      real={RealPopover}
      preload={loadPopover}
      {...(props as OverlayProps & { children: Trigger })}
    />
  );
}
