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
  const [fixture, validator] = await Promise.all([
    fetch(`/fixtures/${formId}.json`).then((response) => response.json()),
    import(`/validators/${formId}.js`),
  ]);
  if (params.has('api')) form.setAttribute('base-url', '');
  form.definition = fixture.definition;
  form.sources = fixture.sources;
  form.today = fixture.today;
  form.validator = validator.default;
}
document.getElementById('main').append(form);
