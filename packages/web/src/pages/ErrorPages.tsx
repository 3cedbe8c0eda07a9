import { Link } from 'react-router';
import { Button, Result } from 'antd';
import { useI18n } from '../app/i18n';

/** What a missing record and a record outside the user's area both look like: the server answers 404 to both. */
export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title={<span data-testid="not-found">{t('notFound')}</span>}
      subTitle={t('notFoundHint')}
      extra={
        <Link to="/">
          <Button type="primary">{t('backHome')}</Button>
        </Link>
      }
    />
  );
}

export function ForbiddenPage() {
  const { t } = useI18n();
  return (
    <Result
      status="403"
      title={<span data-testid="forbidden">{t('forbidden')}</span>}
      subTitle={t('forbiddenHint')}
      extra={
        <Link to="/">
          <Button type="primary">{t('backHome')}</Button>
        </Link>
      }
    />
  );
}
