import { Tabs, Typography } from 'antd';

/** Code samples in tabs, each copyable. */
export function CodeTabs({ samples }: { samples: { key: string; label: string; code: string }[] }) {
  return (
    <Tabs
      size="small"
      items={samples.map((s) => ({
        key: s.key,
        label: s.label,
        children: (
          <Typography.Paragraph copyable={{ text: s.code }} style={{ marginBottom: 0 }}>
            <pre style={{ maxHeight: 420, overflow: 'auto', fontSize: 12, margin: 0 }}>{s.code}</pre>
          </Typography.Paragraph>
        ),
      }))}
    />
  );
}
