import { z } from 'zod';
import { ErrorBody, Id, PageQuery } from '../../../common/api.ts';
import { checkPrivacy } from '../../../common/privacy-check.ts';
import {
  AnswerView,
  AssignBody,
  CommentListQuery,
  CommentPage,
  CommentReportListQuery,
  CommentReportPage,
  CommentReportView,
  CommentView,
  CreateAnswerBody,
  CreateCommentBody,
  CreateProblemBody,
  DeadlineCategoryParams,
  DeadlineSettingsBody,
  DeadlineSettingsView,
  DismissCommentReportsBody,
  DismissCommentReportsView,
  FollowView,
  HideCommentBody,
  PrivacyCheckBody,
  PrivacyCheckView,
  ProblemDetail,
  ProblemListPage,
  ProblemListQuery,
  ProblemsTaxonomiesView,
  ReportCommentBody,
  SupportBody,
  SupportCountView,
  SupportResult,
  TimelinePage,
  TransitionBody,
  UpdateCommentBody,
} from '../../../common/problems-api.ts';
import { PROBLEMS_TAXONOMIES } from '../../../common/problems-taxonomy.ts';
import { sendSerialisedOnce } from '../../platform/cache/serialised-once.ts';
import type { Deps } from '../../platform/deps.ts';
import { type App, actorOf, cacheOptionsOf, errorResponses, requestContext } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import * as comments from './comments.service.ts';
import { listDeadlineSettings, setDeadlineSettings } from './deadline-settings.ts';
import * as cached from './problems.cache.ts';
import * as service from './problems.service.ts';

const tags = ['problems'];
const params = z.object({ id: Id });
const commentParams = z.object({ id: Id, commentId: Id });
/** Writes of free text may answer 422 PRIVACY_WARNING (details: findings, privacyCheckId). */
const writeErrors = { ...errorResponses, 422: ErrorBody };

