export * from './regions.js';
export * from './catalog.js';
export * from './accounts.js';
export * from './enterprises.js';
export * from './projects.js';
export * from './reports.js';
export * from './problems.js';
export * from './audit.js';
