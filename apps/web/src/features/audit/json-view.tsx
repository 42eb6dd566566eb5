/** Pretty JSON of an audit value; null shows as a dash. */
export function JsonView({ value, testId }: { value: unknown; testId?: string }) {
  if (value === null || value === undefined) return <pre className="pc-json">—</pre>;
  return (
    <pre className="pc-json" data-testid={testId}>
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}
