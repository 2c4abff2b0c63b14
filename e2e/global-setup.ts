import type { TestProject } from 'vitest/node';
import { assertChromium } from './browser.ts';
import { startServer } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** One server for the whole browser suite; each spec signs in with its own browser context. */
export default async function setup(project: TestProject) {
  assertChromium();
  const server = await startServer();
  project.provide('baseUrl', server.baseUrl);
  return () => server.stop();
}
