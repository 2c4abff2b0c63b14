import { Anchor, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { feedback } from '../../../lib/feedback.ts';
import { useLanguage } from '../../../lib/i18n.ts';
import { useHandover, usePeopleOf } from '../api/directory.ts';
import { personName } from './shared.tsx';

type Holder = { id: string; nameTh: string; nameEn: string | null };

/** Moves every focal-point role of `person` to a colleague still at the organisation, in one step. */
export function HandoverDialog({
  person,
  organisationId,
  opened,
  onClose,
}: {
  person: Holder;
  organisationId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [to, setTo] = useState<string | null>(null);
  const people = usePeopleOf(organisationId, opened);
  const handover = useHandover(person.id, organisationId);
  const options = (people.data?.items ?? [])
    .filter((other) => other.id !== person.id && other.active)
    .map((other) => ({ value: other.id, label: personName(other, language) }));
  const nobodyElse = people.isSuccess && options.length === 0;
  return (
    <Modal opened={opened} onClose={onClose} title={t('directory.person.handoverTitle')} centered>
      <Stack>
        <Text fw={600}>{personName(person, language)}</Text>
        <Text size="sm">{t('directory.person.handoverText')}</Text>
        {nobodyElse ? (
          <Text size="sm">
            {t('directory.tasks.nobodyToHandOverTo')}{' '}
            <Anchor component={Link} to={`/organisations/${organisationId}/people/new`} fw={600}>
              {t('directory.person.add')}
            </Anchor>
          </Text>
        ) : (
          <Select
            label={t('directory.person.handoverTo')}
            data={options}
            value={to}
            onChange={setTo}
            searchable
            nothingFoundMessage={t('directory.person.noOneElse')}
            comboboxProps={{ withinPortal: true }}
          />
        )}
        <ErrorAlert error={handover.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={!to}
            loading={handover.isPending}
            onClick={() =>
              to &&
              handover.mutate(to, {
                onSuccess: () => {
                  onClose();
                  feedback.success(t('directory.person.handedOver'));
                },
              })
            }
          >
            {t('directory.person.handover')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
