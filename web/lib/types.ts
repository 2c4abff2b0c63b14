/** Response and request shapes from the shared contract, as types only (keeps Zod out of the bundle). */
import type { z } from 'zod';
import type * as Contract from '../../common/api.ts';

export type { Language, Role, Sector } from '../../common/taxonomies.ts';

export type MeView = Contract.MeView;
export type OrganisationSummary = Contract.OrganisationSummary;
export type SessionView = Contract.SessionView;
export type SessionExpiryView = Contract.SessionExpiryView;
export type LoginResult = Contract.LoginResult;
export type InvitationView = Contract.InvitationView;
export type UserView = Contract.UserView;
export type AuditEventView = Contract.AuditEventView;
export type AuditEventPage = Contract.AuditEventPage;
export type OutboxEmailView = Contract.OutboxEmailView;
export type InvitationPreview = z.infer<typeof Contract.InvitationPreview>;
export type TotpSetupView = z.infer<typeof Contract.TotpSetupView>;
export type RecoveryCodesView = z.infer<typeof Contract.RecoveryCodesView>;
export type OkView = z.infer<typeof Contract.OkView>;

export type LoginBody = z.input<typeof Contract.LoginBody>;
export type UpdateMeBody = z.input<typeof Contract.UpdateMeBody>;
export type ChangePasswordBody = z.input<typeof Contract.ChangePasswordBody>;
export type CreateInvitationBody = z.input<typeof Contract.CreateInvitationBody>;
export type AcceptInvitationBody = z.input<typeof Contract.AcceptInvitationBody>;
export type UpdateUserBody = z.input<typeof Contract.UpdateUserBody>;
export type AuditListFilters = Omit<z.input<typeof Contract.AuditListQuery>, 'cursor' | 'limit'>;
export type OutboxStatus = Contract.OutboxEmailView['status'];

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
