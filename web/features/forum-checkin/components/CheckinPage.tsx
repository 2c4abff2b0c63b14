import { Anchor, SegmentedControl, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryPage } from '../../../components/QueryPage.tsx';
import { useAttendance } from '../api/forum-checkin.ts';
import { AttendancePanel } from './AttendancePanel.tsx';
import { ScanPanel } from './ScanPanel.tsx';
import { WalkInPanel } from './WalkInPanel.tsx';

type Tab = 'scan' | 'walkIn' | 'attendance';

/** The staff's phone at the door: scan tickets, admit walk-ins, watch attendance. */
export function CheckinPage() {
  const { eventId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const attendance = useAttendance(eventId);
  const [tab, setTab] = useState<Tab>('scan');
  return (
    <QueryPage
      query={attendance}
      title={t('forumCheckin.title')}
      back={{ to: '/forums', label: t('forumCheckin.backToForums') }}
    >
      {(data) => (
        <Stack>
          <PageHeader
            title={t('forumCheckin.title')}
            description={
              <Anchor component={Link} to={`/forums/${eventId}`}>
                {t('forumCheckin.eventName', {
                  number: data.event.number,
                  title: i18n.language === 'th' ? data.event.titleTh : data.event.titleEn,
                })}
              </Anchor>
            }
          />
          <SegmentedControl
            fullWidth
            value={tab}
            onChange={(value) => setTab(value as Tab)}
            data={[
              { value: 'scan', label: t('forumCheckin.tabs.scan') },
              { value: 'walkIn', label: t('forumCheckin.tabs.walkIn') },
              {
                value: 'attendance',
                label: t('forumCheckin.tabs.attendance', {
                  checkedIn: data.checkedIn,
                  registered: data.registered,
                }),
              },
            ]}
          />
          {tab === 'scan' && <ScanPanel eventId={eventId} />}
          {tab === 'walkIn' && <WalkInPanel eventId={eventId} />}
          {tab === 'attendance' && <AttendancePanel attendance={data} />}
        </Stack>
      )}
    </QueryPage>
  );
}
