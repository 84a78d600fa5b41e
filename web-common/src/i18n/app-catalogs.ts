import { enConsole, enCustomer } from './catalogs/en';
import { frConsole, frCustomer } from './catalogs/fr';
import { nlConsole, nlCustomer } from './catalogs/nl';
import { enHelp } from './catalogs/queue/en';
import { frHelp } from './catalogs/queue/fr';
import { nlHelp } from './catalogs/queue/nl';
import { zhTWHelp } from './catalogs/queue/zh-TW';
import { zhTWConsole, zhTWCustomer } from './catalogs/zh-TW';
import type { AppCatalogs } from './i18n';

/*
 * Each app passes its own part to initI18n(); the bundler leaves the other
 * app's messages out (the customer never downloads the console's strings).
 */

export const CUSTOMER_CATALOGS: AppCatalogs = {
  en: { ...enCustomer, ...enHelp },
  fr: { ...frCustomer, ...frHelp },
  'zh-TW': { ...zhTWCustomer, ...zhTWHelp },
  nl: { ...nlCustomer, ...nlHelp },
};

export const CONSOLE_CATALOGS: AppCatalogs = { en: enConsole, fr: frConsole, 'zh-TW': zhTWConsole, nl: nlConsole };
