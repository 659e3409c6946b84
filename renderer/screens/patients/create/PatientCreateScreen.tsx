import { useTranslation } from 'react-i18next';
import { ScreenHeader } from '../../../ui/ScreenHeader';
import { EnrolmentWizard } from './EnrolmentWizard';

export function PatientCreateScreen() {
  const { t } = useTranslation();
  return (
    <>
      <ScreenHeader title={t('patients.form.title')} subtitle={t('patients.form.intro')} />
      <EnrolmentWizard />
    </>
  );
}
