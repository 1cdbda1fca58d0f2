// What the site's page scripts share: finding elements, the page's strings, the API's address, and the error
// summary with its per-field messages (focus to the summary, `aria-invalid` on the fields).

export const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

export function el(tag: string, className?: string, ...children: (Node | string)[]): HTMLElement {
  const element = document.createElement(tag);
  if (className) element.className = className;
  element.append(...children);
  return element;
}

/** The strings the page was built with, in its language (a JSON script element). */
export const pageStrings = <T>(): T => JSON.parse(document.getElementById("ui-strings")?.textContent ?? "{}") as T;

/** Where the API is: the page's own origin unless the build says otherwise. */
export const apiBase = document.querySelector<HTMLMetaElement>('meta[name="api-base"]')?.content ?? "";

export { waitText } from "@ballot/voter-text/ballot-status";

export interface FieldProblem<Field extends string> {
  readonly field?: Field | undefined;
  readonly message: string;
}

/**
 * The error summary (`#error-summary` with `#error-list`) and each field's message (`#<field>-error`): `show` lists
 * the problems, links each to its input, marks the inputs invalid and moves focus to the summary; `clear` undoes it.
 * `inputOf` names a field's input (the field itself by default); `decorate` may add to a problem's list item.
 */
export function errorSummary<Field extends string, Problem extends FieldProblem<Field>>(options: {
  readonly fields: readonly Field[];
  readonly inputOf?: (field: Field) => string;
  readonly decorate?: (item: HTMLElement, problem: Problem) => void;
}) {
  const summary = byId("error-summary");
  const errorList = byId("error-list");
  const inputOf = options.inputOf ?? ((field: Field) => field);
  const clear = () => {
    summary.hidden = true;
    errorList.replaceChildren();
    for (const field of options.fields) {
      const error = document.getElementById(`${field}-error`);
      if (error) error.textContent = "";
      document.getElementById(inputOf(field))?.removeAttribute("aria-invalid");
    }
  };
  const show = (problems: readonly Problem[]) => {
    clear();
    for (const problem of problems) {
      const item = el("li");
      if (problem.field) {
        const input = inputOf(problem.field);
        const link = el("a", undefined, problem.message) as HTMLAnchorElement;
        link.href = `#${input}`;
        link.dataset.field = input;
        item.append(link);
        byId(`${problem.field}-error`).textContent = problem.message;
        byId(input).setAttribute("aria-invalid", "true");
      } else {
        item.append(problem.message);
      }
      options.decorate?.(item, problem);
      errorList.append(item);
    }
    summary.hidden = false;
    summary.focus();
  };
  // A summary link moves focus to its field (and shows the field's label), as a fragment link alone does not always.
  errorList.addEventListener("click", (event) => {
    const link = (event.target as HTMLElement).closest<HTMLAnchorElement>("a[data-field]");
    const field = link?.dataset.field;
    if (!field) return;
    event.preventDefault();
    document.querySelector(`label[for="${field}"]`)?.scrollIntoView();
    byId(field).focus({ preventScroll: true });
  });
  return { clear, show };
}
