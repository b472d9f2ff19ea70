// i18next with every feature's messages merged into one namespace: keys read
// `<feature>.<path>`, e.g. t('dashboard.alerts.title'). A feature adds its messages here.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { commonMessages } from '../app/messages.ts';
import { authMessages } from '../features/auth/messages.ts';
import { calculatorMessages } from '../features/calculator/messages.ts';
import { clientMessages } from '../features/clients/messages.ts';
import { commissionMessages } from '../features/commission/messages.ts';
import { activityMessages } from '../features/dashboard/activity-messages.ts';
import { dashboardMessages } from '../features/dashboard/messages.ts';
import { dealRegistrationMessages } from '../features/deal-registrations/messages.ts';
import { listsMessages } from '../features/lists/messages.ts';
import { opAuditMessages } from '../features/operator/audit/messages.ts';
import { opBackupsMessages } from '../features/operator/backups/messages.ts';
import { opImportsMessages } from '../features/operator/imports/messages.ts';
import { opIntegrationsMessages } from '../features/operator/integrations/messages.ts';
import { operatorMessages } from '../features/operator/messages.ts';
import { opOverviewMessages } from '../features/operator/overview/messages.ts';
import { opPartnersMessages } from '../features/operator/partners/messages.ts';
import { opProgramMessages } from '../features/operator/program/messages.ts';
import { opRegistrationsMessages } from '../features/operator/registrations/messages.ts';
import { opReportsMessages } from '../features/operator/reports/messages.ts';
import { opSsoMessages } from '../features/operator/sso/messages.ts';
import { opUsersMessages } from '../features/operator/users/messages.ts';
import { previewMessages } from '../features/previews/messages.ts';
import { reportActionMessages } from '../features/reports/messages.ts';
import { savedReportMessages } from '../features/saved-reports/messages.ts';
import { breakdownMessages } from '../features/tier/breakdown/messages.ts';
import { tierForecastMessages } from '../features/tier/forecast/messages.ts';
import { tierMessages } from '../features/tier/messages.ts';
import { tierOverviewMessages } from '../features/tier/overview/messages.ts';
import { tierProgramMessages } from '../features/tier/program/messages.ts';
import { usersMessages } from '../features/users/messages.ts';
import type { FeatureMessages, MessageTree } from './define.ts';
import { LOCALES, type Locale } from './locales.ts';

export const features: Record<string, FeatureMessages<MessageTree>> = {
  common: commonMessages,
  auth: authMessages,
  dashboard: dashboardMessages,
  clients: clientMessages,
  activity: activityMessages,
  commission: commissionMessages,
  dealRegistrations: dealRegistrationMessages,
  tier: tierMessages,
  tierProgram: tierProgramMessages,
  tierOverview: tierOverviewMessages,
  tierForecast: tierForecastMessages,
  breakdown: breakdownMessages,
  calculator: calculatorMessages,
  previews: previewMessages,
  operator: operatorMessages,
  opOverview: opOverviewMessages,
  opPartners: opPartnersMessages,
  opUsers: opUsersMessages,
  opImports: opImportsMessages,
  opProgram: opProgramMessages,
  opReports: opReportsMessages,
  opRegistrations: opRegistrationsMessages,
  opIntegrations: opIntegrationsMessages,
  opAudit: opAuditMessages,
  opSso: opSsoMessages,
  opBackups: opBackupsMessages,
  users: usersMessages,
  lists: listsMessages,
  reportActions: reportActionMessages,
  savedReports: savedReportMessages,
};

export function resourcesFor(locale: Locale): Record<string, MessageTree> {
  return Object.fromEntries(Object.entries(features).map(([name, m]) => [name, m[locale] as MessageTree]));
}

const STORAGE_KEY = 'tierwise.locale';

export function initialLocale(): Locale {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  if (stored && (LOCALES as readonly string[]).includes(stored)) return stored as Locale;
  const browser = typeof navigator === 'undefined' ? 'en' : navigator.language.slice(0, 2);
  return (LOCALES as readonly string[]).includes(browser) ? (browser as Locale) : 'en';
}

/** Remembered in the browser until sign-in, then per user on the server (PATCH /me). */
export function rememberLocale(locale: Locale): void {
  localStorage.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
}

export async function initI18n(): Promise<typeof i18next> {
  const locale = initialLocale();
  await i18next.use(initReactI18next).init({
    lng: locale,
    fallbackLng: false,
    supportedLngs: [...LOCALES],
    resources: Object.fromEntries(LOCALES.map((l) => [l, { translation: resourcesFor(l) }])),
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = locale;
  return i18next;
}
