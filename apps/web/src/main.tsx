import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './platform/i18n/index.ts';
import './styles.css';
import { Root } from './root.tsx';
import { loadTexts } from './strings.ts';

// The first paint waits for the texts of the visitor's language (one small chunk).
void initI18n(loadTexts).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  ),
);
