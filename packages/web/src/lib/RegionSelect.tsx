import { useEffect, useState } from 'react';
import { TreeSelect } from 'antd';
import { useAuth } from '../app/auth';
import { loadRegion, loadRegionChildren } from './codeLists';
import type { Region } from '../api/types';

interface Node {
  id: string;
  pId: string | null;
  value: string;
  title: string;
  isLeaf: boolean;
}

const toNode = (r: Region, pId: string | null): Node => ({ id: r.code, pId, value: r.code, title: r.name, isLeaf: r.childCount === 0 });

/**
 * A region tree that starts at the user's own region and loads children as they open.
 * `leafOnly` limits the choice to counties and zones (where a project's location lies).
 */
export function RegionSelect(props: {
  value?: string | null;
  onChange?: (code: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  id?: string;
  style?: React.CSSProperties;
}) {
  const { me } = useAuth();
  const [nodes, setNodes] = useState<Node[]>([]);
  useEffect(() => {
    if (!me) return;
    const root: Node = { id: me.region.code, pId: null, value: me.region.code, title: me.region.name, isLeaf: me.region.level === 'county' || me.region.level === 'zone' };
    setNodes([root]);
    if (!root.isLeaf) loadRegionChildren(me.region.code).then((items) => setNodes((n) => merge(n, items.map((r) => toNode(r, me.region.code)))));
  }, [me]);
  useEffect(() => {
    // Show the chosen region's name when the value comes from a URL or a record: load its siblings.
    const v = props.value;
    if (!v || !me || nodes.some((n) => n.value === v)) return;
    loadRegion(v).then(
      async (r) => {
        const siblings = r.parentCode ? await loadRegionChildren(r.parentCode) : [r];
        setNodes((n) => merge(n, siblings.map((x) => toNode(x, n.some((y) => y.id === x.parentCode) ? x.parentCode : null))));
      },
      () => undefined,
    );
  }, [props.value, me, nodes]);
  return (
    <TreeSelect
      id={props.id}
      treeDataSimpleMode
      treeData={nodes}
      value={props.value ?? undefined}
      onChange={(v) => props.onChange?.(v ?? undefined)}
      loadData={async (node) => {
        const code = String(node.value);
        const items = await loadRegionChildren(code);
        setNodes((n) => merge(n, items.map((r) => toNode(r, code))));
      }}
      placeholder={props.placeholder}
      allowClear={props.allowClear ?? true}
      showSearch={{ treeNodeFilterProp: 'title' }}
      style={{ minWidth: 180, ...props.style }}
      popupMatchSelectWidth={false}
    />
  );
}

function merge(existing: Node[], incoming: Node[]): Node[] {
  const seen = new Map(existing.map((n) => [n.id, n]));
  for (const n of incoming) if (!seen.has(n.id) || seen.get(n.id)!.pId === null) seen.set(n.id, { ...n, pId: seen.get(n.id)?.pId ?? n.pId });
  return [...seen.values()];
}
