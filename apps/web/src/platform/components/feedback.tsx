import AppContext, { type useAppProps } from 'antd/es/app/context';
import { lazy, type ReactNode, Suspense, useContext, useEffect, useMemo, useState } from 'react';

// antd's App provides message, notification and modal to `App.useApp()`, but brings their code
// (about 16 kB gzip) into the first load of every page. This provider gives `useFeedback()` the same
// API at once and loads the real one right after the first paint; a call made before it arrives
// waits for it.

type Api = useAppProps;
const FeedbackHost = lazy(() => import('./feedback-host.tsx'));

interface Handle {
  (): void;
  then: Promise<unknown>['then'];
  destroy: () => void;
  update: (config: unknown) => void;
}

function lazyApi(): { api: Api; ready: (real: Api) => void } {
  let real: Api | undefined;
  const waiting: ((api: Api) => void)[] = [];
  const stand = (call: (api: Api) => unknown): Handle => {
    let result: unknown;
    let done = false;
    const later: ((r: unknown) => void)[] = [];
    const when = (f: (r: unknown) => void) => (done ? f(result) : later.push(f));
    waiting.push((api) => {
      result = call(api);
      done = true;
      for (const f of later) f(result);
    });
    // What the real call returns: a closer that is also a promise (message), or destroy/update (modal).
    const handle = (() => when((r) => typeof r === 'function' && r())) as Handle;
    // biome-ignore lint/suspicious/noThenProperty: message's return value is awaitable; the stand-in must be too.
    handle.then = (ok, fail) => new Promise((resolve) => when(resolve)).then(ok, fail);
    handle.destroy = () => when((r) => (r as { destroy?: () => void } | undefined)?.destroy?.());
    handle.update = (c) => when((r) => (r as { update?: (c: unknown) => void } | undefined)?.update?.(c));
    return handle;
  };
  const part = <K extends keyof Api>(key: K): Api[K] =>
    new Proxy({} as Api[K], {
      get:
        (_target, method: string) =>
        (...args: unknown[]) => {
          const run = (api: Api) =>
            (api[key] as unknown as Record<string, (...a: unknown[]) => unknown>)[method]?.(...args);
          return real ? run(real) : stand(run);
        },
    });
  return {
    api: { message: part('message'), notification: part('notification'), modal: part('modal') },
    ready: (api) => {
      real = api;
      for (const f of waiting.splice(0)) f(api);
    },
  };
}

/** Replaces antd's `<App>`: the same `App.useApp()` API (useFeedback) for every page, the code loaded after first paint. */
export function FeedbackProvider({ children }: { children: ReactNode }) {
  const { api, ready } = useMemo(lazyApi, []);
  const [load, setLoad] = useState(false);
  useEffect(() => setLoad(true), []);
  return (
    <AppContext value={api}>
      {children}
      {load ? (
        <Suspense>
          <FeedbackHost onReady={ready} />
        </Suspense>
      ) : null}
    </AppContext>
  );
}

/** message, notification and modal in the app's theme and language (as antd's `App.useApp()`). */
export function useFeedback(): Api {
  return useContext(AppContext);
}
