import { useEffect, useRef } from 'react';

/** A card the address names (a timeline entry opened it): scrolled to when it is shown. */
export function useOpenedCard<T extends HTMLElement>(opened: boolean) {
  const card = useRef<T>(null);
  useEffect(() => {
    if (opened) card.current?.scrollIntoView({ block: 'start' });
  }, [opened]);
  return card;
}
