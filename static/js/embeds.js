/*
 * Click to load: an embedded video, post or track stays a static card (made by
 * media.embeds.card, nothing on it from the provider) until the reader presses
 * its button; only then does the provider's player load, in an iframe, from the
 * host the page's Content Security Policy allows for it. Without JavaScript the
 * card keeps its plain link to the content.
 */
const PERMISSIONS = "autoplay; encrypted-media; fullscreen; picture-in-picture; clipboard-write"
// No top-level navigation and no access to our page: the player gets what players need.
const SANDBOX =
  "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-presentation"

function loadPlayer(card) {
  const frame = document.createElement("iframe")
  frame.className = "embed__frame"
  frame.src = card.dataset.embedPlayer
  frame.title = card.dataset.embedLabel || "Embedded content"
  frame.allow = PERMISSIONS
  frame.allowFullscreen = true
  frame.referrerPolicy = "strict-origin-when-cross-origin"
  frame.setAttribute("sandbox", SANDBOX)
  if (card.dataset.embedHeight) frame.height = card.dataset.embedHeight
  const link = card.querySelector(".embed__link")
  card.replaceChildren(frame, ...(link ? [link] : []))
  card.classList.add("embed--loaded")
  frame.focus()
}

for (const card of document.querySelectorAll(".embed[data-embed-player]")) {
  const consent = card.querySelector(".embed__consent")
  const button = consent?.querySelector(".embed__load")
  if (!button) continue
  button.addEventListener("click", () => loadPlayer(card))
  consent.hidden = false
}
