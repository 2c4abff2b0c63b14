/** The directory module's routes in the authorisation matrix; server/test/route-matrix.ts collects every module's. */
import { randomUUID } from 'node:crypto';
import { buildPerson } from '../../demo/factories.ts';
import {
  adminOnly,
  organisationVersion,
  orgManaged,
  orgOf,
  type RouteCase,
  signedIn,
} from '../../test/route-matrix-kit.ts';

export const ROUTES: RouteCase[] = [
  {
    route: 'GET /api/v1/organizations',
    paged: true,
    sample: async () => ({ url: '/api/v1/organizations?limit=5' }),
    expected: signedIn(200),
  },
  {
    route: 'POST /api/v1/organizations',
    sample: async () => ({
      url: '/api/v1/organizations',
      body: {
        nameTh: `มูลนิธิใหม่ ${randomUUID().slice(0, 4)}`,
        nameEn: 'New Foundation',
        sector: 'civil_society',
        themes: ['labour_trafficking'],
        coverage: ['TH-85'],
        howToRequestHelp: 'โทรหาเรา',
      },
    }),
    expected: adminOnly(201),
  },
  {
    route: 'GET /api/v1/organizations/:id',
    sample: async ({ w }) => ({ url: `/api/v1/organizations/${w.otherOrg.id}` }),
    expected: signedIn(200),
  },
  {
    route: 'PATCH /api/v1/organizations/:id',
    scoped: true,
    sample: async ({ w, scope }) => {
      const org = orgOf(w, scope);
      return {
        url: `/api/v1/organizations/${org.id}`,
        body: { version: await organisationVersion(w, org.id), descriptionTh: `ปรับปรุง ${randomUUID()}` },
      };
    },
    expected: orgManaged(200, 403),
  },
  {
    route: 'POST /api/v1/organizations/:id/verify',
    sample: async ({ w }) => ({ url: `/api/v1/organizations/${w.otherOrg.id}/verify` }),
    expected: adminOnly(200),
  },
  {
    route: 'POST /api/v1/organizations/:id/review',
    scoped: true,
    sample: async ({ w, scope }) => ({ url: `/api/v1/organizations/${orgOf(w, scope).id}/review` }),
    expected: orgManaged(200, 403),
  },
  {
    route: 'GET /api/v1/organizations/export.csv',
    sample: async () => ({ url: '/api/v1/organizations/export.csv?sector=civil_society' }),
    expected: signedIn(200),
  },
  {
    route: 'GET /api/v1/people',
    paged: true,
    sample: async ({ w }) => ({ url: `/api/v1/people?organisationId=${w.ownOrg.id}&limit=5` }),
    expected: signedIn(200),
  },
  {
    route: 'POST /api/v1/people',
    scoped: true,
    sample: async ({ w, scope }) => ({
      url: '/api/v1/people',
      body: {
        organisationId: orgOf(w, scope).id,
        nameTh: 'สมหญิง ตัวอย่าง (ตัวอย่าง/Demo)',
        position: 'ผู้ประสานงาน',
        languages: ['th', 'my'],
        focalTopics: ['shelter'],
      },
    }),
    expected: orgManaged(201, 403),
  },
  {
    route: 'GET /api/v1/people/:id',
    sample: async ({ w }) => ({
      url: `/api/v1/people/${(await buildPerson(w.t.db, { organisationId: w.otherOrg.id })).id}`,
    }),
    expected: signedIn(200),
  },
  {
    route: 'PATCH /api/v1/people/:id',
    scoped: true,
    sample: async ({ w, scope }) => {
      const person = await buildPerson(w.t.db, { organisationId: orgOf(w, scope).id });
      return { url: `/api/v1/people/${person.id}`, body: { version: person.version, position: 'หัวหน้างาน' } };
    },
    expected: orgManaged(200, 403),
  },
  {
    route: 'POST /api/v1/people/:id/anonymise',
    scoped: true,
    sample: async ({ w, scope }) => {
      const person = await buildPerson(w.t.db, {
        organisationId: orgOf(w, scope).id,
        focalTopics: ['shelter'],
      });
      return { url: `/api/v1/people/${person.id}/anonymise` };
    },
    expected: orgManaged(200, 403),
  },
  {
    route: 'POST /api/v1/people/:id/handover',
    scoped: true,
    sample: async ({ w, scope }) => {
      const organisationId = orgOf(w, scope).id;
      const from = await buildPerson(w.t.db, { organisationId, focalTopics: ['legal_aid'] });
      const to = await buildPerson(w.t.db, { organisationId });
      return { url: `/api/v1/people/${from.id}/handover`, body: { toPersonId: to.id } };
    },
    expected: orgManaged(200, 403),
  },
  {
    route: 'GET /api/v1/people/:id/vcard',
    sample: async ({ w }) => ({
      url: `/api/v1/people/${(await buildPerson(w.t.db, { organisationId: w.otherOrg.id })).id}/vcard`,
    }),
    expected: signedIn(200),
  },
  {
    route: 'GET /api/v1/people/export.csv',
    sample: async ({ w }) => ({ url: `/api/v1/people/export.csv?organisationId=${w.ownOrg.id}` }),
    expected: signedIn(200),
  },
  {
    route: 'GET /api/v1/directory/finder',
    sample: async () => ({ url: '/api/v1/directory/finder?service=shelter&province=TH-85&language=my' }),
    expected: signedIn(200),
  },
  {
    route: 'GET /api/v1/directory/verification-queue',
    sample: async () => ({ url: '/api/v1/directory/verification-queue' }),
    expected: adminOnly(200),
  },
  {
    route: 'GET /api/v1/directory/tasks',
    scoped: true,
    sample: async ({ w, scope }) => ({ url: `/api/v1/directory/tasks?organisationId=${orgOf(w, scope).id}` }),
    expected: orgManaged(200, 403),
  },
  {
    route: 'GET /api/v1/directory/provinces/:code/contact-sheet',
    sample: async () => ({ url: '/api/v1/directory/provinces/TH-85/contact-sheet?service=shelter' }),
    expected: signedIn(200),
  },
  {
    route: 'GET /api/v1/taxonomies',
    sample: async () => ({ url: '/api/v1/taxonomies' }),
    expected: signedIn(200),
  },
];
