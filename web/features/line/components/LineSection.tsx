import { Alert, Badge, Button, Group, Image, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { LINE_KINDS, type LineKind } from '../../../../common/line-api.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { Section } from '../../../components/Section.tsx';
import { SectionLoader } from '../../../components/SectionLoader.tsx';
import { formatDateTime } from '../../../lib/dates.ts';
import { feedback, sendWithFeedback } from '../../../lib/feedback.ts';
import { useLanguage } from '../../../lib/i18n.ts';
import {
  type LinePreferences,
  useLinePreferences,
  useLineStatus,
  useSaveLinePreferences,
  useStartLineLink,
  useUnlinkLine,
} from '../api/line.ts';

/**
 * Settings → Connect LINE. Linking is LINE's account linking: add the Official Account (QR code or button),
 * the bot answers with a link to this page carrying a link token, the signed-in user confirms, LINE asks
 * them to agree and tells TIPNet through the webhook.
 */
export function LineSection() {
  const { t } = useTranslation();
  const language = useLanguage();
  const status = useLineStatus();
  const unlink = useUnlinkLine();
  const start = useStartLineLink();
  const [params] = useSearchParams();
  const linkToken = params.get('lineLinkToken');

  const confirm = () => {
    if (!linkToken) return;
    start.mutate(linkToken, { onSuccess: ({ redirectUrl }) => window.location.assign(redirectUrl) });
  };

  return (
    <Section id="line" title={t('lineSettings.title')} description={t('lineSettings.description')}>
      <ErrorAlert error={status.error ?? start.error ?? unlink.error} />
      {status.isPending && <SectionLoader />}
      {status.data && !status.data.configured && (
        <Alert color="gray">{t('lineSettings.notConfigured')}</Alert>
      )}
      {status.data?.configured && (
        <Stack gap="md">
          <Group gap="xs">
            <Badge
              color={status.data.linked ? 'green' : 'gray'}
              variant="light"
              // Green text on the light green fill fails contrast (WCAG 1.4.3); dark text on it does not.
              c="dark.7"
            >
              {status.data.linked ? t('lineSettings.linked') : t('lineSettings.notLinked')}
            </Badge>
            {status.data.linkedAt && (
              <Text size="sm" c="dimmed">
                {t('lineSettings.linkedAt', { date: formatDateTime(status.data.linkedAt, language) })}
              </Text>
            )}
          </Group>
          {!status.data.linked && linkToken && (
            <Alert color="green" title={t('lineSettings.confirmTitle')}>
              <Stack gap="sm">
                <Text size="sm">{t('lineSettings.confirmBody')}</Text>
                <Button onClick={confirm} loading={start.isPending} color="green">
                  {t('lineSettings.confirm')}
                </Button>
              </Stack>
            </Alert>
          )}
          {!status.data.linked && !linkToken && (
            <Stack gap="xs">
              <Text size="sm">{t('lineSettings.step1')}</Text>
              {status.data.addFriendQrSvg && (
                <Image
                  src={`data:image/svg+xml;utf8,${encodeURIComponent(status.data.addFriendQrSvg)}`}
                  alt={t('lineSettings.qrAlt')}
                  w={180}
                  h={180}
                />
              )}
              {status.data.addFriendUrl && (
                <Button component="a" href={status.data.addFriendUrl} color="green" variant="light">
                  {t('lineSettings.addFriend')}
                </Button>
              )}
              <Text size="sm">{t('lineSettings.step2')}</Text>
            </Stack>
          )}
          {status.data.linked && (
            <Group>
              <Button
                variant="default"
                loading={unlink.isPending}
                onClick={() => sendWithFeedback(unlink, undefined, { success: t('lineSettings.unlinked') })}
              >
                {t('lineSettings.unlink')}
              </Button>
            </Group>
          )}
          <LinePreferencesForm />
        </Stack>
      )}
    </Section>
  );
}

/** When to hear of each kind on LINE; each choice is saved as soon as it is made. */
function LinePreferencesForm() {
  const { t } = useTranslation();
  const prefs = useLinePreferences();
  const save = useSaveLinePreferences();
  const frequencies = [
    { value: 'immediately', label: t('lineSettings.immediately') },
    { value: 'daily', label: t('lineSettings.daily') },
    { value: 'off', label: t('lineSettings.off') },
  ];
  const change = (kind: LineKind, value: string) => {
    if (!prefs.data) return;
    save.mutate({ ...prefs.data, [kind]: value } as LinePreferences, {
      onSuccess: () => feedback.success(t('lineSettings.saved')),
    });
  };
  return (
    <Stack gap="md">
      <Text fw={700}>{t('lineSettings.preferencesTitle')}</Text>
      <ErrorAlert error={prefs.error ?? save.error} />
      {prefs.data &&
        LINE_KINDS.map((kind) => (
          <Stack key={kind} gap={4} role="group" aria-labelledby={`line-pref-${kind}`}>
            <Text fw={600} id={`line-pref-${kind}`}>
              {t(`lineSettings.kinds.${kind}`)}
            </Text>
            <SegmentedControl
              fullWidth
              value={prefs.data[kind]}
              onChange={(value) => change(kind, value)}
              disabled={save.isPending}
              data={frequencies}
            />
          </Stack>
        ))}
    </Stack>
  );
}
