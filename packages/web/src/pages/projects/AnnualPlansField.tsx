import { Button, Form, Input, InputNumber, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { isValidYuan } from '@guatu/core';

/** Annual planned investment, one row per year; the plans may not add up to more than the total. */
export function AnnualPlansField({
  label,
  addText,
  validate,
}: {
  label: string;
  addText: string;
  validate(plans: { year: number; amount: string }[], total: string | undefined): string | null;
}) {
  return (
    <Form.Item label={label} required={false}>
      <Form.List
        name="annualPlans"
        rules={[
          {
            validator: async (_, plans: { year: number; amount: string }[]) => {
              const years = (plans ?? []).map((p) => p?.year).filter(Boolean);
              if (new Set(years).size !== years.length) throw new Error('年度重复');
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field) => (
              <Space key={field.key} align="baseline" wrap>
                <Form.Item name={[field.name, 'year']} rules={[{ required: true }]}>
                  <InputNumber min={2000} max={2100} placeholder="年度" />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'amount']}
                  dependencies={['totalInvestment']}
                  rules={[
                    { required: true },
                    ({ getFieldValue }) => ({
                      validator: async (_, v: string) => {
                        if (v && !isValidYuan(v)) throw new Error('以元为单位，最多两位小数');
                        const problem = validate(getFieldValue('annualPlans') ?? [], getFieldValue('totalInvestment'));
                        if (problem) throw new Error(problem);
                      },
                    }),
                  ]}
                >
                  <Input placeholder="金额（元）" inputMode="decimal" style={{ width: 200 }} />
                </Form.Item>
                <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="remove" />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ year: new Date().getFullYear() })}>
              {addText}
            </Button>
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}
