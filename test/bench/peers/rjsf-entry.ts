import Form from '@rjsf/core';
import validator from '@rjsf/validator-ajv8';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { withdrawalSchema } from './withdrawal-schema.js';

// react-jsonschema-form with its Ajv 8 validator, as its documentation sets it up.
createRoot(document.getElementById('app')!).render(
  createElement(Form, { schema: withdrawalSchema as never, validator }),
);
