// «Запросы документов» (issue 14), one chunk loaded on demand by the router (app/router.tsx).
export { NewRecordRequestScreen } from './NewRecordRequestScreen';
export { RecordRequestsScreen } from './RecordRequestsScreen';
