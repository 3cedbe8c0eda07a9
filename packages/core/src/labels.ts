/** The names of code values (stages, roles, statuses, lights …) in Chinese first and English second. */
import type { Locale, Text } from './messages.js';

export const STAGE_LABELS: Record<string, Text> = {
  lead: { zh: '线索', en: 'lead' },
  negotiating: { zh: '在谈', en: 'negotiating' },
  signed: { zh: '签约', en: 'signed' },
  planning: { zh: '谋划储备', en: 'planning' },
  preparation: { zh: '前期', en: 'preparation' },
  construction: { zh: '在建', en: 'under construction' },
  completed: { zh: '竣工', en: 'completed' },
  operating: { zh: '投产', en: 'in production' },
  suspended: { zh: '暂停', en: 'suspended' },
  cancelled: { zh: '终止', en: 'cancelled' },
};

export const KIND_LABELS: Record<string, Text> = {
  'investment-attraction': { zh: '招商引资', en: 'investment-attraction' },
  government: { zh: '政府投资', en: 'government' },
};

export const LEVEL_LABELS: Record<string, Text> = {
  provincial: { zh: '省级重点', en: 'provincial key' },
  prefectural: { zh: '州市重点', en: 'prefectural key' },
  county: { zh: '县级重点', en: 'county key' },
  general: { zh: '一般', en: 'general' },
};

export const ROLE_LABELS: Record<string, Text> = {
  reporter: { zh: '填报员', en: 'reporter' },
  reviewer: { zh: '审核员', en: 'reviewer' },
  admin: { zh: '管理员', en: 'administrator' },
  leader: { zh: '领导', en: 'leader' },
  press: { zh: '宣传', en: 'press office' },
};

export const REPORT_STATUS_LABELS: Record<string, Text> = {
  draft: { zh: '草稿', en: 'draft' },
  submitted: { zh: '已提交', en: 'submitted' },
  returned: { zh: '已退回', en: 'returned' },
  approved: { zh: '已审核', en: 'approved' },
};

export const REPORT_ACTION_LABELS: Record<string, Text> = {
  save: { zh: '保存', en: 'save' },
  submit: { zh: '提交', en: 'submit' },
  approve: { zh: '审核通过', en: 'approve' },
  return: { zh: '退回', en: 'return' },
  reopen: { zh: '重新打开', en: 'reopen' },
};

export const PROBLEM_STATUS_LABELS: Record<string, Text> = {
  open: { zh: '待办', en: 'open' },
  in_progress: { zh: '办理中', en: 'in hand' },
  resolved: { zh: '待确认', en: 'resolved' },
  closed: { zh: '已销号', en: 'closed' },
  escalated: { zh: '协商会办', en: 'escalated' },
};

export const PROBLEM_ACTION_LABELS: Record<string, Text> = {
  accept: { zh: '受理', en: 'accept' },
  resolve: { zh: '办结', en: 'resolve' },
  confirm: { zh: '确认销号', en: 'confirm' },
  reject: { zh: '退回重办', en: 'reject' },
  escalate: { zh: '提交协商会办', en: 'escalate' },
  decide: { zh: '记录会议决定', en: 'record the decision' },
};

export const LIGHT_LABELS: Record<string, Text> = {
  red: { zh: '红灯', en: 'red' },
  yellow: { zh: '黄灯', en: 'yellow' },
  green: { zh: '绿灯', en: 'green' },
};

export const WARNING_REASON_LABELS: Record<string, Text> = {
  'investment-red': { zh: '投资完成严重滞后序时进度', en: 'investment far behind schedule' },
  'investment-yellow': { zh: '投资完成滞后序时进度', en: 'investment behind schedule' },
  'milestone-overdue': { zh: '节点逾期', en: 'milestone overdue' },
  'problem-overdue': { zh: '问题逾期未解决', en: 'problem overdue' },
};

export const MANAGED_BY_LABELS: Record<string, Text> = {
  prefecture: { zh: '市直', en: 'prefecture-managed' },
  county: { zh: '县区', en: 'county-managed' },
};

export const ENTERPRISE_KIND_LABELS: Record<string, Text> = {
  'foreign-invested': { zh: '外商投资企业', en: 'foreign-invested' },
  'newly-introduced': { zh: '新引进企业', en: 'newly introduced' },
  negotiating: { zh: '在谈企业', en: 'negotiating' },
  target: { zh: '招商目标企业', en: 'target' },
  'chamber-of-commerce': { zh: '异地商会企业', en: 'chamber of commerce' },
};

export const MILESTONE_KIND_LABELS: Record<string, Text> = {
  'project-approval': { zh: '立项', en: 'project approval' },
  'feasibility-study': { zh: '可研', en: 'feasibility study' },
  'preliminary-design': { zh: '初设', en: 'preliminary design' },
  land: { zh: '用地', en: 'land' },
  'environmental-assessment': { zh: '环评', en: 'environmental assessment' },
  'construction-permit': { zh: '施工许可', en: 'construction permit' },
  start: { zh: '开工', en: 'start' },
  'main-works': { zh: '主体完工', en: 'main works done' },
  'completion-acceptance': { zh: '竣工验收', en: 'completion acceptance' },
  production: { zh: '投产', en: 'production' },
  other: { zh: '其他', en: 'other' },
};

export function label(table: Record<string, Text>, key: string, locale: Locale): string {
  return table[key]?.[locale] ?? key;
}
