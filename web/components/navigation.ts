import {
  IconBuildingCommunity,
  IconCalendarEvent,
  IconChartBar,
  IconChecklist,
  IconHeartHandshake,
  IconHome,
  IconLifebuoy,
  IconListDetails,
  IconMail,
  IconMessageCircle,
  IconMessageReport,
  IconRosetteDiscountCheck,
  IconSettings,
  IconUsers,
} from '@tabler/icons-react';
import type { Role } from '../lib/types.ts';

export interface NavigationItem {
  path: string;
  /** i18n key of the label */
  label: string;
  /** i18n key of a one-line description, shown on the home page */
  description: string;
  /** Observers only read: a description that invites them to act would promise what they cannot do. */
  observerDescription?: string;
  icon: typeof IconHome;
  roles: readonly Role[];
  /** Shows how many tasks wait for the user. */
  taskBadge?: boolean;
}

const everyone: readonly Role[] = ['admin', 'org_admin', 'member', 'observer'];

/** Every page of the signed-in app, with who may use it; the menu and home page show only these. */
export const NAVIGATION: readonly NavigationItem[] = [
  { path: '/', label: 'nav.home', description: 'nav.homeDescription', icon: IconHome, roles: everyone },
  {
    path: '/finder',
    label: 'nav.finder',
    description: 'nav.finderDescription',
    icon: IconLifebuoy,
    roles: everyone,
  },
  {
    path: '/organisations',
    label: 'nav.organisations',
    description: 'nav.organisationsDescription',
    icon: IconBuildingCommunity,
    roles: everyone,
  },
  {
    path: '/problems',
    label: 'nav.problems',
    description: 'nav.problemsDescription',
    observerDescription: 'nav.problemsDescriptionObserver',
    icon: IconMessageReport,
    roles: everyone,
  },
  {
    path: '/coordination',
    label: 'nav.coordination',
    description: 'nav.coordinationDescription',
    observerDescription: 'nav.coordinationDescriptionObserver',
    icon: IconHeartHandshake,
    roles: everyone,
  },
  {
    path: '/forums',
    label: 'nav.forums',
    description: 'nav.forumsDescription',
    icon: IconCalendarEvent,
    roles: everyone,
  },
  {
    path: '/reports',
    label: 'nav.reports',
    description: 'nav.reportsDescription',
    icon: IconChartBar,
    roles: everyone,
  },
  {
    path: '/tasks',
    label: 'nav.tasks',
    description: 'nav.tasksDescription',
    icon: IconChecklist,
    roles: ['admin', 'org_admin'],
    taskBadge: true,
  },
  {
    path: '/verification',
    label: 'nav.verification',
    description: 'nav.verificationDescription',
    icon: IconRosetteDiscountCheck,
    roles: ['admin'],
  },
  {
    path: '/users',
    label: 'nav.users',
    description: 'nav.usersDescription',
    icon: IconUsers,
    roles: ['admin', 'org_admin'],
  },
  {
    path: '/audit',
    label: 'nav.audit',
    description: 'nav.auditDescription',
    icon: IconListDetails,
    roles: ['admin'],
  },
  {
    path: '/outbox',
    label: 'nav.outbox',
    description: 'nav.outboxDescription',
    icon: IconMail,
    roles: ['admin'],
  },
  {
    path: '/line-deliveries',
    label: 'nav.lineDeliveries',
    description: 'nav.lineDeliveriesDescription',
    icon: IconMessageCircle,
    roles: ['admin'],
  },
  {
    path: '/settings',
    label: 'nav.settings',
    description: 'nav.settingsDescription',
    icon: IconSettings,
    roles: everyone,
  },
];

export function navigationFor(role: Role): NavigationItem[] {
  return NAVIGATION.filter((item) => item.roles.includes(role));
}
