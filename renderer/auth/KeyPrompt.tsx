import UsbOutlined from '@mui/icons-material/UsbOutlined';
import Alert from '@mui/material/Alert';
import CircularProgress from '@mui/material/CircularProgress';
import { useTranslation } from 'react-i18next';
import type { KeyProblem } from './security-key';

/** "Touch your key" while the browser waits for it; why it did not answer, once it gave up. */
export function KeyPrompt({ asking, problem, text }: { asking: boolean; problem: KeyProblem | null; text?: string }) {
  const { t } = useTranslation();
  if (asking) {
    return (
      <Alert severity="info" icon={<CircularProgress size={20} aria-hidden />} role="status" sx={{ mb: 2 }}>
        {text ?? t('key.prompt')}
      </Alert>
    );
  }
  if (problem) {
    return (
      <Alert severity="warning" icon={<UsbOutlined />} role="alert" sx={{ mb: 2 }}>
        {t(`key.problem.${problem}`)}
      </Alert>
    );
  }
  return null;
}
