import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { CommandLine } from '../../ui/CommandLine';
import { SectionCard } from '../../ui/SectionCard';

/** A shell argument in double quotes, as both the server's and the desk's command lines read it. */
function quoted(text: string): string {
  return `"${text.replace(/["\\$`]/g, (char) => `\\${char}`)}"`;
}

/**
 * How a desk is connected for now (no enrolment screen yet): a one-time code from the server's
 * CLI, entered with the desk's CLI, then a restart, since the sync worker reads its settings at
 * start. The desk's name goes into both commands so the server lists it by that name.
 */
export function ConnectDeskHelp() {
  const { t } = useTranslation();
  const session = useSession();
  const name = session.status === 'ok' ? ` --name ${quoted(session.data.device.name)}` : '';
  const steps = [
    { text: t('sync.connect.enrolDevice'), command: `medcard-server enrol-device${name}` },
    { text: t('sync.connect.enrolDesk'), command: `medcard enrol-desk --server URL${name}` },
    { text: t('sync.connect.restart'), command: null },
  ];
  return (
    <SectionCard title={t('sync.connect.title')}>
      <Typography>{t('sync.connect.intro')}</Typography>
      <Box component="ol" sx={{ pl: 3, mb: 0, '& > li + li': { mt: 2 } }}>
        {steps.map((step) => (
          <li key={step.text}>
            <Typography>{step.text}</Typography>
            {step.command && <CommandLine command={step.command} />}
          </li>
        ))}
      </Box>
    </SectionCard>
  );
}
