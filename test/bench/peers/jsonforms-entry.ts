import { JsonForms } from '@jsonforms/react';
import { vanillaCells, vanillaRenderers } from '@jsonforms/vanilla-renderers';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { withdrawalSchema } from './withdrawal-schema.js';

// JSON Forms with React and its vanilla renderers: the smallest JSON Forms setup that renders a form.
createRoot(document.getElementById('app')!).render(
  createElement(JsonForms, {
    schema: withdrawalSchema as never,
    data: {},
    renderers: vanillaRenderers,
    cells: vanillaCells,
    onChange: () => {},
  }),
);
