// Static tables of the demo data generator: products and list prices, currencies and
// the countries billed in them, names. Currencies are exactly those of the example
// program's currency table (PROGRAM_RULES §2), so every generated amount converts.

export const HUBS = ['Marketing Hub', 'Sales Hub', 'Service Hub', 'CMS Hub', 'Operations Hub'] as const;
export const EDITIONS = ['Starter', 'Professional', 'Enterprise'] as const;

/** Product index = hub * 3 + edition. */
export const PRODUCTS: readonly string[] = HUBS.flatMap((hub) => EDITIONS.map((e) => `${hub} ${e}`));
export const hubOf = (product: number): number => Math.floor(product / 3);
export const editionOf = (product: number): number => product % 3;

/** List price in USD per month of one base unit (seat pack / contact tier), by hub and edition. */
export const LIST_PRICE_USD: readonly (readonly number[])[] = [
  [20, 890, 3600],
  [20, 450, 1500],
  [20, 450, 1500],
  [25, 400, 1200],
  [20, 720, 2000],
];
/** How strongly a client's size multiplies the base price (seats for Sales/Service, contacts for Marketing). */
export const SIZE_ELASTICITY: readonly number[] = [0.6, 0.85, 0.85, 0.2, 0.3];
/** First hub a client buys (by hub index). */
export const FIRST_HUB_WEIGHTS: readonly (readonly [number, number])[] = [55, 22, 8, 12, 3].map(
  (w, hub) => [hub, w] as const,
);

export interface CurrencyInfo {
  code: string;
  /** Share of clients billed in it. */
  weight: number;
  /** Units per 100 USD, roughly (for list prices and payments, not for points). */
  per100: number;
  /** Decimals of list prices after rounding to a "nice" price. */
  roundTo: number;
  countries: readonly (readonly [string, number])[];
}

