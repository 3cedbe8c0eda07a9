/** Texts of the 批次·清单·包保 (batches, key lists, groups) screen, Chinese first; spread into messages.ts. */
export const collectionsZh = {
  'menu.collections': '批次·清单·包保',
  'collections.batches': '集中开工批次',
  'collections.keyLists': '重点项目清单',
  'collections.groups': '包保组',
  'collections.heldOn': '开工日期',
  'collections.leader': '包保领导',
  'collections.covers': '包保县区',
  'collections.detail': '说明',
  'collections.planned': '年度计划投资',
  'collections.draft': '未发布',
};

export const collectionsEn: Record<keyof typeof collectionsZh, string> = {
  'menu.collections': 'Batches, lists, groups',
  'collections.batches': 'Concentrated starts',
  'collections.keyLists': 'Key lists',
  'collections.groups': 'Accountability groups',
  'collections.heldOn': 'Held on',
  'collections.leader': 'Leader',
  'collections.covers': 'Covers',
  'collections.detail': 'Notes',
  'collections.planned': 'Planned investment',
  'collections.draft': 'Draft',
};
