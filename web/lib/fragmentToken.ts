import { useEffect, useState } from 'react';

/**
 * Reads `#token=…` from the address and then removes it, so the secret does not linger in the address
 * bar or browser history. Links put the token in the fragment so it never reaches server logs.
 */
export function useFragmentToken(): string | null {
  const [token] = useState(() => new URLSearchParams(window.location.hash.slice(1)).get('token'));
  useEffect(() => {
    if (window.location.hash) window.history.replaceState(window.history.state, '', window.location.pathname);
  }, []);
  return token;
}
