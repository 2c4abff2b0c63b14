import { and, asc, eq, gt, or } from 'drizzle-orm';
import { OrganisationSummary, Page, PageQuery } from '../../../common/api.ts';
import { organisations } from '../../db/schema/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { type App, errorResponses, requestContext } from '../../platform/http.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { authorize } from '../../platform/policy.ts';
import { presentOrganisation } from './organisations.presenter.ts';

export function organisationRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/organizations',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Organisations of the network, by English name',
        querystring: PageQuery,
        response: { 200: Page(OrganisationSummary), ...errorResponses },
      },
    },
    async (req) => {
      authorize(requestContext(deps, req).actor, 'organisation.list', undefined);
      const after = decodeCursor(req.query.cursor);
      const rows = await deps.db
        .select()
        .from(organisations)
        .where(
          after
            ? or(
                gt(organisations.nameEn, after.k),
                and(eq(organisations.nameEn, after.k), gt(organisations.id, after.id)),
              )
            : undefined,
        )
        .orderBy(asc(organisations.nameEn), asc(organisations.id))
        .limit(req.query.limit + 1);
      return toPage(rows, req.query.limit, (o) => ({ k: o.nameEn, id: o.id }), presentOrganisation);
    },
  );
}
