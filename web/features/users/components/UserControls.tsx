import { Button, Group, NativeSelect, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { feedback } from '../../../lib/feedback.ts';
import { isRole } from '../../../lib/roles.ts';
import { useSignedInMe } from '../../../lib/session.ts';
import type { UserView } from '../../../lib/types.ts';
import { useAnonymiseUser, useUpdateUser } from '../api/users.ts';
import { assignableRoles } from './roles.ts';

/** Changing a role saves at once; one's own role is shown but not editable, so nobody locks themselves out. */
export function UserRoleSelect({ user, withLabel = false }: { user: UserView; withLabel?: boolean }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const update = useUpdateUser();

  if (user.id === me.user.id || (user.role === 'admin' && me.user.role !== 'admin')) {
    return (
      <Text size="sm">
        {withLabel && `${t('fields.role')}: `}
        {t(`roles.${user.role}`)}
      </Text>
    );
  }
  return (
    <NativeSelect
      size="xs"
      miw={170}
      label={withLabel ? t('fields.role') : undefined}
      aria-label={withLabel ? undefined : t('users.roleOf', { name: user.displayName })}
      value={user.role}
      disabled={update.isPending}
      data={assignableRoles(me.user.role).map((role) => ({ value: role, label: t(`roles.${role}`) }))}
      onChange={(event) => {
        const role = event.currentTarget.value;
        if (!isRole(role)) return;
        update.mutate(
          { id: user.id, role },
          {
            onSuccess: () => feedback.success(t('users.roleChanged')),
            onError: (error) => feedback.failure(error),
          },
        );
      }}
    />
  );
}

export function UserActions({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const update = useUpdateUser();
  const [confirming, setConfirming] = useState(false);

  if (user.id === me.user.id || user.anonymised) return null;

  const setActive = (active: boolean) =>
    update.mutate(
      { id: user.id, active },
      {
        onSuccess: () => {
          setConfirming(false);
          feedback.success(active ? t('users.reactivated') : t('users.deactivated'));
        },
        onError: (error) => !confirming && feedback.failure(error),
      },
    );

  const anonymise = me.user.role === 'admin' && <AnonymiseUser user={user} />;
  if (!user.active) {
    return (
      <Group gap="xs">
        <Button
          size="xs"
          variant="default"
          loading={update.isPending}
          aria-label={t('users.reactivateNamed', { name: user.displayName })}
          onClick={() => setActive(true)}
        >
          {t('users.reactivate')}
        </Button>
        {anonymise}
      </Group>
    );
  }
  return (
    <Group gap="xs">
      <Button
        size="xs"
        color="red"
        variant="outline"
        aria-label={t('users.deactivateNamed', { name: user.displayName })}
        onClick={() => setConfirming(true)}
      >
        {t('users.deactivate')}
      </Button>
      <ConfirmDialog
        opened={confirming}
        title={t('users.deactivate')}
        message={t('users.deactivateConfirm', { name: user.displayName })}
        confirmLabel={t('users.deactivate')}
        danger
        loading={update.isPending}
        error={update.error}
        onClose={() => setConfirming(false)}
        onConfirm={() => setActive(false)}
      />
      {anonymise}
    </Group>
  );
}

/** Someone who left: erased for good after a confirmation that says what stays and what goes. */
function AnonymiseUser({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const anonymise = useAnonymiseUser();
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <Button
        size="xs"
        color="red"
        variant="subtle"
        aria-label={t('users.anonymiseNamed', { name: user.displayName })}
        onClick={() => setConfirming(true)}
      >
        {t('users.anonymise')}
      </Button>
      <ConfirmDialog
        opened={confirming}
        title={t('users.anonymiseNamed', { name: user.displayName })}
        message={t('users.anonymiseConfirm', { name: user.displayName })}
        confirmLabel={t('users.anonymise')}
        danger
        loading={anonymise.isPending}
        error={anonymise.error}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          anonymise.mutate(user.id, {
            onSuccess: () => {
              setConfirming(false);
              feedback.success(t('users.anonymised'));
            },
          })
        }
      />
    </>
  );
}
