// What a feature (one folder under features/) contributes to the app. The app lists the features once
// (features/index.ts); routes, menus, partner-detail tabs and texts all come from that list. The
// platform only knows this shape, never a feature.

import type { ParseKeys } from 'i18next';
import { type ComponentType, createContext, createElement, lazy, Suspense, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { RouteObject } from 'react-router';
import type { Me } from './api/types.ts';
import { FullPageSpin } from './components/full-page-spin.tsx';
import { type Language, parseLanguage } from './i18n/index.ts';

/**
 * A menu or tab label in both languages, kept beside its entry: the frames draw them before any
 * feature's texts are loaded (a feature's texts come with its pages).
 */
export type Label = Record<Language, string>;

/**
 * `label` (both languages, preferred), or `labelKey`: a text key of the feature's texts, which the
 * frame then loads with it (heavier first load). A test checks that every labelKey exists.
 */
export type Labelled = { label: Label; labelKey?: never } | { labelKey: string; label?: never };

/** The text of a label in the language in use. */
export function useLabel(): (entry: Labelled) => string {
  const { t, i18n } = useTranslation();
  const lang = parseLanguage(i18n.language) ?? 'zh-CN';
  return (entry) => entry.label?.[lang] ?? (t(entry.labelKey as ParseKeys) as string);
}

export interface PartnerTabProps {
  partnerId: string;
}

/** A tab of the console's partner detail page. */
export type PartnerTab = PartnerTabBase & Labelled;
interface PartnerTabBase {
  /** Also the URL's `?tab=` value, and the data-testid suffix `partner-tab-<key>`. */
  key: string;
  /** Tabs are shown by ascending order. */
  order: number;
  component: ComponentType<PartnerTabProps>;
}

/** The portal's menu groups (sub-menus); an entry joins one with `group`. */
export type PortalMenuGroup = 'partner-info' | 'developer';

/** An entry of the portal's or the console's side menu (its label is also the page's title). */
export type MenuEntry = MenuEntryBase & Labelled;
interface MenuEntryBase {
  /** The data-testid suffix (`nav-<key>` in the portal, `console-nav-<key>` in the console). */
  key: string;
  /** Absolute path; the entry is selected on this path and below it. */
  path: string;
  /** Entries (and groups) are shown by ascending order. */
  order: number;
  /** For top-level entries. */
  icon?: ComponentType;
  /** Portal only: the sub-menu it belongs to. */
  group?: PortalMenuGroup;
  /** Shown only to these users (role checks mirror the server's policy). */
  visible?: (me: Me) => boolean;
  /** Names the page (selection and title) without drawing an entry. */
  hidden?: boolean;
}

export type StringTree = { [key: string]: string | StringTree };

export interface Feature<N extends string = string, S extends StringTree = StringTree> {
  /** The folder's name; also the namespace of its texts (`t('<name>.…')`). */
  name: N;
  routes?: {
    /** Inside the public frame (header, no menu) at `/`. */
    public?: RouteObject[];
    /** Inside the signed-in partner portal at `/`. */
    portal?: RouteObject[];
    /** Inside the operator console at `/console`. */
    console?: RouteObject[];
    /** Routes with their own frame (absolute paths). */
    root?: RouteObject[];
  };
  portalMenu?: MenuEntry[];
  consoleMenu?: MenuEntry[];
  /** Entries of the customer area's menu (`customer-nav-<key>`), under `/customer`. */
  customerMenu?: MenuEntry[];
  partnerTabs?: PartnerTab[];
  /** Other features whose texts its pages show (e.g. the dashboard shows the certification card). */
  uses?: string[];
  /** The feature's texts per language, loaded with its pages, only for the language in use. */
  strings?: Record<Language, () => Promise<S>>;
}

/** Declares a feature; keeps its name and texts typed so `t()` knows every key. */
export function defineFeature<N extends string, S extends StringTree = never>(feature: Feature<N, S>) {
  return feature;
}

type Named<T> = { [K in keyof T]: T[K] extends ComponentType<never> ? K : never }[keyof T];

/**
 * A route whose page is loaded on first visit, so each page ships in its own chunk. Navigations run
 * in a transition: the current page stays until the next one's code is there; a spinner shows only
 * when nothing was drawn yet.
 */
export function lazyPage<M>(load: () => Promise<M>, name: Named<M>): Pick<RouteObject, 'element' | 'handle'> {
  // One download, whoever asks first: the router on render, or `preload` at start (see preloadRoute).
  let loading: Promise<M> | undefined;
  const preload = () => {
    loading ??= load();
    loading.catch(() => {
      loading = undefined; // a failed download is tried again on the next render
    });
    return loading;
  };
  const Page = lazy(async () => ({ default: (await preload())[name] as ComponentType }));
  return {
    element: createElement(Suspense, { fallback: createElement(FullPageSpin) }, createElement(Page)),
    handle: { preload } satisfies RouteHandle,
  };
}

/** What a route tells the start (`preloadRoute`): its code to fetch and the features' texts it needs. */
export interface RouteHandle {
  preload?: () => Promise<unknown>;
  texts?: readonly string[];
}

/** A component loaded on first render (render it inside a Suspense boundary). */
export function lazyComponent<M, P>(load: () => Promise<M>, name: Named<M>): ComponentType<P> {
  return lazy(async () => ({ default: (await load())[name] as ComponentType<P> }));
}

/** The app's features, provided once at the root. */
export const FeaturesContext = createContext<readonly Feature[]>([]);

export function usePortalMenu(): MenuEntry[] {
  return useContext(FeaturesContext).flatMap((f) => f.portalMenu ?? []);
}

export function useConsoleMenu(): MenuEntry[] {
  return useContext(FeaturesContext).flatMap((f) => f.consoleMenu ?? []);
}

export function useCustomerMenu(): MenuEntry[] {
  return useContext(FeaturesContext)
    .flatMap((f) => f.customerMenu ?? [])
    .sort((a, b) => a.order - b.order);
}

export function usePartnerTabs(): PartnerTab[] {
  return useContext(FeaturesContext)
    .flatMap((f) => f.partnerTabs ?? [])
    .sort((a, b) => a.order - b.order);
}

/** The entry a path belongs to: the longest entry path that is the path or a parent of it. */
export function matchEntry(
  entries: readonly MenuEntry[],
  pathname: string,
  root: string,
): MenuEntry | undefined {
  let best: MenuEntry | undefined;
  for (const e of entries) {
    const hit = e.path === pathname || (e.path !== root && pathname.startsWith(`${e.path}/`));
    if (hit && (!best || e.path.length > best.path.length)) best = e;
  }
  return best;
}
