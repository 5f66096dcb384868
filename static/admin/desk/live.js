// Live editing on a change form: who else has it open (with takeover), autosave with
// an offer to restore it, and a prompt before leaving with unsaved changes.
// Configured by the data-desk-live attribute of this script's own tag (see desk/live_admin.py).
(() => {
  "use strict";

  const config = JSON.parse(document.currentScript.dataset.deskLive);
  // The rich-text editors, to show restored text in them, not only in their textareas.
  const richEditors = new Map();
  document.addEventListener("prose-editor:ready", (event) => {
    richEditors.set(event.detail.textarea, event.detail.editor);
  });
  document.addEventListener("DOMContentLoaded", start);

  function start() {
    const form = document.querySelector("#content-main form[method=post]");
    if (!form) return;
    const csrfToken = form.querySelector("[name=csrfmiddlewaretoken]").value;
    const banner = element("div", "desk-live");
    const presence = element("div", "desk-live-presence");
    const offer = element("div", "desk-live-offer");
    const status = element("p", "desk-live-status");
    presence.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    banner.append(presence, offer, status);
    form.before(banner);

    const opened = snapshotKey();
    let lastSent = opened;
    let submitting = false;
    let takenOver = false;

    function post(url, data = {}) {
      const body = new FormData();
      body.append("csrfmiddlewaretoken", csrfToken);
      for (const [name, value] of Object.entries(data)) body.append(name, value);
      return fetch(url, { method: "POST", body, credentials: "same-origin" });
    }

    // Autosave: every few seconds, only when the form changed since the last one.
    function autosave() {
      const key = snapshotKey();
      if (key === lastSent) return Promise.resolve();
      return post(config.urls.autosave, { fields: key, based_on: config.basedOn })
        .then((response) => {
          if (!response.ok) throw new Error(response.statusText);
          lastSent = key;
          status.textContent = `Autosaved at ${new Date().toLocaleTimeString()}.`;
        })
        .catch(() => {
          status.textContent = "Could not autosave (offline?); your text is still here. Trying again.";
        });
    }
    setInterval(autosave, config.autosaveSeconds * 1000);

    // Presence: a heartbeat says we are here and brings back who else is.
    let heartbeatTimer = null;
    function heartbeat(enter) {
      if (!config.urls.heartbeat || takenOver) return;
      post(config.urls.heartbeat, enter ? { enter: "1" } : {})
        .then((response) => (response.ok ? response.json() : null))
        .then((state) => state && showPresence(state))
        .catch(() => {});
    }
    if (config.urls.heartbeat) {
      heartbeat(true);
      heartbeatTimer = setInterval(heartbeat, config.heartbeatSeconds * 1000);
    }

    function showPresence(state) {
      presence.replaceChildren();
      if (state.taken_over) {
        takenOver = true;
        clearInterval(heartbeatTimer);
        const notice = element("p", "desk-live-taken-over");
        notice.textContent =
          `${state.taken_over.by} took over at ${state.taken_over.at}; ` +
          "your unsaved text is kept: copy it or autosave it.";
        const keep = button("Autosave my text now", () => autosave());
        notice.append(" ", keep);
        presence.append(notice);
        return;
      }
      for (const editor of state.editors) {
        const line = element("p", "desk-live-editing");
        line.textContent = `${editor.name} is editing this ${config.noun} (since ${editor.since}).`;
        if (editor.may_take_over) {
          line.append(
            " ",
            button("Take over", () =>
              post(config.urls.takeOver)
                .then((response) => response.json())
                .then((answer) =>
                  answer.error ? (status.textContent = answer.error) : showPresence(answer)
                )
            )
          );
        }
        presence.append(line);
      }
    }

    // The offer to restore an autosave left by a crash, a closed tab or a lost connection.
    fetch(config.urls.autosave, { credentials: "same-origin" })
      .then((response) => (response.ok ? response.json() : {}))
      .then((answer) => answer.autosave && offerRestore(answer.autosave));

    function offerRestore(autosaved) {
      const current = snapshot();
      // In the form's order (the database may keep the autosave's keys in any order).
      const names = [...new Set([...form.elements].map((field) => field.name))];
      const differing = names.filter(
        (name) =>
          name in autosaved.fields &&
          editableFields(name).length &&
          JSON.stringify(autosaved.fields[name]) !== JSON.stringify(current[name] || [])
      );
      if (!differing.length) return;
      const intro = element("p");
      intro.textContent =
        `You have an autosave of this ${config.noun} from ${autosaved.saved_at}` +
        (autosaved.older_version
          ? `, made on an older version: someone has saved the ${config.noun} since.`
          : ".") +
        " It differs in:";
      const list = element("dl", "desk-live-differences");
      for (const name of differing) {
        const term = element("dt");
        term.textContent = labelOf(name);
        const text = element("dd");
        text.textContent = plainText(autosaved.fields[name].join(", "));
        list.append(term, text);
      }
      const actions = element("p");
      actions.append(
        button("Restore the autosave", () => {
          for (const name of differing) fill(name, autosaved.fields[name]);
          offer.replaceChildren();
          status.textContent = "Autosave restored into the form. Nothing is saved until you save.";
        }),
        " ",
        button("Discard it", () => {
          post(config.urls.discardAutosave);
          offer.replaceChildren();
        })
      );
      offer.append(intro, list, actions);
    }

    function editableFields(name) {
      return [...form.elements].filter(
        (field) => field.name === name && field.type !== "hidden" && field.type !== "file"
      );
    }

    function labelOf(name) {
      const field = editableFields(name)[0];
      const label = field && field.id && form.querySelector(`label[for="${CSS.escape(field.id)}"]`);
      return label ? label.textContent.replace(/:\s*$/, "") : name;
    }

    function fill(name, values) {
      for (const field of editableFields(name)) {
        if (field.type === "checkbox" || field.type === "radio") {
          field.checked = values.includes(field.value);
        } else if (field.tagName === "SELECT") {
          for (const value of values) {
            if (![...field.options].some((option) => option.value === value)) {
              field.add(new Option(value, value)); // an autocomplete's choice not loaded yet
            }
          }
          for (const option of field.options) option.selected = values.includes(option.value);
        } else {
          field.value = values[0] || "";
          const richEditor = richEditors.get(field);
          if (richEditor) richEditor.commands.setContent(field.value);
        }
        field.dispatchEvent(new Event("change", { bubbles: true }));
      }
    }

    function snapshot() {
      const fields = {};
      for (const [name, value] of new FormData(form)) {
        if (name === "csrfmiddlewaretoken" || typeof value !== "string") continue;
        (fields[name] ||= []).push(value);
      }
      return fields;
    }

    function snapshotKey() {
      return JSON.stringify(snapshot());
    }

    // Leaving: ask first when something is unsaved, but not after pressing Save.
    form.addEventListener("submit", () => {
      submitting = true;
    });
    window.addEventListener("beforeunload", (event) => {
      if (submitting || snapshotKey() === opened) return;
      event.preventDefault();
      event.returnValue = "";
    });
    window.addEventListener("pagehide", () => {
      const key = snapshotKey();
      if (!submitting && key !== lastSent) {
        navigator.sendBeacon(config.urls.autosave, beaconBody({ fields: key, based_on: config.basedOn }));
      }
      // After a submit the next page takes over the presence (or it expires by itself).
      if (config.urls.leave && !takenOver && !submitting) navigator.sendBeacon(config.urls.leave, beaconBody({}));
    });

    function beaconBody(data) {
      const body = new FormData();
      body.append("csrfmiddlewaretoken", csrfToken);
      for (const [name, value] of Object.entries(data)) body.append(name, value);
      return body;
    }
  }

  function element(tag, className) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    return node;
  }

  function button(text, onClick) {
    const node = element("button", "button");
    node.type = "button";
    node.textContent = text;
    node.addEventListener("click", onClick);
    return node;
  }

  function plainText(html) {
    const text = new DOMParser().parseFromString(html, "text/html").body.textContent || "";
    return text.length > 400 ? `${text.slice(0, 400)}…` : text;
  }
})();
