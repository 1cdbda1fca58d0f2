// The confirmation link's landing page: shows the text of the outcome the API put in `?outcome=`.
const outcome = new URLSearchParams(location.search).get("outcome") ?? "";
const known = [...document.querySelectorAll<HTMLElement>("[data-outcome]")].find(
  (element) => element.dataset.outcome === outcome && outcome !== "unknown",
);
if (known) {
  for (const element of document.querySelectorAll<HTMLElement>("[data-outcome]")) element.hidden = element !== known;
}
