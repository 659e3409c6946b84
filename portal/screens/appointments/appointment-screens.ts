// «Записи» and «Записаться», one chunk loaded on demand by the router (app/router.tsx).
export { AppointmentsScreen } from './AppointmentsScreen';
export { BookingScreen } from './BookingScreen';
