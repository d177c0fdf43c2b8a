// Host page script for the browser tests: builds a <mamis-form> from the query string and
// records the events it fires, the way an embedding site would listen to them.
const params = new URLSearchParams(location.search);
const formId = params.get('form') ?? 'withdrawal';
const mode = params.get('mode') ?? 'api';
window.hostLog = [];
for (const type of ['mamis-submitted', 'mamis-step-change', 'mamis-cancel']) {
  document.addEventListener(type, (event) => {
    window.hostLog.push({ type, detail: JSON.parse(JSON.stringify(event.detail)) });
  });
}
if (params.has('custom-widget')) await import('/pages/custom-widget.js');
if (params.has('theme')) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = '/pages/theme.css';
  document.head.append(link);
}

const form = document.createElement('mamis-form');
if (params.has('lang')) form.setAttribute('lang', params.get('lang'));
if (params.has('application')) form.setAttribute('application-id', params.get('application'));
if (mode === 'api') {
  form.setAttribute('form', formId);
  form.setAttribute('base-url', '');
} else {
  // The site passes the definition itself. With `api` it took it, with the member's sources,
  // today and the validator, from the server's form endpoint and files through the API; without,
  // it is the site's own copy and the form runs in the page alone.
  const given = params.has('api') ? await fromServer(formId) : await fromSite(formId);
  if (params.has('api')) form.setAttribute('base-url', '');
  form.definition = given.definition;
  form.sources = given.sources;
  form.today = given.today;
  form.validator = given.validator;
}
document.getElementById('main').append(form);

async function fromServer(id) {
  const answer = await fetch(`/api/forms/${id}`).then((response) => response.json());
  const validator = await import(answer.validatorUrl);
  return { ...answer, definition: answer.form.definition, validator: validator.default };
}

async function fromSite(id) {
  const [fixture, validator] = await Promise.all([
    fetch(`/fixtures/${id}.json`).then((response) => response.json()),
    import(`/validators/${id}.js`),
  ]);
  return { ...fixture, validator: validator.default };
}
