// The story form's live preview pane and its "Share a draft" panel (desk/views.py).
(function () {
  "use strict";
  const DELAY_MS = 1000;
  const WIDE = window.matchMedia("(min-width: 1600px)");

  function start() {
    const form = document.getElementById("article_form");
    if (!form) return;
    const match = window.location.pathname.match(/\/(\d+)\/change\/$/);
    const storyId = match ? match[1] : null;
    const previewUrl = storyId ? `/desk/stories/${storyId}/preview/` : "/desk/stories/preview/";
    const csrf = () => form.querySelector("[name=csrfmiddlewaretoken]").value;

    const pane = document.createElement("aside");
    pane.className = "desk-preview";
    pane.setAttribute("aria-label", "Preview");
    pane.innerHTML = `
      <div class="desk-preview__bar">
        <strong>Preview</strong> <span class="desk-preview__state" role="status"></span>
        <span class="desk-preview__widths">
          <button type="button" class="button" data-width="desktop" aria-pressed="true">Desktop</button>
          <button type="button" class="button" data-width="phone" aria-pressed="false">Phone</button>
        </span>
        <button type="button" class="button desk-preview__close">Hide preview</button>
      </div>
      <div class="desk-preview__frame"><iframe title="Story preview" name="desk-story-preview" sandbox="allow-scripts"></iframe></div>`;
    const toggle = document.createElement("button");
    toggle.type = "button";
    toggle.className = "button desk-preview-toggle";
    toggle.textContent = "Show preview";
    const frame = pane.querySelector("iframe");
    const state = pane.querySelector(".desk-preview__state");

    const main = document.getElementById("content-main") || form.parentNode;
    main.classList.add("desk-has-preview");
    main.appendChild(pane);
    document.body.appendChild(toggle);

    function setOpen(open) {
      // The drawer starts below the admin's header, so its user links (log out) stay
      // in reach (preview.css; a phone's bottom sheet ignores it).
      const header = document.getElementById("header");
      pane.style.setProperty("--desk-preview-top", header ? `${header.offsetHeight}px` : "0");
      document.body.classList.toggle("desk-preview-open", open);
      toggle.hidden = open;
      if (open) refresh();
    }
    pane.querySelector(".desk-preview__close").addEventListener("click", () => setOpen(false));
    toggle.addEventListener("click", () => setOpen(true));
    pane.querySelectorAll("[data-width]").forEach((button) => {
      button.addEventListener("click", () => {
        pane.classList.toggle("desk-preview--phone", button.dataset.width === "phone");
        pane.querySelectorAll("[data-width]").forEach((b) => {
          b.setAttribute("aria-pressed", String(b === button));
        });
      });
    });

    // The form is posted into the frame, which makes the preview a document of its own
    // under the policy its response carries (the frame-src its embeds' players need;
    // a srcdoc page would inherit this admin page's policy instead). The sandbox lets our
    // own scripts run there (an embed's "Load content" button, a gallery's slideshow) in
    // an opaque origin: nothing in the preview can reach this page or its cookies.
    let timer = null;
    frame.addEventListener("load", () => {
      if (frame.dataset.posted) state.textContent = "up to date";
    });
    function refresh() {
      if (!document.body.classList.contains("desk-preview-open")) return;
      state.textContent = "updating…";
      const saved = ["action", "target"].map((name) => [name, form.getAttribute(name)]);
      form.setAttribute("action", previewUrl);
      form.setAttribute("target", frame.name);
      frame.dataset.posted = "1";
      try {
        // Not requestSubmit(): no submit event, so nothing treats this as a save. Called
        // from the prototype in case a field is named "submit".
        HTMLFormElement.prototype.submit.call(form);
      } finally {
        for (const [name, value] of saved) {
          if (value === null) form.removeAttribute(name);
          else form.setAttribute(name, value);
        }
      }
    }
    function later() {
      clearTimeout(timer);
      timer = setTimeout(refresh, DELAY_MS);
    }
    form.addEventListener("input", later);
    form.addEventListener("change", later);
    if (window.django && window.django.jQuery) window.django.jQuery(form).on("change", later);
    setOpen(WIDE.matches);

    if (storyId) startSharing(form, storyId, csrf);
  }

  function startSharing(form, storyId, csrf) {
    const url = `/desk/stories/${storyId}/shared-links/`;
    const panel = document.createElement("fieldset");
    panel.className = "module aligned desk-share";
    form.appendChild(panel);

    async function load(target, body) {
      const response = await fetch(target, {
        method: body ? "POST" : "GET",
        body: body,
        headers: { "X-CSRFToken": csrf() },
        credentials: "same-origin",
      });
      if (response.ok) panel.innerHTML = await response.text();
    }
    panel.addEventListener("click", (event) => {
      const create = event.target.closest("[data-desk-share-create]");
      const revoke = event.target.closest("[data-desk-share-revoke]");
      if (create) {
        const body = new FormData();
        body.append("days", panel.querySelector("#desk-share-days").value);
        load(url, body);
      } else if (revoke) {
        load(revoke.dataset.deskShareRevoke, new FormData());
      }
    });
    load(url);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
