/*
 * Where the history takes the forms from (renderer/screens/chart/forms/, built alongside): the
 * menu of new entries (`{ patientId, encounterId?, onRecorded(id) }`) and the amend dialog
 * (`{ entry, open, onClose, onSaved, mode: 'amend', onConflict?(draft) }`).
 */
export { EditEntryDialog } from '../forms/EditEntryDialog';
export { NewEntryMenu } from '../forms/NewEntryMenu';
