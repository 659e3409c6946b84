import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import type { ApiEnvelope, ContractApi } from '../../../../shared/api/facade';
import { useApiMutation } from '../../../api/use-api-mutation';
import { useSessionControl } from '../../../app/session';
import { splitApiError } from '../../../forms/field-problem';
import { enrolmentSteps, lastStep, stepOf } from './enrolment-steps';
import { dropKeptDraft, keepDraft, takeKeptDraft } from './kept-draft';
import {
  emptyPatientForm,
  patientFormFields,
  precheck,
  toPatientDraft,
  type CheckMoment,
  type FormProblems,
  type PatientFormField,
  type PatientFormValues,
} from './patient-form-model';
import { duplicateQuestion, useDuplicateCandidates } from './use-duplicate-candidates';

const nameFields: readonly PatientFormField[] = ['surname', 'name', 'patronymic'];

/** Why a save stopped before creating the card: the same identifier, or a similar person unconfirmed. */
export type DuplicateBlock = 'hardStop' | 'confirm';

type SaveOutcome = { blockedBy: DuplicateBlock } | { createdId: string };

/**
 * The save: duplicates asked afresh (the panel may still be waiting for the clerk to stop
 * typing); the same SNILS/ЕНП/INN stops it, a similar person not confirmed as someone else stops
 * it; otherwise the card is created.
 */
async function saveCard(
  api: ContractApi,
  { values, confirmed }: { values: PatientFormValues & { sex: 'male' | 'female' }; confirmed: ReadonlySet<string> },
): Promise<ApiEnvelope<SaveOutcome>> {
  const question = duplicateQuestion(values);
  const found = question ? await api.patients.duplicates(question) : null;
  if (found && !found.ok) return found;
  const items = found?.data.items ?? [];
  const unconfirmed = items.some((item) => !confirmed.has(item.id));
  const blockedBy = items.some((item) => item.hardStop) ? 'hardStop' : unconfirmed ? 'confirm' : null;
  if (blockedBy) return { ok: true, data: { blockedBy } };
  const created = await api.patients.create(toPatientDraft(values));
  return created.ok ? { ok: true, data: { createdId: created.data.id } } : created;
}

const firstProblem = (problems: FormProblems, fields: readonly PatientFormField[]) =>
  fields.find((field) => problems[field]);

/**
 * The enrolment wizard's policy (B1, B2): the steps and when a field's check is final, the
 * main process's word under the fields it names (retired when the field is edited), the
 * duplicates that stop a save, and the draft kept when the clerk leaves without saving. The
 * wizard component only draws what this returns.
 */
export function useEnrolment() {
  const navigate = useNavigate();
  const { generation } = useSessionControl();
  const [restored] = useState(() => takeKeptDraft(generation));
  const form = useForm<PatientFormValues>({ defaultValues: restored?.values ?? emptyPatientForm });
  const [step, setStep] = useState(restored?.step ?? 0);
  const [judgedSteps, setJudgedSteps] = useState<ReadonlySet<number>>(new Set());
  const [confirmed, setConfirmed] = useState<ReadonlySet<string>>(new Set());
  const [blockedBy, setBlockedBy] = useState<DuplicateBlock | null>(null);
  const [focusField, setFocusField] = useState<PatientFormField | null>(null);
  const panelHeading = useRef<HTMLHeadingElement>(null);
  const saved = useRef(false);
  const saving = useApiMutation(saveCard, { fields: patientFormFields });

  const values = form.watch();
  const duplicates = useDuplicateCandidates(values);
  const touched = form.formState.touchedFields;
  const momentOf = (field: PatientFormField): CheckMoment =>
    judgedSteps.has(stepOf(field)) ? 'final' : touched[field] ? 'left' : 'live';
  const checks = precheck(values, momentOf);
  const serverProblems = saving.problems.byField;
  const problemOf = (field: PatientFormField) => serverProblems[field] ?? checks[field];

  // Leaving without saving (to look at a candidate's card, say) keeps the draft for the way back.
  const latest = useRef({ values, step });
  latest.current = { values, step };
  useEffect(
    () => () => {
      if (!saved.current) keepDraft({ generation, ...latest.current, values: { ...latest.current.values } });
    },
    [generation],
  );

  useEffect(() => {
    if (!focusField) return;
    form.setFocus(focusField);
    setFocusField(null);
  }, [focusField, form]);

  /** Opens the step holding `field` and puts the caret there. */
  const goToField = (field: PatientFormField) => {
    setStep(stepOf(field));
    setFocusField(field);
  };

  // Editing a field retires the main process's word about it; the next save asks again. The
  // citizenship flag changes what the names may hold, so it retires their words too.
  const onEdit = (field: PatientFormField) => {
    saving.clearField(...(field === 'foreign' ? nameFields : [field]));
    if (blockedBy === 'hardStop') setBlockedBy(null);
  };

  const next = () => {
    const fields = enrolmentSteps[step]!.fields;
    setJudgedSteps((prior) => new Set([...prior, step]));
    const bad = firstProblem({ ...precheck(values, () => 'final'), ...serverProblems }, fields);
    if (bad) {
      form.setFocus(bad);
      return;
    }
    setStep(Math.min(step + 1, lastStep));
  };

  const back = () => setStep((current) => Math.max(current - 1, 0));

  const save = async () => {
    if (saving.busy) return;
    setJudgedSteps(new Set(enrolmentSteps.map((_, index) => index)));
    const bad = firstProblem({ ...precheck(values, () => 'final'), ...serverProblems }, patientFormFields);
    if (bad || values.sex === '') {
      goToField(bad ?? 'sex');
      return;
    }
    const answer = await saving.run({ values: { ...values, sex: values.sex }, confirmed });
    if (!answer) return;
    if (!answer.ok) {
      setBlockedBy(null);
      const first = firstProblem(splitApiError(answer.error, patientFormFields).byField, patientFormFields);
      if (first) goToField(first);
      return;
    }
    if ('blockedBy' in answer.data) {
      setBlockedBy(answer.data.blockedBy);
      panelHeading.current?.focus();
      return;
    }
    setBlockedBy(null);
    saved.current = true;
    dropKeptDraft();
    navigate(`/patients/${answer.data.createdId}`, { state: { created: true } });
  };

  const cancel = () => {
    saved.current = true; // nothing to keep: the clerk chose to drop it
    dropKeptDraft();
    navigate('/patients');
  };

  const onConfirm = (id: string, different: boolean) => {
    setConfirmed((prior) => {
      const nextSet = new Set(prior);
      if (different) nextSet.add(id);
      else nextSet.delete(id);
      return nextSet;
    });
    if (blockedBy === 'confirm') setBlockedBy(null);
  };

  return {
    form,
    values,
    step,
    onReview: step === lastStep,
    next,
    back,
    save,
    cancel,
    problemOf,
    onEdit,
    /** The refusal's problems that belong to no field; null while nothing was refused. */
    failure: saving.error ? saving.problems.general : null,
    saving: saving.busy,
    duplicates,
    hardStop: duplicates.status === 'ok' && duplicates.data.some((item) => item.hardStop),
    confirmed,
    onConfirm,
    blockedBy,
    panelHeading,
  };
}
