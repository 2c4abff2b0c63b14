/** The organisation form's fields and state, shared by "add organisation" and "edit organisation". */
import {
  ActionIcon,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { WORKING_WITH_US_FIELDS, type WorkingWithUsField } from '../../../../common/directory-api.ts';
import { SECTORS } from '../../../../common/taxonomies.ts';
import { Section } from '../../../components/Section.tsx';
import { checkContactValue } from '../../../lib/contact-validation.ts';
import { type FieldProblems, problemUnder } from '../../../lib/fieldErrors.ts';
import { organisationOptions, useAllOrganisations } from '../../../lib/organisations.ts';
import type { Language } from '../../../lib/types.ts';
import type {
  ContactInput,
  Labels,
  OrganisationDetail,
  TaxonomyGroup,
  UpdateOrganisationBody,
} from '../api/directory.ts';

export const TEXT_FIELDS = [
  'nameTh',
  'nameEn',
  'abbreviation',
  'abbreviationEn',
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
  ...WORKING_WITH_US_FIELDS.map((field) => `${field}En` as const),
] as const;
/** "Working with us" texts long enough for a text area; the others are one line. */
const LONG_TEXTS = new Set<WorkingWithUsField>(['mandateAndLimits', 'howToRequestHelp', 'documentsRequired']);
const LIST_FIELDS = ['services', 'themes', 'populations', 'languages', 'coverage'] as const;
type TextField = (typeof TEXT_FIELDS)[number];
type ListField = (typeof LIST_FIELDS)[number];

export interface ContactRow extends ContactInput {
  key: string;
}

export interface OrganisationFormState extends Record<TextField, string>, Record<ListField, string[]> {
  sector: string | null;
  parentId: string | null;
  type: string | null;
  provinceCode: string | null;
  shelterCapacity: number | null;
  contacts: ContactRow[];
}

/** Every field the form sends; `version` is added by the edit page, `sector` is required on create. */
export type OrganisationFields = Omit<UpdateOrganisationBody, 'version'>;

let rowKey = 0;
const nextKey = () => `row-${++rowKey}`;
/** Where a contact row's problems are kept: by row, since the rows sent skip empty ones. */
const CONTACT_ROW = 'contact:';
const contactProblemKey = (row: ContactRow, field: string) => `${CONTACT_ROW}${row.key}.${field}`;

export function emptyOrganisationForm(): OrganisationFormState {
  return {
    ...(Object.fromEntries(TEXT_FIELDS.map((key) => [key, ''])) as Record<TextField, string>),
    services: [],
    themes: [],
    populations: [],
    languages: [],
    coverage: [],
    sector: null,
    parentId: null,
    type: null,
    provinceCode: null,
    shelterCapacity: null,
    contacts: [],
  };
}

export function organisationFormOf(organisation: OrganisationDetail): OrganisationFormState {
  const texts: Record<TextField, string | null> = {
    nameTh: organisation.nameTh,
    nameEn: organisation.nameEn,
    abbreviation: organisation.abbreviation,
    abbreviationEn: organisation.abbreviationEn,
    descriptionTh: organisation.descriptionTh,
    descriptionEn: organisation.descriptionEn,
    website: organisation.website,
    address: organisation.address,
    eligibilityNotes: organisation.eligibilityNotes,
    ...(Object.fromEntries(
      WORKING_WITH_US_FIELDS.flatMap((field) => [
        [field, organisation.workingWithUs[field].th],
        [`${field}En`, organisation.workingWithUs[field].en],
      ]),
    ) as Record<WorkingWithUsField | `${WorkingWithUsField}En`, string | null>),
  };
  return {
    ...(Object.fromEntries(TEXT_FIELDS.map((key) => [key, texts[key] ?? ''])) as Record<TextField, string>),
    services: [...organisation.services],
    themes: [...organisation.themes],
    populations: [...organisation.populations],
    languages: [...organisation.languages],
    coverage: [...organisation.coverage],
    sector: organisation.sector,
    parentId: organisation.parent?.id ?? null,
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

/** The rows that are sent: a row left empty is dropped, not refused. */
const sentContacts = (form: OrganisationFormState) => form.contacts.filter((contact) => contact.value.trim());

export function organisationBodyOf(form: OrganisationFormState): OrganisationFields {
  const text = (key: TextField) => form[key].trim() || null;
  type Body = OrganisationFields;
  return {
    nameTh: form.nameTh.trim(),
    nameEn: form.nameEn.trim(),
    abbreviation: text('abbreviation'),
    abbreviationEn: text('abbreviationEn'),
    sector: (form.sector ?? undefined) as Body['sector'],
    parentId: form.parentId,
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
    ...(Object.fromEntries(
      WORKING_WITH_US_FIELDS.map((field) => [`${field}En`, text(`${field}En`)]),
    ) as Record<`${WorkingWithUsField}En`, string | null>),
    type: form.type as Body['type'],
    provinceCode: form.provinceCode as Body['provinceCode'],
    shelterCapacity: form.shelterCapacity,
    services: form.services as Body['services'],
    themes: form.themes as Body['themes'],
    populations: form.populations as Body['populations'],
    languages: form.languages as Body['languages'],
    coverage: form.coverage as Body['coverage'],
    contacts: sentContacts(form).map(({ key: _key, ...contact }) => ({
      ...contact,
      value: contact.value.trim(),
      label: contact.label?.trim() || null,
    })),
  };
}

/** What the browser can tell before sending; the server checks the rest and names the fields it refuses. */
export function checkOrganisationForm(form: OrganisationFormState): FieldProblems {
  const problems: FieldProblems = {};
  if (!form.nameTh.trim()) problems.nameTh = 'validation.required';
  if (!form.nameEn.trim()) problems.nameEn = 'validation.required';
  if (!form.sector) problems.sector = 'validation.required';
  if (form.website.trim() && !/^https?:\/\/\S+$/.test(form.website.trim()))
    problems.website = 'directory.edit.badWebsite';
  for (const row of sentContacts(form)) {
    const problem = checkContactValue(row.type, row.value);
    if (problem) problems[contactProblemKey(row, 'value')] = problem;
  }
  return problems;
}

/** The server numbers contacts as sent (`contacts.1.value`); the form keeps them on the row they came from. */
export function onContactRows(problems: FieldProblems, form: OrganisationFormState): FieldProblems {
  const sent = sentContacts(form);
  return Object.fromEntries(
    Object.entries(problems).map(([path, problem]) => {
      const match = /^contacts\.(\d+)\.(\w+)/.exec(path);
      const row = match ? sent[Number(match[1])] : undefined;
      return [row ? contactProblemKey(row, match![2]!) : path, problem];
    }),
  );
}

/** Clears a field's problems once the user changes it (contacts as a whole). */
export function withoutProblemsOf(problems: FieldProblems, key: keyof OrganisationFormState): FieldProblems {
  const touched = (path: string) =>
    path === key || path.startsWith(`${key}.`) || (key === 'contacts' && path.startsWith(CONTACT_ROW));
  return Object.fromEntries(Object.entries(problems).filter(([path]) => !touched(path)));
}

export function OrganisationFormFields({
  form,
  setField,
  problems,
  labels,
  language,
  organisationId,
}: {
  form: OrganisationFormState;
  setField: <K extends keyof OrganisationFormState>(key: K, value: OrganisationFormState[K]) => void;
  problems: FieldProblems;
  labels: Labels;
  language: Language;
  /** The organisation being edited, which cannot be its own parent; none when adding one. */
  organisationId?: string;
}) {
  const { t } = useTranslation();
  const { organisations } = useAllOrganisations();
  const problem = (key: string) => {
    const found = problemUnder(problems, key);
    return found ? t(found) : undefined;
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
      error={problem(key)}
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
        error={problem(key)}
      />
    ) : (
      <TextInput
        label={t(`directory.fields.${key}`)}
        value={form[key]}
        onChange={(event) => setField(key, event.currentTarget.value)}
        required={options.required}
        error={problem(key)}
      />
    );

  return (
    <>
      <Section id="edit-names" title={t('directory.edit.names')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {text('nameTh', { required: true })}
          {text('nameEn', { required: true })}
          {text('abbreviation')}
          {text('abbreviationEn')}
          <Select
            label={t('directory.fields.sector')}
            data={SECTORS.map((sector) => ({ value: sector, label: t(`sectors.${sector}`) }))}
            value={form.sector}
            onChange={(value) => setField('sector', value)}
            required
            allowDeselect={false}
            error={problem('sector')}
          />
          <Select
            label={t('directory.fields.type')}
            data={labels.options('organisationTypes')}
            value={form.type}
            onChange={(value) => setField('type', value)}
            clearable
            error={problem('type')}
          />
          <Select
            label={t('directory.fields.parentId')}
            description={t('directory.create.parentHint')}
            data={organisationOptions(
              organisations.filter((other) => other.id !== organisationId),
              language,
            )}
            value={form.parentId}
            onChange={(value) => setField('parentId', value)}
            searchable
            clearable
            nothingFoundMessage={t('common.nothingFound')}
            error={problem('parentId')}
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
            error={problem('provinceCode')}
          />
        </SimpleGrid>
        {text('address', { area: true })}
      </Section>

      <Section
        id="edit-working-with-us"
        title={t('directory.org.workingWithUs')}
        description={t('directory.org.workingWithUsHint')}
      >
        {WORKING_WITH_US_FIELDS.map((field) => (
          <SimpleGrid key={field} cols={{ base: 1, sm: 2 }}>
            {text(field, { area: LONG_TEXTS.has(field) })}
            {text(`${field}En`, { area: LONG_TEXTS.has(field) })}
          </SimpleGrid>
        ))}
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
          error={problem('shelterCapacity')}
        />
      </Section>

      <Section id="edit-contacts" title={t('directory.org.contacts')}>
        <ContactsEditor
          rows={form.contacts}
          labels={labels}
          problems={problems}
          onChange={(rows) => setField('contacts', rows)}
        />
      </Section>
    </>
  );
}

function ContactsEditor({
  rows,
  labels,
  problems,
  onChange,
}: {
  rows: ContactRow[];
  labels: Labels;
  problems: FieldProblems;
  onChange: (rows: ContactRow[]) => void;
}) {
  const { t } = useTranslation();
  const change = (key: string, patch: Partial<ContactRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const problem = (row: ContactRow, field: string) => {
    const found = problems[contactProblemKey(row, field)];
    return found ? t(found) : undefined;
  };
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
              error={problem(row, 'type')}
            />
            <TextInput
              label={t('directory.edit.contactValue')}
              value={row.value}
              onChange={(event) => change(row.key, { value: event.currentTarget.value })}
              error={problem(row, 'value')}
            />
            <TextInput
              label={t('directory.edit.contactLabel')}
              value={row.label ?? ''}
              onChange={(event) => change(row.key, { label: event.currentTarget.value })}
              error={problem(row, 'label')}
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
