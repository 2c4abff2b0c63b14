import {
  ActionIcon,
  Alert,
  Button,
  Group,
  List,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconPlus, IconTrash } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryPage } from '../../../components/QueryPage.tsx';
import { Section } from '../../../components/Section.tsx';
import { isApiError } from '../../../lib/api.ts';
import { useLanguage } from '../../../lib/i18n.ts';
import { organisationName } from '../../../lib/organisations.ts';
import {
  type ContactInput,
  conflictCurrent,
  type Labels,
  type OrganisationDetail,
  type TaxonomyGroup,
  type UpdateOrganisationBody,
  useLabels,
  useOrganisation,
  useUpdateOrganisation,
} from '../api/directory.ts';

const TEXT_FIELDS = [
  'nameTh',
  'nameEn',
  'abbreviation',
  'descriptionTh',
  'descriptionEn',
  'website',
  'address',
  'eligibilityNotes',
  'mandateAndLimits',
  'howToRequestHelp',
  'documentsRequired',
  'officeHours',
  'afterHoursContact',
  'typicalTurnaround',
] as const;
const LIST_FIELDS = ['services', 'themes', 'populations', 'languages', 'coverage'] as const;
type TextField = (typeof TEXT_FIELDS)[number];
type ListField = (typeof LIST_FIELDS)[number];

interface ContactRow extends ContactInput {
  key: string;
}

interface FormState extends Record<TextField, string>, Record<ListField, string[]> {
  type: string | null;
  provinceCode: string | null;
  shelterCapacity: number | null;
  contacts: ContactRow[];
}

let rowKey = 0;
const nextKey = () => `row-${++rowKey}`;

function formOf(organisation: OrganisationDetail): FormState {
  const texts: Record<TextField, string | null> = {
    nameTh: organisation.nameTh,
    nameEn: organisation.nameEn,
    abbreviation: organisation.abbreviation,
    descriptionTh: organisation.descriptionTh,
    descriptionEn: organisation.descriptionEn,
    website: organisation.website,
    address: organisation.address,
    eligibilityNotes: organisation.eligibilityNotes,
    ...organisation.workingWithUs,
  };
  return {
    ...(Object.fromEntries(TEXT_FIELDS.map((key) => [key, texts[key] ?? ''])) as Record<TextField, string>),
    services: [...organisation.services],
    themes: [...organisation.themes],
    populations: [...organisation.populations],
    languages: [...organisation.languages],
    coverage: [...organisation.coverage],
    type: organisation.type,
    provinceCode: organisation.provinceCode,
    shelterCapacity: organisation.shelterCapacity,
    contacts: organisation.contacts.map((contact) => ({
      key: nextKey(),
      type: contact.type,
      value: contact.value,
      label: contact.label,
      visibility: contact.visibility,
    })),
  };
}

function bodyOf(form: FormState, version: number): UpdateOrganisationBody {
  const text = (key: TextField) => form[key].trim() || null;
  return {
    version,
    nameTh: form.nameTh.trim(),
    nameEn: form.nameEn.trim(),
    abbreviation: text('abbreviation'),
    descriptionTh: text('descriptionTh'),
    descriptionEn: text('descriptionEn'),
    website: text('website'),
    address: text('address'),
    eligibilityNotes: text('eligibilityNotes'),
    mandateAndLimits: text('mandateAndLimits'),
    howToRequestHelp: text('howToRequestHelp'),
    documentsRequired: text('documentsRequired'),
    officeHours: text('officeHours'),
    afterHoursContact: text('afterHoursContact'),
    typicalTurnaround: text('typicalTurnaround'),
    type: form.type as UpdateOrganisationBody['type'],
    provinceCode: form.provinceCode as UpdateOrganisationBody['provinceCode'],
    shelterCapacity: form.shelterCapacity,
    services: form.services as UpdateOrganisationBody['services'],
    themes: form.themes as UpdateOrganisationBody['themes'],
    populations: form.populations as UpdateOrganisationBody['populations'],
    languages: form.languages as UpdateOrganisationBody['languages'],
    coverage: form.coverage as UpdateOrganisationBody['coverage'],
    contacts: form.contacts
      .filter((contact) => contact.value.trim())
      .map(({ key: _key, ...contact }) => ({
        ...contact,
        value: contact.value.trim(),
        label: contact.label?.trim() || null,
      })),
  };
}

/** Only what this editor changed, so a save never puts back values that someone else changed meanwhile. */
function patchOf(form: FormState, base: OrganisationDetail): UpdateOrganisationBody {
  const mine = bodyOf(form, base.version) as Record<string, unknown>;
  const before = bodyOf(formOf(base), base.version) as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(mine).filter(
      ([key, value]) => key === 'version' || JSON.stringify(value) !== JSON.stringify(before[key]),
    ),
  ) as UpdateOrganisationBody;
}

