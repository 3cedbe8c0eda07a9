import type { ReactNode } from 'react';
import { Alert, Button, Spin } from 'antd';
import { ApiError } from '../api/client';
import { useI18n } from '../app/i18n';
import { NotFoundPage } from '../pages/ErrorPages';
import type { Loaded as LoadedState } from './useLoad';

/** Loading, the not-found page for a 404 (out of scope looks the same), an error with retry, or the content. */
export function Loaded<T>({ state, children }: { state: LoadedState<T>; children: (data: T) => ReactNode }) {
  const { t } = useI18n();
  if (state.error) {
    if (state.error instanceof ApiError && state.error.status === 404) return <NotFoundPage />;
    return (
      <Alert
        type="error"
        showIcon
        title={t('loadFailed')}
        description={state.error.message}
        action={<Button onClick={state.reload}>{t('retry')}</Button>}
      />
    );
  }
  if (state.data === undefined) {
    return (
      <div style={{ display: 'flex', justifyContent: 'center', padding: 48 }}>
        <Spin />
      </div>
    );
  }
  return <>{children(state.data)}</>;
}
