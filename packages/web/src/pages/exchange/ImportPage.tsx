import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, App as AntApp, Button, Card, Col, Progress, Result, Row, Segmented, Space, Typography, Upload } from 'antd';
import { CloudDownloadOutlined, DownloadOutlined, FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import { downloadAnnotated, oc4idsPackageUrl, runImport, templateUrl, type ImportProgress, type ImportResult, type TemplateKind } from '../../api/exchange';
import { useI18n } from '../../app/i18n';
import type { MessageKey } from '../../app/messages';
import { ImportSummary } from './ImportSummary';

const KINDS: TemplateKind[] = ['projects', 'annual-plans', 'monthly-reports'];

type Stage = { step: 'idle' } | { step: 'running'; dryRun: boolean; progress: ImportProgress } | { step: 'checked'; result: ImportResult } | { step: 'committed'; result: ImportResult } | { step: 'failed'; message: string };

/**
 * 数据导入: download a template, upload a file, see what a dry run would do and every problem in
 * it, then commit everything in one go. Nothing is written until the officer commits, and a file
 * with any problem writes nothing at all.
 */
export default function ImportPage() {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [kind, setKind] = useState<TemplateKind>('projects');
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<Stage>({ step: 'idle' });
  const [annotating, setAnnotating] = useState(false);

  const run = async (chosen: File, dryRun: boolean) => {
    setStage({ step: 'running', dryRun, progress: { phase: 'uploading', percent: 0 } });
    try {
      const result = await runImport(chosen, dryRun, (progress) => setStage({ step: 'running', dryRun, progress }));
      setStage(result.committed ? { step: 'committed', result } : { step: 'checked', result });
    } catch (e) {
      setStage({ step: 'failed', message: (e as Error).message });
    }
  };
  const choose = (chosen: File) => {
    setFile(chosen);
    void run(chosen, true);
    // Held in the page, never sent by antd itself.
    return false;
  };
  const annotate = async () => {
    if (!file) return;
    setAnnotating(true);
    try {
      await downloadAnnotated(file);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setAnnotating(false);
    }
  };
  const reset = () => {
    setFile(null);
    setStage({ step: 'idle' });
  };

  const checked = stage.step === 'checked' ? stage.result : null;
  const writes = checked ? Object.values(checked.counts).reduce((n, c) => n + c.create + c.update, 0) : 0;

  return (
    <div>
      <div className="guatu-page-header">
        <h1>{t('exchange.title')}</h1>
      </div>
      <Typography.Paragraph type="secondary">{t('exchange.hint')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card title={t('exchange.step1')} size="small" style={{ marginBottom: 16 }}>
            <Space wrap size={16}>
              <Segmented<TemplateKind>
                data-testid="import-kind"
                value={kind}
                onChange={setKind}
                options={KINDS.map((k) => ({ value: k, label: t(`exchange.kind.${k}` as MessageKey) }))}
              />
              <Button icon={<DownloadOutlined />} href={templateUrl(kind)} download data-testid="template-download">
                {t('exchange.template')}
              </Button>
            </Space>
          </Card>

          <Card title={t('exchange.step2')} size="small">
            {stage.step === 'committed' ? (
              <Result
                status="success"
                title={t('exchange.committed', { create: total(stage.result, 'create'), update: total(stage.result, 'update') })}
                subTitle={stage.result.fileName}
                data-testid="import-committed"
                extra={[
                  <Link key="projects" to="/projects">
                    <Button type="primary">{t('exchange.toProjects')}</Button>
                  </Link>,
                  <Button key="again" onClick={reset}>
                    {t('exchange.again')}
                  </Button>,
                ]}
              />
            ) : (
              <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                <Upload.Dragger
                  accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  maxCount={1}
                  showUploadList={false}
                  beforeUpload={choose}
                  disabled={stage.step === 'running'}
                  data-testid="import-upload"
                >
                  <p className="ant-upload-drag-icon">{file ? <FileExcelOutlined /> : <InboxOutlined />}</p>
                  <p className="ant-upload-text">{file ? file.name : t('exchange.upload')}</p>
                  <p className="ant-upload-hint">{file ? t('exchange.uploadAnother') : t('exchange.uploadHint')}</p>
                </Upload.Dragger>

                {stage.step === 'running' && (
                  <div data-testid="import-progress">
                    <Typography.Text>{t(`exchange.phase.${stage.progress.phase}` as MessageKey)}</Typography.Text>
                    <Progress percent={stage.progress.percent} status="active" />
                  </div>
                )}
                {stage.step === 'failed' && <Alert type="error" showIcon title={t('exchange.failed')} description={stage.message} data-testid="import-failed" />}

                {checked && (
                  <>
                    {checked.issuesTotal > 0 ? (
                      <Alert
                        type="error"
                        showIcon
                        title={t('exchange.hasIssues', { n: checked.issuesTotal })}
                        description={t('exchange.fixAndRetry')}
                        action={
                          <Button icon={<FileExcelOutlined />} loading={annotating} onClick={annotate} data-testid="import-annotated">
                            {t('exchange.annotated')}
                          </Button>
                        }
                      />
                    ) : writes > 0 ? (
                      <Alert type="success" showIcon title={t('exchange.ready')} />
                    ) : (
                      <Alert type="info" showIcon title={t('exchange.nothing')} />
                    )}
                    <ImportSummary result={checked} />
                    <Space>
                      <Button type="primary" disabled={checked.issuesTotal > 0 || writes === 0} onClick={() => file && run(file, false)} data-testid="import-commit">
                        {t('exchange.commit')}
                      </Button>
                      <Button onClick={reset}>{t('exchange.again')}</Button>
                    </Space>
                  </>
                )}
              </Space>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('exchange.oc4ids')} size="small">
            <Typography.Paragraph type="secondary">{t('exchange.oc4idsHint')}</Typography.Paragraph>
            <Button icon={<CloudDownloadOutlined />} href={oc4idsPackageUrl} download="oc4ids-package.json" data-testid="oc4ids-download">
              {t('exchange.oc4idsDownload')}
            </Button>
          </Card>
        </Col>
      </Row>
    </div>
  );
}

function total(result: ImportResult, key: 'create' | 'update'): number {
  return Object.values(result.counts).reduce((n, c) => n + c[key], 0);
}
