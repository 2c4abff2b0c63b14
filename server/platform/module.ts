/**
 * A feature module is one Fastify plugin: its routes, its jobs, its hooks. `server/modules/index.ts`
 * lists them and `buildApp` registers that list; deleting a feature deletes its folder and its line there.
 */
import type { RawServerDefault } from 'fastify';
import fp from 'fastify-plugin';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from './deps.ts';
import type { App } from './http.ts';
import { type Job, scheduleJobs } from './jobs.ts';

export type ModuleOptions = {
  deps: Deps;
  /** Background jobs run in the served app (main.ts), not in tests, which run them by hand. */
  runJobs: boolean;
};

export type ModuleDefinition = {
  name: string;
  /** Modules whose decorations or routes this one needs registered first. */
  dependencies?: string[];
  routes?: (app: App, deps: Deps) => void | Promise<void>;
  jobs?: readonly Job[];
};

export type TipnetModule = ReturnType<typeof defineModule>;

export function defineModule(definition: ModuleDefinition) {
  return fp<ModuleOptions, RawServerDefault, ZodTypeProvider>(
    async (app, { deps, runJobs }) => {
      await definition.routes?.(app, deps);
      if (runJobs) scheduleJobs(app, deps, definition.jobs ?? []);
    },
    { name: definition.name, dependencies: definition.dependencies ?? [], fastify: '5.x' },
  );
}
