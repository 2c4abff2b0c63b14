import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';
import { buildAgendaItem, buildCheckin, buildForumEvent, buildSeries } from './forum-minutes.factories.ts';

let t: TestApp;
let centre: { cookie: string };
beforeAll(async () => {
  t = await buildTestApp();
  centre = await t.signedIn({ role: 'admin' });
});
afterAll(() => t.close());

const send = (method: 'GET' | 'PUT' | 'POST', url: string, body?: unknown) =>
  t.request(method, url, { cookie: centre.cookie, body });

/** Each test runs in a series of its own, so other tests' events are never "earlier" ones. */
let seriesId: string;
beforeEach(async () => {
  seriesId = await buildSeries(t.db);
});
const at = (offsetDays: number) => new Date(Date.UTC(2030, 0, 1 + offsetDays, 2));
const event = (startsAt: Date, state?: 'draft' | 'completed') =>
  buildForumEvent(t.db, { startsAt, seriesId, state });

/** Finalised minutes of `eventId` with the given topics' outcome and actions (owner: `ownerId`). */
async function finalise(
  eventId: string,
  items: { agendaItemId: string; discussed: boolean }[],
  actions: { titleTh: string; ownerOrganisationId: string }[],
) {
  const url = `/api/v1/forums/events/${eventId}/minutes`;
  const saved = await send('PUT', url, { revision: 0, items, decisions: [], actions });
  expect(saved.status).toBe(200);
  await send('POST', `${url}/finalise`, { revision: 1 });
  return saved.body.actions as { id: string; titleTh: string }[];
}

const carryOver = (eventId: string) => send('POST', `/api/v1/forums/events/${eventId}/agenda/carry-over`);

describe('carry-over into the next draft agenda', () => {
  it('carries open actions of every earlier event, recurring topics and topics not discussed — once', async () => {
    const fisheries = await t.buildOrganisation({
      nameTh: 'กรมประมง',
      nameEn: 'Department of Fisheries',
      sector: 'government',
    });
    const first = await event(at(0));
    await buildCheckin(t.db, first.id, { organisationId: fisheries.id });
    const [oldOpen] = await finalise(
      first.id,
      [],
      [{ titleTh: 'ทบทวนแบบฟอร์ม PIPO', ownerOrganisationId: fisheries.id }],
    );

    const previous = await event(at(30));
    const recurring = await buildAgendaItem(t.db, previous.id, {
      titleTh: 'รายงานสถานการณ์',
      recurring: true,
    });
    const skipped = await buildAgendaItem(t.db, previous.id, { titleTh: 'ล่ามภาษาเขมร' });
    const discussed = await buildAgendaItem(t.db, previous.id, { titleTh: 'การส่งต่อผู้เสียหาย' });
    await finalise(
      previous.id,
      [
        { agendaItemId: skipped, discussed: false },
        { agendaItemId: discussed, discussed: true },
        { agendaItemId: recurring, discussed: true },
      ],
      [
        { titleTh: 'จัดทำบัญชีล่าม', ownerOrganisationId: fisheries.id },
        { titleTh: 'งานที่ยกเลิก', ownerOrganisationId: fisheries.id },
        { titleTh: 'งานที่เสร็จแล้ว', ownerOrganisationId: fisheries.id },
      ],
    );
    const actionsOf = (await send('GET', `/api/v1/forums/actions?filter=all&organisationId=${fisheries.id}`))
      .body.items as { id: string; titleTh: string }[];
    const byTitle = (title: string) => actionsOf.find((a) => a.titleTh === title)!.id;
    await send('POST', `/api/v1/forums/actions/${byTitle('งานที่ยกเลิก')}/status`, {
      status: 'dropped',
      note: 'ยกเลิก',
    });
    await send('POST', `/api/v1/forums/actions/${byTitle('งานที่เสร็จแล้ว')}/status`, {
      status: 'done',
      note: 'เสร็จแล้ว',
    });
    const open = byTitle('จัดทำบัญชีล่าม');
    await send('POST', `/api/v1/forums/actions/${open}/status`, { status: 'in_progress', note: 'เริ่มแล้ว' });

    const next = await event(at(60), 'draft');
    await buildAgendaItem(t.db, next.id, { titleTh: 'เปิดประชุม', position: 0 });
    const carried = await carryOver(next.id);
    expect(carried.status).toBe(200);
    expect(carried.body.added).toBe(4);
    const rows = carried.body.items.map((i: any) => [
      i.origin,
      i.titleTh,
      i.carriedFromItemId,
      i.action?.id ?? null,
    ]);
    expect(rows).toEqual([
      ['recurring', 'รายงานสถานการณ์', recurring, null],
      ['not_discussed', 'ล่ามภาษาเขมร', skipped, null],
      ['open_action', 'ติดตามผล: ทบทวนแบบฟอร์ม PIPO — กรมประมง', null, oldOpen!.id],
      ['open_action', 'ติดตามผล: จัดทำบัญชีล่าม — กรมประมง', null, open],
    ]);
    expect(carried.body.items[0].recurring).toBe(true);
    expect(carried.body.items.map((i: any) => i.position)).toEqual([1, 2, 3, 4]);
    const followUp = carried.body.items[3].action;
    expect(followUp.status).toBe('in_progress');
    expect(followUp.history.map((h: any) => h.note)).toEqual([null, 'เริ่มแล้ว']);
    expect(carried.body.items[2].titleEn).toBe('Follow-up: ทบทวนแบบฟอร์ม PIPO — Department of Fisheries');

    const again = await carryOver(next.id);
    expect(again.body.added).toBe(0);
    expect(again.body.items).toHaveLength(4);
  });

  it('adds nothing twice when two carry-overs run at the same moment', async () => {
    const org = await t.buildOrganisation({ sector: 'government' });
    const previous = await event(at(0));
    await finalise(previous.id, [], [{ titleTh: 'งานค้าง', ownerOrganisationId: org.id }]);
    const next = await event(at(30), 'draft');
    const [a, b] = await Promise.all([carryOver(next.id), carryOver(next.id)]);
    expect([a.body.added, b.body.added].sort()).toEqual([0, 1]);
    expect((await send('GET', `/api/v1/forums/events/${next.id}/agenda/carry-over`)).body.items).toHaveLength(
      1,
    );
  });

  it('leaves out other series, later events, unfinalised actions, and closed events refuse it', async () => {
    const org = await t.buildOrganisation({ sector: 'government' });
    const otherSeries = await buildForumEvent(t.db, { startsAt: at(0), seriesId: await buildSeries(t.db) });
    await finalise(otherSeries.id, [], [{ titleTh: 'งานของเวทีอื่น', ownerOrganisationId: org.id }]);
    const draftOnly = await event(at(5));
    const url = `/api/v1/forums/events/${draftOnly.id}/minutes`;
    await send('PUT', url, {
      revision: 0,
      items: [],
      decisions: [],
      actions: [{ titleTh: 'ยังไม่รับรอง', ownerOrganisationId: org.id }],
    });
    const later = await event(at(90));
    await finalise(later.id, [], [{ titleTh: 'งานของเวทีภายหลัง', ownerOrganisationId: org.id }]);

    const next = await event(at(30), 'draft');
    const carried = await carryOver(next.id);
    expect(carried.body.items.map((i: any) => i.titleTh)).toEqual([]);

    const closed = await event(at(40), 'completed');
    const refused = await carryOver(closed.id);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('EVENT_CLOSED');
  });
});
