import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Form, Input, Space, Statistic, Tag, Upload } from 'antd';
import { EditOutlined, FileSearchOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { chinaDate } from '@guatu/core';
import { checkDraft, type CheckResult } from '../../api/bulletins';
import { useI18n } from '../../app/i18n';
import { applyServerErrors } from '../../lib/formErrors';
import { RegionSelect } from '../../lib/RegionSelect';
import { CheckResultView } from './CheckResultView';

const MAX_BYTES = 500_000;
const FORMAT_BY_EXTENSION: Record<string, 'text' | 'markdown' | 'html'> = { txt: 'text', md: 'markdown', markdown: 'markdown', html: 'html', htm: 'html' };

interface Values {
  text: string;
  date?: Dayjs;
  region?: string;
}

/** 核数: a draft pasted or uploaded, every figure in it checked against the data before it is published. */
export default function CheckPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [format, setFormat] = useState<'text' | 'markdown' | 'html' | undefined>();
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [checked, setChecked] = useState<{ text: string; result: CheckResult }>();

  const run = async (values: Values) => {
    setBusy(true);
    setProblems([]);
    try {
      const result = await checkDraft({ text: values.text, format, date: values.date?.format('YYYY-MM-DD'), region: values.region });
      setChecked({ text: values.text, result });
    } catch (e) {
      setProblems(applyServerErrors(form, e));
    } finally {
      setBusy(false);
    }
  };

  const read = async (file: File) => {
    if (file.size > MAX_BYTES) {
      message.error(t('check.tooLarge'));
      return;
    }
    form.setFieldsValue({ text: await file.text() });
    setFormat(FORMAT_BY_EXTENSION[file.name.split('.').pop()?.toLowerCase() ?? '']);
  };

  return (
    <div>
      <div className="guatu-page-header">
        <h1>{t('check.title')}</h1>
        {checked && (
          <Button icon={<EditOutlined />} onClick={() => setChecked(undefined)}>
            {t('check.again')}
          </Button>
        )}
      </div>
      <Card style={{ display: checked ? 'none' : undefined }}>
        <Alert type="info" showIcon title={t('check.intro')} style={{ marginBottom: 16 }} />
        <Form<Values> form={form} layout="vertical" onFinish={run} initialValues={{ date: dayjs(chinaDate()) }}>
          <Form.Item name="text" label={t('check.text')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={14} placeholder={t('check.placeholder')} data-testid="check-text" onChange={() => setFormat(undefined)} />
          </Form.Item>
          <Space wrap align="start" size="large">
            <Upload accept=".txt,.md,.markdown,.html,.htm" maxCount={1} showUploadList={false} beforeUpload={(file) => (read(file), false)}>
              <Button icon={<UploadOutlined />} data-testid="check-upload">
                {t('check.upload')}
              </Button>
            </Upload>
            <Form.Item name="date" label={t('check.date')} extra={t('check.dateHint')} style={{ maxWidth: 360 }}>
              <DatePicker allowClear={false} />
            </Form.Item>
            <Form.Item name="region" label={t('check.region')} extra={t('check.regionHint')}>
              <RegionSelect style={{ width: 220 }} />
            </Form.Item>
          </Space>
          {problems.length > 0 && <Alert type="error" showIcon title={problems.join('；')} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" icon={<FileSearchOutlined />} loading={busy} data-testid="check-run">
            {t('check.run')}
          </Button>
        </Form>
      </Card>
      {checked && <Result text={checked.text} result={checked.result} />}
    </div>
  );
}

function Result({ text, result }: { text: string; result: CheckResult }) {
  const { t } = useI18n();
  const s = result.summary;
  return (
    <>
      <Card style={{ marginBottom: 16 }}>
        <Space wrap size="large" align="center">
          <Statistic title={t('bulletins.figure')} value={s.figures} />
          <Statistic title={t('check.matches')} value={s.matches} styles={{ content: { color: '#15803d' } }} />
          <Statistic title={t('check.differs')} value={s.differs} styles={{ content: { color: '#b91c1c' } }} />
          <Statistic title={t('check.untraceable')} value={s.untraceable} styles={{ content: { color: '#c2410c' } }} />
          <Space orientation="vertical" size={4}>
            <span data-testid="check-summary">{t('check.summary', s)}</span>
            <Space size={4} wrap>
              <Tag>{t(`check.dateFrom.${result.dateFrom}`, { date: result.date })}</Tag>
              <Tag>{t('check.dataVersion', { n: result.dataVersion })}</Tag>
              {result.title && <Tag>{result.title}</Tag>}
            </Space>
          </Space>
        </Space>
      </Card>
      <Card>{s.figures === 0 ? <Alert type="info" title={t('check.noFigures')} /> : <CheckResultView text={text} result={result} />}</Card>
    </>
  );
}
