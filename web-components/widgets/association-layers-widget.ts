import { live } from 'lit/directives/live.js';
import { html } from 'lit/html.js';
import type { GroupView } from '../../engine/browser.js';
import { describedBy, renderError, renderHint, renderLabel } from './field-parts.js';
import { tickedIn, toggleAssociation } from './layer-selection.js';
import type { WidgetProps } from './widget-types.js';

/**
 * The manual's 医師会選択: each group as a panel headed by its facility (所属施設名), its
 * associations lowest layer first (3層 小樽市医師会, 2層 北海道医師会, 1層 日本医師会), one
 * group at a time, the cascade applied as the member ticks.
 */
export function renderAssociationLayersWidget(props: WidgetProps) {
  const { field, ids } = props;
  const active = (group: GroupView) => tickedIn(props.value, group).length > 0;
  return html`${renderLabel(props, 'group-label')}
    <div class="control">
      ${
        field.groups.length === 0
          ? html`<p id=${ids.control} class="empty" tabindex="-1">${props.emptyText}</p>`
          : html`<div class="layer-groups" role="group" aria-labelledby=${ids.label} aria-describedby=${describedBy(props)}>
              ${field.groups.map(
                (group, groupIndex) => html`<fieldset
                  class="layer-group ${active(group) ? 'active' : ''}"
                  part="layer-group${active(group) ? ' layer-group-active' : ''}"
                >
                  <legend class="layer-legend">${legendOf(props, group)}</legend>
                  <ul class="layers">
                    ${group.associations.map((association, index) => {
                      const id =
                        groupIndex === 0 && index === 0 ? ids.control : `${ids.control}-${groupIndex}-${index}`;
                      return html`<li>
                        <label class="layer-row" part="layer-row">
                          <input
                            type="checkbox"
                            id=${id}
                            value=${association.id}
                            aria-invalid=${props.error ? 'true' : 'false'}
                            .checked=${live(tickedIn(props.value, group).includes(association.id))}
                            @change=${(event: Event) =>
                              props.onCommit(
                                toggleAssociation(
                                  props.value,
                                  group,
                                  association.id,
                                  (event.target as HTMLInputElement).checked,
                                  field.cascade,
                                ),
                              )}
                          />
                          <span class="layer" part="layer">${association.layerLabel}</span>
                          <span class="layer-name">${association.name}</span>
                        </label>
                      </li>`;
                    })}
                  </ul>
                </fieldset>`,
              )}
            </div>`
      }
      ${renderHint(props)} ${renderError(props)}
    </div>`;
}

function legendOf(props: WidgetProps, group: GroupView): string {
  if (group.facility) return `${props.text.facility}${props.text.colon}${group.facility}`;
  return group.associations.map((association) => association.name).join(' ／ ');
}
