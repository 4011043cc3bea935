import { Suspense, lazy } from 'react';
import { Loading } from '../screens/common';
import type { ChartProps } from './Chart';

// chart.js is a chunk of its own, fetched the first time a chart is shown
const ChartView = lazy(() => import('./Chart'));

export function LazyChart(props: ChartProps) {
  return (
    <Suspense fallback={<Loading what="le graphique" />}>
      <ChartView {...props} />
    </Suspense>
  );
}
