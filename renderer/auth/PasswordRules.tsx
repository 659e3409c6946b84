import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlined';
import RadioButtonUncheckedOutlined from '@mui/icons-material/RadioButtonUncheckedOutlined';
import Box from '@mui/material/Box';
import { useTranslation } from 'react-i18next';
import { passwordRuleParams, passwordRules, unmetPasswordRules } from '../../shared/auth/password-policy';
import { localize } from '../../shared/errors/catalog';
import { useLanguage } from '../i18n/language';
import { visuallyHidden } from '../ui/visually-hidden';

/** The password policy as a checklist that ticks itself while the person types (A2). */
export function PasswordRules({ password, id }: { password: string; id: string }) {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const unmet = unmetPasswordRules(password);
  // "Too long" is a rule worth showing only to someone who broke it.
  const shown = passwordRules.filter((rule) => rule !== 'auth.password.too_long' || unmet.includes(rule));
  return (
    <Box
      component="ul"
      id={id}
      aria-label={t('password.rulesLabel')}
      sx={{ listStyle: 'none', p: 0, m: 0, mt: 1, mb: 2 }}
    >
      {shown.map((rule) => {
        const met = !unmet.includes(rule);
        const Icon = met ? CheckCircleOutlined : RadioButtonUncheckedOutlined;
        return (
          <Box
            component="li"
            key={rule}
            sx={{
              display: 'flex',
              alignItems: 'center',
              gap: 1,
              py: 0.25,
              color: met ? 'success.main' : 'text.secondary',
            }}
          >
            <Icon sx={{ fontSize: 18 }} aria-hidden />
            <span>{pick(localize(rule, passwordRuleParams))}</span>
            <Box component="span" sx={visuallyHidden}>
              {met ? t('password.met') : t('password.unmet')}
            </Box>
          </Box>
        );
      })}
    </Box>
  );
}
