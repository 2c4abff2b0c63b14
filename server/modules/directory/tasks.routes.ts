import { TasksQuery, TasksView } from '../../../common/directory-tasks-api.ts';
import type { Deps } from '../../platform/deps.ts';
import { type App, actorOf, errorResponses } from '../../platform/http.ts';
import { listTasks } from './tasks.ts';

export function taskRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/directory/tasks',
    {
      schema: {
        operationId: 'directory.tasks',
        tags: ['directory'],
        summary:
          "The org admin's task list: focal-point roles left vacant (hand over) and entries not reviewed for 180 days (review). Org admins: their organisation; admins: all, or `organisationId`",
        querystring: TasksQuery,
        response: { 200: TasksView, ...errorResponses },
      },
    },
    async (req) => listTasks(deps.db, actorOf(req), deps.clock.now(), req.query),
  );
}
