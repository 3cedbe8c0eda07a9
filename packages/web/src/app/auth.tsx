import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Role } from '@guatu/core';
import { ApiError, get, post, setUnauthorizedHandler } from '../api/client';
import type { Me } from '../api/types';

interface Auth {
  me: Me | null;
  /** False until the first /auth/me answers. */
  ready: boolean;
  signIn(username: string, password: string): Promise<Me>;
  signOut(): Promise<void>;
  hasRole(...roles: Role[]): boolean;
}

const Context = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    get<Me>('/auth/me').then(
      (m) => setMe(m),
      (e: unknown) => {
        if (!(e instanceof ApiError && e.status === 401)) console.error(e);
      },
    ).finally(() => setReady(true));
    setUnauthorizedHandler(() => setMe(null));
    return () => setUnauthorizedHandler(null);
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    const m = await post<Me>('/auth/login', { username, password });
    setMe(m);
    return m;
  }, []);
  const signOut = useCallback(async () => {
    try {
      await post('/auth/logout');
    } finally {
      setMe(null);
    }
  }, []);
  const value = useMemo<Auth>(
    () => ({ me, ready, signIn, signOut, hasRole: (...roles) => !!me && roles.some((r) => me.roles.includes(r)) }),
    [me, ready, signIn, signOut],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useAuth(): Auth {
  const ctx = useContext(Context);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** Reviewers review at prefecture level or above, as the server's policy says. */
export function canReview(me: Me | null): boolean {
  return !!me && me.roles.includes('reviewer') && (me.region.level === 'province' || me.region.level === 'prefecture');
}
