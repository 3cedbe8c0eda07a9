import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | Error | undefined;
  loading: boolean;
  reload(): void;
}

/**
 * Loads data for a screen and reloads when `deps` change. A newer load wins over an older one
 * that answers late, so fast filter changes never show stale rows.
 */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: ApiError | Error; loading: boolean }>({ loading: true });
  const serial = useRef(0);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const mine = ++serial.current;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => mine === serial.current && setState({ data, loading: false }),
      (error: Error) => mine === serial.current && setState({ error, loading: false }),
    );
    // The caller lists what `load` depends on, as with useEffect.
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
