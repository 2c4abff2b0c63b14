import { z } from 'zod';
import { Id, Page, UpdateUserBody, UserListQuery, UserView } from '../../../common/api.ts';
import type { Deps } from '../../platform/deps.ts';
import { type App, errorResponses, requestContext } from '../../platform/http.ts';
import * as usersService from './users.service.ts';

const tags = ['users'];

export function userRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/users',
    {
      schema: {
        operationId: 'users.list',
        tags,
        summary: 'People with accounts (admins: all; organisation admins: their own)',
        querystring: UserListQuery,
        response: { 200: Page(UserView), ...errorResponses },
      },
    },
    async (req) => usersService.listUsers(deps, requestContext(deps, req), req.query),
  );
  app.patch(
    '/api/v1/users/:id',
    {
      schema: {
        operationId: 'users.update',
        tags,
        summary: "Change a user's role or deactivate them",
        params: z.object({ id: Id }),
        body: UpdateUserBody,
        response: { 200: UserView, ...errorResponses },
      },
    },
    async (req) => usersService.updateUser(deps, requestContext(deps, req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/users/:id/anonymise',
    {
      schema: {
        operationId: 'users.anonymise',
        tags,
        summary: 'Deactivate and anonymise someone who left (admins; PDPA). Cannot be undone',
        params: z.object({ id: Id }),
        response: { 200: UserView, ...errorResponses },
      },
    },
    async (req) => usersService.anonymiseUser(deps, requestContext(deps, req), req.params.id),
  );
}
