import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Modal, Space } from 'antd';
import { PROBLEM_ACTION_LABELS, type ProblemAction } from '@guatu/core';
import { post } from '../../api/client';
import type { Problem } from '../../api/types';
import { useI18n } from '../../app/i18n';
import { applyServerErrors } from '../../lib/formErrors';

/** What each action asks for before it can be taken, as the core workflow requires. */
const NEEDS: Partial<Record<ProblemAction, 'resolution' | 'comment' | 'meeting' | 'decision'>> = {
  resolve: 'resolution',
  reject: 'comment',
  escalate: 'meeting',
  decide: 'decision',
};

/** The actions the server lists on this problem for this user, as buttons. */
export function ProblemActions({ problem, onDone, size = 'small' }: { problem: Problem; onDone(p: Problem): void; size?: 'small' | 'middle' }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const [action, setAction] = useState<ProblemAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();

  const run = async (a: ProblemAction, body: Record<string, unknown>) => {
    setBusy(true);
    try {
      const updated = await post<Problem>(`/problems/${problem.id}/${a}`, { ...body, version: problem.version });
      message.success(`${label(PROBLEM_ACTION_LABELS, a)}：${t('done')}`);
      setAction(null);
      onDone(updated);
    } catch (e) {
      const rest = applyServerErrors(form, e);
      if (rest.length) message.error(rest.join('；'));
    } finally {
      setBusy(false);
    }
  };

  const need = action ? NEEDS[action] : undefined;
  return (
    <>
      <Space wrap size={4}>
        {problem.actions.map((a) => (
          <Button
            key={a}
            size={size}
            type={a === 'confirm' ? 'primary' : 'default'}
            data-testid={`problem-${a}`}
            loading={busy && action === a}
            onClick={() => {
              if (!NEEDS[a]) {
                setAction(a);
                void run(a, {});
              } else {
                form.resetFields();
                setAction(a);
              }
            }}
          >
            {label(PROBLEM_ACTION_LABELS, a)}
          </Button>
        ))}
      </Space>
      <Modal
        open={!!need}
        title={action ? `${label(PROBLEM_ACTION_LABELS, action)}：${problem.title}` : ''}
        confirmLoading={busy}
        onCancel={() => setAction(null)}
        onOk={async () => {
          const v = await form.validateFields();
          const body =
            need === 'meeting' ? { meeting: { title: v.meetingTitle, heldOn: v.heldOn.format('YYYY-MM-DD') } } : { [need!]: v[need!] };
          await run(action!, body);
        }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          {need === 'meeting' ? (
            <>
              <Form.Item name="meetingTitle" label={t('problems.meetingTitle')} rules={[{ required: true, min: 2 }]}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="heldOn" label={t('problems.meetingDate')} rules={[{ required: true }]}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </>
          ) : (
            <Form.Item
              name={need ?? 'comment'}
              label={t(need === 'resolution' ? 'problems.resolution' : need === 'decision' ? 'problems.decision' : 'problems.comment')}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input.TextArea rows={4} maxLength={4000} data-testid="problem-action-text" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
