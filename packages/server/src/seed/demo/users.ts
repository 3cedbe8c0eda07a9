import { inArray } from 'drizzle-orm';
import { ROLES, type Role } from '@guatu/core';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import { hashPassword } from '../../modules/auth/passwords.js';

/** Demo only: every demo account shares this password. Never use it on a real deployment. */
export const DEMO_PASSWORD = 'Guatu@2022';

/** Where the demo users sit: the province, the three prefectures of the source report, and one county in each. */
export const DEMO_REGIONS = [
  { code: '530000', slug: 'yunnan' },
  { code: '530300', slug: 'qujing' },
  { code: '532500', slug: 'honghe' },
  { code: '530700', slug: 'lijiang' },
  { code: '530302', slug: 'qilin' },
  { code: '532503', slug: 'mengzi' },
  { code: '530702', slug: 'gucheng' },
] as const;

const SURNAMES = ['张', '李', '王', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '罗', '高', '林'];
const GIVEN = ['建华', '志强', '丽萍', '海燕', '云峰', '明亮', '春梅', '国庆', '秀英', '永红', '文斌', '晓东', '红梅', '德明', '玉兰'];
const ROLE_TITLE: Record<Role, string> = { reporter: '填报员', reviewer: '审核员', admin: '管理员', leader: '领导', press: '宣传' };

export interface DemoUser {
  username: string;
  displayName: string;
  regionCode: string;
  roles: Role[];
}

export function demoUsers(): DemoUser[] {
  let n = 0;
  return DEMO_REGIONS.flatMap((region) =>
    ROLES.map((role) => {
      const name = SURNAMES[n % SURNAMES.length]! + GIVEN[(n * 7) % GIVEN.length]!;
      n++;
      return { username: `${role}.${region.slug}`, displayName: `${name}（${ROLE_TITLE[role]}）`, regionCode: region.code, roles: [role] };
    }),
  );
}

/** Adds the demo users that are missing. Returns the accounts, for the seed to print. */
export async function seedDemoUsers(db: Db): Promise<DemoUser[]> {
  const all = demoUsers();
  const existing = new Set(
    (await db.select({ username: users.username }).from(users).where(inArray(users.username, all.map((u) => u.username)))).map((u) => u.username),
  );
  const missing = all.filter((u) => !existing.has(u.username));
  if (missing.length) {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await db.insert(users).values(missing.map((u) => ({ ...u, passwordHash })));
  }
  return all;
}
