import { useTranslation } from 'react-i18next';
import type { eventsEnUS } from './events.en-US.ts';

type Types = (typeof eventsEnUS)['types'];
type TypeKey = { [G in keyof Types]: `events.types.${G}.${keyof Types[G] & string}` }[keyof Types];

// Keys are camelCase: i18next reads a `_suffix` as a context or plural form.
const keyOf = (type: string) =>
  `events.types.${type.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())}` as TypeKey;

/** The translated name of an event type; an unknown (newer) type shows as itself. */
export function useEventTypeLabel(): (type: string) => string {
  const { t, i18n } = useTranslation();
  return (type) => (i18n.exists(keyOf(type)) ? t(keyOf(type)) : type);
}
