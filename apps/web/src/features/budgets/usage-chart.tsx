import { BarChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { formatYuan } from '../../platform/lib/format.ts';

echarts.use([BarChart, GridComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

export interface UsageChartProps {
  usedFen: number;
  budgetFen: number;
  thresholds: { threshold: number; atFen: number; announced: boolean }[];
  labels: { used: string; thresholds: string };
}

/**
 * Used amount as a bar against the 75 / 90 / 100 % lines of the budget (ECharts, used directly:
 * a ref and an effect, no React wrapper to keep in step with React 19).
 */
export function UsageChart({ usedFen, budgetFen, thresholds, labels }: UsageChartProps) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current);
    chart.current = c;
    const resize = () => c.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const used = usedFen / 100;
    const max = Math.max(budgetFen, usedFen) / 100;
    const color = usedFen >= budgetFen ? '#cf1322' : usedFen * 100 >= budgetFen * 75 ? '#fa8c16' : '#1677ff';
    chart.current?.setOption(
      {
        grid: { left: 16, right: 48, top: 36, bottom: 24, containLabel: true },
        tooltip: { trigger: 'item', valueFormatter: (v: number) => formatYuan(Math.round(v * 100)) },
        xAxis: { type: 'value', max: Math.ceil(max * 1.1) || 1 },
        yAxis: { type: 'category', data: [labels.used] },
        series: [
          {
            type: 'bar',
            name: labels.used,
            data: [{ value: used, itemStyle: { color } }],
            barWidth: 28,
            label: { show: true, position: 'right', formatter: formatYuan(usedFen) },
            markLine: {
              symbol: 'none',
              silent: true,
              label: { formatter: '{b}', position: 'end' },
              data: thresholds.map((t) => ({
                name: `${t.threshold}%`,
                xAxis: t.atFen / 100,
                lineStyle: {
                  color: t.threshold === 100 ? '#cf1322' : t.threshold === 90 ? '#fa8c16' : '#faad14',
                  type: t.announced ? 'solid' : 'dashed',
                  width: 2,
                },
              })),
            },
          },
        ],
      },
      true,
    );
  }, [usedFen, budgetFen, thresholds, labels]);

  return <div ref={el} style={{ width: '100%', height: 180 }} data-testid="budget-usage-chart" />;
}