/** 'a, b, c' as ['a', 'b', 'c']: keeps the name tables compact. */
function list(text: string, separator = ','): readonly string[] {
  return text
    .split(separator)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** 'US:76 MX:3.5' as [['US', 76], ['MX', 3.5]]. */
function weights(text: string): readonly (readonly [string, number])[] {
  return list(text, ' ').map((pair) => {
    const [key, weight] = pair.split(':');
    return [key!, Number(weight)] as const;
  });
}

/** 'US=com|GB=co.uk' as { US: 'com', GB: 'co.uk' }. */
function record(text: string): Readonly<Record<string, string>> {
  return Object.fromEntries(list(text, '|').map((pair) => pair.split('=').map((s) => s.trim())));
}

export const CURRENCIES: readonly CurrencyInfo[] = [
  {
    code: 'USD',
    weight: 45,
    per100: 100,
    roundTo: 1,
    countries: weights(`US:76 MX:3.5 BR:3.5 IN:3 PH:1.5 AR:1.2 CL:1.2 PE:0.8 MY:1 TH:0.8 VN:0.8 ID:1 HK:0.9
      TW:0.7 KR:0.8 AE:1.5 IL:1.5`),
  },
  {
    code: 'EUR',
    weight: 18,
    per100: 88,
    roundTo: 1,
    countries: weights('DE:30 FR:18 NL:14 ES:12 IT:10 IE:6 BE:5 AT:3 FI:2'),
  },
  { code: 'GBP', weight: 14, per100: 74, roundTo: 1, countries: weights('GB:1') },
  { code: 'AUD', weight: 6, per100: 154, roundTo: 1, countries: weights('AU:9 NZ:1') },
  { code: 'CAD', weight: 5, per100: 130, roundTo: 1, countries: weights('CA:1') },
  { code: 'JPY', weight: 3, per100: 14400, roundTo: 100, countries: weights('JP:1') },
  { code: 'SGD', weight: 3, per100: 129, roundTo: 1, countries: weights('SG:1') },
  { code: 'ZAR', weight: 2, per100: 1768, roundTo: 10, countries: weights('ZA:1') },
  { code: 'COP', weight: 4, per100: 408000, roundTo: 1000, countries: weights('CO:1') },
];

/** Where partners (agencies) are based, and the currency they are paid in. */
export const PARTNER_LOCATIONS: readonly (readonly [string, string, number])[] = weights(
  `US/USD:34 GB/GBP:13 DE/EUR:7 NL/EUR:5 FR/EUR:4 ES/EUR:3 IE/EUR:2 SE/EUR:2 AU/AUD:6 CA/CAD:5 JP/JPY:3
   SG/SGD:3 ZA/ZAR:2 CO/COP:3 MX/USD:3 BR/USD:3 IN/USD:2`,
).map(([where, w]) => [where.slice(0, 2), where.slice(3), w] as const);

export const TLD =
  record(`US=com|GB=co.uk|DE=de|NL=nl|FR=fr|ES=es|IT=it|IE=ie|BE=be|AT=at|FI=fi|SE=se|AU=com.au
  |NZ=co.nz|CA=ca|JP=co.jp|SG=sg|ZA=co.za|CO=com.co|MX=com.mx|BR=com.br|IN=in|PH=ph|AR=com.ar|CL=cl|PE=pe|MY=com.my
  |TH=co.th|VN=vn|ID=co.id|HK=com.hk|TW=com.tw|KR=co.kr|AE=ae|IL=co.il`);

export const LEGAL_SUFFIX =
  record(`US=Inc.|GB=Ltd|DE=GmbH|NL=B.V.|FR=SAS|ES=S.L.|IT=S.r.l.|IE=Ltd|BE=BV|AT=GmbH|FI=Oy
  |AU=Pty Ltd|NZ=Ltd|CA=Inc.|JP=K.K.|SG=Pte. Ltd.|ZA=(Pty) Ltd|CO=S.A.S.|MX=S.A. de C.V.|BR=Ltda.|IN=Pvt. Ltd.
  |MY=Sdn. Bhd.`);

export const PARTNER_WORDS_A =
  list(`Bright, North, Blue, Summit, Harbor, Clever, Bold, True, Silver, Open, Rapid, Kind,
  Crisp, Lively, Copper, Maple, Orbit, Pixel, Signal, Vivid, Lumen, Tidal, Cedar, Atlas, Nimble, Golden, Iron, Prism,
  Echo, Flow, Spark, Keystone, Velvet, Urban, Wild, Coral`);
export const PARTNER_WORDS_B =
  list(`Fox, Lane, Peak, Wave, Bridge, Owl, Harbor, Growth, Loop, Funnel, Compass, Anchor,
  Forge, Studio, Rocket, Sprout, Beacon, Garden, Engine, Canvas, Path, River, Stack, Tree`);
export const PARTNER_KIND = list(
  'Digital, Agency, Marketing, Consulting, Group, Labs, Partners, Media, Growth, RevOps',
);

export const CLIENT_WORDS_A =
  list(`Acme, Nordic, Pacific, Granite, Sunrise, Evergreen, Metro, Apex, Pioneer, Vertex,
  Horizon, Lakeside, Redwood, Sterling, Quantum, Oak, Riverbend, Highland, Northstar, Bluebird, Falcon, Meridian, Cobalt,
  Juniper, Willow, Aurora, Polar, Crescent, Harvest, Beacon, Ember, Mosaic, Terra, Onyx, Sable, Zenith, Alpine, Coastal,
  Prairie, Saffron, Indigo, Hawthorn`);
export const CLIENT_WORDS_B =
  list(`Logistics, Dental, Software, Foods, Analytics, Robotics, Health, Capital, Energy,
  Outdoor, Furniture, Labs, Learning, Apparel, Insurance, Realty, Systems, Travel, Fitness, Pharma, Motors, Security,
  Brewing, Design, Networks, Solar, Clinics, Legal, Payments, Bakery`);

export const INDUSTRIES = list(
  `Computer Software; Information Technology and Services; Marketing and Advertising; Financial Services;
  Health, Wellness and Fitness; Real Estate; Higher Education; Retail; Manufacturing; Hospitality;
  Logistics and Supply Chain; Construction; Hospital & Health Care; E-Learning; Consumer Goods;
  Nonprofit Organization Management; Legal Services; Automotive; Renewables & Environment`,
  ';',
);

export const FIRST_NAMES =
  list(`Emma, Liam, Olivia, Noah, Ava, Lucas, Sofia, Mateo, Mia, Elias, Hannah, Daan, Saga,
  Oscar, Chloe, Arjun, Priya, Kenji, Yuki, Thandi, Sipho, Camila, Diego, Grace, Ethan, Isla, Jack, Amelia, Leon, Freya,
  Wei, Mei, Rafael, Lucia, Noor, Omar, Ingrid, Lars`);
export const LAST_NAMES =
  list(`Smith, Johnson, Garcia, Müller, de Vries, Andersson, Martin, Rossi, Tanaka, Sato, Nkosi,
  Naidoo, Patel, Sharma, Silva, Santos, Lopez, Brown, Wilson, Taylor, Jansen, Bakker, Lindqvist, Chen, Wong, Kim, Okafor,
  Dubois, Novak, Kowalski, O'Brien, Murphy, Fischer`);

export const CERTIFICATIONS = list(`Solutions Partner Certification, Inbound Marketing, Sales Software,
  Service Hub Software, CMS for Developers, Revenue Operations, Platform Consultant`);

/** Vendor roles a partner's team contacts hold, with how each helps (shown on the dashboard). */
export const TEAM_ROLES: readonly (readonly [string, string])[] = [
  [
    'Partner Development Manager',
    'Your main contact for growing the partnership: business planning, tier progress and co-selling opportunities.',
  ],
  [
    'Partner Manager',
    'Helps you with program questions, certifications, deal registration and day-to-day escalations.',
  ],
  [
    'Channel Account Manager',
    'Works jointly on deals: brings in vendor-sourced opportunities and supports your sourced pipeline.',
  ],
  [
    'Partner Success Manager',
    'Helps your clients adopt the products: onboarding, usage reviews and renewals at risk.',
  ],
  [
    'Solutions Engineer',
    'Technical pre-sales help: demos, integrations, migrations and solution architecture.',
  ],
  [
    'Partner Marketing Manager',
    'Co-marketing: campaigns, events, case studies and marketing development funds.',
  ],
];

export const APPS =
  list(`Gmail, Outlook, Slack, Zoom, Salesforce, Shopify, WordPress, Zapier, LinkedIn Sales Navigator,
  Stripe, Google Ads, Meta Ads, Microsoft Teams, Intercom, Jira, QuickBooks, Xero, Calendly`);

export const CONTACT_TIERS = list('1,000; 2,000; 5,000; 10,000; 25,000; 50,000; 100,000', ';');
export const EMAIL_TIERS = list('Free, Starter, Professional, Enterprise');
