import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './lib/i18n';
import { features } from './app/features';
import { en } from './app/messages/en';
import { ptBR } from './app/messages/pt-BR';
import { App } from './app/App';
import './app/styles.css';

initI18n([{ namespace: 'common', messages: { en, 'pt-BR': ptBR } }, ...features]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
