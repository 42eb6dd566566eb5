import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './platform/i18n/index.ts';
import './styles.css';
import { prefetchMe, Root } from './root.tsx';
import { preloadRoute } from './router.tsx';
import { loadTexts } from './strings.ts';

// Everything the first paint of this address needs starts now, side by side: the signed-in user, the
// code of its frame and page, and their texts (loaded with the platform's by initI18n).
prefetchMe();
preloadRoute(window.location.pathname);
// The first paint waits for the texts of the visitor's language (one small chunk).
void initI18n(loadTexts).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  ),
);
