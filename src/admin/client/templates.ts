import { validateTemplate } from '../../campaigns/templates.ts';

/**
 * Shows placeholder mistakes next to a call script or message as the organizer types, with the
 * same validator and wording the server uses on save. Fields opt in with `data-template="label"`;
 * the error goes in the field's `#<id>-error` element that the page already renders.
 */
export function watchTemplates(root: ParentNode): void {
  for (const field of root.querySelectorAll<HTMLTextAreaElement>('textarea[data-template]')) {
    const error = document.getElementById(`${field.id}-error`);
    if (!error) continue;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      const problems = validateTemplate(field.value, field.dataset.template ?? 'this text');
      const message = problems.map((p) => p.message).join(' ');
      error.textContent = message;
      error.hidden = message === '';
      field.setAttribute('aria-invalid', message ? 'true' : 'false');
      const described = new Set((field.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean));
      if (message) described.add(error.id);
      else described.delete(error.id);
      if (described.size > 0) field.setAttribute('aria-describedby', [...described].join(' '));
      else field.removeAttribute('aria-describedby');
    };
    field.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(check, 250);
    });
    field.addEventListener('blur', check);
  }
}
