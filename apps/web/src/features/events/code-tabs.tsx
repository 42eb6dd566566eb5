import { Tabs, Typography } from 'antd';
import { CodeBlock } from '../../platform/components/code-block.tsx';

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
            <CodeBlock maxHeight={420}>{s.code}</CodeBlock>
          </Typography.Paragraph>
        ),
      }))}
    />
  );
}
