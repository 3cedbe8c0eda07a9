import { useEffect, useRef, useState } from 'react';
import { Spin } from 'antd';

type ECharts = import('echarts/core').ECharts;
type Option = Record<string, unknown>;

export interface ChartClick {
  name: string;
  seriesName?: string;
  dataIndex: number;
  data: unknown;
  componentType: string;
}

/**
 * A chart drawn by ECharts, which loads only when the first chart mounts. `onClick` gets the
 * clicked item, so each bar or region can open the projects behind it.
 */
export function EChart({
  option,
  onClick,
  className = 'guatu-chart',
  needsMap = false,
  testId,
}: {
  option: Option;
  onClick?: (e: ChartClick) => void;
  className?: string;
  needsMap?: boolean;
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;
  const [ready, setReady] = useState(false);
  const [regions, setRegions] = useState<number | undefined>();

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    import('./echarts').then(async ({ echarts, registerYunnan }) => {
      if (needsMap) setRegions((await registerYunnan()).length);
      // ECharts cannot lay out a map in a box of no size (its transform would not invert): wait for one.
      await hasSize(ref.current);
      if (disposed || !ref.current) return;
      chart.current = echarts.init(ref.current, undefined, { renderer: 'canvas' });
      chart.current.on('click', (e) => clickRef.current?.(e as unknown as ChartClick));
      observer = new ResizeObserver(() => {
        if (ref.current && ref.current.clientWidth > 0 && ref.current.clientHeight > 0) chart.current?.resize();
      });
      observer.observe(ref.current);
      setReady(true);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, [needsMap]);

  useEffect(() => {
    if (ready && chart.current) chart.current.setOption(option, { notMerge: true });
  }, [ready, option]);

  return (
    <div style={{ position: 'relative' }}>
      <div ref={ref} className={className} data-testid={testId} data-ready={ready ? 'true' : 'false'} data-map-regions={regions} />
      {!ready && (
        <div style={{ position: 'absolute', inset: 0, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
          <Spin />
        </div>
      )}
    </div>
  );
}

function hasSize(element: HTMLElement | null): Promise<void> {
  if (!element || (element.clientWidth > 0 && element.clientHeight > 0)) return Promise.resolve();
  return new Promise((resolve) => {
    const watch = new ResizeObserver(() => {
      if (element.clientWidth > 0 && element.clientHeight > 0) {
        watch.disconnect();
        resolve();
      }
    });
    watch.observe(element);
  });
}
