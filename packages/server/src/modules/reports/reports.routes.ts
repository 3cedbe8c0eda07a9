import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { chinaDate, chinaPeriod, isReportLate, normalizeYuan, reportDeadline, type ReportStatus } from '@guatu/core';
import { errorResponses, idParam } from '../../http/schemas.js';
import { actorOf } from '../../http/session.js';
import { notFound } from '../../http/errors.js';
import { createReport } from './create-report.js';
import { saveReport } from './save-report.js';
import { actOnReport, type WorkflowAction } from './review-report.js';
import { bulkApprove } from './bulk-approve.js';
import { presentReport } from './present-report.js';
import { carryOver, findReport, listReportEvents, listReports, listWorklist } from './reports.repository.js';
import { REPORT_DUE_DAY } from './present-report.js';
import {
  bulkApproveBody,
  createReportBody,
  listReportsQuery,
  reportBody,
  reportDetailBody,
  reportEventBody,
  reviewBody,
  updateReportBody,
  worklistBody,
  worklistQuery,
} from './reports.schemas.js';

const WORKFLOW: { action: WorkflowAction; summary: string }[] = [
  { action: 'submit', summary: 'Submit a draft or returned report for review (reporter)' },
  { action: 'approve', summary: 'Approve a submitted report (prefecture reviewer)' },
  { action: 'return', summary: 'Return a submitted report with a comment (prefecture reviewer)' },
  { action: 'reopen', summary: 'Reopen an approved report, with the reason (prefecture reviewer)' },
];

export async function reportRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const database = app.database;

  r.get(
    '/reports',
    {
      schema: {
        tags: ['monthly reports'],
        summary: 'Monthly reports in the user’s region: by month, status, project or region',
        querystring: listReportsQuery,
        response: { 200: z.object({ items: z.array(reportBody), total: z.number() }), ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { items, total } = await listReports(database.db, actor, request.query);
      return { items: items.map((row) => presentReport(actor, row)), total };
    },
  );

  r.get(
    '/reports/worklist',
    {
      schema: {
        tags: ['monthly reports'],
        summary: 'The month’s worklist: each project that must report, its report status, the deadline and what is late',
        querystring: worklistQuery,
        response: { 200: worklistBody, ...errorResponses },
      },
    },
    async (request) => {
      const period = request.query.period ?? chinaPeriod();
      const today = chinaDate();
      const { items, total } = await listWorklist(database.db, actorOf(request), { ...request.query, period });
      return {
        period,
        deadline: reportDeadline(period, REPORT_DUE_DAY),
        total,
        items: items.map((row) => {
          const status = (row.reportStatus ?? null) as ReportStatus | null;
          const late = isReportLate(period, status, today, REPORT_DUE_DAY);
          return {
            projectId: row.projectId,
            projectCode: row.projectCode,
            projectName: row.projectName,
            regionCode: row.regionCode,
            regionName: row.regionName,
            stage: row.stage,
            report: row.reportId ? { id: row.reportId, status: status!, version: row.reportVersion!, completedInvestment: normalizeYuan(row.completedInvestment)!, late } : null,
            deadline: reportDeadline(period, REPORT_DUE_DAY),
            late,
          };
        }),
      };
    },
  );

  r.post(
    '/projects/:id/reports',
    {
      schema: {
        tags: ['monthly reports'],
        summary: 'Start the report of a month for a project, as a draft',
        params: idParam,
        body: createReportBody,
        response: { 201: reportBody, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await createReport(database, actorOf(request), request.params.id, request.body)),
  );

  r.get(
    '/reports/:id',
    {
      schema: {
        tags: ['monthly reports'],
        summary: 'One report, with the cumulative figures carried over from approved months',
        params: idParam,
        response: { 200: reportDetailBody, ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await findReport(database.db, actor, request.params.id);
      if (!row) throw notFound('report');
      const before = await carryOver(database.db, row.report.projectId, row.report.period);
      return {
        ...presentReport(actor, row),
        carryOver: {
          yearToDateBefore: normalizeYuan(before.yearToDate)!,
          sinceStartBefore: normalizeYuan(before.sinceStart)!,
          plannedThisYear: normalizeYuan(before.plannedThisYear),
        },
      };
    },
  );

  r.patch(
    '/reports/:id',
    {
      schema: {
        tags: ['monthly reports'],
        summary: 'Save figures on a draft or returned report; send the version you read',
        params: idParam,
        body: updateReportBody,
        response: { 200: reportBody, ...errorResponses },
      },
    },
    async (request) => saveReport(database, actorOf(request), request.params.id, request.body),
  );

  for (const { action, summary } of WORKFLOW) {
    r.post(
      `/reports/:id/${action}`,
      { schema: { tags: ['monthly reports'], summary, params: idParam, body: reviewBody.nullish(), response: { 200: reportBody, ...errorResponses } } },
      async (request) => actOnReport(database, actorOf(request), request.params.id, action, request.body ?? {}),
    );
  }

  r.post(
    '/reports/bulk-approve',
    {
      schema: {
        tags: ['monthly reports'],
        summary: 'Approve many submitted reports at once: all or nothing',
        body: bulkApproveBody,
        response: { 200: z.object({ approved: z.number() }), ...errorResponses },
      },
    },
    async (request) => bulkApprove(database, actorOf(request), request.body.ids, request.body.comment),
  );

  r.get(
    '/reports/:id/events',
    {
      schema: {
        tags: ['monthly reports'],
        summary: 'The review history of a report',
        params: idParam,
        response: { 200: z.object({ items: z.array(reportEventBody) }), ...errorResponses },
      },
    },
    async (request) => {
      const row = await findReport(database.db, actorOf(request), request.params.id);
      if (!row) throw notFound('report');
      const items = await listReportEvents(database.db, row.report.id);
      return { items: items.map((e) => ({ ...e, at: e.at.toISOString() })) };
    },
  );
}