/** This editor's changes moved onto the newer record: fields they did not touch take the newer values. */
function rebase(form: FormState, oldBase: OrganisationDetail, newBase: OrganisationDetail): FormState {
  const edited = new Set(changedBetween(form, formOf(oldBase)));
  const fresh = formOf(newBase);
  return Object.fromEntries(
    Object.keys(form).map((key) => [
      key,
      edited.has(key) ? form[key as keyof FormState] : fresh[key as keyof FormState],
    ]),
  ) as unknown as FormState;
}

/** Field names whose values differ between two forms (contacts compared as a whole). */
function changedBetween(a: FormState, b: FormState): string[] {
  const strip = (form: FormState) => ({
    ...form,
    contacts: form.contacts.map(({ key: _key, ...contact }) => contact),
  });
  const left = strip(a) as Record<string, unknown>;
  const right = strip(b) as Record<string, unknown>;
  return Object.keys(left).filter((key) => JSON.stringify(left[key]) !== JSON.stringify(right[key]));
}

export function OrganisationEditPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const title = t('directory.edit.title');
  return (
    <QueryPage query={useOrganisation(id)} title={title}>
      {(organisation) =>
        organisation.permissions.edit ? (
          <EditForm organisation={organisation} />
        ) : (
          <Stack>
            <PageHeader title={title} />
            <Alert color="red">{t('errors.FORBIDDEN')}</Alert>
          </Stack>
        )
      }
    </QueryPage>
  );
}

