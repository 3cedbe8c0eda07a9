import { Card, Col, Descriptions, Row } from 'antd';
import { ATTRIBUTE_KEYS, LEVEL_LABELS, type AttributeKey } from '@guatu/core';
import type { Project } from '../../api/types';
import { useI18n } from '../../app/i18n';
import { date, dateTime, money } from '../../lib/format';

export function ProjectFacts({ project: p }: { project: Project }) {
  const { t, label, locale, field } = useI18n();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={16}>
        <Descriptions bordered size="small" column={{ xs: 1, sm: 2 }} data-testid="project-facts">
          <Descriptions.Item label={t('projects.category')}>{p.categoryName}</Descriptions.Item>
          <Descriptions.Item label={t('projects.level')}>{label(LEVEL_LABELS, p.level)}</Descriptions.Item>
          <Descriptions.Item label={t('projects.totalInvestment')}>{money(p.totalInvestment, locale)}</Descriptions.Item>
          <Descriptions.Item label={field('agreementAmount')}>{money(p.agreementAmount, locale)}</Descriptions.Item>
          <Descriptions.Item label={field('signedOn')}>{date(p.signedOn, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('projects.startedOn')}>{date(p.startedOn, locale)}</Descriptions.Item>
          <Descriptions.Item label={field('completedOn')}>{date(p.completedOn, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('detail.location')}>{p.locationRegionName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('detail.coordinates')}>{p.longitude && p.latitude ? `${p.longitude}, ${p.latitude}` : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('detail.investor')}>
            {p.investor ? `${p.investor.name}${p.investor.homeProvinceName ? `（${p.investor.homeProvinceName}）` : ''}` : '—'}
          </Descriptions.Item>
          {Object.entries(p.attributes).map(([key, value]) => (
            <Descriptions.Item key={key} label={ATTRIBUTE_KEYS[key as AttributeKey]?.[locale] ?? key}>
              {ATTRIBUTE_KEYS[key as AttributeKey]?.unit === 'yuan' ? money(value, locale) : Number(value).toLocaleString('zh-CN')}
            </Descriptions.Item>
          ))}
          <Descriptions.Item label={t('detail.updated')} span={2}>
            {dateTime(p.updatedAt)} {p.updatedByName ?? ''}
          </Descriptions.Item>
          {p.description && (
            <Descriptions.Item label={t('detail.description')} span={2}>
              {p.description}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Col>
      <Col xs={24} lg={8}>
        <Card size="small" title={t('detail.fourOnes')} data-testid="four-ones">
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={field('liaisonLeader')}>{p.liaisonLeader ? `${p.liaisonLeader.name}${p.liaisonLeader.title ? `（${p.liaisonLeader.title}）` : ''}` : '—'}</Descriptions.Item>
            <Descriptions.Item label={field('workingTeam')}>{p.workingTeam ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={field('caseFile')}>{p.caseFile ?? '—'}</Descriptions.Item>
          </Descriptions>
        </Card>
      </Col>
    </Row>
  );
}
