import { useState } from 'react';
import { App, Button, Form, Input, Modal, Space } from 'antd';
import { REPORT_ACTION_LABELS } from '@guatu/core';
import { post } from '../../api/client';
import type { Report } from '../../api/types';
import { useI18n } from '../../app/i18n';
import { applyServerErrors } from '../../lib/formErrors';

/** The reviewer's side of a report: approve, return with a comment, or reopen — only those the server lists. */
export function ReviewButtons({ report, onDone, size }: { report: Report; onDone(): void; size?: 'small' }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const [asking, setAsking] = useState<'return' | 'reopen' | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const act = async (action: 'approve' | 'return' | 'reopen', comment?: string) => {
    setBusy(true);
    try {
      await post(`/reports/${report.id}/${action}`, { comment, version: report.version });
      message.success(`${label(REPORT_ACTION_LABELS, action)}：${t('done')}`);
      setAsking(null);
      onDone();
    } catch (e) {
      const rest = applyServerErrors(form, e);
      if (rest.length) message.error(rest.join('；'));
    } finally {
      setBusy(false);
    }
  };
  const reviewActions = report.actions.filter((a): a is 'approve' | 'return' | 'reopen' => a === 'approve' || a === 'return' || a === 'reopen');
  if (!reviewActions.length) return null;
  return (
    <>
      <Space wrap size={4}>
        {reviewActions.map((a) => (
          <Button
            key={a}
            size={size}
            type={a === 'approve' ? 'primary' : 'default'}
            danger={a === 'return'}
            loading={busy && a === 'approve'}
            data-testid={`report-${a}`}
            onClick={() => (a === 'approve' ? act(a) : (form.resetFields(), setAsking(a)))}
          >
            {label(REPORT_ACTION_LABELS, a)}
          </Button>
        ))}
      </Space>
      <Modal
        open={asking !== null}
        title={asking ? `${label(REPORT_ACTION_LABELS, asking)}：${report.projectName}` : ''}
        confirmLoading={busy}
        onCancel={() => setAsking(null)}
        onOk={async () => {
          const v = await form.validateFields();
          await act(asking!, v.comment);
        }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="comment" label={t('report.reviewComment')} rules={[{ required: true, whitespace: true, message: t('report.commentRequired') }]}>
            <Input.TextArea rows={4} maxLength={2000} data-testid="review-comment-input" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
