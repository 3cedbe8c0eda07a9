/**
 * Every error Guatu shows names the field and the rule, in Chinese first and English second.
 * Field labels and rule texts live here so the API and the web app say the same thing.
 */
export const LOCALES = ['zh', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

type Text = { zh: string; en: string };

export const FIELD_LABELS: Record<string, Text> = {
  code: { zh: '项目代码', en: 'project code' },
  name: { zh: '名称', en: 'name' },
  kind: { zh: '类型', en: 'kind' },
  regionCode: { zh: '责任区域', en: 'responsible region' },
  locationRegionCode: { zh: '项目所在县区', en: 'location county' },
  longitude: { zh: '经度', en: 'longitude' },
  latitude: { zh: '纬度', en: 'latitude' },
  categoryCode: { zh: '项目类别', en: 'category' },
  level: { zh: '项目级别', en: 'level' },
  stage: { zh: '项目阶段', en: 'stage' },
  to: { zh: '目标阶段', en: 'target stage' },
  on: { zh: '日期', en: 'date' },
  totalInvestment: { zh: '总投资', en: 'total investment' },
  agreementAmount: { zh: '协议金额', en: 'agreement amount' },
  annualPlans: { zh: '年度计划投资', en: 'annual planned investment' },
  year: { zh: '年度', en: 'year' },
  amount: { zh: '金额', en: 'amount' },
  investorEnterpriseId: { zh: '投资企业', en: 'investor enterprise' },
  liaisonLeader: { zh: '挂钩联系领导', en: 'liaison leader' },
  workingTeam: { zh: '工作班子', en: 'working team' },
  caseFile: { zh: '工作专案', en: 'case file' },
  attributes: { zh: '指标属性', en: 'attributes' },
  signedOn: { zh: '签约日期', en: 'signing date' },
  startedOn: { zh: '开工日期', en: 'start date' },
  completedOn: { zh: '竣工日期', en: 'completion date' },
  period: { zh: '填报月份', en: 'period' },
  projectId: { zh: '项目', en: 'project' },
  completedInvestment: { zh: '本月完成投资', en: 'investment completed this month' },
  funds: { zh: '到位资金', en: 'funds in place' },
  outOfProvince: { zh: '省外到位资金', en: 'out-of-province funds' },
  inProvince: { zh: '省内到位资金', en: 'in-province funds' },
  foreign: { zh: '外资', en: 'foreign funds' },
  centralBudget: { zh: '中央预算内资金', en: 'central budget funds' },
  specialBonds: { zh: '专项债券', en: 'special bonds' },
  bankLoans: { zh: '银行贷款', en: 'bank loans' },
  selfRaised: { zh: '企业自筹', en: 'self-raised funds' },
  physicalProgress: { zh: '形象进度', en: 'physical progress' },
  progressPercent: { zh: '工程进度（%）', en: 'progress (%)' },
  workersOnSite: { zh: '在岗人数', en: 'workers on site' },
  workersExpected: { zh: '计划用工人数', en: 'workers expected' },
  narrative: { zh: '进展情况', en: 'narrative' },
  comment: { zh: '意见', en: 'comment' },
  version: { zh: '版本号', en: 'version' },
  title: { zh: '问题标题', en: 'title' },
  description: { zh: '问题描述', en: 'description' },
  responsibleUnit: { zh: '责任单位', en: 'responsible unit' },
  responsibleLeader: { zh: '责任领导', en: 'responsible leader' },
  dueOn: { zh: '完成时限', en: 'due date' },
  resolution: { zh: '解决情况', en: 'resolution' },
  meeting: { zh: '协商会办会议', en: 'coordination meeting' },
  decision: { zh: '会议决定', en: 'decision' },
  username: { zh: '用户名', en: 'username' },
  password: { zh: '密码', en: 'password' },
  displayName: { zh: '姓名', en: 'display name' },
  roles: { zh: '角色', en: 'roles' },
  parent: { zh: '上级区域', en: 'parent region' },
  page: { zh: '页码', en: 'page' },
  pageSize: { zh: '每页条数', en: 'page size' },
  creditCode: { zh: '统一社会信用代码', en: 'unified social credit code' },
  homeProvinceCode: { zh: '企业所属省份', en: 'home province' },
  body: { zh: '请求内容', en: 'request body' },
  id: { zh: '编号', en: 'id' },
  filter: { zh: '筛选条件', en: 'filter' },
  measures: { zh: '统计指标', en: 'measures' },
  groupBy: { zh: '分组', en: 'grouping' },
  subject: { zh: '统计对象', en: 'subject' },
  region: { zh: '区域', en: 'region' },
  regions: { zh: '区域', en: 'regions' },
  categories: { zh: '项目类别', en: 'categories' },
  homeProvinces: { zh: '企业所属省份', en: 'home provinces' },
  heldOn: { zh: '开工日期', en: 'date held' },
  place: { zh: '地点', en: 'place' },
  projectIds: { zh: '项目', en: 'projects' },
  add: { zh: '新增项目', en: 'projects to add' },
  remove: { zh: '移出项目', en: 'projects to remove' },
  reason: { zh: '调整原因', en: 'reason' },
  leader: { zh: '组长', en: 'leader' },
  members: { zh: '成员', en: 'members' },
  coveredRegions: { zh: '包保县区', en: 'covered regions' },
  programmes: { zh: '参与的工作', en: 'programmes' },
  visitedOn: { zh: '走访日期', en: 'visit date' },
  visitors: { zh: '走访人员', en: 'visitors' },
  summary: { zh: '走访情况', en: 'summary' },
  demands: { zh: '企业诉求', en: 'demands' },
  content: { zh: '诉求内容', en: 'demand' },
  plannedOn: { zh: '计划日期', en: 'planned date' },
  actualOn: { zh: '实际日期', en: 'actual date' },
  note: { zh: '备注', en: 'note' },
  yellow: { zh: '黄灯阈值', en: 'yellow threshold' },
  red: { zh: '红灯阈值', en: 'red threshold' },
  asOf: { zh: '预警判断日期', en: 'warning date' },
  // data exchange
  file: { zh: '文件', en: 'file' },
  sheet: { zh: '工作表', en: 'sheet' },
  status: { zh: '状态', en: 'status' },
  investorCreditCode: { zh: '投资企业统一社会信用代码', en: "investor's credit code" },
  capacityKw: { zh: '装机容量', en: 'installed capacity' },
  expectedAnnualTax: { zh: '预计年均税收', en: 'expected annual tax' },
  expectedAnnualOutput: { zh: '预计年产值', en: 'expected annual output' },
  jobsCreated: { zh: '带动就业', en: 'jobs created' },
  landAreaMu: { zh: '用地面积', en: 'land area' },
  housingUnits: { zh: '改造户数', en: 'housing units' },
  package: { zh: 'OC4IDS 数据包', en: 'OC4IDS package' },
  entity: { zh: '记录类型', en: 'record kind' },
  q: { zh: '搜索词', en: 'search text' },
  before: { zh: '起始序号', en: 'before' },
  limit: { zh: '条数', en: 'limit' },
  templateId: { zh: '通报模板', en: 'bulletin template' },
  batch: { zh: '集中开工批次', en: 'concentrated start' },
  keyList: { zh: '重点项目清单', en: 'key list' },
  paragraphs: { zh: '段落', en: 'paragraphs' },
  figures: { zh: '数据项', en: 'figures' },
  text: { zh: '文稿', en: 'draft' },
};

export const RULE_TEXTS: Record<string, Text> = {
  required: { zh: '必填', en: 'is required' },
  type: { zh: '类型应为{expected}', en: 'must be a {expected}' },
  unknownField: { zh: '不是可接受的字段', en: 'is not an accepted field' },
  tooShort: { zh: '至少 {min} 个字符', en: 'must have at least {min} characters' },
  tooLong: { zh: '最多 {max} 个字符', en: 'must have at most {max} characters' },
  tooSmall: { zh: '不能小于 {min}', en: 'must be at least {min}' },
  tooBig: { zh: '不能大于 {max}', en: 'must be at most {max}' },
  tooFewItems: { zh: '至少 {min} 项', en: 'must have at least {min} items' },
  tooManyItems: { zh: '最多 {max} 项', en: 'must have at most {max} items' },
  oneOf: { zh: '应为以下之一：{values}', en: 'must be one of: {values}' },
  format: { zh: '格式不正确', en: 'has the wrong format' },
  date: { zh: '应为日期，格式 YYYY-MM-DD', en: 'must be a date as YYYY-MM-DD' },
  integer: { zh: '应为整数', en: 'must be a whole number' },
  'money.notNumber': { zh: '应为以元为单位的金额，如 "1254.50"', en: 'must be an amount in yuan, e.g. "1254.50"' },
  'money.negative': { zh: '金额不能为负数', en: 'must not be negative' },
  'money.decimals': { zh: '金额最多保留两位小数（分）', en: 'must have at most 2 decimals' },
  'money.tooLarge': { zh: '金额超出上限（16 位整数）', en: 'is larger than the maximum (16 integer digits)' },
  'projectCode.format': {
    zh: '应为全国投资项目在线审批监管平台项目代码，如 2022-530302-44-01-000123',
    en: 'must be a national investment project code such as 2022-530302-44-01-000123',
  },
  'creditCode.format': { zh: '不是有效的统一社会信用代码（18 位，含校验位）', en: 'is not a valid unified social credit code (18 characters with a check digit)' },
  'period.format': { zh: '应为月份，格式 YYYY-MM', en: 'must be a month as YYYY-MM' },
  'region.unknown': { zh: '区域代码 {value} 不存在', en: 'region code {value} does not exist' },
  'region.outOfScope': { zh: '区域 {value} 不在您的管辖范围内', en: 'region {value} is outside your area' },
  'region.notCounty': { zh: '应为县级区域或开发区', en: 'must be a county-level region or a development zone' },
  'region.levelForResponsibility': { zh: '责任区域应为州（市）、县（市、区）或开发区', en: 'must be a prefecture, a county or a development zone' },
  'stage.dateRequired': { zh: '“{value}”阶段的项目须填写此日期', en: 'is required for a project at stage {value}' },
  'date.order': { zh: '不能早于{other}', en: 'must not be before the {other}' },
  'category.unknown': { zh: '项目类别 {value} 不存在', en: 'category {value} does not exist' },
  'enterprise.unknown': { zh: '企业 {value} 不存在', en: 'enterprise {value} does not exist' },
  'attribute.unknown': { zh: '未知的指标 {value}，可用：{values}', en: 'unknown attribute {value}; valid ones: {values}' },
  'attribute.value': { zh: '应为非负数字，最多 4 位小数', en: 'must be a non-negative number with at most 4 decimals' },
  'plans.exceedTotal': { zh: '各年度计划投资合计 {sum} 元超过总投资 {total} 元', en: 'add up to {sum} yuan, more than the total investment of {total} yuan' },
  'plans.duplicateYear': { zh: '年度 {value} 重复', en: 'year {value} appears twice' },
  'stage.notEntry': { zh: '{kind}项目不能以“{value}”阶段录入，可用：{values}', en: 'a {kind} project cannot be recorded at stage {value}; valid: {values}' },
  'stage.illegal': { zh: '不能从“{from}”转为“{value}”，可转为：{values}', en: 'cannot move from {from} to {value}; allowed next stages: {values}' },
  'stage.needsAgreement': { zh: '签约须填写协议金额', en: 'signing needs an agreement amount' },
  'stage.dateInFuture': { zh: '日期不能晚于今天', en: 'must not be in the future' },
  'report.duplicate': { zh: '该项目 {value} 的月报已存在', en: 'a report for {value} already exists for this project' },
  'report.illegalAction': { zh: '当前状态“{from}”下不能{value}，可执行：{values}', en: 'cannot {value} a report that is {from}; allowed: {values}' },
  'report.commentRequired': { zh: '退回或重新打开时必须填写意见', en: 'is required when returning or reopening a report' },
  'report.notReporting': { zh: '项目当前阶段“{value}”不需填报月报', en: 'a project at stage {value} does not report monthly' },
  'report.futurePeriod': { zh: '不能填报未来月份', en: 'must not be a future month' },
  'report.approvedImmutable': { zh: '已审核通过的月报不能修改，需先重新打开', en: 'an approved report cannot change unless it is reopened first' },
  'problem.illegalAction': { zh: '当前状态“{from}”下不能{value}，可执行：{values}', en: 'cannot {value} a problem that is {from}; allowed: {values}' },
  'problem.missing': { zh: '必填', en: 'is required for this action' },
  'problem.raiserOnly': { zh: '只有提出人可以确认销号或退回', en: 'only the person who raised the problem can confirm or reject it' },
  'version.stale': {
    zh: '记录已被 {by} 于 {at} 修改（当前版本 {value}），请刷新后重试',
    en: 'the record was changed by {by} at {at} (now version {value}); reload and try again',
  },
  'username.taken': { zh: '用户名 {value} 已被使用', en: 'username {value} is already taken' },
  'creditCode.taken': { zh: '统一社会信用代码 {value} 已登记', en: 'credit code {value} is already registered' },
  'projectCode.taken': { zh: '项目代码 {value} 已存在', en: 'project code {value} already exists' },
  'password.policy': {
    zh: '密码至少 12 位，且包含大写字母、小写字母、数字、符号中的至少三类',
    en: 'must be at least 12 characters and use three of: upper case, lower case, digits, symbols',
  },
  'role.unknown': { zh: '未知角色 {value}', en: 'unknown role {value}' },
  'account.locked': {
    zh: '连续 {count} 次登录失败，账户已锁定至 {until}；请稍后再试或联系管理员解锁',
    en: 'is locked after {count} failed sign-ins until {until}; try later or ask an administrator to unlock it',
  },
  'body.tooLarge': { zh: '请求内容超过 {max} 字节上限', en: 'is larger than the limit of {max} bytes' },
  'body.json': { zh: '不是有效的 JSON', en: 'is not valid JSON' },
  'date.range': { zh: '应在 1900-01-01 至 2100-12-31 之间', en: 'must be between 1900-01-01 and 2100-12-31' },
  'stats.unknownFilter': { zh: '未知的筛选条件 {value}，可用：{values}', en: 'unknown filter {value}; valid ones: {values}' },
  'stats.unknownMeasure': { zh: '未知的统计指标 {value}，可用：{values}', en: 'unknown measure {value}; valid ones: {values}' },
  'stats.unknownGroup': { zh: '未知的分组 {value}，可用：{values}', en: 'unknown grouping {value}; valid ones: {values}' },
  'stats.duplicateGroup': { zh: '分组 {value} 重复', en: 'grouping {value} appears twice' },
  'stats.rangeOrder': { zh: '月份区间 {value} 的起始月份晚于结束月份', en: 'month range in {value} starts after it ends' },
  'project.unknown': { zh: '项目 {values} 不存在或不在您的管辖范围内', en: 'projects {values} do not exist or are outside your area' },
  'project.outsideRegion': { zh: '项目 {values} 不属于区域 {value}', en: 'projects {values} are not inside region {value}' },
  'keyList.frozen': { zh: '清单已发布，只能通过调整（须说明原因）增减项目', en: 'the list is published; its projects change only through a revision with a reason' },
  'keyList.notPublished': { zh: '清单尚未发布，可直接修改项目', en: 'the list is not published yet; change its projects directly' },
  'keyList.alreadyPublished': { zh: '清单已发布', en: 'the list is already published' },
  'keyList.emptyRevision': { zh: '调整须新增或移出至少一个项目', en: 'a revision must add or remove at least one project' },
  'keyList.alreadyOn': { zh: '项目 {values} 已在清单中', en: 'projects {values} are already on the list' },
  'keyList.notOn': { zh: '项目 {values} 不在清单中', en: 'projects {values} are not on the list' },
  'group.regionLevel': { zh: '包保范围应为所属区域下的县（市、区）或开发区', en: 'must be counties or zones inside the group’s region' },
  'milestone.nameRequired': { zh: '“其他”节点须填写名称', en: 'is required for a milestone of kind other' },
  'milestone.duplicateKind': { zh: '该项目已有“{value}”节点', en: 'the project already has a {value} milestone' },
  'demand.alreadyProblem': { zh: '该诉求已转为问题 {value}', en: 'the demand is already problem {value}' },
  'thresholds.order': { zh: '黄灯阈值不能大于红灯阈值', en: 'the yellow threshold must not exceed the red one' },
  'thresholds.range': { zh: '应为 0–100 之间的数，最多两位小数', en: 'must be a number from 0 to 100 with at most 2 decimals' },
  // reading numbers and dates as officers write them
  'number.format': { zh: '应为数字，如 1254.5、12.5万元、3.2亿', en: 'must be a number such as 1254.5, 12.5万元 or 3.2亿' },
  'number.approximate': { zh: '“{value}”是约数，请填写确切数字', en: '"{value}" is an approximation; give the exact figure' },
  'amount.unit': { zh: '单位“{value}”不适用于此列（金额可用元、万元、亿元）', en: 'unit "{value}" does not fit this column (amounts take 元, 万元 or 亿元)' },
  'date.format': { zh: '无法识别为日期：{value}（可写 2022-03-01、2022年3月1日、2022/3/1）', en: 'cannot be read as a date: {value} (write 2022-03-01, 2022年3月1日 or 2022/3/1)' },
  'date.invalid': { zh: '日期不存在', en: 'is not a real date' },
  'date.needsDay': { zh: '应为具体日期（年月日），{value} 只有月份', en: 'needs a full date; {value} names only a month' },
  'date.ambiguousMonth': { zh: '{value} 无法确定月份（可能是1月或10月），请写成“2022-10”这样的文本', en: '{value} is ambiguous (January or October?); write it as text such as "2022-10"' },
  'year.format': { zh: '应为年份，如 2022', en: 'must be a year such as 2022' },
  'region.ambiguous': { zh: '区域名称“{value}”不唯一，请填写区划代码', en: 'region name "{value}" is ambiguous; give the code' },
  // data exchange: cells, rows and files
  'cell.formulaNoValue': { zh: '公式 ={value} 没有保存计算结果；请在 Excel 或 WPS 中打开并保存后再导入', en: 'formula ={value} has no saved result; open and save the file in Excel or WPS, then import again' },
  'cell.error': { zh: '单元格是错误值 {value}', en: 'the cell holds the error {value}' },
  'import.duplicateRow': { zh: '{value} 已在第 {row} 行出现', en: '{value} already appears in row {row}' },
  'import.projectUnknown': { zh: '项目代码 {value} 不在您的管辖范围内，也不在本文件的项目清单中', en: 'project {value} is neither in your area nor in the project sheet of this file' },
  'import.dateWithStage': { zh: '已有项目的此日期只能随阶段变更修改', en: 'changes on an existing project only with a change of stage' },
  'sheet.hidden': { zh: '工作表“{value}”被隐藏但含有数据；请取消隐藏核对或删除后再导入', en: 'sheet "{value}" is hidden but holds data; unhide and check it, or delete it, before importing' },
  'file.required': { zh: '请上传一个 .xlsx 文件（表单字段 file）', en: 'upload an .xlsx file (form field "file")' },
  'file.form': { zh: '上传的表单不完整或已损坏，请重新上传', en: 'the upload form is incomplete or damaged; upload the file again' },
  'file.empty': { zh: '文件是空的', en: 'is empty' },
  'file.notWorkbook': { zh: '不是 Excel 工作簿（.xlsx），看起来是 {value}；请另存为 .xlsx', en: 'is not an Excel workbook (.xlsx) but looks like {value}; save it as .xlsx' },
  'file.renamed': { zh: '扩展名像工作簿，实际是 {value}；请另存为 .xlsx', en: 'is named like a workbook but is {value}; save it as .xlsx' },
  'file.legacyXls': { zh: '是旧版 .xls 格式；请在 Excel 或 WPS 中另存为 .xlsx 后导入', en: 'is a legacy .xls file; save it as .xlsx in Excel or WPS and import that' },
  'file.encrypted': { zh: '设有打开密码；请取消密码保护后再导入', en: 'is password-protected; remove the password and import again' },
  'file.zipBomb': { zh: '解压后超过 {max} 字节上限（疑似压缩炸弹），已拒绝', en: 'inflates beyond the limit of {max} bytes (a zip bomb?) and was refused' },
  'file.zipEntries': { zh: '包含的部件过多（上限 {max} 个），不是正常的工作簿', en: 'holds too many parts (limit {max}) to be a normal workbook' },
  'file.corrupt': { zh: '已损坏，无法读取', en: 'is damaged and cannot be read' },
  'file.layout': { zh: '工作表存放位置不规范（{value}）；请在 Excel 或 WPS 中另存后再导入', en: 'stores a sheet in an unusual place ({value}); save it again in Excel or WPS' },
  'file.noSheets': { zh: '工作簿中没有工作表', en: 'has no worksheets' },
  'file.tooManyRows': { zh: '数据超过 {max} 行上限；请拆分为多个文件', en: 'has more than {max} rows; split it into several files' },
  'file.tooLarge': { zh: '超过 {max} 字节上限', en: 'is larger than the limit of {max} bytes' },
  'file.noDataSheet': { zh: '没有找到可导入的表头（工作表：{values}）；请使用导入模板的表头', en: 'has no sheet with a recognisable header (sheets: {values}); use the headers of the import template' },
  'export.tooManyRows': { zh: '导出超过 {max} 行上限；请缩小筛选范围', en: 'would export more than {max} rows; narrow the filter' },
  'oc4ids.schema': { zh: '不符合 OC4IDS 0.9 数据包结构：{value}', en: 'does not match the OC4IDS 0.9 package schema: {value}' },
  'oc4ids.noRegion': { zh: '项目 {value} 没有 GB/T 2260 区划，需指定导入到的区域（region）', en: 'project {value} has no GB/T 2260 location; name the region to import it into' },
  'text.invalid': { zh: '含有无法保存的字符（NUL 或不成对的代理项）', en: 'contains characters that cannot be stored (NUL or an unpaired surrogate)' },
  'template.unknownPlaceholder': { zh: '未知的占位符 {{{value}}}，可用：{values}', en: 'unknown placeholder {{{value}}}; valid ones: {values}' },
  'template.unknownParameter': { zh: '未知的参数 ${{value}}，可用：{values}', en: 'unknown parameter ${{value}}; valid ones: {values}' },
  'template.undeclaredNeed': { zh: '使用了 {value}，须在 needs 中声明', en: 'uses {value}, which must be declared in needs' },
  'template.codeTaken': { zh: '本区域已有代码为 {value} 的模板', en: 'the region already has a template with code {value}' },
  'bulletin.period': { zh: '应为年份（2022）、季度（2022-Q1）、半年（2022-H1）、月份（2022-01）或月份区间（2022-01..2022-03）', en: 'must be a year (2022), a quarter (2022-Q1), a half (2022-H1), a month (2022-01) or months (2022-01..2022-03)' },
  'bulletin.batchNone': { zh: '{region}{period}没有集中开工批次', en: 'no concentrated start (集中开工) in {region} in {period}' },
  'bulletin.batchMany': { zh: '有多个集中开工批次，请指定其一：{values}', en: 'several concentrated starts; name one: {values}' },
  'bulletin.keyListNone': { zh: '{region}没有 {year} 年的重点项目清单', en: '{region} has no key list for {year}' },
  'check.plan': { zh: '“{value}”：规划或目标数，不是已发生的记录', en: '“{value}”: a plan or a target, not a record of what happened' },
  'check.future': { zh: '期间“{value}”尚未过去：这是计划数，不是已发生的记录', en: 'the period “{value}” lies ahead: a plan, not a record' },
  'check.approximate': { zh: '“{value}”是约数或区间，无法精确核对', en: '“{value}” is approximate or a bound and cannot be checked exactly' },
  'check.region': { zh: '未能确定所指区域', en: 'could not tell which region it is about' },
  'check.regionUnplaced': { zh: '未能确定“{value}”指哪个区域', en: 'could not tell which region “{value}” means' },
  'check.period': { zh: '未能确定所指期间', en: 'could not tell which period it is about' },
  'check.noCompleteMonth': { zh: '“{value}”还没有已报完的月份', en: '“{value}” has no month whose reports are complete yet' },
  'check.subject': { zh: '未能确定统计的对象（项目、企业或包保组）', en: 'could not tell what is counted (projects, enterprises or 包保 groups)' },
  'check.otherSubject': { zh: '统计的是“{value}”，不是项目、企业或包保组', en: 'counts “{value}”, not projects, enterprises or 包保 groups' },
  'check.measure': { zh: '未能确定是哪项指标（如总投资、计划完成投资、到位资金、协议总额）', en: 'could not tell which measure it is (总投资, 计划完成投资, 到位资金, 协议总额 …)' },
  'check.measureSubject': { zh: '“{value}”不是企业或包保组的指标', en: '“{value}” is not a measure of enterprises or 包保 groups' },
  'check.unit': { zh: '单位“{value}”与所述指标不符或数据中没有此指标', en: 'the unit “{value}” does not fit the measure, or the data has no such measure' },
  'check.percent': { zh: '未能确定百分比的含义（可核对同比增长、同比下降）', en: 'could not tell what the percentage is of (同比 growth can be checked)' },
  'check.growth': { zh: '“{value}”未说明与何时相比（如同比）', en: '“{value}” does not say against what (e.g. 同比)' },
  'check.base': { zh: '同比所依据的数字“{value}”无法追溯', en: 'the figure “{value}” that the growth refers to cannot be traced' },
  'check.event': { zh: '说明了期间“{value}”，但未说明期间内发生了什么（开工、签约、竣工等）', en: 'names the period “{value}” but not what happened in it (开工, 签约, 竣工 …)' },
  'check.batchNone': { zh: '{region}{period}没有集中开工批次', en: 'no concentrated start (集中开工) in {region} {period}' },
  'check.batchMany': { zh: '有多个集中开工批次：{values}', en: 'several concentrated starts (集中开工) match: {values}' },
};

export function fieldLabel(field: string, locale: Locale): string {
  const segments = field.split('.').filter((s) => !/^\d+$/.test(s));
  const last = segments[segments.length - 1] ?? field;
  return FIELD_LABELS[last]?.[locale] ?? last;
}

export function ruleText(rule: string, locale: Locale, params: Record<string, unknown> = {}): string {
  const template = RULE_TEXTS[rule]?.[locale] ?? rule;
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    return Array.isArray(v) ? v.join(locale === 'zh' ? '、' : ', ') : String(v ?? '');
  });
}

/** "总投资（totalInvestment）：金额最多保留两位小数（分）" / "total investment (totalInvestment) must have at most 2 decimals" */
export function describeIssue(field: string, rule: string, locale: Locale, params: Record<string, unknown> = {}): string {
  const label = fieldLabel(field, locale);
  const text = ruleText(rule, locale, params);
  return locale === 'zh' ? `${label}（${field}）：${text}` : `${label} (${field}) ${text}`;
}

/** Picks zh or en from an Accept-Language header; Chinese is the default. */
export function pickLocale(acceptLanguage: string | undefined | null): Locale {
  if (!acceptLanguage) return 'zh';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^q=([\d.]+)$/.exec(p.trim())).find(Boolean);
      return { tag, q: q ? Number(q[1]) : 1 };
    })
    .filter((x) => x.tag)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh';
}

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
