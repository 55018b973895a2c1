// wagtail-localize's editor writes a few words in English whatever the admin's language
// ("English to Français translation", "More actions") and leaves its source texts without a
// language. Its React app renders after load and again on every change, so this follows it;
// it writes only what differs, or its own writing would wake it again (in an English admin
// "More actions" stays "More actions", and the page hung).
(() => {
  const root = document.querySelector("[data-translation-editor-language]");
  if (!root) return;
  const { sourceLang, targetLang, headingEn, heading, moreActions } = root.dataset;

  // "Translated manually on 6 December 2026": the server writes the month with strftime, in
  // English whatever the language; the browser writes it again in the page's language.
  const months = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];
  const englishDate = new RegExp(`\\b(\\d{1,2}) (${months.join("|")}) (\\d{4})\\b`);
  const dateFormat = new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
    day: "numeric", month: "long", year: "numeric", timeZone: "UTC",
  });
  const localiseDates = (notes) => {
    const walker = document.createTreeWalker(notes, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const found = englishDate.exec(node.textContent);
      if (!found) continue;
      const date = new Date(Date.UTC(+found[3], months.indexOf(found[2]), +found[1]));
      const text = node.textContent.replace(found[0], dateFormat.format(date));
      if (text !== node.textContent) node.textContent = text;
    }
  };

  const mend = () => {
    for (const title of root.querySelectorAll(".js-translation-editor h3")) {
      if (title.textContent === headingEn && heading !== headingEn) title.textContent = heading;
    }
    for (const label of root.querySelectorAll(".w-dropdown__toggle .w-sr-only")) {
      if (label.textContent === "More actions" && moreActions !== "More actions") {
        label.textContent = moreActions;
      }
    }
    for (const segment of root.querySelectorAll(
      ".js-translation-editor li.complete, .js-translation-editor li.incomplete",
    )) {
      // A segment is its source text, its translation, then notes and buttons.
      const [source, translation, notes] = segment.children;
      if (source && source.lang !== sourceLang) source.lang = sourceLang;
      if (translation && translation.tagName === "DIV" && translation.lang !== targetLang) {
        translation.lang = targetLang;
      }
      if (notes && notes.tagName === "UL") localiseDates(notes);
    }
  };
  new MutationObserver(mend).observe(root, { childList: true, subtree: true, characterData: true });
  mend();
})();
