import { html, LitElement, render } from 'lit';

// Lit alone, for reference: what any Lit element costs before it does anything.
class Probe extends LitElement {
  override render() {
    return html`<p>lit</p>`;
  }
}
customElements.define('lit-probe', Probe);
render(html`<lit-probe></lit-probe>`, document.body);
