import { Button, Tabs } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconMailPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useLanguage } from '../../../lib/i18n.ts';
import { organisationName } from '../../../lib/organisations.ts';
import { useSignedInMe } from '../../../lib/session.ts';
import { InvitationsPanel } from './InvitationsPanel.tsx';
import { InviteDialog } from './InviteDialog.tsx';
import { UsersPanel } from './UsersPanel.tsx';

/** Admins see everyone; organisation admins see the same page limited (by the server) to their own people. */
export function UsersPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const language = useLanguage();
  const [inviting, invite] = useDisclosure(false);
  const isAdmin = me.user.role === 'admin';

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={isAdmin ? t('users.descriptionAdmin') : organisationName(me.organisation, language)}
        actions={
          <Button leftSection={<IconMailPlus size={18} aria-hidden />} onClick={invite.open}>
            {t('invitations.invite')}
          </Button>
        }
      />
      <Tabs defaultValue="users" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="users">{t('users.tab')}</Tabs.Tab>
          <Tabs.Tab value="invitations">{t('invitations.tab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="users">
          <UsersPanel />
        </Tabs.Panel>
        <Tabs.Panel value="invitations">
          <InvitationsPanel />
        </Tabs.Panel>
      </Tabs>
      <InviteDialog opened={inviting} onClose={invite.close} />
    </>
  );
}
