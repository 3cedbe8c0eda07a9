import { useState } from 'react';
import { App, DatePicker, Form, Input, Modal } from 'antd';
import { post } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { applyServerErrors } from '../../lib/formErrors';

/** Raises a problem on a project: what, who answers for it, by when. */
export function RaiseProblemModal({ projectId, open, onClose }: { projectId: number; open: boolean; onClose(raised: boolean): void }) {
  const { t, field } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open={open}
      title={t('problems.raise')}
      confirmLoading={busy}
      onCancel={() => onClose(false)}
      destroyOnHidden
      onOk={async () => {
        const v = await form.validateFields();
        setBusy(true);
        try {
          await post(`/projects/${projectId}/problems`, {
            title: v.title,
            description: v.description || null,
            responsibleUnit: v.responsibleUnit || null,
            responsibleLeader: v.responsibleLeader || null,
            dueOn: v.dueOn ? v.dueOn.format('YYYY-MM-DD') : null,
          });
          message.success(t('done'));
          form.resetFields();
          onClose(true);
        } catch (e) {
          const rest = applyServerErrors(form, e);
          if (rest.length) message.error(rest.join('；'));
        } finally {
          setBusy(false);
        }
      }}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="title" label={field('title')} rules={[{ required: true, min: 2, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="description" label={field('description')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="responsibleUnit" label={field('responsibleUnit')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="responsibleLeader" label={field('responsibleLeader')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="dueOn" label={field('dueOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
