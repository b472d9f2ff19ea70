// The API's response types, inferred from the server's own zod schemas (type-only imports:
// nothing of the server is bundled), so the web app and the API cannot drift apart.
import type { z } from 'zod';
import type * as audit from '../../../src/features/audit/schemas.ts';
import type * as auth from '../../../src/features/auth/schemas.ts';
import type * as clients from '../../../src/features/clients/schemas.ts';
import type * as commission from '../../../src/features/commission/schemas.ts';
import type * as dashboard from '../../../src/features/dashboard/schemas.ts';
import type * as deals from '../../../src/features/deals/schemas.ts';
import type * as imports from '../../../src/features/import/api-schemas.ts';
import type * as operatorReports from '../../../src/features/operator-reports/schemas.ts';
import type * as pointChanges from '../../../src/features/point-changes/schemas.ts';
import type * as renewals from '../../../src/features/renewals/schemas.ts';
import type * as sso from '../../../src/features/sso/schemas.ts';

export type ApiToken = z.infer<typeof auth.apiTokenSchema>;
export type CreatedApiToken = z.infer<typeof auth.createdApiTokenSchema>;
export type ImportView = z.infer<typeof imports.importSchema>;
export type ImportSummary = z.infer<typeof imports.importSummarySchema>;
export type ImportPage = z.infer<typeof imports.importPageSchema>;
export type CreatedImport = z.infer<typeof imports.createdImportSchema>;
export type Summary = z.infer<typeof dashboard.summarySchema>;
export type TierProgress = z.infer<typeof dashboard.tierProgressSchema>;
export type PointChanges = z.infer<typeof pointChanges.pointChangesSchema>;
export type PointChangeCategory = z.infer<typeof pointChanges.categorySchema>;
export type PointChangeItems = z.infer<typeof pointChanges.changeItemsSchema>;
export type PartnerFigures = z.infer<typeof operatorReports.partnerFiguresSchema>;
export type SharedSales = z.infer<typeof deals.sharedSalesSchema>;
export type SalesCategory = z.infer<typeof deals.salesCategorySchema>;
export type SalesItems = z.infer<typeof deals.salesItemsSchema>;
export type Commission = z.infer<typeof commission.commissionSchema>;
export type ClientList = z.infer<typeof clients.clientListSchema>;
export type ClientRow = z.infer<typeof clients.clientRowSchema>;
export type ClientDetail = z.infer<typeof clients.clientDetailSchema>;
export type ClientRenewals = z.infer<typeof clients.clientRenewalsSchema>;
export type ClientUsage = z.infer<typeof clients.clientUsageSchema>;
export type Engagement = z.infer<typeof clients.engagementSchema>;
export type EndServices = z.infer<typeof clients.endServicesSchema>;
export type RenewalList = z.infer<typeof renewals.renewalListSchema>;
export type RenewalRow = z.infer<typeof renewals.renewalRowSchema>;
export type ClientSort = (typeof clients.CLIENT_SORTS)[number];
export type Relationship = z.infer<typeof clients.relationshipSchema>;
export type EngagementBand = z.infer<typeof clients.bandSchema>;
export type RenewalSort = (typeof renewals.RENEWAL_SORTS)[number];
export type RenewalStatus = RenewalRow['status'];
export type SortDir = 'asc' | 'desc';
/** The clients table's query string (GET /partners/:id/clients; see clients.clientListQuery). */
export type ClientListParams = {
  sort: ClientSort;
  dir: SortDir;
  page: number;
  pageSize: number;
  q?: string | undefined;
  relationship?: Relationship | undefined;
};
/** The upcoming renewals table's query string (GET /partners/:id/renewals; see renewals.renewalListQuery). */
export type RenewalListParams = {
  sort: RenewalSort;
  dir: SortDir;
  page: number;
  pageSize: number;
};

/** GET /partners/:id/team. Written out by hand: the zod schema is private to team/routes.ts. */
export interface TeamContacts {
  contacts: {
    role: string;
    name: string;
    email: string;
    description: string | null;
    mailto: string;
  }[];
}
export type TeamContact = TeamContacts['contacts'][number];
export type Payout = Commission['past'][number];
export type ChangeItem = PointChangeItems['items'][number];
export type Deal = SalesItems['items'][number];

import type * as tier from '../../../src/features/tier/schemas.ts';

export type TierPage = z.infer<typeof tier.tierSchema>;
export type ProgressChart = z.infer<typeof tier.progressChartSchema>;
export type Breakdown = z.infer<typeof tier.breakdownSchema>;
export type SoldOverTime = z.infer<typeof tier.soldOverTimeSchema>;
export type MonthClients = z.infer<typeof tier.monthClientsSchema>;

// The Tier page's points breakdown and a client's points history (features/tier/breakdown).
export type BreakdownRow = Breakdown['items'][number];
export type BreakdownSort = tier.BreakdownQuery['sort'];
export type DealType = NonNullable<tier.BreakdownQuery['dealType']>;
export type MarketType = NonNullable<tier.BreakdownQuery['market']>;
/** The points breakdown's query string (GET /partners/:id/tier/breakdown; see tier.breakdownQuery). */
export type BreakdownParams = {
  sort: BreakdownSort;
  dir: SortDir;
  page: number;
  pageSize: number;
  q?: string | undefined;
  dealType?: DealType | undefined;
  market?: MarketType | undefined;
};
export type ClientHistory = z.infer<typeof clients.clientHistorySchema>;
export type HistoryEntry = ClientHistory['entries'][number];
/** The rule behind a sold entry's points (a client's history, a point-change report). */
export type EntryRule = HistoryEntry['rule'];
export type ManagedMonth = ClientHistory['managed'][number];

