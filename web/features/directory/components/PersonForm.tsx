/** A person's fields and form state, shared by "add person" and the person page's edit form. */
import { MultiSelect, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { checkLineId, checkPhone } from '../../../lib/contact-validation.ts';
import { type FieldProblems, problemUnder } from '../../../lib/fieldErrors.ts';
import { checkEmail } from '../../../lib/validation.ts';
import type { Labels, PersonView, UpdatePersonBody } from '../api/directory.ts';

export interface PersonFormState {
  nameTh: string;
  nameEn: string;
  position: string;
  positionEn: string;
  department: string;
  phone: string;
  phoneType: string;
  email: string;
  lineId: string;
  languages: string[];
  focalTopics: string[];
  phonesVisibility: string;
}

/** The fields the form sends, as both create and update take them. */
export type PersonFields = Omit<UpdatePersonBody, 'version' | 'active'>;
type Visibility = NonNullable<PersonFields['visibility']>;
const OPEN_TO_MEMBERS: Visibility = { phones: 'all_members', email: 'all_members', lineId: 'all_members' };

export function personFormOf(person?: PersonView): PersonFormState {
  return {
    nameTh: person?.nameTh ?? '',
    nameEn: person?.nameEn ?? '',
    position: person?.position ?? '',
    positionEn: person?.positionEn ?? '',
    department: person?.department ?? '',
    phone: person?.phones[0]?.value ?? '',
    phoneType: person?.phones[0]?.type ?? 'phone_mobile',
    email: person?.email ?? '',
    lineId: person?.lineId ?? '',
    languages: [...(person?.languages ?? [])],
    focalTopics: person?.focalTopics.map((f) => f.topic) ?? [],
    phonesVisibility: person?.visibility?.phones ?? 'all_members',
  };
}

/** `person`: the one being edited; its further phone numbers and other visibility settings are kept. */
export function personFieldsOf(form: PersonFormState, person?: PersonView): PersonFields {
  return {
    nameTh: form.nameTh.trim(),
    nameEn: form.nameEn.trim() || null,
    position: form.position.trim() || null,
    positionEn: form.positionEn.trim() || null,
    department: form.department.trim() || null,
    phones: [
      ...(form.phone.trim() ? [{ type: form.phoneType, value: form.phone.trim() }] : []),
      ...(person?.phones.slice(1) ?? []),
    ] as PersonFields['phones'],
    email: form.email.trim() || null,
    lineId: form.lineId.trim() || null,
    languages: form.languages as PersonFields['languages'],
    focalTopics: form.focalTopics as PersonFields['focalTopics'],
    visibility: {
      ...(person?.visibility ?? OPEN_TO_MEMBERS),
      phones: form.phonesVisibility as Visibility['phones'],
    },
  };
}

/** What the browser can tell before sending; the server checks the rest and names the fields it refuses. */
export function checkPersonForm(form: PersonFormState): FieldProblems {
  const problems: FieldProblems = {};
  if (!form.nameTh.trim()) problems.nameTh = 'validation.required';
  const email = form.email.trim() && checkEmail(form.email);
  if (email) problems.email = email;
  const phone = form.phone.trim() && checkPhone(form.phone);
  if (phone) problems.phone = phone;
  const lineId = form.lineId.trim() && checkLineId(form.lineId);
  if (lineId) problems.lineId = lineId;
  return problems;
}

/** The part of the request body each form field fills, for showing and clearing the server's problems. */
const BODY_FIELD: Partial<Record<keyof PersonFormState, string>> = {
  phone: 'phones',
  phoneType: 'phones',
  phonesVisibility: 'visibility',
};
export const bodyFieldOf = (key: keyof PersonFormState) => BODY_FIELD[key] ?? key;

export function withoutPersonProblemsOf(problems: FieldProblems, key: keyof PersonFormState): FieldProblems {
  const field = bodyFieldOf(key);
  return Object.fromEntries(
    Object.entries(problems).filter(([path]) => path !== field && !path.startsWith(`${field}.`)),
  );
}

export function PersonFormFields({
  form,
  set,
  problems,
  labels,
}: {
  form: PersonFormState;
  set: <K extends keyof PersonFormState>(key: K, value: PersonFormState[K]) => void;
  problems: FieldProblems;
  labels: Labels;
}) {
  const { t } = useTranslation();
  const problem = (key: keyof PersonFormState) => {
    const found = problemUnder(problems, bodyFieldOf(key));
    return found ? t(found) : undefined;
  };
  const text = (
    key: keyof PersonFormState,
    label: string,
    extra: { required?: boolean; type?: string } = {},
  ) => (
    <TextInput
      label={label}
      value={form[key] as string}
      onChange={(event) => set(key, event.currentTarget.value)}
      error={problem(key)}
      {...extra}
    />
  );
  const topics = [
    ...labels.options('themes'),
    ...labels.options('services'),
    ...labels.options('focalRoles'),
  ];
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {text('nameTh', t('directory.fields.nameTh'), { required: true })}
        {text('nameEn', t('directory.fields.nameEn'))}
        {text('position', t('directory.person.position'))}
        {text('positionEn', t('directory.person.positionEn'))}
        {text('department', t('directory.person.department'))}
        <Select
          label={t('directory.person.phoneType')}
          data={labels.options('phoneTypes')}
          value={form.phoneType}
          onChange={(value) => value && set('phoneType', value)}
          allowDeselect={false}
        />
        {text('phone', t('directory.person.phone'), { type: 'tel' })}
        <Select
          label={t('directory.person.phonesVisibility')}
          data={labels.options('visibilities')}
          value={form.phonesVisibility}
          onChange={(value) => value && set('phonesVisibility', value)}
          allowDeselect={false}
          error={problem('phonesVisibility')}
        />
        {text('email', labels.of('email', 'contactTypes'), { type: 'email' })}
        {text('lineId', 'LINE ID')}
      </SimpleGrid>
      <MultiSelect
        label={t('directory.person.languages')}
        data={labels.options('languages')}
        value={form.languages}
        onChange={(values) => set('languages', values)}
        searchable
        hidePickedOptions
        error={problem('languages')}
      />
      <MultiSelect
        label={t('directory.person.focalTopics')}
        data={topics}
        value={form.focalTopics}
        onChange={(values) => set('focalTopics', values)}
        searchable
        hidePickedOptions
        error={problem('focalTopics')}
      />
    </>
  );
}
