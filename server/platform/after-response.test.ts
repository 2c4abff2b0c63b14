import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerAfterResponse, runAfterResponse } from './after-response.ts';

async function appWith(logged: string[]) {
  const app = Fastify({ logger: { level: 'error', stream: { write: (line: string) => logged.push(line) } } });
  registerAfterResponse(app);
  return app;
}

describe('work after the response', () => {
  it('runs once the answer is out, only after a success, and logs its failure', async () => {
    const logged: string[] = [];
    const app = await appWith(logged);
    const ran: string[] = [];
    app.post('/ok', async (req) => {
      runAfterResponse(req, async () => void ran.push('ok'));
      runAfterResponse(req, async () => {
        throw new Error('smtp down');
      });
      return { ok: true };
    });
    app.post('/refused', async (req, reply) => {
      runAfterResponse(req, async () => void ran.push('refused'));
      return reply.status(400).send({ error: 'no' });
    });

    const ok = await app.inject({ method: 'POST', url: '/ok' });
    expect(ok.statusCode).toBe(200);
    expect(ran).toEqual([]); // answered first
    await app.inject({ method: 'POST', url: '/refused' });
    await app.afterResponseSettled();
    expect(ran).toEqual(['ok']);
    expect(logged.join('\n')).toContain('smtp down');
    await app.close();
  });
});