export function problemRoutes(app: App, deps: Deps) {
  const ctx = (req: Parameters<typeof actorOf>[0]) => ({ ...requestContext(deps, req), actor: actorOf(req) });

  app.get(
    '/api/v1/problems/taxonomies',
    {
      schema: {
        operationId: 'problems.taxonomies',
        tags,
        summary: 'Problem types, categories, states and privacy finding kinds, in Thai and English',
        response: { 200: ProblemsTaxonomiesView, ...errorResponses },
      },
    },
    async (req) => {
      authorize(actorOf(req), 'problem.read', undefined);
      return PROBLEMS_TAXONOMIES;
    },
  );
  app.post(
    '/api/v1/problems/privacy-check',
    {
      schema: {
        operationId: 'problems.privacyCheck',
        tags,
        summary: 'Check texts for what looks like personal data (Thai ID, passport, phone) before submitting',
        body: PrivacyCheckBody,
        response: { 200: PrivacyCheckView, ...errorResponses },
      },
    },
    async (req) => {
      authorize(actorOf(req), 'problem.read', undefined);
      return { findings: checkPrivacy(req.body.fields) };
    },
  );
  app.get(
    '/api/v1/problems/deadline-settings',
    {
      schema: {
        operationId: 'problems.getDeadlineSettings',
        tags,
        summary:
          'Days to the first official answer, between progress updates and to escalation, per category',
        response: { 200: DeadlineSettingsView, ...errorResponses },
      },
    },
    async (req) => listDeadlineSettings(deps.db, actorOf(req)),
  );
  app.put(
    '/api/v1/problems/deadline-settings/:category',
    {
      schema: {
        operationId: 'problems.setDeadlineSetting',
        tags,
        summary: "Set a category's deadlines (the Centre); applies to assignments made from now on",
        params: DeadlineCategoryParams,
        body: DeadlineSettingsBody,
        response: { 200: DeadlineSettingsView, ...errorResponses },
      },
    },
    async (req) => setDeadlineSettings(deps.db, ctx(req), req.params.category, req.body),
  );
  app.get(
    '/api/v1/problems/comment-reports',
    {
      schema: {
        operationId: 'problems.listCommentReports',
        tags,
        summary: "Comments members reported to the Centre, newest first (the Centre's moderation queue)",
        querystring: CommentReportListQuery,
        response: { 200: CommentReportPage, ...errorResponses },
      },
    },
    async (req) => comments.listCommentReports(deps.db, actorOf(req), req.query),
  );
  app.get(
    '/api/v1/problems',
    {
      schema: {
        operationId: 'problems.list',
        tags,
        summary:
          'The board: filters, views (mine, assigned to my organisation, the Centre triage queue), sorts and Thai search. Served from a cache checked against the database on every request; `Cache-Control: no-cache` recomputes, a few times a minute per user (also for a problem, its timeline and comments)',
        querystring: ProblemListQuery,
        response: { 200: ProblemListPage, ...errorResponses },
      },
    },
    async (req, reply) =>
      sendSerialisedOnce(
        reply,
        ProblemListPage,
        await cached.listProblemsCached(
          deps.db,
          actorOf(req),
          deps.clock.now(),
          req.query,
          cacheOptionsOf(deps, req),
        ),
      ),
  );
  app.post(
    '/api/v1/problems',
    {
      schema: {
        operationId: 'problems.create',
        tags,
        summary: 'Raise a problem or recommendation on behalf of your organisation (optionally anonymous)',
        body: CreateProblemBody,
        response: { 201: ProblemDetail, ...writeErrors },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createProblem(deps.db, ctx(req), req.body)),
  );
  app.get(
    '/api/v1/problems/:id',
    {
      schema: {
        operationId: 'problems.get',
        tags,
        summary: 'One problem with answers, supporters and what the viewer may do',
        params,
        response: { 200: ProblemDetail, ...errorResponses },
      },
    },
    async (req, reply) =>
      sendSerialisedOnce(
        reply,
        ProblemDetail,
        await cached.getProblemDetailCached(
          deps.db,
          actorOf(req),
          deps.clock.now(),
          req.params.id,
          cacheOptionsOf(deps, req),
        ),
      ),
  );
  app.get(
    '/api/v1/problems/:id/timeline',
    {
      schema: {
        operationId: 'problems.timeline',
        tags,
        summary: 'Everything that happened to the problem, oldest first',
        params,
        querystring: PageQuery,
        response: { 200: TimelinePage, ...errorResponses },
      },
    },
    async (req, reply) =>
      sendSerialisedOnce(
        reply,
        TimelinePage,
        await cached.getTimelineCached(
          deps.db,
          actorOf(req),
          req.params.id,
          req.query,
          cacheOptionsOf(deps, req),
        ),
      ),
  );
  app.post(
    '/api/v1/problems/:id/support',
    {
      schema: {
        operationId: 'problems.support',
        tags,
        summary: '"We face this too": once per organisation; again answers 200 with the same support',
        params,
        body: SupportBody,
        response: { 200: SupportResult, 201: SupportResult, ...writeErrors },
      },
    },
    async (req, reply) => {
      const { created, ...result } = await service.support(deps.db, ctx(req), req.params.id, req.body);
      return reply.status(created ? 201 : 200).send(result);
    },
  );
  app.delete(
    '/api/v1/problems/:id/support',
    {
      schema: {
        operationId: 'problems.withdrawSupport',
        tags,
        summary: "Withdraw your organisation's support",
        params,
        response: { 200: SupportCountView, ...errorResponses },
      },
    },
    async (req) => service.withdrawSupport(deps.db, ctx(req), req.params.id),
  );
  app.post(
    '/api/v1/problems/:id/follow',
    {
      schema: {
        operationId: 'problems.follow',
        tags,
        summary: 'Follow the problem (notifications of its changes)',
        params,
        response: { 200: FollowView, ...errorResponses },
      },
    },
    async (req) => service.setFollowing(deps.db, ctx(req), req.params.id, true),
  );
  app.delete(
    '/api/v1/problems/:id/follow',
    {
      schema: {
        operationId: 'problems.unfollow',
        tags,
        summary: 'Stop following the problem',
        params,
        response: { 200: FollowView, ...errorResponses },
      },
    },
    async (req) => service.setFollowing(deps.db, ctx(req), req.params.id, false),
  );
  app.post(
    '/api/v1/problems/:id/transitions',
    {
      schema: {
        operationId: 'problems.transition',
        tags,
        summary: 'Move the problem to another state; 409 INVALID_TRANSITION names the allowed ones',
        params,
        body: TransitionBody,
        response: { 200: ProblemDetail, ...errorResponses },
      },
    },
    async (req) => service.transition(deps.db, ctx(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/problems/:id/assign',
    {
      schema: {
        operationId: 'problems.assign',
        tags,
        summary:
          'Assign responsible organisations, one of them lead (the Centre); starts the first-answer deadline',
        params,
        body: AssignBody,
        response: { 200: ProblemDetail, ...errorResponses },
      },
    },
    async (req) => service.assign(deps.db, ctx(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/problems/:id/answers',
    {
      schema: {
        operationId: 'problems.answer',
        tags,
        summary:
          'Post an official answer (an assigned organisation or the Centre); Thai required, English optional',
        params,
        body: CreateAnswerBody,
        response: { 201: AnswerView, ...writeErrors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.answer(deps.db, ctx(req), req.params.id, req.body)),
  );
  app.get(
    '/api/v1/problems/:id/comments',
    {
      schema: {
        operationId: 'problems.listComments',
        tags,
        summary: 'Comments oldest first, replies inline (parentId)',
        params,
        querystring: CommentListQuery,
        response: { 200: CommentPage, ...errorResponses },
      },
    },
    async (req, reply) =>
      sendSerialisedOnce(
        reply,
        CommentPage,
        await cached.listCommentsCached(
          deps.db,
          actorOf(req),
          deps.clock.now(),
          req.params.id,
          req.query,
          cacheOptionsOf(deps, req),
        ),
      ),
  );
  app.post(
    '/api/v1/problems/:id/comments',
    {
      schema: {
        operationId: 'problems.comment',
        tags,
        summary:
          'Comment or reply; @[name](user:<id>) and @[name](org:<id>) mention people and organisations',
        params,
        body: CreateCommentBody,
        response: { 201: CommentView, ...writeErrors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await comments.createComment(deps.db, ctx(req), req.params.id, req.body)),
  );
  app.patch(
    '/api/v1/problems/:id/comments/:commentId',
    {
      schema: {
        operationId: 'problems.editComment',
        tags,
        summary: 'Edit your comment within 15 minutes of posting (409 EDIT_WINDOW_CLOSED after)',
        params: commentParams,
        body: UpdateCommentBody,
        response: { 200: CommentView, ...writeErrors },
      },
    },
    async (req) => comments.editComment(deps.db, ctx(req), req.params.id, req.params.commentId, req.body),
  );
  app.post(
    '/api/v1/problems/:id/comments/:commentId/hide',
    {
      schema: {
        operationId: 'problems.hideComment',
        tags,
        summary: 'Hide a comment, with the reason shown in its place (the Centre)',
        params: commentParams,
        body: HideCommentBody,
        response: { 200: CommentView, ...errorResponses },
      },
    },
    async (req) => comments.hideComment(deps.db, ctx(req), req.params.id, req.params.commentId, req.body),
  );
  app.post(
    '/api/v1/problems/:id/comments/:commentId/reports/dismiss',
    {
      schema: {
        operationId: 'problems.dismissCommentReports',
        tags,
        summary:
          "Dismiss a comment's open reports as unfounded (the Centre); the comment stays. None open: 200 with dismissed 0",
        params: commentParams,
        body: DismissCommentReportsBody,
        response: { 200: DismissCommentReportsView, ...errorResponses },
      },
    },
    async (req) =>
      comments.dismissCommentReports(deps.db, ctx(req), req.params.id, req.params.commentId, req.body),
  );
  app.post(
    '/api/v1/problems/:id/comments/:commentId/report',
    {
      schema: {
        operationId: 'problems.reportComment',
        tags,
        summary: 'Report a comment to the Centre; once per member (again answers 200)',
        params: commentParams,
        body: ReportCommentBody,
        response: { 200: CommentReportView, 201: CommentReportView, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { created, report } = await comments.reportComment(
        deps.db,
        ctx(req),
        req.params.id,
        req.params.commentId,
        req.body,
      );
      return reply.status(created ? 201 : 200).send(report);
    },
  );
}
