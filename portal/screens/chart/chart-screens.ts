// The chart's screens, one chunk loaded on demand by the router (app/router.tsx).
export { CardsScreen } from './CardsScreen';
export { DocumentsScreen } from './labs/DocumentsScreen';
export { EntryScreen } from './EntryScreen';
export { ReportsScreen } from './reports/ReportsScreen';
export { SharingScreen } from './sharing/SharingScreen';
