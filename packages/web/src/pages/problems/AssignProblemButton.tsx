import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Modal } from 'antd';
import dayjs from 'dayjs';
import { patch } from '../../api/client';
import type { Problem } from '../../api/types';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { applyServerErrors } from '../../lib/formErrors';

/**
 * Assigns a problem: who answers for it and by when. The server lets the raiser and the roles
 * that handle problems do this (PATCH /problems/:id); the button follows the same rule.
 */
export function AssignProblemButton({ problem, onDone }: { problem: Problem; onDone(p: Problem): void }) {
  const { me, hasRole } = useAuth();
  const { t, field } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  if (problem.status === 'closed' || !(me?.id === problem.raisedBy || hasRole('reporter', 'reviewer', 'admin'))) return null;
  return (
    <>
      <Button
        size="small"
        data-testid="problem-assign"
        onClick={() => {
          form.setFieldsValue({ responsibleUnit: problem.responsibleUnit, responsibleLeader: problem.responsibleLeader, dueOn: problem.dueOn ? dayjs(problem.dueOn) : null });
          setOpen(true);
        }}
      >
        {t('problems.assign')}
      </Button>
      <Modal
        open={open}
        title={`${t('problems.assign')}：${problem.title}`}
        confirmLoading={busy}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        onOk={async () => {
          const v = await form.validateFields();
          setBusy(true);
          try {
            const updated = await patch<Problem>(`/problems/${problem.id}`, {
              responsibleUnit: v.responsibleUnit || null,
              responsibleLeader: v.responsibleLeader || null,
              dueOn: v.dueOn ? v.dueOn.format('YYYY-MM-DD') : null,
              version: problem.version,
            });
            message.success(t('saved'));
            setOpen(false);
            onDone(updated);
          } catch (e) {
            const rest = applyServerErrors(form, e);
            if (rest.length) message.error(rest.join('；'));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form form={form} layout="vertical">
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
    </>
  );
}
