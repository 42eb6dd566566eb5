import { BarChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { formatYuan } from '../../platform/lib/format.ts';

echarts.use([BarChart, GridComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

export interface PerformanceChartProps {
  bars: { label: string; fen: number }[];
  thresholdFen: number;
  thresholdLabel: string;
}

/** Last year's and this year's performance as bars against the program threshold (a line). */
export function PerformanceChart({ bars, thresholdFen, thresholdLabel }: PerformanceChartProps) {
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
    const max = Math.max(thresholdFen, ...bars.map((b) => b.fen)) / 100;
    chart.current?.setOption(
      {
        animation: false,
        grid: { left: 16, right: 24, top: 28, bottom: 8, containLabel: true },
        tooltip: { trigger: 'item', valueFormatter: (v: number) => formatYuan(Math.round(v * 100)) },
        xAxis: { type: 'category', data: bars.map((b) => b.label) },
        yAxis: {
          type: 'value',
          max: Math.ceil(max * 1.15) || 1,
          axisLabel: { formatter: (v: number) => formatYuan(Math.round(v * 100)) },
        },
        series: [
          {
            type: 'bar',
            barWidth: 40,
            data: bars.map((b) => ({
              value: b.fen / 100,
              itemStyle: { color: b.fen >= thresholdFen ? '#389e0d' : '#1677ff' },
            })),
            label: {
              show: true,
              position: 'top',
              formatter: (p: { value: number }) => formatYuan(Math.round(p.value * 100)),
            },
            markLine: {
              symbol: 'none',
              silent: true,
              label: { formatter: `${thresholdLabel} ${formatYuan(thresholdFen)}`, position: 'insideEndTop' },
              lineStyle: { color: '#fa8c16', type: 'dashed', width: 2 },
              data: [{ yAxis: thresholdFen / 100 }],
            },
          },
        ],
      },
      true,
    );
  }, [bars, thresholdFen, thresholdLabel]);

  return <div ref={el} style={{ width: '100%', height: 220 }} data-testid="dashboard-performance-chart" />;
}
