import { Button, MultiSelect, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PROVINCES } from '../../../../common/directory-taxonomies.ts';
import { EVENT_FORMATS, REGISTRATION_MODES } from '../../../../common/forum-states.ts';
import { DraftRestoredNote } from '../../../components/DraftRestoredNote.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { LimitedTextarea } from '../../../components/LimitedText.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryPage } from '../../../components/QueryPage.tsx';
import { useDraft } from '../../../lib/drafts.ts';
import { sendWithFeedback } from '../../../lib/feedback.ts';
import { useLanguage } from '../../../lib/i18n.ts';
import { organisationOptions, useAllOrganisations } from '../../../lib/organisations.ts';
import {
  type CreateEventBody,
  type EventView,
  useCreateEvent,
  useEvent,
  useUpdateEvent,
} from '../api/forums.ts';
import { fromBangkokInput, toBangkokInput } from './shared.tsx';

type Form = {
  titleTh: string;
  titleEn: string;
  format: CreateEventBody['format'];
  provinceCode: string;
  venueTh: string;
  venueEn: string;
  address: string;
  mapUrl: string;
  onlineUrl: string;
  startsAt: string;
  endsAt: string;
  chairTh: string;
  chairEn: string;
  objectivesTh: string;
  objectivesEn: string;
  hostOrganisationIds: string[];
  capacity: number | string;
  reservedForHosts: number | string;
  perOrganisationCap: number | string;
  registrationMode: CreateEventBody['registrationMode'];
};

const EMPTY: Form = {
  titleTh: '',
  titleEn: '',
  format: 'in_person',
  provinceCode: 'TH-10',
  venueTh: '',
  venueEn: '',
  address: '',
  mapUrl: '',
  onlineUrl: '',
  startsAt: '',
  endsAt: '',
  chairTh: '',
  chairEn: '',
  objectivesTh: '',
  objectivesEn: '',
  hostOrganisationIds: [],
  capacity: 100,
  reservedForHosts: 0,
  perOrganisationCap: 3,
  registrationMode: 'open',
};

const fromEvent = (e: EventView): Form => ({
  titleTh: e.titleTh,
  titleEn: e.titleEn,
  format: e.format,
  provinceCode: e.provinceCode ?? '',
  venueTh: e.venueTh ?? '',
  venueEn: e.venueEn ?? '',
  address: e.address ?? '',
  mapUrl: e.mapUrl ?? '',
  onlineUrl: e.onlineUrl ?? '',
  startsAt: toBangkokInput(e.startsAt),
  endsAt: toBangkokInput(e.endsAt),
  chairTh: e.chairTh ?? '',
  chairEn: e.chairEn ?? '',
  objectivesTh: e.objectivesTh ?? '',
  objectivesEn: e.objectivesEn ?? '',
  hostOrganisationIds: e.hosts.map((h) => h.id),
  capacity: e.capacity,
  reservedForHosts: e.reservedForHosts,
  perOrganisationCap: e.perOrganisationCap,
  registrationMode: e.registrationMode,
});

const orNull = (s: string) => s.trim() || null;
const num = (v: number | string) => (typeof v === 'number' ? v : Number(v) || 0);

function toBody(f: Form): CreateEventBody {
  return {
    titleTh: f.titleTh.trim(),
    titleEn: f.titleEn.trim() || f.titleTh.trim(),
    format: f.format,
    provinceCode: (orNull(f.provinceCode) as CreateEventBody['provinceCode']) ?? null,
    venueTh: orNull(f.venueTh),
    venueEn: orNull(f.venueEn),
    address: orNull(f.address),
    mapUrl: orNull(f.mapUrl),
    onlineUrl: orNull(f.onlineUrl),
    startsAt: fromBangkokInput(f.startsAt),
    endsAt: fromBangkokInput(f.endsAt),
    chairTh: orNull(f.chairTh),
    chairEn: orNull(f.chairEn),
    objectivesTh: orNull(f.objectivesTh),
    objectivesEn: orNull(f.objectivesEn),
    hostOrganisationIds: f.hostOrganisationIds,
    capacity: num(f.capacity),
    reservedForHosts: num(f.reservedForHosts),
    perOrganisationCap: num(f.perOrganisationCap),
    registrationMode: f.registrationMode,
  };
}

/** The Centre convenes an event (`/forums/new`). */
export function NewEventPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateEvent();
  return (
    <Stack>
      <PageHeader title={t('forums.newEvent')} />
      <EventForm
        draftKey="forum-event.new"
        initial={EMPTY}
        pending={create.isPending}
        error={create.error}
        onSubmit={(body, clear) =>
          sendWithFeedback(create, body, {
            success: t('forums.created'),
            done: (e) => {
              clear();
              void navigate(`/forums/${e.id}`);
            },
          })
        }
      />
    </Stack>
  );
}

