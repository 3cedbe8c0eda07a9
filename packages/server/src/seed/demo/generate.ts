import { background } from './background.js';
import { hongheConstruction, honghePipeline, lijiangBatch, qujingQ1 } from './cohorts.js';
import { HONGHE_GROUPS, hongheEnterprises, milestones, projectProblems, type DemoMilestone, type DemoProblem, type DemoVisit } from './extras.js';
import { personName } from './names.js';
import { resetSerials } from './places.js';
import { DemoBook, type DemoProject } from './projects.js';
import { Random } from './random.js';
import { designHongheFunds, monthlyReports, type DemoReport } from './reports.js';

export interface DemoBatch {
  name: string;
  regionCode: string;
  heldOn: string;
  place: string;
  description: string;
  projects: DemoProject[];
}

export interface DemoKeyList {
  name: string;
  year: number;
  regionCode: string;
  description: string;
  status: 'draft' | 'published';
  publishedOn: string | null;
  /** Who published it and who revises it: demo usernames. */
  by: string;
  projects: DemoProject[];
  revisions: { on: string; reason: string; added: DemoProject[]; removed: DemoProject[] }[];
}

export interface DemoGroup {
  name: string;
  regionCode: string;
  leaderName: string;
  leaderTitle: string;
  members: { name: string; title: string; unit: string }[];
  regions: string[];
}

export interface DemoProvince {
  projects: DemoProject[];
  enterprises: DemoBook['enterprises'];
  reports: DemoReport[];
  milestones: DemoMilestone[];
  problems: DemoProblem[];
  visits: DemoVisit[];
  batches: DemoBatch[];
  keyLists: DemoKeyList[];
  groups: DemoGroup[];
  settings: { regionCode: string; key: string; value: unknown }[];
  categories: { code: string; parentCode: string; path: string; nameZh: string; nameEn: string; sort: number }[];
}

/** The seed of the demo province: the date of the source report. */
export const DEMO_SEED = 20220227;

/** Builds the whole demo province in memory. Pure and deterministic: the same seed, the same province. */
export function generateDemo(seed = DEMO_SEED): DemoProvince {
  resetSerials();
  const r = new Random(seed);
  const book = new DemoBook(r);

  const qujing = qujingQ1(book);
  const lijiang = lijiangBatch(book);
  const honghe = hongheConstruction(book);
  const pipeline = honghePipeline(book);
  background(book);

  // Qujing's own concentrated start of 10 February, and Honghe's of 22 February.
  const qujingBatch = r.shuffle(qujing).slice(0, 150);
  for (const p of qujingBatch) {
    p.startedOn = p.stageChangedOn = '2022-02-10';
    if (p.signedOn && p.signedOn > '2022-01-20') p.signedOn = '2022-01-20';
  }
  const hongheBatch = honghe.filter((p) => p.startedOn! >= '2022-02-01');
  for (const p of hongheBatch) p.startedOn = p.stageChangedOn = '2022-02-22';

  const reports = monthlyReports(r, book.projects);
  designHongheFunds(r, reports);
  const { visits, problems: demandProblems } = hongheEnterprises(book);

  const keyListStart = [...pipeline, ...r.shuffle(honghe).slice(0, 30)];
  const revisedOut = pipeline.filter((p) => p.stage === 'negotiating').slice(0, 2);
  const revisedIn = honghe.filter((p) => !keyListStart.includes(p)).slice(0, 2);
  const keyListNow = [...keyListStart.filter((p) => !revisedOut.includes(p)), ...revisedIn];

  return {
    projects: book.projects,
    enterprises: book.enterprises,
    reports,
    milestones: milestones(r, book.projects),
    problems: [...projectProblems(r, book.projects), ...demandProblems],
    visits,
    batches: [
      {
        name: '丽江市2022年第一季度重点项目暨新能源+绿氢（9+1）智慧工厂项目集中开工',
        regionCode: '530700',
        heldOn: '2022-02-25',
        place: '丽江金山工业园区',
        description: '一季度集中开工项目以能源产业项目为主，涵盖文化旅游、基础设施、乡村振兴、民生社会事业等领域。',
        projects: lijiang.batch,
      },
      { name: '曲靖市2022年第一季度重大项目集中开工', regionCode: '530300', heldOn: '2022-02-10', place: '曲靖经济技术开发区', description: '一季度第一批集中开工项目。', projects: qujingBatch },
      { name: '红河州2022年第一季度重大项目集中开工', regionCode: '532500', heldOn: '2022-02-22', place: '蒙自经济技术开发区', description: '招商引资项目集中开工。', projects: hongheBatch },
    ],
    keyLists: [
      {
        name: '红河州2022年重点招商引资项目',
        year: 2022,
        regionCode: '532500',
        description: '按照“好中选优，优中选精”原则，筛选100个有前景、有潜力的项目进行策划包装。',
        status: 'published',
        publishedOn: '2022-01-20',
        by: 'admin.honghe',
        projects: keyListNow,
        revisions: [{ on: '2022-06-15', reason: '两个项目洽谈中止，调入两个已开工的招商引资项目', added: revisedIn, removed: revisedOut }],
      },
      {
        name: '曲靖市2023年重点招商引资项目（草案）',
        year: 2023,
        regionCode: '530300',
        description: '2023年重点招商引资项目建议名单，待审定发布。',
        status: 'draft',
        publishedOn: null,
        by: 'admin.qujing',
        projects: book.projects.filter((p) => p.cohort === 'background' && p.regionCode.startsWith('5303') && ['negotiating', 'signed'].includes(p.stage)).slice(0, 20),
        revisions: [],
      },
    ],
    groups: HONGHE_GROUPS.map((g, i) => ({
      name: g.name,
      regionCode: '532500',
      leaderName: personName(r),
      leaderTitle: ['州委副书记', '州委常委、常务副州长', '州委常委、州委秘书长', '副州长', '副州长', '州人大常委会副主任'][i]!,
      members: ['州发展改革委', '州投资促进局', '州工业和信息化局', '州自然资源局'].map((unit) => ({ name: personName(r), title: '副主任', unit })),
      regions: g.regions,
    })),
    settings: [{ regionCode: '530300', key: 'warningThresholds', value: { yellow: 8, red: 25 } }],
    categories: [{ code: 'new-energy-hydrogen', parentCode: 'energy-industry', path: 'industry/energy-industry/new-energy-hydrogen/', nameZh: '新能源+绿氢', nameEn: 'New energy and green hydrogen', sort: 100 }],
  };
}
