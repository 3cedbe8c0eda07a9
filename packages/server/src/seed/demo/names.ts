import type { Random } from './random.js';

/**
 * Parts from which the demo builds project names that read like Yunnan's own project lists:
 * "曲靖经开区年产20万吨锂电池负极材料项目", "永胜县40万千瓦风光储氢一体化项目".
 */
type Part = (r: Random) => string;

const tons = (r: Random) => r.pick([5, 10, 15, 20, 30, 50, 60, 100]);
const mw = (r: Random) => r.pick([50, 100, 150, 200, 300]);

export const NAME_PARTS: Record<string, readonly Part[]> = {
  'energy-industry': [
    (r) => `${mw(r)}MW农光互补光伏电站`,
    (r) => `${r.pick([10, 15, 20, 30])}万千瓦风电场`,
    (r) => `${r.pick([120, 140, 200])}万千瓦抽水蓄能电站`,
    (r) => `煤矿${r.pick([90, 120, 150])}万吨/年技改`,
    (r) => `${r.pick([5, 10, 20])}万千瓦共享储能电站`,
    () => '绿色能源产业园',
  ],
  'new-energy-hydrogen': [(r) => `风光储氢一体化（${r.pick(['一', '二', '三'])}期）`],
  'other-industry': [
    (r) => `年产${tons(r)}万吨锂电池负极材料`,
    (r) => `年产${tons(r)}万吨磷酸铁锂正极材料`,
    (r) => `年产${tons(r)}万吨绿色铝精深加工`,
    (r) => `年产${tons(r)}万吨工业硅`,
    (r) => `年产${r.pick([2, 5, 10])}万吨单晶硅棒`,
    (r) => `年产${tons(r)}万吨新型建材`,
    () => '新能源电池材料产业园',
    () => '装备制造产业园标准厂房',
    (r) => `年产${r.pick([1, 3, 5])}万台新能源汽车零部件`,
    () => '精细磷化工循环经济',
  ],
  'digital-economy': [() => '数据中心', () => '5G+智慧园区', () => '电子信息产业园', () => '数字经济产业孵化中心', () => '跨境电商产业园'],
  'plateau-agriculture': [
    (r) => `${r.pick([1, 2, 3, 5])}万亩高原特色蔬菜基地`,
    () => '中药材种植加工基地',
    (r) => `年产${r.pick([1, 2, 5])}万吨咖啡精深加工`,
    () => '普洱茶产业融合发展',
    () => '鲜切花冷链加工',
    (r) => `年出栏${r.pick([10, 20, 30])}万头生猪养殖`,
    () => '高原特色水果产业园',
  ],
  'culture-tourism': [() => '文旅小镇', () => '温泉康养度假区', () => '历史文化街区保护提升', () => '国家级旅游度假区提升', () => '乡村旅游示范区'],
  'modern-services': [() => '现代物流园', () => '商贸综合体', () => '冷链物流中心', () => '农产品批发市场', () => '陆港型国家物流枢纽配套'],
  transport: [() => '高速公路', () => '国道改扩建', () => '县域路网提升', () => '通用机场', () => '城市综合交通枢纽'],
  water: [() => '中型水库', () => '灌区续建配套与现代化改造', () => '城乡供水一体化', () => '河道综合治理'],
  'energy-infrastructure': [(r) => `${r.pick([110, 220, 500])}千伏输变电工程`, () => '天然气支线管道', () => '充换电基础设施'],
  'new-infrastructure': [() => '5G基站建设', () => '城市大脑', () => '工业互联网标识解析节点'],
  'old-communities': [(r) => `${r.pick([12, 24, 36, 48])}个城镇老旧小区改造`],
  shantytowns: [(r) => `${r.pick([800, 1200, 2000])}套城镇棚户区改造`],
  'urban-villages': [() => '城中村改造'],
  'old-factories': [() => '老旧厂区改造提升'],
  'old-blocks': [() => '老旧街区改造'],
  education: [() => '第一中学新校区', () => '职业教育园区', () => '义务教育学校提质'],
  health: [() => '人民医院新院区', () => '妇幼保健院迁建', () => '中医医院综合楼'],
  'rural-revitalization': [() => '乡村振兴示范园', (r) => `${r.pick([1, 2, 5])}万亩高标准农田建设`, () => '易地扶贫搬迁后续产业园', () => '美丽乡村建设'],
};

