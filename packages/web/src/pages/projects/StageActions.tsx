import { useState } from 'react';
import { App, Button, DatePicker, Dropdown, Form, Input, Modal } from 'antd';
import { DownOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { chinaDate, STAGE_LABELS, type Stage } from '@guatu/core';
import { post } from '../../api/client';
import type { Project } from '../../api/types';
import { useI18n } from '../../app/i18n';
import { applyServerErrors } from '../../lib/formErrors';

/** The stage moves the server says this user may make on this project, and nothing else. */
export function StageActions({ project, onDone }: { project: Project; onDone(): void }) {
  const { t, label, field } = useI18n();
  const { message } = App.useApp();
  const [to, setTo] = useState<Stage | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  if (!project.abilities.transitions.length) return null;

  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      await post(`/projects/${project.id}/transitions`, {
        to,
        on: values.on ? values.on.format('YYYY-MM-DD') : undefined,
        note: values.note || undefined,
        agreementAmount: values.agreementAmount || undefined,
        version: project.version,
      });
      message.success(t('done'));
      setTo(null);
      onDone();
    } catch (e) {
      const rest = applyServerErrors(form, e);
      if (rest.length) message.error(rest.join('；'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Dropdown
        menu={{
          items: project.abilities.transitions.map((s) => ({ key: s, label: t('detail.moveTo', { stage: label(STAGE_LABELS, s) }) })),
          onClick: ({ key }) => {
            form.resetFields();
            setTo(key as Stage);
          },
        }}
      >
        <Button data-testid="stage-actions">
          {t('detail.stageActions')} <DownOutlined />
        </Button>
      </Dropdown>
      <Modal open={to !== null} title={to ? t('detail.moveTo', { stage: label(STAGE_LABELS, to) }) : ''} onOk={submit} confirmLoading={busy} onCancel={() => setTo(null)} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ on: dayjs(chinaDate()) }}>
          <Form.Item name="on" label={t('detail.effectiveOn')}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') > chinaDate()} />
          </Form.Item>
          {to === 'signed' && !project.agreementAmount && (
            <Form.Item name="agreementAmount" label={`${field('agreementAmount')}（${t('yuanUnit')}）`} rules={[{ required: true }, { pattern: /^\d+(\.\d{1,2})?$/, message: t('form.amountHint') }]}>
              <Input inputMode="decimal" />
            </Form.Item>
          )}
          <Form.Item name="note" label={t('detail.note')}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
