import { MantineProvider } from '@mantine/core';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { SafeMarkdown } from './Markdown.tsx';

const ORG = '3f6c2a8e-1b2d-4c5e-8f90-0a1b2c3d4e5f';
const render = (text: string, mentions: Parameters<typeof SafeMarkdown>[0]['mentions'] = []) =>
  renderToStaticMarkup(
    createElement(
      MemoryRouter,
      null,
      createElement(MantineProvider, null, SafeMarkdown({ mentions, children: text })),
    ),
  );

describe('SafeMarkdown', () => {
  it('renders the safe subset: emphasis, lists, http links', () => {
    const html = render('**หลายวัน** and *soon*\n\n- one\n- two\n\n[site](https://example.org)');
    expect(html).toContain('<strong>หลายวัน</strong>');
    expect(html).toContain('<em>soon</em>');
    expect(html).toContain('<li>one</li>');
    expect(html).toMatch(/<a [^>]*href="https:\/\/example.org"[^>]*rel="noopener noreferrer nofollow"/);
  });

  it.each([
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<svg onload=alert(1)></svg>',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<a href="javascript:alert(1)">x</a>',
    '[x](javascript:alert(1))',
    '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '![x](https://evil.example/x.png" onerror="alert(1))',
    '"><img src=x onerror=alert(1)>',
  ])('leaves %s inert', (payload) => {
    const html = render(`ข้อความ ${payload} ต่อ`);
    expect(html).not.toMatch(/<(script|img|svg|iframe)\b/i);
    // Attributes only: the escaped text may still read `onerror=`.
    expect(html).not.toMatch(/<[^>]*\son\w+=/i);
    expect(html).not.toMatch(/href="(javascript|data):/i);
    expect(html).toContain('ข้อความ');
  });

  it('shows a kept mention with the name from the server, and an ignored one as plain text', () => {
    const kept = render(`@[<img src=x onerror=alert(1)>](org:${ORG}) ดูด้วย`, [
      { type: 'organisation', id: ORG, name: 'กรมประมง' },
    ]);
    expect(kept).toContain('@กรมประมง');
    expect(kept).toContain(`href="/organisations/${ORG}"`);
    expect(kept).not.toMatch(/<img|<[^>]*\sonerror=/i);
    const ignored = render(`@[ใครสักคน](user:${ORG})`);
    expect(ignored).toContain('@ใครสักคน');
    expect(ignored).not.toContain('<a');
  });
});
