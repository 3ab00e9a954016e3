// The live estimate of the capacity form, recomputed whenever a field or the chosen thresholds change.
import { useMemo } from 'react';
import { useCapacityStore } from '../../stores/capacity/store.js';
import { selectFields, selectProfile } from '../../stores/capacity/selectors.js';
import { estimateForm, type FormEstimate } from './form-estimate.js';

export function useFormEstimate(): FormEstimate {
  const fields = useCapacityStore(selectFields);
  const profile = useCapacityStore(selectProfile);
  return useMemo(() => estimateForm(fields, profile), [fields, profile]);
}
