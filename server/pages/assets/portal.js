// The portal's only script: it turns the components' events into page navigation, the way any
// site that embeds them would. Served from this origin, so the strict CSP allows it.

// 入会を継続する (or leaving any form): back to マイページTOP.
document.addEventListener('mamis-cancel', () => {
  window.location.assign('/');
});

// 修正 in the 申請ステータス panel: open the application's form with what was filed.
document.addEventListener('mamis-edit', (event) => {
  const application = event.detail?.application;
  if (!application) return;
  const query = new URLSearchParams({ application: application.id });
  window.location.assign(`/forms/${encodeURIComponent(application.formId)}?${query}`);
});

// Each new step starts at the top of the page, where its title is (long steps on a phone).
document.addEventListener('mamis-step-change', (event) => {
  if (event.detail?.previousStepId === undefined) return;
  const form = event.target instanceof Element ? event.target : null;
  const top = form ? form.getBoundingClientRect().top + window.scrollY - 8 : 0;
  if (window.scrollY > top) window.scrollTo({ top: Math.max(0, top) });
});

// Decisions that cannot be undone (承認, 差戻し) ask once more before the form is sent.
document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('button[data-confirm]') : null;
  if (button && !window.confirm(button.getAttribute('data-confirm') ?? '')) event.preventDefault();
});
