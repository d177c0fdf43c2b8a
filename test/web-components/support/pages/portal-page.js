// Host page script of the マイページTOP test page: records the status panel's events.
window.hostLog = [];
for (const type of ['mamis-edit', 'mamis-deleted']) {
  document.addEventListener(type, (event) => {
    window.hostLog.push({ type, detail: JSON.parse(JSON.stringify(event.detail)) });
  });
}
const lang = new URLSearchParams(location.search).get('lang');
if (lang)
  for (const element of document.querySelectorAll('mamis-application-status, mamis-membership-history'))
    element.setAttribute('lang', lang);
