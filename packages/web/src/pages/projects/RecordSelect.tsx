import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { get } from '../../api/client';

export type RecordKind = 'batches' | 'key-lists' | 'accountability-groups';

interface Option {
  value: number;
  label: string;
}

const cache = new Map<RecordKind, Promise<Option[]>>();

/** The user's batches, key lists or 包保 groups as choices, loaded once when first opened. */
function loadOptions(kind: RecordKind): Promise<Option[]> {
  let p = cache.get(kind);
  if (!p) {
    p = get<{ items: { id: number; name: string; year?: number; heldOn?: string }[] }>(`/${kind}`, { pageSize: 500 }).then((r) =>
      r.items.map((x) => ({ value: x.id, label: x.name })),
    );
    p.catch(() => cache.delete(kind));
    cache.set(kind, p);
  }
  return p;
}

export function RecordSelect({ kind, value, onChange, placeholder }: { kind: RecordKind; value?: number; onChange(v: number | undefined): void; placeholder: string }) {
  const [options, setOptions] = useState<Option[]>([]);
  const [wanted, setWanted] = useState(value !== undefined);
  useEffect(() => {
    if (wanted) loadOptions(kind).then(setOptions, () => undefined);
  }, [kind, wanted]);
  useEffect(() => {
    if (value !== undefined) setWanted(true);
  }, [value]);
  return (
    <Select
      value={value}
      onChange={(v?: number) => onChange(v)}
      onOpenChange={(open) => open && setWanted(true)}
      options={options}
      placeholder={placeholder}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      style={{ minWidth: 160, maxWidth: 260 }}
      popupMatchSelectWidth={false}
      data-testid={`filter-${kind}`}
    />
  );
}