export function projectName(r: Random, place: string, category: string): string {
  const parts = NAME_PARTS[category] ?? NAME_PARTS['rural-revitalization']!;
  return `${place}${r.pick(parts)(r)}项目`;
}

const SURNAMES = ['张', '李', '王', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '罗', '高', '林', '普', '段', '杞', '和', '木', '字', '沐'];
const GIVEN = ['建华', '志强', '丽萍', '海燕', '云峰', '明亮', '春梅', '国庆', '秀英', '永红', '文斌', '晓东', '红梅', '德明', '玉兰', '正勇', '学军', '卫东', '立新', '家祥', '绍云', '继红', '光荣', '如意'];

export const personName = (r: Random) => r.pick(SURNAMES) + r.pick(GIVEN);

export const LEADER_TITLES = {
  province: ['副省长', '省发展改革委主任', '省投资促进局局长'],
  prefecture: ['副市长', '副州长', '市委常委、常务副市长', '州委常委、常务副州长', '州人大常委会副主任', '州政协副主席'],
  county: ['县委书记', '县长', '常务副县长', '区委书记', '区长', '管委会主任'],
} as const;

const BRANDS = ['华', '鑫', '创', '远', '新', '宏', '泰', '恒', '润', '盛', '源', '达', '通', '锦', '瑞', '博', '天', '越', '嘉', '弘', '晟', '中', '汇', '安'];
const TRADES: Record<string, string> = {
  'energy-industry': '能源',
  'new-energy-hydrogen': '氢能',
  'other-industry': '新材料',
  'digital-economy': '数字科技',
  'plateau-agriculture': '农业开发',
  'culture-tourism': '文化旅游',
  'modern-services': '供应链管理',
};
const SUFFIXES = ['有限公司', '股份有限公司', '集团有限公司', '科技有限公司'];

/** "深圳市华鑫新材料有限公司": city of the home province, a two-character brand, the trade, a legal form. */
export function enterpriseName(r: Random, city: string, category: string): string {
  return `${city}${r.pick(BRANDS)}${r.pick(BRANDS)}${TRADES[category] ?? r.pick(Object.values(TRADES))}${r.pick(SUFFIXES)}`;
}

/** Home provinces of investors with a typical registration city and its GB/T 2260 code. */
export const INVESTOR_HOMES = [
  { province: '440000', city: '深圳市', code: '440300', weight: 8 },
  { province: '440000', city: '广州市', code: '440100', weight: 4 },
  { province: '330000', city: '杭州市', code: '330100', weight: 5 },
  { province: '320000', city: '苏州市', code: '320500', weight: 4 },
  { province: '310000', city: '上海市', code: '310100', weight: 4 },
  { province: '110000', city: '北京市', code: '110100', weight: 4 },
  { province: '510000', city: '成都市', code: '510100', weight: 5 },
  { province: '500000', city: '重庆市', code: '500100', weight: 3 },
  { province: '350000', city: '厦门市', code: '350200', weight: 2 },
  { province: '370000', city: '青岛市', code: '370200', weight: 2 },
  { province: '420000', city: '武汉市', code: '420100', weight: 2 },
  { province: '430000', city: '长沙市', code: '430100', weight: 2 },
  { province: '450000', city: '南宁市', code: '450100', weight: 1 },
  { province: '520000', city: '贵阳市', code: '520100', weight: 1 },
  { province: '810000', city: '香港', code: '810000', weight: 1 },
  { province: '530000', city: '昆明市', code: '530100', weight: 6 },
] as const;

export const PROBLEM_TITLES = [
  ['用地报批进度滞后', '县自然资源局'],
  ['林地使用手续尚未办结', '州林业和草原局'],
  ['施工用电接入需协调', '供电局'],
  ['项目融资到位不足', '县金融办'],
  ['征地拆迁推进缓慢', '县人民政府'],
  ['环评批复待办理', '生态环境分局'],
  ['施工许可证待核发', '县住房城乡建设局'],
  ['配套道路未贯通', '县交通运输局'],
  ['用水指标需调剂', '县水务局'],
  ['能耗指标需统筹', '州发展改革委'],
] as const;

export const DEMAND_TEXTS = [
  '希望协调解决园区标准厂房租金优惠',
  '申请协助办理出口退税手续',
  '反映用工紧缺，希望开展专场招聘',
  '希望加快办理不动产权证',
  '申请纳入重点企业用电保障名单',
  '希望协调银行提供流动资金贷款',
  '反映物流成本偏高，希望对接铁路运力',
  '希望支持申报省级专精特新企业',
];
