/**
 * HTML → A4 PDF in headless Chromium, in a small pool: at most `concurrency` renders at once, at most
 * `queueLimit` waiting (more answer 503 at once), each bounded by `timeoutMs`. JavaScript is off and every
 * network request is refused, so the page prints exactly what the server wrote. Chromium is optional:
 * without it the rest of TIPNet works and `available()` says why the PDF does not.
 */
import { existsSync } from 'node:fs';
import { AppError } from '../../../platform/errors.ts';

export type PdfRendererOptions = {
  chromiumPath: string;
  concurrency?: number;
  queueLimit?: number;
  timeoutMs?: number;
};

export const pdfUnavailable = () =>
  new AppError(
    503,
    'PDF_UNAVAILABLE',
    'The PDF needs Chromium on the server: install Debian’s chromium package or set CHROMIUM_PATH',
  );

export function createPdfRenderer(options: PdfRendererOptions) {
  const concurrency = options.concurrency ?? 2;
  const queueLimit = options.queueLimit ?? 8;
  const timeoutMs = options.timeoutMs ?? 30_000;
  let running = 0;
  const waiting: (() => void)[] = [];

  const available = () => existsSync(options.chromiumPath);

  async function slot() {
    if (running < concurrency) {
      running++;
      return;
    }
    if (waiting.length >= queueLimit)
      throw new AppError(503, 'PDF_BUSY', 'Too many PDFs are being made; try again in a minute');
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  function release() {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }

  async function renderNow(html: string): Promise<Buffer> {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: options.chromiumPath,
      args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
    });
    const timer = setTimeout(() => void browser.close().catch(() => {}), timeoutMs);
    try {
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      await context.route('**/*', (route) => route.abort());
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load', timeout: timeoutMs });
      return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    } catch (error) {
      throw new AppError(503, 'PDF_FAILED', 'The PDF could not be made in time; try again', {
        reason: (error as Error).message.slice(0, 200),
      });
    } finally {
      clearTimeout(timer);
      await browser.close().catch(() => {});
    }
  }

  return {
    available,
    /** What /readyz and the PDF button say. */
    status: () =>
      available()
        ? { pdf: 'ok' as const }
        : { pdf: 'chromium missing' as const, chromiumPath: options.chromiumPath },
    async render(html: string): Promise<Buffer> {
      if (!available()) throw pdfUnavailable();
      await slot();
      try {
        return await renderNow(html);
      } finally {
        release();
      }
    },
    /** For tests and metrics. */
    load: () => ({ running, waiting: waiting.length }),
  };
}
export type PdfRenderer = ReturnType<typeof createPdfRenderer>;

const renderers = new Map<string, PdfRenderer>();
/** One pool per Chromium per process: the routes render through it and /readyz reads its queue. */
export function pdfRendererFor(chromiumPath: string): PdfRenderer {
  let renderer = renderers.get(chromiumPath);
  if (!renderer) {
    renderer = createPdfRenderer({ chromiumPath });
    renderers.set(chromiumPath, renderer);
  }
  return renderer;
}
