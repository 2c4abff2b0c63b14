/** The problems module's routes in the authorisation matrix; server/test/route-matrix.ts collects every module's. */
import { randomUUID } from 'node:crypto';
import { problemCommentReports, problemSupports } from '../../db/schema/index.ts';
import {
  adminOnly,
  contributes,
  foreignComment,
  foreignProblem,
  orgOf,
  type RouteCase,
  signedIn,
} from '../../test/route-matrix-kit.ts';

export const ROUTES: RouteCase[] = [
  {
    route: 'GET /api/v1/problems/taxonomies',
    sample: async () => ({ url: '/api/v1/problems/taxonomies' }),
    expected: signedIn(200),
  },
  {
    route: 'POST /api/v1/problems/privacy-check',
    sample: async () => ({
      url: '/api/v1/problems/privacy-check',
      body: { fields: { body: 'ลูกเรือไม่มีเอกสารประจำตัว' } },
    }),
    expected: signedIn(200),
  },
  {
    route: 'GET /api/v1/problems',
    paged: true,
    sample: async () => ({ url: '/api/v1/problems?limit=5' }),
    expected: signedIn(200),
  },
  {
    route: 'GET /api/v1/problems/accountability',
    sample: async () => ({ url: '/api/v1/problems/accountability' }),
    expected: signedIn(200),
  },
  {
    route: 'GET /api/v1/problems/accountability.csv',
    sample: async () => ({ url: '/api/v1/problems/accountability.csv' }),
    expected: signedIn(200),
  },
  {
    route: 'POST /api/v1/problems',
    sample: async () => ({
      url: '/api/v1/problems',
      body: {
        type: 'problem',
        title: `ไม่มีล่ามภาษาเมียนมาในการคัดแยกผู้เสียหาย ${randomUUID().slice(0, 4)}`,
        body: 'ที่ท่าเรือระนอง การคัดแยกลูกเรือประมงต้องรอล่ามหลายวัน',
        category: 'victim_identification',
        provinces: ['TH-85'],
        sectors: ['government', 'civil_society'],
        proposedSolution: 'จัดทำบัญชีล่ามกลางที่เรียกใช้ได้ทันที',
        source: "Let's Talk TIP ครั้งที่ 3",
        anonymous: false,
      },
    }),
    expected: contributes(201),
  },
  {
    route: 'GET /api/v1/problems/deadline-settings',
    sample: async () => ({ url: '/api/v1/problems/deadline-settings' }),
    expected: signedIn(200),
  },
  {
    route: 'PUT /api/v1/problems/deadline-settings/:category',
    sample: async () => ({
      url: '/api/v1/problems/deadline-settings/shelter_protection',
      body: { firstAnswerDays: 7, updateIntervalDays: 21, escalationDays: 7 },
    }),
    expected: adminOnly(200),
  },
  {
    route: 'GET /api/v1/problems/comment-reports',
    paged: true,
    sample: async () => ({ url: '/api/v1/problems/comment-reports?limit=5' }),
    expected: adminOnly(200),
  },
  {
    route: 'GET /api/v1/problems/:id',
    sample: async ({ w }) => ({ url: `/api/v1/problems/${(await foreignProblem(w)).id}` }),
    expected: signedIn(200),
  },
  {
    route: 'GET /api/v1/problems/:id/timeline',
    sample: async ({ w }) => ({ url: `/api/v1/problems/${(await foreignProblem(w)).id}/timeline?limit=5` }),
    expected: signedIn(200),
  },
  {
    route: 'POST /api/v1/problems/:id/support',
    sample: async ({ w }) => ({
      url: `/api/v1/problems/${(await foreignProblem(w)).id}/support`,
      body: { context: 'เราพบปัญหาเดียวกันที่สมุทรสาคร' },
    }),
    expected: contributes(201),
  },
  {
    route: 'DELETE /api/v1/problems/:id/support',
    sample: async ({ w }) => {
      const problem = await foreignProblem(w, { supportCount: 1 });
      await w.t.db.insert(problemSupports).values({
        id: randomUUID(),
        problemId: problem.id,
        organisationId: w.ownOrg.id,
        userId: w.people.member.user.id,
        createdAt: w.t.clock.now(),
      });
      return { url: `/api/v1/problems/${problem.id}/support` };
    },
    expected: contributes(200),
  },
  {
    route: 'POST /api/v1/problems/:id/follow',
    sample: async ({ w }) => ({ url: `/api/v1/problems/${(await foreignProblem(w)).id}/follow` }),
    expected: signedIn(200),
  },
  {
    route: 'DELETE /api/v1/problems/:id/follow',
    sample: async ({ w }) => ({ url: `/api/v1/problems/${(await foreignProblem(w)).id}/follow` }),
    expected: signedIn(200),
  },
  {
    route: 'POST /api/v1/problems/:id/transitions',
    sample: async ({ w }) => ({
      url: `/api/v1/problems/${(await foreignProblem(w)).id}/transitions`,
      body: { to: 'under_review', reason: 'รับเรื่องไว้พิจารณา' },
    }),
    expected: adminOnly(200),
  },
  {
    route: 'POST /api/v1/problems/:id/assign',
    sample: async ({ w }) => ({
      url: `/api/v1/problems/${(await foreignProblem(w)).id}/assign`,
      body: { organisationIds: [w.otherOrg.id, w.ownOrg.id], leadOrganisationId: w.otherOrg.id },
    }),
    expected: adminOnly(200),
  },
  {
    route: 'POST /api/v1/problems/:id/answers',
    scoped: true,
    sample: async ({ w, scope }) => ({
      url: `/api/v1/problems/${(await foreignProblem(w, { assignedTo: [orgOf(w, scope).id] })).id}/answers`,
      body: { bodyTh: 'กรมฯ จะจัดล่ามประจำศูนย์ภายในเดือนนี้', bodyEn: 'Interpreters will be posted this month' },
    }),
    // Only a responsible organisation (or the Centre) answers officially.
    expected: (who, scope) =>
      who === 'anonymous' ? 401 : who === 'admin' || (scope === 'own' && who !== 'observer') ? 201 : 403,
  },
  {
    route: 'GET /api/v1/problems/:id/comments',
    sample: async ({ w }) => ({ url: `/api/v1/problems/${(await foreignProblem(w)).id}/comments?limit=5` }),
    expected: signedIn(200),
  },
  {
    route: 'POST /api/v1/problems/:id/comments',
    sample: async ({ w }) => ({
      url: `/api/v1/problems/${(await foreignProblem(w)).id}/comments`,
      body: { body: 'ที่จังหวัดตากก็พบปัญหาแบบเดียวกัน' },
    }),
    expected: contributes(201),
  },
  {
    route: 'PATCH /api/v1/problems/:id/comments/:commentId',
    scoped: true,
    sample: async ({ w, scope, person }) => {
      // "own" is the actor's own comment, "other" someone else's: only authors edit.
      const author = scope === 'own' && person ? person.user : w.bystander;
      const { problem, comment } = await foreignComment(w, author);
      return {
        url: `/api/v1/problems/${problem.id}/comments/${comment.id}`,
        body: { body: `แก้ไขถ้อยคำ ${randomUUID().slice(0, 4)}` },
      };
    },
    expected: (who, scope) => (who === 'anonymous' ? 401 : scope === 'own' && who !== 'observer' ? 200 : 403),
  },
  {
    route: 'POST /api/v1/problems/:id/comments/:commentId/hide',
    sample: async ({ w }) => {
      const { problem, comment } = await foreignComment(w, w.bystander);
      return {
        url: `/api/v1/problems/${problem.id}/comments/${comment.id}/hide`,
        body: { reason: 'มีข้อมูลส่วนบุคคลของผู้เสียหาย' },
      };
    },
    expected: adminOnly(200),
  },
  {
    route: 'POST /api/v1/problems/:id/comments/:commentId/reports/dismiss',
    sample: async ({ w }) => {
      const { problem, comment } = await foreignComment(w, w.bystander);
      await w.t.db.insert(problemCommentReports).values({
        id: randomUUID(),
        commentId: comment.id,
        problemId: problem.id,
        reporterUserId: w.people.member.user.id,
        reason: 'เข้าใจว่าเปิดเผยชื่อผู้เสียหาย',
        createdAt: w.t.clock.now(),
      });
      return {
        url: `/api/v1/problems/${problem.id}/comments/${comment.id}/reports/dismiss`,
        body: { note: 'ตรวจแล้ว ไม่มีข้อมูลระบุตัวบุคคล' },
      };
    },
    expected: adminOnly(200),
  },
  {
    route: 'POST /api/v1/problems/:id/comments/:commentId/report',
    sample: async ({ w }) => {
      const { problem, comment } = await foreignComment(w, w.bystander);
      return {
        url: `/api/v1/problems/${problem.id}/comments/${comment.id}/report`,
        body: { reason: 'เปิดเผยชื่อผู้เสียหาย' },
      };
    },
    expected: contributes(201),
  },
];
