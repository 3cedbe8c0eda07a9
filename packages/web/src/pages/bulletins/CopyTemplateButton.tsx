import { useState } from 'react';
import { useNavigate } from 'react-router';
import { App, Button, Form, Input, Modal } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import type { TemplateBody } from '@guatu/core';
import { post } from '../../api/client';
import type { Template } from '../../api/bulletins';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { applyServerErrors } from '../../lib/formErrors';

/**
 * A template of a region above the administrator's, copied into their own region to adapt: the
 * original stays as it is for everyone else.
 */
export function CopyTemplateButton({ template, body }: { template: Template; body: () => TemplateBody }) {
  const { t } = useI18n();
  const { me, hasRole } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ code: string; name: string }>();
  if (!me || !hasRole('admin') || template.regionCode === me.region.code) return null;

  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      const created = await post<Template>('/bulletin-templates', { ...values, description: template.description, regionCode: me.region.code, body: body() });
      message.success(t('saved'));
      setOpen(false);
      navigate(`/bulletin-templates/${created.id}`);
    } catch (e) {
      const rest = applyServerErrors(form, e);
      if (rest.length) message.error(rest.join('；'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button icon={<CopyOutlined />} onClick={() => setOpen(true)} data-testid="template-copy">
        {t('templates.copy', { region: me.region.name })}
      </Button>
      <Modal open={open} title={t('templates.copy', { region: me.region.name })} onOk={submit} confirmLoading={busy} onCancel={() => setOpen(false)} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ code: `${template.code}-${me.region.code}`.slice(0, 60), name: `${me.region.name}${template.name}`.slice(0, 100) }}>
          <Form.Item name="code" label={t('templates.code')} rules={[{ required: true, pattern: /^[a-z][a-z0-9-]{1,59}$/ }]}>
            <Input />
          </Form.Item>
          <Form.Item name="name" label={t('templates.name')} rules={[{ required: true, min: 2, max: 100 }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
