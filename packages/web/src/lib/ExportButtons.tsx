import { useState } from 'react';
import { App as AntApp, Button, Space } from 'antd';
import { FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import type { ExportFormat } from '../api/exchange';
import { useI18n } from '../app/i18n';

const FORMATS: { format: ExportFormat; label: 'export.xlsx' | 'export.csv'; icon: React.ReactNode }[] = [
  { format: 'xlsx', label: 'export.xlsx', icon: <FileExcelOutlined /> },
  { format: 'csv', label: 'export.csv', icon: <FileTextOutlined /> },
];

/**
 * Excel and CSV export of what a view shows. A GET export is a plain link, so the browser streams
 * it straight to disk; a statistics export posts its request and saves the answer.
 */
export function ExportButtons({ href, onExport, testId, size }: { href?: (f: ExportFormat) => string; onExport?: (f: ExportFormat) => Promise<void>; testId: string; size?: 'small' | 'middle' }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const run = async (format: ExportFormat) => {
    setBusy(format);
    try {
      await onExport!(format);
    } catch (e) {
      message.error(`${t('export.failed')}：${(e as Error).message}`);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Space.Compact size={size} data-testid={testId}>
      {FORMATS.map(({ format, label, icon }) =>
        href ? (
          <Button key={format} icon={icon} href={href(format)} download data-testid={`${testId}-${format}`}>
            {t(label)}
          </Button>
        ) : (
          <Button key={format} icon={icon} loading={busy === format} onClick={() => run(format)} data-testid={`${testId}-${format}`}>
            {t(label)}
          </Button>
        ),
      )}
    </Space.Compact>
  );
}
