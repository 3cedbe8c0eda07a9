import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { fieldLabel, label as coreLabel, type Locale } from '@guatu/core';
import { setApiLanguage } from '../api/client';
import { en, zh, type MessageKey } from './messages';

interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  t(key: MessageKey, params?: Record<string, string | number>): string;
  /** A domain label from @guatu/core's tables (stages, roles, statuses…). */
  label(table: Record<string, { zh: string; en: string }>, key: string): string;
  /** A field's label from @guatu/core, the same words the API's error messages use. */
  field(name: string): string;
}

const Context = createContext<I18n | null>(null);
const STORAGE_KEY = 'guatu.locale';

function initialLocale(): Locale {
  const saved = localStorage.getItem(STORAGE_KEY);
  return saved === 'en' ? 'en' : 'zh';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const l = initialLocale();
    setApiLanguage(l);
    return l;
  });
  const setLocale = useCallback((l: Locale) => {
    localStorage.setItem(STORAGE_KEY, l);
    setApiLanguage(l);
    document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
    setLocaleState(l);
  }, []);
  const value = useMemo<I18n>(() => {
    const table = locale === 'zh' ? zh : en;
    return {
      locale,
      setLocale,
      t: (key, params) => {
        const text: string = table[key] ?? key;
        return params ? text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? '')) : text;
      },
      label: (tbl, key) => coreLabel(tbl, key, locale),
      field: (name) => fieldLabel(name, locale),
    };
  }, [locale, setLocale]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(Context);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
