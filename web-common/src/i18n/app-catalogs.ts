import { enConsole, enCustomer } from './catalogs/en';
import { frConsole, frCustomer } from './catalogs/fr';
import { nlConsole, nlCustomer } from './catalogs/nl';
import { zhTWConsole, zhTWCustomer } from './catalogs/zh-TW';
import type { AppCatalogs } from './i18n';

/*
 * Each app passes its own part to initI18n(); the bundler leaves the other
 * app's messages out (the customer never downloads the console's strings).
 */

export const CUSTOMER_CATALOGS: AppCatalogs = { en: enCustomer, fr: frCustomer, 'zh-TW': zhTWCustomer, nl: nlCustomer };

export const CONSOLE_CATALOGS: AppCatalogs = { en: enConsole, fr: frConsole, 'zh-TW': zhTWConsole, nl: nlConsole };
