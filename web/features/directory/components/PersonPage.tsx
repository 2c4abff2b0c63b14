import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowsExchange, IconId, IconUserOff } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { DateTime } from '../../../components/DateTime.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryPage } from '../../../components/QueryPage.tsx';
import { Section } from '../../../components/Section.tsx';
import { isApiError } from '../../../lib/api.ts';
import { useLanguage } from '../../../lib/i18n.ts';
import { organisationName } from '../../../lib/organisations.ts';
import {
  type Labels,
  type PersonView,
  type UpdatePersonBody,
  useHandover,
  useLabels,
  usePeopleOf,
  usePerson,
  useUpdatePerson,
  vcardUrl,
} from '../api/directory.ts';
import { personName } from './OrganisationPage.tsx';
import { telHref } from './shared.tsx';

export function PersonPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  return (
    <QueryPage query={usePerson(id)} title={t('directory.person.title')}>
      {(person) => <PersonDetails person={person} />}
    </QueryPage>
  );
}

function PersonDetails({ person }: { person: PersonView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const labels = useLabels(language);
  // Only those who may edit the person are told its visibility settings.
  const canEdit = person.visibility !== null;
  return (
    <Stack gap="md">
      <PageHeader
        title={personName(person, language)}
        description={[person.position, person.department].filter(Boolean).join(' · ') || undefined}
      />
      <Group gap={6}>
        <Anchor component={Link} to={`/organisations/${person.organisation.id}`}>
          {organisationName(person.organisation, language)}
        </Anchor>
        {!person.active && (
          <Badge color="gray" variant="light">
            {t('directory.person.left')}
          </Badge>
        )}
      </Group>
      <Section id="person-contacts" title={t('directory.org.contacts')}>
        <Stack gap="xs">
          {person.phones.map((phone) => (
            <Button
              key={phone.value}
              component="a"
              href={telHref(phone.value)}
              variant="light"
              justify="flex-start"
              fullWidth
            >
              {labels.of(phone.type, 'phoneTypes')} {phone.value}
            </Button>
          ))}
          {person.email && (
            <Text>
              <Text span c="dimmed">
                {labels.of('email', 'contactTypes')}:
              </Text>{' '}
              <Anchor href={`mailto:${person.email}`} style={{ overflowWrap: 'anywhere' }}>
                {person.email}
              </Anchor>
            </Text>
          )}
          {person.lineId && <Text>LINE: {person.lineId}</Text>}
          {person.hidden.length > 0 && <Text c="dimmed">{t('directory.person.hidden')}</Text>}
          {person.languages.length > 0 && (
            <Text size="sm">
              {t('directory.person.speaks', {
                languages: person.languages.map((code) => labels.of(code, 'languages')).join(', '),
              })}
            </Text>
          )}
          <Anchor href={vcardUrl(person.id)} download style={{ display: 'inline-flex', gap: 4 }}>
            <IconId size={18} aria-hidden />
            {t('directory.person.vcard')}
          </Anchor>
        </Stack>
      </Section>
      <Section id="person-focal" title={t('directory.org.focalPoints')}>
        {person.focalTopics.length === 0 ? (
          <Text c="dimmed">{t('directory.person.noFocal')}</Text>
        ) : (
          <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {person.focalTopics.map((focal) => (
              <li key={focal.topic}>
                <Text span fw={600}>
                  {labels.of(focal.topic)}
                </Text>{' '}
                <Text span size="sm" c="dimmed">
                  ({t('directory.person.since')} <DateTime value={focal.since} />)
                </Text>
                {!person.active && (
                  <Badge ml={6} color="red" variant="filled">
                    {t('directory.org.vacant')}
                  </Badge>
                )}
              </li>
            ))}
          </Stack>
        )}
        {canEdit && person.focalTopics.length > 0 && <HandoverButton person={person} />}
      </Section>
      {canEdit && <PersonEditForm key={person.version} person={person} labels={labels} />}
    </Stack>
  );
}

function HandoverButton({ person }: { person: PersonView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [opened, setOpened] = useState(false);
  const [to, setTo] = useState<string | null>(null);
  const people = usePeopleOf(person.organisation.id, opened);
  const handover = useHandover(person.id, person.organisation.id);
  const options = (people.data?.items ?? [])
    .filter((other) => other.id !== person.id && other.active)
    .map((other) => ({ value: other.id, label: personName(other, language) }));
  return (
    <>
      <Button
        variant={person.active ? 'default' : 'filled'}
        leftSection={<IconArrowsExchange size={18} aria-hidden />}
        onClick={() => setOpened(true)}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('directory.person.handover')}
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={t('directory.person.handoverTitle')}
        centered
      >
        <Stack>
          <Text size="sm">{t('directory.person.handoverText')}</Text>
          <Select
            label={t('directory.person.handoverTo')}
            data={options}
            value={to}
            onChange={setTo}
            searchable
            nothingFoundMessage={t('directory.person.noOneElse')}
            comboboxProps={{ withinPortal: true }}
          />
          <ErrorAlert error={handover.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              disabled={!to}
              loading={handover.isPending}
              onClick={() =>
                to &&
                handover.mutate(to, {
                  onSuccess: () => {
                    setOpened(false);
                    notifications.show({ color: 'teal', message: t('directory.person.handedOver') });
                  },
                })
              }
            >
              {t('directory.person.handover')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function PersonEditForm({ person, labels }: { person: PersonView; labels: Labels }) {
  const { t } = useTranslation();
  const update = useUpdatePerson(person.id);
  const [leaving, setLeaving] = useState(false);
  const [form, setForm] = useState({
    nameTh: person.nameTh,
    nameEn: person.nameEn ?? '',
    position: person.position ?? '',
    department: person.department ?? '',
    phone: person.phones[0]?.value ?? '',
    phoneType: person.phones[0]?.type ?? 'phone_mobile',
    email: person.email ?? '',
    lineId: person.lineId ?? '',
    languages: [...person.languages] as string[],
    focalTopics: person.focalTopics.map((f) => f.topic) as string[],
    phonesVisibility: person.visibility?.phones ?? 'all_members',
  });
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) =>
    setForm((current) => ({ ...current, [key]: value }));
  const save = (body: Partial<UpdatePersonBody>, onDone?: () => void) =>
    update.mutate({ version: person.version, ...body } as UpdatePersonBody, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('directory.person.saved') });
        onDone?.();
      },
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save({
      nameTh: form.nameTh.trim(),
      nameEn: form.nameEn.trim() || null,
      position: form.position.trim() || null,
      department: form.department.trim() || null,
      phones: [
        ...(form.phone.trim() ? [{ type: form.phoneType, value: form.phone.trim() }] : []),
        ...person.phones.slice(1),
      ] as UpdatePersonBody['phones'],
      email: form.email.trim() || null,
      lineId: form.lineId.trim() || null,
      languages: form.languages as UpdatePersonBody['languages'],
      focalTopics: form.focalTopics as UpdatePersonBody['focalTopics'],
      visibility: {
        ...(person.visibility ?? { email: 'all_members', lineId: 'all_members' }),
        phones: form.phonesVisibility as 'all_members',
      },
    });
  };
  const topics = [...labels.options('themes'), ...labels.options('services')];
  return (
    <Section id="person-edit" title={t('directory.person.edit')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {isApiError(update.error, 409) ? (
            <Alert color="orange" role="alert">
              {t('directory.person.conflict')}
            </Alert>
          ) : (
            <ErrorAlert error={update.error} />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('directory.fields.nameTh')}
              value={form.nameTh}
              onChange={(e) => set('nameTh', e.currentTarget.value)}
              required
            />
            <TextInput
              label={t('directory.fields.nameEn')}
              value={form.nameEn}
              onChange={(e) => set('nameEn', e.currentTarget.value)}
            />
            <TextInput
              label={t('directory.person.position')}
              value={form.position}
              onChange={(e) => set('position', e.currentTarget.value)}
            />
            <TextInput
              label={t('directory.person.department')}
              value={form.department}
              onChange={(e) => set('department', e.currentTarget.value)}
            />
            <Select
              label={t('directory.edit.contactType')}
              data={labels.options('phoneTypes')}
              value={form.phoneType}
              onChange={(value) => value && set('phoneType', value as typeof form.phoneType)}
              allowDeselect={false}
            />
            <TextInput
              label={t('directory.person.phone')}
              value={form.phone}
              onChange={(e) => set('phone', e.currentTarget.value)}
              type="tel"
            />
            <Select
              label={t('directory.person.phonesVisibility')}
              data={labels.options('visibilities')}
              value={form.phonesVisibility}
              onChange={(value) => value && set('phonesVisibility', value as typeof form.phonesVisibility)}
              allowDeselect={false}
            />
            <TextInput
              label={labels.of('email', 'contactTypes')}
              value={form.email}
              onChange={(e) => set('email', e.currentTarget.value)}
              type="email"
            />
            <TextInput
              label="LINE ID"
              value={form.lineId}
              onChange={(e) => set('lineId', e.currentTarget.value)}
            />
          </SimpleGrid>
          <MultiSelect
            label={t('directory.person.languages')}
            data={labels.options('languages')}
            value={form.languages}
            onChange={(values) => set('languages', values)}
            searchable
            hidePickedOptions
          />
          <MultiSelect
            label={t('directory.person.focalTopics')}
            data={topics}
            value={form.focalTopics}
            onChange={(values) => set('focalTopics', values)}
            searchable
            hidePickedOptions
          />
          <Group justify="space-between" gap="xs">
            {person.active ? (
              <Button
                variant="outline"
                color="red"
                leftSection={<IconUserOff size={18} aria-hidden />}
                onClick={() => setLeaving(true)}
              >
                {t('directory.person.markLeft')}
              </Button>
            ) : (
              <Button variant="default" onClick={() => save({ active: true })}>
                {t('directory.person.markBack')}
              </Button>
            )}
            <Button type="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      <ConfirmDialog
        opened={leaving}
        title={t('directory.person.markLeft')}
        message={t('directory.person.markLeftText')}
        confirmLabel={t('directory.person.markLeft')}
        danger
        loading={update.isPending}
        error={update.error}
        onConfirm={() => save({ active: false }, () => setLeaving(false))}
        onClose={() => setLeaving(false)}
      />
    </Section>
  );
}
