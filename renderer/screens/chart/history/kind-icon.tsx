import Biotech from '@mui/icons-material/Biotech';
import Description from '@mui/icons-material/Description';
import EventNote from '@mui/icons-material/EventNote';
import LocalHospital from '@mui/icons-material/LocalHospital';
import MedicalServices from '@mui/icons-material/MedicalServices';
import Medication from '@mui/icons-material/Medication';
import WarningAmber from '@mui/icons-material/WarningAmber';
import type { SvgIconProps } from '@mui/material/SvgIcon';
import type { ComponentType } from 'react';
import type { ChartEntryKind } from '../../../../shared/chart/entry-kinds';

const icons: Record<ChartEntryKind, ComponentType<SvgIconProps>> = {
  encounter: EventNote,
  diagnosis: LocalHospital,
  procedure: MedicalServices,
  prescription: Medication,
  allergy: WarningAmber,
  lab_result: Biotech,
  document: Description,
};

/** The kind's icon: decorative, the kind's name is always written beside it. */
export function KindIcon({ kind, ...props }: { kind: ChartEntryKind } & SvgIconProps) {
  const Icon = icons[kind];
  return <Icon aria-hidden fontSize="small" {...props} />;
}
