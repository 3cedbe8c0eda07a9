import { Tag } from 'antd';
import { STAGE_LABELS, type Stage } from '@guatu/core';
import { useI18n } from '../../app/i18n';

const COLORS: Record<Stage, string> = {
  lead: 'default',
  negotiating: 'cyan',
  signed: 'blue',
  planning: 'default',
  preparation: 'gold',
  construction: 'red',
  completed: 'green',
  operating: 'green',
  suspended: 'orange',
  cancelled: 'default',
};

export function StageTag({ stage }: { stage: Stage }) {
  const { label } = useI18n();
  return <Tag color={COLORS[stage]}>{label(STAGE_LABELS, stage)}</Tag>;
}
