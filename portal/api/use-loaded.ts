import { useCallback, useEffect, useState } from 'react';
import { refusalProblems, type GeneralProblem } from '../forms/refusal';

/**
 * What a screen loads when it opens (and again on `reload`): the answer, or the refusal's problems
 * for one alert. An answer that arrives after the screen asked again is dropped.
 */
export function useLoaded<T>(load: () => Promise<T>): {
  data: T | undefined;
  problems: GeneralProblem[];
  reload: () => void;
  setData: (data: T) => void;
} {
  const [data, setData] = useState<T | undefined>(undefined);
  const [problems, setProblems] = useState<GeneralProblem[]>([]);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    setProblems([]);
    load()
      .then((answer) => {
        if (current) setData(answer);
      })
      .catch((error: unknown) => {
        if (current) setProblems(refusalProblems(error));
      });
    return () => {
      current = false;
    };
  }, [load, round]);
  const reload = useCallback(() => setRound((value) => value + 1), []);
  return { data, problems, reload, setData };
}
