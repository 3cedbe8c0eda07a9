import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, App, Button, DatePicker, Form, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { FileAddOutlined } from '@ant-design/icons';
import { get } from '../../api/client';
import { generateBulletin, type TemplateSummary } from '../../api/bulletins';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { applyServerErrors } from '../../lib/formErrors';
import { RegionSelect } from '../../lib/RegionSelect';
import { useLoad } from '../../lib/useLoad';
import { PeriodPicker } from './PeriodPicker';

interface Values {
  templateId?: number;
  regionCode?: string;
  period: string;
  batch?: number;
  keyList?: number;
  date?: Dayjs;
}

/** Pick a template, a region of the user's scope and a period; the server writes the bulletin from the data. */
export function GenerateForm({ templates }: { templates: TemplateSummary[] }) {
  const { t } = useI18n();
  const { me } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const templateId = Form.useWatch('templateId', form);
  const region = Form.useWatch('regionCode', form);
  const needs = templates.find((x) => x.id === templateId)?.needs ?? [];
  const choices = useLoad(async () => {
    if (!region || !needs.length) return { batches: [], keyLists: [] };
    const [batches, keyLists] = await Promise.all([
      needs.includes('batch') ? get<{ items: { id: number; name: string; heldOn: string }[] }>('/batches', { region, pageSize: 200 }).then((r) => r.items) : [],
      needs.includes('keyList') ? get<{ items: { id: number; name: string; year: number }[] }>('/key-lists', { region, pageSize: 200 }).then((r) => r.items) : [],
    ]);
    return { batches, keyLists };
  }, [region, needs.join()]);

  const submit = async (values: Values) => {
    setBusy(true);
    setProblems([]);
    try {
      const b = await generateBulletin({ templateId: values.templateId!, regionCode: values.regionCode!, period: values.period, batch: values.batch, keyList: values.keyList, date: values.date?.format('YYYY-MM-DD') });
      message.success(t('bulletins.generated'));
      navigate(`/bulletins/${b.id}`);
    } catch (e) {
      setProblems(applyServerErrors(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="inline"
      data-testid="generate-form"
      initialValues={{ templateId: (templates.find((x) => !x.needs.length) ?? templates[0])?.id, regionCode: me?.region.code, period: '2022-Q1' }}
      onFinish={submit}
      onValuesChange={(changed) => ('templateId' in changed || 'regionCode' in changed) && form.setFieldsValue({ batch: undefined, keyList: undefined })}
      style={{ rowGap: 12 }}
    >
      <Form.Item name="templateId" label={t('bulletins.template')} rules={[{ required: true }]}>
        <Select style={{ width: 220, maxWidth: '62vw' }} options={templates.map((x) => ({ value: x.id, label: x.name }))} />
      </Form.Item>
      <Form.Item name="regionCode" label={t('bulletins.region')} rules={[{ required: true }]}>
        <RegionSelect allowClear={false} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="period" label={t('bulletins.period')} rules={[{ required: true }]}>
        <PeriodPicker />
      </Form.Item>
      {needs.includes('batch') && (
        <Form.Item name="batch" label={t('bulletins.batch')}>
          <Select allowClear style={{ width: 240, maxWidth: '62vw' }} placeholder={t('bulletins.batchDefault')} options={choices.data?.batches.map((b) => ({ value: b.id, label: `${b.name}（${b.heldOn}）` }))} />
        </Form.Item>
      )}
      {needs.includes('keyList') && (
        <Form.Item name="keyList" label={t('bulletins.keyList')}>
          <Select allowClear style={{ width: 240, maxWidth: '62vw' }} placeholder={t('bulletins.keyListDefault')} options={choices.data?.keyLists.map((k) => ({ value: k.id, label: `${k.name}（${k.year}）` }))} />
        </Form.Item>
      )}
      <Form.Item name="date" label={t('bulletins.date')}>
        <DatePicker placeholder={t('bulletins.today')} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" icon={<FileAddOutlined />} loading={busy} data-testid="generate">
          {t('bulletins.generate')}
        </Button>
      </Form.Item>
      {problems.length > 0 && <Alert type="error" showIcon title={problems.join('；')} style={{ width: '100%' }} />}
    </Form>
  );
}
