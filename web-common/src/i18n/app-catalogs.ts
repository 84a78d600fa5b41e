import { enReadout } from './catalogs/readout/en';
import { frReadout } from './catalogs/readout/fr';
import { nlReadout } from './catalogs/readout/nl';
import { zhTWReadout } from './catalogs/readout/zh-TW';
import { enConfirmConsole, enConfirmCustomer } from './catalogs/confirm/en';
import { frConfirmConsole, frConfirmCustomer } from './catalogs/confirm/fr';
import { nlConfirmConsole, nlConfirmCustomer } from './catalogs/confirm/nl';
import { zhTWConfirmConsole, zhTWConfirmCustomer } from './catalogs/confirm/zh-TW';
import { enConsole, enCustomer } from './catalogs/en';
import { frConsole, frCustomer } from './catalogs/fr';
import { nlConsole, nlCustomer } from './catalogs/nl';
import { zhTWConsole, zhTWCustomer } from './catalogs/zh-TW';
import type { AppCatalogs } from './i18n';

/*
 * Each app passes its own part to initI18n(); the bundler leaves the other
 * app's messages out (the customer never downloads the console's strings).
 */

export const CUSTOMER_CATALOGS: AppCatalogs = {
  en: { ...enCustomer, ...enConfirmCustomer },
  fr: { ...frCustomer, ...frConfirmCustomer },
  'zh-TW': { ...zhTWCustomer, ...zhTWConfirmCustomer },
  nl: { ...nlCustomer, ...nlConfirmCustomer },
};

export const CONSOLE_CATALOGS: AppCatalogs = {
  en: { ...enConsole, ...enConfirmConsole, ...enReadout },
  fr: { ...frConsole, ...frConfirmConsole, ...frReadout },
  'zh-TW': { ...zhTWConsole, ...zhTWConfirmConsole, ...zhTWReadout },
  nl: { ...nlConsole, ...nlConfirmConsole, ...nlReadout },
};
