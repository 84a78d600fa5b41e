import { enConsole, enCustomer } from './catalogs/en';
import { frConsole, frCustomer } from './catalogs/fr';
import { nlConsole, nlCustomer } from './catalogs/nl';
import { enHelp, enQueueConsole } from './catalogs/queue/en';
import { frHelp, frQueueConsole } from './catalogs/queue/fr';
import { nlHelp, nlQueueConsole } from './catalogs/queue/nl';
import { zhTWHelp, zhTWQueueConsole } from './catalogs/queue/zh-TW';
import { zhTWConsole, zhTWCustomer } from './catalogs/zh-TW';
import type { Catalog } from './catalogs/en';
import type { AppCatalogs } from './i18n';

/*
 * Each app passes its own part to initI18n(); the bundler leaves the other
 * app's messages out (the customer never downloads the console's strings).
 * Parts are joined by a call marked pure: an object spread here would keep both
 * apps' messages in both bundles.
 */
const join = (...parts: Partial<Catalog>[]): Partial<Catalog> => Object.assign({}, ...parts) as Partial<Catalog>;

export const CUSTOMER_CATALOGS: AppCatalogs = {
  en: /* @__PURE__ */ join(enCustomer, enHelp),
  fr: /* @__PURE__ */ join(frCustomer, frHelp),
  'zh-TW': /* @__PURE__ */ join(zhTWCustomer, zhTWHelp),
  nl: /* @__PURE__ */ join(nlCustomer, nlHelp),
};

export const CONSOLE_CATALOGS: AppCatalogs = {
  en: /* @__PURE__ */ join(enConsole, enQueueConsole),
  fr: /* @__PURE__ */ join(frConsole, frQueueConsole),
  'zh-TW': /* @__PURE__ */ join(zhTWConsole, zhTWQueueConsole),
  nl: /* @__PURE__ */ join(nlConsole, nlQueueConsole),
};