import type * as previews from '../../../src/features/previews/schemas.ts';
import type * as program from '../../../src/features/program/schemas.ts';

export type ProgramInForce = z.infer<typeof program.programResponseSchema>;
export type MyPreviews = z.infer<typeof previews.myPreviewsSchema>;
export type MyPreview = z.infer<typeof previews.myPreviewSchema>;
export type PartnerPreviews = z.infer<typeof previews.partnerPreviewsSchema>;
export type PartnerOptin = z.infer<typeof previews.partnerOptinSchema>;

import type * as webhooks from '../../../src/features/webhooks/schemas.ts';

export type Webhook = z.infer<typeof webhooks.webhookSchema>;
export type CreatedWebhook = z.infer<typeof webhooks.createdWebhookSchema>;
/** An event an endpoint can subscribe to (the test event is sent only on request). */
export type WebhookEventType = z.infer<typeof webhooks.eventTypeSchema>;
export type WebhookDelivery = z.infer<typeof webhooks.deliverySchema>;
export type WebhookDeliveryStatus = WebhookDelivery['status'];
export type ManualDelivery = z.infer<typeof webhooks.manualDeliverySchema>;
export type AuditEntry = z.infer<typeof audit.auditEntrySchema>;
export type AuditPage = z.infer<typeof audit.auditPageSchema>;

import type * as registrations from '../../../src/features/deal-registrations/schemas.ts';

// The operators' deal registration queue (features/deal-registrations), with conflict evidence.
export type RegistrationQueue = z.infer<typeof registrations.queueSchema>;
export type QueueRegistration = RegistrationQueue['registrations'][number];
export type RegistrationConflict = QueueRegistration['conflicts'][number];
export type RegistrationDecisionBody = z.input<typeof registrations.decisionBody>;
export type ExtensionDecisionBody = z.input<typeof registrations.extensionDecisionBody>;
// A partner's own registrations (register, the as-you-type check, My registrations, extension).
export type Registration = z.infer<typeof registrations.registrationSchema>;
export type RegistrationStatus = Registration['status'];
export type RegistrationList = z.infer<typeof registrations.registrationListSchema>;
export type RegistrationCheck = z.infer<typeof registrations.checkAnswerSchema>;
export type RegistrationCheckBody = z.input<typeof registrations.checkBody>;
export type RegistrationBody = z.input<typeof registrations.createBody>;

import type * as programApi from '../../../src/features/program/api-schemas.ts';

// The program's versions, drafts, what-if and publish (operators only).
export type ProgramProblem = programApi.ProgramProblem;
export type ProgramVersionSummary = programApi.VersionSummary;
export type ProgramVersionList = z.infer<typeof programApi.versionListSchema>;
export type ProgramVersion = z.infer<typeof programApi.versionSchema>;
export type ProgramDiff = z.infer<typeof programApi.diffSchema>;
export type ProgramDiffEntry = programApi.DiffEntry;
export type ProgramDraftSummary = z.infer<typeof programApi.draftSummarySchema>;
export type ProgramDraftList = z.infer<typeof programApi.draftListSchema>;
export type ProgramDraft = programApi.DraftView;
export type CreateDraftBody = z.input<typeof programApi.createDraftBody>;
export type PatchDraftBody = z.input<typeof programApi.patchDraftBody>;
export type WhatIfBody = z.input<typeof programApi.whatIfBody>;
export type Standing = programApi.Standing;
export type WhatIfAnswer = programApi.WhatIfAnswer;
export type WhatIfRow = WhatIfAnswer['partners'][number];
export type WhatIfJob = z.infer<typeof programApi.whatIfJobSchema>;
export type PublishJob = z.infer<typeof programApi.publishJobSchema>;
export type ProgramJobStatus = WhatIfJob['status'];
export type CreatedProgramJob = z.infer<typeof programApi.createdJobSchema>;
/** Who did something to the program; both null: the command line. */
export type ProgramPerson = ProgramDraftSummary['createdBy'];

import type * as lists from '../../../src/features/lists/schemas.ts';

// A partner's static lists of clients (features/lists), and what adding or removing members did.
export type ListSummary = z.infer<typeof lists.listSummarySchema>;
export type ListList = z.infer<typeof lists.listListSchema>;
export type ListDetail = z.infer<typeof lists.listDetailSchema>;
export type ListMember = ListDetail['members'][number];
export type MembersAdded = z.infer<typeof lists.membersAddedSchema>;
export type MembersRemoved = z.infer<typeof lists.membersRemovedSchema>;

import type * as savedReports from '../../../src/features/saved-reports/schemas.ts';

// Saved reports ("Save as report") with their live figure, and the user's dashboard cards.
export type SavedReport = z.infer<typeof savedReports.savedReportSchema>;
export type SavedReportWithFigure = z.infer<typeof savedReports.savedReportWithFigureSchema>;
export type SavedReportList = z.infer<typeof savedReports.savedReportListSchema>;
export type SavedReportDefinition = z.input<typeof savedReports.definitionSchema>;
export type ReportCatalog = z.infer<typeof savedReports.catalogSchema>;
export type ReportCatalogEntry = ReportCatalog['reports'][number];
export type SavedReportBody = z.input<typeof savedReports.createReportBody>;
export type ReportFigure = z.infer<typeof savedReports.figureSchema>;
export type DashboardCard = z.infer<typeof savedReports.cardSchema>;
export type DashboardCardList = z.infer<typeof savedReports.cardListSchema>;

/** Why a single sign-on was refused (the refusal page's reasons). */
export type SsoRefusal = sso.SsoRefusal;
