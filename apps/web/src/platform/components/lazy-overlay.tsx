import type { DropdownProps, PopoverProps } from 'antd';
import { type ComponentType, cloneElement, lazy, type ReactElement, Suspense, useState } from 'react';

// Drop-downs and pop-overs draw nothing until opened, yet bring antd's Menu, Dropdown or Popover into
// the first load of every page. These load them on first hover, focus or click of their trigger.

type Trigger = ReactElement<{ onClick?: () => void; onMouseEnter?: () => void; onFocus?: () => void }>;
type OverlayProps = {
  open?: boolean;
  onOpenChange?: (open: boolean, ...rest: never[]) => void;
  children?: unknown;
};

const RealDropdown = lazy(() => import('antd/es/dropdown/index.js'));
const RealPopover = lazy(() => import('antd/es/popover/index.js'));

function LazyOverlay({
  real: Real,
  ...props
}: OverlayProps & { real: ComponentType<OverlayProps>; children: Trigger }) {
  const [wanted, setWanted] = useState(false);
  const [ownOpen, setOwnOpen] = useState(false);
  const controlled = props.open !== undefined;
  const open = controlled ? props.open : ownOpen;
  const setOpen = (o: boolean) => {
    if (!controlled) setOwnOpen(o);
    props.onOpenChange?.(o);
  };
  const want = () => setWanted(true);
  // Until the code is there, a click asks for the overlay open.
  const first = cloneElement(props.children, {
    onClick: () => {
      want();
      setOpen(true);
    },
    onMouseEnter: want,
    onFocus: want,
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
      real={RealDropdown as ComponentType<OverlayProps>}
      {...(props as OverlayProps & { children: Trigger })}
    />
  );
}

export function LazyPopover(props: PopoverProps & { children: Trigger }) {
  return (
    <LazyOverlay
      real={RealPopover as ComponentType<OverlayProps>}
      {...(props as OverlayProps & { children: Trigger })}
    />
  );
}
