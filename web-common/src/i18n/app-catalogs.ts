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
import { enAccountsConsole } from './catalogs/accounts/en';
import { frAccountsConsole } from './catalogs/accounts/fr';
import { nlAccountsConsole } from './catalogs/accounts/nl';
import { zhTWAccountsConsole } from './catalogs/accounts/zh-TW';
import { enHelp, enQueueConsole } from './catalogs/queue/en';
import { frHelp, frQueueConsole } from './catalogs/queue/fr';
import { nlHelp, nlQueueConsole } from './catalogs/queue/nl';
import { zhTWHelp, zhTWQueueConsole } from './catalogs/queue/zh-TW';
import { zhTWConsole, zhTWCustomer } from './catalogs/zh-TW';
import { enFolderConsole, enFolderCustomer } from './catalogs/folder/en';
import { frFolderConsole, frFolderCustomer } from './catalogs/folder/fr';
import { nlFolderConsole, nlFolderCustomer } from './catalogs/folder/nl';
import { zhTWFolderConsole, zhTWFolderCustomer } from './catalogs/folder/zh-TW';
import { enHistoryConsole } from './catalogs/history/en';
import { frHistoryConsole } from './catalogs/history/fr';
import { nlHistoryConsole } from './catalogs/history/nl';
import { zhTWHistoryConsole } from './catalogs/history/zh-TW';
import { enRecordsConsole, enRecordsCustomer } from './catalogs/records/en';
import { frRecordsConsole, frRecordsCustomer } from './catalogs/records/fr';
import { nlRecordsConsole, nlRecordsCustomer } from './catalogs/records/nl';
import { zhTWRecordsConsole, zhTWRecordsCustomer } from './catalogs/records/zh-TW';
import { enFiles } from './catalogs/files/en';
import { frFiles } from './catalogs/files/fr';
import { nlFiles } from './catalogs/files/nl';
import { zhTWFiles } from './catalogs/files/zh-TW';
import { enTeamConsole, enTeamCustomer, enTeamShared } from './catalogs/team/en';
import { frTeamConsole, frTeamCustomer, frTeamShared } from './catalogs/team/fr';
import { nlTeamConsole, nlTeamCustomer, nlTeamShared } from './catalogs/team/nl';
import { zhTWTeamConsole, zhTWTeamCustomer, zhTWTeamShared } from './catalogs/team/zh-TW';
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
  en: /* @__PURE__ */ join(enCustomer, enHelp, enConfirmCustomer, enFolderCustomer, enRecordsCustomer, enFiles, enTeamCustomer, enTeamShared),
  fr: /* @__PURE__ */ join(frCustomer, frHelp, frConfirmCustomer, frFolderCustomer, frRecordsCustomer, frFiles, frTeamCustomer, frTeamShared),
  'zh-TW': /* @__PURE__ */ join(zhTWCustomer, zhTWHelp, zhTWConfirmCustomer, zhTWFolderCustomer, zhTWRecordsCustomer, zhTWFiles, zhTWTeamCustomer, zhTWTeamShared),
  nl: /* @__PURE__ */ join(nlCustomer, nlHelp, nlConfirmCustomer, nlFolderCustomer, nlRecordsCustomer, nlFiles, nlTeamCustomer, nlTeamShared),
};

export const CONSOLE_CATALOGS: AppCatalogs = {
  en: /* @__PURE__ */ join(enConsole, enQueueConsole, enAccountsConsole, enConfirmConsole, enReadout, enFolderConsole, enHistoryConsole, enRecordsConsole, enFiles, enTeamConsole, enTeamShared),
  fr: /* @__PURE__ */ join(frConsole, frQueueConsole, frAccountsConsole, frConfirmConsole, frReadout, frFolderConsole, frHistoryConsole, frRecordsConsole, frFiles, frTeamConsole, frTeamShared),
  'zh-TW': /* @__PURE__ */ join(zhTWConsole, zhTWQueueConsole, zhTWAccountsConsole, zhTWConfirmConsole, zhTWReadout, zhTWFolderConsole, zhTWHistoryConsole, zhTWRecordsConsole, zhTWFiles, zhTWTeamConsole, zhTWTeamShared),
  nl: /* @__PURE__ */ join(nlConsole, nlQueueConsole, nlAccountsConsole, nlConfirmConsole, nlReadout, nlFolderConsole, nlHistoryConsole, nlRecordsConsole, nlFiles, nlTeamConsole, nlTeamShared),
};
