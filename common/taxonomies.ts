/** Taxonomies shared by server and web. Codes are stable; labels live in the locale files. */

export const ROLES = ['admin', 'org_admin', 'member', 'observer'] as const;
export type Role = (typeof ROLES)[number];

export const SECTORS = ['government', 'private', 'civil_society', 'international', 'academic'] as const;
export type Sector = (typeof SECTORS)[number];

export const LANGUAGES = ['th', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
