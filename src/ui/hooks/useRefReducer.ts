// useReducer whose current state handlers can read synchronously: several key events can arrive
// in one stdin chunk, before React re-renders, and each must see the previous one's effect.
import { useCallback, useRef, useState } from 'react';

export function useRefReducer<S, A>(reducer: (s: S, a: A) => S, initial: S): [S, (a: A) => void, () => S] {
  const [state, setState] = useState(initial);
  const ref = useRef(state);
  const dispatch = useCallback((a: A) => {
    ref.current = reducer(ref.current, a);
    setState(ref.current);
  }, [reducer]);
  const get = useCallback(() => ref.current, []);
  return [state, dispatch, get];
}
