// The one table of `npm run bench`: every ratio of the run, with the goal of issue 14 where it has one.
import type { IngestFigures } from './ingest.ts';
import type { Row } from './lib.ts';

interface Goal {
  match: (scenario: string) => boolean;
  text: string;
  met: (ratio: number, p99: number | null) => boolean;
}

const GOALS: Goal[] = [
  {
    match: (s) => s.startsWith('signed POST /v2/partners/sub-customers/query'),
    text: '≥ 0.50 and p99 < 20 ms',
    met: (r, p99) => r >= 0.5 && p99 !== null && p99 < 20,
  },
  { match: (s) => s.startsWith('GET /api/me'), text: '≥ 0.50', met: (r) => r >= 0.5 },
  { match: (s) => s.startsWith('ingestion'), text: '≥ 0.50', met: (r) => r >= 0.5 },
];

export function printRatios(rows: Row[], ingest: IngestFigures[]): void {
  const lines = [
    '| database | scenario | ratio | p99 ms | baseline | goal | met |',
    '|---|---|---:|---:|---|---|---|',
  ];
  const entries = [
    ...rows
      .filter((r) => r.ratio !== null)
      .map((r) => ({ ...r, ratio: r.ratio as number, p99: r.p99 as number | null })),
    ...ingest.map((f) => ({
      database: f.database,
      scenario: `ingestion + budgets, ${f.scenario}, ${f.rows.toLocaleString('en-US')} rows onto ${f.preloaded.toLocaleString('en-US')}`,
      ratio: f.ratio,
      p99: null,
      baseline: 'raw COPY',
    })),
  ];
  for (const e of entries) {
    const goal = GOALS.find((g) => g.match(e.scenario));
    lines.push(
      `| ${e.database} | ${e.scenario} | ${e.ratio.toFixed(2)} | ${e.p99 ?? '—'} | ${e.baseline} | ${goal?.text ?? '—'} | ${
        goal ? (goal.met(e.ratio, e.p99) ? 'yes' : 'no') : '—'
      } |`,
    );
  }
  console.log(`\nAll ratios of this run (same-run baselines):\n\n${lines.join('\n')}\n`);
}
