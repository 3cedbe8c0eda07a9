import { useState } from 'react';
import { App, Button, DatePicker, Form, Modal } from 'antd';
import dayjs from 'dayjs';
import { chinaDate } from '@guatu/core';
import { patch } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { applyServerErrors } from '../../lib/formErrors';

export interface MilestoneRef {
  id: number;
  projectId: number;
  kindName: string;
  name: string | null;
  version: number;
}

/** Ticks a milestone off by recording the day it happened. */
export function RecordMilestoneButton({ milestone, onDone }: { milestone: MilestoneRef; onDone(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid="milestone-record">
        {t('milestones.record')}
      </Button>
      <Modal
        open={open}
        title={`${t('milestones.record')}：${milestone.name ?? milestone.kindName}`}
        confirmLoading={busy}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        onOk={async () => {
          const v = await form.validateFields();
          setBusy(true);
          try {
            await patch(`/projects/${milestone.projectId}/milestones/${milestone.id}`, { actualOn: v.actualOn.format('YYYY-MM-DD'), version: milestone.version });
            message.success(t('done'));
            setOpen(false);
            onDone();
          } catch (e) {
            const rest = applyServerErrors(form, e);
            if (rest.length) message.error(rest.join('；'));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form form={form} layout="vertical" initialValues={{ actualOn: dayjs(chinaDate()) }}>
          <Form.Item name="actualOn" label={t('milestones.actualOn')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') > chinaDate()} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