/** The Centre edits an event (`/forums/:eventId/edit`); a stale version is refused and said so. */
export function EditEventPage() {
  const { eventId = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const event = useEvent(eventId);
  const update = useUpdateEvent(eventId);
  return (
    <QueryPage
      query={event}
      title={t('forums.editEvent')}
      back={{ to: '/forums', label: t('forums.backToList') }}
    >
      {(e) => (
        <Stack>
          <PageHeader title={t('forums.editEvent')} />
          <EventForm
            draftKey={`forum-event.${e.id}.${e.version}`}
            initial={fromEvent(e)}
            pending={update.isPending}
            error={update.error}
            onSubmit={(body, clear) =>
              sendWithFeedback(
                update,
                { ...body, version: e.version },
                {
                  success: t('forums.saved'),
                  done: () => {
                    clear();
                    void navigate(`/forums/${e.id}`);
                  },
                },
              )
            }
          />
        </Stack>
      )}
    </QueryPage>
  );
}

function EventForm(props: {
  draftKey: string;
  initial: Form;
  pending: boolean;
  error: unknown;
  onSubmit: (body: CreateEventBody, clear: () => void) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { organisations } = useAllOrganisations();
  const draft = useDraft(props.draftKey, props.initial);
  const f = draft.value;
  const set = <K extends keyof Form>(key: K, value: Form[K]) =>
    draft.setValue((p) => ({ ...p, [key]: value }));
  const text = (key: keyof Form, label: string, extra: object = {}) => (
    <TextInput
      label={label}
      value={f[key] as string}
      onChange={(e) => set(key, e.currentTarget.value as never)}
      {...extra}
    />
  );
  const tooLong = f.objectivesTh.length > 4000 || f.objectivesEn.length > 4000;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!tooLong) props.onSubmit(toBody(f), draft.clear);
      }}
    >
      <Stack>
        {draft.restored && <DraftRestoredNote onDiscard={draft.clear} />}
        {text('titleTh', t('forums.fields.titleTh'), { required: true })}
        {text('titleEn', t('forums.fields.titleEn'))}
        <Select
          label={t('forums.fields.format')}
          value={f.format}
          onChange={(v) => v && set('format', v as Form['format'])}
          data={EVENT_FORMATS.map((x) => ({ value: x, label: t(`forums.formats.${x}`) }))}
          allowDeselect={false}
        />
        {text('startsAt', t('forums.fields.startsAt'), { type: 'datetime-local', required: true })}
        {text('endsAt', t('forums.fields.endsAt'), { type: 'datetime-local', required: true })}
        <Select
          label={t('forums.fields.province')}
          searchable
          clearable
          value={f.provinceCode || null}
          onChange={(v) => set('provinceCode', v ?? '')}
          data={PROVINCES.map((p) => ({ value: p.code, label: language === 'th' ? p.th : p.en }))}
        />
        {text('venueTh', t('forums.fields.venueTh'))}
        {text('venueEn', t('forums.fields.venueEn'))}
        {text('address', t('forums.fields.address'))}
        {text('mapUrl', t('forums.fields.mapUrl'), { type: 'url' })}
        {f.format !== 'in_person' && text('onlineUrl', t('forums.fields.onlineUrl'), { type: 'url' })}
        {text('chairTh', t('forums.fields.chairTh'))}
        {text('chairEn', t('forums.fields.chairEn'))}
        <LimitedTextarea
          limit={4000}
          autosize
          minRows={3}
          label={t('forums.fields.objectivesTh')}
          value={f.objectivesTh}
          onChange={(e) => set('objectivesTh', e.currentTarget.value)}
        />
        <LimitedTextarea
          limit={4000}
          autosize
          minRows={3}
          label={t('forums.fields.objectivesEn')}
          value={f.objectivesEn}
          onChange={(e) => set('objectivesEn', e.currentTarget.value)}
        />
        <MultiSelect
          label={t('forums.fields.hosts')}
          searchable
          value={f.hostOrganisationIds}
          onChange={(v) => set('hostOrganisationIds', v)}
          data={organisationOptions(organisations, language)}
        />
        <NumberInput
          label={t('forums.fields.capacity')}
          min={1}
          value={f.capacity}
          onChange={(v) => set('capacity', v)}
        />
        <NumberInput
          label={t('forums.fields.reservedForHosts')}
          min={0}
          value={f.reservedForHosts}
          onChange={(v) => set('reservedForHosts', v)}
        />
        <NumberInput
          label={t('forums.fields.perOrganisationCap')}
          min={1}
          value={f.perOrganisationCap}
          onChange={(v) => set('perOrganisationCap', v)}
        />
        <Select
          label={t('forums.fields.registrationMode')}
          value={f.registrationMode}
          onChange={(v) => v && set('registrationMode', v as Form['registrationMode'])}
          data={REGISTRATION_MODES.map((x) => ({ value: x, label: t(`forums.modes.${x}`) }))}
          allowDeselect={false}
        />
        <ErrorAlert error={props.error} />
        <Button type="submit" loading={props.pending} disabled={tooLong}>
          {t('forums.save')}
        </Button>
      </Stack>
    </form>
  );
}
