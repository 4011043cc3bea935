import { useEffect, useRef } from 'react';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
} from 'chart.js';

// only what the portal draws: lines (a pupil's evolution) and bars (a class's distribution)
Chart.register(LineController, LineElement, PointElement, BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

export interface Series {
  label: string;
  values: (number | null)[];
  colour: string;
  dashed?: boolean;
}

/**
 * A chart drawn with chart.js, loaded only by the pages that show one (this module is its own
 * chunk). The canvas is an image named by `summary`; the same figures are in a table beside it
 * (the page's), for screen readers and keyboard users.
 */
export interface ChartProps {
  kind: 'line' | 'bar';
  labels: string[];
  series: Series[];
  max?: number;
  /** what the chart shows, in French, for screen readers */
  summary: string;
}

export default function ChartView({ kind, labels, series, max, summary }: ChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: kind,
      data: {
        labels,
        datasets: series.map((s) => ({
          label: s.label,
          data: s.values,
          borderColor: s.colour,
          backgroundColor: s.colour,
          borderDash: s.dashed ? [6, 4] : undefined,
          spanGaps: true,
        })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        locale: 'fr-FR',
        scales: { y: { beginAtZero: true, max, ticks: { precision: 0 } } },
        plugins: { legend: { display: series.length > 1 } },
      },
    });
    return () => chart.destroy();
  }, [kind, labels, series, max]);
  return (
    <div className="chart">
      <canvas ref={canvas} role="img" aria-label={summary} />
    </div>
  );
}
