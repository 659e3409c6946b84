import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlined';
import ErrorOutlineOutlined from '@mui/icons-material/ErrorOutlineOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { ApplicationDetail } from '../../../shared/api/application-calls';
import type { ApplicationCheck } from '../../../shared/domain/application';
import { useApiMutation } from '../../api/use-api-mutation';
import type { applicationsRu } from '../../i18n/applications.ru';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { SectionCard } from '../../ui/SectionCard';

type ReasonKey = keyof typeof applicationsRu.applications.checks.reason;

/** The three checks of C3 as a checklist: each met or not, why, a link to fix it, and the clerk's mark. */
export function ApplicationChecks({
  detail,
  mayDecide,
  onChanged,
}: {
  detail: ApplicationDetail;
  mayDecide: boolean;
  onChanged(next: ApplicationDetail): void;
}) {
  const { t } = useTranslation();
  const finish = useApiMutation(
    (api, input: { id: string; check: ApplicationCheck }) => api.applications.finishCheck(input),
    { onSuccess: onChanged },
  );
  const reviewing = detail.application.status === 'in_review';
  return (
    <SectionCard title={t('applications.checks.title')}>
      <Typography variant="body2" color="text.secondary">
        {t('applications.checks.hint')}
      </Typography>
      {finish.error && <ApiErrorAlert title={t('applications.decision.failed')} problems={[finish.error]} />}
      <List dense>
        {detail.checks.map((check) => (
          <ListItem
            key={check.check}
            secondaryAction={
              <Box sx={{ display: 'flex', gap: 1 }}>
                {!check.met && (
                  <Button size="small" component={RouterLink} to={check.fix.route}>
                    {t(`applications.checks.fix.${check.fix.kind}`)}
                  </Button>
                )}
                {check.met && check.finished && (
                  <Typography variant="body2" color="success.main" sx={{ alignSelf: 'center' }}>
                    {t('applications.checks.done')}
                  </Typography>
                )}
                {check.met && !check.finished && mayDecide && reviewing && (
                  <Button
                    size="small"
                    variant="outlined"
                    disabled={finish.busy}
                    onClick={() => void finish.run({ id: detail.application.id, check: check.check })}
                  >
                    {t('applications.checks.markDone')}
                  </Button>
                )}
              </Box>
            }
          >
            <ListItemIcon>
              {check.met ? (
                <CheckCircleOutlined color="success" aria-hidden />
              ) : (
                <ErrorOutlineOutlined color="error" aria-hidden />
              )}
            </ListItemIcon>
            <ListItemText
              primary={t(`applications.checks.name.${check.check}`)}
              secondary={t(`applications.checks.reason.${check.reason as ReasonKey}`)}
            />
          </ListItem>
        ))}
      </List>
    </SectionCard>
  );
}