function EditForm({ organisation }: { organisation: OrganisationDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const labels = useLabels(language);
  const navigate = useNavigate();
  const update = useUpdateOrganisation(organisation.id);
  // What the form was loaded from: its version goes with the save, its values show what others changed.
  const [base, setBase] = useState(organisation);
  const [form, setForm] = useState(() => formOf(organisation));
  const [conflict, setConflict] = useState<{ fields: string[]; current: OrganisationDetail } | null>(null);
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});

  const setField = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    setForm((current) => ({ ...current, [key]: value }));

  const validate = (): boolean => {
    const next: Record<string, string> = {};
    if (!form.nameTh.trim()) next.nameTh = t('validation.required');
    if (!form.nameEn.trim()) next.nameEn = t('validation.required');
    if (form.website.trim() && !/^https?:\/\/\S+$/.test(form.website.trim()))
      next.website = t('directory.edit.badWebsite');
    setErrors(next);
    return Object.keys(next).length === 0;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!validate()) return;
    update.mutate(patchOf(form, base), {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('directory.edit.saved') });
        navigate(`/organisations/${organisation.id}`);
      },
      onError: (error) => {
        if (!isApiError(error, 409)) return;
        const current = conflictCurrent(error.details);
        if (!current) return;
        // Keep what this user typed; show what the other person changed; saving again applies ours on theirs.
        setConflict({ fields: changedBetween(formOf(base), formOf(current)), current });
        setForm((mine) => rebase(mine, base, current));
        setBase(current);
        window.scrollTo({ top: 0 });
      },
    });
  };

  const discardMine = () => {
    if (!conflict) return;
    setForm(formOf(conflict.current));
    setConflict(null);
    update.reset();
  };

  const multi = (key: ListField, group: TaxonomyGroup, extra: { value: string; label: string }[] = []) => (
    <MultiSelect
      label={t(`directory.fields.${key}`)}
      data={[...extra, ...labels.options(group)]}
      value={form[key]}
      onChange={(values) => setField(key, values)}
      searchable
      clearable
      hidePickedOptions
      nothingFoundMessage={t('common.nothingFound')}
    />
  );
  const text = (key: TextField, options: { required?: boolean; area?: boolean } = {}) =>
    options.area ? (
      <Textarea
        label={t(`directory.fields.${key}`)}
        value={form[key]}
        onChange={(event) => setField(key, event.currentTarget.value)}
        autosize
        minRows={2}
        maxRows={10}
        error={errors[key]}
      />
    ) : (
      <TextInput
        label={t(`directory.fields.${key}`)}
        value={form[key]}
        onChange={(event) => setField(key, event.currentTarget.value)}
        required={options.required}
        error={errors[key]}
      />
    );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <PageHeader
          title={t('directory.edit.title')}
          description={organisationName(organisation, language)}
        />
        {conflict && (
          <Alert
            color="orange"
            variant="light"
            icon={<IconAlertTriangle aria-hidden />}
            title={t('directory.edit.conflictTitle')}
            role="alert"
          >
            <Stack gap="xs">
              <Text size="sm">
                {t('directory.edit.conflictText', { name: conflictEditor(conflict.current) })}
              </Text>
              {conflict.fields.length > 0 && (
                <List size="sm">
                  {conflict.fields.map((field) => (
                    <List.Item key={field}>
                      <Text span fw={600} size="sm">
                        {t(`directory.fields.${field === 'provinceCode' ? 'province' : field}`)}
                      </Text>
                      : {describe(formOf(conflict.current), field, labels)}
                    </List.Item>
                  ))}
                </List>
              )}
              <Group gap="xs">
                <Button type="submit" loading={update.isPending}>
                  {t('directory.edit.reapply')}
                </Button>
                <Button variant="default" onClick={discardMine}>
                  {t('directory.edit.discardMine')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        {update.error && !conflict && <ErrorAlert error={update.error} />}

        <Section id="edit-names" title={t('directory.edit.names')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {text('nameTh', { required: true })}
            {text('nameEn', { required: true })}
            {text('abbreviation')}
            <Select
              label={t('directory.fields.type')}
              data={labels.options('organisationTypes')}
              value={form.type}
              onChange={(value) => setField('type', value)}
              clearable
            />
          </SimpleGrid>
          {text('descriptionTh', { area: true })}
          {text('descriptionEn', { area: true })}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {text('website')}
            <Select
              label={t('directory.fields.province')}
              data={labels.options('provinces')}
              value={form.provinceCode}
              onChange={(value) => setField('provinceCode', value)}
              searchable
              clearable
              nothingFoundMessage={t('common.nothingFound')}
            />
          </SimpleGrid>
          {text('address', { area: true })}
        </Section>

        <Section
          id="edit-working-with-us"
          title={t('directory.org.workingWithUs')}
          description={t('directory.org.workingWithUsHint')}
        >
          {text('mandateAndLimits', { area: true })}
          {text('howToRequestHelp', { area: true })}
          {text('documentsRequired', { area: true })}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {text('officeHours')}
            {text('afterHoursContact')}
            {text('typicalTurnaround')}
          </SimpleGrid>
        </Section>

        <Section id="edit-what-we-do" title={t('directory.org.whatTheyDo')}>
          {multi('services', 'services')}
          {multi('themes', 'themes')}
          {multi('populations', 'populations')}
          {multi('languages', 'languages')}
          {multi('coverage', 'provinces', labels.options('coverageFlags'))}
          {text('eligibilityNotes', { area: true })}
          <NumberInput
            label={t('directory.fields.shelterCapacity')}
            value={form.shelterCapacity ?? ''}
            onChange={(value) => setField('shelterCapacity', typeof value === 'number' ? value : null)}
            min={0}
            max={100000}
            allowDecimal={false}
          />
        </Section>

        <Section id="edit-contacts" title={t('directory.org.contacts')}>
          <ContactsEditor
            rows={form.contacts}
            labels={labels}
            onChange={(rows) => setField('contacts', rows)}
          />
        </Section>

        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={() => navigate(`/organisations/${organisation.id}`)}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function conflictEditor(current: OrganisationDetail): string {
  return current.history[0]?.actor?.displayName ?? '—';
}

function describe(form: FormState, field: string, labels: Labels): string {
  const value = (form as unknown as Record<string, unknown>)[field];
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) return '—';
  if (field === 'contacts') return form.contacts.map((contact) => contact.value).join(', ');
  if (Array.isArray(value)) return value.map((code) => labels.of(String(code))).join(', ');
  if (typeof value === 'string') return labels.of(value);
  return String(value);
}

function ContactsEditor({
  rows,
  labels,
  onChange,
}: {
  rows: ContactRow[];
  labels: Labels;
  onChange: (rows: ContactRow[]) => void;
}) {
  const { t } = useTranslation();
  const change = (key: string, patch: Partial<ContactRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  return (
    <Stack gap="sm">
      {rows.length === 0 && <Text c="dimmed">{t('directory.org.noContacts')}</Text>}
      {rows.map((row, index) => (
        <fieldset
          key={row.key}
          style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8, padding: 12, margin: 0 }}
        >
          <legend style={{ padding: '0 4px', fontWeight: 600 }}>
            {t('directory.edit.contactN', { n: index + 1 })}
          </legend>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <Select
              label={t('directory.edit.contactType')}
              data={labels.options('contactTypes')}
              value={row.type}
              onChange={(value) => value && change(row.key, { type: value as ContactRow['type'] })}
              allowDeselect={false}
            />
            <TextInput
              label={t('directory.edit.contactValue')}
              value={row.value}
              onChange={(event) => change(row.key, { value: event.currentTarget.value })}
            />
            <TextInput
              label={t('directory.edit.contactLabel')}
              value={row.label ?? ''}
              onChange={(event) => change(row.key, { label: event.currentTarget.value })}
            />
            <Select
              label={t('directory.edit.contactVisibility')}
              data={labels.options('visibilities')}
              value={row.visibility ?? 'all_members'}
              onChange={(value) =>
                value && change(row.key, { visibility: value as ContactRow['visibility'] })
              }
              allowDeselect={false}
            />
          </SimpleGrid>
          <Group justify="flex-end" mt="xs">
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('directory.edit.removeContact', { n: index + 1 })}
              onClick={() => onChange(rows.filter((other) => other.key !== row.key))}
            >
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Group>
        </fieldset>
      ))}
      <Button
        variant="default"
        leftSection={<IconPlus size={18} aria-hidden />}
        onClick={() =>
          onChange([
            ...rows,
            { key: nextKey(), type: 'phone_office', value: '', label: null, visibility: 'all_members' },
          ])
        }
        style={{ alignSelf: 'flex-start' }}
      >
        {t('directory.edit.addContact')}
      </Button>
    </Stack>
  );
}
