import { MantineProvider } from '@mantine/core';
import i18next from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { slaStatus } from '../../../common/coordination-sla.ts';
import { DEFAULT_SLA } from '../../../common/coordination-states.ts';
import { en, th } from '../../locales/all-texts.ts';
import { SlaClock } from './SlaClock.tsx';

const UNIT = '00000000-0000-4000-8000-00000000000a';
const bkk = (local: string) => new Date(`${local}+07:00`);
const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.use(initReactI18next).init({
    resources: { th: { translation: th }, en: { translation: en } },
    lng: 'th',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
});

const critical = (events: { at: string; to?: string; reason?: string }[], now: string) =>
  slaStatus({
    policyVersion: 1,
    targets: DEFAULT_SLA.critical,
    events: events.map((e, i) =>
      i === 0
        ? { kind: 'created', at: bkk(e.at), unitId: UNIT, data: { unitId: UNIT } }
        : {
            kind: 'state_changed',
            at: bkk(e.at),
            unitId: UNIT,
            data: { to: e.to, reason: e.reason ?? null },
          },
    ),
    now: bkk(now),
    holidays: new Set(),
  });

const render = (sla: ReturnType<typeof critical>, now: string, compact: boolean, lng = 'th') => {
  i18n.changeLanguage(lng);
  return renderToStaticMarkup(
    createElement(
      I18nextProvider,
      { i18n },
      createElement(MantineProvider, null, createElement(SlaClock, { sla, compact, now: bkk(now) })),
    ),
  );
};

describe('SlaClock', () => {
  it('tells the inbox in Thai how long is left to acknowledge', () => {
    const sla = critical([{ at: '2026-12-05T02:00:00' }], '2026-12-05T02:08:00');
    expect(render(sla, '2026-12-05T02:08:00', true)).toContain('ต้องตอบรับภายใน 7 นาที');
    expect(render(sla, '2026-12-05T02:08:00', true, 'en')).toContain('Acknowledge within 7 min');
  });

  it('says how late an acknowledgement is', () => {
    const sla = critical([{ at: '2026-12-05T02:00:00' }], '2026-12-05T02:27:00');
    expect(render(sla, '2026-12-05T02:27:00', true)).toContain('เกินกำหนดตอบรับ 12 นาที');
  });

  it('shows every clock on the request page, the outcome paused while waiting for information', () => {
    const sla = critical(
      [
        { at: '2026-12-05T02:00:00' },
        { at: '2026-12-05T02:05:00', to: 'acknowledged' },
        { at: '2026-12-05T02:10:00', to: 'accepted' },
        { at: '2026-12-05T02:15:00', to: 'in_progress' },
        { at: '2026-12-05T02:20:00', to: 'awaiting_info', reason: 'ท่าเรือไหน' },
      ],
      '2026-12-05T03:00:00',
    );
    const html = render(sla, '2026-12-05T03:00:00', false);
    expect(html).toContain('ตอบรับทันเวลา');
    expect(html).toContain('รับหรือปฏิเสธทันเวลา');
    expect(html).toContain('หยุดนับระหว่างรอข้อมูล');
  });
});
