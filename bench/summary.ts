// The one table of `npm run bench`: every ratio of the run, with the goal of its issue (12, 14) where it has one.
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
  // Issue 12: the signed resource query and the monthly bill summary against their bare SQL.
  {
    match: (s) => s.startsWith('signed POST /v2/orders/suscriptions/resources/query'),
    text: '≥ 0.50',
    met: (r) => r >= 0.5,
  },
  { match: (s) => s.startsWith('signed GET /v2/…/monthly-sum'), text: '≥ 0.50', met: (r) => r >= 0.5 },
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

interface ScalePoint {
  database: string;
  scenario: string;
  size: number;
  ratio: number;
}

/**
 * Cost growth: for each scenario measured at more than one size (BENCH_CUSTOMERS for the partner API
 * query, BENCH_SPEND_PRELOAD for ingestion), its ratio at the smallest and at the largest size.
 */
export function printGrowth(rows: Row[], ingest: IngestFigures[]): void {
  const points: ScalePoint[] = [];
  for (const r of rows) {
    const m = /^(.*) \(50 conn\., ([\d,]+) customers\)$/.exec(r.scenario);
    if (m?.[1] && m[2] && r.ratio !== null)
      points.push({
        database: r.database,
        scenario: m[1],
        size: Number(m[2].replaceAll(',', '')),
        ratio: r.ratio,
      });
  }
  for (const f of ingest)
    points.push({
      database: f.database,
      scenario: `ingestion + budgets, ${f.scenario} (spend rows stored)`,
      size: f.preloaded,
      ratio: f.ratio,
    });
  const groups = new Map<string, ScalePoint[]>();
  for (const p of points) {
    const key = `${p.database}\u0000${p.scenario}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const lines = [
    '| database | scenario | from | to | ratio at from | ratio at to | change |',
    '|---|---|---:|---:|---:|---:|---:|',
  ];
  for (const g of groups.values()) {
    if (g.length < 2) continue;
    const sorted = [...g].sort((a, b) => a.size - b.size);
    const a = sorted[0] as ScalePoint;
    const b = sorted[sorted.length - 1] as ScalePoint;
    const n = (x: number) => x.toLocaleString('en-US');
    lines.push(
      `| ${a.database} | ${a.scenario} | ${n(a.size)} | ${n(b.size)} | ${a.ratio.toFixed(2)} | ${b.ratio.toFixed(2)} | ${
        a.ratio > 0 ? `×${(b.ratio / a.ratio).toFixed(2)}` : '—'
      } |`,
    );
  }
  if (lines.length > 2)
    console.log(`\nCost growth (same-run baselines at each size):\n\n${lines.join('\n')}\n`);
}
