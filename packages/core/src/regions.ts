/**
 * Regions are GB/T 2260 divisions plus development zones attached to a prefecture. A region's
 * path lists its ancestors' codes from the province down, so "is X inside Y" is a prefix test.
 */
export const REGION_LEVELS = ['province', 'prefecture', 'county', 'zone'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export interface RegionNode {
  code: string;
  parentCode: string | null;
  level: RegionLevel;
  name: string;
}

export function regionPath(codes: readonly string[]): string {
  return codes.join('/') + '/';
}

export function isInside(path: string, ancestorPath: string): boolean {
  return path.startsWith(ancestorPath);
}

/** 市直 projects are those whose responsible region is the prefecture itself. */
export function isManagedByPrefecture(level: RegionLevel): boolean {
  return level === 'prefecture';
}
