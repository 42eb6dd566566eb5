/** Code or a long sample in a scrolling box; focusable, so keyboard users can scroll it too. */
export function CodeBlock({ children, maxHeight }: { children: string; maxHeight: number }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to scroll by keyboard (WCAG 2.1.1)
    <pre tabIndex={0} style={{ maxHeight, overflow: 'auto', fontSize: 12, margin: 0 }}>
      {children}
    </pre>
  );
}
