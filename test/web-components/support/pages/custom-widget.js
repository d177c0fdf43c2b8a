// A site's own widget, registered through the bundle's public API: the 退会事由 radios drawn
// as a drop-down, with the shared label, hint and error parts so it stays accessible.
import { html, rankWith, registerWidget, renderError, renderLabel } from '/components/mamis-components.js';

registerWidget({
  name: 'reason-dropdown',
  tester: rankWith(5, (field) => field.name === 'reason'),
  renderer: (props) => html`${renderLabel(props)}
    <div class="control">
      <select
        id=${props.ids.control}
        class="input site-reason"
        aria-invalid=${props.error ? 'true' : 'false'}
        aria-describedby=${props.describedBy}
        @change=${(event) => props.onCommit(event.target.value)}
      >
        <option value="">—</option>
        ${props.field.options.map(
          (option) =>
            html`<option value=${option.value} ?selected=${props.value === option.value}>${option.label}</option>`,
        )}
      </select>
      ${renderError(props)}
    </div>`,
});
