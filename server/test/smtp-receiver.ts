/** A real SMTP server on 127.0.0.1 that keeps every message it receives, for tests that send email. */
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type ReceivedEmail = {
  /** Envelope sender and recipients, as the client gave them. */
  envelope: { from: string; to: string[] };
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Files attached to the message (a forum confirmation's .ics and ticket.png), decoded. */
  attachments: { filename: string; contentType: string; content: Buffer }[];
  raw: string;
};

export type SmtpReceiver = {
  url: string;
  port: number;
  messages: ReceivedEmail[];
  /** Resolves with the first message (already received or still to come) matching the predicate. */
  waitFor: (predicate: (m: ReceivedEmail) => boolean, timeoutMs?: number) => Promise<ReceivedEmail>;
  close: () => Promise<void>;
};

export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const messages: ReceivedEmail[] = [];
  const waiters = new Set<() => void>();

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    disableReverseLookup: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', callback);
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then((parsed) => {
            messages.push({
              envelope: {
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                to: session.envelope.rcptTo.map((r) => r.address),
              },
              from: parsed.from?.text ?? '',
              to: addressText(parsed.to),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              attachments: parsed.attachments.map((a) => ({
                filename: a.filename ?? '',
                contentType: a.contentType,
                content: a.content,
              })),
              raw: raw.toString('utf8'),
            });
            for (const wake of waiters) wake();
            callback();
          })
          .catch(callback);
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  // A client that disconnects abruptly must not crash the test process.
  server.on('error', () => {});
  const { port } = (server as unknown as { server: { address: () => AddressInfo } }).server.address();

  function waitFor(predicate: (m: ReceivedEmail) => boolean, timeoutMs = 5_000): Promise<ReceivedEmail> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = messages.find(predicate);
        if (!found) return false;
        clearTimeout(timer);
        waiters.delete(wake);
        resolve(found);
        return true;
      };
      const wake = () => void check();
      const timer = setTimeout(() => {
        waiters.delete(wake);
        reject(
          new Error(
            `no matching email within ${timeoutMs} ms (received ${messages.length}: ${messages.map((m) => m.subject).join(' | ')})`,
          ),
        );
      }, timeoutMs);
      if (!check()) waiters.add(wake);
    });
  }

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    waitFor,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function addressText(to: unknown): string {
  if (!to) return '';
  const list = Array.isArray(to) ? to : [to];
  return list.map((a: { text?: string }) => a.text ?? '').join(', ');
}
