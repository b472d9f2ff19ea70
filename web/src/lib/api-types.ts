// The API's response types, inferred from the server's own zod schemas (type-only imports:
// nothing of the server is bundled), so the web app and the API cannot drift apart.
import type { z } from 'zod';
import type * as clients from '../../../src/features/clients/schemas.ts';
import type * as commission from '../../../src/features/commission/schemas.ts';
import type * as dashboard from '../../../src/features/dashboard/schemas.ts';
import type * as deals from '../../../src/features/deals/schemas.ts';
import type * as pointChanges from '../../../src/features/point-changes/schemas.ts';
import type * as renewals from '../../../src/features/renewals/schemas.ts';

export type Summary = z.infer<typeof dashboard.summarySchema>;
export type TierProgress = z.infer<typeof dashboard.tierProgressSchema>;
export type PointChanges = z.infer<typeof pointChanges.pointChangesSchema>;
export type PointChangeCategory = z.infer<typeof pointChanges.categorySchema>;
export type PointChangeItems = z.infer<typeof pointChanges.changeItemsSchema>;
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
