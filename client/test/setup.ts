import { en } from '../lib/i18n/en';
import { i18n } from '../lib/i18n/i18n';
import { vi } from '../lib/i18n/vi';

// The app loads a page's messages with its code (app/router.tsx); a component rendered alone in a test
// has no page around it, so every message is there from the start, in both languages.
i18n.addResourceBundle('vi', 'translation', vi, true, true);
i18n.addResourceBundle('en', 'translation', en, true, true);
