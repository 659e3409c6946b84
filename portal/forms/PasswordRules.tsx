import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlined';
import RadioButtonUncheckedOutlined from '@mui/icons-material/RadioButtonUncheckedOutlined';
import Box from '@mui/material/Box';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { passwordRuleParams, passwordRules, unmetPasswordRules } from '../../shared/auth/password-policy';
import { localize } from '../../shared/errors/catalog';
import { useTexts } from '../i18n/use-texts';
import { visuallyHidden } from '../ui/visually-hidden';

/** The password rules of the seed, each turning green as the typed password meets it. */
export function PasswordRules({ password }: { password: string }) {
  const { t, pick } = useTexts();
  const unmet = new Set(unmetPasswordRules(password));
  const shown = passwordRules.filter((rule) => rule !== 'auth.password.too_long' || unmet.has(rule));
  return (
    <div>
      <Typography id="password-rules" variant="subtitle2" component="h2">
        {t('activate.rules')}
      </Typography>
      <List dense aria-labelledby="password-rules" aria-live="polite">
        {shown.map((rule) => {
          const met = !unmet.has(rule) && password !== '';
          return (
            <ListItem key={rule} disableGutters sx={{ py: 0, position: 'relative' }}>
              <ListItemIcon sx={{ minWidth: 32, color: met ? 'success.main' : 'text.secondary' }}>
                {met ? <CheckCircleOutlined fontSize="small" /> : <RadioButtonUncheckedOutlined fontSize="small" />}
              </ListItemIcon>
              <ListItemText
                primary={
                  <>
                    {pick(localize(rule, passwordRuleParams))}
                    <Box component="span" sx={visuallyHidden}>
                      {` — ${met ? t('activate.ruleMet') : t('activate.ruleUnmet')}`}
                    </Box>
                  </>
                }
              />
            </ListItem>
          );
        })}
      </List>
    </div>
  );
}
