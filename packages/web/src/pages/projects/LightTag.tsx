import { Tag, Tooltip } from 'antd';
import { WARNING_REASON_LABELS } from '@guatu/core';
import type { Light } from '../../api/types';
import { useI18n } from '../../app/i18n';

const COLORS: Record<Light, string> = { red: 'red', yellow: 'gold', green: 'green' };

/** A project's warning light, with why it is not green on hover. */
export function LightTag({ light, reasons = [] }: { light: Light; reasons?: string[] }) {
  const { t, label } = useI18n();
  const tag = (
    <Tag color={COLORS[light]} data-testid="light">
      {t(light === 'red' ? 'dashboard.red' : light === 'yellow' ? 'dashboard.yellow' : 'dashboard.green')}
    </Tag>
  );
  return reasons.length ? <Tooltip title={reasons.map((r) => label(WARNING_REASON_LABELS, r)).join('；')}>{tag}</Tooltip> : tag;
}
